using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Timers;

namespace Fazhi.UnitTests.Kernel;

/// <summary>The one deadline-state rule (正常 / 即将到期 / 已逾期) across 调休 weekends and holidays.</summary>
public sealed class DeadlineStateTests
{
    private static readonly HolidayCalendar Calendar = new(HolidayFile.LoadEmbedded());

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // An ordinary week: due Friday 2024-03-15; three working days before it is Tuesday 03-12.
    [InlineData("2024-03-15", "2024-03-11", 3, DeadlineState.Normal)]
    [InlineData("2024-03-15", "2024-03-12", 3, DeadlineState.DueSoon)]
    [InlineData("2024-03-15", "2024-03-15", 3, DeadlineState.DueSoon)]
    [InlineData("2024-03-15", "2024-03-16", 3, DeadlineState.Overdue)]
    // Over a weekend: due Tuesday 03-19; Thursday 03-14 is 3 working days out (Fri, Mon, Tue): due soon. Wednesday not.
    [InlineData("2024-03-19", "2024-03-13", 3, DeadlineState.Normal)]
    [InlineData("2024-03-19", "2024-03-14", 3, DeadlineState.DueSoon)]
    // Over 国庆 2024 (rest 10-01…10-07; make-up Sunday 09-29; Monday 09-30 works): due Wednesday 10-09. Three working
    // days back are 10-08, 09-30 and the make-up Sunday 09-29, so 即将到期 starts that Sunday, ten calendar days out;
    // Friday 09-27 and the rest-day Saturday 09-28 are still 正常.
    [InlineData("2024-10-09", "2024-09-27", 3, DeadlineState.Normal)]
    [InlineData("2024-10-09", "2024-09-28", 3, DeadlineState.Normal)]
    [InlineData("2024-10-09", "2024-09-29", 3, DeadlineState.DueSoon)]
    [InlineData("2024-10-09", "2024-10-03", 3, DeadlineState.DueSoon)]
    [InlineData("2024-10-10", "2024-10-09", 0, DeadlineState.Normal)]
    [InlineData("2024-10-10", "2024-10-10", 0, DeadlineState.DueSoon)]
    // After 春节 2024 (rest 02-10…02-17, make-up Sunday 02-18): due Monday 02-19 with a 1-working-day window is 即将到期
    // on the make-up Sunday only; Saturday 02-17, two calendar days out, is still 正常.
    [InlineData("2024-02-19", "2024-02-16", 1, DeadlineState.Normal)]
    [InlineData("2024-02-19", "2024-02-17", 1, DeadlineState.Normal)]
    [InlineData("2024-02-19", "2024-02-18", 1, DeadlineState.DueSoon)]
    public void States_count_working_days(string due, string today, int n, DeadlineState expected) =>
        Deadlines.StateOf(D(due), D(today), Calendar, n).ShouldBe(expected);

    [Fact]
    public void The_timers_warn_on_day_is_the_first_due_soon_day_for_every_deadline_of_two_years()
    {
        // The job marks a timer 即将到期 from its stored WarnOn; pages ask StateOf. Both must agree, day by day.
        foreach (var n in new[] { 0, 1, 3, 5 })
            for (var due = D("2024-01-20"); due <= D("2025-12-20"); due = due.AddDays(1))
            {
                var warnOn = Deadlines.WarnOn(due, Calendar, n);
                for (var today = due.AddDays(-25); today <= due.AddDays(1); today = today.AddDays(1))
                {
                    var state = Deadlines.StateOf(due, today, Calendar, n);
                    var expected = today > due ? DeadlineState.Overdue : today >= warnOn ? DeadlineState.DueSoon : DeadlineState.Normal;
                    if (state != expected)
                        throw new ShouldAssertException($"n={n} due={due:yyyy-MM-dd} today={today:yyyy-MM-dd}: {state} but WarnOn {warnOn:yyyy-MM-dd} says {expected}");
                }
            }
    }

    [Fact]
    public void A_changed_holiday_changes_the_state()
    {
        // A notice that makes Monday 03-11 … Wednesday 03-13 of 2024 rest days moves 即将到期 of a Friday 03-15
        // deadline from Tuesday 03-12 back to Thursday 03-07.
        var year = HolidayFile.LoadEmbedded().Single(y => y.Year == 2024);
        var moved = new HolidayCalendar([year with { Holidays = [.. year.Holidays, new HolidayPeriod("测试假", D("2024-03-11"), D("2024-03-13"))] }]);
        Deadlines.StateOf(D("2024-03-15"), D("2024-03-07"), Calendar, 3).ShouldBe(DeadlineState.Normal);
        Deadlines.WarnOn(D("2024-03-15"), moved, 3).ShouldBe(D("2024-03-07"));
        Deadlines.StateOf(D("2024-03-15"), D("2024-03-07"), moved, 3).ShouldBe(DeadlineState.DueSoon);
        Deadlines.StateOf(D("2024-03-15"), D("2024-03-06"), moved, 3).ShouldBe(DeadlineState.Normal);
    }

    [Fact]
    public void Names_are_the_platforms_words()
    {
        DeadlineState.Normal.ChineseName().ShouldBe("正常");
        DeadlineState.DueSoon.ChineseName().ShouldBe("即将到期");
        DeadlineState.Overdue.ChineseName().ShouldBe("已逾期");
    }

    [Fact]
    public void Backoff_doubles_from_one_minute_and_is_capped()
    {
        TimerJob.Backoff(1).ShouldBe(TimeSpan.FromMinutes(1));
        TimerJob.Backoff(2).ShouldBe(TimeSpan.FromMinutes(2));
        TimerJob.Backoff(3).ShouldBe(TimeSpan.FromMinutes(4));
        TimerJob.Backoff(7).ShouldBe(TimeSpan.FromMinutes(60)); // 64 capped at the hour
        TimerJob.Backoff(500).ShouldBe(TimerJob.MaxBackoff);
    }
}
