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

/// <summary>法律文书: fills a template with the case's facts, numbers it (文号 per unit, year and kind) and keeps it.</summary>
public sealed class DocumentService(FazhiDb db, ReconCaseService cases)
{
    public static DocumentKind? ParseKind(string segment) =>
        Enum.TryParse<DocumentKind>(string.Concat(segment.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..])), out var k) ? k : null;

    public async Task<string> TemplateBodyAsync(DocumentKind kind, CancellationToken ct) =>
        (await db.Set<DocumentTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Kind == kind, ct))?.Body ?? DocumentKinds.DefaultBody(kind);

    public async Task SaveTemplateAsync(DocumentKind kind, string? body, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body) || body.Length > 10_000)
            throw FazhiValidationException.For("body", "模板内容不能为空，且不超过10000字");
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
        var values = Placeholders(c, cases);
        var body = await TemplateBodyAsync(kind, ct);
        var paragraphs = body.Split('\n').Select(l => Fill(l.TrimEnd('\r'), values)).Where(l => l.Length > 0).ToList();

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

    private static Dictionary<string, string> Placeholders(ReconCase c, ReconCaseService cases)
    {
        var decision = cases.Deadlines(c).FirstOrDefault(d => d.Kind == Rules.ReconDeadlines.Decision);
        return new Dictionary<string, string>
        {
            ["案号"] = c.CaseNumber,
            ["申请人"] = c.ApplicantName,
            ["被申请人"] = c.RespondentName,
            ["申请事项"] = c.Matter,
            ["收到日期"] = ChineseDate(c.ReceivedOn),
            ["受理日期"] = c.AcceptedOn is { } a ? ChineseDate(a) : "",
            ["审理程序"] = c.Procedure is { } p ? ReconNames.Of(p) : "",
            ["补正事项"] = c.Events.LastOrDefault(e => e.Action == CaseAction.RequestCorrection)?.Note ?? "",
            ["不予受理理由"] = c.Events.LastOrDefault(e => e.Action == CaseAction.Reject)?.Note ?? "",
            ["延长天数"] = c.ExtensionDays.ToString(CultureInfo.InvariantCulture),
            ["决定期限"] = decision is null ? "" : ChineseDate(decision.DueOn),
            ["决定类型"] = c.DecisionType is { } d ? ReconNames.Of(d) : "（请填写）",
        };
    }

    private static string Fill(string line, Dictionary<string, string> values)
    {
        foreach (var (key, value) in values)
            line = line.Replace("{{" + key + "}}", value, StringComparison.Ordinal);
        return line;
    }

    /// <summary>Under the 2023 law the 复议机关 is the county-level government; its 司法局 is the 行政复议机构.</summary>
    private async Task<string> IssuerAsync(OrgUnit unit, CancellationToken ct)
    {
        if (unit.Kind != OrgKind.JusticeBureau || unit.ParentId is null)
            return unit.Name;
        var region = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().FirstAsync(o => o.Id == unit.ParentId, ct);
        return region.Name + "人民政府";
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
