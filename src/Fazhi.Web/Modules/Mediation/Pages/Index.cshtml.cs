using System.Globalization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Mediation.Stats;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Mediation.Pages;

/// <summary>调解工作台: the period's figures for a unit (and a committee's since founding), the report-category table
/// ([001]'s 家事类 … from 排查 records) as a table and a chart, and disputes by category and source.</summary>
[RequiresPermission(MediationPermissions.DisputeView)]
public sealed class IndexModel(MediationMetricSource figures, FazhiDb db) : FazhiPageModel
{
    public sealed record Card(string Label, string Value, string Previous);

    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public MediationStatsAnswer? Answer { get; private set; }
    public List<OrgUnit> Units { get; private set; } = [];
    public int MinDepth => Units.Count == 0 ? 0 : Units.Min(u => u.Depth);
    public List<Card> Cards { get; } = [];
    public List<Card> Founding { get; } = [];
    public List<(string Label, string From, string To)> Presets { get; } = [];

    public BarChart ReportChart() => new("report-chart", "排查发现纠纷按报表类别（浅色为上年同期）", [new ChartSeries("本期", "#1d4f91")],
        [.. Answer!.Current.ReportTable.Select(r => new BarRow(r.Category, [r.Found], Answer.Previous.ReportTable.FirstOrDefault(p => p.Category == r.Category)?.Found ?? 0))]);

    public BarChart SourceChart() => new("source-chart", "受理纠纷按来源", [new ChartSeries("本期", "#2b8a3e")],
        [.. Answer!.Current.BySource.Select(kv => new BarRow(kv.Key, [kv.Value], Answer.Previous.BySource.GetValueOrDefault(kv.Key)))]);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Units = await db.OrgUnits.AsNoTracking()
            .Where(o => o.IsActive && (o.Kind == OrgKind.City || o.Kind == OrgKind.District || o.Kind == OrgKind.Town || o.Kind == OrgKind.MediationCommittee))
            .OrderBy(o => o.Path).ToListAsync(ct);
        var today = Dates.Today(db.Clock);
        Org ??= Units.FirstOrDefault()?.Code;
        From ??= new DateOnly(today.Year, 1, 1);
        To ??= today;
        foreach (var y in new[] { today.Year, today.Year - 1 })
        {
            Presets.Add(($"{y}年上半年", $"{y}-01-01", $"{y}-06-30"));
            Presets.Add(($"{y}年全年", $"{y}-01-01", $"{y}-12-31"));
        }
        if (Org is null || await TryAsync(() => figures.AnswerAsync(Org, Period.Parse(From, To))) is not { } a)
            return;
        Answer = a;
        Fill(Cards, a.Current, a.Previous);
        if (a.SinceFounding is { } f)
            Fill(Founding, f, null);
    }

    private static void Fill(List<Card> cards, MediationFigures c, MediationFigures? p)
    {
        string N(decimal? v) => v?.ToString("#,0.##", CultureInfo.InvariantCulture) ?? "—";
        void Add(string label, decimal? now, decimal? before) => cards.Add(new Card(label, N(now), p is null ? "" : "上年同期 " + N(before)));
        Add("受理纠纷", c.Received, p?.Received);
        Add("调解成功", c.Succeeded, p?.Succeeded);
        Add("调解成功率（%）", c.SuccessRate, p?.SuccessRate);
        Add("涉及金额（元）", c.Amount, p?.Amount);
        Add("书面协议", c.Written, p?.Written);
        Add("口头协议", c.Oral, p?.Oral);
        Add("申请司法确认", c.ConfirmationApplied, p?.ConfirmationApplied);
        Add("司法确认有效", c.Confirmed, p?.Confirmed);
        Add("纠纷排查（次）", c.Screenings, p?.Screenings);
        Add("排查发现纠纷", c.Found, p?.Found);
        Add("预防纠纷", c.Prevented, p?.Prevented);
        Add("说事点上报信息", c.PointReports, p?.PointReports);
        Add("说事点化解纠纷", c.PointResolved, p?.PointResolved);
    }
}
