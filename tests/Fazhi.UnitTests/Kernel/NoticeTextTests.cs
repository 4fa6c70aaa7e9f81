using Fazhi.Web.Kernel.Calendar;

namespace Fazhi.UnitTests.Kernel;

public sealed class NoticeTextTests
{
    [Fact]
    public void Parses_rest_periods_and_make_up_days()
    {
        var errors = new Dictionary<string, List<string>>();
        var year = NoticeText.Parse(2027, " 通知 ", "国办发明电〔2026〕9号", null,
            "元旦 2027-01-01 2027-01-03\n春节 2027-2-5 至 2027-2-13\n清明节 2027-04-05", "2027-02-14 春节\n", errors);
        errors.ShouldBeEmpty();
        year.Notice.ShouldBe("通知");
        year.Holidays.Count.ShouldBe(3);
        year.Holidays[1].From.ShouldBe(new DateOnly(2027, 2, 5));
        year.Holidays[2].To.ShouldBe(new DateOnly(2027, 4, 5));
        year.Workdays.Single().Date.ShouldBe(new DateOnly(2027, 2, 14));
    }

    [Fact]
    public void Names_the_line_of_each_mistake()
    {
        var errors = new Dictionary<string, List<string>>();
        NoticeText.Parse(2027, "通知", null, null,
            "元旦 2027-01-01 2027-01-03\n春节 2027/02/05\n国庆节 2027-10-07 2027-10-01",
            "2027-02-15 春节\n2026-10-10 国庆节\n2027-01-02 元旦", errors);
        errors["holidays"].ShouldContain(m => m.Contains("第2行"));
        errors["holidays"].ShouldContain(m => m.Contains("第3行") && m.Contains("早于"));
        errors["workdays"].ShouldContain(m => m.Contains("第1行") && m.Contains("不是周六或周日")); // 2027-02-15 is a Monday
        errors["workdays"].ShouldContain(m => m.Contains("第2行") && m.Contains("不在2027年"));
        errors["workdays"].ShouldContain(m => m.Contains("第3行") && m.Contains("放假期间"));
    }

    [Fact]
    public void Refuses_a_year_without_any_holiday()
    {
        var errors = new Dictionary<string, List<string>>();
        NoticeText.Parse(2027, "通知", null, null, "", "", errors);
        errors.ShouldContainKey("holidays");
    }
}
