using Fazhi.Web.Modules.Enforcement.Features.Warnings;

namespace Fazhi.UnitTests.Modules.Enforcement;

/// <summary>The days around an enterprise's visits that the repeat-inspection rule must see (window 30 days).</summary>
public sealed class EnterpriseSpanTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Visits_far_apart_get_a_span_each_and_close_ones_share_one()
    {
        var spans = EnterpriseSpan.Around(
            [("A", D("2024-01-10")), ("A", D("2024-06-01")), ("A", D("2024-02-05")), ("B", D("2024-03-01"))], 30);
        spans.ShouldBe([
            new EnterpriseSpan("A", D("2023-12-11"), D("2024-03-06")), // 01-10 and 02-05 overlap: one span
            new EnterpriseSpan("A", D("2024-05-02"), D("2024-07-01")),
            new EnterpriseSpan("B", D("2024-01-31"), D("2024-03-31")), // across a leap February
        ]);
    }

    [Fact]
    public void Spans_that_only_touch_are_merged_and_a_day_apart_are_not()
    {
        // 01-01 + 30 = 01-31 and 03-03 − 30 = 02-01: adjacent, merged (to 04-02); 05-04 − 30 = 04-04 leaves 04-03 out.
        var spans = EnterpriseSpan.Around([("A", D("2023-01-01")), ("A", D("2023-03-03")), ("A", D("2023-05-04"))], 30);
        spans.Select(s => (s.From, s.To)).ShouldBe([(D("2022-12-02"), D("2023-04-02")), (D("2023-04-04"), D("2023-06-03"))]);
    }

    [Fact]
    public void The_same_day_twice_is_one_span()
    {
        EnterpriseSpan.Around([("A", D("2024-02-29")), ("A", D("2024-02-29"))], 30)
            .ShouldHaveSingleItem().ShouldBe(new EnterpriseSpan("A", D("2024-01-30"), D("2024-03-30")));
    }
}
