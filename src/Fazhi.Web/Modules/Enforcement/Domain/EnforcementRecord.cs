using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Enforcement.Domain;

/// <summary>执法行为类型.</summary>
public enum RecordKind
{
    /// <summary>行政检查</summary>
    Inspection,
    /// <summary>行政处罚</summary>
    Penalty,
    /// <summary>行政强制</summary>
    Coercion,
    /// <summary>其他执法行为</summary>
    Other,
}

/// <summary>执法对象: an enterprise (with its 统一社会信用代码) or a natural person.</summary>
public enum TargetKind { Enterprise, Person }

/// <summary>
/// 执法记录: one inspection, penalty, coercive measure or other act, pushed by the department that did it.
/// Identified at the source by (department, <see cref="SourceId"/>): a re-sent record updates this row.
/// Records arrive in bulk, so a row is not audited one by one; the batch that wrote it is (<see cref="BatchId"/>).
/// </summary>
public sealed class EnforcementRecord : IOrgOwned
{
    public long Id { get; set; }

    /// <summary>The department (执法部门) that did the act and sent the record.</summary>
    public int OrgUnitId { get; set; }

    /// <summary>The record's id in the department's own system.</summary>
    public required string SourceId { get; set; }

    public RecordKind Kind { get; set; }

    /// <summary>执法事项编码 (from the catalogue).</summary>
    public required string ItemCode { get; set; }

    public long? ItemId { get; set; }

    public TargetKind TargetKind { get; set; }

    public required string TargetName { get; set; }

    /// <summary>统一社会信用代码 of an enterprise target.</summary>
    public string? TargetCreditCode { get; set; }

    /// <summary>身份证号 of a person target (masked in every list; stored SM4-encrypted, searched by its blind index).</summary>
    [Kernel.Security.Encrypted(BlindIndex = true)]
    public string? TargetIdNumber { get; set; }

    /// <summary>Certificate numbers of the officers who acted, joined by <see cref="OfficerSeparator"/>.</summary>
    public required string Officers { get; set; }

    public int OfficerCount { get; set; }

    /// <summary>立案 (or inspection) date.</summary>
    public DateOnly OpenedOn { get; set; }

    /// <summary>决定 date.</summary>
    public DateOnly? DecidedOn { get; set; }

    /// <summary>结案 date.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>The day a record counts in the figures: its decision date, or for a record without one, the date it
    /// was opened (an inspection's date).</summary>
    public DateOnly CountedOn { get; set; }

    /// <summary>罚没金额 in 分 (integer: SQLite cannot order decimals).</summary>
    public long? AmountFen { get; set; }

    /// <summary>违法情节 level, as named in the item's 裁量基准 (e.g. 一般).</summary>
    public string? Circumstance { get; set; }

    /// <summary>法制审核 done before the decision.</summary>
    public bool LegalReviewDone { get; set; }

    /// <summary>重大执法决定 (行政处罚法 第五十八条): flagged by the department, or above the configured amount.</summary>
    public bool Major { get; set; }

    /// <summary>公示 date.</summary>
    public DateOnly? PublishedOn { get; set; }

    /// <summary>不罚轻罚 (行政处罚法 第三十二、三十三条).</summary>
    public bool Lenient { get; set; }

    /// <summary>The last batch that wrote this record.</summary>
    public long BatchId { get; set; }

    public DateTime ReceivedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public const char OfficerSeparator = ';';

    public IReadOnlyList<string> OfficerList => Officers.Split(OfficerSeparator, StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>报送批次: one call of the batch endpoint or one Excel upload. Audited as one event.</summary>
public sealed class IngestBatch : IOrgOwned
{
    public long Id { get; set; }

    public int OrgUnitId { get; set; }

    /// <summary>api or excel.</summary>
    public required string Channel { get; set; }

    public required string SubmittedBy { get; set; }

    public DateTime AtUtc { get; set; }

    public int Received { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Rejected { get; set; }

    public int WarningsRaised { get; set; }
}

/// <summary>Monthly roll-up of the records (月度汇总), maintained by every batch for the months it touched, so that a
/// province-year of figures reads thousands of rows instead of millions. Derived data: never edited, never audited.</summary>
public sealed class RecordMonth : IOrgOwned
{
    public int OrgUnitId { get; set; }

    /// <summary>yyyyMM of <see cref="EnforcementRecord.CountedOn"/>.</summary>
    public int Month { get; set; }

    public RecordKind Kind { get; set; }

    public int Records { get; set; }

    public int Lenient { get; set; }

    /// <summary>Of <see cref="Records"/>, those whose target is an enterprise (涉企).</summary>
    public int Enterprises { get; set; }

    public long AmountFen { get; set; }
}

public static class RecordNames
{
    public static string Of(RecordKind k) => k switch
    {
        RecordKind.Inspection => "检查",
        RecordKind.Penalty => "处罚",
        RecordKind.Coercion => "强制",
        _ => "其他",
    };

    public static RecordKind? ParseKind(string? s) => s?.Trim() switch
    {
        "检查" or "inspection" or "Inspection" => RecordKind.Inspection,
        "处罚" or "penalty" or "Penalty" => RecordKind.Penalty,
        "强制" or "coercion" or "Coercion" => RecordKind.Coercion,
        "其他" or "other" or "Other" => RecordKind.Other,
        _ => null,
    };

    public static string FormatFen(long? fen) => fen is null ? "" : (fen.Value / 100m).ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture);
}
