namespace Fazhi.Web.Modules.Reconsideration.Domain;

/// <summary>What staff can do to a case. Status-changing actions follow <see cref="CaseStateMachine"/>.</summary>
public enum CaseAction
{
    /// <summary>收到申请: the case's first event (intake), not an action on an existing case.</summary>
    Receive,
    RequestCorrection, ReceiveCorrection, Abandon, Accept, DeemAccept, Reject, Refer,
    SendCopy, RecordCopyReceived, RecordReply, HearOpinion, ScheduleHearing, HoldHearing,
    Suspend, Resume, Extend, ConvertToOrdinary, Terminate, Mediate, Decide, Serve, RecordContact, Assign,
    /// <summary>履行情况: follow-up of a decision or 调解书 ("回头看").</summary>
    RecordPerformance,
    /// <summary>制发行政复议意见书/建议书 to an agency (第七十六条).</summary>
    IssueOpinionLetter,
    /// <summary>收到有关机关对意见书的反馈.</summary>
    RecordOpinionReply,

    // ---- recon-rules (issue 15 §2) ----
    /// <summary>修改案件信息 with a reason.</summary>
    Amend,
    /// <summary>作废 with a reason.</summary>
    Void,
    /// <summary>增加当事人 (申请人、代表人、第三人、委托代理人).</summary>
    AddParty,

    // ---- recon-more (issue 15 §3): 行政复议委员会 (第五十二条) ----
    /// <summary>提请行政复议委员会提出咨询意见.</summary>
    RequestConsultation,
    /// <summary>记录行政复议委员会的咨询意见.</summary>
    RecordConsultation,
}

/// <summary>
/// The state machine of a 行政复议 case, as a table: from which states each action is allowed, and the state it
/// leads to (null: the state does not change). The aggregate refuses anything not in the table.
/// </summary>
public static class CaseStateMachine
{
    private static readonly CaseStatus[] Open = [CaseStatus.Reviewing, CaseStatus.AwaitingCorrection, CaseStatus.Hearing, CaseStatus.Suspended];
    private static readonly CaseStatus[] Concluded = [CaseStatus.Decided, CaseStatus.Mediated, CaseStatus.Terminated, CaseStatus.NotAccepted, CaseStatus.Referred, CaseStatus.Abandoned];

    private static readonly Dictionary<CaseAction, (CaseStatus[] From, CaseStatus? To)> Table = new()
    {
        [CaseAction.Receive] = ([], null),
        [CaseAction.RequestCorrection] = ([CaseStatus.Reviewing], CaseStatus.AwaitingCorrection),
        [CaseAction.ReceiveCorrection] = ([CaseStatus.AwaitingCorrection], CaseStatus.Reviewing),
        [CaseAction.Abandon] = ([CaseStatus.AwaitingCorrection], CaseStatus.Abandoned),
        [CaseAction.Accept] = ([CaseStatus.Reviewing], CaseStatus.Hearing),
        [CaseAction.DeemAccept] = ([CaseStatus.Reviewing], CaseStatus.Hearing),
        [CaseAction.Reject] = ([CaseStatus.Reviewing], CaseStatus.NotAccepted),
        [CaseAction.Refer] = ([CaseStatus.Reviewing], CaseStatus.Referred),
        [CaseAction.SendCopy] = ([CaseStatus.Hearing], null),
        [CaseAction.RecordCopyReceived] = ([CaseStatus.Hearing], null),
        [CaseAction.RecordReply] = ([CaseStatus.Hearing, CaseStatus.Suspended], null),
        [CaseAction.HearOpinion] = ([CaseStatus.Hearing, CaseStatus.Suspended], null),
        [CaseAction.ScheduleHearing] = ([CaseStatus.Hearing], null),
        [CaseAction.HoldHearing] = ([CaseStatus.Hearing], null),
        [CaseAction.Suspend] = ([CaseStatus.Hearing], CaseStatus.Suspended),
        [CaseAction.Resume] = ([CaseStatus.Suspended], CaseStatus.Hearing),
        [CaseAction.Extend] = ([CaseStatus.Hearing], null),
        [CaseAction.ConvertToOrdinary] = ([CaseStatus.Hearing], null),
        [CaseAction.Terminate] = ([CaseStatus.Hearing, CaseStatus.Suspended], CaseStatus.Terminated),
        [CaseAction.Mediate] = ([CaseStatus.Hearing, CaseStatus.Suspended], CaseStatus.Mediated),
        [CaseAction.Decide] = ([CaseStatus.Hearing], CaseStatus.Decided),
        [CaseAction.Serve] = ([CaseStatus.Decided, CaseStatus.Mediated, CaseStatus.NotAccepted, CaseStatus.Terminated], null),
        [CaseAction.RecordContact] = ([.. Open, .. Concluded], null),
        [CaseAction.RecordPerformance] = ([CaseStatus.Decided, CaseStatus.Mediated], null),
        [CaseAction.IssueOpinionLetter] = ([CaseStatus.Hearing, CaseStatus.Suspended, CaseStatus.Decided, CaseStatus.Mediated, CaseStatus.Terminated], null),
        [CaseAction.RecordOpinionReply] = ([CaseStatus.Hearing, CaseStatus.Suspended, CaseStatus.Decided, CaseStatus.Mediated, CaseStatus.Terminated], null),
        [CaseAction.Assign] = ([.. Open, .. Concluded], null),
        // ---- recon-rules (issue 15 §2) ----
        [CaseAction.Amend] = ([.. Open, .. Concluded], null),
        [CaseAction.Void] = ([.. Open, .. Concluded], CaseStatus.Voided),
        [CaseAction.AddParty] = ([.. Open, .. Concluded], null),
        // ---- recon-more (issue 15 §3) ----
        [CaseAction.RequestConsultation] = ([CaseStatus.Hearing, CaseStatus.Suspended], null),
        [CaseAction.RecordConsultation] = ([CaseStatus.Hearing, CaseStatus.Suspended], null),
    };

    public static bool IsAllowed(CaseStatus from, CaseAction action) => Table[action].From.Contains(from);

    public static CaseStatus Next(CaseStatus from, CaseAction action) => Table[action].To ?? from;

    public static IEnumerable<CaseAction> AllowedFrom(CaseStatus status) =>
        Table.Where(t => t.Value.From.Contains(status) && t.Key is not CaseAction.DeemAccept).Select(t => t.Key);

    public static bool IsOpen(CaseStatus status) => Open.Contains(status);

    /// <summary>在办: the same test as <see cref="IsOpen"/>, as an expression a query can translate.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<ReconCase, bool>> OpenCase = c =>
        c.Status == CaseStatus.Reviewing || c.Status == CaseStatus.AwaitingCorrection || c.Status == CaseStatus.Hearing || c.Status == CaseStatus.Suspended;

    public static string NameOf(CaseAction action) => action switch
    {
        CaseAction.Receive => "收到申请",
        CaseAction.RequestCorrection => "通知补正",
        CaseAction.ReceiveCorrection => "收到补正材料",
        CaseAction.Abandon => "视为放弃",
        CaseAction.Accept => "受理",
        CaseAction.DeemAccept => "视为受理",
        CaseAction.Reject => "不予受理",
        CaseAction.Refer => "告知",
        CaseAction.SendCopy => "发送申请书副本",
        CaseAction.RecordCopyReceived => "被申请人收到副本",
        CaseAction.RecordReply => "收到答复",
        CaseAction.HearOpinion => "听取意见",
        CaseAction.ScheduleHearing => "安排听证",
        CaseAction.HoldHearing => "举行听证",
        CaseAction.Suspend => "中止",
        CaseAction.Resume => "恢复审理",
        CaseAction.Extend => "延期",
        CaseAction.ConvertToOrdinary => "转为普通程序",
        CaseAction.Terminate => "终止",
        CaseAction.Mediate => "调解结案",
        CaseAction.Decide => "作出决定",
        CaseAction.Serve => "送达",
        CaseAction.RecordContact => "联系当事人",
        CaseAction.Assign => "分配承办人",
        CaseAction.RecordPerformance => "履行情况",
        CaseAction.IssueOpinionLetter => "制发意见书/建议书",
        CaseAction.RecordOpinionReply => "意见书反馈",
        CaseAction.Amend => "修改案件信息",
        CaseAction.Void => "作废",
        CaseAction.AddParty => "增加当事人",
        CaseAction.RequestConsultation => "提请复议委员会咨询",
        CaseAction.RecordConsultation => "记录咨询意见",
        _ => action.ToString(),
    };
}
