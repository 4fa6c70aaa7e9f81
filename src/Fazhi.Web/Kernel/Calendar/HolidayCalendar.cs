using System.Collections.Frozen;

namespace Fazhi.Web.Kernel.Calendar;

/// <summary>One year's schedule as a 国务院办公厅 notice publishes it: rest periods and 调休 make-up working days.</summary>
public sealed record HolidayYear(
    int Year,
    string Notice,
    string? DocumentNumber,
    DateOnly? Published,
    string? AmendedBy,
    IReadOnlyList<HolidayPeriod> Holidays,
    IReadOnlyList<MakeUpWorkday> Workdays);

/// <summary>放假: an inclusive range of rest days, e.g. 国庆节 10-01 … 10-07.</summary>
public sealed record HolidayPeriod(string Name, DateOnly From, DateOnly To);

/// <summary>调休上班: a Saturday or Sunday that is a working day.</summary>
public sealed record MakeUpWorkday(DateOnly Date, string Name);

/// <summary>Thrown for a date in a year whose notice is not loaded: the answer would be a guess.</summary>
public sealed class CalendarYearUnknownException(DateOnly date, IReadOnlyCollection<int> knownYears)
    : Exception($"{date:yyyy-MM-dd} 所在年度（{date.Year}年）的节假日安排尚未录入；已录入年度：{string.Join("、", knownYears)}。")
{
    public DateOnly Date { get; } = date;
    public IReadOnlyCollection<int> KnownYears { get; } = knownYears;
}

/// <summary>
/// 工作日历: which days are working days under the official schedules. A day is a working day when it is a
/// 调休 make-up day, or a Monday–Friday that no notice declares a rest day. Immutable; rebuilt when a year changes.
/// </summary>
public sealed class HolidayCalendar
{
    private readonly FrozenDictionary<DateOnly, string> _restDays;
    private readonly FrozenDictionary<DateOnly, string> _makeUpDays;

    public HolidayCalendar(IEnumerable<HolidayYear> years)
    {
        var list = years.ToList();
        KnownYears = [.. list.Select(y => y.Year).Distinct().Order()];
        var rest = new Dictionary<DateOnly, string>();
        var work = new Dictionary<DateOnly, string>();
        foreach (var year in list)
        {
            foreach (var period in year.Holidays)
                for (var d = period.From; d <= period.To; d = d.AddDays(1))
                    rest[d] = period.Name;
            foreach (var day in year.Workdays)
                work[day.Date] = day.Name;
        }
        _restDays = rest.ToFrozenDictionary();
        _makeUpDays = work.ToFrozenDictionary();
        Years = list;
    }

    public IReadOnlyList<int> KnownYears { get; }

    public IReadOnlyList<HolidayYear> Years { get; }

    public bool IsKnown(DateOnly date) => KnownYears.Contains(date.Year);

    /// <summary>Is <paramref name="date"/> a working day? Throws for a year that is not loaded, unless
    /// <paramref name="provisional"/>: then a day of an unknown year counts as a working day from Monday to Friday
    /// (deadline rules use this so that a case near the year's end still shows a date, marked provisional and
    /// recomputed when the year's notice is entered).</summary>
    public bool IsWorkingDay(DateOnly date, bool provisional = false) =>
        provisional && !IsKnown(date) ? date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) : Describe(date).IsWorkingDay;

    /// <summary>The day with the reason: the holiday's name for a rest day in a holiday, or for a make-up day.</summary>
    public CalendarDay Describe(DateOnly date)
    {
        EnsureKnown(date);
        if (_makeUpDays.TryGetValue(date, out var makeUp))
            return new CalendarDay(date, true, makeUp, IsMakeUpDay: true);
        if (_restDays.TryGetValue(date, out var holiday))
            return new CalendarDay(date, false, holiday, IsMakeUpDay: false);
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        return new CalendarDay(date, !weekend, null, IsMakeUpDay: false);
    }

    /// <summary>
    /// The date <paramref name="days"/> working days after <paramref name="from"/>. Counting starts the day after
    /// the triggering event (民事诉讼法 art. 85 para. 2), skips weekends and holidays, and counts 调休 days.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int days, bool provisional = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = from;
        var counted = 0;
        while (counted < days)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date, provisional))
                counted++;
        }
        return date;
    }

    /// <summary>The date <paramref name="days"/> working days before <paramref name="to"/> (for early warnings).</summary>
    public DateOnly SubtractWorkingDays(DateOnly to, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = to;
        var counted = 0;
        while (counted < days)
        {
            date = date.AddDays(-1);
            if (!IsKnown(date))
                return date; // before the first loaded year: warn early rather than refuse
            if (IsWorkingDay(date))
                counted++;
        }
        return date;
    }

    /// <summary>Working days strictly after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsWorkingDay(d))
                n++;
        return n;
    }

    /// <summary>The date <paramref name="days"/> natural days after <paramref name="from"/> (the day of the event
    /// not counted; holidays inside the period are not deducted).</summary>
    public static DateOnly AddNaturalDays(DateOnly from, int days) => from.AddDays(days);

    /// <summary>
    /// The last day of a period of <paramref name="days"/> natural days: when it falls on a rest day the period ends
    /// on the first working day after it (民事诉讼法 2023 art. 85 para. 3; 调休 rest days treated the same way).
    /// </summary>
    public DateOnly NaturalPeriodEnd(DateOnly from, int days, bool provisional = false) =>
        FirstWorkingDayOnOrAfter(AddNaturalDays(from, days), provisional);

    public DateOnly FirstWorkingDayOnOrAfter(DateOnly date, bool provisional = false)
    {
        while (!IsWorkingDay(date, provisional))
            date = date.AddDays(1);
        return date;
    }

    private void EnsureKnown(DateOnly date)
    {
        if (!IsKnown(date))
            throw new CalendarYearUnknownException(date, KnownYears);
    }
}

public sealed record CalendarDay(DateOnly Date, bool IsWorkingDay, string? Name, bool IsMakeUpDay);
