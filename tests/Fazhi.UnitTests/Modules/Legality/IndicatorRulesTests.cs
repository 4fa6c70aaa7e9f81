using System.Globalization;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Modules.Legality.Domain.Office;
using Fazhi.Web.Modules.Legality.Rules;

namespace Fazhi.UnitTests.Modules.Legality;

/// <summary>考核指标 rules (适用对象, the 满分 per quarter at its boundary, a disabled or late indicator's quarters) and when a
/// 督办通知 may be issued: the day before the 即将到期 window, its first day over a 调休 weekend, the deadline, the day after.</summary>
public sealed class IndicatorRulesTests
{
    private static readonly HolidayCalendar Calendar = new(HolidayFile.LoadEmbedded());

    private static AssessmentIndicator I(string name, decimal max, IndicatorScope scope = IndicatorScope.All, int from = 1, int? until = null, long id = 0) =>
        new() { Id = id, Name = name, MaxScore = max, AppliesTo = scope, FromQuarter = from, UntilQuarter = until, IsActive = until is null };

    [Theory]
    [InlineData(IndicatorScope.All, OrgKind.EnforcementDepartment, true)]
    [InlineData(IndicatorScope.All, OrgKind.Town, true)]
    [InlineData(IndicatorScope.Departments, OrgKind.EnforcementDepartment, true)]
    [InlineData(IndicatorScope.Departments, OrgKind.JusticeBureau, true)]
    [InlineData(IndicatorScope.Departments, OrgKind.Town, false)]
    [InlineData(IndicatorScope.Towns, OrgKind.Town, true)]
    [InlineData(IndicatorScope.Towns, OrgKind.EnforcementDepartment, false)]
    public void An_indicator_applies_to_its_kind_of_unit(IndicatorScope scope, OrgKind kind, bool applies) =>
        IndicatorRules.Applies(scope, kind).ShouldBe(applies);

    [Fact]
    public void The_set_may_reach_the_full_score_but_not_pass_it_for_departments_or_towns()
    {
        IndicatorRules.CheckTotal([I("甲", 60), I("乙", 40, IndicatorScope.Departments), I("丙", 40, IndicatorScope.Towns)], 100).ShouldBeNull();
        IndicatorRules.CheckTotal([I("甲", 60), I("乙", 40.5m, IndicatorScope.Departments)], 100).ShouldBe("部门适用的指标分值合计100.5分，超过满分100分");
        IndicatorRules.CheckTotal([I("甲", 60), I("丙", 41, IndicatorScope.Towns)], 100).ShouldBe("镇街适用的指标分值合计101分，超过满分100分");
        IndicatorRules.CheckTotal([I("甲", 600)], 0).ShouldBeNull(); // no 满分 set: no check
    }

    [Fact]
    public void A_disabled_indicator_and_its_replacement_share_no_quarter_so_each_quarter_keeps_the_full_score()
    {
        var set = new[] { I("甲", 60), I("乙", 40, until: 2), I("丁", 40, from: 2) };
        IndicatorRules.CheckTotal(set, 100).ShouldBeNull();
        IndicatorRules.QuarterTotal(set, 1).ShouldBe(100m);
        IndicatorRules.QuarterTotal(set, 2).ShouldBe(100m);
        IndicatorRules.QuarterTotal(set, 4).ShouldBe(100m);
        set[1].AppliesIn(1).ShouldBeTrue();
        set[1].AppliesIn(2).ShouldBeFalse();
        set[2].AppliesIn(1).ShouldBeFalse();
        // Re-enabled beside its replacement, the second quarter would be scored out of 140.
        IndicatorRules.CheckTotal([set[0], I("乙", 40), set[2]], 100).ShouldBe("部门适用的指标分值合计140分，超过满分100分");
    }

    [Theory]
    [InlineData("2024-09-26", null)]        // 3 working days ahead is 09-30: the 10-08 deadline is not yet near
    [InlineData("2024-09-27", "即将到期")]  // 09-29 (Sunday, 调休上班), 09-30, 10-08: the third working day
    [InlineData("2024-10-08", "即将到期")]  // the last day
    [InlineData("2024-10-09", "超期")]      // the day after
    public void A_notice_goes_to_a_task_at_risk_or_overdue_on_the_working_day_calendar(string today, string? state) =>
        IndicatorRules.NoticeState(Deadlines.StateOf(new DateOnly(2024, 10, 8), DateOnly.Parse(today, CultureInfo.InvariantCulture), Calendar, 3)).ShouldBe(state);

    [Fact]
    public void A_notice_number_follows_its_pattern() =>
        IndicatorRules.Number("{prefix}依法治办督〔{year}〕{seq}号", "环翠", 2026, 12).ShouldBe("环翠依法治办督〔2026〕12号");
}
