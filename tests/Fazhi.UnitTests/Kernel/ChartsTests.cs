using Fazhi.Web.Kernel.Web;

namespace Fazhi.UnitTests.Kernel;

public sealed class ChartsTests
{
    [Theory]
    [InlineData(1, 4)]
    [InlineData(4, 4)]
    [InlineData(5, 8)]
    [InlineData(34, 40)]
    [InlineData(43, 80)]
    [InlineData(11, 20)]
    [InlineData(90, 100)]
    [InlineData(100, 100)]
    [InlineData(101, 200)]
    [InlineData(999, 1000)]
    public void The_axis_maximum_is_round_divisible_into_four_and_not_below_the_largest_value(int max, int expected)
    {
        Charts.NiceCeiling(max).ShouldBe(expected);
        (expected % 4).ShouldBe(0);
    }

    [Fact]
    public void Months_within_one_year_are_labelled_by_month_and_compared_with_the_month_a_year_earlier()
    {
        var asked = new List<DateOnly>();
        var columns = Charts.Months(new DateOnly(2024, 1, 15), new DateOnly(2024, 3, 1), m => m.Month * 10, m => { asked.Add(m); return 1; });
        columns.Select(c => c.Label).ShouldBe(["1月", "2月", "3月"]);
        columns.Select(c => c.Current).ShouldBe([10, 20, 30]);
        asked.ShouldBe([new DateOnly(2023, 1, 1), new DateOnly(2023, 2, 1), new DateOnly(2023, 3, 1)]);
        columns[1].Tooltip.ShouldBe("2024年2月 20（上年同期 1）");
    }

    [Fact]
    public void Months_across_years_carry_the_year_and_labels_thin_out_beyond_twelve()
    {
        var chart = new ColumnChart("c", "t", Charts.Months(new DateOnly(2023, 11, 1), new DateOnly(2025, 2, 28), _ => 0, _ => 0));
        chart.Columns.Count.ShouldBe(16);
        chart.Columns[0].Label.ShouldBe("23-11");
        chart.LabelEvery.ShouldBe(2);
    }

    [Fact]
    public void Bars_scale_to_the_largest_of_this_period_and_last_year()
    {
        var chart = new BarChart("b", "t", [new ChartSeries("检查", "#000"), new ChartSeries("处罚", "#111")],
            [new BarRow("甲", [30, 10], 20), new BarRow("乙", [5, 0], 80)]);
        chart.Max.ShouldBe(80);
        chart.Width(80).ShouldBe(BarChart.BarWidth);
        chart.Rows[0].Total.ShouldBe(40);
    }
}
