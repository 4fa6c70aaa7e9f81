using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel.Orgs;

/// <summary>A unit as the directory gives it: what a page, a document or a log needs to name it and place it.</summary>
public sealed record OrgEntry(int Id, string Code, string Name, string? OfficialName, OrgKind Kind, int? ParentId, string Path, int Depth, bool IsActive)
{
    /// <summary>The name to print on a document: the official full name (机构全称) where one is entered.</summary>
    public string NameForDocuments => OfficialName ?? Name;

    /// <summary>A region's government as it signs (威海市环翠区人民政府): its official name, or "name + 人民政府" until
    /// one is entered.</summary>
    public string GovernmentName => OfficialName ?? Name + "人民政府";
}

/// <summary>
/// 机构目录: the one lookup of units by id, code or path — names, codes, paths and official names, one at a time or
/// a batch at once as a dictionary. It sees the whole tree (names of units are not secret: they head documents, lists
/// and the audit log), so it answers "what is unit 17 called", never "may I use unit 17": a handler that lets the
/// caller choose a unit looks it up in the scoped <c>db.OrgUnits</c> instead.
/// <para>One per context (<c>db.Orgs</c>), so per request or job run: each unit is read once and edits made through
/// another instance are seen by the next request. <see cref="OrgService"/> calls <see cref="Forget"/> after an edit.</para>
/// </summary>
public sealed class OrgDirectory(FazhiDb db)
{
    private readonly Dictionary<int, OrgEntry> _byId = [];
    private readonly Dictionary<string, OrgEntry?> _byCode = new(StringComparer.Ordinal);

    private IQueryable<OrgUnit> Units => db.OrgUnits.WholeOrgTree().AsNoTracking();

    private static readonly System.Linq.Expressions.Expression<Func<OrgUnit, OrgEntry>> Entry =
        o => new OrgEntry(o.Id, o.Code, o.Name, o.OfficialName, o.Kind, o.ParentId, o.Path, o.Depth, o.IsActive);

    /// <summary>The unit with this id, or null.</summary>
    public async Task<OrgEntry?> FindAsync(int id, CancellationToken ct) =>
        (await ByIdsAsync([id], ct)).GetValueOrDefault(id);

    /// <summary>The unit with this id, which a stored record points at (a foreign key): it exists.</summary>
    public async Task<OrgEntry> GetAsync(int id, CancellationToken ct) =>
        await FindAsync(id, ct) ?? throw new InvalidOperationException($"Org unit {id} does not exist.");

    /// <summary>The unit with this code (codes are kept in upper case), or null.</summary>
    public async Task<OrgEntry?> FindByCodeAsync(string code, CancellationToken ct)
    {
        var key = code.Trim().ToUpperInvariant();
        if (_byCode.TryGetValue(key, out var known))
            return known;
        var found = await Units.Where(o => o.Code == key).Select(Entry).FirstOrDefaultAsync(ct);
        Remember(found);
        _byCode[key] = found;
        return found;
    }

    /// <summary>The unit with this path (the top of a data scope is one), or null.</summary>
    public async Task<OrgEntry?> FindByPathAsync(string path, CancellationToken ct)
    {
        if (_byId.Values.FirstOrDefault(e => e.Path == path) is { } known)
            return known;
        var found = await Units.Where(o => o.Path == path).Select(Entry).FirstOrDefaultAsync(ct);
        Remember(found);
        return found;
    }

    /// <summary>The units with these ids; ids without a unit are left out.</summary>
    public async Task<IReadOnlyDictionary<int, OrgEntry>> ByIdsAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var missing = wanted.Where(id => !_byId.ContainsKey(id)).ToList();
        foreach (var part in missing.Chunk(1000))
            foreach (var e in await Units.Where(o => part.Contains(o.Id)).Select(Entry).ToListAsync(ct))
                Remember(e);
        return wanted.Where(_byId.ContainsKey).ToDictionary(id => id, id => _byId[id]);
    }

    /// <summary>The names of the units with these ids (short names, as trees and lists show them).</summary>
    public async Task<Dictionary<int, string>> NamesAsync(IEnumerable<int> ids, CancellationToken ct) =>
        (await ByIdsAsync(ids, ct)).ToDictionary(x => x.Key, x => x.Value.Name);

    /// <summary>The name of the unit with this id, or null.</summary>
    public async Task<string?> NameOfAsync(int id, CancellationToken ct) => (await FindAsync(id, ct))?.Name;

    /// <summary>The units whose path starts with <paramref name="pathPrefix"/> ("" for the whole tree), of these kinds
    /// (all when none are given), in tree order.</summary>
    public async Task<List<OrgEntry>> UnderAsync(string pathPrefix, CancellationToken ct, params OrgKind[] kinds)
    {
        var q = Units.Where(o => pathPrefix == "" || o.Path.StartsWith(pathPrefix));
        if (kinds.Length > 0)
            q = q.Where(o => kinds.Contains(o.Kind));
        var list = await q.OrderBy(o => o.Path).Select(Entry).ToListAsync(ct);
        list.ForEach(Remember);
        return list;
    }

    /// <summary>The direct children of all these units, of these kinds (all when none are given), in tree order: one
    /// query for any number of parents (a list of districts and their departments without a query per district).</summary>
    public async Task<List<OrgEntry>> ChildrenOfAsync(IEnumerable<int> parentIds, CancellationToken ct, params OrgKind[] kinds)
    {
        var parents = parentIds.Distinct().ToList();
        if (parents.Count == 0)
            return [];
        var q = Units.Where(o => o.ParentId != null && parents.Contains(o.ParentId.Value));
        if (kinds.Length > 0)
            q = q.Where(o => kinds.Contains(o.Kind));
        var list = await q.OrderBy(o => o.Path).Select(Entry).ToListAsync(ct);
        list.ForEach(Remember);
        return list;
    }

    /// <summary>Drops what was read, after the tree changed through this context.</summary>
    public void Forget()
    {
        _byId.Clear();
        _byCode.Clear();
    }

    private void Remember(OrgEntry? e)
    {
        if (e is null)
            return;
        _byId[e.Id] = e;
        _byCode[e.Code] = e;
    }
}
