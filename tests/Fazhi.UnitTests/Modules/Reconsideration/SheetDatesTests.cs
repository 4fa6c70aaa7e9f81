using Fazhi.Web.Kernel.Sheets;

namespace Fazhi.UnitTests.Modules.Reconsideration;

public sealed class SheetDatesTests
{
    [Theory]
    [InlineData("2024-03-05")]
    [InlineData("2024/3/5")]
    [InlineData("2024.3.5")]
    [InlineData("2024年3月5日")]
    [InlineData(" 2024 年 03 月 05 日 ")]
    [InlineData("45356")]          // the Excel serial of 2024-03-05, typed as text
    public void Accepts_the_ways_ledgers_write_a_date(string cell)
    {
        SheetDates.TryParse(cell, out var d, out var error).ShouldBeTrue(error);
        d.ShouldBe(new DateOnly(2024, 3, 5));
    }

    [Fact]
    public void Accepts_date_cells_and_serial_numbers()
    {
        SheetDates.TryParse(new DateTime(2024, 3, 5), out var a, out _).ShouldBeTrue();
        a.ShouldBe(new DateOnly(2024, 3, 5));
        SheetDates.TryParse(45356d, out var b, out _).ShouldBeTrue();
        b.ShouldBe(new DateOnly(2024, 3, 5));
        SheetDates.TryParse(45351d, out var leap, out _).ShouldBeTrue();
        leap.ShouldBe(new DateOnly(2024, 2, 29));
    }

    [Theory]
    [InlineData("2024/2/30", "不存在")]
    [InlineData("2023年2月29日", "不存在")]
    [InlineData("明天", "不是日期")]
    [InlineData("12", "不是2000至2100年之间的日期")]
    [InlineData("45356.5", "不是日期")]
    [InlineData("1999-12-31", "不在2000至2100年之间")]
    public void Refuses_what_is_not_a_real_date_and_says_why(string cell, string reason)
    {
        SheetDates.TryParse(cell, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain(reason);
    }

    [Fact]
    public void An_empty_cell_is_no_date_and_no_error()
    {
        SheetDates.TryParse(null, out _, out var e1).ShouldBeFalse();
        e1.ShouldBeNull();
        SheetDates.TryParse("  ", out _, out var e2).ShouldBeFalse();
        e2.ShouldBeNull();
    }
}
