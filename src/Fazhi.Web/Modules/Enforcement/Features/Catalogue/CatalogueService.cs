using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement.Features.Catalogue;

public sealed record ItemFilter
{
    /// <summary>Searches code, name and legal basis.</summary>
    public string? Q { get; init; }
    public string? Field { get; init; }
    public bool? TownLevel { get; init; }
    /// <summary>true: in force only; false: 已停用 only; empty: both.</summary>
    public bool? Active { get; init; }
    /// <summary>The owning unit (and the units below it), by org code.</summary>
    public string? Org { get; init; }
    /// <summary>1 when empty.</summary>
    public int? Page { get; init; }
    /// <summary>20 when empty, at most 200.</summary>
    public int? PageSize { get; init; }
}

/// <summary>What a client sends to create or change an item. Benchmarks come either as <see cref="Benchmarks"/> or as
/// <see cref="BenchmarkText"/> (<c>轻微:0-2000;一般:2000-10000</c>), never both.</summary>
public sealed class ItemRequest
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Field { get; set; }
    public string? LegalBasis { get; set; }
    public string? ResponsibleDepartment { get; set; }
    public bool TownLevel { get; set; }
    public string? TownClass { get; set; }
    public string? ReceivingTowns { get; set; }
    public List<BenchmarkDto>? Benchmarks { get; set; }
    public string? BenchmarkText { get; set; }
    /// <summary>The owning unit's code on creation (a region or its 司法局); the caller's own unit when empty.</summary>
    public string? Org { get; set; }
}

public sealed record ItemDto(long Id, string Code, string Name, string Field, string LegalBasis, string? ResponsibleDepartment, bool TownLevel,
    string? TownClass, string? ReceivingTowns, bool IsActive, IReadOnlyList<BenchmarkDto> Benchmarks, string BenchmarkText, string Owner, string OwnerCode);

/// <summary>
/// 执法事项清单: the items a region (or its 司法局) publishes, with their 裁量基准. Departments' records name items by
/// code, so an item is never deleted, only 停用; and its code cannot change once a record refers to it.
/// </summary>
public sealed class CatalogueService(FazhiDb db)
{
    public static readonly string[] TownClasses = ["一类", "二类", "三类"];

    private async Task<IQueryable<EnforcementItem>> FilterAsync(ItemFilter f, CancellationToken ct)
    {
        var q = db.EnforcementItems().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Org))
        {
            var path = await db.OrgUnits.PathOfAsync(f.Org, ct);
            q = q.Where(i => db.OrgUnits.Any(o => o.Id == i.OrgUnitId && o.Path.StartsWith(path)));
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim();
            q = q.Where(i => i.Code.Contains(text) || i.Name.Contains(text) || i.LegalBasis.Contains(text));
        }
        if (!string.IsNullOrWhiteSpace(f.Field)) q = q.Where(i => i.Field == f.Field.Trim());
        if (f.TownLevel is { } town) q = q.Where(i => i.TownLevel == town);
        if (f.Active is { } active) q = q.Where(i => i.IsActive == active);
        return q;
    }

    public async Task<Page<ItemDto>> SearchAsync(ItemFilter f, CancellationToken ct)
    {
        var q = await FilterAsync(f, ct);
        var (page, size) = Paging.Of(f.Page, f.PageSize);
        var total = await q.CountAsync(ct);
        return new Page<ItemDto>(await ProjectAsync(q, (page - 1) * size, size, ct), total, page, size);
    }

    /// <summary>Everything the filter finds (up to 100,000 items), for the export.</summary>
    public async Task<List<ItemDto>> ListAsync(ItemFilter f, CancellationToken ct) =>
        await ProjectAsync(await FilterAsync(f, ct), 0, 100_000, ct);

    public async Task<List<string>> FieldsAsync(CancellationToken ct) =>
        await db.EnforcementItems().AsNoTracking().Select(i => i.Field).Distinct().OrderBy(f => f).ToListAsync(ct);

    public async Task<ItemDto> GetAsync(long id, CancellationToken ct)
    {
        var item = await FindAsync(id, ct);
        return (await ProjectAsync(db.EnforcementItems().AsNoTracking().Where(i => i.Id == item.Id), 0, 1, ct)).Single();
    }

    public async Task<ItemDto> CreateAsync(ItemRequest r, CancellationToken ct)
    {
        var owner = await OwnerAsync(r.Org, ct);
        var errors = Check(r, out var levels);
        if (!errors.ContainsKey("code") && await db.EnforcementItems().AnyAsync(i => i.OrgUnitId == owner.Id && i.Code == r.Code!.Trim(), ct))
            errors["code"] = [$"事项编码“{r.Code!.Trim()}”在{owner.Name}的清单中已存在（已停用的事项可重新启用）"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var item = new EnforcementItem { OrgUnitId = owner.Id, Code = "", Name = "", Field = "", LegalBasis = "" };
        Apply(item, r, levels);
        db.EnforcementItems().Add(item);
        await db.SaveChangesAsync(ct);
        return await GetAsync(item.Id, ct);
    }

    public async Task<ItemDto> UpdateAsync(long id, ItemRequest r, CancellationToken ct)
    {
        var item = await FindAsync(id, ct);
        var errors = Check(r, out var levels);
        var code = r.Code?.Trim();
        if (!errors.ContainsKey("code") && code != item.Code)
        {
            if (await db.EnforcementItems().ForUniquenessCheck().AnyAsync(i => i.OrgUnitId == item.OrgUnitId && i.Code == code && i.Id != id, ct))
                errors["code"] = [$"事项编码“{code}”在本清单中已存在"];
            else if (await db.EnforcementRecords().ForJointWork().AnyAsync(x => x.ItemId == id, ct)) // the departments' below
                errors["code"] = [$"已有执法记录引用事项编码“{item.Code}”，编码不能修改；如需调整请停用本事项后新增"];
        }
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        Apply(item, r, levels);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>停用: the item stays (records refer to it) but no longer takes new records.</summary>
    public Task<ItemDto> DeactivateAsync(long id, CancellationToken ct) => SetActiveAsync(id, false, ct);

    /// <summary>重新启用 a 停用 item.</summary>
    public Task<ItemDto> ActivateAsync(long id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    private async Task<ItemDto> SetActiveAsync(long id, bool active, CancellationToken ct)
    {
        var item = await FindAsync(id, ct);
        if (item.IsActive == active)
            throw new ConflictException(active ? $"事项“{item.Code}”已在使用中。" : $"事项“{item.Code}”已停用。");
        item.IsActive = active;
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<EnforcementItem> FindAsync(long id, CancellationToken ct) =>
        await db.EnforcementItems().FirstOrDefaultAsync(i => i.Id == id, ct)
        ?? throw new NotFoundException($"执法事项（编号{id}）不存在或不在您的数据权限范围内。");

    /// <summary>The unit that publishes the catalogue: a region or a 司法局 in scope, by default the caller's own unit.</summary>
    public async Task<OrgUnit> OwnerAsync(string? orgCode, CancellationToken ct)
    {
        OrgUnit? unit;
        if (!string.IsNullOrWhiteSpace(orgCode))
            unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == orgCode.Trim(), ct)
                ?? throw FazhiValidationException.For("org", $"机构“{orgCode.Trim()}”不存在或不在您的数据权限范围内");
        else
        {
            var own = db.Actor.OrgUnitId ?? throw FazhiValidationException.For("org", "请指定发布清单的机构（org=机构代码）");
            unit = await db.OrgUnits.AsNoTracking().FirstAsync(o => o.Id == own, ct);
        }
        if (!(unit.Kind.IsRegion() && unit.Kind != OrgKind.Community) && unit.Kind != OrgKind.JusticeBureau)
            throw FazhiValidationException.For("org", $"执法事项清单由行政区划或司法局发布，“{unit.Name}”不能发布清单（请指定 org）");
        return unit;
    }

    /// <summary>Checks a request without the database; errors keyed by request field (code, benchmarks, …).</summary>
    public static Dictionary<string, string[]> Check(ItemRequest r, out List<DiscretionLevel> levels)
    {
        var errors = new Dictionary<string, string[]>();
        void Need(string? v, string field, string label, int max, bool required = true)
        {
            if (string.IsNullOrWhiteSpace(v))
            {
                if (required) errors[field] = [$"请填写{label}"];
            }
            else if (v.Trim().Length > max) errors[field] = [$"{label}不能超过{max}个字"];
            else if (v.Any(c => c is '<' or '>' || (char.IsControl(c) && c is not '\n' and not '\r'))) errors[field] = [$"{label}不能包含 < > 或控制字符"];
        }
        Need(r.Code, "code", "事项编码", 64);
        if (!errors.ContainsKey("code") && r.Code!.Trim().Any(c => char.IsWhiteSpace(c) || c is '&' or '"' or '\'' or ';' or '；' or '、' or ','))
            errors["code"] = ["事项编码不能包含空格、引号或分隔符"];
        Need(r.Name, "name", "事项名称", 200);
        Need(r.Field, "field", "执法领域", 64);
        Need(r.LegalBasis, "legalBasis", "法律依据", 2000);
        Need(r.ResponsibleDepartment, "responsibleDepartment", "实施主体", 100, required: false);
        Need(r.ReceivingTowns, "receivingTowns", "承接镇街", 1000, required: false);
        var townClass = r.TownClass?.Trim();
        if (r.TownLevel)
        {
            if (string.IsNullOrEmpty(townClass)) errors["townClass"] = ["赋权镇街事项请填写承接镇街类别（一类、二类或三类）"];
            else if (!TownClasses.Contains(townClass)) errors["townClass"] = [$"承接镇街类别应为一类、二类或三类，不是“{townClass}”"];
        }
        else if (!string.IsNullOrEmpty(townClass) || !string.IsNullOrWhiteSpace(r.ReceivingTowns))
            errors["townLevel"] = ["填写了承接镇街类别或承接镇街的事项应标为赋权镇街事项"];

        List<string> problems;
        if (r.Benchmarks is { Count: > 0 } && !string.IsNullOrWhiteSpace(r.BenchmarkText))
        {
            levels = [];
            problems = ["裁量基准请只用一种写法：benchmarks 或 benchmarkText"];
        }
        else
            levels = r.Benchmarks is { Count: > 0 } list ? BenchmarkText.FromDtos(list, out problems) : BenchmarkText.Parse(r.BenchmarkText, out problems);
        if (problems.Count > 0)
            errors["benchmarks"] = [.. problems];
        return errors;
    }

    public static void Apply(EnforcementItem item, ItemRequest r, List<DiscretionLevel> levels)
    {
        item.Code = r.Code!.Trim();
        item.Name = r.Name!.Trim();
        item.Field = r.Field!.Trim();
        item.LegalBasis = r.LegalBasis!.Trim();
        item.ResponsibleDepartment = Blank(r.ResponsibleDepartment);
        item.TownLevel = r.TownLevel;
        item.TownClass = r.TownLevel ? Blank(r.TownClass) : null;
        item.ReceivingTowns = r.TownLevel ? Towns(r.ReceivingTowns) : null;
        if (!SameLevels(item.Benchmarks, levels))
            item.Benchmarks = levels;
    }

    /// <summary>Would <see cref="Apply"/> change nothing? (An import leaves such an item untouched, so no audit entry.)</summary>
    public static bool Same(EnforcementItem item, ItemRequest r, List<DiscretionLevel> levels) =>
        item.Code == r.Code!.Trim() && item.Name == r.Name!.Trim() && item.Field == r.Field!.Trim() && item.LegalBasis == r.LegalBasis!.Trim() &&
        item.ResponsibleDepartment == Blank(r.ResponsibleDepartment) && item.TownLevel == r.TownLevel &&
        item.TownClass == (r.TownLevel ? Blank(r.TownClass) : null) && item.ReceivingTowns == (r.TownLevel ? Towns(r.ReceivingTowns) : null) &&
        SameLevels(item.Benchmarks, levels);

    private static bool SameLevels(List<DiscretionLevel> a, List<DiscretionLevel> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Level == p.Second.Level && p.First.MinFen == p.Second.MinFen &&
                                                 p.First.MaxFen == p.Second.MaxFen && p.First.Description == p.Second.Description);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>承接镇街 as one list joined by 、 whatever separators were typed.</summary>
    private static string? Towns(string? s) => Blank(s) is { } text
        ? string.Join("、", text.Split(['、', ',', '，', ';', '；', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        : null;

    private async Task<List<ItemDto>> ProjectAsync(IQueryable<EnforcementItem> q, int skip, int take, CancellationToken ct)
    {
        var rows = await (from i in q
                          join o in db.OrgUnits on i.OrgUnitId equals o.Id // in scope like the item; IgnoreQueryFilters here would lift every filter of the query
                          orderby i.Field, i.Code, i.Id
                          select new { i, o.Name, o.Code }).Skip(skip).Take(take).ToListAsync(ct);
        return [.. rows.Select(x => ToDto(x.i, x.Name, x.Code))];
    }

    public static ItemDto ToDto(EnforcementItem i, string owner, string ownerCode) => new(
        i.Id, i.Code, i.Name, i.Field, i.LegalBasis, i.ResponsibleDepartment, i.TownLevel, i.TownClass, i.ReceivingTowns, i.IsActive,
        [.. i.Benchmarks.Select(BenchmarkText.ToDto)], BenchmarkText.Format(i.Benchmarks), owner, ownerCode);
}
