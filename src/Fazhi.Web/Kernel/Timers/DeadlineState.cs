using Fazhi.Web.Kernel.Calendar;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Kernel.Timers;

/// <summary>期限状态: how an open deadline stands on a given day. The one answer for pages, lists, figures and jobs.</summary>
public enum DeadlineState
{
    /// <summary>正常</summary>
    Normal,
    /// <summary>即将到期: the last day is at most N working days away (or is today).</summary>
    DueSoon,
    /// <summary>已逾期: the last day has passed.</summary>
    Overdue,
}

/// <summary>Settings of the deadline states (configuration section <c>Deadlines</c>).</summary>
public sealed class DeadlineOptions
{
    /// <summary>即将到期 starts this many working days before the last day.</summary>
    public int DueSoonWorkingDays { get; set; } = 3;
}

/// <summary>
/// The deadline-state rule, pure: a deadline is 已逾期 from the day after its last day; 即将到期 when its last day is
/// no later than the N-th working day after today (so, counted in working days, at most N remain; weekends,
/// holidays and 调休 as the calendar has them); 正常 otherwise. <see cref="WarnOn"/> gives the first 即将到期 day of a
/// deadline, which the timer rows store so that the job and SQL filters use the same rule.
/// </summary>
public static class Deadlines
{
    public static DeadlineState StateOf(DateOnly dueOn, DateOnly today, HolidayCalendar calendar, int dueSoonWorkingDays) =>
        IsOverdue(dueOn, today) ? DeadlineState.Overdue
        : dueOn <= DueSoonHorizon(today, calendar, dueSoonWorkingDays) ? DeadlineState.DueSoon
        : DeadlineState.Normal;

    /// <summary>已逾期 needs no calendar: from the day after the last day (for SQL: <c>DueOn &lt; today</c>).</summary>
    public static bool IsOverdue(DateOnly dueOn, DateOnly today) => today > dueOn;

    /// <summary>The latest last day that is 即将到期 on <paramref name="today"/>: the N-th working day after it (for SQL:
    /// <c>today &lt;= DueOn &lt;= horizon</c>).</summary>
    public static DateOnly DueSoonHorizon(DateOnly today, HolidayCalendar calendar, int dueSoonWorkingDays) =>
        calendar.AddWorkingDays(today, dueSoonWorkingDays, provisional: true);

    /// <summary>The first day on which a deadline ending on <paramref name="dueOn"/> is 即将到期: the N-th working day
    /// before it (before the first loaded year, that day itself: warn early rather than refuse).</summary>
    public static DateOnly WarnOn(DateOnly dueOn, HolidayCalendar calendar, int dueSoonWorkingDays) =>
        calendar.SubtractWorkingDays(dueOn, dueSoonWorkingDays);

    public static string ChineseName(this DeadlineState state) => state switch
    {
        DeadlineState.DueSoon => "即将到期",
        DeadlineState.Overdue => "已逾期",
        _ => "正常",
    };

    /// <summary>The CSS tag of the state (the same colours everywhere).</summary>
    public static string Tag(this DeadlineState state) => state switch
    {
        DeadlineState.DueSoon => "tag-warn",
        DeadlineState.Overdue => "tag-danger",
        _ => "tag-info",
    };
}

/// <summary><see cref="Deadlines"/> with today's calendar and the configured N, for pages and services.</summary>
public sealed class DeadlinePolicy(CalendarService calendar, IOptions<DeadlineOptions> options)
{
    public int DueSoonWorkingDays => Math.Max(0, options.Value.DueSoonWorkingDays);

    public DeadlineState StateOf(DateOnly dueOn, DateOnly today) => Deadlines.StateOf(dueOn, today, calendar.Current, DueSoonWorkingDays);

    public DateOnly DueSoonHorizon(DateOnly today) => Deadlines.DueSoonHorizon(today, calendar.Current, DueSoonWorkingDays);

    public DateOnly WarnOn(DateOnly dueOn) => Deadlines.WarnOn(dueOn, calendar.Current, DueSoonWorkingDays);
}
