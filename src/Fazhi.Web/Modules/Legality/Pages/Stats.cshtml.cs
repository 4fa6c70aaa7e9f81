using System.Globalization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Domain;
using Fazhi.Web.Modules.Legality.Stats;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Legality.Pages;

[RequiresPermission(LegalityPermissions.View)]
public sealed class StatsModel(LegalityMetricSource figures, FazhiDb db) : FazhiPageModel
{
    public sealed record Card(string Label, string Value, string Previous, string Trend);

    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public LegalityStatsAnswer? Answer { get; private set; }
    public List<OrgUnit> Units { get; private set; } = [];
    public int MinDepth => Units.Count == 0 ? 0 : Units.Min(u => u.Depth);
    public List<Card> Cards { get; } = [];

    public BarChart KindChart() => new("kind-chart", "送审事项类别（本期，浅色为上年同期）", [new ChartSeries("本期", "#1d4f91")],
        [.. Enum.GetValues<MatterKind>().Select(k => new BarRow(LegalityNames.Of(k), [Answer!.Current.ByKind.GetValueOrDefault(k.ToString())],
            Answer.Previous.ByKind.GetValueOrDefault(k.ToString()), $"/legality/matters?kind={k}"))]);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Units = await db.OrgUnits.AsNoTracking()
            .Where(o => o.IsActive && (o.Kind == OrgKind.Province || o.Kind == OrgKind.City || o.Kind == OrgKind.District))
            .OrderBy(o => o.Path).ToListAsync(ct);
        var today = Dates.Today(db.Clock);
        Org ??= Units.FirstOrDefault()?.Code;
        From ??= new DateOnly(today.Year, 1, 1);
        To ??= today;
        if (Org is null || await TryAsync(() => figures.AnswerAsync(Org, Period.Parse(From, To))) is not { } answer)
            return;
        Answer = answer;
        var (c, p) = (answer.Current, answer.Previous);
        Count("送审事项", c.Submitted, p.Submitted);
        Count("出具审核意见书", c.Opinions, p.Opinions);
        Count("审查意见（条）", c.Comments, p.Comments);
        Rate("意见采纳率", c.AdoptionRate, p.AdoptionRate);
        Count("政府规范性文件（审核并备案）", c.GovernmentDocuments, p.GovernmentDocuments);
        Count("部门规范性文件（审核并备案）", c.DepartmentDocuments, p.DepartmentDocuments);
        Count("逾期备案", c.FiledLate, p.FiledLate);
        Count("后评估", c.Evaluated, p.Evaluated);
        Count("审查合同", c.ContractsReviewed, p.ContractsReviewed);
        Count("合同备案", c.ContractsFiled, p.ContractsFiled);
        Count("重大行政决策合法性审查", c.MajorDecisionsReviewed, p.MajorDecisionsReviewed);
        Count("12345裁定意见", c.Rulings, p.Rulings);
    }

    private void Count(string label, int now, int before) => Cards.Add(new Card(label, N(now), N(before), Percent.ChangeText(now, before)));

    private void Rate(string label, decimal? now, decimal? before) =>
        Cards.Add(new Card(label, Percent.Text(now), Percent.Text(before), Percent.PointsText(now, before, "个百分点")));

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
