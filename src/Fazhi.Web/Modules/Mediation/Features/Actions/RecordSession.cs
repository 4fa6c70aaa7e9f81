using Fazhi.Web.Modules.Mediation.Domain;

namespace Fazhi.Web.Modules.Mediation.Features.Actions;

/// <summary>调解笔录: one session, with place and record (人民调解法第二十七条).</summary>
public sealed class RecordSession : IDisputeAction
{
    public DisputeAction Action => DisputeAction.RecordSession;

    public IReadOnlyList<DisputeField> Form { get; } =
    [
        new(nameof(DisputeActionRequest.On), "调解日期", DisputeFieldKind.Date),
        new(nameof(DisputeActionRequest.Place), "调解地点", DisputeFieldKind.Text),
        new(nameof(DisputeActionRequest.Record), "调解笔录（主要情况）", DisputeFieldKind.LongText),
    ];

    public void Apply(Dispute d, DisputeActionRequest r, DisputeActionContext x) =>
        d.RecordSession(x.On, Require.Text(r.Place, "place", "调解地点", 100), Require.Text(r.Record, "record", "调解笔录", 3000), x.Actor, x.NowUtc);
}
