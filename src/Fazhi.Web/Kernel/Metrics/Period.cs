using System.Globalization;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Kernel.Metrics;

/// <summary>
/// A statistical period (统计期间): whole Beijing calendar days from <see cref="From"/> to <see cref="To"/>, both included.
/// Every figure of every module is computed for a period and for <see cref="SamePeriodLastYear"/> (上年同期, for 同比).
/// </summary>
public readonly record struct Period(DateOnly From, DateOnly To)
{
    /// <summary>The years a period may name: outside them a date is a typing error, and 0001-01-01 a year earlier does not exist.</summary>
    public const int MinYear = 2000, MaxYear = 2100;

    /// <summary>The longest period a figure is computed for.</summary>
    public const int MaxDays = 366 * 5;

    /// <summary>
    /// 上年同期: the same days a year earlier, by one rule. The start moves back a year (29 February → 28 February). The
    /// end moves back a year too, except that a month's last day maps to that month's last day, so a whole-month,
    /// -quarter or -year period stays whole: a period ending 29 February 2024 ends on 28 February 2023, and one
    /// ending 28 February 2025 (February's last day) on 29 February 2024.
    /// </summary>
    public Period SamePeriodLastYear() => new(From.AddYears(-1), PreviousYear(To));

    /// <summary>The end-of-period rule of <see cref="SamePeriodLastYear"/> for one day.</summary>
    public static DateOnly PreviousYear(DateOnly d) =>
        d.AddDays(1).Day == 1 ? new DateOnly(d.Year - 1, d.Month, DateTime.DaysInMonth(d.Year - 1, d.Month)) : d.AddYears(-1);

    public int Days => To.DayNumber - From.DayNumber + 1;

    public bool Contains(DateOnly d) => d >= From && d <= To;

    public string FromIso => Dates.Iso(From);

    public string ToIso => Dates.Iso(To);

    public override string ToString() => $"{FromIso}..{ToIso}";

    /// <summary>From 1 January of today's year to today (本年至今).</summary>
    public static Period YearToDate(DateOnly today) => new(new DateOnly(today.Year, 1, 1), today);

    /// <summary>
    /// Checks the query parameters of a figures request and returns the period, or throws a 400 naming the field.
    /// </summary>
    public static Period Parse(DateOnly? from, DateOnly? to)
    {
        var errors = new Dictionary<string, string[]>();
        if (from is null) errors["from"] = ["请提供统计起始日期 from（YYYY-MM-DD）"];
        if (to is null) errors["to"] = ["请提供统计截止日期 to（YYYY-MM-DD）"];
        if (from > to) errors["to"] = ["截止日期不能早于起始日期"];
        if (from is { } f && to is { } t && t.DayNumber - f.DayNumber + 1 > MaxDays) errors["to"] = ["统计区间不能超过5年"];
        if (from is { Year: < MinYear or > MaxYear }) errors["from"] = [$"统计起始日期应在{MinYear}至{MaxYear}年之间"];
        if (to is { Year: < MinYear or > MaxYear }) errors["to"] = [$"统计截止日期应在{MinYear}至{MaxYear}年之间"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        return new Period(from!.Value, to!.Value);
    }
}

/// <summary>Dates as the platform writes them.</summary>
public static class Dates
{
    /// <summary>yyyy-MM-dd, the API's and the forms' format.</summary>
    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Today in Beijing (UTC+8), from the injected clock.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ChinaTime.Now(clock));
}

/// <summary>
/// Percentages and 同比, rounded one way everywhere: to two decimals, half away from zero (7 of 23 → 30.43).
/// A rate is always recomputed from its summed parts, never averaged from other rates.
/// </summary>
public static class Percent
{
    public const int Decimals = 2;

    public static decimal Round(decimal value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);

    /// <summary>part ÷ whole as a percentage; null when the whole is zero.</summary>
    public static decimal? Of(long part, long whole) => whole == 0 ? null : Round(part * 100m / whole);

    /// <summary>part ÷ whole as a percentage; null when the whole is zero.</summary>
    public static decimal? Of(decimal part, decimal whole) => whole == 0 ? null : Round(part * 100m / whole);

    /// <summary>A mean rounded the same way (e.g. 评查平均分); null for none.</summary>
    public static decimal? Mean(IReadOnlyCollection<decimal> values) => values.Count == 0 ? null : Round(values.Sum() / values.Count);

    /// <summary>同比: the change against the same period last year in percent of last year; null when last year is 0.</summary>
    public static decimal? Change(decimal now, decimal before) => before == 0 ? null : Round((now - before) * 100m / before);

    /// <summary>同比 as staff read it: "↑ 12.5%", "↓ 3%", "持平", or "新增" (nothing in the same period last year: no ratio, and the card already shows the 0).</summary>
    public static string ChangeText(decimal now, decimal before) =>
        before == 0 ? (now == 0 ? "持平" : "新增") : now == before ? "持平"
        : $"{(now > before ? "↑" : "↓")} {Math.Abs(Change(now, before)!.Value).ToString("0.##", CultureInfo.InvariantCulture)}%";

    /// <summary>The change of a rate or a score, in points (个百分点, 分), not in percent of itself; "—" when either is missing.</summary>
    public static string PointsText(decimal? now, decimal? before, string pointName) =>
        now is null || before is null ? "—" : now == before ? "持平"
        : $"{(now > before ? "↑" : "↓")} {Math.Abs(Round(now.Value - before.Value)).ToString("0.##", CultureInfo.InvariantCulture)}{pointName}";

    /// <summary>A percentage as shown: "30.43%", or "—" when there is none.</summary>
    public static string Text(decimal? rate) => rate is null ? "—" : rate.Value.ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
