using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Modules.Mediation.Rules;

namespace Fazhi.Web.Modules.Mediation.Features.Actions;

/// <summary>申请司法确认: both parties jointly, within 30 days of the agreement taking effect (人民调解法第三十三条, checked by
/// <see cref="JudicialConfirmation"/>); a late or one-sided application is refused citing the article.</summary>
public sealed class ApplyConfirmation : IDisputeAction
{
    public DisputeAction Action => DisputeAction.ApplyConfirmation;

    public IReadOnlyList<DisputeField> Form { get; } =
    [
        new(nameof(DisputeActionRequest.On), "申请日期", DisputeFieldKind.Date),
        new(nameof(DisputeActionRequest.Court), "受理法院", DisputeFieldKind.Text),
        new(nameof(DisputeActionRequest.Jointly), "双方当事人共同申请", DisputeFieldKind.Check),
    ];

    public void Apply(Dispute d, DisputeActionRequest r, DisputeActionContext x)
    {
        var court = Require.Text(r.Court, "court", "受理法院", 64);
        if (JudicialConfirmation.Refusal(d.EffectiveOn, x.On, r.Jointly == true, x.Calendar) is { } refusal)
            throw Kernel.Web.FazhiValidationException.For(r.Jointly == true ? "on" : "jointly", refusal);
        d.ApplyForConfirmation(x.On, court, x.Actor, x.NowUtc);
    }
}
