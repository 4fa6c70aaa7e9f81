using Fazhi.Web.Modules.Enforcement.Features.Records;
using Fazhi.Web.Kernel.Access;
using System.Globalization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Enforcement.Pages;

/// <summary>执法记录查询: the same filter as <c>GET /api/v1/enforcement/records</c>, so 导出 takes the page's own query.</summary>
[RequiresPermission(EnforcementPermissions.RecordView)]
public sealed class RecordsModel(RecordQueries queries, FazhiDb db) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? ItemCode { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Warned { get; set; }
    [BindProperty(SupportsGet = true)] public string? Rule { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Lenient { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }

    public List<OrgUnit> Departments { get; private set; } = [];
    public Page<RecordRow> Result { get; private set; } = new([], 0, 1, 20);

    /// <summary>The chosen department, or the caller's whole scope.</summary>
    public string? EffectiveOrg { get; private set; }

    public RecordFilter Filter => new()
    {
        Q = Q, Org = EffectiveOrg, Kind = Kind, ItemCode = ItemCode, From = From, To = To, Warned = Warned, Rule = Rule, Lenient = Lenient,
        Sort = Sort, Page = PageNumber, PageSize = PageSizes.Of(Size),
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Departments = await EnforcementView.UnitsAsync(db, departmentsOnly: true, ct);
        EffectiveOrg = string.IsNullOrWhiteSpace(Org) ? await EnforcementView.ScopeOrgAsync(db, ct) : Org;
        Result = await TryAsync(() => queries.SearchAsync(Filter, ct)) ?? Result;
    }

    /// <summary>The current query with some parameters replaced (or removed when the value is empty).</summary>
    public string Link(params (string Key, string? Value)[] changes)
    {
        var keys = changes.Select(c => c.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var pairs = Request.Query.Where(kv => !keys.Contains(kv.Key))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? "")))
            .Concat(changes.Where(c => !string.IsNullOrEmpty(c.Value)).Select(c => new KeyValuePair<string, string>(c.Key, c.Value!)))
            .Where(kv => kv.Value.Length > 0);
        return "/enforcement/records" + new QueryBuilder(pairs).ToQueryString();
    }

    public string PageLink(int page) => Link(("page", page.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Clicking a column sorts by it; clicking again reverses. The default is the newest first.</summary>
    public string SortLink(string column) =>
        Link(("sort", (string.IsNullOrEmpty(Sort) ? "-counted" : Sort) == "-" + column ? column : "-" + column), ("page", null));

    public string SortMark(string column) => Sort == column ? " ▲" : Sort == "-" + column || (column == "counted" && string.IsNullOrEmpty(Sort)) ? " ▼" : "";

    public string SortState(string column) => Sort == column ? "ascending" : Sort == "-" + column || (column == "counted" && string.IsNullOrEmpty(Sort)) ? "descending" : "none";

    /// <summary>The export takes the same filter. Empty fields are left out (the endpoint refuses an empty value for a
    /// typed parameter) and page/pageSize are always sent (the endpoint's filter requires them; the export ignores them).</summary>
    public string ExportLink
    {
        get
        {
            var pairs = Request.Query.Where(kv => kv.Key is not ("page" or "pageSize" or "size" or "sort" or "org"))
                .SelectMany(kv => kv.Value.Where(v => !string.IsNullOrEmpty(v)).Select(v => new KeyValuePair<string, string>(kv.Key, v!)))
                .Append(new("page", "1")).Append(new("pageSize", "20"));
            if (!string.IsNullOrEmpty(EffectiveOrg))
                pairs = pairs.Append(new("org", EffectiveOrg));
            return "/api/v1/enforcement/records/export" + new QueryBuilder(pairs).ToQueryString();
        }
    }
}
