using Fazhi.Web.Modules.Mediation.Domain;

namespace Fazhi.Web.Modules.Mediation.Features.Actions;

/// <summary>终止调解 (人民调解法第二十六条): a party withdraws or goes to court or arbitration.</summary>
public sealed class Terminate : IDisputeAction
{
    public DisputeAction Action => DisputeAction.Terminate;

    public IReadOnlyList<DisputeField> Form { get; } =
        [new(nameof(DisputeActionRequest.On), "终止日期", DisputeFieldKind.Date), new(nameof(DisputeActionRequest.Reason), "终止原因", DisputeFieldKind.Text)];

    public void Apply(Dispute d, DisputeActionRequest r, DisputeActionContext x) =>
        d.Terminate(x.On, Require.Text(r.Reason, "reason", "终止原因", 500), x.Actor, x.NowUtc);
}
