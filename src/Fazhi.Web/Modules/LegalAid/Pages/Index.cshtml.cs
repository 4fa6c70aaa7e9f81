using System.Globalization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Modules.LegalAid.Stats;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.LegalAid.Pages;

/// <summary>法律援助工作台: the period's figures with 上年同期, cases by type, the green-channel misses.</summary>
[RequiresPermission(LegalAidPermissions.CaseView)]
public sealed class IndexModel(AidMetricSource figures, FazhiDb db) : FazhiPageModel
{
    public sealed record Card(string Label, string Value, string Previous, string Trend, string? Href = null);

    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public AidStatsAnswer? Answer { get; private set; }
    public List<OrgUnit> Units { get; private set; } = [];
    public int MinDepth => Units.Count == 0 ? 0 : Units.Min(u => u.Depth);
    public List<Card> Cards { get; } = [];
    public List<(string Label, string From, string To)> Presets { get; } = [];

    public BarChart TypeChart() => new("type-chart", "受理案件类别（本期，浅色为上年同期）", [new ChartSeries("本期", "#1d4f91")],
        [.. Enum.GetValues<AidCaseType>().Select(t => new BarRow(AidNames.Of(t), [Answer!.Current.CasesByType.GetValueOrDefault(t.ToString())],
            Answer.Previous.CasesByType.GetValueOrDefault(t.ToString()), $"/legal-aid/cases?type={t}&from={Answer.From}&to={Answer.To}"))]);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Units = await db.OrgUnits.AsNoTracking()
            .Where(o => o.IsActive && (o.Kind == OrgKind.Province || o.Kind == OrgKind.City || o.Kind == OrgKind.District))
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
        if (Org is null || await TryAsync(() => figures.AnswerAsync(Org, Period.Parse(From, To))) is not { } answer)
            return;
        Answer = answer;
        var (c, p) = (answer.Current, answer.Previous);
        var range = $"from={answer.From}&to={answer.To}";
        Count("收到申请", c.Applications, p.Applications, $"/legal-aid/cases?{range}");
        Count("通知辩护/代理", c.Notices, p.Notices, $"/legal-aid/cases?channel=Notice&{range}");
        Count("受理案件", c.Accepted, p.Accepted);
        Count("不予法律援助", c.Refused, p.Refused, "/legal-aid/cases?status=Refused");
        Count("结案", c.Closed, p.Closed);
        Cards.Add(new Card("挽回损失（万元）", Wan(c.Recovered), Wan(p.Recovered), Percent.ChangeText(c.Recovered, p.Recovered)));
        Rate("绿色通道当天受理指派率", c.GreenSameDayRate, p.GreenSameDayRate, $"/legal-aid/cases?queue=green-missed&{range}");
        Count("绿色通道申请", c.GreenReceived, p.GreenReceived, $"/legal-aid/cases?green=true&{range}");
        Cards.Add(new Card("平均满意度（5分制）", Score(c.SatisfactionMean), Score(p.SatisfactionMean), ""));
        Rate("满意率", c.SatisfiedRate, p.SatisfiedRate);
        Count("法律咨询（人次）", c.Consultations, p.Consultations, $"/legal-aid/consultations?from={answer.From}&to={answer.To}");
        Count("法律援助工作站", c.Workstations, p.Workstations, "/legal-aid/roster");
        Count("值班律师", c.DutyLawyers, p.DutyLawyers, "/legal-aid/roster");
        Count("出庭（次）", c.HearingsAttended, p.HearingsAttended);
        Cards.Add(new Card("案卷评查平均分", Score(c.FileScoreMean), Score(p.FileScoreMean), ""));
        Cards.Add(new Card("应发办案补贴（元）", c.SubsidyOwed.ToString("N0", CultureInfo.InvariantCulture), p.SubsidyOwed.ToString("N0", CultureInfo.InvariantCulture),
            Percent.ChangeText(c.SubsidyOwed, p.SubsidyOwed), $"/legal-aid/subsidies?{range}"));
    }

    private void Count(string label, int now, int before, string? href = null) =>
        Cards.Add(new Card(label, now.ToString(CultureInfo.InvariantCulture), before.ToString(CultureInfo.InvariantCulture), Percent.ChangeText(now, before), href));

    private void Rate(string label, decimal? now, decimal? before, string? href = null) =>
        Cards.Add(new Card(label, Percent.Text(now), Percent.Text(before), Percent.PointsText(now, before, "个百分点"), href));

    private static string Wan(decimal yuan) => (yuan / 10_000m).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Score(decimal? s) => s is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "—";
}
