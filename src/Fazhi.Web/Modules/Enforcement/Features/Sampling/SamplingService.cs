using Fazhi.Web.Modules.Enforcement.Features.Records;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Fazhi.Web.Modules.Enforcement.Features.Sampling;

/// <summary>A draw: from the records matching <see cref="Filter"/>, <see cref="Count"/> records or <see cref="Percent"/>
/// per cent of them. Without a <see cref="Seed"/> one is generated.</summary>
public sealed record DrawRequest(string? Name, RecordFilter? Filter, int? Count, decimal? Percent, long? Seed, long? TemplateId);

public sealed record DrawRow(long Id, string Name, string Owner, long Seed, int? RequestedCount, decimal? RequestedPercent, int Population, int Drawn,
    int Reviewed, long? TemplateId, string? TemplateName, string At, string DrawnBy);

public sealed record SampledRow(long RecordId, int Rank, string SourceId, string DepartmentCode, string Department, string Kind, string ItemCode,
    string TargetName, string? TargetCode, string CountedOn, decimal? Score, IReadOnlyDictionary<string, decimal>? Scores, string? Problems,
    string? Reviewer, string? ReviewedOn);

public sealed record DrawDetail(DrawRow Draw, RecordFilter Filter, TemplateDto? Template, IReadOnlyList<SampledRow> Records);

/// <summary>The draw repeated over today's data: <see cref="Missing"/> were drawn then and are not now, <see cref="Added"/>
/// the reverse.</summary>
public sealed record VerifyResult(bool Identical, long Seed, int StoredPopulation, int Population, int StoredDrawn, int Drawn,
    IReadOnlyList<long> Missing, IReadOnlyList<long> Added, string Message);

public sealed record ScoreRequest(Dictionary<string, decimal>? Scores, string? Problems);

public sealed record TemplateChoice(long? TemplateId);

public sealed record DepartmentResult(string DepartmentCode, string Department, int Files, int Reviewed, decimal? AverageScore);

public sealed record ItemResult(string Code, string Name, decimal Points, int Reviewed, decimal? AveragePoints, decimal? PercentOfFull);

public sealed record DrawResults(long DrawId, string Name, int Files, int Reviewed, decimal? AverageScore, decimal? FullMarks,
    IReadOnlyList<DepartmentResult> ByDepartment, IReadOnlyList<ItemResult> ByItem);

/// <summary>
/// 抽样（双随机）与案卷评查: draws records reproducibly (<see cref="Sampler"/>), keeps the seed and the filter with the draw
/// so that anyone can re-run it (<see cref="VerifyAsync"/>), and takes the reviewers' scores against a 评查模板.
/// </summary>
public sealed class SamplingService(FazhiDb db, RecordQueries records, ReviewTemplateService templates, ICurrentUser user)
{
    public const int MaxFilterJson = 2000;

    /// <summary>案卷评查 is done by hand: a draw larger than this is a mistake in the request, not a review plan.</summary>
    public const int MaxDrawn = 5000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Only staff who may edit (not 上级查看, not 部门数据报送) draw and score.</summary>
    public static void RequireEditor(ICurrentUser user)
    {
        if (!user.Can(EnforcementPermissions.ReviewDraw) && !user.Can(EnforcementPermissions.ReviewScore) && !user.Can(EnforcementPermissions.ReviewTemplate))
            throw new ForbiddenException("您的角色只能查看，不能抽样、评查或维护评查模板。");
    }

    /// <summary>A fresh seed below 2^53, so that it survives a round trip through any JSON client (JavaScript numbers
    /// are doubles) and can be typed back in by hand.</summary>
    public static long NewSeed()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return BinaryPrimitives.ReadInt64LittleEndian(bytes) & ((1L << 53) - 1);
    }

    /// <summary>The filter as stored: paging and sorting play no part in a draw.</summary>
    public static RecordFilter Normalize(RecordFilter? f) => (f ?? new RecordFilter()) with
    {
        Q = Blank(f?.Q), Org = Blank(f?.Org), Kind = Blank(f?.Kind), ItemCode = Blank(f?.ItemCode), Rule = Blank(f?.Rule),
        Sort = null, Page = 1, PageSize = 20,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static string FilterToJson(RecordFilter f) => JsonSerializer.Serialize(f, Json);

    public static RecordFilter FilterFromJson(string json) => JsonSerializer.Deserialize<RecordFilter>(json, Json) ?? new RecordFilter();

    public async Task<DrawDetail> CreateAsync(DrawRequest request, CancellationToken ct)
    {
        RequireEditor(user);
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
            errors["name"] = ["请填写抽样名称（不超过100个字符）"];
        var filter = Normalize(request.Filter);
        var filterJson = FilterToJson(filter);
        if (filterJson.Length > MaxFilterJson)
            errors["filter"] = ["筛选条件过长"];
        // The count checks that do not need the population are reported together with the others.
        if (Sampler.CountFor(1, request.Count, request.Percent) is { Error: { } countError, Field: { } countField })
            errors[countField] = [countError];
        if (request.TemplateId is { } templateId && !await db.ReviewTemplates().AnyAsync(t => t.Id == templateId, ct))
            errors["templateId"] = ["评查模板不存在或不在您的数据权限范围内"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);

        var population = await (await records.FilterAsync(filter, ct)).Select(r => r.Id).ToListAsync(ct);
        var (n, field, error) = Sampler.CountFor(population.Count, request.Count, request.Percent);
        if (error is not null)
            throw FazhiValidationException.For(field!, error);
        if (n > MaxDrawn)
            throw FazhiValidationException.For(request.Count is null ? "percent" : "count", $"一次最多抽取{MaxDrawn}条（按当前条件将抽取{n}条），请缩小范围或降低比例");
        var owner = user.OrgUnitId
            ?? (filter.Org is null ? null : await db.OrgUnits.Where(o => o.Code == filter.Org).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct))
            ?? throw FazhiValidationException.For("filter.org", "平台管理员抽样时请指定机构（org），抽样记录归属该机构");
        var seed = request.Seed ?? NewSeed();
        var drawn = Sampler.Draw(population, seed, n);
        var departments = await DepartmentsOfAsync(drawn, ct);
        var draw = new SamplingDraw
        {
            OrgUnitId = owner, Name = name, Seed = seed, FilterJson = filterJson, RequestedCount = request.Count, RequestedPercent = request.Percent,
            Population = population.Count, Drawn = drawn.Count, TemplateId = request.TemplateId, AtUtc = db.Clock.GetUtcNow().UtcDateTime,
            DrawnBy = user.UserName,
            Records = [.. drawn.Select((id, rank) => new SampledRecord { RecordId = id, Rank = rank, OrgUnitId = departments[id] })],
        };
        db.SamplingDraws().Add(draw);
        await db.SaveChangesAsync(ct);
        return await GetAsync(draw.Id, ct);
    }

    private async Task<Dictionary<long, int>> DepartmentsOfAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        var map = new Dictionary<long, int>(ids.Count);
        foreach (var part in ids.Chunk(2_000))
            foreach (var r in await db.EnforcementRecords().AsNoTracking().Where(r => part.Contains(r.Id)).Select(r => new { r.Id, r.OrgUnitId }).ToListAsync(ct))
                map[r.Id] = r.OrgUnitId;
        return map;
    }

    public async Task<Page<DrawRow>> ListAsync(int page, int pageSize, CancellationToken ct)
    {
        var size = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(1, page);
        var q = db.SamplingDraws().AsNoTracking();
        var total = await q.CountAsync(ct);
        var draws = await q.OrderByDescending(d => d.AtUtc).ThenByDescending(d => d.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        // Looked up apart: a bypass anywhere in a query lifts the data-scope filter of the whole query.
        var ids = draws.Select(d => d.Id).ToList();
        var owners = await NamesAsync(draws.Select(d => d.OrgUnitId), ct);
        var reviewed = await db.SampledRecords().ForJointWork().Where(s => ids.Contains(s.DrawId) && s.Score != null)
            .GroupBy(s => s.DrawId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var templateIds = draws.Where(d => d.TemplateId != null).Select(d => d.TemplateId!.Value).Distinct().ToList();
        var names = await db.ReviewTemplates().ForJointWork().Where(t => templateIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return new Page<DrawRow>([.. draws.Select(d => ToRow(d, owners[d.OrgUnitId].Name, reviewed.GetValueOrDefault(d.Id),
            d.TemplateId is { } t ? names.GetValueOrDefault(t) : null))], total, page, size);
    }

    private async Task<Dictionary<int, (string Code, string Name)>> NamesAsync(IEnumerable<int> unitIds, CancellationToken ct)
    {
        return (await db.Orgs.ByIdsAsync(unitIds, ct)).ToDictionary(o => o.Key, o => (o.Value.Code, o.Value.Name));
    }

    private static DrawRow ToRow(SamplingDraw d, string owner, int reviewed, string? template) =>
        new(d.Id, d.Name, owner, d.Seed, d.RequestedCount, d.RequestedPercent, d.Population, d.Drawn, reviewed, d.TemplateId, template,
            ChinaTime.Format(d.AtUtc), d.DrawnBy);

    private async Task<SamplingDraw> FindAsync(long id, CancellationToken ct) =>
        await db.SamplingDraws().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("抽样不存在或不在您的数据权限范围内。");

    public async Task<DrawDetail> GetAsync(long id, CancellationToken ct)
    {
        var d = await FindAsync(id, ct);
        var owner = (await db.Orgs.GetAsync(d.OrgUnitId, ct)).Name;
        var template = d.TemplateId is { } tid ? await TemplateOfAsync(tid, ct) : null;
        var rows = await SampledAsync(id, ct);
        return new DrawDetail(ToRow(d, owner, rows.Count(r => r.Score is not null), template?.Name), FilterFromJson(d.FilterJson), template, rows);
    }

    /// <summary>The draw's template, even if it belongs to a unit the reader does not see (a city's template used by a
    /// district's draw): the draw is in scope, and so is what it was scored on.</summary>
    private async Task<TemplateDto?> TemplateOfAsync(long id, CancellationToken ct)
    {
        var t = await db.ReviewTemplates().ForJointWork().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null)
            return null;
        var owner = (await db.Orgs.GetAsync(t.OrgUnitId, ct)).Name;
        return ReviewTemplateService.ToDto(t, owner, 0);
    }

    private async Task<List<SampledRow>> SampledAsync(long drawId, CancellationToken ct)
    {
        var sampled = await db.SampledRecords().AsNoTracking().Where(s => s.DrawId == drawId).OrderBy(s => s.Rank).ToListAsync(ct);
        var units = await NamesAsync(sampled.Select(s => s.OrgUnitId), ct);
        var ids = sampled.Select(s => s.RecordId).ToList();
        var records = new Dictionary<long, EnforcementRecord>();
        foreach (var part in ids.Chunk(2_000))
            foreach (var r in await db.EnforcementRecords().ForJointWork().AsNoTracking().Where(r => part.Contains(r.Id)).ToListAsync(ct))
                records[r.Id] = r;
        return [.. sampled.Select(s =>
        {
            var r = records.GetValueOrDefault(s.RecordId);
            var (code, name) = units[s.OrgUnitId];
            return new SampledRow(s.RecordId, s.Rank, r?.SourceId ?? "", code, name, r is null ? "" : RecordNames.Of(r.Kind), r?.ItemCode ?? "",
                r?.TargetName ?? "（记录已不存在）", r?.TargetCreditCode ?? PersonalData.MaskIdNumber(r?.TargetIdNumber), r is null ? "" : Iso(r.CountedOn),
                s.Score, ScoresOf(s.ItemScoresJson), s.Problems, s.Reviewer, s.ReviewedOn is { } on ? Iso(on) : null);
        })];
    }

    private static Dictionary<string, decimal>? ScoresOf(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<Dictionary<string, decimal>>(json, Json);

    /// <summary>Re-runs the draw with its stored seed and filter over the data as it is now.</summary>
    public async Task<VerifyResult> VerifyAsync(long id, CancellationToken ct)
    {
        var d = await FindAsync(id, ct);
        var stored = await db.SampledRecords().ForJointWork().Where(s => s.DrawId == id).OrderBy(s => s.Rank).Select(s => s.RecordId).ToListAsync(ct);
        var population = await (await records.FilterAsync(FilterFromJson(d.FilterJson), ct)).Select(r => r.Id).ToListAsync(ct);
        var (n, _, _) = Sampler.CountFor(population.Count, d.RequestedCount, d.RequestedPercent);
        var again = Sampler.Draw(population, d.Seed, n);
        var missing = stored.Except(again).ToList();
        var added = again.Except(stored).ToList();
        var identical = missing.Count == 0 && added.Count == 0 && stored.SequenceEqual(again);
        var message = identical
            ? $"以种子{d.Seed}按原筛选条件重新抽取，结果与原抽样完全一致（{again.Count}条）。"
            : $"以种子{d.Seed}按原筛选条件重新抽取，结果与原抽样不一致：原抽样有{missing.Count}条未被抽中，新抽中{added.Count}条" +
              (population.Count != d.Population ? $"（符合条件的记录由{d.Population}条变为{population.Count}条，数据已变化）。" : "（数据已变化）。");
        return new VerifyResult(identical, d.Seed, d.Population, population.Count, stored.Count, again.Count, missing, added, message);
    }

    /// <summary>Chooses (or changes) the template of a draw whose files have not been scored yet.</summary>
    public async Task<DrawDetail> SetTemplateAsync(long id, TemplateChoice choice, CancellationToken ct)
    {
        RequireEditor(user);
        var d = await FindAsync(id, ct);
        if (choice.TemplateId is { } tid)
            await templates.FindAsync(tid, ct);
        if (d.TemplateId != choice.TemplateId && await db.SampledRecords().ForJointWork().AnyAsync(s => s.DrawId == id && s.Score != null, ct))
            throw new ConflictException("该抽样已有案卷评查打分，不能更换评查模板。");
        d.TemplateId = choice.TemplateId;
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>案卷评查打分: points for every item of the template, each between 0 and the item's points.</summary>
    public async Task<SampledRow> ScoreAsync(long drawId, long recordId, ScoreRequest request, CancellationToken ct)
    {
        RequireEditor(user);
        var d = await FindAsync(drawId, ct);
        var sampled = await db.SampledRecords().FirstOrDefaultAsync(s => s.DrawId == drawId && s.RecordId == recordId, ct)
            ?? throw new NotFoundException("该执法记录不在本次抽样中，或不在您的数据权限范围内。");
        var template = d.TemplateId is { } tid ? await db.ReviewTemplates().ForJointWork().AsNoTracking().FirstOrDefaultAsync(t => t.Id == tid, ct) : null;
        if (template is null)
            throw new ConflictException("本次抽样尚未选择评查模板，请先选择模板再打分。");
        var errors = new Dictionary<string, string[]>();
        var given = request.Scores ?? [];
        var scores = new Dictionary<string, decimal>();
        foreach (var item in template.Items)
        {
            if (!given.TryGetValue(item.Code, out var points))
                errors[$"scores.{item.Code}"] = [$"请为“{item.Name}”打分（0至{Points(item.Points)}分）"];
            else if (points < 0 || points > item.Points)
                errors[$"scores.{item.Code}"] = [$"“{item.Name}”的得分应在0至{Points(item.Points)}分之间"];
            else if (decimal.Round(points, 2) != points)
                errors[$"scores.{item.Code}"] = [$"“{item.Name}”的得分最多保留两位小数"];
            else
                scores[item.Code] = points;
        }
        foreach (var code in given.Keys.Where(k => template.Items.All(i => i.Code != k)))
            errors[$"scores.{code}"] = [$"评查模板中没有编码为“{code}”的评查项"];
        var problems = string.IsNullOrWhiteSpace(request.Problems) ? null : request.Problems.Trim();
        if (problems is { Length: > 2000 })
            errors["problems"] = ["存在问题不能超过2000字"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        sampled.ItemScoresJson = JsonSerializer.Serialize(scores, Json);
        sampled.Score = scores.Values.Sum();
        sampled.Problems = problems;
        sampled.Reviewer = user.UserName;
        sampled.ReviewedOn = DateOnly.FromDateTime(ChinaTime.Now(db.Clock));
        await db.SaveChangesAsync(ct);
        return (await SampledAsync(drawId, ct)).First(r => r.RecordId == recordId);
    }

    /// <summary>评查结果: per department (files drawn, reviewed, average score) and per template item (average points and
    /// the share of full marks they make), over the reviewed files.</summary>
    public async Task<DrawResults> ResultsAsync(long id, CancellationToken ct)
    {
        var detail = await GetAsync(id, ct);
        var rows = detail.Records;
        var reviewed = rows.Where(r => r.Score is not null).ToList();
        var byDepartment = rows.GroupBy(r => (r.DepartmentCode, r.Department)).OrderBy(g => g.Key.DepartmentCode, StringComparer.Ordinal)
            .Select(g => new DepartmentResult(g.Key.DepartmentCode, g.Key.Department, g.Count(), g.Count(r => r.Score is not null),
                Average(g.Where(r => r.Score is not null).Select(r => r.Score!.Value))))
            .ToList();
        var byItem = (detail.Template?.Items ?? []).Select(item =>
        {
            var points = reviewed.Where(r => r.Scores?.ContainsKey(item.Code) == true).Select(r => r.Scores![item.Code]).ToList();
            var average = Average(points);
            return new ItemResult(item.Code, item.Name, item.Points, points.Count, average,
                average is null ? null : Math.Round(100m * points.Average() / item.Points, 2));
        }).ToList();
        return new DrawResults(id, detail.Draw.Name, rows.Count, reviewed.Count, Average(reviewed.Select(r => r.Score!.Value)), detail.Template?.FullMarks,
            byDepartment, byItem);
    }

    private static decimal? Average(IEnumerable<decimal> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : Math.Round(list.Average(), 2);
    }

    /// <summary>The draw's files and its results as a workbook: 抽样记录, 按部门, 按评查项.</summary>
    public async Task<(byte[] Content, string FileName)> ExportAsync(long id, CancellationToken ct)
    {
        var detail = await GetAsync(id, ct);
        var results = await ResultsAsync(id, ct);
        var items = detail.Template?.Items ?? [];
        var files = detail.Records.Select(r =>
        {
            var row = new Dictionary<string, object?>
            {
                ["序号"] = r.Rank + 1, ["来源编号"] = r.SourceId, ["执法部门"] = r.Department, ["类型"] = r.Kind, ["事项编码"] = r.ItemCode,
                ["执法对象"] = r.TargetName, ["信用代码/证件号"] = r.TargetCode, ["计入日期"] = r.CountedOn,
            };
            foreach (var i in items)
                row[$"{i.Name}（{Points(i.Points)}分）"] = r.Scores?.GetValueOrDefault(i.Code);
            row["得分"] = r.Score;
            row["存在问题"] = r.Problems;
            row["评查人"] = r.Reviewer;
            row["评查日期"] = r.ReviewedOn;
            return row;
        }).ToList();
        var departments = results.ByDepartment.Select(x => new Dictionary<string, object?>
        {
            ["执法部门"] = x.Department, ["抽取案卷"] = x.Files, ["已评查"] = x.Reviewed, ["平均得分"] = x.AverageScore,
        }).ToList();
        var sheets = new Dictionary<string, object> { ["抽样记录"] = files, ["按部门"] = departments };
        if (results.ByItem.Count > 0)
            sheets["按评查项"] = results.ByItem.Select(x => new Dictionary<string, object?>
            {
                ["编码"] = x.Code, ["评查项"] = x.Name, ["分值"] = x.Points, ["已评查"] = x.Reviewed, ["平均得分"] = x.AveragePoints, ["得分率（%）"] = x.PercentOfFull,
            }).ToList();
        using var ms = new MemoryStream();
        await ms.SaveAsAsync(sheets, excelType: ExcelType.XLSX, cancellationToken: ct);
        var safe = string.Concat(detail.Draw.Name.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
        return (ms.ToArray(), $"案卷评查-{safe}.xlsx");
    }

    private static string Points(decimal p) => p.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
