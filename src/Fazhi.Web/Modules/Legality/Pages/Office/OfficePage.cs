using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Http.Extensions;

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

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
