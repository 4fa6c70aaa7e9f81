using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel.Orgs;

/// <summary>The 村（社区） of the demo 环翠区 that more than one module's demo data needs (人民调解's 社区调委会, 法治's
/// community legal advisers): one list, created by whichever demo source runs first, with the same codes, names and sort
/// orders whatever the order, and never twice.</summary>
public static class DemoCommunities
{
    /// <summary>(code, name, town code), in tree order.</summary>
    public static readonly IReadOnlyList<(string Code, string Name, string Town)> All =
    [
        ("371002001001", "海港社区", "371002001"),
        ("371002001002", "塔山社区", "371002001"),
        ("371002002001", "环翠楼社区", "371002002"),
        ("371002002002", "西门社区", "371002002"),
        ("371002003001", "竹岛社区", "371002003"),
        ("371002003002", "海埠社区", "371002003"),
    ];

    /// <summary>Sort order of the first community; each next one is one more.</summary>
    public const int FirstSortOrder = 900;

    /// <summary>Adds the communities that are missing (under the towns that exist) and saves; returns every one of them
    /// by code. Units that already have a code of the list are left as they are.</summary>
    public static async Task<Dictionary<string, OrgUnit>> EnsureAsync(FazhiDb db, CancellationToken ct)
    {
        var codes = All.Select(c => c.Code).Concat(All.Select(c => c.Town)).Distinct().ToList();
        var units = await db.OrgUnits.ForSystemJob().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, ct);
        var added = false;
        for (var i = 0; i < All.Count; i++)
        {
            var (code, name, town) = All[i];
            if (units.ContainsKey(code) || !units.TryGetValue(town, out var t))
                continue;
            var u = new OrgUnit
            {
                Code = code, Name = name, Kind = OrgKind.Community, ParentId = t.Id, Parent = t, Path = OrgUnit.PathOf(t, code),
                Depth = t.Depth + 1, SortOrder = FirstSortOrder + i,
            };
            db.OrgUnits.Add(u);
            units[code] = u;
            added = true;
        }
        if (added)
            await db.SaveChangesAsync(ct);
        return All.Where(c => units.ContainsKey(c.Code)).ToDictionary(c => c.Code, c => units[c.Code]);
    }
}
