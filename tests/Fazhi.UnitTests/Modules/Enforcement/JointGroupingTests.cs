using Fazhi.Web.Modules.Enforcement.Features.Plans;

namespace Fazhi.UnitTests.Modules.Enforcement;

public sealed class JointGroupingTests
{
    private const string Acme = "91350100M000100Y43";
    private const string Other = "91110000100000000X";
    private const int Huancui = 10, Rongcheng = 20;

    private static PlannedVisit V(long id, int dept, int month, string code = Acme, int region = Huancui, int year = 2025, string name = "某某公司") =>
        new(id, dept, region, year, month, code, name);

    [Fact]
    public void Three_departments_visiting_one_enterprise_in_one_month_make_one_proposal()
    {
        var groups = JointGrouping.Group([V(1, 101, 3), V(2, 102, 3), V(3, 103, 3)]);
        var g = groups.ShouldHaveSingleItem();
        (g.RegionId, g.Year, g.Month, g.CreditCode, g.Departments).ShouldBe((Huancui, 2025, 3, Acme, 3));
        g.PlanIds.ShouldBe([1L, 2L, 3L]);
    }

    [Fact]
    public void One_department_alone_is_no_joint_inspection() =>
        JointGrouping.Group([V(1, 101, 3), V(2, 101, 3, Other)]).ShouldBeEmpty();

    [Fact]
    public void Different_months_are_not_merged() =>
        JointGrouping.Group([V(1, 101, 3), V(2, 102, 4), V(3, 103, 5)]).ShouldBeEmpty();

    [Fact]
    public void Different_years_are_not_merged() =>
        JointGrouping.Group([V(1, 101, 3, year: 2025), V(2, 102, 3, year: 2026)]).ShouldBeEmpty();

    [Fact]
    public void Departments_of_different_districts_are_not_merged() =>
        JointGrouping.Group([V(1, 101, 3), V(2, 201, 3, region: Rongcheng)]).ShouldBeEmpty();

    [Fact]
    public void Groups_are_per_enterprise_and_month_and_carry_the_first_plans_name()
    {
        var groups = JointGrouping.Group(
        [
            V(9, 102, 3, name: "某某有限公司"), V(4, 101, 3, name: "某某公司"),          // Acme, March: 2 departments
            V(5, 101, 6, Other), V(6, 102, 6, Other), V(7, 103, 6, Other),       // Other, June: 3
            V(8, 103, 3, Other),                                                  // Other, March: alone
        ]);
        groups.Count.ShouldBe(2);
        groups[0].ShouldSatisfyAllConditions(g => g.Month.ShouldBe(3), g => g.CreditCode.ShouldBe(Acme), g => g.Departments.ShouldBe(2),
            g => g.TargetName.ShouldBe("某某公司"), g => g.PlanIds.ShouldBe([4L, 9L]));
        groups[1].ShouldSatisfyAllConditions(g => g.Month.ShouldBe(6), g => g.CreditCode.ShouldBe(Other), g => g.Departments.ShouldBe(3));
    }
}
