using Fazhi.Web.Kernel.Calendar;

namespace Fazhi.Web.Modules.Reconsideration.Rules;

/// <summary>
/// 申请期限 (行政复议法2023第二十条第一款): "可以自知道或者应当知道该行政行为之日起六十日内提出行政复议申请；但是法律规定的
/// 申请期限超过六十日的除外" — natural days counted under 民事诉讼法第八十五条 (from the next day; a last day that is a rest
/// day moves to the next working day). Time lost to force majeure is added back (第二款), so a late application is flagged
/// for the reviewer, not refused by the system.
/// </summary>
public static class ApplicationPeriod
{
    public sealed record Result(DateOnly LastDay, bool InTime, string Explanation);

    public static Result? Check(DateOnly? learnedOn, DateOnly receivedOn, HolidayCalendar calendar)
    {
        if (learnedOn is not { } learned)
            return null;
        var last = calendar.NaturalPeriodEnd(learned, 60, provisional: true);
        var inTime = receivedOn <= last;
        var days = receivedOn.DayNumber - last.DayNumber;
        return new Result(last, inTime,
            $"自{HolidayFile.Iso(learned)}知道该行政行为之次日起60日（第二十条），至{HolidayFile.Iso(last)}；" +
            (inTime ? "申请在期限内" : $"收到申请时已超过{days}日，请审查是否有正当理由（不可抗力等耽误的时间不计入）或法律规定的更长期限"));
    }
}
