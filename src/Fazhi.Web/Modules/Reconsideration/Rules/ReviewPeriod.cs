using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;

namespace Fazhi.Web.Modules.Reconsideration.Rules;

/// <summary>
/// 行政复议法2023第三十条 (docs/statutes/xingzheng-fuyi.md): "应当在五日内进行审查" (working days, 第八十八条);
/// "对不符合前款规定的行政复议申请，行政复议机关应当在审查期限内决定不予受理"; "审查期限届满，行政复议机关未作出不予受理决定的，
/// 审查期限届满之日起视为受理". 第三十一条第一款: the 补正 notice "应当自收到申请之日起五日内书面通知申请人"; after a supply
/// the review under 第三十条 starts afresh (第三十一条第三款). So once the review period has run out, the case was accepted on its
/// last day by law: 受理 cannot be recorded later, and neither 不予受理 nor a 补正 notice can be issued.
/// </summary>
public static class ReviewPeriod
{
    public static DateOnly LastDay(ReconCase c, HolidayCalendar calendar) =>
        calendar.AddWorkingDays(c.CorrectionSuppliedOn ?? c.ReceivedOn, 5, provisional: true);

    private static string Start(ReconCase c) => c.CorrectionSuppliedOn is { } s
        ? $"自{HolidayFile.Iso(s)}收到补正材料之次日起5个工作日" : $"自{HolidayFile.Iso(c.ReceivedOn)}收到申请之次日起5个工作日";

    /// <summary>受理 on <paramref name="on"/>: refused after the last day (the case was deemed accepted that day).</summary>
    public static void EnsureAcceptInTime(ReconCase c, DateOnly on, HolidayCalendar calendar)
    {
        var last = LastDay(c, calendar);
        if (on > last)
            throw FazhiValidationException.For("on",
                $"受理日期不能晚于审查期限届满之日：{Start(c)}，至{HolidayFile.Iso(last)}；期满未作出不予受理决定的，自该日起视为受理（行政复议法第三十条第三款），请将受理日期记为{HolidayFile.Iso(last)}。");
    }

    /// <summary>不予受理 on <paramref name="on"/>: only within the review period (第三十条第二款).</summary>
    public static void EnsureRejectInTime(ReconCase c, DateOnly on, HolidayCalendar calendar)
    {
        var last = LastDay(c, calendar);
        if (on > last)
            throw FazhiValidationException.For("on",
                $"不予受理决定应当在审查期限内作出（行政复议法第三十条第二款）：{Start(c)}，至{HolidayFile.Iso(last)}已届满，本案自该日起视为受理（第三十条第三款）；受理后发现不符合受理条件的，应当决定驳回申请（第三十三条）。");
    }

    /// <summary>补正通知 on <paramref name="on"/>: within 5 working days of receipt or of the last supply (第三十一条第一款).</summary>
    public static void EnsureCorrectionInTime(ReconCase c, DateOnly on, HolidayCalendar calendar)
    {
        var last = LastDay(c, calendar);
        if (on > last)
            throw FazhiValidationException.For("on",
                $"补正通知应当自收到申请之日起五日内书面通知申请人（行政复议法第三十一条第一款）：{Start(c)}，至{HolidayFile.Iso(last)}已届满，本案自该日起视为受理（第三十条第三款）。");
    }
}
