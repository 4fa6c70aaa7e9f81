using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Reconsideration.Domain;

/// <summary>
/// 法律文书 of a case. A document is a 草稿 until 签发: regenerating a draft rewrites it in place and takes no number;
/// 签发 takes the 文号 (per unit, year and kind) and fixes the date; regenerating after 签发 keeps that number. A
/// number issued in error is 作废 with a reason: the number stays on record and is never given again.
/// </summary>
public sealed class CaseDocument : IOrgOwned
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public int OrgUnitId { get; set; }
    public DocumentKind Kind { get; set; }
    /// <summary>文号, e.g. 环翠复受〔2024〕3号; null while a draft and for unnumbered kinds (笔录, 送达回证).</summary>
    public string? Number { get; set; }
    public required string Title { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedBy { get; set; }
    public required byte[] Content { get; set; }

    // ---- 签发 and 作废 (issue 15 §4) --------------------------------------------------------------------
    public DocumentStatus Status { get; set; }
    /// <summary>送达回证: the document it records the service of.</summary>
    public long? ForDocumentId { get; set; }
    /// <summary>How many times the text was written (1 on creation).</summary>
    public int Revision { get; set; } = 1;
    public DateTime? UpdatedAtUtc { get; set; }
    /// <summary>签发日期: the date printed on the document.</summary>
    public DateOnly? IssuedOn { get; set; }
    /// <summary>签发人.</summary>
    public string? IssuedBy { get; set; }
    public DateTime? IssuedAtUtc { get; set; }
    public string? VoidReason { get; set; }
    public string? VoidedBy { get; set; }
    public DateTime? VoidedAtUtc { get; set; }
    public int Version { get; set; }
}

/// <summary>文书状态: 草稿 → 已签发 → (作废).</summary>
public enum DocumentStatus { Draft, Issued, Voided }

public enum DocumentKind
{
    AcceptanceNotice, CorrectionNotice, RejectionDecision, ExtensionNotice, DecisionDraft,
    ReplyNotice, HearingNotice, HearingRecord, SuspensionNotice, ResumptionNotice, TerminationDecision,
    MediationAgreement, OpinionLetter, ServiceReceipt, ArchiveIndex,
}

/// <summary>文书模板: the wording of a document with {{占位符}}; edited by the platform administrator.</summary>
public sealed class DocumentTemplate : IPlatformWide
{
    public DocumentKind Kind { get; set; }
    public required string Title { get; set; }
    /// <summary>One paragraph per line.</summary>
    public required string Body { get; set; }
}

/// <summary>A per-unit, per-year, per-kind counter for 文号.</summary>
public sealed class DocumentNumberCounter : IOrgOwned
{
    public int OrgUnitId { get; set; }
    public int Year { get; set; }
    public DocumentKind Kind { get; set; }
    public int Last { get; set; }
    public int Version { get; set; }
}

public static class DocumentKinds
{
    public static string TitleOf(DocumentKind k) => k switch
    {
        DocumentKind.AcceptanceNotice => "行政复议受理通知书",
        DocumentKind.CorrectionNotice => "行政复议申请补正通知书",
        DocumentKind.RejectionDecision => "不予受理行政复议申请决定书",
        DocumentKind.ExtensionNotice => "行政复议延期审理通知书",
        DocumentKind.ReplyNotice => "行政复议答复通知书",
        DocumentKind.HearingNotice => "行政复议听证通知书",
        DocumentKind.HearingRecord => "行政复议听证笔录",
        DocumentKind.SuspensionNotice => "行政复议中止审理通知书",
        DocumentKind.ResumptionNotice => "行政复议恢复审理通知书",
        DocumentKind.TerminationDecision => "行政复议终止决定书",
        DocumentKind.MediationAgreement => "行政复议调解书",
        DocumentKind.OpinionLetter => "行政复议意见书",
        DocumentKind.ServiceReceipt => "送达回证",
        DocumentKind.ArchiveIndex => "卷内目录",
        _ => "行政复议决定书",
    };

    /// <summary>The letter in the 文号 (受, 补, 不受, 延, 决 …); null for documents that carry no number.</summary>
    public static string? AbbreviationOf(DocumentKind k) => k switch
    {
        DocumentKind.AcceptanceNotice => "受",
        DocumentKind.CorrectionNotice => "补",
        DocumentKind.RejectionDecision => "不受",
        DocumentKind.ExtensionNotice => "延",
        DocumentKind.ReplyNotice => "答",
        DocumentKind.HearingNotice => "听",
        DocumentKind.SuspensionNotice => "中",
        DocumentKind.ResumptionNotice => "恢",
        DocumentKind.TerminationDecision => "终",
        DocumentKind.MediationAgreement => "调",
        DocumentKind.OpinionLetter => "意",
        DocumentKind.DecisionDraft => "决",
        _ => null,
    };

    /// <summary>Documents the 复议机关 decides by (its name heads them and its seal closes them).</summary>
    public static bool IsDecision(DocumentKind k) => k is DocumentKind.DecisionDraft or DocumentKind.RejectionDecision
        or DocumentKind.TerminationDecision or DocumentKind.MediationAgreement;

    /// <summary>Whether the case has reached the step the document records (送达回证 and 卷内目录 are checked by the service).</summary>
    public static bool AppliesTo(DocumentKind k, ReconCase c) => k switch
    {
        DocumentKind.AcceptanceNotice => c.AcceptedOn is not null,
        DocumentKind.CorrectionNotice => c.CorrectionNoticeOn is not null,
        DocumentKind.RejectionDecision => c.Status == CaseStatus.NotAccepted,
        DocumentKind.ExtensionNotice => c.ExtensionDays > 0,
        DocumentKind.ReplyNotice => c.AcceptedOn is not null,
        DocumentKind.HearingNotice => c.HearingScheduledOn is not null,
        DocumentKind.HearingRecord => c.Events.Any(e => e.Action == CaseAction.HoldHearing),
        DocumentKind.SuspensionNotice => c.Suspensions.Count > 0,
        DocumentKind.ResumptionNotice => c.Suspensions.Any(s => s.To is not null) && c.Events.Any(e => e.Action == CaseAction.Resume),
        DocumentKind.TerminationDecision => c.Status == CaseStatus.Terminated,
        DocumentKind.MediationAgreement => c.Status == CaseStatus.Mediated,
        DocumentKind.OpinionLetter => c.OpinionLetterOn is not null,
        DocumentKind.ServiceReceipt => false,
        DocumentKind.ArchiveIndex => c.ClosedOn is not null,
        _ => c.AcceptedOn is not null && CaseStateMachine.IsOpen(c.Status) || c.Status == CaseStatus.Decided,
    };

    public static string DefaultBody(DocumentKind k) => Features.Documents.DocumentTemplates.DefaultBody(k);
}
