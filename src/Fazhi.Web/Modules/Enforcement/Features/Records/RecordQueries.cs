using Fazhi.Web.Modules.Enforcement.Features.Warnings;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Fazhi.Web.Modules.Enforcement.Features.Records;

/// <summary>Search over the records. Every filter is optional; <c>org</c> narrows to a unit (and below) in scope.</summary>
public sealed record RecordFilter
{
    public string? Q { get; init; }
    public string? Org { get; init; }
    public string? Kind { get; init; }
    public string? ItemCode { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>Only records with an open warning (true) or of this rule code.</summary>
    public bool? Warned { get; init; }
    public string? Rule { get; init; }
    public bool? Lenient { get; init; }
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record RecordRow(long Id, string SourceId, string Department, string Kind, string ItemCode, string TargetName, string? TargetCode,
    string OpenedOn, string? DecidedOn, string? ClosedOn, string? Amount, bool LegalReviewDone, string? PublishedOn, bool Lenient, int OpenWarnings);

public sealed record RecordDetail(RecordRow Record, string? ItemName, string? Circumstance, bool Major, IReadOnlyList<string> Officers,
    string ReceivedAt, string UpdatedAt, long BatchId, IReadOnlyList<WarningRow> Warnings);

/// <summary>
/// The records a filter selects. <see cref="FilterAsync(RecordFilter, CancellationToken)"/> is the filter as such (draws, their 复核, the export):
/// <c>q</c> matches a code exactly or a fragment of the source id or the target's name anywhere in time.
/// <para>
/// <see cref="SearchAsync"/>, the interactive list, must stay cheap over a city's millions of rows, so:
/// <list type="bullet">
/// <item><c>q</c> that is a valid 统一社会信用代码 or 身份证号 is an equality on that column only (credit codes by the
/// index on (target_credit_code, opened_on)); anything else is a source-id equality (any time) or a contains-search of
/// source id and name, which no B-tree index serves: without a start date (<c>from</c>) it is confined to the last
/// <see cref="NameSearchDays"/> days, read through the (org_unit_id, counted_on) index, and the answer says so
/// (<see cref="Page{T}.Note"/>).</item>
/// <item>The total is counted up to <see cref="TotalCap"/> and no further (<c>COUNT</c> over <c>LIMIT cap+1</c>): past it the
/// answer says "超过10000条" (<see cref="Page{T}.TotalCapped"/>) and only the first <see cref="TotalCap"/> rows can be paged.</item>
/// <item>The default order (newest 计入日期 first, id as tiebreaker) is taken from the most recent month or year when that
/// window alone holds the rows up to the requested page: every row outside it sorts after every row inside, so the page
/// is the same, and only the window is sorted instead of the whole scope.</item>
/// </list>
/// </para>
/// </summary>
public sealed class RecordQueries(FazhiDb db, Kernel.Timers.DeadlinePolicy deadlines)
{
    private const string TargetIdIndex = nameof(EnforcementRecord.TargetIdNumber) + Kernel.Security.EncryptedAttribute.IndexSuffix;

    /// <summary>The list counts this many rows at most; beyond, "超过10000条".</summary>
    public const int TotalCap = 10_000;

    /// <summary>How far back a name (contains) search reaches when the filter has no start date.</summary>
    public const int NameSearchDays = 366;

    public Task<IQueryable<EnforcementRecord>> FilterAsync(RecordFilter f, CancellationToken ct) => FilterAsync(f, null, ct);

    /// <summary>Is <paramref name="text"/> a code searched by equality (a valid 统一社会信用代码 or 身份证号)?</summary>
    public static (bool Credit, bool Identity) CodeKind(string text)
    {
        var code = text.Trim().ToUpperInvariant();
        return (UnifiedSocialCreditCode.IsValid(code), IdentityNumber.IsValid(code));
    }

    /// <summary>The filter; when <paramref name="containsSince"/> is set, the contains-search of <c>q</c> reaches back only
    /// to that date.</summary>
    private async Task<IQueryable<EnforcementRecord>> FilterAsync(RecordFilter f, DateOnly? containsSince, CancellationToken ct)
    {
        var q = db.EnforcementRecords().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Org))
        {
            var path = await db.OrgUnits.PathOfAsync(f.Org, ct);
            q = q.Where(r => db.OrgUnits.Any(o => o.Id == r.OrgUnitId && o.Path.StartsWith(path)));
        }
        if (!string.IsNullOrWhiteSpace(f.Kind))
        {
            var kind = RecordNames.ParseKind(f.Kind) ?? throw FazhiValidationException.For("kind", "类型应为检查、处罚、强制或其他");
            q = q.Where(r => r.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(f.ItemCode)) q = q.Where(r => r.ItemCode == f.ItemCode.Trim());
        if (f.From is { } from) q = q.Where(r => r.CountedOn >= from);
        if (f.To is { } to) q = q.Where(r => r.CountedOn <= to);
        if (f.Lenient is { } lenient) q = q.Where(r => r.Lenient == lenient);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim();
            var code = text.ToUpperInvariant();
            var index = db.Fields.IndexOf(code); // 身份证号 is stored encrypted: found by its blind index
            q = CodeKind(text) switch
            {
                (true, true) => q.Where(r => r.TargetCreditCode == code || EF.Property<string>(r, TargetIdIndex) == index),
                (true, false) => q.Where(r => r.TargetCreditCode == code),
                (false, true) => q.Where(r => EF.Property<string>(r, TargetIdIndex) == index),
                _ when containsSince is { } since => q.Where(r => r.SourceId == text
                    || (r.CountedOn >= since && (r.SourceId.Contains(text) || r.TargetName.Contains(text)))),
                _ => q.Where(r => r.SourceId.Contains(text) || r.TargetName.Contains(text)),
            };
        }
        var warnings = db.EnforcementWarnings().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Rule))
        {
            var rule = f.Rule.Trim();
            q = q.Where(r => warnings.Any(w => w.RecordId == r.Id && w.RuleCode == rule));
        }
        else if (f.Warned == true)
            q = q.Where(r => warnings.Any(w => w.RecordId == r.Id && w.Status != WarningStatus.Closed));
        return q;
    }

    public async Task<Page<RecordRow>> SearchAsync(RecordFilter f, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(Kernel.ChinaTime.Now(db.Clock));
        var nameSearch = !string.IsNullOrWhiteSpace(f.Q) && CodeKind(f.Q) == (false, false);
        DateOnly? since = nameSearch && f.From is null ? today.AddDays(-NameSearchDays) : null;
        var q = await FilterAsync(f, since, ct);
        var (page, size) = Paging.Of(f.Page, f.PageSize);
        var counted = await q.Select(r => r.Id).Take(TotalCap + 1).CountAsync(ct);
        var capped = counted > TotalCap;
        var total = Math.Min(counted, TotalCap);
        if (capped)
            page = Math.Min(page, (TotalCap + size - 1) / size);
        if (f.Sort is not ("opened" or "-opened" or "amount" or "-amount" or "counted") && counted >= page * size)
            q = await NewestWindowAsync(q, f.From, today, page * size, ct);
        q = f.Sort switch
        {
            "opened" => q.OrderBy(r => r.OpenedOn).ThenBy(r => r.Id),
            "-opened" => q.OrderByDescending(r => r.OpenedOn).ThenByDescending(r => r.Id),
            "amount" => q.OrderBy(r => r.AmountFen).ThenBy(r => r.Id),
            "-amount" => q.OrderByDescending(r => r.AmountFen).ThenByDescending(r => r.Id),
            "counted" => q.OrderBy(r => r.CountedOn).ThenBy(r => r.Id),
            _ => q.OrderByDescending(r => r.CountedOn).ThenByDescending(r => r.Id),
        };
        var rows = await ProjectAsync(q.Skip((page - 1) * size).Take(size), ct);
        return new Page<RecordRow>(rows, total, page, size)
        {
            TotalCapped = capped,
            Note = since is { } s ? $"按名称或编号片段搜索且未指定起始日期时，只查找{Iso(s)}以来的记录（编号、统一社会信用代码、身份证号的完整值不受此限）；更早的记录请指定起始日期。" : null,
        };
    }

    /// <summary>The most recent month or year of <paramref name="q"/> if it alone holds the first <paramref name="need"/>
    /// rows newest-first (then those rows are the same as over the whole set); otherwise <paramref name="q"/>.</summary>
    private static async Task<IQueryable<EnforcementRecord>> NewestWindowAsync(IQueryable<EnforcementRecord> q, DateOnly? from, DateOnly today,
        int need, CancellationToken ct)
    {
        foreach (var days in (int[])[31, 366])
        {
            var cutoff = today.AddDays(-days);
            if (from >= cutoff)
                break; // the filter is narrower already
            var recent = q.Where(r => r.CountedOn >= cutoff);
            if (await recent.Select(r => r.Id).Take(need).CountAsync(ct) == need)
                return recent;
        }
        return q;
    }

    private async Task<List<RecordRow>> ProjectAsync(IQueryable<EnforcementRecord> q, CancellationToken ct)
    {
        var raw = await (from r in q
                         join o in db.OrgUnits on r.OrgUnitId equals o.Id
                         select new
                         {
                             r, Department = o.Name,
                             Open = db.EnforcementWarnings().Count(w => w.RecordId == r.Id && w.Status != WarningStatus.Closed),
                         }).ToListAsync(ct);
        return [.. raw.Select(x => ToRow(x.r, x.Department, x.Open))];
    }

    public static RecordRow ToRow(EnforcementRecord r, string department, int openWarnings) => new(
        r.Id, r.SourceId, department, RecordNames.Of(r.Kind), r.ItemCode, r.TargetName,
        r.TargetCreditCode ?? PersonalData.MaskIdNumber(r.TargetIdNumber), Iso(r.OpenedOn), Iso(r.DecidedOn), Iso(r.ClosedOn),
        r.AmountFen is null ? null : RecordNames.FormatFen(r.AmountFen), r.LegalReviewDone, Iso(r.PublishedOn), r.Lenient, openWarnings);

    public async Task<RecordDetail> GetAsync(long id, CancellationToken ct)
    {
        var r = await db.EnforcementRecords().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException("执法记录不存在或不在您的数据权限范围内。");
        var dept = (await db.Orgs.GetAsync(r.OrgUnitId, ct)).Name;
        var item = r.ItemId is null ? null : await db.EnforcementItems().ForJointWork().Where(i => i.Id == r.ItemId).Select(i => i.Name).FirstOrDefaultAsync(ct);
        var warnings = await db.EnforcementWarnings().AsNoTracking().Where(w => w.RecordId == id).OrderByDescending(w => w.RaisedOn).ToListAsync(ct);
        var today = DateOnly.FromDateTime(Kernel.ChinaTime.Now(db.Clock));
        return new RecordDetail(ToRow(r, dept, warnings.Count(w => w.Status != WarningStatus.Closed)), item, r.Circumstance, r.Major, r.OfficerList,
            Kernel.ChinaTime.Format(r.ReceivedAtUtc), Kernel.ChinaTime.Format(r.UpdatedAtUtc), r.BatchId,
            [.. warnings.Select(w => WarningService.ToRow(w, dept, today, deadlines))]);
    }

    public async Task<byte[]> ExportAsync(RecordFilter f, CancellationToken ct)
    {
        const int Max = 100_000;
        var rows = await ProjectAsync((await FilterAsync(f, ct)).OrderByDescending(r => r.CountedOn).ThenByDescending(r => r.Id).Take(Max), ct);
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            ["来源编号"] = r.SourceId, ["执法部门"] = r.Department, ["类型"] = r.Kind, ["事项编码"] = r.ItemCode, ["执法对象"] = r.TargetName,
            ["信用代码/证件号"] = r.TargetCode, ["立案日期"] = r.OpenedOn, ["决定日期"] = r.DecidedOn, ["结案日期"] = r.ClosedOn,
            ["罚没金额（元）"] = r.Amount, ["法制审核"] = r.LegalReviewDone ? "是" : "否", ["公示日期"] = r.PublishedOn,
            ["不罚轻罚"] = r.Lenient ? "是" : "否", ["未销号预警"] = r.OpenWarnings,
        });
        using var ms = new MemoryStream();
        await ms.SaveAsAsync(sheet, excelType: ExcelType.XLSX, cancellationToken: ct);
        return ms.ToArray();
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public static class RecordEndpoints
{
    public static void MapRecords(this RouteGroupBuilder g)
    {
        g.MapGet("/records", ([AsParameters] RecordFilter filter, RecordQueries q, CancellationToken ct) => q.SearchAsync(filter, ct))
            .WithSummary("执法记录查询：q 搜索来源编号/对象名称（未指定 from 时限最近一年）或完整的统一社会信用代码/身份证号，org、kind、itemCode、from、to（计入日期）、warned、rule、lenient，sort，分页；总数超过10000条时 total=10000、totalCapped=true")
            .RequirePermission(EnforcementPermissions.RecordView);
        g.MapGet("/records/export", async ([AsParameters] RecordFilter filter, RecordQueries q, CancellationToken ct) =>
            TypedResults.File(await q.ExportAsync(filter, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "执法记录.xlsx"))
            .WithSummary("导出执法记录（Excel，最多10万条）")
            .RequirePermission(EnforcementPermissions.RecordView);
        g.MapGet("/records/{id:long}", (long id, RecordQueries q, CancellationToken ct) => q.GetAsync(id, ct))
            .WithSummary("执法记录详情及其预警")
            .RequirePermission(EnforcementPermissions.RecordView);
    }
}
