namespace Fazhi.Web.Modules.Mediation.Domain;

/// <summary>What staff can do to a dispute. Status-changing actions follow <see cref="DisputeStateMachine"/>.</summary>
public enum DisputeAction
{
    /// <summary>登记: the dispute's first event (intake), not an action on an existing dispute.</summary>
    Receive,
    Accept, Decline, RecordSession, Succeed, Fail, Terminate, ApplyConfirmation, RecordRuling, FollowUp, ReferToLegalAid,

    /// <summary>选派: another mediator from the 调解员名录 takes over an open dispute.</summary>
    Designate,
}

/// <summary>
/// The state machine of a 人民调解 dispute, as a table: from which states each action is allowed and the state it leads
/// to (null: unchanged). 登记 → 受理 → 调解（笔录）→ 调解成功 / 调解不成 / 终止; after 调解成功 司法确认 and 回访.
/// </summary>
public static class DisputeStateMachine
{
    private static readonly DisputeStatus[] Open = [DisputeStatus.Registered, DisputeStatus.Mediating];
    private static readonly DisputeStatus[] Closed = [DisputeStatus.Succeeded, DisputeStatus.Failed, DisputeStatus.Terminated];

    private static readonly Dictionary<DisputeAction, (DisputeStatus[] From, DisputeStatus? To)> Table = new()
    {
        [DisputeAction.Receive] = ([], null),
        [DisputeAction.Accept] = ([DisputeStatus.Registered], DisputeStatus.Mediating),
        [DisputeAction.Decline] = ([DisputeStatus.Registered], DisputeStatus.Declined),
        [DisputeAction.RecordSession] = ([DisputeStatus.Mediating], null),
        [DisputeAction.Succeed] = ([DisputeStatus.Mediating], DisputeStatus.Succeeded),
        [DisputeAction.Fail] = ([DisputeStatus.Mediating], DisputeStatus.Failed),
        [DisputeAction.Terminate] = ([DisputeStatus.Mediating], DisputeStatus.Terminated),
        [DisputeAction.ApplyConfirmation] = ([DisputeStatus.Succeeded], null),
        [DisputeAction.RecordRuling] = ([DisputeStatus.Succeeded], null),
        [DisputeAction.FollowUp] = ([.. Closed], null),
        [DisputeAction.ReferToLegalAid] = ([.. Open, DisputeStatus.Failed, DisputeStatus.Terminated], null),
        [DisputeAction.Designate] = ([DisputeStatus.Mediating], null),
    };

    public static bool IsAllowed(DisputeStatus from, DisputeAction action) => Table[action].From.Contains(from);

    public static DisputeStatus Next(DisputeStatus from, DisputeAction action) => Table[action].To ?? from;

    public static IEnumerable<DisputeAction> AllowedFrom(DisputeStatus status) =>
        Table.Where(t => t.Value.From.Contains(status)).Select(t => t.Key);

    public static bool IsOpen(DisputeStatus status) => Open.Contains(status);

    public static readonly System.Linq.Expressions.Expression<Func<Dispute, bool>> OpenDispute = d =>
        d.Status == DisputeStatus.Registered || d.Status == DisputeStatus.Mediating;

    public static string NameOf(DisputeAction action) => action switch
    {
        DisputeAction.Receive => "登记",
        DisputeAction.Accept => "受理",
        DisputeAction.Decline => "不予受理",
        DisputeAction.RecordSession => "调解笔录",
        DisputeAction.Succeed => "调解成功（达成协议）",
        DisputeAction.Fail => "调解不成",
        DisputeAction.Terminate => "终止调解",
        DisputeAction.ApplyConfirmation => "申请司法确认",
        DisputeAction.RecordRuling => "登记法院裁定",
        DisputeAction.FollowUp => "回访",
        DisputeAction.ReferToLegalAid => "转介法律援助",
        DisputeAction.Designate => "选派调解员",
        _ => action.ToString(),
    };
}
