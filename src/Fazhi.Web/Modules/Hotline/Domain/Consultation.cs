using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Modules.Hotline.Domain;

/// <summary>会商事项的状态: 提出 → 会商 → 明确责任部门 / 出具裁定意见 → 反馈 → 跟踪.</summary>
public enum ConsultationStatus
{
    /// <summary>已提出</summary>
    Proposed,

    /// <summary>已会商</summary>
    Consulted,

    /// <summary>已明确责任（明确责任部门或出具裁定意见）</summary>
    Ruled,

    /// <summary>已反馈, now tracked: new tickets of the cluster count as recurrence.</summary>
    Tracking,
}

public enum ConsultationAction { Consult, Assign, Rule, Feedback }

/// <summary>
/// 会商研判事项: a cluster of tickets about one place and topic whose responsible department is disputed or unclear,
/// taken up by the 司法局 (国办函〔2025〕66号: unclear responsibility is settled after consultation, "必要时请机构编制、
/// 司法行政等部门进行职责界定"). Its ruling (裁定意见) is numbered per year.
/// </summary>
public sealed class Consultation : IOrgOwned
{
    public long Id { get; set; }

    /// <summary>The district's 司法局 that holds it.</summary>
    public int OrgUnitId { get; set; }

    public required string Title { get; set; }

    /// <summary>The cluster: 街道 code + topic words (see <c>ClusterMiner</c>).</summary>
    public required string ClusterKey { get; set; }

    public required string TownCode { get; set; }

    public string? Community { get; set; }

    /// <summary>主题词 of the cluster, separated by spaces.</summary>
    public required string Topic { get; set; }

    /// <summary>The tickets of the cluster when it was proposed (ticket numbers, comma separated).</summary>
    public required string TicketNos { get; set; }

    /// <summary>Departments the tickets were bounced between (org codes, comma separated).</summary>
    public required string Departments { get; set; }

    public ConsultationStatus Status { get; set; }

    public DateOnly ProposedOn { get; set; }

    public required string ProposedBy { get; set; }

    /// <summary>会商日期.</summary>
    public DateOnly? ConsultedOn { get; set; }

    /// <summary>参会部门 (org codes, comma separated).</summary>
    public string? Present { get; set; }

    /// <summary>会商纪要.</summary>
    public string? Minutes { get; set; }

    /// <summary>明确的责任部门 (org code).</summary>
    public string? ResponsibleCode { get; set; }

    public DateOnly? RuledOn { get; set; }

    /// <summary>Whether a written 裁定意见 was issued (else the responsibility was fixed at the meeting).</summary>
    public bool RulingIssued { get; set; }

    public int? RulingYear { get; set; }

    public int? RulingSeq { get; set; }

    /// <summary>裁定理由 (the ruling's body).</summary>
    public string? RulingText { get; set; }

    /// <summary>反馈: what the responsible department reported.</summary>
    public string? Feedback { get; set; }

    public DateOnly? FeedbackOn { get; set; }

    public int Version { get; set; }

    public string? RulingNumber(string prefix) => RulingYear is { } y && RulingSeq is { } s ? $"{prefix}〔{y}〕{s}号" : null;

    public void Consult(DateOnly on, string present, string minutes, DateOnly today)
    {
        Require(ConsultationAction.Consult);
        if (on > today)
            throw FazhiValidationException.For("consultedOn", "会商日期不能晚于今天");
        if (on < ProposedOn)
            throw FazhiValidationException.For("consultedOn", "会商日期不能早于提出日期");
        (ConsultedOn, Present, Minutes, Status) = (on, present, minutes, ConsultationStatus.Consulted);
    }

    /// <summary>明确责任部门 at the meeting, or (<paramref name="issue"/>) 出具裁定意见 with the year's next number.</summary>
    public void Rule(string responsibleCode, DateOnly on, bool issue, string? text, int nextSeq, DateOnly today)
    {
        Require(issue ? ConsultationAction.Rule : ConsultationAction.Assign);
        if (on > today || on < ConsultedOn)
            throw FazhiValidationException.For("ruledOn", "裁定日期应在会商日期与今天之间");
        ResponsibleCode = responsibleCode;
        RuledOn = on;
        RulingIssued = issue;
        RulingText = text;
        if (issue)
            (RulingYear, RulingSeq) = (on.Year, nextSeq);
        Status = ConsultationStatus.Ruled;
    }

    public void RecordFeedback(string feedback, DateOnly on, DateOnly today)
    {
        Require(ConsultationAction.Feedback);
        if (on > today || on < RuledOn)
            throw FazhiValidationException.For("feedbackOn", "反馈日期应在裁定日期与今天之间");
        (Feedback, FeedbackOn, Status) = (feedback, on, ConsultationStatus.Tracking);
    }

    private void Require(ConsultationAction action)
    {
        if (!ConsultationMachine.Allows(Status, action))
            throw new ConflictException($"会商事项当前为“{ConsultationMachine.Name(Status)}”，不能{ConsultationMachine.Name(action)}。");
        Version++;
    }
}

/// <summary>The transition table: which action each state allows, and where it leads.</summary>
public static class ConsultationMachine
{
    public static readonly IReadOnlyList<(ConsultationStatus From, ConsultationAction Action, ConsultationStatus To)> Transitions =
    [
        (ConsultationStatus.Proposed, ConsultationAction.Consult, ConsultationStatus.Consulted),
        (ConsultationStatus.Consulted, ConsultationAction.Assign, ConsultationStatus.Ruled),
        (ConsultationStatus.Consulted, ConsultationAction.Rule, ConsultationStatus.Ruled),
        (ConsultationStatus.Ruled, ConsultationAction.Feedback, ConsultationStatus.Tracking),
    ];

    public static bool Allows(ConsultationStatus s, ConsultationAction a) => Transitions.Any(t => t.From == s && t.Action == a);

    public static IEnumerable<ConsultationAction> ActionsIn(ConsultationStatus s) => Transitions.Where(t => t.From == s).Select(t => t.Action);

    public static string Name(ConsultationStatus s) => s switch
    {
        ConsultationStatus.Proposed => "已提出",
        ConsultationStatus.Consulted => "已会商",
        ConsultationStatus.Ruled => "已明确责任",
        _ => "跟踪中",
    };

    public static string Name(ConsultationAction a) => a switch
    {
        ConsultationAction.Consult => "记录会商",
        ConsultationAction.Assign => "明确责任部门",
        ConsultationAction.Rule => "出具裁定意见",
        _ => "登记反馈",
    };
}

/// <summary>The trained classifier (研判模型): one row per training run, the newest is used. Counts as JSON.</summary>
public sealed class TriageModel : IOrgOwned
{
    public long Id { get; set; }

    /// <summary>The district whose labelled tickets trained it.</summary>
    public int OrgUnitId { get; set; }

    public DateTime TrainedAtUtc { get; set; }

    public int Examples { get; set; }

    /// <summary>Accuracy on the held-out fifth (percent) of the field head, when there were enough examples.</summary>
    public decimal? HeldOutAccuracy { get; set; }

    public required string ModelJson { get; set; }
}
