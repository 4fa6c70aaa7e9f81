using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.LegalAid.Domain;

/// <summary>法律援助人员名册: lawyers, the agency's own staff and 基层法律服务工作者 who take assignments; 值班律师 sit at a
/// workstation. Current load is counted from the cases in 办理中.</summary>
public sealed class AidProvider : IOrgOwned
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public required string Name { get; set; }
    public ProviderKind Kind { get; set; }

    /// <summary>律师事务所 / 基层法律服务所 / 法律援助中心.</summary>
    public string? Firm { get; set; }

    /// <summary>执业年限 (第二十六条: 无期徒刑、死刑 cases need ≥3 years of criminal defence).</summary>
    public int PracticeYears { get; set; }

    [Kernel.Security.Encrypted(BlindIndex = true)]
    public string? Phone { get; set; }

    /// <summary>值班律师 (第十四条) and the workstation where they sit.</summary>
    public bool DutyLawyer { get; set; }

    public long? WorkstationId { get; set; }

    public bool Active { get; set; } = true;
}

/// <summary>法律援助工作站 in a court, procuratorate, 妇联, police station… ([001]: 7 workstations).</summary>
public sealed class AidWorkstation : IOrgOwned
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public required string Name { get; set; }

    /// <summary>所在单位 (人民法院、人民检察院、妇联、派出所…).</summary>
    public required string Host { get; set; }

    public string? Address { get; set; }
    public DateOnly OpenedOn { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>法律咨询 (来电、来信、来访、网上): a quick-entry log; one may become an application.</summary>
public sealed class AidConsultation : IOrgOwned
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public DateTime AtUtc { get; set; }
    public DateOnly On { get; set; }
    public ConsultationMode Mode { get; set; }
    public required string Name { get; set; }

    [Kernel.Security.Encrypted(BlindIndex = true)]
    public string? Phone { get; set; }

    public AidCaseType? CaseType { get; set; }
    public required string Question { get; set; }
    public string? Answer { get; set; }
    public string? Handler { get; set; }

    /// <summary>A referral from another module (人民调解) and its reference there.</summary>
    public string? ReferralSource { get; set; }

    public string? ReferralRef { get; set; }

    public long? CaseId { get; set; }
}

/// <summary>办案补贴标准 the bureau edits: an amount per case type and stage.</summary>
public sealed class AidSubsidyStandard : IOrgOwned
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public AidCaseType CaseType { get; set; }
    public required string Stage { get; set; }
    public long AmountFen { get; set; }
}

/// <summary>A generated document (受理/不予法律援助决定书, 指派通知书, 结案报告), numbered per unit, kind and year.</summary>
public sealed class AidDocument : IOrgOwned
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long CaseId { get; set; }
    public AidDocumentKind Kind { get; set; }
    public required string Number { get; set; }
    public required string Title { get; set; }
    public required byte[] Content { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedBy { get; set; }
}

public enum AidDocumentKind { GrantDecision, RefusalDecision, AssignmentNotice, ClosingReport }

/// <summary>The last number allotted per unit, year and series (申请编号 and each kind of document).</summary>
public sealed class AidCounter : IOrgOwned
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public int Year { get; set; }
    public required string Series { get; set; }
    public int Last { get; set; }
    public int Version { get; set; }
}
