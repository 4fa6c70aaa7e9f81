using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Modules.LegalAid.Domain;

namespace Fazhi.Web.Modules.LegalAid.Stats;

/// <summary>法律援助 figures (DOMAIN §2.7) through the metric contract; the stats endpoint and page read <see cref="AnswerAsync"/>.</summary>
public sealed class AidMetricSource(AidStats stats, MetricCache cache, ICurrentUser user) : IMetricSource
{
    private const string Cases = "件", Times = "次", Pct = "%", Yuan = "元", People = "人", Places = "个", Points = "分";

    public string Module => "legalaid";

    public string TablePrefix => "aid_";

    public string ReadPermission => LegalAidPermissions.CaseView;

    public IReadOnlyList<MetricDefinition> Definitions { get; } =
    [
        new("legalaid.applications", "收到申请", Cases, "期间内收到的法律援助申请（不含公检法通知）"),
        new("legalaid.notices", "通知辩护/代理", Cases, "期间内收到的人民法院、人民检察院、公安机关通知"),
        new("legalaid.accepted", "受理法律援助案件", Cases, "期间内决定给予法律援助（含先行提供、通知辩护/代理）的案件，按案件类别") { Dimensions = [MetricDimensions.Category] },
        new("legalaid.refused", "不予法律援助", Cases, "期间内决定不予法律援助的申请"),
        new("legalaid.closed", "结案", Cases, "期间内结案的案件"),
        new("legalaid.recovered", "挽回损失", Yuan, "期间内结案案件为受援人挽回的经济损失"),
        new("legalaid.green_received", "绿色通道申请", Cases, "期间内收到的农民工讨薪、低保户申请"),
        new("legalaid.green_same_day", "当天受理当天指派", Cases, "其中收到当天决定给予并指派的"),
        new("legalaid.green_same_day_rate", "绿色通道当天受理指派率", Pct, "当天受理当天指派 ÷ 绿色通道申请", Rollup.Ratio)
            { Numerator = "legalaid.green_same_day", Denominator = "legalaid.green_received" },
        new("legalaid.callbacks", "满意度回访", Times, "期间内记录的满意度回访"),
        new("legalaid.satisfaction", "平均满意度", Points, "回访满意度（1–5分）之和 ÷ 回访次数", Rollup.Mean) { Denominator = "legalaid.callbacks" },
        new("legalaid.satisfied", "满意", Times, "回访满意度4分及以上"),
        new("legalaid.satisfied_rate", "满意率", Pct, "满意 ÷ 回访", Rollup.Ratio) { Numerator = "legalaid.satisfied", Denominator = "legalaid.callbacks" },
        new("legalaid.consultations", "法律咨询", Times, "期间内登记的来电、来信、来访、网上咨询"),
        new("legalaid.workstations", "法律援助工作站", Places, "期末在用的工作站") { Time = MetricTime.PointInTime, OnDay = "to" },
        new("legalaid.duty_lawyers", "值班律师", People, "在册值班律师（当前）") { Time = MetricTime.PointInTime, OnDay = "to" },
        new("legalaid.files_reviewed", "评查案卷", Cases, "期间内评查的案卷"),
        new("legalaid.file_score", "案卷评查平均分", Points, "期间内评查案卷得分之和 ÷ 评查案卷数", Rollup.Mean) { Denominator = "legalaid.files_reviewed" },
        new("legalaid.hearings", "出庭", Times, "期间内承办人员出庭次数"),
        new("legalaid.subsidy_owed", "应发办案补贴", Yuan, "期间内结案案件按补贴标准应发的办案补贴"),
    ];

    public Task<AidStatsAnswer> AnswerAsync(string? orgCode, Period period) =>
        cache.GetOrComputeAsync(TablePrefix, user, $"stats|{orgCode?.Trim()}|{period}", () => stats.ComputeAsync(orgCode, period, CancellationToken.None));

    public async Task<MetricSet> GetAsync(string? orgCode, Period period, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var a = await AnswerAsync(orgCode, period);
        var (c, p) = (a.Current, a.Previous);
        var values = new List<MetricValue>
        {
            new("legalaid.applications", c.Applications, p.Applications) { Records = "/legal-aid/cases" },
            new("legalaid.notices", c.Notices, p.Notices),
            new("legalaid.accepted", c.Accepted, p.Accepted)
            {
                Parts = [.. Enum.GetValues<AidCaseType>().Select(t => new MetricPart(MetricDimensions.Category, t.ToString(), AidNames.Of(t),
                    c.CasesByType.GetValueOrDefault(t.ToString()), p.CasesByType.GetValueOrDefault(t.ToString())))],
            },
            new("legalaid.refused", c.Refused, p.Refused),
            new("legalaid.closed", c.Closed, p.Closed),
            new("legalaid.recovered", c.Recovered, p.Recovered),
            new("legalaid.green_received", c.GreenReceived, p.GreenReceived),
            new("legalaid.green_same_day", c.GreenSameDay, p.GreenSameDay),
            new("legalaid.green_same_day_rate", c.GreenSameDayRate, p.GreenSameDayRate) { Records = "/legal-aid/cases?queue=green-missed" },
            new("legalaid.callbacks", c.Callbacks, p.Callbacks),
            new("legalaid.satisfaction", c.SatisfactionMean, p.SatisfactionMean),
            new("legalaid.satisfied", c.Satisfied, p.Satisfied),
            new("legalaid.satisfied_rate", c.SatisfiedRate, p.SatisfiedRate),
            new("legalaid.consultations", c.Consultations, p.Consultations) { Records = "/legal-aid/consultations" },
            new("legalaid.workstations", c.Workstations, p.Workstations),
            new("legalaid.duty_lawyers", c.DutyLawyers, p.DutyLawyers),
            new("legalaid.files_reviewed", c.FilesReviewed, p.FilesReviewed),
            new("legalaid.file_score", c.FileScoreMean, p.FileScoreMean),
            new("legalaid.hearings", c.HearingsAttended, p.HearingsAttended),
            new("legalaid.subsidy_owed", c.SubsidyOwed, p.SubsidyOwed),
        };
        return new MetricSet(a.Org, a.OrgName, period, period.SamePeriodLastYear(), values);
    }
}
