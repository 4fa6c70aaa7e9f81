using Fazhi.Web.Kernel.Calendar;

namespace Fazhi.UnitTests.Kernel;

/// <summary>The shipped schedules (holidays-cn.json) and the counting rules, around 春节 and 国庆 with their 调休 days.</summary>
public sealed class HolidayCalendarTests
{
    private static readonly HolidayCalendar Calendar = new(HolidayFile.LoadEmbedded());

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Ships_every_year_from_2020_to_2026_with_its_notice()
    {
        Calendar.KnownYears.ShouldBe([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
        Calendar.Years.ShouldAllBe(y => y.Notice.StartsWith("国务院办公厅关于", StringComparison.Ordinal) && y.DocumentNumber!.StartsWith("国办发明电", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_make_up_working_day_is_a_weekend_day_outside_the_rest_periods()
    {
        foreach (var year in Calendar.Years)
            foreach (var day in year.Workdays)
            {
                day.Date.DayOfWeek.ShouldBeOneOf(DayOfWeek.Saturday, DayOfWeek.Sunday);
                year.Holidays.ShouldNotContain(h => h.From <= day.Date && day.Date <= h.To);
            }
    }

    [Theory]
    // 2024 春节: rest 02-10…02-17, make-up Sundays 02-04 and 02-18; 除夕 02-09 (Friday) is a working day that year.
    [InlineData("2024-02-04", true, "春节")]
    [InlineData("2024-02-09", true, null)]
    [InlineData("2024-02-10", false, "春节")]
    [InlineData("2024-02-17", false, "春节")]
    [InlineData("2024-02-18", true, "春节")]
    [InlineData("2024-02-19", true, null)]
    // 2024 国庆: rest 10-01…10-07, make-up 09-29 (Sunday) and 10-12 (Saturday).
    [InlineData("2024-09-29", true, "国庆节")]
    [InlineData("2024-10-01", false, "国庆节")]
    [InlineData("2024-10-07", false, "国庆节")]
    [InlineData("2024-10-12", true, "国庆节")]
    [InlineData("2024-10-13", false, null)]
    // 2025 (国务院令第795号): 除夕 is a holiday; 春节 01-28…02-04, make-up 01-26 and 02-08.
    [InlineData("2025-01-26", true, "春节")]
    [InlineData("2025-01-28", false, "春节")]
    [InlineData("2025-02-04", false, "春节")]
    [InlineData("2025-02-08", true, "春节")]
    // 2026: nine-day 春节 02-15…02-23 with make-up Saturdays 02-14 and 02-28.
    [InlineData("2026-02-14", true, "春节")]
    [InlineData("2026-02-23", false, "春节")]
    [InlineData("2026-02-28", true, "春节")]
    // 2020: 春节 extended to 02-02 by 国办发明电〔2020〕1号, which cancelled the 02-01 make-up Saturday.
    [InlineData("2020-02-01", false, "春节")]
    [InlineData("2020-02-03", true, null)]
    // 2023 元旦 began on 2022-12-31.
    [InlineData("2022-12-31", false, "元旦")]
    [InlineData("2023-01-02", false, "元旦")]
    // Leap day 2024 is an ordinary Thursday.
    [InlineData("2024-02-29", true, null)]
    public void Describes_days_as_the_notices_say(string date, bool working, string? name)
    {
        var day = Calendar.Describe(D(date));
        day.IsWorkingDay.ShouldBe(working);
        day.Name.ShouldBe(name);
    }

    [Theory]
    [InlineData("2024-03-01", 1, "2024-03-04")]  // Friday + 1 → Monday
    [InlineData("2024-02-08", 5, "2024-02-21")]  // across 春节, counting the 02-18 make-up Sunday
    [InlineData("2024-09-27", 5, "2024-10-10")]  // across 国庆, counting the 09-29 make-up Sunday
    [InlineData("2025-09-30", 3, "2025-10-11")]  // 国庆中秋 10-01…10-08; 10-11 is a make-up Saturday
    [InlineData("2024-02-09", 0, "2024-02-09")]
    [InlineData("2024-02-10", 1, "2024-02-18")]  // counting starts the day after, even from a holiday
    public void Adds_working_days_from_the_day_after(string from, int days, string expected) =>
        Calendar.AddWorkingDays(D(from), days).ShouldBe(D(expected));

    [Fact]
    public void Working_days_between_agrees_with_adding_them() =>
        Calendar.WorkingDaysBetween(D("2024-09-27"), D("2024-10-10")).ShouldBe(5);

    [Fact]
    public void Natural_days_include_holidays_and_the_leap_day() =>
        HolidayCalendar.AddNaturalDays(D("2024-01-30"), 30).ShouldBe(D("2024-02-29"));

    [Theory]
    [InlineData("2024-09-01", 30, "2024-10-08")]  // ends 10-01 (国庆) → first working day after the holiday
    [InlineData("2024-09-13", 1, "2024-09-14")]   // ends on 09-14, a make-up Saturday: a working day, no extension
    [InlineData("2024-03-01", 15, "2024-03-18")]  // ends Saturday 03-16 → Monday 03-18
    [InlineData("2024-03-01", 4, "2024-03-05")]   // ends on a Tuesday: unchanged
    public void A_natural_period_ending_on_a_rest_day_ends_on_the_next_working_day(string from, int days, string expected) =>
        Calendar.NaturalPeriodEnd(D(from), days).ShouldBe(D(expected));

    [Fact]
    public void A_date_in_an_unknown_year_is_refused_naming_the_known_years()
    {
        var e = Should.Throw<CalendarYearUnknownException>(() => Calendar.IsWorkingDay(D("2019-12-31")));
        e.Message.ShouldContain("2020、2021、2022、2023、2024、2025、2026");
        Should.Throw<CalendarYearUnknownException>(() => Calendar.AddWorkingDays(D("2026-12-28"), 10));
    }

    [Fact]
    public void A_year_entered_later_extends_the_calendar()
    {
        var y2027 = new HolidayYear(2027, "国务院办公厅关于2027年部分节假日安排的通知", null, null, null,
            [new HolidayPeriod("元旦", D("2027-01-01"), D("2027-01-03"))], []);
        var extended = new HolidayCalendar([.. HolidayFile.LoadEmbedded(), y2027]);
        extended.AddWorkingDays(D("2026-12-31"), 1).ShouldBe(D("2027-01-04"));
    }
}
