using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Modules.Reconsideration.Domain;

namespace Fazhi.Web.Modules.Reconsideration.Rules;

/// <summary>
/// Timers that outcomes set (行政复议法2023, docs/statutes/xingzheng-fuyi.md):
/// <list type="bullet">
/// <item>第四十一条第五项: "依照本法第三十九条第一款第一项、第二项、第四项的规定中止行政复议满六十日，行政复议中止的原因仍未消除" →
/// 终止. Natural days from the day after the 中止 (民事诉讼法第八十五条); due on the 60th day, after which 终止 is to be decided.</item>
/// <item>第六十四条 (撤销或者部分撤销, 责令 "在一定期限内重新作出行政行为") and 第六十六条 (责令 "在一定期限内履行"): the period the
/// decision sets, counted in natural days from the day after the decision is served (or, until it is, from the decision).</item>
/// </list>
/// </summary>
public static class OutcomeTimers
{
    public const string SuspensionToTermination = "suspension-60";
    public const string RespondentPeriod = "respondent-period";

    /// <summary>The items of 第三十九条第一款 that turn into 终止 after 60 days.</summary>
    public static readonly IReadOnlyList<int> TerminatingItems = [1, 2, 4];

    /// <summary>第三十九条第一款 items as staff choose them (the number is what the timer reads).</summary>
    public static readonly IReadOnlyList<string> Article39Items =
    [
        "（一）作为申请人的公民死亡，其近亲属尚未确定是否参加行政复议",
        "（二）作为申请人的公民丧失参加行政复议的行为能力，尚未确定法定代理人参加行政复议",
        "（三）作为申请人的公民下落不明",
        "（四）作为申请人的法人或者其他组织终止，尚未确定权利义务承受人",
        "（五）申请人、被申请人因不可抗力或者其他正当理由，不能参加行政复议",
        "（六）依照本法规定进行调解、和解，申请人和被申请人同意中止",
        "（七）行政复议案件涉及的法律适用问题需要有权机关作出解释或者确认",
        "（八）行政复议案件审理需要以其他案件的审理结果为依据，而其他案件尚未审结",
        "（九）有本法第五十六条或者第五十七条规定的情形",
        "（十）需要中止行政复议的其他情形",
    ];

    /// <summary>"（四）作为申请人的法人…" → 4; null when the text is not one of the items.</summary>
    public static int? ItemOf(string? ground)
    {
        if (string.IsNullOrWhiteSpace(ground))
            return null;
        for (var i = 0; i < Article39Items.Count; i++)
            if (ground.StartsWith(Article39Items[i][..4], StringComparison.Ordinal))
                return i + 1;
        return null;
    }

    public static IEnumerable<DeadlineSpec> Compute(ReconCase c, HolidayCalendar calendar)
    {
        if (c.Suspensions.FirstOrDefault(s => s.To is null && s.Article39Item is { } item && TerminatingItems.Contains(item)) is { } open
            && c.Status == CaseStatus.Suspended)
        {
            var due = calendar.NaturalPeriodEnd(open.From, 60, provisional: true);
            yield return new DeadlineSpec(SuspensionToTermination, "中止满六十日应终止", due, DeadlineStatus.Open,
                $"依第三十九条第一款第{ChineseNumber(open.Article39Item!.Value)}项自{HolidayFile.Iso(open.From)}中止，满六十日（至{HolidayFile.Iso(due)}）中止原因仍未消除的，应当决定终止行政复议（第四十一条第五项）");
        }
        if (c.RespondentPeriodDays is { } days && c.DecisionType is { } type && DecisionRules.SetsPeriod(type) && (c.ServedOn ?? c.ClosedOn) is { } from)
        {
            var due = calendar.NaturalPeriodEnd(from, days, provisional: true);
            var what = type == DecisionType.OrderPerformance ? "履行法定职责（第六十六条）" : "重新作出行政行为（第六十四条）";
            yield return new DeadlineSpec(RespondentPeriod, type == DecisionType.OrderPerformance ? "被申请人限期履行" : "被申请人重新作出", due,
                c.Performance is null ? DeadlineStatus.Open : DeadlineStatus.Completed,
                $"决定责令被申请人在{days}日内{what}，自{HolidayFile.Iso(from)}{(c.ServedOn is null ? "作出决定" : "送达")}之次日起计算，至{HolidayFile.Iso(due)}");
        }
    }

    private static string ChineseNumber(int n) => n switch { 1 => "一", 2 => "二", 4 => "四", _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
