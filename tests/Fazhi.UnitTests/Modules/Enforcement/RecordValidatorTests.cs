using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Modules.Enforcement.Import;
using Fazhi.Web.Modules.Enforcement.Rules;

namespace Fazhi.UnitTests.Modules.Enforcement;

public sealed class RecordValidatorTests
{
    private static readonly DateOnly Today = new(2024, 12, 31);
    private static readonly Dictionary<string, EnforcementItem> Catalogue = new()
    {
        ["I-1"] = new EnforcementItem { Id = 5, Code = "I-1", Name = "事项", Field = "市场监管", LegalBasis = "某法" },
    };

    private static RecordInput Valid() => new()
    {
        SourceId = " S-1 ", Kind = "处罚", ItemCode = "I-1", Target = new TargetInput("某公司", "91350100M000100Y43".ToLowerInvariant(), null),
        Officers = ["A", "B", "A"], OpenedOn = new(2024, 3, 1), DecidedOn = new(2024, 3, 20), Amount = 1234.56m,
    };

    private static List<string> Check(RecordInput r, out EnforcementRecord? record) =>
        RecordValidator.Check(r, Catalogue, "D-1", Today, new EnforcementOptions(), out record);

    [Fact]
    public void A_valid_record_is_normalised()
    {
        Check(Valid(), out var r).ShouldBeEmpty();
        r.ShouldNotBeNull();
        r.SourceId.ShouldBe("S-1");
        r.Kind.ShouldBe(RecordKind.Penalty);
        r.ItemId.ShouldBe(5);
        r.TargetKind.ShouldBe(TargetKind.Enterprise);
        r.TargetCreditCode.ShouldBe("91350100M000100Y43");
        r.OfficerCount.ShouldBe(2);
        r.AmountFen.ShouldBe(123_456);
        r.CountedOn.ShouldBe(new DateOnly(2024, 3, 20));
    }

    [Fact]
    public void A_person_target_may_carry_a_checked_id_number()
    {
        Check(Valid() with { Target = new TargetInput("张三", null, "11010519491231002X") }, out var r).ShouldBeEmpty();
        r!.TargetKind.ShouldBe(TargetKind.Person);
        Check(Valid() with { Target = new TargetInput("张三", null, "110105194912310021") }, out _).ShouldContain(e => e.StartsWith("target.idNumber"));
        Check(Valid() with { Target = new TargetInput("张三", "91350100M000100Y43", "11010519491231002X") }, out _).ShouldContain(e => e.StartsWith("target："));
    }

    [Theory]
    [InlineData("sourceId")]
    [InlineData("kind")]
    [InlineData("itemCode")]
    [InlineData("target.name")]
    [InlineData("openedOn")]
    public void Every_missing_required_field_is_named(string field)
    {
        var r = field switch
        {
            "sourceId" => Valid() with { SourceId = "  " },
            "kind" => Valid() with { Kind = null },
            "itemCode" => Valid() with { ItemCode = "" },
            "target.name" => Valid() with { Target = new TargetInput(null, null, null) },
            _ => Valid() with { OpenedOn = null, DecidedOn = null },
        };
        Check(r, out var record).ShouldContain(e => e.StartsWith(field));
        record.ShouldBeNull();
    }

    [Fact]
    public void Dates_must_be_in_order_and_not_in_the_future()
    {
        Check(Valid() with { DecidedOn = new(2024, 2, 1) }, out _).ShouldContain(e => e.StartsWith("decidedOn") && e.Contains("早于立案日期"));
        Check(Valid() with { ClosedOn = new(2024, 3, 10) }, out _).ShouldContain(e => e.StartsWith("closedOn") && e.Contains("早于决定日期"));
        Check(Valid() with { PublishedOn = new(2024, 3, 19) }, out _).ShouldContain(e => e.StartsWith("publishedOn"));
        Check(Valid() with { DecidedOn = null, PublishedOn = new(2024, 3, 21) }, out _).ShouldContain(e => e.StartsWith("publishedOn") && e.Contains("没有决定日期"));
        Check(Valid() with { OpenedOn = new(2025, 1, 1), DecidedOn = null }, out _).ShouldContain(e => e.StartsWith("openedOn") && e.Contains("晚于今天"));
        Check(Valid() with { OpenedOn = new(1999, 12, 31) }, out _).ShouldContain(e => e.Contains("早于2000年"));
        // The last day of the period is today itself: allowed.
        Check(Valid() with { OpenedOn = Today, DecidedOn = Today, ClosedOn = Today }, out _).ShouldBeEmpty();
    }

    [Fact]
    public void Amounts_are_yuan_with_at_most_two_decimals_and_plausible()
    {
        Check(Valid() with { Amount = 0m }, out var zero).ShouldBeEmpty();
        zero!.AmountFen.ShouldBe(0);
        Check(Valid() with { Amount = 1.005m }, out _).ShouldContain(e => e.Contains("两位小数"));
        Check(Valid() with { Amount = -0.01m }, out _).ShouldContain(e => e.Contains("负数"));
        Check(Valid() with { Amount = 10_000_000_000.01m }, out _).ShouldContain(e => e.Contains("合理范围"));
    }

    [Fact]
    public void Control_characters_are_refused_before_they_reach_the_database()
    {
        Check(Valid() with { Target = new TargetInput("某公司\u0000", null, null) }, out _).ShouldContain(e => e.StartsWith("target.name") && e.Contains("控制字符"));
        Check(Valid() with { SourceId = "S\t1" }, out _).ShouldContain(e => e.StartsWith("sourceId"));
    }

    [Fact]
    public void All_problems_of_a_record_are_reported_together()
    {
        var errors = Check(new RecordInput { Kind = "奖励", Officers = ["", "A;B"], Department = "D-2" }, out _);
        errors.Count.ShouldBeGreaterThanOrEqualTo(7);
        errors.ShouldContain(e => e.StartsWith("department") && e.Contains("D-2"));
        errors.ShouldContain(e => e.StartsWith("officers"));
    }
}
