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

/// <summary>统计: every figure the module publishes through the metric contract (<see cref="LegalityMetricSource"/> and
/// <see cref="LegalityPracticeMetricSource"/>), grouped by section, each with 本期, 上年同期 and 同比, its breakdown and its
/// 口径 (the definition's own words). "—" where there is nothing to show (no figure, a rate without a denominator, a
/// 同比 of nothing against nothing).</summary>
[RequiresPermission(LegalityPermissions.View)]
public sealed class StatsModel(LegalityMetricSource figures, IEnumerable<IMetricSource> sources, FazhiDb db) : FazhiPageModel
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public sealed record Part(string Label, string Value, string Previous);

    public sealed record Card(string Key, string Label, string Unit, string Value, string Previous, string Trend, string Definition, string? Href, IReadOnlyList<Part> Parts)
    {
        public string TrendClass => Trend.StartsWith('↑') ? "up" : Trend.StartsWith('↓') ? "down" : "";
    }

    public sealed record Section(string Id, string Title, IReadOnlyList<Card> Cards, string? Note = null);

    /// <summary>The sections and the figures in each, by key prefix or key; a figure no section names lands in 其他 (so a
    /// new figure is never left off the page).</summary>
    internal static readonly (string Id, string Title, string[] Keys)[] Layout =
    [
        ("review", "合法性审查", ["legality.submitted", "legality.meeting_topics", "legality.requests_for_comment", "legality.opinions", "legality.comments", "legality.answered", "legality.adopted", "legality.adoption_rate", "legality.rulings"]),
        ("documents", "规范性文件", ["legality.government_documents", "legality.department_documents", "legality.filed_late", "legality.evaluated"]),
        ("contracts", "合同", ["legality.contracts_reviewed", "legality.key_project_contracts_reviewed", "legality.government_contracts_reviewed", "legality.contracts_filed", "legality.department_contracts_filed",
            "legality.contracts_filed_by_kind", "legality.contract_breaches"]),
        ("decisions", "重大行政决策", ["legality.decisions_listed", "legality.major_decisions", "legality.decisions_decided", "legality.decisions_published", "legality.decisions_evaluated"]),
        ("advisers", "法律顾问", ["legality.advisers", "legality.adviser_opinions", "legality.litigation_agency", "legality.community_advisers", "legality.community_adviser_firms",
            "legality.communities", "legality.communities_covered", "legality.community_coverage"]),
        ("office", "依法治区", ["legality.office."]),
        ("study", "学法", ["legality.study."]),
    ];

    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public LegalityStatsAnswer? Answer { get; private set; }
    public List<OrgUnit> Units { get; private set; } = [];
    public int MinDepth => Units.Count == 0 ? 0 : Units.Min(u => u.Depth);
    public List<Section> Sections { get; } = [];

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
        var period = Period.Parse(From, To);
        // One source after the other: they share the request's database context.
        var review = await figures.GetAsync(Org, period, ct);
        var practice = sources.OfType<LegalityPracticeMetricSource>().Single(); // registered only as an IMetricSource
        var more = await practice.GetAsync(Org, period, ct);
        var definitions = figures.Definitions.Concat(practice.Definitions).ToList();
        var values = review.Values.Concat(more.Values).ToDictionary(v => v.Key, StringComparer.Ordinal);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, title, keys) in Layout)
        {
            var cards = new List<Card>();
            foreach (var key in keys)
            {
                foreach (var d in key.EndsWith('.') ? definitions.Where(d => d.Key.StartsWith(key, StringComparison.Ordinal)) : definitions.Where(d => d.Key == key))
                {
                    if (placed.Add(d.Key))
                        cards.Add(CardOf(d, values.GetValueOrDefault(d.Key)));
                }
            }
            Sections.Add(new Section(id, title, cards, id == "study" ? StudyNote(answer) : null));
        }
        if (definitions.Where(d => !placed.Contains(d.Key)).Select(d => CardOf(d, values.GetValueOrDefault(d.Key))).ToList() is { Count: > 0 } rest)
            Sections.Add(new Section("other", "其他", rest));
    }

    /// <summary>[004]'s count since the 普法 period began (51 场, 296 人, 14,950 人次), as the office figures give it.</summary>
    private static string? StudyNote(LegalityStatsAnswer a) => a.Office?.Cumulative is not { } s ? null :
        $"{s.Period}以来（{s.From} 至 {s.To}）：学法考法 {N(s.Sessions)} 场，其中任前法律知识考试 {N(s.PreAppointmentSessions)} 场 {N(s.PreAppointmentPeople)} 人；" +
        $"参加 {N(s.PersonTimes)} 人次，其中学法用法考试 {N(s.AnnualExamPersonTimes)} 人次。";

    internal static Card CardOf(MetricDefinition d, MetricValue? v)
    {
        var rate = d.Unit == "%";
        string Show(decimal? x) => x is null ? "—" : rate ? Percent.Text(x) : N(x.Value);
        var trend = v?.Current is null || v.Previous is null ? "—"
            : rate ? Percent.PointsText(v.Current, v.Previous, "个百分点")
            : v.Current == 0 && v.Previous == 0 ? "—" : Percent.ChangeText(v.Current.Value, v.Previous.Value);
        var definition = d.Time == MetricTime.PointInTime ? $"{d.Definition}（时点数：{(d.OnDay == "from" ? "期初" : "期末")}当日）" : d.Definition;
        return new Card(d.Key, d.Label, rate ? "" : d.Unit, Show(v?.Current), Show(v?.Previous), trend, definition, v?.Records,
            [.. (v?.Parts ?? []).Select(p => new Part(p.Label, Show(p.Current), Show(p.Previous)))]);
    }

    private static string N(decimal n) => n.ToString("#,0.##", Inv);
}
