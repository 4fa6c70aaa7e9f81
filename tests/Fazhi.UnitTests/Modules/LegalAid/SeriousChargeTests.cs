using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Modules.LegalAid.Rules;

namespace Fazhi.UnitTests.Modules.LegalAid;

/// <summary>法律援助法第二十六条 at its boundary: 三年以上相关执业经历 (3 years qualify, 2 do not), only 律师.</summary>
public sealed class SeriousChargeTests
{
    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    [InlineData(0, false)]
    public void A_lawyer_needs_three_years_of_relevant_practice(int years, bool allowed)
    {
        var problem = SeriousCharge.Problem(true, ProviderKind.Lawyer, years, "某律师");
        (problem is null).ShouldBe(allowed);
        if (!allowed)
            problem!.ShouldContain("《法律援助法》第二十六条");
    }

    [Theory]
    [InlineData(ProviderKind.CenterStaff)]
    [InlineData(ProviderKind.GrassrootsWorker)]
    public void Only_a_lawyer_may_defend_such_a_case_however_long_the_practice(ProviderKind kind) =>
        SeriousCharge.Problem(true, kind, 20, "某人")!.ShouldContain("不是律师");

    [Fact]
    public void An_ordinary_case_is_not_held_to_the_article() =>
        SeriousCharge.Problem(false, ProviderKind.Lawyer, 0, "新律师").ShouldBeNull();
}
