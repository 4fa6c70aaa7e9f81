using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;

namespace Fazhi.Web.Modules.Mediation.Stats;

/// <summary>人民调解 figures through the metric contract; the stats endpoint and the dashboard read <see cref="AnswerAsync"/>.</summary>
public sealed class MediationMetricSource(MediationStats stats, MetricCache cache, ICurrentUser user, TimeProvider clock) : IMetricSource
{
    private const string Cases = "件", Times = "次", Pct = "%", Yuan = "元", Items = "条";

    public string Module => "mediation";

    public string TablePrefix => "med_";

    public string ReadPermission => MediationPermissions.DisputeView;

    public IReadOnlyList<MetricDefinition> Definitions { get; } =
    [
        new("mediation.received", "受理纠纷", Cases, "期间内登记受理的矛盾纠纷，按类别、来源") { Dimensions = [MetricDimensions.Category, MetricDimensions.Kind] },
        new("mediation.concluded", "调结", Cases, "期间内以调解成功、调解不成或终止结束的纠纷"),
        new("mediation.succeeded", "调解成功", Cases, "期间内调解成功（达成协议）的纠纷"),
        new("mediation.success_rate", "调解成功率", Pct, "调解成功 ÷ 调结", Rollup.Ratio) { Numerator = "mediation.succeeded", Denominator = "mediation.concluded" },
        new("mediation.amount", "涉及金额", Yuan, "期间内调解成功纠纷的涉及金额"),
        new("mediation.written", "书面协议", Cases, "期间内达成的书面调解协议"),
        new("mediation.oral", "口头协议", Cases, "期间内达成的口头调解协议"),
        new("mediation.confirmation_applied", "申请司法确认", Cases, "期间内双方共同申请司法确认的协议"),
        new("mediation.confirmed", "司法确认", Cases, "期间内法院裁定调解协议有效的"),
        new("mediation.screenings", "纠纷排查", Times, "期间内开展的矛盾纠纷排查（零报告不计）"),
        new("mediation.found", "排查发现纠纷", Cases, "期间内排查发现的纠纷"),
        new("mediation.prevented", "预防纠纷", Cases, "期间内排查中预防的纠纷"),
        new("mediation.point_reports", "说事点上报信息", Items, "期间内百姓评理说事点上报的信息"),
        new("mediation.point_resolved", "说事点化解纠纷", Cases, "期间内说事点上报信息中就地化解的"),
        new("mediation.point_education", "说事点法治宣传", Times, "期间内说事点开展的法治宣传"),
    ];

    public Task<MediationStatsAnswer> AnswerAsync(string? orgCode, Period period) =>
        cache.GetOrComputeAsync(TablePrefix, user, $"stats|{orgCode?.Trim()}|{period}",
            () => stats.ComputeAsync(orgCode, period, DateOnly.FromDateTime(ChinaTime.Now(clock)), CancellationToken.None));

    public async Task<MetricSet> GetAsync(string? orgCode, Period period, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var a = await AnswerAsync(orgCode, period);
        var (c, p) = (a.Current, a.Previous);
        var values = new List<MetricValue>
        {
            new("mediation.received", c.Received, p.Received)
            {
                Parts = [.. c.ByCategory.Keys.Union(p.ByCategory.Keys).Select(k => new MetricPart(MetricDimensions.Category, k, k, c.ByCategory.GetValueOrDefault(k), p.ByCategory.GetValueOrDefault(k))),
                    .. c.BySource.Keys.Union(p.BySource.Keys).Select(k => new MetricPart(MetricDimensions.Kind, k, k, c.BySource.GetValueOrDefault(k), p.BySource.GetValueOrDefault(k)))],
            },
            new("mediation.concluded", c.Concluded, p.Concluded),
            new("mediation.succeeded", c.Succeeded, p.Succeeded),
            new("mediation.success_rate", c.SuccessRate, p.SuccessRate),
            new("mediation.amount", c.Amount, p.Amount),
            new("mediation.written", c.Written, p.Written),
            new("mediation.oral", c.Oral, p.Oral),
            new("mediation.confirmation_applied", c.ConfirmationApplied, p.ConfirmationApplied),
            new("mediation.confirmed", c.Confirmed, p.Confirmed),
            new("mediation.screenings", c.Screenings, p.Screenings),
            new("mediation.found", c.Found, p.Found),
            new("mediation.prevented", c.Prevented, p.Prevented),
            new("mediation.point_reports", c.PointReports, p.PointReports),
            new("mediation.point_resolved", c.PointResolved, p.PointResolved),
            new("mediation.point_education", c.PointEducation, p.PointEducation),
        };
        return new MetricSet(a.Org, a.OrgName, period, period.SamePeriodLastYear(), values);
    }
}
