using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Hotline.Domain;

/// <summary>
/// 12345 工单: a complaint the city's 12345 centre pushes. Written set-based by the ticket merge (ADR 0010), so every
/// column has a fixed name. Its key <see cref="Id"/> carries the month it was first received (yyyyMM·10¹⁰ + n) and
/// survives partitioning by month on PostgreSQL; the centre's ticket number is kept unique by <see cref="TicketKey"/>.
/// A ticket belongs to the district of its assigned department, or of its place when unassigned (<see cref="OrgUnitId"/>).
/// </summary>
public sealed class HotlineTicket : IOrgOwned
{
    public const long MonthFactor = 10_000_000_000L;

    public long Id { get; set; }

    /// <summary>The district the ticket belongs to (scope).</summary>
    public int OrgUnitId { get; set; }

    /// <summary>工单编号 as the centre numbers it.</summary>
    public required string TicketNo { get; set; }

    /// <summary>受理时间 (UTC).</summary>
    public DateTime ReceivedAtUtc { get; set; }

    /// <summary>来电人姓名 (personal data: SM4 at rest, masked in lists).</summary>
    [Kernel.Security.Encrypted(BlindIndex = true)]
    public string? CallerName { get; set; }

    /// <summary>来电号码 (personal data).</summary>
    [Kernel.Security.Encrypted(BlindIndex = true)]
    public string? CallerPhone { get; set; }

    /// <summary>反映地点: the address of the place complained about (not of a person).</summary>
    public required string Place { get; set; }

    /// <summary>The 街道/镇 the place was normalised to (org code).</summary>
    public required string TownCode { get; set; }

    /// <summary>社区 named in the address, when one is.</summary>
    public string? Community { get; set; }

    /// <summary>诉求内容.</summary>
    public required string Text { get; set; }

    /// <summary>The centre's 领域 (市容管理, 城管执法, 市场秩序 …).</summary>
    public string? CentreField { get; set; }

    /// <summary>承办单位: the org code of the department it is assigned to now; null when unassigned.</summary>
    public string? DepartmentCode { get; set; }

    /// <summary>流转记录 (转办, 退单 with reasons) as JSON, in time order.</summary>
    public required string ReassignmentsJson { get; set; }

    /// <summary>Number of 转办/改派 after the first assignment.</summary>
    public int Reassignments { get; set; }

    /// <summary>Number of 退单.</summary>
    public int Bounces { get; set; }

    public DateTime? DueAtUtc { get; set; }

    /// <summary>The centre's status text (办理中, 已办结 …).</summary>
    public string? Status { get; set; }

    public string? Reply { get; set; }

    /// <summary>满意, 基本满意, 不满意 (or null: not rated).</summary>
    public string? Satisfaction { get; set; }

    /// <summary>并单: the ticket number this one duplicates; counted once, under that one.</summary>
    public string? MergedInto { get; set; }

    public string? MergeReason { get; set; }

    /// <summary>并单 by staff: who merged it (null: the centre's merge, or none). A staff merge outlives the centre's re-sends.</summary>
    public string? MergedBy { get; set; }

    /// <summary>When staff merged it (UTC).</summary>
    public DateTime? MergedAtUtc { get; set; }

    public long BatchId { get; set; }

    public DateTime FirstReceivedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Staff label (研判): does the ticket concern administrative enforcement? Training data.</summary>
    public bool? LabelEnforcement { get; set; }

    /// <summary>Staff label: the field of the 执法事项清单.</summary>
    public string? LabelField { get; set; }

    /// <summary>Staff label: the department responsible (org code).</summary>
    public string? LabelDepartment { get; set; }

    public string? LabelledBy { get; set; }

    /// <summary>The enforcement complaint opened from this ticket (行政执法监督 预警 id).</summary>
    public long? ComplaintWarningId { get; set; }

    public static int MonthOf(long id) => (int)(id / MonthFactor);

    public static long FirstIdOf(int yyyymm) => yyyymm * MonthFactor;
}

/// <summary>One step of a ticket's 流转记录.</summary>
public sealed record Reassignment(DateTime At, string? From, string? To, string Kind, string? Reason);

/// <summary>The centre's ticket number → the ticket's key. Unpartitioned and narrow: the uniqueness a partitioned table
/// cannot enforce across partitions (ADR 0010). Written by the ticket merge only.</summary>
public sealed class TicketKey
{
    public required string TicketNo { get; set; }

    public long TicketId { get; set; }
}

/// <summary>工单修改记录: one field of a stored ticket that a re-sent ticket changed, before and after, written
/// set-based in the batch's transaction (as enforcement's enf_record_history).</summary>
public sealed class TicketChange : IOrgOwned
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    public int OrgUnitId { get; set; }

    public long BatchId { get; set; }

    public DateTime ChangedAtUtc { get; set; }

    public required string ChangedBy { get; set; }

    public required string Field { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }
}

/// <summary>推送批次: the audited unit of ticket ingestion (who sent what, when, and the counts).</summary>
public sealed class TicketBatch : IOrgOwned
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

    public int Unchanged { get; set; }

    public int Rejected { get; set; }
}
