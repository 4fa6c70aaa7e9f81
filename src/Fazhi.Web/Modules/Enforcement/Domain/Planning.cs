using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Enforcement.Domain;

/// <summary>涉企检查计划 entry: a department plans to inspect an enterprise in a month for some items.</summary>
public sealed class InspectionPlan : IOrgOwned
{
    public long Id { get; set; }

    /// <summary>The department that filed the plan.</summary>
    public int OrgUnitId { get; set; }

    public int Year { get; set; }

    public int Month { get; set; }

    public required string TargetCreditCode { get; set; }

    public required string TargetName { get; set; }

    /// <summary>Item codes to check, joined by ;.</summary>
    public required string Items { get; set; }

    public DateOnly FiledOn { get; set; }

    public long? JointInspectionId { get; set; }
}

/// <summary>Monthly roll-up of the plan entries (计划检查户次) per department, so that a province-year of planned visits
/// reads thousands of rows instead of millions. Derived data, never written by the application: database triggers on
/// enf_inspection_plans keep it in step with every insert, delete or move of a plan entry, whoever writes it (services,
/// imports, demo data, COPY).</summary>
public sealed class PlanMonth : IOrgOwned
{
    public int OrgUnitId { get; set; }

    /// <summary>yyyyMM of the planned visit.</summary>
    public int Month { get; set; }

    /// <summary>Plan entries of the department in that month.</summary>
    public int Visits { get; set; }
}

public enum JointStatus
{
    /// <summary>平台建议</summary>
    Proposed,
    /// <summary>已确认（联合检查）</summary>
    Confirmed,
    /// <summary>不合并</summary>
    Declined,
}

/// <summary>联合检查 ("进一次门、查多项事"): the planned visits of several departments to one enterprise in one month,
/// merged into one visit. Owned by the region whose departments take part.</summary>
public sealed class JointInspection : IOrgOwned
{
    public long Id { get; set; }

    public int OrgUnitId { get; set; }

    public int Year { get; set; }

    public int Month { get; set; }

    public required string TargetCreditCode { get; set; }

    public required string TargetName { get; set; }

    public int Departments { get; set; }

    public JointStatus Status { get; set; }

    /// <summary>牵头部门.</summary>
    public int? LeadOrgUnitId { get; set; }

    public DateOnly? ConfirmedOn { get; set; }

    public string? ConfirmedBy { get; set; }

    public int Version { get; set; }
}
