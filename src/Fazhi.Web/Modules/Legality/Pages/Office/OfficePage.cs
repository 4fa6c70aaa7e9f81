using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Legality.Pages.Office;

/// <summary>What the office's pages share: the export link, the tag colours and the year/quarter choices.</summary>
public abstract class OfficePage : FazhiPageModel
{
    /// <summary>An export link carrying the list's filters (empty ones left out).</summary>
    public static string ExportLink(string path, params (string Key, object? Value)[] filters)
    {
        var q = new QueryBuilder(filters.Where(f => f.Value is not null && f.Value.ToString() != "")
            .Select(f => new KeyValuePair<string, string>(f.Key, Convert.ToString(f.Value, System.Globalization.CultureInfo.InvariantCulture)!)));
        return path + q.ToQueryString();
    }

    public static string Tag(bool done, bool overdue) => done ? (overdue ? "tag-warn" : "tag-ok") : overdue ? "tag-danger" : "tag-info";

    /// <summary>The units a form or filter offers (部门、镇街 and the 司法局 in the user's scope), by name, so nobody types a
    /// unit code.</summary>
    public static async Task<List<(string Code, string Name)>> UnitsAsync(FazhiDb db, CancellationToken ct) =>
        [.. (await db.OrgUnits.AsNoTracking().Where(o => o.IsActive && (o.Kind == Kernel.Orgs.OrgKind.EnforcementDepartment || o.Kind == Kernel.Orgs.OrgKind.Town
                || o.Kind == Kernel.Orgs.OrgKind.JusticeBureau)).OrderBy(o => o.Path).Select(o => new { o.Code, o.Name }).ToListAsync(ct)).Select(o => (o.Code, o.Name))];

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
