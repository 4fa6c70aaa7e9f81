using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Data;
using Fazhi.Web.Modules.Legality.Domain;
using Fazhi.Web.Modules.Legality.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Legality.Features;

public sealed record CatalogRequest(int? Year, string? Title, string? OrgCode = null);

public sealed record CatalogStepRequest(DateOnly? On, string? Meeting);

public sealed record DecisionRequest(string? Title, string? Summary, string? OrgCode);

/// <summary>One step of a decision: step (公众参与/专家论证/风险评估) with record, days, notApplicable; or decide (meeting),
/// publish (record: how), evaluate (record).</summary>
public sealed record DecisionStepRequest(DateOnly? On = null, string? Step = null, string? Record = null, int? Days = null, bool NotApplicable = false,
    string? Meeting = null);

public sealed record DecisionStepDto(string Step, string StepName, string Article, string? On, int? Days, bool NotApplicable, string? Record, string State);

public sealed record DecisionDto(long Id, long CatalogId, int Year, string Title, string? Summary, string Unit, string Status, string StatusName, long? ReviewMatterId,
    string? ReviewNumber, string? ReviewStatus, string? OpinionNumber, string? Conclusion, string? DecidedOn, string? Meeting, string? PublishedOn, string? EvaluatedOn,
    IReadOnlyList<DecisionStepDto> Steps, IReadOnlyList<string> MissingBeforeDecision);

public sealed record CatalogDto(long Id, int Year, string Title, string Region, string? AdoptedOn, string? AdoptedBy, string? PublishedOn, IReadOnlyList<DecisionDto> Decisions);

/// <summary>重大行政决策: the annual 目录 and each decision through its statutory steps (see <see cref="DecisionRules"/>).</summary>
public sealed class DecisionService(FazhiDb db, ReviewService reviews)
{
    private DateOnly Today => reviews.Today;

    private DateTime NowUtc => db.Clock.GetUtcNow().UtcDateTime;

    private DateOnly NotFuture(DateOnly? on)
    {
        var day = on ?? Today;
        if (day > Today)
            throw FazhiValidationException.For("on", "日期不能晚于今天。");
        return day;
    }

    /// <summary>The region whose government the caller's unit serves (the 司法局 of 环翠区 → 环翠区).</summary>
    private async Task<OrgEntry> RegionAsync(string? orgCode, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(orgCode))
            return await db.OrgUnits.AsNoTracking().Where(o => o.Code == orgCode.Trim()).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct) is { } id
                   && await db.Orgs.GetAsync(id, ct) is { } region && region.Kind.IsRegion()
                ? region
                : throw FazhiValidationException.For("orgCode", $"地区“{orgCode}”不存在或不在您的数据权限范围内");
        var own = db.Actor.OrgUnitId ?? throw FazhiValidationException.For("orgCode", "请以司法局账号编制目录");
        var unit = await db.Orgs.GetAsync(own, ct);
        var path = unit.Path;
        while (true)
        {
            var entry = await db.Orgs.FindByPathAsync(path, ct);
            if (entry is not null && entry.Kind.IsRegion())
                return entry;
            var trimmed = path.TrimEnd('/');
            var cut = trimmed.LastIndexOf('/');
            if (cut <= 0)
                throw FazhiValidationException.For("orgCode", $"“{unit.Name}”不属于任何地区，不能编制目录");
            path = trimmed[..(cut + 1)];
        }
    }

    public async Task<DecisionCatalog> CreateCatalogAsync(CatalogRequest r, CancellationToken ct)
    {
        var year = r.Year ?? Today.Year;
        if (year < Today.Year - 5 || year > Today.Year + 1)
            throw FazhiValidationException.For("year", $"目录年度应在{Today.Year - 5}至{Today.Year + 1}年之间");
        var region = await RegionAsync(r.OrgCode, ct);
        if (await db.Set<DecisionCatalog>().AnyAsync(c => c.OrgUnitId == region.Id && c.Year == year, ct))
            throw FazhiValidationException.For("year", $"{region.Name}{year}年度重大行政决策事项目录已建立");
        var c = new DecisionCatalog
        {
            OrgUnitId = region.Id, Year = year,
            Title = string.IsNullOrWhiteSpace(r.Title) ? $"{region.Name}{year}年度重大行政决策事项目录" : r.Title.Trim()[..Math.Min(200, r.Title.Trim().Length)],
        };
        db.Set<DecisionCatalog>().Add(c);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<DecisionCatalog> GetCatalogAsync(long id, CancellationToken ct) =>
        await db.Set<DecisionCatalog>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException($"目录（编号{id}）不存在或不在您的数据权限范围内。");

    public async Task<DecisionCatalog> CatalogStepAsync(long id, string step, CatalogStepRequest r, CancellationToken ct)
    {
        var c = await GetCatalogAsync(id, ct);
        var on = NotFuture(r.On);
        switch (step)
        {
            case "adopt":
                if (!await db.Set<MajorDecision>().AnyAsync(d => d.CatalogId == id, ct))
                    throw new ConflictException("目录中还没有决策事项，不能审定。");
                c.Adopt(r.Meeting, on);
                break;
            case "publish":
                c.Publish(on);
                break;
            default:
                throw new NotFoundException($"没有“{step}”这一操作。");
        }
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<MajorDecision> AddDecisionAsync(long catalogId, DecisionRequest r, CancellationToken ct)
    {
        var c = await GetCatalogAsync(catalogId, ct);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Title) || r.Title.Length > 200)
            errors["title"] = ["请填写决策事项名称（200字以内）"];
        if (r.Summary is { Length: > 2000 })
            errors["summary"] = ["事项说明不能超过2000字"];
        var unit = string.IsNullOrWhiteSpace(r.OrgCode) ? null : await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == r.OrgCode.Trim(), ct);
        if (unit is null)
            errors["orgCode"] = [string.IsNullOrWhiteSpace(r.OrgCode) ? "请指定决策承办单位" : $"单位“{r.OrgCode}”不存在或不在您的数据权限范围内"];
        if (c.PublishedOn is not null)
            errors["catalogId"] = ["目录已公布；调整目录请另行审定"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var d = new MajorDecision
        {
            OrgUnitId = unit!.Id, CatalogId = c.Id, Year = c.Year, Title = r.Title!.Trim(), Summary = string.IsNullOrWhiteSpace(r.Summary) ? null : r.Summary.Trim(),
            Status = DecisionStatus.InProgress,
        };
        db.Set<MajorDecision>().Add(d);
        await db.SaveChangesAsync(ct);
        return d;
    }

    public async Task<MajorDecision> GetAsync(long id, CancellationToken ct) =>
        await db.Set<MajorDecision>().Include(d => d.Steps).FirstOrDefaultAsync(d => d.Id == id, ct)
        ?? throw new NotFoundException($"重大行政决策（编号{id}）不存在或不在您的数据权限范围内。");

    private Task<ReviewMatter?> ReviewOfAsync(MajorDecision d, CancellationToken ct) =>
        d.ReviewMatterId is { } mid ? db.Matters().AsNoTracking().FirstOrDefaultAsync(m => m.Id == mid, ct) : Task.FromResult<ReviewMatter?>(null);

    public async Task<MajorDecision> StepAsync(long id, string action, DecisionStepRequest r, CancellationToken ct)
    {
        var d = await GetAsync(id, ct);
        var on = NotFuture(r.On);
        var actor = db.Actor.UserName;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        switch (action)
        {
            case "record":
                var step = Enum.GetValues<DecisionStep>().Cast<DecisionStep?>()
                    .FirstOrDefault(s => DecisionRules.NameOf(s!.Value) == r.Step?.Trim() || string.Equals(s!.Value.ToString(), r.Step?.Trim(), StringComparison.OrdinalIgnoreCase))
                    ?? throw FazhiValidationException.For("step", "请选择程序环节：公众参与、专家论证、风险评估");
                DecisionRules.CheckPreparatory(d, step, r.Days, r.NotApplicable, r.Record);
                d.Steps.Add(new DecisionStepRecord
                {
                    Step = step, On = on, Days = r.NotApplicable ? null : r.Days, NotApplicable = r.NotApplicable, Record = r.Record!.Trim(), Actor = actor, AtUtc = NowUtc,
                });
                d.Version++;
                break;
            case "submit-for-review":
                if (d.Status != DecisionStatus.InProgress)
                    throw new ConflictException($"决策已{DecisionRules.NameOf(d.Status)}。");
                if (await ReviewOfAsync(d, ct) is { Status: not MatterStatus.Withdrawn } open)
                    throw new ConflictException($"决策草案已送合法性审查（{open.Number ?? "已送审"}）。");
                var unitCode = (await db.Orgs.GetAsync(d.OrgUnitId, ct)).Code;
                await reviews.SubmitAsync(new SubmitRequest("重大行政决策", d.Title, string.IsNullOrWhiteSpace(r.Record) ? d.Summary : r.Record, null, on, unitCode), ct, m =>
                {
                    d.ReviewMatterId = m.Id;
                    d.Version++;
                    d.Steps.Add(new DecisionStepRecord { Step = DecisionStep.LegalityReview, On = on, Record = "送合法性审查", Actor = actor, AtUtc = NowUtc });
                    return Task.CompletedTask;
                });
                break;
            case "decide":
                DecisionRules.Decide(d, await ReviewOfAsync(d, ct), r.Meeting, on, actor, NowUtc);
                break;
            case "publish":
                DecisionRules.Publish(d, r.Record, on, actor, NowUtc);
                break;
            case "evaluate":
                DecisionRules.Evaluate(d, r.Record, on, actor, NowUtc);
                break;
            default:
                throw new NotFoundException($"没有“{action}”这一操作。");
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return d;
    }

    public async Task<DecisionDto> DtoAsync(MajorDecision d, CancellationToken ct) => (await DtosAsync([d], ct))[0];

    public async Task<List<DecisionDto>> DtosAsync(IReadOnlyList<MajorDecision> list, CancellationToken ct)
    {
        var ids = list.Where(d => d.ReviewMatterId is not null).Select(d => d.ReviewMatterId!.Value).ToList();
        var matters = await db.Matters().AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var names = await db.Orgs.NamesAsync(list.Select(d => d.OrgUnitId).Distinct(), ct);
        return [.. list.Select(d =>
        {
            var m = d.ReviewMatterId is { } mid ? matters.GetValueOrDefault(mid) : null;
            var steps = Enum.GetValues<DecisionStep>().Select(s =>
            {
                var last = d.Last(s);
                var state = s == DecisionStep.LegalityReview
                    ? m is null ? "未送审" : m.Status is MatterStatus.OpinionIssued or MatterStatus.Closed ? $"已出具意见（{LegalityNames.Of(m.Conclusion!.Value)}）" : LegalityNames.Of(m.Status)
                    : last is null ? "未开展" : last.NotApplicable ? "不适用" : "已完成";
                return new DecisionStepDto(s.ToString(), DecisionRules.NameOf(s), DecisionRules.ArticleOf(s), Iso(last?.On), last?.Days, last?.NotApplicable ?? false,
                    s == DecisionStep.LegalityReview && m?.OpinionNumber is { } op ? $"审核意见书{op}" : last?.Record, state);
            }).ToList();
            return new DecisionDto(d.Id, d.CatalogId, d.Year, d.Title, d.Summary, names.GetValueOrDefault(d.OrgUnitId) ?? "", d.Status.ToString(), DecisionRules.NameOf(d.Status),
                d.ReviewMatterId, m?.Number, m is null ? null : LegalityNames.Of(m.Status), m?.OpinionNumber, m?.Conclusion is { } k ? LegalityNames.Of(k) : null,
                Iso(d.DecidedOn), d.Meeting, Iso(d.PublishedOn), Iso(d.EvaluatedOn), steps,
                d.Status == DecisionStatus.InProgress ? DecisionRules.MissingBeforeDecision(d, m) : []);
        })];
    }

    /// <summary>The catalogs the caller sees (a 司法局 its region's; a department the items it carries, through its decisions).</summary>
    public async Task<List<CatalogDto>> CatalogsAsync(int? year, CancellationToken ct)
    {
        var decisions = await db.Set<MajorDecision>().AsNoTracking().Include(d => d.Steps).Where(d => year == null || d.Year == year)
            .OrderBy(d => d.Id).ToListAsync(ct);
        var catalogIds = decisions.Select(d => d.CatalogId).Distinct().ToList();
        var direct = await db.Set<DecisionCatalog>().AsNoTracking().Where(c => year == null || c.Year == year).Select(c => c.Id).ToListAsync(ct);
        var allIds = direct.Union(catalogIds).ToList();
        // A department's items sit in its region's catalog, above its scope: the catalog is read for the items it carries.
        var catalogs = await db.Set<DecisionCatalog>().ForJointWork().AsNoTracking().Where(c => allIds.Contains(c.Id)).OrderByDescending(c => c.Year).ToListAsync(ct);
        var dtos = await DtosAsync(decisions, ct);
        var regions = await db.Orgs.NamesAsync(catalogs.Select(c => c.OrgUnitId).Distinct(), ct);
        return [.. catalogs.Select(c => new CatalogDto(c.Id, c.Year, c.Title, regions.GetValueOrDefault(c.OrgUnitId) ?? "", Iso(c.AdoptedOn), c.AdoptedBy, Iso(c.PublishedOn),
            [.. dtos.Where(d => d.CatalogId == c.Id)]))];
    }

    /// <summary>公布的目录 of a region, for the public (条例第三条第三款、第三十二条): items, 承办单位, status, published decisions.</summary>
    public async Task<(string Region, List<CatalogDto> Catalogs)> PublicAsync(string regionCode, CancellationToken ct)
    {
        var region = await db.Orgs.FindByCodeAsync(regionCode, ct);
        if (region is null || !region.Kind.IsRegion())
            throw new NotFoundException($"地区“{regionCode}”不存在。");
        var catalogs = await db.Set<DecisionCatalog>().ForSystemJob().AsNoTracking().Where(c => c.OrgUnitId == region.Id && c.PublishedOn != null)
            .OrderByDescending(c => c.Year).Take(20).ToListAsync(ct);
        var ids = catalogs.Select(c => c.Id).ToList();
        var decisions = await db.Set<MajorDecision>().ForSystemJob().AsNoTracking().Include(d => d.Steps).Where(d => ids.Contains(d.CatalogId))
            .OrderBy(d => d.Id).ToListAsync(ct);
        var names = await db.Orgs.NamesAsync(decisions.Select(d => d.OrgUnitId).Distinct(), ct);
        return (region.Name, [.. catalogs.Select(c => new CatalogDto(c.Id, c.Year, c.Title, region.Name, Iso(c.AdoptedOn), c.AdoptedBy, Iso(c.PublishedOn),
            [.. decisions.Where(d => d.CatalogId == c.Id).Select(d => new DecisionDto(d.Id, d.CatalogId, d.Year, d.Title, d.Summary, names.GetValueOrDefault(d.OrgUnitId) ?? "",
                d.Status.ToString(), DecisionRules.NameOf(d.Status), null, null, null, null, null, Iso(d.DecidedOn), null, Iso(d.PublishedOn), Iso(d.EvaluatedOn), [], []))]))]);
    }

    private static string? Iso(DateOnly? d) => d is { } x ? HolidayFile.Iso(x) : null;
}
