using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.UnitTests.Kernel;

/// <summary>上年同期, 同比 and percentages: one rule each, around leap years and period boundaries.</summary>
public sealed class PeriodTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static Period P(string from, string to) => new(D(from), D(to));

    [Theory]
    // A period ending 29 February: last year's ends 28 February.
    [InlineData("2024-01-01", "2024-02-29", "2023-01-01", "2023-02-28")]
    [InlineData("2024-02-01", "2024-02-29", "2023-02-01", "2023-02-28")]
    // A whole February after a leap year stays whole: 28 February (its last day) maps to 29 February.
    [InlineData("2025-02-01", "2025-02-28", "2024-02-01", "2024-02-29")]
    [InlineData("2025-01-01", "2025-02-28", "2024-01-01", "2024-02-29")]
    // A day inside a month is the same day.
    [InlineData("2025-02-01", "2025-02-27", "2024-02-01", "2024-02-27")]
    [InlineData("2024-02-28", "2024-02-28", "2023-02-28", "2023-02-28")]
    // Starting on 29 February: the start moves to 28 February (so a one-day period stays one day).
    [InlineData("2024-02-29", "2024-02-29", "2023-02-28", "2023-02-28")]
    [InlineData("2024-02-29", "2024-03-31", "2023-02-28", "2023-03-31")]
    // Whole months, quarters, half-years and years.
    [InlineData("2024-01-01", "2024-12-31", "2023-01-01", "2023-12-31")]
    [InlineData("2024-04-01", "2024-06-30", "2023-04-01", "2023-06-30")]
    [InlineData("2024-07-01", "2024-12-31", "2023-07-01", "2023-12-31")]
    // Across a year's end.
    [InlineData("2024-12-15", "2025-01-15", "2023-12-15", "2024-01-15")]
    public void The_same_period_last_year(string from, string to, string prevFrom, string prevTo) =>
        P(from, to).SamePeriodLastYear().ShouldBe(P(prevFrom, prevTo));

    [Fact]
    public void Period_days_count_both_ends()
    {
        P("2024-02-01", "2024-02-29").Days.ShouldBe(29);
        P("2023-02-01", "2023-02-28").Days.ShouldBe(28);
        P("2024-02-29", "2024-02-29").Contains(D("2024-02-29")).ShouldBeTrue();
        P("2024-01-01", "2024-02-28").Contains(D("2024-02-29")).ShouldBeFalse();
    }

    [Fact]
    public void A_period_out_of_range_is_refused_naming_the_field()
    {
        Should.Throw<FazhiValidationException>(() => Period.Parse(D("1999-12-31"), D("2000-01-10"))).Errors.Keys.ShouldBe(["from"]);
        Should.Throw<FazhiValidationException>(() => Period.Parse(D("2024-01-01"), D("9999-12-31"))).Errors.Keys.ShouldContain("to");
        Should.Throw<FazhiValidationException>(() => Period.Parse(D("2024-02-01"), D("2024-01-31"))).Errors.Keys.ShouldBe(["to"]);
        Should.Throw<FazhiValidationException>(() => Period.Parse(null, D("2024-01-31"))).Errors.Keys.ShouldBe(["from"]);
        Should.Throw<FazhiValidationException>(() => Period.Parse(D("2010-01-01"), D("2024-01-31"))).Errors["to"][0].ShouldContain("5年");
        Period.Parse(D("2024-01-01"), D("2024-02-29")).ShouldBe(P("2024-01-01", "2024-02-29"));
    }

    [Fact]
    public void Percentages_round_half_away_from_zero_to_two_decimals()
    {
        Percent.Of(7, 23).ShouldBe(30.43m);
        Percent.Of(1, 8).ShouldBe(12.5m);
        Percent.Of(1, 3).ShouldBe(33.33m);
        Percent.Of(2, 3).ShouldBe(66.67m);
        Percent.Of(1, 400).ShouldBe(0.25m);
        Percent.Of(1, 800).ShouldBe(0.13m); // 0.125 → 0.13, not to even
        Percent.Of(0, 0).ShouldBeNull();
        Percent.Mean([90m, 85.5m, 77.25m]).ShouldBe(84.25m);
        Percent.Mean([1m, 1m, 1.005m]).ShouldBe(1m);
        Percent.Mean([]).ShouldBeNull();
    }

    [Fact]
    public void Year_on_year_change()
    {
        Percent.Change(120, 100).ShouldBe(20m);
        Percent.Change(80, 120).ShouldBe(-33.33m);
        Percent.Change(5, 0).ShouldBeNull();
        Percent.ChangeText(120, 100).ShouldBe("↑ 20%");
        Percent.ChangeText(80, 120).ShouldBe("↓ 33.33%");
        Percent.ChangeText(1, 8).ShouldBe("↓ 87.5%");
        Percent.ChangeText(5, 0).ShouldBe("新增");
        Percent.ChangeText(0, 0).ShouldBe("持平");
        Percent.ChangeText(7, 7).ShouldBe("持平");
        Percent.PointsText(30.43m, 28m, "个百分点").ShouldBe("↑ 2.43个百分点");
        Percent.PointsText(28m, 30.43m, "个百分点").ShouldBe("↓ 2.43个百分点");
        Percent.PointsText(null, 28m, "个百分点").ShouldBe("—");
        Percent.Text(30.43m).ShouldBe("30.43%");
        Percent.Text(null).ShouldBe("—");
    }

    [Fact]
    public void Dates_are_iso_and_today_is_beijing_today()
    {
        Dates.Iso(D("2024-02-29")).ShouldBe("2024-02-29");
        // 2024-02-28 16:30 UTC is 2024-02-29 00:30 in Beijing.
        Dates.Today(new FixedClock(new DateTimeOffset(2024, 2, 28, 16, 30, 0, TimeSpan.Zero))).ShouldBe(D("2024-02-29"));
        Dates.Today(new FixedClock(new DateTimeOffset(2024, 2, 28, 15, 59, 0, TimeSpan.Zero))).ShouldBe(D("2024-02-28"));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
