using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Audit;
using Fazhi.Web.Kernel.Timers;

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
