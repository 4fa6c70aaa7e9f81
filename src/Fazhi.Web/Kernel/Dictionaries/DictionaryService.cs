using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Modules;
using Fazhi.Web.Kernel.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel.Dictionaries;

/// <summary>One item as lists, pick lists and imports read it.</summary>
public sealed record DictItemView(long Id, string Code, string Label, int SortOrder, bool IsActive, DateOnly? ValidFrom, DateOnly? ValidTo)
{
    public bool IsValidOn(DateOnly day) => IsActive && (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day <= ValidTo);
}

public sealed record DictTypeView(string Code, string Name, string Module, int Items);

public sealed record DictItemRequest(string? Code, string? Label, int? SortOrder, bool? IsActive, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>字典: what modules call to read their categories (cached), and what 字典管理 calls to change them.</summary>
public interface IDictionaries
{
    /// <summary>Every item of the type in display order, 停用 and expired ones included (they still name old records).</summary>
    Task<IReadOnlyList<DictItemView>> ItemsAsync(string type, CancellationToken ct);

    /// <summary>The items that may be chosen for a new record today (启用 and within validity).</summary>
    Task<IReadOnlyList<DictItemView>> ChoicesAsync(string type, CancellationToken ct);

    /// <summary>The label of a code (the code itself when unknown, so an old value is never hidden).</summary>
    Task<string> LabelAsync(string type, string? code, CancellationToken ct);

    /// <summary>Whether the code may be chosen today (for imports and forms).</summary>
    Task<bool> IsChoiceAsync(string type, string? code, CancellationToken ct);
}

/// <summary>Items per type, kept for a minute: edits here clear it at once; another instance sees them within the minute.</summary>
public sealed class DictionaryCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (DateTime LoadedUtc, IReadOnlyList<DictItemView> Items)> _items = new(StringComparer.Ordinal);

    public bool TryGet(string type, DateTime nowUtc, out IReadOnlyList<DictItemView> items)
    {
        if (_items.TryGetValue(type, out var hit) && nowUtc - hit.LoadedUtc < Lifetime)
        {
            items = hit.Items;
            return true;
        }
        items = [];
        return false;
    }

    public void Set(string type, DateTime nowUtc, IReadOnlyList<DictItemView> items) => _items[type] = (nowUtc, items);

    public void Clear(string type) => _items.TryRemove(type, out _);
}

public sealed partial class DictionaryService(FazhiDb db, DictionaryCache cache) : IDictionaries
{
    public const int CodeLength = 32;
    public const int LabelLength = 64;

    private DateTime Now => db.Clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(ChinaTime.Now(db.Clock));

    public async Task<IReadOnlyList<DictItemView>> ItemsAsync(string type, CancellationToken ct)
    {
        if (cache.TryGet(type, Now, out var items))
            return items;
        items = await db.Set<DictItem>().AsNoTracking().Where(i => i.TypeCode == type)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Code)
            .Select(i => new DictItemView(i.Id, i.Code, i.Label, i.SortOrder, i.IsActive, i.ValidFrom, i.ValidTo))
            .ToListAsync(ct);
        cache.Set(type, Now, items);
        return items;
    }

    public async Task<IReadOnlyList<DictItemView>> ChoicesAsync(string type, CancellationToken ct)
    {
        var today = Today;
        return [.. (await ItemsAsync(type, ct)).Where(i => i.IsValidOn(today))];
    }

    public async Task<string> LabelAsync(string type, string? code, CancellationToken ct) =>
        code is null ? "" : (await ItemsAsync(type, ct)).FirstOrDefault(i => i.Code == code)?.Label ?? code;

    public async Task<bool> IsChoiceAsync(string type, string? code, CancellationToken ct) =>
        code is not null && (await ChoicesAsync(type, ct)).Any(i => i.Code == code);

    public async Task<List<DictTypeView>> TypesAsync(CancellationToken ct)
    {
        var counts = await db.Set<DictItem>().AsNoTracking().GroupBy(i => i.TypeCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var types = await db.Set<DictType>().AsNoTracking().OrderBy(t => t.Module).ThenBy(t => t.Code).ToListAsync(ct);
        return [.. types.Select(t => new DictTypeView(t.Code, t.Name, t.Module, counts.GetValueOrDefault(t.Code)))];
    }

    public async Task<DictType> TypeAsync(string type, CancellationToken ct) =>
        await db.Set<DictType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == type, ct)
        ?? throw new NotFoundException($"字典类型“{type}”不存在。");

    /// <summary>新增 an item, or 修改 the one with the same code (label, order, validity, 启用/停用).</summary>
    public async Task<DictItemView> SaveAsync(string type, DictItemRequest r, bool createOnly, CancellationToken ct)
    {
        await TypeAsync(type, ct);
        var errors = new Dictionary<string, string[]>();
        var code = r.Code?.Trim() ?? "";
        var label = r.Label?.Trim() ?? "";
        if (!CodePattern().IsMatch(code))
            errors["code"] = [$"字典键值必填，1至{CodeLength}位字母、数字、下划线、点或短横线"];
        if (label.Length is 0 or > LabelLength)
            errors["label"] = [$"字典标签必填，不超过{LabelLength}字"];
        if (r.SortOrder is < 0 or > 9999)
            errors["sortOrder"] = ["显示顺序应为0至9999"];
        if (r.ValidFrom is { } from && r.ValidTo is { } to && to < from)
            errors["validTo"] = ["有效期止不能早于有效期起"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var item = await db.Set<DictItem>().FirstOrDefaultAsync(i => i.TypeCode == type && i.Code == code, ct);
        if (item is null)
        {
            item = new DictItem
            {
                TypeCode = type, Code = code, Label = label,
                SortOrder = r.SortOrder ?? (await db.Set<DictItem>().Where(i => i.TypeCode == type).MaxAsync(i => (int?)i.SortOrder, ct) ?? 0) + 1,
            };
            db.Set<DictItem>().Add(item);
        }
        else if (createOnly)
            throw new ConflictException($"字典“{type}”已有键值“{code}”（{item.Label}），请修改该项。");
        item.Label = label;
        item.SortOrder = r.SortOrder ?? item.SortOrder;
        item.IsActive = r.IsActive ?? item.IsActive;
        item.ValidFrom = r.ValidFrom;
        item.ValidTo = r.ValidTo;
        await db.SaveChangesAsync(ct);
        cache.Clear(type);
        return ToView(item);
    }

    /// <summary>停用 or 启用 an item; items are never deleted, since records keep their codes.</summary>
    public async Task<DictItemView> SetActiveAsync(string type, string code, bool active, CancellationToken ct)
    {
        var item = await db.Set<DictItem>().FirstOrDefaultAsync(i => i.TypeCode == type && i.Code == code, ct)
            ?? throw new NotFoundException($"字典“{type}”没有键值“{code}”。");
        item.IsActive = active;
        await db.SaveChangesAsync(ct);
        cache.Clear(type);
        return ToView(item);
    }

    private static DictItemView ToView(DictItem i) => new(i.Id, i.Code, i.Label, i.SortOrder, i.IsActive, i.ValidFrom, i.ValidTo);

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{1,32}$")]
    private static partial Regex CodePattern();
}

/// <summary>Seeds each declared dictionary type the first time it is seen, with its default items. A type already in
/// the database is left as the administrators made it (like a permission: <see cref="Access.AccessSync"/>).</summary>
public sealed class DictionarySync(FazhiDb db, IEnumerable<ModuleManifest> manifests)
{
    public async Task SyncAsync(CancellationToken ct)
    {
        var known = (await db.Set<DictType>().Select(t => t.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var added = false;
        foreach (var m in manifests)
            foreach (var type in m.Dictionaries.Where(t => !known.Contains(t.Code)))
            {
                if (!type.Code.StartsWith(m.Code + ".", StringComparison.Ordinal))
                    throw new InvalidOperationException($"Dictionary type {type.Code} must start with its module's code {m.Code}.");
                known.Add(type.Code);
                db.Set<DictType>().Add(new DictType { Code = type.Code, Name = type.Name, Module = m.Code, FirstSeenUtc = now });
                var order = 0;
                foreach (var item in type.Items)
                    db.Set<DictItem>().Add(new DictItem { TypeCode = type.Code, Code = item.Code, Label = item.Label, SortOrder = ++order });
                added = true;
            }
        if (added)
            await db.SaveChangesAsync(ct);
    }
}
