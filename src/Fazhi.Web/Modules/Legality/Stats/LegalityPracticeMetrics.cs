using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Data;
using Fazhi.Web.Modules.Legality.Domain;
using Fazhi.Web.Modules.Legality.Features;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Legality.Stats;

/// <summary>
/// 合同、重大行政决策、法律顾问 figures through the metric contract (a second source of the legality module, beside
/// <see cref="LegalityMetricSource"/>; the keys are distinct). Definitions as the seeds count them: [002] "审查政府合同31件，
/// 报送备案的部门合同274件" → 政府合同 whose review gave its opinion in the period, 部门合同 filed in the period; [003] "5
/// major decisions published", "107 community legal advisers for 169 communities"; [001] "80+ 法律意见书".
/// </summary>
public sealed class LegalityPracticeMetricSource(FazhiDb db, MetricCache cache, ICurrentUser user, AdviserService advisers) : IMetricSource
{
    private const string Items = "件";

    public string Module => "legality";

    public string TablePrefix => "leg_";

    public string ReadPermission => LegalityPermissions.View;

    public IReadOnlyList<MetricDefinition> Definitions { get; } =
    [
        new("legality.government_contracts_reviewed", "政府合同合法性审查", Items, "以政府名义签订、期间内出具合法性审查意见的合同"),
        new("legality.department_contracts_filed", "部门合同备案", Items, "部门、镇街签订、期间内报送备案的合同"),
        new("legality.contracts_filed_by_kind", "合同备案（按类别）", Items, "期间内备案的合同，按机关事业单位合同、招商引资合同") { Dimensions = [MetricDimensions.Kind] },
        new("legality.contract_breaches", "合同违约记录", Items, "期间内发生的违约（按违约日期）"),
        new("legality.decisions_listed", "列入目录的重大行政决策事项", Items, "期间内各年度目录所列事项（按目录年度）"),
        new("legality.decisions_decided", "重大行政决策（集体讨论决定）", Items, "期间内经集体讨论决定的重大行政决策"),
        new("legality.decisions_published", "重大行政决策（公布）", Items, "期间内公布的重大行政决策"),
        new("legality.decisions_evaluated", "重大行政决策后评估", Items, "期间内完成后评估的重大行政决策"),
        new("legality.advisers", "法律顾问、公职律师", "人", "期末在聘的政府法律顾问、公职律师和村（社区）法律顾问", Rollup.Sum)
            { Time = MetricTime.PointInTime, OnDay = "to", Dimensions = [MetricDimensions.Kind] },
        new("legality.community_advisers", "村（社区）法律顾问", "人", "期末在聘、为本区域村（社区）提供服务的村（社区）法律顾问人数（一人可服务多个村（社区））", Rollup.Sum)
            { Time = MetricTime.PointInTime, OnDay = "to" },
        new("legality.community_adviser_firms", "村（社区）法律顾问所在法律服务机构", "家", "上述村（社区）法律顾问的执业机构（按名称计）", Rollup.Sum)
            { Time = MetricTime.PointInTime, OnDay = "to" },
        new("legality.communities", "村（社区）", "个", "期末机构目录中在用的村（社区）", Rollup.Sum) { Time = MetricTime.PointInTime, OnDay = "to" },
        new("legality.communities_covered", "已配备法律顾问的村（社区）", "个", "期末至少有一名在聘村（社区）法律顾问服务的村（社区）", Rollup.Sum) { Time = MetricTime.PointInTime, OnDay = "to" },
        new("legality.community_coverage", "一村（社区）一法律顾问覆盖率", "%", "已配备法律顾问的村（社区）÷ 机构目录中的村（社区）总数（按村（社区）计，不按顾问人数计）", Rollup.Ratio)
            { Time = MetricTime.PointInTime, OnDay = "to", Numerator = "legality.communities_covered", Denominator = "legality.communities" },
        new("legality.adviser_opinions", "法律意见书", Items, "期间内法律顾问、公职律师出具的法律意见书"),
        new("legality.litigation_agency", "诉讼代理申报", Items, "期间内申报的党政一体法律顾问诉讼代理"),
    ];

    private sealed record Figures(int GovReviewed, int DeptFiled, Dictionary<ContractKind, int> FiledByKind, int Breaches, int Listed, int Decided, int Published,
        int Evaluated, Dictionary<AdviserKind, int> Advisers, int Communities, int Covered, int Opinions, int Litigation)
    {
        public int CommunityAdvisers { get; init; }
        public int Firms { get; init; }
    }

    public async Task<MetricSet> GetAsync(string? orgCode, Period period, CancellationToken ct)
    {
        var unit = string.IsNullOrWhiteSpace(orgCode) ? null : await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == orgCode.Trim(), ct)
            ?? throw new NotFoundException($"机构“{orgCode}”不存在或不在您的数据权限范围内。");
        var path = unit?.Path ?? (db.Actor.Scope.IsAll ? "/" : db.Actor.Scope.PathPrefix);
        var previous = period.SamePeriodLastYear();
        var (c, p) = await cache.GetOrComputeAsync(TablePrefix, user, $"practice|{orgCode?.Trim()}|{period}",
            async () => (await FiguresAsync(path, period.From, period.To, ct), await FiguresAsync(path, previous.From, previous.To, ct)));
        return new MetricSet(unit?.Code ?? "", unit?.Name ?? "全部", period, previous,
        [
            new("legality.government_contracts_reviewed", c.GovReviewed, p.GovReviewed) { Records = "/legality/contracts?level=政府合同" },
            new("legality.department_contracts_filed", c.DeptFiled, p.DeptFiled) { Records = "/legality/contracts?level=部门合同" },
            new("legality.contracts_filed_by_kind", c.FiledByKind.Values.Sum(), p.FiledByKind.Values.Sum())
            {
                Parts = [.. Enum.GetValues<ContractKind>().Select(k => new MetricPart(MetricDimensions.Kind, k.ToString(), LegalityNames.Of(k), c.FiledByKind.GetValueOrDefault(k), p.FiledByKind.GetValueOrDefault(k)))],
            },
            new("legality.contract_breaches", c.Breaches, p.Breaches),
            new("legality.decisions_listed", c.Listed, p.Listed) { Records = "/legality/decisions" },
            new("legality.decisions_decided", c.Decided, p.Decided),
            new("legality.decisions_published", c.Published, p.Published),
            new("legality.decisions_evaluated", c.Evaluated, p.Evaluated),
            new("legality.advisers", c.Advisers.Values.Sum(), p.Advisers.Values.Sum())
            {
                Parts = [.. Enum.GetValues<AdviserKind>().Select(k => new MetricPart(MetricDimensions.Kind, k.ToString(), LegalityNames.Of(k), c.Advisers.GetValueOrDefault(k), p.Advisers.GetValueOrDefault(k)))],
                Records = "/legality/advisers",
            },
            new("legality.community_advisers", c.CommunityAdvisers, p.CommunityAdvisers) { Records = "/legality/advisers?kind=村（社区）法律顾问" },
            new("legality.community_adviser_firms", c.Firms, p.Firms),
            new("legality.communities", c.Communities, p.Communities),
            new("legality.communities_covered", c.Covered, p.Covered),
            new("legality.community_coverage", Percent.Of(c.Covered, c.Communities), Percent.Of(p.Covered, p.Communities)),
            new("legality.adviser_opinions", c.Opinions, p.Opinions),
            new("legality.litigation_agency", c.Litigation, p.Litigation),
        ]);
    }

    private async Task<Figures> FiguresAsync(string path, DateOnly from, DateOnly to, CancellationToken ct)
    {
        bool In(DateOnly? d) => d >= from && d <= to;
        var under = db.OrgUnits.Where(o => o.Path.StartsWith(path)).Select(o => o.Id);
        var contracts = db.LegContracts().AsNoTracking().Where(c => under.Contains(c.OrgUnitId));
        var govReviewed = await contracts.Where(c => c.Level == ContractLevel.Government)
            .CountAsync(c => db.Matters().Any(m => m.Id == c.ReviewMatterId && m.OpinionIssuedOn >= from && m.OpinionIssuedOn <= to), ct);
        var filed = await contracts.Where(c => c.FiledOn >= from && c.FiledOn <= to).Select(c => new { c.Kind, c.Level }).ToListAsync(ct);
        var breaches = await db.Set<ContractBreach>().AsNoTracking().CountAsync(b => b.On >= from && b.On <= to && contracts.Any(c => c.Id == b.ContractId), ct);
        var decisions = await db.Set<MajorDecision>().AsNoTracking().Where(d => under.Contains(d.OrgUnitId))
            .Select(d => new { d.Year, d.DecidedOn, d.PublishedOn, d.EvaluatedOn }).ToListAsync(ct);
        var engaged = await db.Set<LegalAdviser>().AsNoTracking().Where(a => under.Contains(a.OrgUnitId) && a.ServedFrom <= to && (a.ServedTo == null || a.ServedTo >= to))
            .GroupBy(a => a.Kind).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var coverage = await advisers.CoverageAsync(path, to, ct);
        var work = db.Set<AdviserWork>().AsNoTracking().Where(w => w.On >= from && w.On <= to && under.Contains(w.OrgUnitId));
        return new Figures(govReviewed, filed.Count(x => x.Level == ContractLevel.Department),
            filed.GroupBy(x => x.Kind).ToDictionary(g => g.Key, g => g.Count()), breaches,
            decisions.Count(d => d.Year >= from.Year && d.Year <= to.Year), decisions.Count(d => In(d.DecidedOn)),
            decisions.Count(d => In(d.PublishedOn)), decisions.Count(d => In(d.EvaluatedOn)), engaged.ToDictionary(x => x.Key, x => x.N),
            coverage.Communities, coverage.Covered, await work.CountAsync(w => w.Kind == AdviserWorkKind.Opinion, ct),
            await work.CountAsync(w => w.Kind == AdviserWorkKind.LitigationAgency, ct)) { CommunityAdvisers = coverage.CommunityAdvisers, Firms = coverage.Firms };
    }
}
