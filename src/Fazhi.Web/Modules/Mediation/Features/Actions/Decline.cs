using Fazhi.Web.Modules.Mediation.Domain;

namespace Fazhi.Web.Modules.Mediation.Features.Actions;

/// <summary>不予受理: e.g. a party expressly refuses mediation (人民调解法第十七条); the reason is required.</summary>
public sealed class Decline : IDisputeAction
{
    public DisputeAction Action => DisputeAction.Decline;

    public IReadOnlyList<DisputeField> Form { get; } =
        [new(nameof(DisputeActionRequest.On), "日期", DisputeFieldKind.Date), new(nameof(DisputeActionRequest.Reason), "不予受理理由", DisputeFieldKind.Text)];

    public void Apply(Dispute d, DisputeActionRequest r, DisputeActionContext x) =>
        d.Decline(x.On, Require.Text(r.Reason, "reason", "不予受理理由", 500), x.Actor, x.NowUtc);
}
