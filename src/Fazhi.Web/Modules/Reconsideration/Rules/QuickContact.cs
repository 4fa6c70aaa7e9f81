using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Calendar;

namespace Fazhi.Web.Modules.Reconsideration.Rules;

/// <summary>
/// 1小时速联快调: the 复议机构 contacts the parties within one working hour of receiving an application. The hour is counted
/// in office hours on working days of the 调休 calendar (Reconsideration:OfficeOpens / OfficeCloses, Beijing time, default
/// 09:00–18:00): an application received at 17:50 is due by 09:50 the next working day; one received before opening or on
/// a rest day is due one hour after the next opening. This is a service standard of the 复议机构, not a statutory period.
/// </summary>
public static class QuickContact
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>The latest contact time (UTC) that counts as within the hour.</summary>
    public static DateTime DueUtc(DateTime receivedAtUtc, HolidayCalendar calendar, TimeOnly opens, TimeOnly closes)
    {
        if (closes <= opens)
            throw new ArgumentException("OfficeCloses must be after OfficeOpens.", nameof(closes));
        var local = ChinaTime.ToChina(receivedAtUtc);
        var remaining = Window;
        var day = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        for (var guard = 0; guard < 60; guard++)
        {
            if (calendar.IsWorkingDay(day, provisional: true) && time < closes)
            {
                var start = time < opens ? opens : time;
                var available = closes - start;
                if (available >= remaining)
                    return ChinaTime.StartOfDayUtc(day) + start.ToTimeSpan() + remaining;
                remaining -= available;
            }
            day = day.AddDays(1);
            time = TimeOnly.MinValue;
        }
        return receivedAtUtc + Window; // no working day within 60 days: a calendar without working days, fall back
    }
}
