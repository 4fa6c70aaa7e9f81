using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;

namespace Fazhi.Web.Modules.Enforcement.Stats;

/// <summary>
/// 行政执法监督 figures (DOMAIN §2.3) through the metric contract. The stats endpoint and pages read
/// <see cref="AnswerAsync"/>, the metrics endpoint <see cref="GetAsync"/>: one computation, one cache entry.
/// </summary>
public sealed class EnforcementMetricSource(EnforcementStats stats, MetricCache cache, ICurrentUser user) : IMetricSource
{
    private const string Records = "件", People = "人", Times = "人次", Pct = "%";
    private static readonly string[] ByKindDepartmentMonth = [MetricDimensions.Kind, MetricDimensions.Department, MetricDimensions.Month];

    public string Module => "enforcement";

    public string TablePrefix => "enf_";

    public string ReadPermission => EnforcementPermissions.StatsView;

    public IReadOnlyList<MetricDefinition> Definitions { get; } =
    [
        new("enforcement.records", "执法行为合计", Records, "部门报送的执法记录，按决定日期计，无决定日期的按立案（检查）日期计") { Dimensions = ByKindDepartmentMonth },
        new("enforcement.inspections", "行政检查", Records, "期间内的行政检查记录（按检查日期）") { Dimensions = [MetricDimensions.Department, MetricDimensions.Month] },
        new("enforcement.penalties", "行政处罚", Records, "期间内作出决定的行政处罚") { Dimensions = [MetricDimensions.Department, MetricDimensions.Month] },
        new("enforcement.coercions", "行政强制", Records, "期间内的行政强制措施") { Dimensions = [MetricDimensions.Department, MetricDimensions.Month] },
        new("enforcement.others", "其他执法行为", Records, "期间内的许可等其他执法行为") { Dimensions = [MetricDimensions.Department, MetricDimensions.Month] },
        new("enforcement.lenient", "不罚轻罚", Records, "期间内决定不予处罚、从轻或减轻处罚的案件"),
        new("enforcement.amount", "罚没金额", "元", "期间内决定的罚没金额合计"),
        new("enforcement.warnings.raised", "预警下发", Records, "期间内自动下发的预警（按下发日期），按规则") { Dimensions = [MetricDimensions.Category] },
        new("enforcement.warnings.closed", "预警销号", Records, "期间内销号的预警，按规则") { Dimensions = [MetricDimensions.Category] },
        new("enforcement.warnings.overdue", "逾期未处理", Records, "期间内下发、至今未销号且已过当前环节期限的预警，按规则") { Dimensions = [MetricDimensions.Category] },
        new("enforcement.files_reviewed", "评查案卷", Records, "期间内完成评分的抽查案卷"),
        new("enforcement.average_score", "评查平均分", "分", "期间内评查案卷得分之和 ÷ 评查案卷数", Rollup.Mean) { Denominator = "enforcement.files_reviewed" },
        new("enforcement.certificates.held_at_start", "期初持证", People, "期间第一天持有有效执法证的人员") { Time = MetricTime.PointInTime, OnDay = "from" },
        new("enforcement.certificates.kept", "期内保持有效", People, "期初持证且期间内未被注销或撤销的人员"),
        new("enforcement.certificates.revoked", "注销或撤销", People, "期间内执法证被注销或撤销的人员"),
        new("enforcement.certificates.new", "新领证", People, "期间内新领取执法证的人员"),
        new("enforcement.certificates.held_at_end", "期末持证", People, "期间最后一天持有有效执法证的人员") { Time = MetricTime.PointInTime, OnDay = "to" },
        new("enforcement.training.trained", "参加培训人数", People, "期间所在年度有培训学时、期间内持证的人员"),
        new("enforcement.training.hours", "培训学时", "学时", "上述人员期间所在年度的培训学时合计"),
        new("enforcement.training.examined", "参加考试人次", Times, "期间所在年度参加执法资格考试的人次"),
        new("enforcement.training.passed", "考试通过人次", Times, "其中通过的人次"),
        new("enforcement.training.pass_rate", "考试通过率", Pct, "考试通过人次 ÷ 参加考试人次", Rollup.Ratio)
            { Numerator = "enforcement.training.passed", Denominator = "enforcement.training.examined" },
        new("enforcement.plans.planned", "计划检查", "户次", "期间所涉月份涉企检查计划中的计划检查户次"),
        new("enforcement.plans.actual", "实际涉企检查", "户次", "期间内对企业的行政检查"),
        new("enforcement.plans.joint", "联合检查", "次", "期间所涉月份确认的联合检查（进一次门、查多项事）"),
        new("enforcement.plans.visits_saved", "减少入企次数", "次", "联合检查减少的入企次数（参加部门数 − 1 之和）"),
    ];

    /// <summary>The stats answer (both periods), cached per caller scope, unit and period until the module's next write.
    /// The computation is shared by concurrent callers, so it runs to its end whatever one caller's token says.</summary>
    public Task<EnforcementStatsAnswer> AnswerAsync(string? orgCode, Period period) =>
        cache.GetOrComputeAsync(TablePrefix, user, $"stats|{orgCode?.Trim()}|{period}", () => stats.ComputeAsync(orgCode, period, CancellationToken.None));

    public async Task<MetricSet> GetAsync(string? orgCode, Period period, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var a = await AnswerAsync(orgCode, period);
        var (c, p) = (a.Current, a.Previous);
        var list = $"/enforcement/records?org={Uri.EscapeDataString(a.Org)}&from={period.FromIso}&to={period.ToIso}";
        var values = new List<MetricValue>
        {
            new("enforcement.records", c.Records.Total, p.Records.Total)
            {
                Records = list,
                Parts =
                [
                    new(MetricDimensions.Kind, "检查", "行政检查", c.Records.Inspections, p.Records.Inspections),
                    new(MetricDimensions.Kind, "处罚", "行政处罚", c.Records.Penalties, p.Records.Penalties),
                    new(MetricDimensions.Kind, "强制", "行政强制", c.Records.Coercions, p.Records.Coercions),
                    new(MetricDimensions.Kind, "其他", "其他执法行为", c.Records.Others, p.Records.Others),
                    .. Departments(a, k => k.Total),
                    .. Months(a, k => k.Total),
                ],
            },
            Kind("enforcement.inspections", "检查", a, k => k.Inspections, list),
            Kind("enforcement.penalties", "处罚", a, k => k.Penalties, list),
            Kind("enforcement.coercions", "强制", a, k => k.Coercions, list),
            Kind("enforcement.others", "其他", a, k => k.Others, list),
            new("enforcement.lenient", c.Records.Lenient, p.Records.Lenient) { Records = list + "&lenient=true" },
            new("enforcement.amount", c.Records.Amount, p.Records.Amount),
            new("enforcement.warnings.raised", c.WarningsRaised, p.WarningsRaised) { Parts = Rules(a, r => r.Raised) },
            new("enforcement.warnings.closed", c.WarningsClosed, p.WarningsClosed) { Parts = Rules(a, r => r.Closed) },
            new("enforcement.warnings.overdue", c.WarningsOverdue, p.WarningsOverdue) { Parts = Rules(a, r => r.Overdue) },
            new("enforcement.files_reviewed", c.FilesReviewed, p.FilesReviewed),
            new("enforcement.average_score", c.AverageScore, p.AverageScore),
            new("enforcement.certificates.held_at_start", c.Certificates.HeldAtStart, p.Certificates.HeldAtStart),
            new("enforcement.certificates.kept", c.Certificates.Kept, p.Certificates.Kept),
            new("enforcement.certificates.revoked", c.Certificates.Revoked, p.Certificates.Revoked),
            new("enforcement.certificates.new", c.Certificates.New, p.Certificates.New),
            new("enforcement.certificates.held_at_end", c.Certificates.HeldAtEnd, p.Certificates.HeldAtEnd),
            new("enforcement.training.trained", c.Certificates.Trained, p.Certificates.Trained),
            new("enforcement.training.hours", c.Certificates.TrainingHours, p.Certificates.TrainingHours),
            new("enforcement.training.examined", c.Certificates.Examined, p.Certificates.Examined),
            new("enforcement.training.passed", c.Certificates.Passed, p.Certificates.Passed),
            new("enforcement.training.pass_rate", c.Certificates.PassRate, p.Certificates.PassRate),
            new("enforcement.plans.planned", c.Plans.PlannedVisits, p.Plans.PlannedVisits),
            new("enforcement.plans.actual", c.Plans.ActualVisits, p.Plans.ActualVisits),
            new("enforcement.plans.joint", c.Plans.JointInspections, p.Plans.JointInspections),
            new("enforcement.plans.visits_saved", c.Plans.VisitsSaved, p.Plans.VisitsSaved),
        };
        return new MetricSet(a.Org, a.OrgName, period, period.SamePeriodLastYear(), values);
    }

    private static MetricValue Kind(string key, string kind, EnforcementStatsAnswer a, Func<KindCounts, int> pick, string list) =>
        new(key, pick(a.Current.Records), pick(a.Previous.Records))
        {
            Records = $"{list}&kind={Uri.EscapeDataString(kind)}",
            Parts = [.. Departments(a, pick), .. Months(a, pick)],
        };

    /// <summary>Departments of either period; the same period last year's months are the months a year earlier.</summary>
    private static IEnumerable<MetricPart> Departments(EnforcementStatsAnswer a, Func<KindCounts, int> pick) =>
        a.Current.ByDepartment.Select(d => (d.Code, d.Name)).Concat(a.Previous.ByDepartment.Select(d => (d.Code, d.Name))).Distinct()
            .Select(d => new MetricPart(MetricDimensions.Department, d.Code, d.Name,
                a.Current.ByDepartment.FirstOrDefault(x => x.Code == d.Code)?.Counts is { } now ? pick(now) : 0,
                a.Previous.ByDepartment.FirstOrDefault(x => x.Code == d.Code)?.Counts is { } before ? pick(before) : 0));

    private static IEnumerable<MetricPart> Months(EnforcementStatsAnswer a, Func<KindCounts, int> pick) =>
        a.Current.ByMonth.Select(m => new MetricPart(MetricDimensions.Month, m.Month, m.Month, pick(m.Counts),
            a.Previous.ByMonth.FirstOrDefault(x => x.Month == LastYear(m.Month))?.Counts is { } before ? pick(before) : 0));

    private static string LastYear(string yyyyMm) => $"{int.Parse(yyyyMm[..4], System.Globalization.CultureInfo.InvariantCulture) - 1}{yyyyMm[4..]}";

    private static IReadOnlyList<MetricPart> Rules(EnforcementStatsAnswer a, Func<RuleFigures, int> pick) =>
        [.. a.Current.ByRule.Select(r => new MetricPart(MetricDimensions.Category, r.Code, r.Name, pick(r),
            a.Previous.ByRule.FirstOrDefault(x => x.Code == r.Code) is { } before ? pick(before) : 0))];
}
