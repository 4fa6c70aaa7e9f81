using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Reconsideration.Domain;

/// <summary>法律文书 of a case: generated from a template, numbered, stored with the case.</summary>
public sealed class CaseDocument : IOrgOwned
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public int OrgUnitId { get; set; }
    public DocumentKind Kind { get; set; }
    /// <summary>文号, e.g. 环翠复受〔2024〕3号.</summary>
    public required string Number { get; set; }
    public required string Title { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedBy { get; set; }
    public required byte[] Content { get; set; }
}

public enum DocumentKind { AcceptanceNotice, CorrectionNotice, RejectionDecision, ExtensionNotice, DecisionDraft }

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
        _ => "行政复议决定书",
    };

    /// <summary>The letter in the 文号: 受, 补, 不受, 延, 决.</summary>
    public static string AbbreviationOf(DocumentKind k) => k switch
    {
        DocumentKind.AcceptanceNotice => "受",
        DocumentKind.CorrectionNotice => "补",
        DocumentKind.RejectionDecision => "不受",
        DocumentKind.ExtensionNotice => "延",
        _ => "决",
    };

    /// <summary>Whether the case has reached the step the document records.</summary>
    public static bool AppliesTo(DocumentKind k, ReconCase c) => k switch
    {
        DocumentKind.AcceptanceNotice => c.AcceptedOn is not null,
        DocumentKind.CorrectionNotice => c.CorrectionNoticeOn is not null,
        DocumentKind.RejectionDecision => c.Status == CaseStatus.NotAccepted,
        DocumentKind.ExtensionNotice => c.ExtensionDays > 0,
        _ => c.AcceptedOn is not null && CaseStateMachine.IsOpen(c.Status) || c.Status == CaseStatus.Decided,
    };

    public static string DefaultBody(DocumentKind k) => k switch
    {
        DocumentKind.AcceptanceNotice =>
            "你（单位）不服{{被申请人}}{{申请事项}}，于{{收到日期}}向本机关提出的行政复议申请（案号：{{案号}}）收悉。经审查，该申请符合《中华人民共和国行政复议法》第三十条第一款规定的受理条件，本机关决定自{{受理日期}}起予以受理，适用{{审理程序}}审理。\n" +
            "本机关将依照《中华人民共和国行政复议法》第六十二条的规定，在法定期限内作出行政复议决定。\n特此通知。",
        DocumentKind.CorrectionNotice =>
            "你（单位）于{{收到日期}}向本机关提出的行政复议申请（案号：{{案号}}）收悉。经审查，申请材料不齐全或者表述不清楚，根据《中华人民共和国行政复议法》第三十一条的规定，请你（单位）自收到本通知之日起十个工作日内补正以下材料：\n" +
            "{{补正事项}}\n无正当理由逾期不补正的，视为放弃行政复议申请。\n特此通知。",
        DocumentKind.RejectionDecision =>
            "案号：{{案号}}。\n申请人：{{申请人}}。\n被申请人：{{被申请人}}。\n申请人不服被申请人{{申请事项}}，于{{收到日期}}向本机关提出行政复议申请。\n" +
            "经审查，{{不予受理理由}}。根据《中华人民共和国行政复议法》第三十条第二款的规定，本机关决定不予受理。\n" +
            "申请人如不服本决定，可以自收到本决定书之日起十五日内依法向人民法院提起行政诉讼。",
        DocumentKind.ExtensionNotice =>
            "本机关于{{受理日期}}受理的申请人{{申请人}}（案号：{{案号}}）不服被申请人{{被申请人}}{{申请事项}}一案，因情况复杂，不能在规定期限内作出行政复议决定。" +
            "经行政复议机构负责人批准，根据《中华人民共和国行政复议法》第六十二条第一款的规定，审理期限延长{{延长天数}}日，至{{决定期限}}。\n特此通知。",
        _ =>
            "案号：{{案号}}。\n申请人：{{申请人}}。\n被申请人：{{被申请人}}。\n申请人不服被申请人{{申请事项}}，于{{收到日期}}向本机关申请行政复议，本机关于{{受理日期}}依法受理，适用{{审理程序}}审理。\n" +
            "申请人称：（请填写）\n被申请人称：（请填写）\n经审理查明：（请填写）\n本机关认为：（请填写）\n" +
            "根据《中华人民共和国行政复议法》（请填写条款）的规定，本机关决定：{{决定类型}}。\n" +
            "申请人如不服本决定，可以自收到本决定书之日起十五日内依法向人民法院提起行政诉讼。",
    };
}
