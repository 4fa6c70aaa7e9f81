using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Legality.Domain;

public enum AdviserKind
{
    /// <summary>政府法律顾问 (律师、学者，受聘于区政府或部门)</summary>
    Government,
    /// <summary>公职律师</summary>
    PublicLawyer,
    /// <summary>村（社区）法律顾问 (一村（社区）一法律顾问)</summary>
    Community,
}

public enum AdviserWorkKind
{
    /// <summary>法律意见书</summary>
    Opinion,
    /// <summary>审查合同</summary>
    ContractReview,
    /// <summary>参与论证、座谈</summary>
    Consultation,
    /// <summary>代理诉讼（党政一体法律顾问诉讼代理申报）</summary>
    LitigationAgency,
}

public enum AdviserGrade { Excellent, Competent, Basic, Incompetent }

/// <summary>法律顾问/公职律师 on the register: the unit that engaged them (<see cref="OrgUnitId"/>: the district government,
/// a department, a town), their term, and — for 村（社区）法律顾问 — the communities they serve.</summary>
public sealed class LegalAdviser : IOrgOwned
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public AdviserKind Kind { get; set; }
    public required string Name { get; set; }
    /// <summary>执业机构 (律师事务所) or 工作单位.</summary>
    public required string Firm { get; set; }
    /// <summary>执业证号 / 公职律师证号 (a professional licence number, public on the 司法行政 licence register).</summary>
    public string? LicenseNo { get; set; }
    public DateOnly ServedFrom { get; set; }
    public DateOnly? ServedTo { get; set; }
    public List<AdviserCommunity> Communities { get; set; } = [];
    public int Version { get; set; }

    public bool ActiveOn(DateOnly day) => ServedFrom <= day && (ServedTo is null || ServedTo >= day);
}

/// <summary>一村（社区）一法律顾问: one community an adviser serves.</summary>
public sealed class AdviserCommunity
{
    public long Id { get; set; }
    public long AdviserId { get; set; }
    public int CommunityId { get; set; }
}

/// <summary>顾问工作记录: a 法律意见书, a contract reviewed, a consultation, or a 诉讼代理申报 (党政一体法律顾问), for the
/// unit that asked (<see cref="OrgUnitId"/>).</summary>
public sealed class AdviserWork : IOrgOwned
{
    public long Id { get; set; }
    public long AdviserId { get; set; }
    public int OrgUnitId { get; set; }
    public AdviserWorkKind Kind { get; set; }
    public DateOnly On { get; set; }
    public required string Subject { get; set; }
    /// <summary>诉讼代理: 法院 and 案号.</summary>
    public string? Court { get; set; }
    public string? CaseNumber { get; set; }
    public long? ReviewMatterId { get; set; }
}

/// <summary>年度考评 of an adviser by the engaging unit.</summary>
public sealed class AdviserEvaluation : IOrgOwned
{
    public long Id { get; set; }
    public long AdviserId { get; set; }
    public int OrgUnitId { get; set; }
    public int Year { get; set; }
    public AdviserGrade Grade { get; set; }
    public string? Note { get; set; }
    public required string EvaluatedBy { get; set; }
}
