using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Modules.Reconsideration.Domain;

namespace Fazhi.Web.Modules.Reconsideration.Rules;

/// <summary>
/// 行政诉讼法 (2017) 第六十七条: the defendant files its evidence, basis and defence "应当在收到起诉状副本之日起十五日内";
/// 第一百零一条 sends periods to 民事诉讼法 (第八十五条: counted from the next day; a last day that is a rest day moves to
/// the next working day). Natural days, unlike the 行政复议法's short working-day periods.
/// </summary>
public static class LitigationDeadlines
{
    public const string Answer = "answer";

    public static IReadOnlyList<DeadlineSpec> Compute(LitigationCase c, HolidayCalendar calendar)
    {
        var appeal = LitigationRules.AppealPeriod(c, calendar); // recon-rules (issue 15 §5): 上诉期, 行政诉讼法第八十五条
        if (c.ComplaintServedOn is not { } served)
            return appeal is null ? [] : [appeal];
        var plain = HolidayCalendar.AddNaturalDays(served, 15);
        var due = calendar.NaturalPeriodEnd(served, 15, provisional: true);
        var why = $"自{HolidayFile.Iso(served)}收到起诉状副本之次日起15日（行政诉讼法第六十七条），至{HolidayFile.Iso(plain)}" +
                  (due == plain ? "" : $"，该日为休息日，顺延至{HolidayFile.Iso(due)}（民事诉讼法第八十五条）");
        var answer = new DeadlineSpec(Answer, "提交答辩状", due, c.AnswerFiledOn is not null || c.Outcome is not null ? DeadlineStatus.Completed : DeadlineStatus.Open, why);
        return appeal is null ? [answer] : [answer, appeal];
    }
}
