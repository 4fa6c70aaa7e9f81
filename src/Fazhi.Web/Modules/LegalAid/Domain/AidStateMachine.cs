namespace Fazhi.Web.Modules.LegalAid.Domain;

/// <summary>What staff can do to a legal-aid application or case.</summary>
public enum AidAction
{
    /// <summary>收到申请 / 收到通知: the first event, not an action one posts.</summary>
    Receive,
    RequestMaterials, SupplyMaterials, Withdraw, Grant, ProvideFirst, Refuse,
    Assign, Reassign, RecordProgress, AttendHearing, Close, Terminate,
    ReviewFile, Callback, Oversee, ReferBack,
}

/// <summary>
/// The state machine of a 法律援助 application and the case it becomes, as a table: from which states each action is
/// allowed and the state it leads to (null: unchanged). The aggregate refuses anything not in the table, so a case
/// cannot be closed before it was assigned (结案 is allowed only from 办理中).
/// </summary>
public static class AidStateMachine
{
    private static readonly AidStatus[] Open = [AidStatus.Reviewing, AidStatus.AwaitingMaterials, AidStatus.Granted, AidStatus.Assigned];

    private static readonly Dictionary<AidAction, (AidStatus[] From, AidStatus? To)> Table = new()
    {
        [AidAction.Receive] = ([], null),
        [AidAction.RequestMaterials] = ([AidStatus.Reviewing], AidStatus.AwaitingMaterials),
        [AidAction.SupplyMaterials] = ([AidStatus.AwaitingMaterials], AidStatus.Reviewing),
        [AidAction.Withdraw] = ([AidStatus.Reviewing, AidStatus.AwaitingMaterials], AidStatus.Withdrawn),
        [AidAction.Grant] = ([AidStatus.Reviewing], AidStatus.Granted),
        [AidAction.ProvideFirst] = ([AidStatus.Reviewing, AidStatus.AwaitingMaterials], AidStatus.Granted),
        [AidAction.Refuse] = ([AidStatus.Reviewing], AidStatus.Refused),
        [AidAction.Assign] = ([AidStatus.Granted], AidStatus.Assigned),
        [AidAction.Reassign] = ([AidStatus.Assigned], null),
        [AidAction.RecordProgress] = ([AidStatus.Assigned], null),
        [AidAction.AttendHearing] = ([AidStatus.Assigned], null),
        [AidAction.Close] = ([AidStatus.Assigned], AidStatus.Closed),
        [AidAction.Terminate] = ([AidStatus.Granted, AidStatus.Assigned], AidStatus.Terminated),
        [AidAction.ReviewFile] = ([AidStatus.Closed], null),
        [AidAction.Callback] = ([AidStatus.Assigned, AidStatus.Closed], null),
        [AidAction.Oversee] = ([AidStatus.Assigned, AidStatus.Closed], null),
        [AidAction.ReferBack] = ([AidStatus.Reviewing, AidStatus.AwaitingMaterials, AidStatus.Refused, AidStatus.Withdrawn, AidStatus.Closed, AidStatus.Terminated], null),
    };

    public static bool IsAllowed(AidStatus from, AidAction action) => Table[action].From.Contains(from);

    public static AidStatus Next(AidStatus from, AidAction action) => Table[action].To ?? from;

    public static IEnumerable<AidAction> AllowedFrom(AidStatus status) => Table.Where(t => t.Value.From.Contains(status)).Select(t => t.Key);

    /// <summary>The table as rows, for the docs and the test that walks it.</summary>
    public static IEnumerable<(AidAction Action, IReadOnlyList<AidStatus> From, AidStatus? To)> Rows => Table.Select(t => (t.Key, (IReadOnlyList<AidStatus>)t.Value.From, t.Value.To));

    public static bool IsOpen(AidStatus status) => Open.Contains(status);

    public static readonly System.Linq.Expressions.Expression<Func<AidCase, bool>> OpenCase = c =>
        c.Status == AidStatus.Reviewing || c.Status == AidStatus.AwaitingMaterials || c.Status == AidStatus.Granted || c.Status == AidStatus.Assigned;

    public static string NameOf(AidAction action) => action switch
    {
        AidAction.Receive => "收到申请",
        AidAction.RequestMaterials => "一次性告知补充材料",
        AidAction.SupplyMaterials => "收到补充材料",
        AidAction.Withdraw => "视为撤回申请",
        AidAction.Grant => "决定给予法律援助",
        AidAction.ProvideFirst => "先行提供法律援助",
        AidAction.Refuse => "决定不予法律援助",
        AidAction.Assign => "指派",
        AidAction.Reassign => "更换承办人员",
        AidAction.RecordProgress => "办案进展",
        AidAction.AttendHearing => "出庭",
        AidAction.Close => "结案",
        AidAction.Terminate => "终止法律援助",
        AidAction.ReviewFile => "案卷评查",
        AidAction.Callback => "满意度回访",
        AidAction.Oversee => "质量监督",
        AidAction.ReferBack => "转回人民调解",
        _ => action.ToString(),
    };
}
