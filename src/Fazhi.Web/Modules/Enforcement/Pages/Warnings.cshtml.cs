using Fazhi.Web.Modules.Enforcement.Features.Warnings;
using Fazhi.Web.Kernel.Access;
using System.Globalization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Enforcement.Pages;

/// <summary>预警处理: the warnings by stage (待处理, 逾期, 待销号, 已销号, 全部), by rule and by unit.</summary>
[RequiresPermission(EnforcementPermissions.WarningView)]
public sealed class WarningsModel(WarningService warnings, FazhiDb db) : FazhiPageModel
{
    /// <summary>(status filter, tab name) in the order of the work.</summary>
    public static readonly (string Status, string Name)[] Tabs =
    [
        ("open", "待处理"), ("Issued", "待反馈"), ("Rectifying", "整改中"), ("overdue", "逾期"), ("Rectified", "待销号"), ("closed", "已销号"), ("all", "全部"),
    ];

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Rule { get; set; }
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }

    public List<OrgUnit> Units { get; private set; } = [];
    public int MinDepth => Units.Count == 0 ? 0 : Units.Min(u => u.Depth);
    public Page<WarningRow> Result { get; private set; } = new([], 0, 1, 20);
    public DateOnly Today { get; private set; }
    public string CurrentTab => string.IsNullOrEmpty(Status) ? "open" : Status;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(ChinaTime.Now(db.Clock));
        Units = await EnforcementView.UnitsAsync(db, departmentsOnly: false, ct);
        var org = string.IsNullOrWhiteSpace(Org) ? await EnforcementView.ScopeOrgAsync(db, ct) : Org;
        Result = await TryAsync(() => warnings.SearchAsync(new WarningFilter { Status = CurrentTab, Rule = Rule, Org = org, Q = Q, Page = PageNumber, PageSize = PageSizes.Of(Size) }, ct)) ?? Result;
    }

    public string Link(params (string Key, string? Value)[] changes)
    {
        var keys = changes.Select(c => c.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var pairs = Request.Query.Where(kv => !keys.Contains(kv.Key))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? "")))
            .Concat(changes.Where(c => !string.IsNullOrEmpty(c.Value)).Select(c => new KeyValuePair<string, string>(c.Key, c.Value!)))
            .Where(kv => kv.Value.Length > 0);
        return "/enforcement/warnings" + new QueryBuilder(pairs).ToQueryString();
    }

    public string TabLink(string status) => Link(("status", status), ("page", null));

    public string PageLink(int page) => Link(("page", page.ToString(CultureInfo.InvariantCulture)));
}
