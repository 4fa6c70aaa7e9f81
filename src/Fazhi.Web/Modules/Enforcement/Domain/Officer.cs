using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Enforcement.Domain;

/// <summary>执法证状态.</summary>
public enum CertificateStatus
{
    /// <summary>有效</summary>
    Valid,
    /// <summary>暂扣</summary>
    Suspended,
    /// <summary>注销</summary>
    Cancelled,
    /// <summary>撤销</summary>
    Revoked,
}

/// <summary>年审 (yearly) or 四年年审 (the fourth-year full review).</summary>
public enum ReviewKind { Annual, FourYear }

/// <summary>执法人员 and their 行政执法证. One row per certificate holder; the certificate number is unique.</summary>
public sealed class Officer : IOrgOwned
{
    public long Id { get; set; }

    /// <summary>The department the officer works for.</summary>
    public int OrgUnitId { get; set; }

    public required string Name { get; set; }

    [Kernel.Security.Encrypted(BlindIndex = true)]
    public string? IdNumber { get; set; }

    /// <summary>执法证号.</summary>
    public required string CertificateNumber { get; set; }

    /// <summary>执法领域 on the certificate.</summary>
    public string? Field { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateOnly ExpiresOn { get; set; }

    public CertificateStatus Status { get; set; }

    /// <summary>The day the current status took effect (暂扣/注销/撤销).</summary>
    public DateOnly? StatusSince { get; set; }

    public string? StatusReason { get; set; }

    public List<CertificateReview> Reviews { get; set; } = [];

    /// <summary>Earlier statuses other than 有效 that have ended (a 暂扣 later restored): the certificate was not valid
    /// from <see cref="StatusPeriod.From"/> up to the day before <see cref="StatusPeriod.Until"/>.</summary>
    public List<StatusPeriod> StatusHistory { get; set; } = [];

    /// <summary>One entry per year; not loaded with the officer unless included.</summary>
    public List<TrainingYear> Training { get; set; } = [];

    public int Version { get; set; }

    /// <summary>
    /// Was the certificate valid on <paramref name="day"/>? It must be issued and unexpired, and not suspended,
    /// cancelled or revoked by then (行政处罚法 第四十二条: only officers with 执法资格 may act).
    /// </summary>
    public bool ValidOn(DateOnly day) =>
        day >= IssuedOn && day <= ExpiresOn && (Status == CertificateStatus.Valid || StatusSince is null || day < StatusSince)
        && !StatusHistory.Any(p => day >= p.From && day < p.Until);

    /// <summary>The status from <paramref name="on"/>; the status it leaves, when not 有效, goes to the history. The
    /// transition must be in <see cref="CertificateStateMachine"/>'s table.</summary>
    public void ChangeStatus(CertificateStatus status, DateOnly? on, string? reason)
    {
        CertificateStateMachine.Check(Status, status, CertificateNumber, StatusSince);
        if (Status != CertificateStatus.Valid && StatusSince is { } since && on is { } until && until > since)
            StatusHistory.Add(new StatusPeriod { Status = Status, From = since, Until = until, Reason = StatusReason });
        (Status, StatusSince, StatusReason) = (status, on, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
    }
}

/// <summary>A status other than 有效 that held from <see cref="From"/> until the day before <see cref="Until"/>.</summary>
public sealed class StatusPeriod
{
    public CertificateStatus Status { get; set; }

    public DateOnly From { get; set; }

    /// <summary>The day the next status took effect (e.g. 恢复有效).</summary>
    public DateOnly Until { get; set; }

    public string? Reason { get; set; }
}

public sealed class CertificateReview
{
    public int Year { get; set; }

    public ReviewKind Kind { get; set; }

    public DateOnly On { get; set; }

    public bool Passed { get; set; }

    public string? Note { get; set; }
}

/// <summary>One year's training: hours and the exam (培训学时, 考试成绩). A row of its own (table enf_officer_training,
/// keyed by officer and year), so that the figures sum a province's training in SQL.</summary>
public sealed class TrainingYear
{
    public int Year { get; set; }

    public decimal Hours { get; set; }

    public decimal? ExamScore { get; set; }

    public bool? ExamPassed { get; set; }
}

public static class CertificateNames
{
    public static string Of(CertificateStatus s) => s switch
    {
        CertificateStatus.Valid => "有效",
        CertificateStatus.Suspended => "暂扣",
        CertificateStatus.Cancelled => "注销",
        _ => "撤销",
    };

    public static CertificateStatus? Parse(string? s) => s?.Trim() switch
    {
        "有效" or "Valid" or "valid" => CertificateStatus.Valid,
        "暂扣" or "Suspended" or "suspended" => CertificateStatus.Suspended,
        "注销" or "Cancelled" or "cancelled" => CertificateStatus.Cancelled,
        "撤销" or "Revoked" or "revoked" => CertificateStatus.Revoked,
        _ => null,
    };

    public static string Of(ReviewKind k) => k == ReviewKind.Annual ? "年审" : "四年年审";
}

/// <summary>
/// The lifecycle of an 执法证 as a table: 有效 ⇄ 暂扣, and either may end in 注销 or 撤销, which are final (a cancelled or
/// revoked certificate is not restored; a new one is issued).
/// </summary>
public static class CertificateStateMachine
{
    private static readonly Dictionary<CertificateStatus, CertificateStatus[]> Table = new()
    {
        [CertificateStatus.Valid] = [CertificateStatus.Suspended, CertificateStatus.Cancelled, CertificateStatus.Revoked],
        [CertificateStatus.Suspended] = [CertificateStatus.Valid, CertificateStatus.Cancelled, CertificateStatus.Revoked],
        [CertificateStatus.Cancelled] = [],
        [CertificateStatus.Revoked] = [],
    };

    public static bool IsFinal(CertificateStatus s) => Table[s].Length == 0;

    public static IReadOnlyList<CertificateStatus> AllowedFrom(CertificateStatus s) => Table[s];

    public static void Check(CertificateStatus from, CertificateStatus to, string certificate, DateOnly? since)
    {
        if (IsFinal(from))
            throw new ConflictException($"执法证{certificate}已于{since:yyyy-MM-dd}{CertificateNames.Of(from)}，不能再作任何变更。");
        if (from == to)
            throw new ConflictException($"执法证已是“{CertificateNames.Of(from)}”状态。");
        if (!Table[from].Contains(to))
            throw new ConflictException($"执法证不能从“{CertificateNames.Of(from)}”变更为“{CertificateNames.Of(to)}”。");
    }
}
