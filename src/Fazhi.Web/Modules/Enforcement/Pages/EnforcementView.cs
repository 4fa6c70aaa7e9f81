using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Modules.Enforcement.Features.Warnings;
using Fazhi.Web.Modules.Enforcement.Stats;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using System.Globalization;
using System.Security.Claims;
using System.Text;

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

    private static string Esc(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    private static readonly (string Name, string Colour)[] KindColours =
        [("检查", "#1d4f91"), ("处罚", "#e6a23c"), ("强制", "#c0392b"), ("其他", "#909399")];

    /// <summary>Records by department: this period stacked by kind, the same period last year as a thin pale bar.</summary>
    public static HtmlString DepartmentChart(IReadOnlyList<DepartmentFigures> current, IReadOnlyList<DepartmentFigures> previous)
    {
        var rows = current.Select(d => (d.Code, d.Name, Now: d.Counts, Before: previous.FirstOrDefault(p => p.Code == d.Code)?.Counts))
            .Concat(previous.Where(p => current.All(c => c.Code != p.Code)).Select(p => (p.Code, p.Name, Now: new KindCounts(0, 0, 0, 0, 0, 0), Before: (KindCounts?)p.Counts)))
            .ToList();
        if (rows.Count == 0)
            return new HtmlString("<p class=\"empty\">本期没有执法记录</p>");
        const int LabelWidth = 190, BarWidth = 300, RowHeight = 40;
        var max = Math.Max(1, rows.Max(r => Math.Max(r.Now.Total, r.Before?.Total ?? 0)));
        var height = rows.Count * RowHeight + 34;
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg class=\"chart\" viewBox=\"0 0 560 {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"dept-chart-title\">");
        sb.Append("<title id=\"dept-chart-title\">各部门执法记录数（本期按类型，浅色为上年同期）</title>");
        for (var i = 0; i < rows.Count; i++)
        {
            var (_, name, now, before) = rows[i];
            var y = i * RowHeight + 6;
            sb.Append(Inv, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 13}\" font-size=\"13\" text-anchor=\"end\">{Esc(Shorten(name, 13))}</text>");
            var x = (double)LabelWidth;
            foreach (var (kind, colour) in KindColours)
            {
                var v = kind switch { "检查" => now.Inspections, "处罚" => now.Penalties, "强制" => now.Coercions, _ => now.Others };
                var w = v * (double)BarWidth / max;
                if (w > 0)
                    sb.Append(Inv, $"<rect x=\"{x:0.#}\" y=\"{y}\" width=\"{w:0.#}\" height=\"16\" fill=\"{colour}\"><title>{kind} {v}</title></rect>");
                x += w;
            }
            sb.Append(Inv, $"<text x=\"{x + 6:0.#}\" y=\"{y + 13}\" font-size=\"12\">{now.Total}</text>");
            var wp = (before?.Total ?? 0) * (double)BarWidth / max;
            sb.Append(Inv, $"<rect x=\"{LabelWidth}\" y=\"{y + 19}\" width=\"{wp:0.#}\" height=\"8\" fill=\"#b3cdee\"></rect>");
            sb.Append(Inv, $"<text x=\"{LabelWidth + wp + 6:0.#}\" y=\"{y + 27}\" font-size=\"11\" fill=\"#909399\">{before?.Total ?? 0}</text>");
        }
        var ly = rows.Count * RowHeight + 14;
        var lx = LabelWidth;
        foreach (var (kind, colour) in KindColours)
        {
            sb.Append(Inv, $"<rect x=\"{lx}\" y=\"{ly}\" width=\"12\" height=\"10\" fill=\"{colour}\"></rect><text x=\"{lx + 16}\" y=\"{ly + 9}\" font-size=\"12\">{kind}</text>");
            lx += 56;
        }
        sb.Append(Inv, $"<rect x=\"{lx}\" y=\"{ly}\" width=\"12\" height=\"10\" fill=\"#b3cdee\"></rect><text x=\"{lx + 16}\" y=\"{ly + 9}\" font-size=\"12\">上年同期</text></svg>");
        return new HtmlString(sb.ToString()); // names are escaped; the rest is numbers and fixed labels
    }

    /// <summary>Records by month: this period as bars, the same months a year earlier as a line.</summary>
    public static HtmlString MonthChart(IReadOnlyList<MonthFigures> current, IReadOnlyList<MonthFigures> previous, DateOnly from, DateOnly to)
    {
        var months = new List<DateOnly>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
            months.Add(m);
        if (months.Count == 0)
            return new HtmlString("");
        int Total(IReadOnlyList<MonthFigures> list, DateOnly m) => list.FirstOrDefault(x => x.Month == m.ToString("yyyy-MM", Inv))?.Counts.Total ?? 0;
        var now = months.Select(m => Total(current, m)).ToList();
        var before = months.Select(m => Total(previous, m.AddYears(-1))).ToList();
        var max = Math.Max(1, Math.Max(now.Max(), before.Max()));
        max = NiceCeiling(max);
        const int Left = 40, Top = 12, PlotWidth = 500, PlotHeight = 170;
        var step = PlotWidth / (double)months.Count;
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg class=\"chart\" viewBox=\"0 0 560 {Top + PlotHeight + 52}\" width=\"100%\" role=\"img\" aria-labelledby=\"month-chart-title\">");
        sb.Append("<title id=\"month-chart-title\">按月执法记录数（柱：本期；折线：上年同期）</title>");
        for (var g = 0; g <= 4; g++)
        {
            var y = Top + PlotHeight - PlotHeight * g / 4.0;
            sb.Append(Inv, $"<line x1=\"{Left}\" x2=\"{Left + PlotWidth}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#ebeef5\"></line>");
            sb.Append(Inv, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" font-size=\"11\" text-anchor=\"end\" fill=\"#909399\">{max * g / 4}</text>");
        }
        var labelEvery = months.Count <= 12 ? 1 : (int)Math.Ceiling(months.Count / 12.0);
        var points = new List<string>();
        for (var i = 0; i < months.Count; i++)
        {
            var cx = Left + step * i + step / 2;
            var h = now[i] * (double)PlotHeight / max;
            var bw = Math.Min(28, step * 0.6);
            sb.Append(Inv, $"<rect x=\"{cx - bw / 2:0.#}\" y=\"{Top + PlotHeight - h:0.#}\" width=\"{bw:0.#}\" height=\"{h:0.#}\" fill=\"#1d4f91\"><title>{months[i]:yyyy年M月} {now[i]}（上年同期 {before[i]}）</title></rect>");
            if (step >= 30 && now[i] > 0)
                sb.Append(Inv, $"<text x=\"{cx:0.#}\" y=\"{Top + PlotHeight - h - 4:0.#}\" font-size=\"11\" text-anchor=\"middle\">{now[i]}</text>");
            points.Add(string.Create(Inv, $"{cx:0.#},{Top + PlotHeight - before[i] * (double)PlotHeight / max:0.#}"));
            if (i % labelEvery == 0)
            {
                var label = months.Count <= 12 && months[0].Year == months[^1].Year ? $"{months[i].Month}月" : months[i].ToString("yy-MM", Inv);
                sb.Append(Inv, $"<text x=\"{cx:0.#}\" y=\"{Top + PlotHeight + 16}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#606266\">{label}</text>");
            }
        }
        sb.Append(Inv, $"<polyline points=\"{string.Join(' ', points)}\" fill=\"none\" stroke=\"#e6a23c\" stroke-width=\"2\"></polyline>");
        foreach (var p in points)
        {
            var xy = p.Split(',');
            sb.Append(Inv, $"<circle cx=\"{xy[0]}\" cy=\"{xy[1]}\" r=\"3\" fill=\"#e6a23c\"></circle>");
        }
        var ly = Top + PlotHeight + 34;
        sb.Append(Inv, $"<rect x=\"{Left}\" y=\"{ly}\" width=\"12\" height=\"10\" fill=\"#1d4f91\"></rect><text x=\"{Left + 16}\" y=\"{ly + 9}\" font-size=\"12\">本期</text>");
        sb.Append(Inv, $"<line x1=\"{Left + 64}\" x2=\"{Left + 80}\" y1=\"{ly + 5}\" y2=\"{ly + 5}\" stroke=\"#e6a23c\" stroke-width=\"2\"></line><text x=\"{Left + 84}\" y=\"{ly + 9}\" font-size=\"12\">上年同期</text></svg>");
        return new HtmlString(sb.ToString()); // numbers and fixed labels only
    }

    /// <summary>A round axis maximum (1, 2, 5 × 10ⁿ) at or above the largest value.</summary>
    private static int NiceCeiling(int max)
    {
        var magnitude = (int)Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var f in new[] { 1, 2, 4, 5, 10 })
            if (f * magnitude >= max && f * magnitude % 4 == 0)
                return f * magnitude;
        return (max + 3) / 4 * 4;
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
