using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Features.Warnings;
using Fazhi.Web.Modules.Enforcement.Stats;
using Microsoft.EntityFrameworkCore;
using System.Globalization;
using System.Security.Claims;

namespace Fazhi.Web.Modules.Enforcement.Pages;

/// <summary>What the supervision pages share: the units to choose from, 同比 figures, status tags and the SVG charts
/// (drawn on the server: no script, readable without JavaScript and in print).</summary>
public static class EnforcementView
{
    /// <summary>A figure with the same period a year earlier and the change (同比).</summary>
    public sealed record Figure(string Label, string Value, string Previous, string Trend, string? Href = null)
    {
        public string TrendClass => Trend.StartsWith('↑') ? "up" : Trend.StartsWith('↓') ? "down" : "";
    }

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Regions and departments in the caller's scope (or only departments), in tree order.</summary>
    public static Task<List<OrgUnit>> UnitsAsync(FazhiDb db, bool departmentsOnly, CancellationToken ct) =>
        db.OrgUnits.AsNoTracking()
            .Where(o => o.IsActive && (o.Kind == OrgKind.EnforcementDepartment ||
                                       (!departmentsOnly && (o.Kind == OrgKind.Province || o.Kind == OrgKind.City || o.Kind == OrgKind.District))))
            .OrderBy(o => o.Path).ToListAsync(ct);

    /// <summary>
    /// The code of the unit at the top of the caller's scope ("" for everything). Lists pass it when no unit is chosen:
    /// the same scope, stated explicitly, so a list stays within it even if a query underneath ever ignores the
    /// global filters (a bypass of Kernel/Access/Unscoped anywhere in a query switches them off for all of it).
    /// </summary>
    public static async Task<string> ScopeOrgAsync(FazhiDb db, CancellationToken ct)
    {
        var scope = db.Actor.Scope;
        return scope.IsAll ? "" : (await db.Orgs.FindByPathAsync(scope.PathPrefix, ct))?.Code ?? "";
    }

    /// <summary>反馈 and 整改 are the department's (and the supervisor's on its behalf).</summary>
    public static bool CanAct(ClaimsPrincipal user) => user.Can(EnforcementPermissions.WarningRespond);

    /// <summary>销号 and 退回整改 are the supervisor's (执法监督科, 局领导).</summary>
    public static bool CanClose(ClaimsPrincipal user) => user.Can(EnforcementPermissions.WarningClose);

    public static Figure Count(string label, int now, int before, string? href = null) =>
        new(label, N(now), N(before), Percent.ChangeText(now, before), href);

    public static Figure Money(string label, decimal now, decimal before) =>
        new(label, now.ToString("#,0.00", Inv), before.ToString("#,0.00", Inv), Percent.ChangeText(now, before));

    public static Figure Hours(string label, decimal now, decimal before) =>
        new(label, now.ToString("#,0.#", Inv), before.ToString("#,0.#", Inv), Percent.ChangeText(now, before));

    /// <summary>A rate or a score: the change in points, not in percent of itself.</summary>
    public static Figure Points(string label, decimal? now, decimal? before, string unit, string pointName) =>
        new(label, now is null ? "—" : now.Value.ToString("0.00", Inv) + unit, before is null ? "—" : before.Value.ToString("0.00", Inv) + unit,
            Percent.PointsText(now, before, pointName));

    private static string N(int n) => n.ToString(Inv);

    /// <summary>Status colours: waiting for the department amber, with the bureau blue, closed green, overdue red.</summary>
    public static string StatusTag(string status, bool overdue) => overdue ? "tag-danger" : status switch
    {
        "Issued" => "tag-warn",
        "Rectifying" => "tag-warn",
        "Rectified" => "tag-info",
        _ => "tag-ok",
    };

    public static string SeverityTag(string severity) => severity switch
    {
        "Serious" => "tag-danger",
        "Warning" => "tag-warn",
        _ => "tag-off",
    };

    /// <summary>剩余N天 / 逾期N天 / 今天到期 for an open warning's current step.</summary>
    public static string DaysText(WarningRow w, DateOnly today)
    {
        if (w.Status == "Closed")
            return w.ClosedOn is null ? "" : "销号 " + w.ClosedOn;
        var left = DateOnly.ParseExact(w.DueOn, "yyyy-MM-dd", Inv).DayNumber - today.DayNumber;
        return left < 0 ? $"逾期{-left}天" : left == 0 ? "今天到期" : $"剩余{left}天";
    }

    /// <summary>The step whose deadline <see cref="WarningRow.DueOn"/> is.</summary>
    public static string StepOf(string status) => status switch
    {
        "Issued" => "反馈期限",
        "Rectifying" => "整改期限",
        "Rectified" => "整改期限",
        _ => "期限",
    };

    private static readonly ChartSeries[] KindSeries =
        [new("检查", "#1d4f91"), new("处罚", "#e6a23c"), new("强制", "#c0392b"), new("其他", "#909399")];

    /// <summary>Records by department: this period stacked by kind, the same period last year beneath.</summary>
    public static BarChart DepartmentChart(IReadOnlyList<DepartmentFigures> current, IReadOnlyList<DepartmentFigures> previous)
    {
        var rows = current.Select(d => (d.Name, Now: d.Counts, Before: previous.FirstOrDefault(p => p.Code == d.Code)?.Counts))
            .Concat(previous.Where(p => current.All(c => c.Code != p.Code)).Select(p => (p.Name, Now: new KindCounts(0, 0, 0, 0, 0, 0), Before: (KindCounts?)p.Counts)));
        return new BarChart("dept-chart", "各部门执法记录数（本期按类型，浅色为上年同期）", KindSeries,
            [.. rows.Select(r => new BarRow(r.Name, [r.Now.Inspections, r.Now.Penalties, r.Now.Coercions, r.Now.Others], r.Before?.Total ?? 0))],
            "本期没有执法记录");
    }

    /// <summary>Records by month: columns for this period, a line for the same months a year earlier.</summary>
    public static ColumnChart MonthChart(IReadOnlyList<MonthFigures> current, IReadOnlyList<MonthFigures> previous, DateOnly from, DateOnly to)
    {
        static int Total(IReadOnlyList<MonthFigures> list, DateOnly m) => list.FirstOrDefault(x => x.Month == m.ToString("yyyy-MM", Inv))?.Counts.Total ?? 0;
        return new ColumnChart("month-chart", "按月执法记录数（柱：本期；折线：上年同期）",
            Charts.Months(from, to, m => Total(current, m), m => Total(previous, m)));
    }
}
