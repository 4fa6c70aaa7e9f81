using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Audit;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Modules.Enforcement.Domain;

public enum WarningSeverity
{
    /// <summary>提示</summary>
    Notice,
    /// <summary>一般</summary>
    Warning,
    /// <summary>严重</summary>
    Serious,
}

/// <summary>预警处理状态: 下发 → 反馈 → 整改 → 销号.</summary>
public enum WarningStatus
{
    /// <summary>已下发，待部门反馈</summary>
    Issued,
    /// <summary>部门已反馈，整改中</summary>
    Rectifying,
    /// <summary>部门已报整改结果，待销号</summary>
    Rectified,
    /// <summary>已销号</summary>
    Closed,
}

/// <summary>
/// 预警: a rule's finding about a record (or, for certificate rules, an officer), sent to the department that owns
/// it and handled to closure. A warning is created by the rules engine (derived data, so its creation is not
/// audited); every step a person takes on it is.
/// </summary>
public sealed class EnforcementWarning : IOrgOwned, IDerivedOnCreate
{
    public long Id { get; set; }

    /// <summary>Set by the rules engine when it closes or re-opens the warning (not stored).</summary>
    public bool ChangedByRules { get; set; }

    /// <summary>The department that must answer.</summary>
    public int OrgUnitId { get; set; }

    public long? RecordId { get; set; }

    public long? OfficerId { get; set; }

    public required string RuleCode { get; set; }

    public WarningSeverity Severity { get; set; }

    /// <summary>What the warning is about, as the department knows it: the record's sourceId or a certificate number.</summary>
    public required string Subject { get; set; }

    public required string Message { get; set; }

    /// <summary>Rule + subject: a rule raises one warning per subject, however often the record is re-sent.</summary>
    public required string DedupKey { get; set; }

    public DateOnly RaisedOn { get; set; }

    /// <summary>The deadline of the current step (反馈 while issued, 整改 while rectifying).</summary>
    public DateOnly DueOn { get; set; }

    /// <summary>The day the current step's period counts from (raised, feedback given, or report sent back): with the
    /// period's working days it gives <see cref="DueOn"/>, recomputed set-based when a year's holiday notice changes.
    /// Null only on rows stored before the column existed.</summary>
    public DateOnly? StepStartedOn { get; set; }

    public WarningStatus Status { get; set; }

    public string? Feedback { get; set; }

    public DateOnly? FeedbackOn { get; set; }

    public string? Rectification { get; set; }

    public DateOnly? RectifiedOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public string? ClosedBy { get; set; }

    public string? CloseNote { get; set; }

    /// <summary>Closed by the engine because corrected data no longer triggers the rule.</summary>
    public bool AutoClosed { get; set; }

    public int Version { get; set; }

    public bool IsOverdue(DateOnly today) => Status != WarningStatus.Closed && Deadlines.IsOverdue(DueOn, today);

    private void Move(WarningStep step)
    {
        Status = WarningStateMachine.Next(Status, step);
        Version++; // a concurrent step (or the engine closing it) made on the same version fails with 409
    }

    /// <summary>反馈: the department says what happened and what it will do; the rectification period starts.</summary>
    public void GiveFeedback(string text, DateOnly on, DateOnly rectificationDue)
    {
        Move(WarningStep.Feedback);
        Feedback = text;
        FeedbackOn = on;
        StepStartedOn = on;
        DueOn = rectificationDue;
    }

    /// <summary>整改: the department reports what it corrected.</summary>
    public void ReportRectification(string text, DateOnly on)
    {
        Move(WarningStep.Rectify);
        Rectification = text;
        RectifiedOn = on;
    }

    /// <summary>销号: the bureau accepts the rectification.</summary>
    public void Close(string note, DateOnly on, string by)
    {
        Move(WarningStep.Close);
        ClosedOn = on;
        ClosedBy = by;
        CloseNote = note;
    }

    /// <summary>退回整改: the bureau does not accept the report; a new rectification period starts.</summary>
    public void SendBack(string reason, DateOnly on, DateOnly rectificationDue)
    {
        Move(WarningStep.SendBack);
        CloseNote = "退回：" + reason;
        StepStartedOn = on;
        DueOn = rectificationDue;
    }

    /// <summary>The rules engine closes an unanswered warning whose record no longer triggers the rule.</summary>
    public void AutoClose(DateOnly on)
    {
        Move(WarningStep.AutoClose);
        AutoClosed = true;
        ClosedOn = on;
        ClosedBy = "system";
        CloseNote = "部门更正数据后不再触发该规则，系统自动销号";
        ChangedByRules = true;
    }

    /// <summary>The rules engine re-opens a warning it had closed itself when the record triggers the rule again.</summary>
    public void Reopen(string message, DateOnly on, DateOnly feedbackDue)
    {
        Move(WarningStep.Reopen);
        AutoClosed = false;
        ClosedOn = null;
        CloseNote = null;
        RaisedOn = on;
        StepStartedOn = on;
        DueOn = feedbackDue;
        Message = message;
        ChangedByRules = true;
    }
}

/// <summary>The steps of a warning's handling (下发 → 反馈 → 整改 → 销号, or 退回).</summary>
public enum WarningStep { Feedback, Rectify, Close, SendBack, AutoClose, Reopen }

/// <summary>
/// The lifecycle of a 预警 as a table: from which state each step may be taken, and the state it leads to. The
/// aggregate refuses anything not in the table, naming the current state.
/// </summary>
public static class WarningStateMachine
{
    private static readonly Dictionary<WarningStep, (WarningStatus From, WarningStatus To)> Table = new()
    {
        [WarningStep.Feedback] = (WarningStatus.Issued, WarningStatus.Rectifying),
        [WarningStep.Rectify] = (WarningStatus.Rectifying, WarningStatus.Rectified),
        [WarningStep.Close] = (WarningStatus.Rectified, WarningStatus.Closed),
        [WarningStep.SendBack] = (WarningStatus.Rectified, WarningStatus.Rectifying),
        [WarningStep.AutoClose] = (WarningStatus.Issued, WarningStatus.Closed),
        [WarningStep.Reopen] = (WarningStatus.Closed, WarningStatus.Issued),
    };

    public static bool Allowed(WarningStatus from, WarningStep step) => Table[step].From == from;

    public static IReadOnlyList<WarningStep> AllowedFrom(WarningStatus from) => [.. Table.Where(t => t.Value.From == from).Select(t => t.Key)];

    public static WarningStatus Next(WarningStatus from, WarningStep step) =>
        Allowed(from, step) ? Table[step].To : throw new ConflictException($"该预警当前为“{WarningNames.Of(from)}”，不能{NameOf(step)}。");

    public static string NameOf(WarningStep step) => step switch
    {
        WarningStep.Feedback => "反馈",
        WarningStep.Rectify => "报送整改情况",
        WarningStep.Close => "销号",
        WarningStep.SendBack => "退回整改",
        WarningStep.AutoClose => "自动销号",
        _ => "重新下发",
    };
}

public static class WarningNames
{
    public static string Of(WarningStatus s) => s switch
    {
        WarningStatus.Issued => "待反馈",
        WarningStatus.Rectifying => "整改中",
        WarningStatus.Rectified => "待销号",
        _ => "已销号",
    };

    public static string Of(WarningSeverity s) => s switch
    {
        WarningSeverity.Notice => "提示",
        WarningSeverity.Warning => "一般",
        _ => "严重",
    };
}
