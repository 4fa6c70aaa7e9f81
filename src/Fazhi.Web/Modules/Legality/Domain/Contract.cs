using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Modules.Legality.Domain;

public enum ContractKind
{
    /// <summary>机关事业单位合同</summary>
    Administrative,
    /// <summary>招商引资合同</summary>
    Investment,
}

public enum ContractStatus { Draft, UnderReview, Reviewed, InForce, Filed, Terminated, Completed }

/// <summary>签约主体: the district government itself (政府合同) or a department / town (部门合同) — [002] counts them apart.</summary>
public enum ContractLevel { Department, Government }

/// <summary>合同台账: a contract of a department or town (the owning unit), reviewed through a <see cref="ReviewMatter"/>
/// and filed with the 司法局. Money in fen (SQLite cannot order decimals).</summary>
public sealed class Contract : IOrgOwned
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public ContractKind Kind { get; set; }
    /// <summary>合同编号 (the unit's own), unique per unit; the key of the 台账 import.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>相对方.</summary>
    public required string Counterparty { get; set; }
    public long AmountFen { get; set; }
    public DateOnly StartOn { get; set; }
    public DateOnly EndOn { get; set; }
    /// <summary>主要条款 (标的、价款、履行期限、违约责任、争议解决).</summary>
    public string? KeyClauses { get; set; }
    public ContractStatus Status { get; set; }
    public long? ReviewMatterId { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DateOnly? FiledOn { get; set; }
    public bool Imported { get; set; }
    public ContractLevel Level { get; set; }
    /// <summary>履行完毕 or 终止 date.</summary>
    public DateOnly? EndedOn { get; set; }
    /// <summary>重点项目 (重点签约落户项目, [003]: "合同协议190件，其中重点签约落户项目67件").</summary>
    public bool KeyProject { get; set; }
    /// <summary>重点项目名称 (only with <see cref="KeyProject"/>).</summary>
    public string? KeyProjectName { get; set; }
    public int Version { get; set; }

    public List<ContractMilestone> Milestones { get; set; } = [];
    public List<ContractBreach> Breaches { get; set; } = [];

    /// <summary>Performance is monitored while the contract is neither 履行完毕 nor 终止.</summary>
    public bool Open => Status is not (ContractStatus.Completed or ContractStatus.Terminated);

    /// <summary>The term's check (a contract that ends before it starts is refused, naming the field).</summary>
    public static void CheckTerm(DateOnly start, DateOnly end)
    {
        if (end < start)
            throw FazhiValidationException.For("endOn", $"合同终止日期{end:yyyy-MM-dd}早于起始日期{start:yyyy-MM-dd}");
    }
}
