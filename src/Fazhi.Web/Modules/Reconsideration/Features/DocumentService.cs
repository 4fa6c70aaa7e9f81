using System.Globalization;
using System.Text.RegularExpressions;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Documents;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Features.CaseFile;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Reconsideration.Features;

public sealed record DocumentDto(long Id, string Kind, string Title, string? Number, string CreatedAt, string CreatedBy,
    string Status = "Draft", string StatusName = "草稿", string? IssuedOn = null, string? IssuedBy = null, string? VoidReason = null,
    long? ForDocumentId = null, int Revision = 1);

/// <summary>A 文书模板 as the API shows it: kind as in the document URLs (acceptance-notice), whether it is the built-in wording.</summary>
public sealed record TemplateDto(string Kind, string Title, string Body, bool IsDefault);

public sealed record TemplateFieldDto(string Name, string Placeholder, string Description);

public sealed record TemplatesDto(IReadOnlyList<TemplateFieldDto> Fields, IReadOnlyList<TemplateDto> Templates);

public sealed record SaveTemplateRequest(string? Body);

/// <summary>签发: the date printed on the document (default today) and who signed it (default the user).</summary>
public sealed record IssueRequest(DateOnly? On = null, string? Signer = null);

public sealed record VoidRequest(string? Reason);

/// <summary>
/// What a 复议 document's fields are filled from: the case, its decision deadline as computed today, and what the case
/// file adds (文书要素, 听证, the document served, the archive list).
/// </summary>
public sealed record DocumentFacts(ReconCase Case, DateOnly? DecisionDue)
{
    public CaseWriting? Writing { get; init; }
    public CaseHearing? Hearing { get; init; }
    /// <summary>被申请人's full name (the org unit's official name), else the name on the case.</summary>
    public string? RespondentFullName { get; init; }
    /// <summary>The court of the 复议机关's district, for the 诉权告知 when the case names none.</summary>
    public string? DistrictCourt { get; init; }
    public string? ServedDocument { get; init; }
    public IReadOnlyList<string> ServiceLines { get; init; } = [];
    public string? ArchiveNumber { get; init; }
    public string? Retention { get; init; }
    public IReadOnlyList<string> ArchiveLines { get; init; } = [];
}

/// <summary>
/// 法律文书: writes a document from its template and the case's facts as a 草稿; 签发 takes its 文号 (per unit, year and
/// kind) and fixes its date; regenerating keeps the number; a number issued in error is 作废 with a reason and never
/// given again.
/// </summary>
public sealed partial class DocumentService(FazhiDb db, ReconCaseService cases)
{
    /// <summary>What a field prints when the case does not know it: a 草稿 may carry it, 签发 refuses it.</summary>
    public const string AskPrefix = "（请填写";

    [GeneratedRegex(@"（请填写(.+?)）")]
    private static partial Regex AskPattern();

    private static string Ask(string? value, string what) => string.IsNullOrWhiteSpace(value) ? $"{AskPrefix}{what}）" : value.Trim();

    /// <summary>acceptance-notice → AcceptanceNotice; numbers ("1", "99") are not kinds.</summary>
    public static DocumentKind? ParseKind(string segment) =>
        Enum.TryParse<DocumentKind>(string.Concat(segment.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..])), out var k)
            && Enum.IsDefined(k) && !segment.Any(char.IsDigit) ? k : null;

    /// <summary>The fields every 复议 template may use (the Kernel template engine refuses any other name).</summary>
    public static readonly TemplateFieldSet<DocumentFacts> Fields = new(
        ("案号", "案件编号，如 环翠复〔2026〕5号", f => f.Case.CaseNumber),
        ("申请人", "申请人姓名或名称", f => f.Case.ApplicantName),
        ("申请人情况", "申请人姓名或名称及身份（自然人：性别、出生日期；组织：统一社会信用代码）", f => ApplicantLine(f.Case)),
        ("代理人行", "“委托代理人：……”一行（无代理人时不印）", f => string.IsNullOrWhiteSpace(f.Case.AgentName) ? "" : "委托代理人：" + f.Case.AgentName),
        ("被申请人", "被申请人全称（机构全称）", f => f.RespondentFullName ?? f.Case.RespondentName),
        ("第三人行", "“第三人：……”各一行（无第三人时不印）", f => string.Join("\n", Lines(f.Writing?.ThirdParties).Select(t => "第三人：" + t))),
        ("申请事项", "登记的申请事项原文", f => f.Case.Matter),
        ("被复议行为", "被申请复议的行政行为，如“作出的行政处罚决定”", f => ActPhrase(f.Case.Matter, f.RespondentFullName, f.Case.RespondentName)),
        ("复议请求", "申请人的行政复议请求", f => Ask(f.Writing?.Request ?? RequestFrom(f.Case.Matter), "行政复议请求")),
        ("收到日期", "收到申请之日", f => ChineseDate(f.Case.ReceivedOn)),
        ("受理日期", "受理之日", f => f.Case.AcceptedOn is { } a ? ChineseDate(a) : Ask(null, "受理日期")),
        ("审理程序", "普通程序或简易程序", f => f.Case.Procedure is { } p ? ReconNames.Of(p) : Ask(null, "审理程序")),
        ("补正事项", "补正通知所列材料", f => Ask(f.Case.Events.LastOrDefault(e => e.Action == CaseAction.RequestCorrection)?.Note, "补正事项")),
        ("不予受理理由", "不予受理的理由", f => Ask(f.Case.Events.LastOrDefault(e => e.Action == CaseAction.Reject)?.Note?.TrimEnd('。'), "不予受理理由")),
        ("延长天数", "延长审理期限的天数", f => f.Case.ExtensionDays.ToString(CultureInfo.InvariantCulture)),
        ("决定期限", "作出复议决定的期限", f => f.DecisionDue is { } due ? ChineseDate(due) : Ask(null, "决定期限")),
        ("决定类型", "复议决定的类型", f => f.Case.DecisionType is { } d ? ReconNames.Of(d) : Ask(null, "决定类型")),
        ("答复期限", "被申请人提出书面答复的日数（普通程序十日，简易程序五日）", f => f.Case.Procedure == ProcedureKind.Simplified ? "五" : "十"),
        ("答复条款", "答复期限的依据（第四十八条或第五十四条）", f => f.Case.Procedure == ProcedureKind.Simplified ? "第五十四条" : "第四十八条"),
        ("申请人称", "申请人的主张和理由", f => Ask(f.Writing?.ApplicantStatement, "申请人的主张和理由")),
        ("被申请人称", "被申请人的答复意见", f => Ask(f.Writing?.RespondentStatement, "被申请人的答复意见")),
        ("第三人称行", "“第三人称：……”一行（无第三人意见时不印）", f => string.IsNullOrWhiteSpace(f.Writing?.ThirdPartyStatement) ? "" : "第三人称：" + f.Writing.ThirdPartyStatement.Trim()),
        ("查明事实", "经审理查明的事实", f => Ask(f.Writing?.Findings, "经审理查明的事实")),
        ("本机关认为", "决定的理由", f => Ask(f.Writing?.Reasoning, "本机关认为的理由")),
        ("适用条款", "决定适用的行政复议法条款（按决定类型）", f => f.Case.DecisionType is { } d ? ArticleOf(d) : Ask(null, "适用条款")),
        ("决定主文", "决定的内容（按决定类型并附作出决定时填写的决定主文）", f => DecisionText(f)),
        ("诉权主体", "可以起诉的当事人（申请人，有第三人时为申请人、第三人）", f => Lines(f.Writing?.ThirdParties).Any() ? "申请人、第三人" : "申请人"),
        ("管辖法院", "诉权告知中的人民法院", f => Ask(string.IsNullOrWhiteSpace(f.Writing?.Court) ? f.DistrictCourt : f.Writing.Court, "管辖法院")),
        ("听证时间", "听证的日期和时间", f => HearingTime(f)),
        ("听证地点", "听证地点", f => Ask(f.Hearing?.Place, "听证地点")),
        ("听证事项", "拟听证事项", f => Ask(f.Hearing?.Matters, "拟听证事项")),
        ("主持人", "听证主持人", f => Ask(f.Hearing?.Host, "听证主持人")),
        ("听证员", "听证员（两名以上）", f => Ask(f.Hearing?.Panelists, "听证员")),
        ("记录员", "记录员", f => Ask(f.Hearing?.Clerk, "记录员")),
        ("出席人员", "出席听证的当事人及代理人", f => Ask(f.Hearing?.Attendees, "出席人员")),
        ("听证笔录", "听证过程记录", f => Ask(f.Hearing?.Record ?? f.Case.Events.LastOrDefault(e => e.Action == CaseAction.HoldHearing)?.Note, "听证笔录")),
        ("中止日期", "中止之日", f => f.Case.Suspensions.LastOrDefault() is { } s ? ChineseDate(s.From) : Ask(null, "中止日期")),
        ("中止事由", "中止的事由", f => Ask(f.Case.Suspensions.LastOrDefault()?.Ground?.TrimEnd('。'), "中止事由")),
        ("恢复日期", "恢复审理之日", f => f.Case.Suspensions.LastOrDefault(s => s.To is not null)?.To is { } to ? ChineseDate(to) : Ask(null, "恢复日期")),
        ("终止事由", "终止的事由", f => TerminationText(f.Case)),
        ("终止条款", "终止适用的条款", f => f.Case.TerminationReason is TerminationReason.Other or null ? "第四十一条" : "第四十一条第一项"),
        ("调解协议", "调解协议的内容", f => Ask(f.Writing?.MediationTerms ?? f.Case.Events.LastOrDefault(e => e.Action == CaseAction.Mediate)?.Note, "调解协议内容")),
        ("意见书内容", "意见书或建议书指出的问题和意见", f => Ask(AfterColon(f.Case.Events.LastOrDefault(e => e.Action == CaseAction.IssueOpinionLetter)?.Note), "意见书内容")),
        ("送达文书", "送达回证所送达的文书（名称及文号）", f => Ask(f.ServedDocument, "送达文书")),
        ("送达明细", "送达回证中的受送达人、送达方式和日期", f => string.Join("\n", f.ServiceLines)),
        ("案卷号", "归档时编定的案卷号", f => Ask(f.ArchiveNumber, "案卷号")),
        ("保管期限", "案卷保管期限", f => Ask(f.Retention, "保管期限")),
        ("卷内文件", "卷内文件目录（按归档顺序）", f => string.Join("\n", f.ArchiveLines)));

    /// <summary>The kind as written in URLs: AcceptanceNotice → acceptance-notice.</summary>
    public static string SegmentOf(DocumentKind kind) =>
        string.Concat(kind.ToString().Select((ch, i) => char.IsUpper(ch) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(ch) : ch.ToString()));

    public async Task<string> TemplateBodyAsync(DocumentKind kind, CancellationToken ct) =>
        (await db.Set<DocumentTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Kind == kind, ct))?.Body ?? DocumentKinds.DefaultBody(kind);

    public async Task<TemplatesDto> TemplatesAsync(CancellationToken ct)
    {
        var saved = await db.Set<DocumentTemplate>().AsNoTracking().ToDictionaryAsync(t => t.Kind, t => t.Body, ct);
        return new TemplatesDto(
            [.. Fields.Fields.Select(f => new TemplateFieldDto(f.Name, FieldTemplate.Placeholder(f.Name), f.Description))],
            [.. Enum.GetValues<DocumentKind>().Select(k => new TemplateDto(SegmentOf(k), DocumentKinds.TitleOf(k),
                saved.GetValueOrDefault(k) ?? DocumentKinds.DefaultBody(k), !saved.ContainsKey(k)))]);
    }

    public async Task SaveTemplateAsync(DocumentKind kind, string? body, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body) || body.Length > 10_000)
            throw FazhiValidationException.For("body", "模板内容不能为空，且不超过10000字");
        FieldTemplate.EnsureValid(body, Fields);
        var row = await db.Set<DocumentTemplate>().FirstOrDefaultAsync(t => t.Kind == kind, ct);
        if (row is null)
            db.Set<DocumentTemplate>().Add(new DocumentTemplate { Kind = kind, Title = DocumentKinds.TitleOf(kind), Body = body });
        else
            row.Body = body;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// 制作/重新生成: writes the document from the case as it stands. The case's live document of this kind (not voided)
    /// is rewritten in place — a draft stays unnumbered, a 签发 document keeps its 文号 and date — unless it has been
    /// served, when only 作废 and a new document can change it.
    /// </summary>
    public async Task<CaseDocument> GenerateAsync(long caseId, DocumentKind kind, CancellationToken ct, long? forDocumentId = null)
    {
        var c = await cases.GetAsync(caseId, ct);
        CaseFileGuard.EnsureEditable(c);
        CaseDocument? served = null;
        if (kind == DocumentKind.ServiceReceipt)
        {
            served = forDocumentId is { } fid
                ? await db.Set<CaseDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == fid && d.CaseId == caseId, ct)
                : null;
            if (served is null || served.Status != DocumentStatus.Issued)
                throw FazhiValidationException.For("documentId", "送达回证只能为本案已签发的文书制作，请选择要送达的文书。");
        }
        else if (!DocumentKinds.AppliesTo(kind, c))
            throw new ConflictException($"案件当前状态为“{ReconNames.Of(c.Status)}”，还不能制作《{DocumentKinds.TitleOf(kind)}》。");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var doc = await db.Set<CaseDocument>().FirstOrDefaultAsync(d => d.CaseId == caseId && d.Kind == kind && d.ForDocumentId == forDocumentId && d.Status != DocumentStatus.Voided, ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (doc is null)
        {
            doc = new CaseDocument
            {
                CaseId = c.Id, OrgUnitId = c.OrgUnitId, Kind = kind, Title = DocumentKinds.TitleOf(kind), ForDocumentId = forDocumentId,
                CreatedAtUtc = now, CreatedBy = db.Actor.UserName, Content = [], Status = DocumentStatus.Draft,
            };
            db.Set<CaseDocument>().Add(doc);
        }
        else
        {
            if (await db.Set<ServiceRecord>().AnyAsync(s => s.DocumentId == doc.Id && s.ServedOn != null, ct))
                throw new ConflictException($"《{doc.Title}》（{doc.Number}）已送达，不能重新生成；如有错误，请作废文号后重新制作。");
            doc.Revision++;
            doc.UpdatedAtUtc = now;
            doc.Version++;
        }
        await RenderAsync(doc, c, served, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return doc;
    }

    /// <summary>签发: takes the 文号 and fixes the date. A draft that still asks for something the case does not know
    /// (“（请填写…）”) is refused, naming each missing element.</summary>
    public async Task<CaseDocument> IssueAsync(long id, IssueRequest r, CancellationToken ct)
    {
        var doc = await db.Set<CaseDocument>().FirstOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new NotFoundException($"文书（编号{id}）不存在或不在您的数据权限范围内。");
        if (doc.Status != DocumentStatus.Draft)
            throw new ConflictException($"《{doc.Title}》{(doc.Status == DocumentStatus.Issued ? $"已于{doc.IssuedOn:yyyy-MM-dd}签发（{doc.Number}）" : "已作废")}，不能再次签发。");
        var c = await cases.GetAsync(doc.CaseId, ct);
        CaseFileGuard.EnsureEditable(c);
        var today = DateOnly.FromDateTime(ChinaTime.Now(db.Clock));
        var on = r.On ?? today;
        if (on > today)
            throw FazhiValidationException.For("on", "签发日期不能晚于今天。");
        if (on < c.ReceivedOn)
            throw FazhiValidationException.For("on", $"签发日期不能早于收到申请之日（{c.ReceivedOn:yyyy-MM-dd}）。");
        var signer = string.IsNullOrWhiteSpace(r.Signer) ? db.Actor.UserName : r.Signer.Trim();
        if (signer.Length > 64)
            throw FazhiValidationException.For("signer", "签发人不超过64字");
        CaseDocument? served = doc.ForDocumentId is { } fid ? await db.Set<CaseDocument>().AsNoTracking().FirstAsync(d => d.Id == fid, ct) : null;

        // An approved 签发 呈报 runs inside the approval's transaction (ReconApprovalHandler).
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        doc.IssuedOn = on;
        await RenderAsync(doc, c, served, ct);
        var missing = AskPattern().Matches(string.Join("\n", OfficialDocument.ReadParagraphs(doc.Content))).Select(m => m.Groups[1].Value).Distinct().ToList();
        if (missing.Count > 0)
            throw FazhiValidationException.For("document", $"《{doc.Title}》尚缺：{string.Join("、", missing)}。请在“文书要素”或相应办理环节中补充后重新生成，再签发。");
        var unit = await db.OrgUnits.AsNoTracking().FirstAsync(o => o.Id == c.OrgUnitId, ct);
        doc.Number = DocumentKinds.AbbreviationOf(doc.Kind) is { } abbr ? await NextNumberAsync(unit, doc.Kind, abbr, on.Year, ct) : null;
        doc.Status = DocumentStatus.Issued;
        doc.IssuedBy = signer;
        doc.IssuedAtUtc = db.Clock.GetUtcNow().UtcDateTime;
        doc.Version++;
        await RenderAsync(doc, c, served, ct);
        await db.SaveChangesAsync(ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return doc;
    }

    /// <summary>作废: a number issued in error stays on record, marked void with the reason; it is never given again.</summary>
    public async Task<CaseDocument> VoidAsync(long id, VoidRequest r, CancellationToken ct)
    {
        var doc = await db.Set<CaseDocument>().FirstOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new NotFoundException($"文书（编号{id}）不存在或不在您的数据权限范围内。");
        if (string.IsNullOrWhiteSpace(r.Reason) || r.Reason.Trim().Length > 500)
            throw FazhiValidationException.For("reason", "请写明作废的理由（不超过500字）");
        if (doc.Status != DocumentStatus.Issued)
            throw new ConflictException(doc.Status == DocumentStatus.Voided ? $"《{doc.Title}》已作废。" : $"《{doc.Title}》尚未签发，草稿无需作废，重新生成即可。");
        var c = await cases.GetAsync(doc.CaseId, ct);
        CaseFileGuard.EnsureEditable(c);
        doc.Status = DocumentStatus.Voided;
        doc.VoidReason = r.Reason.Trim();
        doc.VoidedBy = db.Actor.UserName;
        doc.VoidedAtUtc = db.Clock.GetUtcNow().UtcDateTime;
        doc.Version++;
        await db.SaveChangesAsync(ct);
        return doc;
    }

    public async Task<List<DocumentDto>> ListAsync(long caseId, CancellationToken ct) =>
        [.. (await db.Set<CaseDocument>().AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.Id)
                .Select(d => new { d.Id, d.Kind, d.Title, d.Number, d.CreatedAtUtc, d.CreatedBy, d.Status, d.IssuedOn, d.IssuedBy, d.VoidReason, d.ForDocumentId, d.Revision }).ToListAsync(ct))
            .Select(d => new DocumentDto(d.Id, d.Kind.ToString(), d.Title, d.Number, ChinaTime.Format(d.CreatedAtUtc), d.CreatedBy, d.Status.ToString(),
                StatusName(d.Status), d.IssuedOn is { } o ? o.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null, d.IssuedBy, d.VoidReason, d.ForDocumentId, d.Revision))];

    public static DocumentDto ToDto(CaseDocument d) => new(d.Id, d.Kind.ToString(), d.Title, d.Number, ChinaTime.Format(d.CreatedAtUtc), d.CreatedBy,
        d.Status.ToString(), StatusName(d.Status), d.IssuedOn is { } o ? o.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null, d.IssuedBy, d.VoidReason, d.ForDocumentId, d.Revision);

    public static string StatusName(DocumentStatus s) => s switch
    {
        DocumentStatus.Draft => "草稿",
        DocumentStatus.Issued => "已签发",
        _ => "已作废",
    };

    public async Task<CaseDocument> GetAsync(long id, CancellationToken ct) =>
        await db.Set<CaseDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct)
        ?? throw new NotFoundException($"文书（编号{id}）不存在或不在您的数据权限范围内。");

    /// <summary>The facts of a case as its documents use them.</summary>
    public async Task<DocumentFacts> FactsAsync(ReconCase c, CaseDocument? served, CancellationToken ct)
    {
        var organ = await OrganAsync(c.OrgUnitId, ct);
        var respondent = await RespondentFullNameAsync(c.RespondentOrgUnitId, ct);
        var archive = await db.Set<CaseArchive>().AsNoTracking().FirstOrDefaultAsync(a => a.CaseId == c.Id, ct);
        var lines = new List<string>();
        if (served is not null)
        {
            var records = await db.Set<ServiceRecord>().AsNoTracking().Where(s => s.DocumentId == served.Id).OrderBy(s => s.Id).ToListAsync(ct);
            lines = records.Count > 0
                ? [.. records.Select(s => $"受送达人：{CaseFileNames.Of(s.Party)} {s.Addressee}　送达方式：{CaseFileNames.Of(s.Method)}{(s.TrackingNumber is { } t ? $"（邮件号{t}）" : "")}　送达日期：{(s.ServedOn is { } on ? ChineseDate(on) : "　　年　　月　　日")}　签收：")]
                : [$"受送达人：申请人 {c.ApplicantName}　送达方式：　　　　送达日期：　　年　　月　　日　签收：",
                   $"受送达人：被申请人 {respondent ?? c.RespondentName}　送达方式：　　　　送达日期：　　年　　月　　日　签收："];
        }
        return new DocumentFacts(c, cases.Deadlines(c).FirstOrDefault(d => d.Kind == Rules.ReconDeadlines.Decision)?.DueOn)
        {
            Writing = await db.Set<CaseWriting>().AsNoTracking().FirstOrDefaultAsync(w => w.CaseId == c.Id, ct),
            Hearing = await db.Set<CaseHearing>().AsNoTracking().Where(h => h.CaseId == c.Id).OrderByDescending(h => h.Id).FirstOrDefaultAsync(ct),
            RespondentFullName = respondent,
            DistrictCourt = organ.EndsWith("人民政府", StringComparison.Ordinal) ? organ[..^4] + "人民法院" : null,
            ServedDocument = served is null ? null : $"《{served.Title}》（{served.Number ?? "无文号"}）",
            ServiceLines = lines,
            ArchiveNumber = archive?.FileNumber,
            Retention = archive is null ? null : CaseArchive.RetentionName(archive.RetentionYears),
            ArchiveLines = await ArchiveLinesAsync(c, ct),
        };
    }

    private async Task RenderAsync(CaseDocument doc, ReconCase c, CaseDocument? served, CancellationToken ct)
    {
        var facts = await FactsAsync(c, served, ct);
        var body = await TemplateBodyAsync(doc.Kind, ct);
        var paragraphs = Fields.Fill(body, facts).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
        var organ = await OrganAsync(c.OrgUnitId, ct);
        var title = doc.Kind == DocumentKind.OpinionLetter && c.Events.LastOrDefault(e => e.Action == CaseAction.IssueOpinionLetter)?.Note?.StartsWith("行政复议建议书", StringComparison.Ordinal) == true
            ? "行政复议建议书" : DocumentKinds.TitleOf(doc.Kind);
        doc.Title = title;
        string? addressee = doc.Kind switch
        {
            DocumentKind.ReplyNotice => facts.RespondentFullName ?? c.RespondentName,
            DocumentKind.OpinionLetter => c.OpinionLetterTo,
            DocumentKind.HearingNotice or DocumentKind.SuspensionNotice or DocumentKind.ResumptionNotice =>
                string.Join("、", new[] { c.ApplicantName, facts.RespondentFullName ?? c.RespondentName }.Concat(Lines(facts.Writing?.ThirdParties))),
            DocumentKind.AcceptanceNotice or DocumentKind.CorrectionNotice or DocumentKind.ExtensionNotice => c.ApplicantName,
            _ => null,
        };
        var number = doc.Number ?? (DocumentKinds.AbbreviationOf(doc.Kind) is null ? "" : "（草稿　签发时编号）");
        var date = doc.IssuedOn is { } on ? ChineseDate(on) : "（签发日期）";
        var unnumberedRecord = doc.Kind is DocumentKind.HearingRecord or DocumentKind.ServiceReceipt or DocumentKind.ArchiveIndex;
        doc.Content = OfficialDocument.Write(new OfficialDocument.Content(title, number, addressee, paragraphs,
            unnumberedRecord ? await AgencyAsync(c.OrgUnitId, ct) : organ, date)
        {
            Organ = DocumentKinds.IsDecision(doc.Kind) ? organ : null,
            Seal = !unnumberedRecord,
        });
    }

    /// <summary>卷内目录, in archive order: the concluding documents first, then the other documents as issued, then the
    /// case materials (申请书, 证据, 答复 …) as filed.</summary>
    private async Task<IReadOnlyList<string>> ArchiveLinesAsync(ReconCase c, CancellationToken ct)
    {
        var docs = await db.Set<CaseDocument>().AsNoTracking().Where(d => d.CaseId == c.Id && d.Status == DocumentStatus.Issued && d.Kind != DocumentKind.ArchiveIndex)
            .Select(d => new { d.Kind, d.Title, d.Number, d.IssuedOn, d.Id }).ToListAsync(ct);
        var files = await db.Set<Kernel.Attachments.Attachment>().AsNoTracking().Where(a => a.Module == ReconCaseService.Module && a.EntityType == CaseAttachments.EntityTypeCode && a.EntityId == c.Id)
            .Select(a => new { a.FileName, a.Category, a.UploadedAtUtc, a.Id }).ToListAsync(ct);
        var ordered = docs.OrderBy(d => DocumentKinds.IsDecision(d.Kind) ? 0 : d.Kind == DocumentKind.ServiceReceipt ? 2 : 1).ThenBy(d => d.IssuedOn).ThenBy(d => d.Id)
            .Select(d => (Name: d.Title + (d.Number is null ? "" : $"（{d.Number}）"), Date: d.IssuedOn))
            .Concat(files.OrderBy(f => CaseFileNames.ArchiveRank(f.Category)).ThenBy(f => f.UploadedAtUtc).ThenBy(f => f.Id)
                .Select(f => (Name: $"{CaseFileNames.MaterialName(f.Category)}：{f.FileName}", Date: (DateOnly?)DateOnly.FromDateTime(ChinaTime.ToChina(f.UploadedAtUtc)))))
            .ToList();
        return [.. ordered.Select((x, i) => $"{i + 1}．{x.Name}{(x.Date is { } d ? "　" + ChineseDate(d) : "")}")];
    }

    /// <summary>Under the 2023 law the 复议机关 is the county-level government; its 司法局 is the 行政复议机构. The
    /// government signs with its official full name (威海市环翠区人民政府), kept on the region's org unit; a region
    /// whose official name is not yet entered falls back to "name + 人民政府".</summary>
    public async Task<string> OrganAsync(int unitId, CancellationToken ct)
    {
        var unit = await db.OrgUnits.AsNoTracking().FirstAsync(o => o.Id == unitId, ct);
        if (unit.Kind != OrgKind.JusticeBureau || unit.ParentId is null)
            return unit.NameForDocuments;
        return (await db.Orgs.GetAsync(unit.ParentId.Value, ct)).GovernmentName;
    }

    /// <summary>被申请人's full name: its own 机构全称 when entered; else a department named after its region (环翠区市场监督管理局)
    /// takes the region's full name (威海市环翠区人民政府 → 威海市环翠区市场监督管理局).</summary>
    public async Task<string?> RespondentFullNameAsync(int unitId, CancellationToken ct)
    {
        var unit = await db.Orgs.FindAsync(unitId, ct);
        if (unit is null || unit.OfficialName is not null)
            return unit?.OfficialName;
        for (var parentId = unit.ParentId; parentId is { } pid;)
        {
            var parent = await db.Orgs.FindAsync(pid, ct);
            if (parent is null)
                break;
            var government = parent.GovernmentName;
            if (unit.Name.StartsWith(parent.Name, StringComparison.Ordinal) && government.EndsWith("人民政府", StringComparison.Ordinal))
                return government[..^4] + unit.Name[parent.Name.Length..];
            parentId = parent.ParentId;
        }
        return null;
    }

    /// <summary>The 行政复议机构 (the 司法局), which keeps the 笔录, 送达回证 and 卷内目录.</summary>
    private async Task<string> AgencyAsync(int unitId, CancellationToken ct) =>
        (await db.OrgUnits.AsNoTracking().FirstAsync(o => o.Id == unitId, ct)).NameForDocuments;

    private async Task<string> NextNumberAsync(OrgUnit unit, DocumentKind kind, string abbreviation, int year, CancellationToken ct)
    {
        var counter = await db.Set<DocumentNumberCounter>().FirstOrDefaultAsync(x => x.OrgUnitId == unit.Id && x.Year == year && x.Kind == kind, ct);
        if (counter is null)
            db.Set<DocumentNumberCounter>().Add(counter = new DocumentNumberCounter { OrgUnitId = unit.Id, Year = year, Kind = kind });
        counter.Last++;
        counter.Version++;
        return $"{ReconCaseService.ShortName(unit)}复{abbreviation}〔{year}〕{counter.Last}号";
    }

    public static string ChineseDate(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    private static string? AfterColon(string? note) => note is null ? null : note.IndexOf('：', StringComparison.Ordinal) is var i and >= 0 ? note[(i + 1)..] : note;

    /// <summary>申请人 as a 决定书 names them: a person with sex and date of birth read from the 身份证号 (never the number
    /// itself), an organisation with its 统一社会信用代码.</summary>
    public static string ApplicantLine(ReconCase c)
    {
        var id = c.ApplicantIdNumber?.Trim();
        if (c.ApplicantKind == ApplicantKind.Organisation)
            return string.IsNullOrEmpty(id) ? c.ApplicantName : $"{c.ApplicantName}，统一社会信用代码：{id}";
        if (id is { Length: 18 } && DateOnly.TryParseExact(id[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
            return $"{c.ApplicantName}，{((id[16] - '0') % 2 == 1 ? "男" : "女")}，{ChineseDate(birth)}出生";
        return c.ApplicantName;
    }

    /// <summary>The act as the prose names it after the respondent: “作出的行政处罚决定”. A 申请事项 typed as “不服……” or
    /// “请求撤销××局作出的……” is reduced to the act, so the documents never read “不服××局请求撤销××局作出的……”.</summary>
    public static string ActPhrase(string matter, string? respondentFull, string respondentShort)
    {
        var m = matter.Trim().TrimEnd('。', '；', ';');
        foreach (var p in new[] { "不服", "请求撤销", "请求确认", "请求变更", "请求", "申请撤销", "要求撤销", "撤销" })
            if (m.StartsWith(p, StringComparison.Ordinal)) { m = m[p.Length..]; break; }
        foreach (var n in new[] { respondentFull, respondentShort, "被申请人" })
            if (!string.IsNullOrEmpty(n) && m.StartsWith(n, StringComparison.Ordinal)) { m = m[n.Length..]; break; }
        if (m.StartsWith('的'))
            m = "作出" + m;
        if (m.Length == 0)
            return "作出的行政行为";
        return m.StartsWith("作出", StringComparison.Ordinal) || m.StartsWith('于') || m.StartsWith("不履行", StringComparison.Ordinal)
            || m.StartsWith('未') || m.StartsWith("拒绝", StringComparison.Ordinal) ? m : "作出的" + m;
    }

    private static string? RequestFrom(string matter)
    {
        var m = matter.Trim().TrimEnd('。');
        return m.StartsWith("请求", StringComparison.Ordinal) && m.Length > 2 ? m[2..] : null;
    }

    /// <summary>The article a decision rests on (行政复议法 2023): 变更 第六十三条, 撤销 第六十四条, 确认违法 第六十五条,
    /// 责令履行 第六十六条, 确认无效 第六十七条, 维持 第六十八条, 驳回复议请求 第六十九条.</summary>
    public static string ArticleOf(DecisionType d) => d switch
    {
        DecisionType.Vary => "第六十三条",
        DecisionType.Revoke => "第六十四条",
        DecisionType.ConfirmIllegal => "第六十五条",
        DecisionType.OrderPerformance => "第六十六条",
        DecisionType.ConfirmVoid => "第六十七条",
        DecisionType.Uphold => "第六十八条",
        DecisionType.PartialRevoke => "第六十四条",
        DecisionType.DismissApplication => "第三十三条",
        _ => "第六十九条",
    };

    private static string DecisionText(DocumentFacts f)
    {
        if (f.Case.DecisionType is not { } d)
            return Ask(null, "决定内容");
        var act = ActPhrase(f.Case.Matter, f.RespondentFullName, f.Case.RespondentName);
        // recon-more: the 主文 is its own field since it was added (empty: recorded without one); a decision recorded before
        // keeps the old reading of the decision's history note.
        var gist = f.Case.DecisionGist is { } recorded ? recorded.Trim().TrimEnd('。') : AfterColon(f.Case.Events.LastOrDefault(e => e.Action == CaseAction.Decide)?.Note)?.Trim().TrimEnd('。');
        // The history entry goes on with what 第六十一条 and 第四十八、四十九条 make the decision record (负责人/集体讨论,
        // a step left out and why): that is for the file, not for the 决定书's 主文.
        if (f.Case.DecisionGist is null && gist is not null && f.Case.DecisionMode is { } mode)
        {
            var basis = gist.StartsWith("经" + mode + "（", StringComparison.Ordinal) ? 0 : gist.IndexOf("；经" + mode + "（", StringComparison.Ordinal);
            if (basis >= 0)
                gist = gist[..basis].Trim().TrimEnd('。');
        }
        if (string.IsNullOrEmpty(gist) || gist == ReconNames.Of(d))
            gist = null;
        var main = d switch
        {
            DecisionType.Uphold => $"维持被申请人{act}。",
            DecisionType.Vary => $"变更被申请人{act}" + (gist is null ? "。" : $"：{gist}。"),
            DecisionType.Revoke => $"撤销被申请人{act}" + (gist is null ? "。" : $"，{gist}。"),
            DecisionType.ConfirmIllegal => $"确认被申请人{act}违法" + (gist is null ? "。" : $"，{gist}。"),
            DecisionType.OrderPerformance => "责令被申请人" + (gist ?? Ask(null, "履行的内容和期限")) + "。",
            DecisionType.ConfirmVoid => $"确认被申请人{act}无效。",
            DecisionType.PartialRevoke => $"部分撤销被申请人{act}" + (gist is null ? Ask(null, "撤销的部分") + "。" : $"：{gist}。"),
            DecisionType.DismissApplication => "驳回申请人的行政复议申请。",
            _ => "驳回申请人的行政复议请求。",
        };
        return d is DecisionType.Uphold or DecisionType.ConfirmVoid or DecisionType.Dismiss or DecisionType.DismissApplication && gist is not null ? main + gist + "。" : main;
    }

    private static string HearingTime(DocumentFacts f)
    {
        if (f.Hearing is { } h)
        {
            var time = TimeOnly.TryParse(h.StartsAt, CultureInfo.InvariantCulture, out var t) ? (t.Minute == 0 ? $"{t.Hour}时" : $"{t.Hour}时{t.Minute}分") : h.StartsAt;
            return ChineseDate(h.HearingOn) + time;
        }
        return f.Case.HearingScheduledOn is { } on ? ChineseDate(on) : Ask(null, "听证时间");
    }

    private static string TerminationText(ReconCase c)
    {
        var note = AfterColon(c.Events.LastOrDefault(e => e.Action == CaseAction.Terminate)?.Note)?.Trim().TrimEnd('。');
        if (note is not null && c.TerminationReason is { } r && note == ReconNames.Of(r))
            note = null;
        return c.TerminationReason switch
        {
            TerminationReason.Withdrawn => "本案审理过程中，申请人撤回行政复议申请，经审查，撤回申请系其真实意思表示，本机关准予撤回" + (note is null ? "" : "（" + note + "）"),
            TerminationReason.Settlement => "本案审理过程中，当事人自愿达成和解，申请人撤回行政复议申请，本机关准予撤回" + (note is null ? "" : "（" + note + "）"),
            TerminationReason.Mediation => "本案审理过程中，经本机关主持调解，申请人撤回行政复议申请，本机关准予撤回" + (note is null ? "" : "（" + note + "）"),
            _ => Ask(note, "终止事由"),
        };
    }
}
