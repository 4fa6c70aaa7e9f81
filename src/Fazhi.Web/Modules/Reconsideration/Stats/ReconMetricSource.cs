using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Modules.Reconsideration.Domain;

namespace Fazhi.Web.Modules.Reconsideration.Stats;

/// <summary>
/// 行政复议 and 行政应诉 figures (DOMAIN §2.1, §2.2) through the metric contract. The stats endpoint and page read
/// <see cref="AnswerAsync"/>, the metrics endpoint <see cref="GetAsync"/>: one computation, one cache entry.
/// </summary>
public sealed class ReconMetricSource(ReconStats stats, MetricCache cache, ICurrentUser user) : IMetricSource
{
    private const string Cases = "件", Times = "次", Pct = "%";

    public string Module => "recon";

    public string TablePrefix => "recon_";

    public string ReadPermission => ReconPermissions.CaseView;

    public IReadOnlyList<MetricDefinition> Definitions { get; } =
    [
        new("recon.received", "收到申请", Cases, "期间内收到的行政复议申请"),
        new("recon.accepted", "受理", Cases, "期间内受理（含视为受理）的申请"),
        new("recon.rejected", "不予受理", Cases, "期间内决定不予受理的申请"),
        new("recon.concluded", "办结", Cases, "已受理案件在期间内以决定、调解书或终止结案，不论何年收到（不予受理、告知其他途径不是办结）"),
        new("recon.carried_over", "其中以前年度结转", Cases, "办结案件中在期间起始年度以前收到的"),
        new("recon.decisions", "复议决定", Cases, "期间内办结的案件中作出决定的，按决定类型") { Dimensions = [MetricDimensions.Category] },
        new("recon.terminated", "终止", Cases, "期间内以终止结案的案件"),
        new("recon.mediated_or_withdrawn", "调解和解撤回", Cases, "期间内以调解、和解或撤回结案的案件"),
        new("recon.mediation_rate", "调撤率", Pct, "以调解、和解或撤回结案的案件 ÷ 办结", Rollup.Ratio)
            { Numerator = "recon.mediated_or_withdrawn", Denominator = "recon.concluded" },
        new("recon.merits", "实体决定", Cases, "期间内办结案件中的复议决定（维持、驳回、变更、撤销、确认违法、责令履行、确认无效等）"),
        new("recon.corrected", "纠错", Cases, "决定变更、撤销、确认违法、责令履行、确认无效的案件"),
        new("recon.correction_rate", "纠错率", Pct, "决定变更、撤销、确认违法、责令履行、确认无效 ÷ 实体决定", Rollup.Ratio)
            { Numerator = "recon.corrected", Denominator = "recon.merits" },
        new("recon.on_time", "按期办结", Cases, "在复议决定期限内办结的案件"),
        new("recon.on_time_rate", "按期办结率", Pct, "在复议决定期限内办结 ÷ 办结", Rollup.Ratio)
            { Numerator = "recon.on_time", Denominator = "recon.concluded" },
        new("recon.quick_contacted", "1小时内联系", Cases, "期间内收到、收到后1小时内联系当事人的申请"),
        new("recon.quick_contact_rate", "1小时速联快调率", Pct, "收到后1小时内联系当事人 ÷ 收到", Rollup.Ratio)
            { Numerator = "recon.quick_contacted", Denominator = "recon.received" },
        new("recon.hearings", "听证会", Times, "期间内举行的听证会"),
        new("recon.opinions_heard", "听取意见", Times, "期间内听取当事人意见的次数"),
        new("recon.opinion_letters", "意见书/建议书", Cases, "期间内制发的行政复议意见书、建议书"),
        new("recon.litigation.cases", "行政应诉案件", Cases, "期间内立案的以本级及下级机关为被告的行政诉讼案件"),
        new("recon.litigation.after_reconsideration", "其中复议后起诉", Cases, "应诉案件中经行政复议后起诉的"),
        new("recon.litigation.judged", "应诉判决", Cases, "期间内审结并判决的应诉案件（撤诉、调解不计）"),
        new("recon.litigation.lost", "败诉", Cases, "期间内判决败诉的应诉案件"),
        new("recon.litigation.lost_rate", "败诉率", Pct, "败诉 ÷ 判决", Rollup.Ratio)
            { Numerator = "recon.litigation.lost", Denominator = "recon.litigation.judged" },
        new("recon.litigation.hearings", "应诉开庭", Times, "期间内开庭并记录负责人是否出庭的应诉案件"),
        new("recon.litigation.head_appeared", "负责人出庭", Times, "其中行政机关负责人出庭应诉的"),
        new("recon.litigation.head_appearance_rate", "负责人出庭应诉率", Pct, "负责人出庭应诉 ÷ 开庭", Rollup.Ratio)
            { Numerator = "recon.litigation.head_appeared", Denominator = "recon.litigation.hearings" },
    ];

    /// <summary>The stats answer (both periods), cached per caller scope, unit and period until the module's next write.
    /// The computation is shared by concurrent callers, so it runs to its end whatever one caller's token says.</summary>
    public Task<ReconStatsAnswer> AnswerAsync(string? orgCode, Period period) =>
        cache.GetOrComputeAsync(TablePrefix, user, $"stats|{orgCode?.Trim()}|{period}", () => stats.ComputeAsync(orgCode, period, CancellationToken.None));

    public async Task<MetricSet> GetAsync(string? orgCode, Period period, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var a = await AnswerAsync(orgCode, period);
        var (c, p) = (a.Current, a.Previous);
        var values = new List<MetricValue>
        {
            V("recon.received", c.Received, p.Received),
            V("recon.accepted", c.Accepted, p.Accepted),
            V("recon.rejected", c.Rejected, p.Rejected),
            V("recon.concluded", c.Concluded, p.Concluded),
            V("recon.carried_over", c.CarriedOver, p.CarriedOver),
            new("recon.decisions", c.Decisions.Values.Sum(), p.Decisions.Values.Sum())
            {
                Parts = [.. Enum.GetValues<DecisionType>().Select(t => new MetricPart(MetricDimensions.Category, t.ToString(), ReconNames.Of(t),
                    c.Decisions.GetValueOrDefault(t.ToString()), p.Decisions.GetValueOrDefault(t.ToString())))],
            },
            V("recon.terminated", c.Terminated, p.Terminated),
            V("recon.mediated_or_withdrawn", c.MediatedOrWithdrawn, p.MediatedOrWithdrawn),
            new("recon.mediation_rate", c.MediationRate, p.MediationRate),
            V("recon.merits", c.Merits, p.Merits),
            V("recon.corrected", c.Corrected, p.Corrected),
            new("recon.correction_rate", c.CorrectionRate, p.CorrectionRate),
            V("recon.on_time", c.OnTime, p.OnTime),
            new("recon.on_time_rate", c.OnTimeRate, p.OnTimeRate),
            V("recon.quick_contacted", c.QuickContacted, p.QuickContacted),
            new("recon.quick_contact_rate", c.QuickContactRate, p.QuickContactRate),
            V("recon.hearings", c.Hearings, p.Hearings),
            V("recon.opinions_heard", c.OpinionsHeard, p.OpinionsHeard),
            V("recon.opinion_letters", c.OpinionLetters, p.OpinionLetters),
            V("recon.litigation.cases", c.Litigation.Cases, p.Litigation.Cases),
            V("recon.litigation.after_reconsideration", c.Litigation.AfterReconsideration, p.Litigation.AfterReconsideration),
            V("recon.litigation.judged", c.Litigation.Judged, p.Litigation.Judged),
            V("recon.litigation.lost", c.Litigation.Lost, p.Litigation.Lost),
            new("recon.litigation.lost_rate", c.Litigation.LostRate, p.Litigation.LostRate),
            V("recon.litigation.hearings", c.Litigation.Hearings, p.Litigation.Hearings),
            V("recon.litigation.head_appeared", c.Litigation.HeadAppeared, p.Litigation.HeadAppeared),
            new("recon.litigation.head_appearance_rate", c.Litigation.HeadAppearanceRate, p.Litigation.HeadAppearanceRate),
        };
        return new MetricSet(a.Org, a.OrgName, period, period.SamePeriodLastYear(), values);
    }

    private static MetricValue V(string key, int now, int before) => new(key, now, before);
}
