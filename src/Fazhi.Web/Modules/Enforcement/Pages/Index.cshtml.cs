using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Features.Warnings;
using Fazhi.Web.Modules.Enforcement.Stats;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Enforcement.Pages;

/// <summary>
/// 监督首页: this year's figures against the same days of last year, the departments and months as charts, the open
/// warnings most urgent first, and the rules' counts. With <c>org</c> = a department's code it is that department's
/// own view (部门视图).
/// </summary>
[RequiresPermission(EnforcementPermissions.RecordView)]
public sealed class IndexModel(EnforcementMetricSource figures, WarningService warnings, FazhiDb db) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }

    public List<OrgUnit> Units { get; private set; } = [];
    public int MinDepth => Units.Count == 0 ? 0 : Units.Min(u => u.Depth);
    public EnforcementStatsAnswer? Answer { get; private set; }
    public List<EnforcementView.Figure> Figures { get; } = [];
    public Page<WarningRow> Open { get; private set; } = new([], 0, 1, 10);
    public DateOnly Today { get; private set; }
    public bool AllowAll => db.Actor.Scope.IsAll;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = Dates.Today(db.Clock);
        Units = await EnforcementView.UnitsAsync(db, departmentsOnly: false, ct);
        Org ??= await EnforcementView.ScopeOrgAsync(db, ct);
        Answer = await TryAsync(() => figures.AnswerAsync(Org, Period.YearToDate(Today)));
        if (Answer is not { } a)
            return;
        var (c, p) = (a.Current, a.Previous);
        var org = string.IsNullOrEmpty(Org) ? "" : "&org=" + Uri.EscapeDataString(Org);
        var from = $"from={Today.Year}-01-01";
        Figures.Add(EnforcementView.Count("行政检查", c.Records.Inspections, p.Records.Inspections, $"/enforcement/records?kind=检查&{from}{org}"));
        Figures.Add(EnforcementView.Count("行政处罚", c.Records.Penalties, p.Records.Penalties, $"/enforcement/records?kind=处罚&{from}{org}"));
        Figures.Add(EnforcementView.Count("行政强制", c.Records.Coercions, p.Records.Coercions, $"/enforcement/records?kind=强制&{from}{org}"));
        Figures.Add(EnforcementView.Count("不罚轻罚", c.Records.Lenient, p.Records.Lenient, $"/enforcement/records?lenient=true&{from}{org}"));
        Figures.Add(EnforcementView.Count("预警下发", c.WarningsRaised, p.WarningsRaised, "/enforcement/warnings?status=all" + org));
        Figures.Add(EnforcementView.Count("预警销号", c.WarningsClosed, p.WarningsClosed, "/enforcement/warnings?status=closed" + org));
        Figures.Add(EnforcementView.Count("逾期未处理", c.WarningsOverdue, p.WarningsOverdue, "/enforcement/warnings?status=overdue" + org));
        Open = await TryAsync(() => warnings.SearchAsync(new WarningFilter { Org = Org, Status = "open", PageSize = 10 }, ct)) ?? Open;
    }
}
