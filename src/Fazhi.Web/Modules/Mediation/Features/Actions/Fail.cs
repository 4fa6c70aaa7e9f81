using Fazhi.Web.Modules.Mediation.Domain;

namespace Fazhi.Web.Modules.Mediation.Features.Actions;

/// <summary>调解不成: mediation ends and the parties are told how to pursue their rights (人民调解法第二十六条).</summary>
public sealed class Fail : IDisputeAction
{
    public DisputeAction Action => DisputeAction.Fail;

    public IReadOnlyList<DisputeField> Form { get; } =
        [new(nameof(DisputeActionRequest.On), "日期", DisputeFieldKind.Date), new(nameof(DisputeActionRequest.Reason), "告知当事人的维权途径（仲裁、行政、司法等）", DisputeFieldKind.Text)];

    public void Apply(Dispute d, DisputeActionRequest r, DisputeActionContext x) =>
        d.Fail(x.On, Require.Text(r.Reason, "reason", "告知的维权途径", 500), x.Actor, x.NowUtc);
}
