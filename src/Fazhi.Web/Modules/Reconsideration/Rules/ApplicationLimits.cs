using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Modules.Reconsideration.Domain;

namespace Fazhi.Web.Modules.Reconsideration.Rules;

/// <summary>
/// The outer limits of an application (行政复议法2023, text in docs/statutes/xingzheng-fuyi.md):
/// <list type="bullet">
/// <item>第二十一条: "因不动产提出的行政复议申请自行政行为作出之日起超过二十年，其他行政复议申请自行政行为作出之日起超过五年的，
/// 行政复议机关不予受理" — absolute; the system refuses 受理 past it.</item>
/// <item>第二十条第三款: when the agency did not tell the applicant of the right, the 复议机关 or the period, the 60 days run from
/// learning of those, "但是自知道或者应当知道行政行为内容之日起最长不得超过一年" — a warning (time lost to force majeure,
/// 第二十条第二款, is the reviewer's call).</item>
/// </list>
/// Years are counted from the day after the act (民事诉讼法第八十五条, through 第八十八条): the last day is the same calendar
/// day N years on (29 February → 28 February), moved to the next working day when it is a rest day.
/// </summary>
public static class ApplicationLimits
{
    /// <summary>The last day on which an application against an act of <paramref name="actDate"/> may be received (第二十一条).</summary>
    public static DateOnly AbsoluteLastDay(DateOnly actDate, bool realProperty, HolidayCalendar calendar) =>
        calendar.FirstWorkingDayOnOrAfter(actDate.AddYears(realProperty ? 20 : 5), provisional: true);

    /// <summary>第二十一条 exceeded: the message names the article; null when within it or the act date is unknown.</summary>
    public static string? AbsoluteLimitExceeded(DateOnly? actDate, bool realProperty, DateOnly receivedOn, HolidayCalendar calendar)
    {
        if (actDate is not { } act)
            return null;
        var last = AbsoluteLastDay(act, realProperty, calendar);
        return receivedOn <= last ? null
            : $"行政行为作出于{HolidayFile.Iso(act)}，{(realProperty ? "因不动产提出的申请自作出之日起超过二十年" : "自作出之日起超过五年")}（至{HolidayFile.Iso(last)}），" +
              "依照行政复议法第二十一条，行政复议机关不予受理";
    }

    /// <summary>第二十条第三款: the last day when the applicant was not told of the right; the 1-year cap from learning of the act.</summary>
    public static (DateOnly LastDay, string Explanation)? NotToldPeriod(DateOnly? learnedOn, DateOnly? rightLearnedOn, HolidayCalendar calendar)
    {
        if (learnedOn is not { } learned)
            return null;
        var cap = calendar.FirstWorkingDayOnOrAfter(learned.AddYears(1), provisional: true);
        if (rightLearnedOn is not { } right)
            return (cap, $"行政机关未告知申请行政复议的权利、行政复议机关和申请期限，申请期限自知道上述事项之日起计算（第二十条第三款），" +
                         $"知道之日未录入；自{HolidayFile.Iso(learned)}知道行政行为内容之日起最长不超过一年，至{HolidayFile.Iso(cap)}");
        var sixty = calendar.NaturalPeriodEnd(right, 60, provisional: true);
        var last = sixty < cap ? sixty : cap;
        return (last, $"行政机关未告知申请行政复议的权利、行政复议机关和申请期限，自{HolidayFile.Iso(right)}知道上述事项之次日起60日（第二十条第三款）" +
                      (sixty <= cap ? $"，至{HolidayFile.Iso(last)}" : $"，但自{HolidayFile.Iso(learned)}知道行政行为内容之日起最长不超过一年，至{HolidayFile.Iso(cap)}"));
    }

    /// <summary>The whole check shown on the case page: 第二十一条 first (absolute), then 第二十条 (first or third paragraph).</summary>
    public static ApplicationPeriod.Result? Check(ReconCase c, HolidayCalendar calendar)
    {
        if (AbsoluteLimitExceeded(c.ActDate, c.RealProperty, c.ReceivedOn, calendar) is { } refused)
            return new ApplicationPeriod.Result(AbsoluteLastDay(c.ActDate!.Value, c.RealProperty, calendar), false, refused);
        if (!c.NotToldOfRight)
            return ApplicationPeriod.Check(c.LearnedOn, c.ReceivedOn, calendar);
        if (NotToldPeriod(c.LearnedOn, c.RightLearnedOn, calendar) is not { } p)
            return null;
        var inTime = c.ReceivedOn <= p.LastDay;
        return new ApplicationPeriod.Result(p.LastDay, inTime, p.Explanation + "；" + (inTime ? "申请在期限内"
            : $"收到申请时已超过{c.ReceivedOn.DayNumber - p.LastDay.DayNumber}日，请审查是否有正当理由（第二十条第二款）"));
    }
}
