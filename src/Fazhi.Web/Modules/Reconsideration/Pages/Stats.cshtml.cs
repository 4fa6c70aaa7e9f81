using Fazhi.Web.Kernel.Access;
using System.Globalization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Stats;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Reconsideration.Pages;

[RequiresPermission(ReconPermissions.CaseView)]
public sealed class StatsModel(ReconMetricSource figures, FazhiDb db) : FazhiPageModel
{
    public sealed record Card(string Label, string Value, string Previous, string Trend);

    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public ReconStatsAnswer? Answer { get; private set; }
    public List<OrgUnit> Units { get; private set; } = [];
    public int MinDepth => Units.Count == 0 ? 0 : Units.Min(u => u.Depth);
    public List<Card> Cards { get; } = [];
    public List<(string Label, string From, string To)> Presets { get; } = [];

    /// <summary>Decisions by type, this period against the same period last year, as an inline SVG bar chart.</summary>
    /// <summary>Decisions by type: this period and 上年同期.</summary>
    public BarChart DecisionChart() => new("decision-chart", "决定类型（本期，浅色为上年同期）", [new ChartSeries("本期", "#1d4f91")],
        [.. Enum.GetValues<DecisionType>().Select(t => new BarRow(ReconNames.Of(t), [Answer!.Current.Decisions.GetValueOrDefault(t.ToString())],
            Answer.Previous.Decisions.GetValueOrDefault(t.ToString())))]);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Units = await db.OrgUnits.AsNoTracking()
            .Where(o => o.IsActive && (o.Kind == OrgKind.Province || o.Kind == OrgKind.City || o.Kind == OrgKind.District))
            .OrderBy(o => o.Path).ToListAsync(ct);
        var today = Dates.Today(db.Clock);
        Org ??= Units.FirstOrDefault()?.Code;
        From ??= new DateOnly(today.Year, 1, 1);
        To ??= today;
        foreach (var y in new[] { today.Year, today.Year - 1, today.Year - 2 })
        {
            Presets.Add(($"{y}年上半年", $"{y}-01-01", $"{y}-06-30"));
            Presets.Add(($"{y}年全年", $"{y}-01-01", $"{y}-12-31"));
        }
        if (Org is null)
            return;
        if (await TryAsync(() => figures.AnswerAsync(Org, Period.Parse(From, To))) is not { } answer)
            return;
        Answer = answer;
        var (c, p) = (answer.Current, answer.Previous);
        Count("收到申请", c.Received, p.Received);
        Count("受理", c.Accepted, p.Accepted);
        Count("办结", c.Concluded, p.Concluded);
        Count("其中以前年度结转", c.CarriedOver, p.CarriedOver);
        Count("调解和解撤回", c.MediatedOrWithdrawn, p.MediatedOrWithdrawn);
        Rate("调撤率", c.MediationRate, p.MediationRate);
        Rate("纠错率", c.CorrectionRate, p.CorrectionRate);
        Rate("按期办结率", c.OnTimeRate, p.OnTimeRate);
        Rate("1小时速联快调率", c.QuickContactRate, p.QuickContactRate);
        Count("不予受理", c.Rejected, p.Rejected);
        Count("听取意见（次）", c.OpinionsHeard, p.OpinionsHeard);
        Count("听证会（次）", c.Hearings, p.Hearings);
        Count("意见书/建议书", c.OpinionLetters, p.OpinionLetters);
        Count("行政应诉案件", c.Litigation.Cases, p.Litigation.Cases);
        Count("其中复议后起诉", c.Litigation.AfterReconsideration, p.Litigation.AfterReconsideration);
        Count("应诉判决", c.Litigation.Judged, p.Litigation.Judged);
        Count("败诉", c.Litigation.Lost, p.Litigation.Lost);
        Rate("败诉率", c.Litigation.LostRate, p.Litigation.LostRate);
        Rate("负责人出庭应诉率", c.Litigation.HeadAppearanceRate, p.Litigation.HeadAppearanceRate);
    }

    private void Count(string label, int now, int before) =>
        Cards.Add(new Card(label, N(now), N(before), Percent.ChangeText(now, before)));

    private void Rate(string label, decimal? now, decimal? before) =>
        Cards.Add(new Card(label, Percent.Text(now), Percent.Text(before), Percent.PointsText(now, before, "个百分点")));

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
