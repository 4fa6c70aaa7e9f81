using System.Globalization;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Modules.LegalAid.Domain;

namespace Fazhi.Web.Modules.LegalAid.Rules;

/// <summary>
/// The deadlines of a legal-aid application under 法律援助法 (2022), each citing its article:
/// <list type="bullet">
/// <item>第四十三条: 法律援助机构应当自收到法律援助申请之日起七日内进行审查，作出是否给予法律援助的决定; 决定给予的，应当自作出决定之日起
/// 三日内指派; 材料不齐全的，应当一次性告知申请人需要补充的材料 (the time to supply is left out: the review restarts on supply,
/// <see cref="AidRulesOptions.ExcludeSupplementTime"/>).</item>
/// <item>第三十六条: 人民法院、人民检察院、公安机关通知的，法律援助机构应当在三日内指派律师.</item>
/// </list>
/// Counting: the day of the event is not counted; a calendar-day period ending on a rest day ends on the next working day
/// (民事诉讼法 第八十五条, as DOMAIN §4); working days skip weekends and holidays and count 调休 days.
/// </summary>
public static class AidDeadlines
{
    public const string Review = "review";
    public const string Assign = "assign";

    private const bool Provisional = true;

    public static DateOnly End(DateOnly from, int days, bool workingDays, HolidayCalendar calendar) =>
        workingDays ? calendar.AddWorkingDays(from, days, Provisional) : calendar.NaturalPeriodEnd(from, days, Provisional);

    private static string Unit(AidRulesOptions o) => o.WorkingDays ? "个工作日" : "日（自然日，末日为休息日的顺延至其后第一个工作日）";

    public static IReadOnlyList<DeadlineSpec> Compute(AidCase c, HolidayCalendar calendar, AidRulesOptions o)
    {
        var list = new List<DeadlineSpec>();
        if (c.Channel != AidChannel.Notice)
        {
            var start = o.ExcludeSupplementTime && c.MaterialsSuppliedOn is { } s ? s : c.ReceivedOn;
            var due = End(start, o.ReviewDays, o.WorkingDays, calendar);
            var why = start == c.ReceivedOn
                ? $"自{Iso(start)}收到申请之次日起{o.ReviewDays}{Unit(o)}内审查并作出是否给予法律援助的决定（法律援助法第四十三条），至{Iso(due)}"
                : $"自{Iso(start)}收到补充材料之次日起重新计算{o.ReviewDays}{Unit(o)}（第四十三条；补充材料的时间不计入审查期限），至{Iso(due)}";
            var status = c.Status switch
            {
                AidStatus.Reviewing => DeadlineStatus.Open,
                AidStatus.AwaitingMaterials => o.ExcludeSupplementTime ? DeadlineStatus.Paused : DeadlineStatus.Open,
                _ => DeadlineStatus.Completed,
            };
            list.Add(new DeadlineSpec(Review, "审查决定", due, status, why));
        }
        var from = c.Channel == AidChannel.Notice ? c.ReceivedOn : c.DecidedOn;
        if (from is { } f && c.Status is AidStatus.Granted or AidStatus.Assigned or AidStatus.Closed or AidStatus.Terminated)
        {
            var days = c.Channel == AidChannel.Notice ? o.NoticeAssignDays : o.AssignDays;
            var due = End(f, days, o.WorkingDays, calendar);
            var why = c.Channel == AidChannel.Notice
                ? $"自{Iso(f)}收到{c.NoticeAuthority ?? "办案机关"}通知之次日起{days}{Unit(o)}内指派律师（法律援助法第三十六条），至{Iso(due)}"
                : $"自{Iso(f)}决定给予法律援助之次日起{days}{Unit(o)}内指派（法律援助法第四十三条），至{Iso(due)}";
            list.Add(new DeadlineSpec(Assign, "指派承办人员", due, c.Status == AidStatus.Granted ? DeadlineStatus.Open : DeadlineStatus.Completed, why));
        }
        return list;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
