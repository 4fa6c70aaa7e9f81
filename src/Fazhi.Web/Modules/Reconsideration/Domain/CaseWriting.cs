using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Reconsideration.Domain;

/// <summary>
/// 文书要素: what the documents say that the case's dates and outcome do not — the request, each side's account, the
/// facts found and the reasoning (司法部 行政复议文书格式: 决定书 carries 当事人、请求、事实与理由、适用依据、决定、诉权告知).
/// One row per case, edited by the handler; a document left without one of these is a draft that cannot be 签发.
/// </summary>
public sealed class CaseWriting : IOrgOwned
{
    public long CaseId { get; set; }
    public int OrgUnitId { get; set; }
    /// <summary>第三人 (第十六条), one per line: name and, for an organisation, its 统一社会信用代码.</summary>
    public string? ThirdParties { get; set; }
    /// <summary>行政复议请求, e.g. 撤销被申请人作出的……行政处罚决定.</summary>
    public string? Request { get; set; }
    public string? ApplicantStatement { get; set; }
    public string? RespondentStatement { get; set; }
    public string? ThirdPartyStatement { get; set; }
    /// <summary>经审理查明.</summary>
    public string? Findings { get; set; }
    /// <summary>本机关认为.</summary>
    public string? Reasoning { get; set; }
    /// <summary>调解协议内容 (第七十三条).</summary>
    public string? MediationTerms { get; set; }
    /// <summary>管辖法院 for the 诉权告知 (empty: the court of the 复议机关's district).</summary>
    public string? Court { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public required string UpdatedBy { get; set; }
    public int Version { get; set; }
}

/// <summary>听证 (第五十条、第五十一条): one 行政复议人员 presides, two or more sit as 听证员, one 记录员 keeps the 笔录.</summary>
public sealed class CaseHearing : IOrgOwned
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public int OrgUnitId { get; set; }
    public DateOnly NoticeOn { get; set; }
    public DateOnly HearingOn { get; set; }
    /// <summary>开始时间, e.g. 09:30.</summary>
    public required string StartsAt { get; set; }
    public required string Place { get; set; }
    /// <summary>拟听证事项.</summary>
    public required string Matters { get; set; }
    /// <summary>主持人.</summary>
    public required string Host { get; set; }
    /// <summary>听证员, separated by 、.</summary>
    public required string Panelists { get; set; }
    /// <summary>记录员.</summary>
    public required string Clerk { get; set; }
    /// <summary>出席人员 (当事人及其代理人).</summary>
    public string? Attendees { get; set; }
    /// <summary>听证笔录正文 (after the hearing).</summary>
    public string? Record { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public required string UpdatedBy { get; set; }
    public int Version { get; set; }
}

/// <summary>送达方式 (民事诉讼法 第八十八条至第九十五条 by 行政复议法 第八十八条).</summary>
public enum ServiceMethod
{
    /// <summary>直接送达</summary>
    InPerson,
    /// <summary>邮寄送达 (with the 邮件号)</summary>
    Mail,
    /// <summary>电子送达 (only with the addressee's consent, 民事诉讼法 第九十条)</summary>
    Electronic,
    /// <summary>公告送达</summary>
    Public,
}

/// <summary>受送达人的身份.</summary>
public enum ServiceParty { Applicant, Respondent, ThirdParty, Other }

/// <summary>送达记录: one issued document to one addressee — method, date served, the 送达回证 scan.</summary>
public sealed class ServiceRecord : IOrgOwned
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public int OrgUnitId { get; set; }
    public long DocumentId { get; set; }
    public ServiceParty Party { get; set; }
    public required string Addressee { get; set; }
    public ServiceMethod Method { get; set; }
    /// <summary>邮件号 (EMS 等), required for 邮寄.</summary>
    public string? TrackingNumber { get; set; }
    /// <summary>电子送达: the address (e-mail, platform account) the addressee consented to.</summary>
    public string? ElectronicAddress { get; set; }
    public bool ConsentRecorded { get; set; }
    public DateOnly SentOn { get; set; }
    /// <summary>送达日期: the clocks the law starts on service run from here.</summary>
    public DateOnly? ServedOn { get; set; }
    /// <summary>送达回证扫描件 (an attachment of the case).</summary>
    public long? ReceiptAttachmentId { get; set; }
    public string? Note { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>
/// 归档 and 公开 of a concluded case: the 案卷号, the retention period, who archived it; and, under 第七十九条, the
/// publication of the 决定书 (personal data redacted) and the 抄告 to the respondent's superior department.
/// </summary>
public sealed class CaseArchive : IOrgOwned
{
    public long CaseId { get; set; }
    public int OrgUnitId { get; set; }
    /// <summary>案卷号, e.g. 环翠复档〔2026〕3号; unique per unit.</summary>
    public required string FileNumber { get; set; }
    /// <summary>保管期限 in years; 0 = 永久.</summary>
    public int RetentionYears { get; set; }
    public DateOnly ArchivedOn { get; set; }
    public required string ArchivedBy { get; set; }
    /// <summary>公开日期 of the 决定书 (第七十九条第一款).</summary>
    public DateOnly? PublishedOn { get; set; }
    /// <summary>The published text, personal data redacted.</summary>
    public string? PublishedText { get; set; }
    /// <summary>抄告 (第七十九条第二款): the superior department and the day.</summary>
    public string? ReportedTo { get; set; }
    public DateOnly? ReportedOn { get; set; }
    public int Version { get; set; }

    public static string RetentionName(int years) => years == 0 ? "永久" : $"{years}年";
}
