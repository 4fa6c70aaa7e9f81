using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Hotline.Data;
using Fazhi.Web.Modules.Hotline.Domain;
using Fazhi.Web.Modules.Hotline.Features.Disputes;
using Fazhi.Web.Modules.Hotline.Features.Own;
using Fazhi.Web.Modules.Hotline.Features.Tickets;
using Fazhi.Web.Modules.Hotline.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Hotline.Stats;

public sealed record Count(string Key, string Label, int Value);

/// <summary>One period's figures (DOMAIN §2.4 and issue 17 §6).</summary>
public sealed record HotlineFigures(int Tickets, int Merged, int Reassigned, decimal? ReassignmentRate, int Clusters, int ConsultationsHeld, int RulingsIssued,
    int Recurrences, int OwnReplied, int OwnOnTime, decimal? OwnOnTimeRate, int Rated, int Satisfied, decimal? SatisfactionRate,
    IReadOnlyList<Count> ByField, IReadOnlyList<Count> ByDepartment, IReadOnlyList<Count> ByMonth);

/// <summary>热力表 街道 × 领域 (current period).</summary>
/// <summary>热力表 街道 × 领域 (current period), in one vocabulary (<see cref="FieldVocabulary"/>); <c>Vocabulary</c> names it
/// and how many tickets took their field from each source.</summary>
public sealed record HeatTable(IReadOnlyList<string> Fields, IReadOnlyList<HeatRow> Rows, int Max, string Vocabulary = "", int Labelled = 0, int Classified = 0,
    int CentreMapped = 0);

public sealed record HeatRow(string TownCode, string Town, IReadOnlyList<int> Values, int Total);

public sealed record HotlineStatsAnswer(string Org, string OrgName, string From, string To, HotlineFigures Current, string PreviousFrom, string PreviousTo,
    HotlineFigures Previous, HeatTable Heat);

/// <summary>The module's figures: tickets counted once (a 并单 duplicate is not counted), by field (one vocabulary, the
/// 执法事项清单's: the staff's label, else the classifier's, else the centre's mapped — <see cref="FieldVocabulary"/>), department and month; reassignment rate; dispute clusters; 会商 held and 裁定意见 issued;
/// recurrence after rulings; on-time replies of the bureau's own tickets; satisfaction.</summary>
public sealed class HotlineStats(FazhiDb db, DisputeService disputes, OwnTicketService own, TicketIngestion ingestion, Features.Triage.TriageService triage)
{
    public async Task<HotlineStatsAnswer> ComputeAsync(string? orgCode, Period period, CancellationToken ct)
    {
        var unit = string.IsNullOrWhiteSpace(orgCode) ? null : await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == orgCode.Trim(), ct)
            ?? throw new NotFoundException($"机构“{orgCode}”不存在或不在您的数据权限范围内。");
        var path = unit?.Path ?? (db.Actor.Scope.IsAll ? "/" : db.Actor.Scope.PathPrefix);
        var previous = period.SamePeriodLastYear();
        var orgs = await ingestion.OrgsAsync(ct);
        var (cur, heat) = await FiguresAsync(path, period, orgs, ct);
        var (prev, _) = await FiguresAsync(path, previous, orgs, ct);
        return new HotlineStatsAnswer(unit?.Code ?? "", unit?.Name ?? "全部", period.FromIso, period.ToIso, cur, previous.FromIso, previous.ToIso, prev, heat);
    }

    private async Task<(HotlineFigures, HeatTable)> FiguresAsync(string path, Period period, OrgIndex orgs, CancellationToken ct)
    {
        var from = ChinaTime.StartOfDayUtc(period.From);
        var to = ChinaTime.StartOfDayUtc(period.To.AddDays(1));
        var rows = await TicketPeriods.Received(db, from, to) // prunes partitions on PostgreSQL (ADR 0011)
            .Where(t => db.OrgUnits.Any(o => o.Id == t.OrgUnitId && o.Path.StartsWith(path)))
            .Select(t => new { t.Id, t.OrgUnitId, t.TownCode, t.LabelEnforcement, t.LabelField, t.CentreField, t.DepartmentCode, t.ReceivedAtUtc, t.Reassignments, t.Bounces, t.Satisfaction, t.MergedInto })
            .ToListAsync(ct);
        var classified = await ClassifyAsync(path, from, to, [.. rows.Where(r => r.MergedInto == null && r.LabelEnforcement == null).Select(r => r.OrgUnitId).Distinct()], ct);
        var counted = rows.Where(r => r.MergedInto == null).Select(r =>
        {
            var known = classified.TryGetValue(r.Id, out var c);
            var (field, source) = FieldVocabulary.Of(r.LabelEnforcement, r.LabelField, known ? c.Enforcement : null, known ? c.Field : null, r.CentreField);
            return new { r.TownCode, Field = field, Source = source, r.DepartmentCode, r.ReceivedAtUtc, r.Reassignments, r.Bounces, r.Satisfaction };
        }).ToList();
        var reassigned = counted.Count(r => r.Reassignments > 0 || r.Bounces > 0);
        var rated = counted.Count(r => r.Satisfaction != null);
        var satisfied = counted.Count(r => r.Satisfaction is "满意" or "基本满意");
        var byField = counted.GroupBy(r => r.Field).Select(g => new Count(g.Key, g.Key, g.Count())).OrderByDescending(c => c.Value).ToList();
        var byDept = counted.GroupBy(r => r.DepartmentCode ?? "").Select(g => new Count(g.Key, g.Key.Length == 0 ? "未派单" : orgs.NameOf(g.Key), g.Count()))
            .OrderByDescending(c => c.Value).ToList();
        var byMonth = counted.GroupBy(r => ChinaTime.ToChina(r.ReceivedAtUtc).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))
            .Select(g => new Count(g.Key, g.Key, g.Count())).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();

        var consultations = await db.Consultations().AsNoTracking().Where(c => db.OrgUnits.Any(o => o.Id == c.OrgUnitId && o.Path.StartsWith(path))).ToListAsync(ct);
        var held = consultations.Count(c => c.ConsultedOn is { } d && period.Contains(d));
        var issued = consultations.Count(c => c.RulingIssued && c.RuledOn is { } d && period.Contains(d));
        var recurrences = 0;
        foreach (var c in consultations.Where(c => c.RuledOn is not null))
            recurrences += await InPeriodAsync(c, period, ct);
        var clusters = (await disputes.MineAsync(null, period, ct)).Count(c => orgs.ByCode(c.Key.Split('|')[0]) is { } town && town.Path.StartsWith(path, StringComparison.Ordinal));

        var ownRows = await db.OwnTickets().AsNoTracking().Where(t => t.RepliedOn >= period.From && t.RepliedOn <= period.To &&
            db.OrgUnits.Any(o => o.Id == t.OrgUnitId && o.Path.StartsWith(path))).ToListAsync(ct);
        var onTime = ownRows.Count(t => OwnTicketDeadlines.OnTime(t.RepliedOn!.Value, own.Deadlines(t).ReplyBy));

        // Columns: the 执法事项清单's fields in their order (all of them, so periods compare), a field staff added to the
        // 字典 when used, then 非执法事项 and 未归类 when any ticket is one.
        var present = byField.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var fields = Features.Triage.TriageVocabulary.DefaultFields
            .Concat(present.Where(f => f is not (FieldVocabulary.NotEnforcement or FieldVocabulary.Unmapped)).Order(StringComparer.Ordinal))
            .Concat(new[] { FieldVocabulary.NotEnforcement, FieldVocabulary.Unmapped }.Where(present.Contains)).Distinct(StringComparer.Ordinal).ToList();
        var heatRows = counted.GroupBy(r => r.TownCode).Select(g => new HeatRow(g.Key, orgs.NameOf(g.Key),
            [.. fields.Select(f => g.Count(r => r.Field == f))], g.Count())).OrderByDescending(r => r.Total).ToList();
        var (labelled, byModel, mapped) = (counted.Count(r => r.Source == FieldSource.Label), counted.Count(r => r.Source == FieldSource.Classifier),
            counted.Count(r => r.Source == FieldSource.Centre));
        var heat = new HeatTable(fields, heatRows, heatRows.SelectMany(r => r.Values).DefaultIfEmpty(0).Max(), FieldVocabulary.Header(labelled, byModel, mapped),
            labelled, byModel, mapped);
        return (new HotlineFigures(counted.Count, rows.Count - counted.Count, reassigned, Percent.Of(reassigned, counted.Count), clusters, held, issued, recurrences,
            ownRows.Count, onTime, Percent.Of(onTime, ownRows.Count), rated, satisfied, Percent.Of(satisfied, rated), byField, byDept, byMonth), heat);
    }

    /// <summary>The classifier's (涉及执法?, 领域) of the period's unlabelled, unmerged tickets of districts that have a
    /// trained model, read as a stream (the text is not kept).</summary>
    private async Task<Dictionary<long, (bool Enforcement, string? Field)>> ClassifyAsync(string path, DateTime from, DateTime to, List<int> districts, CancellationToken ct)
    {
        var result = new Dictionary<long, (bool Enforcement, string? Field)>();
        if (districts.Count == 0 || !await db.TriageModels().AsNoTracking().AnyAsync(m => districts.Contains(m.OrgUnitId), ct))
            return result;
        await triage.TermsAsync(ct);
        var judge = await triage.FieldJudgeAsync(districts, ct);
        var texts = TicketPeriods.Received(db, from, to)
            .Where(t => t.MergedInto == null && t.LabelEnforcement == null && db.OrgUnits.Any(o => o.Id == t.OrgUnitId && o.Path.StartsWith(path)))
            .Select(t => new { t.Id, t.OrgUnitId, t.Text }).AsAsyncEnumerable();
        await foreach (var t in texts.WithCancellation(ct))
            if (judge(t.OrgUnitId, triage.Segment(t.Text)) is { } a)
                result[t.Id] = a;
        return result;
    }

    /// <summary>Recurrences of one ruling received inside the period.</summary>
    private async Task<int> InPeriodAsync(Consultation c, Period period, CancellationToken ct)
    {
        var hits = await disputes.RecurrencesAsync(c, ct);
        if (hits.Count == 0)
            return 0;
        var from = ChinaTime.StartOfDayUtc(period.From);
        var to = ChinaTime.StartOfDayUtc(period.To.AddDays(1));
        return await db.HotlineTickets().AsNoTracking().CountAsync(t => hits.Contains(t.TicketNo) && t.ReceivedAtUtc >= from && t.ReceivedAtUtc < to, ct);
    }
}

public sealed class HotlineMetricSource(HotlineStats stats, MetricCache cache, ICurrentUser user) : IMetricSource
{
    private const string Pieces = "件", Pct = "%";

    public string Module => HotlineModule.Module;

    public string TablePrefix => "hl_";

    public string ReadPermission => HotlinePermissions.StatsView;

    public IReadOnlyList<MetricDefinition> Definitions { get; } =
    [
        new("hotline.tickets", "热线工单", Pieces, "期间内受理的12345工单（并单的重复件只计一次），按领域、承办单位、月份") { Dimensions = [MetricDimensions.Category, MetricDimensions.Department, MetricDimensions.Month] },
        new("hotline.reassigned", "转办或退单工单", Pieces, "期间内受理、有过转办（改派）或退单的工单"),
        new("hotline.reassignment_rate", "转办退单率", Pct, "转办或退单工单 ÷ 热线工单", Rollup.Ratio) { Numerator = "hotline.reassigned", Denominator = "hotline.tickets" },
        new("hotline.clusters", "管辖争议聚类", "个", "期间内工单中同一地点同类诉求、多次转办退单或承办单位不明的聚类"),
        new("hotline.consultations", "会商研判", "次", "会商日期在期间内的会商研判事项"),
        new("hotline.rulings", "裁定意见", Pieces, "裁定日期在期间内出具的裁定意见"),
        new("hotline.recurrences", "裁定后复发工单", Pieces, "期间内受理、与已裁定事项同一地点同类诉求的新工单"),
        new("hotline.own.replied", "本局工单回复", Pieces, "回复日期在期间内的本局（司法局、司法所）工单"),
        new("hotline.own.on_time", "按期回复", Pieces, "其中在回复期限内回复的"),
        new("hotline.own.on_time_rate", "本局工单按期回复率", Pct, "按期回复 ÷ 本局工单回复", Rollup.Ratio) { Numerator = "hotline.own.on_time", Denominator = "hotline.own.replied" },
        new("hotline.rated", "已评价工单", Pieces, "期间内受理、有满意度评价的工单"),
        new("hotline.satisfied", "满意工单", Pieces, "其中评价为满意或基本满意的"),
        new("hotline.satisfaction_rate", "满意率", Pct, "满意工单 ÷ 已评价工单", Rollup.Ratio) { Numerator = "hotline.satisfied", Denominator = "hotline.rated" },
    ];

    public Task<HotlineStatsAnswer> AnswerAsync(string? orgCode, Period period) =>
        cache.GetOrComputeAsync(TablePrefix, user, $"stats|{orgCode?.Trim()}|{period}", () => stats.ComputeAsync(orgCode, period, CancellationToken.None));

    public async Task<MetricSet> GetAsync(string? orgCode, Period period, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var a = await AnswerAsync(orgCode, period);
        var (c, p) = (a.Current, a.Previous);
        var list = $"/hotline?org={Uri.EscapeDataString(a.Org)}&from={period.FromIso}&to={period.ToIso}";
        static IEnumerable<MetricPart> Parts(string dim, IReadOnlyList<Count> cur, IReadOnlyList<Count> prev) =>
            cur.Select(x => new MetricPart(dim, x.Key, x.Label, x.Value, prev.FirstOrDefault(y => y.Key == x.Key)?.Value ?? 0));
        var values = new List<MetricValue>
        {
            new("hotline.tickets", c.Tickets, p.Tickets)
            {
                Records = list,
                Parts = [.. Parts(MetricDimensions.Category, c.ByField, p.ByField), .. Parts(MetricDimensions.Department, c.ByDepartment, p.ByDepartment),
                    .. Parts(MetricDimensions.Month, c.ByMonth, p.ByMonth)],
            },
            new("hotline.reassigned", c.Reassigned, p.Reassigned) { Records = list + "&disputed=true" },
            new("hotline.reassignment_rate", c.ReassignmentRate, p.ReassignmentRate),
            new("hotline.clusters", c.Clusters, p.Clusters) { Records = "/hotline/disputes" },
            new("hotline.consultations", c.ConsultationsHeld, p.ConsultationsHeld),
            new("hotline.rulings", c.RulingsIssued, p.RulingsIssued),
            new("hotline.recurrences", c.Recurrences, p.Recurrences),
            new("hotline.own.replied", c.OwnReplied, p.OwnReplied) { Records = "/hotline/own" },
            new("hotline.own.on_time", c.OwnOnTime, p.OwnOnTime),
            new("hotline.own.on_time_rate", c.OwnOnTimeRate, p.OwnOnTimeRate),
            new("hotline.rated", c.Rated, p.Rated),
            new("hotline.satisfied", c.Satisfied, p.Satisfied),
            new("hotline.satisfaction_rate", c.SatisfactionRate, p.SatisfactionRate),
        };
        return new MetricSet(a.Org, a.OrgName, period, period.SamePeriodLastYear(), values);
    }
}

public static class HotlineStatsEndpoints
{
    public static void MapHotlineStats(this RouteGroupBuilder g) =>
        g.MapGet("/stats", (string? org, DateOnly? from, DateOnly? to, HotlineMetricSource figures) => figures.AnswerAsync(org, Period.Parse(from, to)))
            .WithSummary("12345热线统计（含下级机构）：工单按领域/承办单位/月份、转办退单率、争议聚类、会商、裁定意见、裁定后复发、本局工单按期率、满意率，街道×领域热力表；附上年同期")
            .RequirePermission(HotlinePermissions.StatsView);
}
