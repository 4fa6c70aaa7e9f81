namespace Fazhi.Web.Modules.Enforcement.Rules;

/// <summary>Settings of the supervision rules (section <c>Enforcement</c> of the configuration).</summary>
public sealed class EnforcementOptions
{
    /// <summary>行政处罚法 第六十条: 90 days from 立案 to the decision, unless a law, regulation or rule says otherwise.</summary>
    public int PenaltyDecisionDays { get; set; } = 90;

    /// <summary>国办发〔2018〕118号: 行政处罚决定 are published within 7 working days of the decision.</summary>
    public int PublicationWorkingDays { get; set; } = 7;

    /// <summary>A penalty at or above this amount (in yuan) counts as 重大 for 第五十八条 even when the department did
    /// not flag it. Provinces set their own thresholds; 0 turns the amount test off.</summary>
    public long MajorPenaltyYuan { get; set; } = 100_000;

    /// <summary>Inspections of one enterprise within this many days are 重复检查 (same department) or 多头检查.</summary>
    public int RepeatInspectionWindowDays { get; set; } = 30;

    /// <summary>Days before a certificate's expiry at which it is flagged.</summary>
    public int CertificateExpiryNoticeDays { get; set; } = 30;

    /// <summary>Working days a department has to answer a warning (反馈).</summary>
    public int FeedbackWorkingDays { get; set; } = 5;

    /// <summary>Working days to rectify after the feedback (整改).</summary>
    public int RectificationWorkingDays { get; set; } = 15;

    /// <summary>Most records one batch may carry.</summary>
    public int MaxBatchSize { get; set; } = 10_000;

    /// <summary>Largest amount (yuan) accepted as plausible; above it a record is refused as a likely unit error.</summary>
    public long MaxAmountYuan { get; set; } = 10_000_000_000;

    public long MajorPenaltyFen => MajorPenaltyYuan * 100;
}
