using Fazhi.Web.Kernel.Ids;

namespace Fazhi.UnitTests.Kernel;

public sealed class ChineseIdsTests
{
    [Theory]
    [InlineData("11010519491231002X", null)]              // the example of GB 11643-1999
    [InlineData("11010519491231002x", null)]              // a lower-case x is the same character
    [InlineData("110105194912310021", "校验位")]
    [InlineData("110105194913310028", "出生日期")]          // month 13
    [InlineData("11010519491231002", "18位")]
    [InlineData("1101051949123100AX", "数字")]
    public void Identity_numbers_are_checked_by_gb_11643(string id, string? problem)
    {
        var result = IdentityNumber.Validate(id);
        if (problem is null)
            result.ShouldBeNull();
        else
            result.ShouldNotBeNull().ShouldContain(problem);
    }

    [Theory]
    [InlineData("914403001922038216", true)]
    [InlineData("91110000600037341L", true)]
    [InlineData("91350100M000100Y43", true)]
    [InlineData("914403001922038217", false)]   // wrong check character
    [InlineData("91440300192203821I", false)]   // I is not in the alphabet
    [InlineData("9144030019220382", false)]
    public void Credit_codes_are_checked_by_gb_32100(string code, bool valid) =>
        UnifiedSocialCreditCode.IsValid(code).ShouldBe(valid);
}
