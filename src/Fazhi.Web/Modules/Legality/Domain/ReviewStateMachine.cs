namespace Fazhi.Web.Modules.Legality.Domain;

/// <summary>送审事项类别.</summary>
public enum MatterKind
{
    /// <summary>规范性文件（草案）</summary>
    NormativeDocument,
    /// <summary>合同</summary>
    Contract,
    /// <summary>重大行政决策</summary>
    MajorDecision,
    /// <summary>常务会/专题会议题</summary>
    MeetingTopic,
    /// <summary>区领导批办件</summary>
    LeaderInstruction,
    /// <summary>上级征求意见</summary>
    RequestForComment,
    /// <summary>公平竞争审查（政策措施）</summary>
    FairCompetition,
    /// <summary>其他</summary>
    Other,
}

public enum MatterStatus
{
    /// <summary>已送审</summary>
    Submitted,
    /// <summary>已收件</summary>
    Received,
    /// <summary>审查中</summary>
    Reviewing,
    /// <summary>补充材料中（暂停计时）</summary>
    AwaitingMaterials,
    /// <summary>已出具意见</summary>
    OpinionIssued,
    /// <summary>已办结</summary>
    Closed,
    /// <summary>已撤回</summary>
    Withdrawn,
}

public enum MatterAction { Submit, Receive, Assign, RequestMaterials, ReceiveMaterials, AddComment, IssueOpinion, RecordAdoption, Close, Withdraw }

/// <summary>审查结论.</summary>
public enum OpinionConclusion
{
    /// <summary>合法（无修改意见）</summary>
    Lawful,
    /// <summary>修改后合法</summary>
    LawfulAfterChanges,
    /// <summary>不合法</summary>
    Unlawful,
}

/// <summary>采纳情况.</summary>
public enum Adoption { Adopted, PartlyAdopted, NotAdopted }

/// <summary>
/// The review workflow as a transition table: each row is (from, action, to). The aggregate refuses anything not here;
/// the page offers only what is here; every step writes an event with its from and to state (the audit trail).
/// </summary>
public static class ReviewStateMachine
{
    public sealed record Transition(MatterStatus From, MatterAction Action, MatterStatus To);

    public static IReadOnlyList<Transition> Table { get; } =
    [
        new(MatterStatus.Submitted, MatterAction.Receive, MatterStatus.Received),
        new(MatterStatus.Submitted, MatterAction.Withdraw, MatterStatus.Withdrawn),
        new(MatterStatus.Received, MatterAction.Assign, MatterStatus.Reviewing),
        new(MatterStatus.Received, MatterAction.Withdraw, MatterStatus.Withdrawn),
        new(MatterStatus.Reviewing, MatterAction.Assign, MatterStatus.Reviewing),
        new(MatterStatus.Reviewing, MatterAction.RequestMaterials, MatterStatus.AwaitingMaterials),
        new(MatterStatus.Reviewing, MatterAction.AddComment, MatterStatus.Reviewing),
        new(MatterStatus.Reviewing, MatterAction.IssueOpinion, MatterStatus.OpinionIssued),
        new(MatterStatus.Reviewing, MatterAction.Withdraw, MatterStatus.Withdrawn),
        new(MatterStatus.AwaitingMaterials, MatterAction.Assign, MatterStatus.AwaitingMaterials),
        new(MatterStatus.AwaitingMaterials, MatterAction.ReceiveMaterials, MatterStatus.Reviewing),
        new(MatterStatus.AwaitingMaterials, MatterAction.Withdraw, MatterStatus.Withdrawn),
        new(MatterStatus.OpinionIssued, MatterAction.RecordAdoption, MatterStatus.OpinionIssued),
        new(MatterStatus.OpinionIssued, MatterAction.Close, MatterStatus.Closed),
    ];

    public static bool IsAllowed(MatterStatus from, MatterAction action) => Table.Any(t => t.From == from && t.Action == action);

    public static MatterStatus Next(MatterStatus from, MatterAction action) =>
        Table.FirstOrDefault(t => t.From == from && t.Action == action)?.To
        ?? throw new InvalidOperationException($"{action} is not allowed from {from}");

    public static IEnumerable<MatterAction> AllowedFrom(MatterStatus status) => Table.Where(t => t.From == status).Select(t => t.Action);

    public static bool IsOpen(MatterStatus s) => s is MatterStatus.Submitted or MatterStatus.Received or MatterStatus.Reviewing or MatterStatus.AwaitingMaterials;

    /// <summary>Actions of the reviewing section (the others are the submitter's).</summary>
    public static bool IsReviewerAction(MatterAction a) => a is not (MatterAction.Submit or MatterAction.RecordAdoption or MatterAction.Withdraw);

    public static string NameOf(MatterAction a) => a switch
    {
        MatterAction.Submit => "送审",
        MatterAction.Receive => "收件",
        MatterAction.Assign => "分配审查人",
        MatterAction.RequestMaterials => "通知补充材料",
        MatterAction.ReceiveMaterials => "收到补充材料",
        MatterAction.AddComment => "提出审查意见",
        MatterAction.IssueOpinion => "出具审核意见书",
        MatterAction.RecordAdoption => "反馈采纳情况",
        MatterAction.Close => "办结",
        MatterAction.Withdraw => "撤回",
        _ => a.ToString(),
    };
}
