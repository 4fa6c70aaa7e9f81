using System.Globalization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Documents;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Reconsideration.Features;

public sealed record DocumentDto(long Id, string Kind, string Title, string Number, string CreatedAt, string CreatedBy);

/// <summary>A 文书模板 as the API shows it: kind as in the document URLs (acceptance-notice), whether it is the built-in wording.</summary>
public sealed record TemplateDto(string Kind, string Title, string Body, bool IsDefault);

public sealed record TemplateFieldDto(string Name, string Placeholder, string Description);

public sealed record TemplatesDto(IReadOnlyList<TemplateFieldDto> Fields, IReadOnlyList<TemplateDto> Templates);

public sealed record SaveTemplateRequest(string? Body);

/// <summary>What a 复议 document's fields are filled from: the case, and its decision deadline as computed today.</summary>
public sealed record DocumentFacts(ReconCase Case, DateOnly? DecisionDue);

/// <summary>法律文书: fills a template with the case's facts, numbers it (文号 per unit, year and kind) and keeps it.</summary>
public sealed class DocumentService(FazhiDb db, ReconCaseService cases)
{
    /// <summary>acceptance-notice → AcceptanceNotice; numbers ("1", "99") are not kinds.</summary>
    public static DocumentKind? ParseKind(string segment) =>
        Enum.TryParse<DocumentKind>(string.Concat(segment.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..])), out var k)
            && Enum.IsDefined(k) && !segment.Any(char.IsDigit) ? k : null;

    /// <summary>The fields every 复议 template may use (the Kernel template engine refuses any other name).</summary>
    public static readonly TemplateFieldSet<DocumentFacts> Fields = new(
        ("案号", "案件编号，如 环翠复〔2026〕5号", f => f.Case.CaseNumber),
        ("申请人", "申请人姓名或名称", f => f.Case.ApplicantName),
        ("被申请人", "被申请人（作出行政行为的机关）", f => f.Case.RespondentName),
        ("申请事项", "申请复议的行政行为", f => f.Case.Matter),
        ("收到日期", "收到申请之日", f => ChineseDate(f.Case.ReceivedOn)),
        ("受理日期", "受理之日（未受理为空）", f => f.Case.AcceptedOn is { } a ? ChineseDate(a) : ""),
        ("审理程序", "普通程序或简易程序", f => f.Case.Procedure is { } p ? ReconNames.Of(p) : ""),
        ("补正事项", "最近一次补正通知所列材料", f => f.Case.Events.LastOrDefault(e => e.Action == CaseAction.RequestCorrection)?.Note ?? ""),
        ("不予受理理由", "不予受理的理由", f => f.Case.Events.LastOrDefault(e => e.Action == CaseAction.Reject)?.Note ?? ""),
        ("延长天数", "延长审理期限的天数", f => f.Case.ExtensionDays.ToString(CultureInfo.InvariantCulture)),
        ("决定期限", "作出复议决定的期限", f => f.DecisionDue is { } due ? ChineseDate(due) : ""),
        ("决定类型", "复议决定的类型", f => f.Case.DecisionType is { } d ? ReconNames.Of(d) : "（请填写）"));

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

    public async Task<CaseDocument> GenerateAsync(long caseId, DocumentKind kind, CancellationToken ct)
    {
        var c = await cases.GetAsync(caseId, ct);
        if (!DocumentKinds.AppliesTo(kind, c))
            throw new ConflictException($"案件当前状态为“{ReconNames.Of(c.Status)}”，还不能制作《{DocumentKinds.TitleOf(kind)}》。");
        var unit = await db.OrgUnits.AsNoTracking().FirstAsync(o => o.Id == c.OrgUnitId, ct);
        var issuer = await IssuerAsync(unit, ct);
        var today = DateOnly.FromDateTime(ChinaTime.Now(db.Clock));
        var facts = new DocumentFacts(c, cases.Deadlines(c).FirstOrDefault(d => d.Kind == Rules.ReconDeadlines.Decision)?.DueOn);
        var body = await TemplateBodyAsync(kind, ct);
        var paragraphs = Fields.Fill(body, facts).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = await NextNumberAsync(unit, kind, today.Year, ct);
        var doc = new CaseDocument
        {
            CaseId = c.Id, OrgUnitId = c.OrgUnitId, Kind = kind, Number = number, Title = DocumentKinds.TitleOf(kind),
            CreatedAtUtc = db.Clock.GetUtcNow().UtcDateTime, CreatedBy = db.Actor.UserName,
            Content = OfficialDocument.Write(new OfficialDocument.Content(DocumentKinds.TitleOf(kind), number,
                kind is DocumentKind.RejectionDecision or DocumentKind.DecisionDraft ? null : c.ApplicantName, paragraphs, issuer, ChineseDate(today))),
        };
        db.Set<CaseDocument>().Add(doc);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return doc;
    }

    public async Task<List<DocumentDto>> ListAsync(long caseId, CancellationToken ct) =>
        [.. (await db.Set<CaseDocument>().AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.Id)
                .Select(d => new { d.Id, d.Kind, d.Title, d.Number, d.CreatedAtUtc, d.CreatedBy }).ToListAsync(ct))
            .Select(d => new DocumentDto(d.Id, d.Kind.ToString(), d.Title, d.Number, ChinaTime.Format(d.CreatedAtUtc), d.CreatedBy))];

    public async Task<CaseDocument> GetAsync(long id, CancellationToken ct) =>
        await db.Set<CaseDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct)
        ?? throw new NotFoundException($"文书（编号{id}）不存在或不在您的数据权限范围内。");

    /// <summary>Under the 2023 law the 复议机关 is the county-level government; its 司法局 is the 行政复议机构. The
    /// government signs with its official full name (威海市环翠区人民政府), kept on the region's org unit; a region
    /// whose official name is not yet entered falls back to "name + 人民政府".</summary>
    private async Task<string> IssuerAsync(OrgUnit unit, CancellationToken ct)
    {
        if (unit.Kind != OrgKind.JusticeBureau || unit.ParentId is null)
            return unit.NameForDocuments;
        return (await db.Orgs.GetAsync(unit.ParentId.Value, ct)).GovernmentName;
    }

    private async Task<string> NextNumberAsync(OrgUnit unit, DocumentKind kind, int year, CancellationToken ct)
    {
        var counter = await db.Set<DocumentNumberCounter>().FirstOrDefaultAsync(x => x.OrgUnitId == unit.Id && x.Year == year && x.Kind == kind, ct);
        if (counter is null)
            db.Set<DocumentNumberCounter>().Add(counter = new DocumentNumberCounter { OrgUnitId = unit.Id, Year = year, Kind = kind });
        counter.Last++;
        counter.Version++;
        return $"{ReconCaseService.ShortName(unit)}复{DocumentKinds.AbbreviationOf(kind)}〔{year}〕{counter.Last}号";
    }

    public static string ChineseDate(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
