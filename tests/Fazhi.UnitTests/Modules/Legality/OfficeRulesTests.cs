using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Modules.Legality.Domain.Office;
using Fazhi.Web.Modules.Legality.Rules;

namespace Fazhi.UnitTests.Modules.Legality;

/// <summary>The office's pure rules: quarters at their edges, ranking with ties, scores against the 分值, the 普法 periods,
/// the report publication day, and a task's overdue state the day before, of and after its deadline.</summary>
public sealed class OfficeRulesTests
{
    private static readonly DateTime Now = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("2024-01-01", 1)]
    [InlineData("2024-03-31", 1)]
    [InlineData("2024-04-01", 2)]
    [InlineData("2024-09-30", 3)]
    [InlineData("2024-12-31", 4)]
    public void A_day_falls_in_its_quarter(string day, int quarter) =>
        OfficeRules.QuarterOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(quarter);

    [Fact]
    public void Quarter_ranges_and_the_quarter_before_cross_the_year()
    {
        OfficeRules.QuarterRange(2024, 1).ShouldBe((new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31)));
        OfficeRules.QuarterRange(2024, 4).ShouldBe((new DateOnly(2024, 10, 1), new DateOnly(2024, 12, 31)));
        OfficeRules.PreviousQuarter(2024, 1).ShouldBe((2023, 4));
        OfficeRules.PreviousQuarter(2024, 3).ShouldBe((2024, 2));
    }

    [Fact]
    public void Equal_totals_share_a_rank_and_the_next_rank_skips()
    {
        var ranked = OfficeRules.Rank([(1, "乙局", 93m), (2, "甲局", 93m), (3, "丙街道", 80.5m), (4, "丁街道", 95m)]);
        ranked.Select(r => (r.Rank, r.Name)).ShouldBe([(1, "丁街道"), (2, "乙局"), (2, "甲局"), (4, "丙街道")]);
        OfficeRules.Rank([]).ShouldBeEmpty();
    }

    [Fact]
    public void A_score_lies_between_zero_and_the_indicators_maximum()
    {
        OfficeRules.CheckScore(0, 15).ShouldBeNull();
        OfficeRules.CheckScore(15, 15).ShouldBeNull();
        OfficeRules.CheckScore(15.5m, 15)!.ShouldContain("超过该项分值15");
        OfficeRules.CheckScore(-0.5m, 15).ShouldBe("得分不能为负数");
    }

    [Fact]
    public void The_pufa_periods_are_found_by_date_and_by_name()
    {
        var periods = new OfficeOptions().PufaPeriods;
        OfficeRules.PeriodContaining(periods, new DateOnly(2020, 12, 31))!.Name.ShouldBe("七五");
        OfficeRules.PeriodContaining(periods, new DateOnly(2021, 1, 1))!.Name.ShouldBe("八五");
        OfficeRules.PeriodContaining(periods, new DateOnly(2026, 12, 7))!.Name.ShouldBe("九五");
        OfficeRules.PeriodContaining(periods, new DateOnly(2015, 12, 31)).ShouldBeNull();
        OfficeRules.PeriodNamed(periods, "七五普法")!.Start.ShouldBe(new DateOnly(2016, 1, 1));
        OfficeRules.PeriodNamed(periods, "六五").ShouldBeNull();
    }

    [Fact]
    public void A_report_is_published_by_the_set_day_of_the_next_year() =>
        OfficeRules.PublishDue(2021, new OfficeOptions().ReportPublishBy).ShouldBe(new DateOnly(2022, 4, 1));

    [Fact]
    public void A_task_is_overdue_from_the_day_after_its_deadline_and_its_timer_completes_when_done()
    {
        var t = new PlanTask { Title = "任务", DueOn = new DateOnly(2024, 3, 29) };
        t.IsOverdue(new DateOnly(2024, 3, 28)).ShouldBeFalse();
        t.IsOverdue(new DateOnly(2024, 3, 29)).ShouldBeFalse();
        t.IsOverdue(new DateOnly(2024, 3, 30)).ShouldBeTrue();
        OfficeRules.TaskDeadlines(t).Single().Status.ShouldBe(DeadlineStatus.Open);
        t.Add(PlanTaskEntryKind.Supervision, new DateOnly(2024, 3, 20), "督办", null, "office", Now);
        t.Supervisions.ShouldBe(1);
        t.Add(PlanTaskEntryKind.Completion, new DateOnly(2024, 3, 29), "完成", null, "dept", Now);
        t.IsOverdue(new DateOnly(2024, 5, 1)).ShouldBeFalse(); // done on its last day: in time
        t.Progress.ShouldBe(100);
        OfficeRules.TaskDeadlines(t).Single().Status.ShouldBe(DeadlineStatus.Completed);
        Should.Throw<Fazhi.Web.Kernel.Web.ConflictException>(() => t.Add(PlanTaskEntryKind.Report, new DateOnly(2024, 4, 1), "再报", 100, "dept", Now));
    }

    [Fact]
    public void Each_open_rectification_has_its_own_deadline()
    {
        var i = new OfficeInspection { Title = "督察", Findings = "问题", Kind = InspectionKind.OnSite };
        i.Items.Add(new OfficeRectification { Seq = 1, Text = "甲", DueOn = new DateOnly(2022, 6, 10), DoneOn = new DateOnly(2022, 6, 1) });
        i.Items.Add(new OfficeRectification { Seq = 2, Text = "乙", DueOn = new DateOnly(2022, 6, 10) });
        OfficeRules.RectificationDeadlines(i).Select(d => (d.Kind, d.Status)).ShouldBe([("rectify-1", DeadlineStatus.Completed), ("rectify-2", DeadlineStatus.Open)]);
    }
}
