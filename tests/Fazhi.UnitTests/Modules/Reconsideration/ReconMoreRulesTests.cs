using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Import;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.UnitTests.Modules.Reconsideration;

/// <summary>recon-more: how ledger names of agencies are matched to departments, and the 行政复议委员会 rules (第五十二条).</summary>
public sealed class ReconMoreRulesTests
{
    private static OrgUnit U(int id, string code, string name, OrgKind kind, string path, string? official = null) =>
        new() { Id = id, Code = code, Name = name, Kind = kind, Path = path, OfficialName = official };

    private static readonly List<OrgUnit> Tree =
    [
        U(1, "371002", "环翠区", OrgKind.District, "/370000/371000/371002/"),
        U(2, "371002-SFJ", "环翠区司法局", OrgKind.JusticeBureau, "/370000/371000/371002/371002-SFJ/"),
        U(3, "371002-SCJG", "环翠区市场监督管理局", OrgKind.EnforcementDepartment, "/370000/371000/371002/371002-SCJG/"),
        U(4, "371002-ZHZF", "环翠区综合行政执法局", OrgKind.EnforcementDepartment, "/370000/371000/371002/371002-ZHZF/"),
        U(5, "371002-STHJ", "威海市生态环境局环翠分局", OrgKind.EnforcementDepartment, "/370000/371000/371002/371002-STHJ/"),
        U(6, "371082", "荣成市", OrgKind.District, "/370000/371000/371082/"),
        U(7, "371082-SCJG", "荣成市市场监督管理局", OrgKind.EnforcementDepartment, "/370000/371000/371082/371082-SCJG/"),
    ];

    private static readonly IReadOnlyCollection<string> Regions = RespondentNames.RegionNames(["山东省", "威海市", "环翠区", "荣成市"]);

    private static RespondentMatcher Matcher(params RespondentAlias[] aliases) => new(Tree, Tree[1], Regions, aliases);

    [Theory]
    [InlineData("威海市环翠区市场监督管理局")]
    [InlineData("区市场监管局")]
    [InlineData("环翠区市场监管局")]
    [InlineData("环翠区市场监督管理局")]
    [InlineData("环翠区 市场监督管理局")]
    [InlineData("山东省威海市环翠区市场监管局")]
    [InlineData("环翠市场监管局")]
    public void Variants_of_the_market_regulator_match_the_districts_own_not_another_districts(string name) =>
        Matcher().Match(name)!.Code.ShouldBe("371002-SCJG");

    [Fact]
    public void Normalising_strips_regions_and_shortens_but_leaves_a_leading_shi_alone()
    {
        RespondentNames.Normalise("威海市环翠区市场监督管理局", Regions).ShouldBe("市场监管局");
        RespondentNames.Normalise("区综合行政执法局", Regions).ShouldBe("综合执法局");
        RespondentNames.Normalise("市场监管局", Regions).ShouldBe("市场监管局");   // 市 of 市场 is not a region
        RespondentNames.Normalise("威海市生态环境局环翠分局", Regions).ShouldBe("生态环境局环翠分局");
        Matcher().Match("区综合执法局")!.Code.ShouldBe("371002-ZHZF");
        Matcher().Match("生态环境局环翠分局")!.Code.ShouldBe("371002-STHJ");
    }

    [Fact]
    public void An_unknown_or_ambiguous_name_is_left_to_the_bureau_and_its_remembered_choice_then_matches_every_spelling()
    {
        var m = Matcher();
        m.Match("区城市管理局").ShouldBeNull();
        m.Match("").ShouldBeNull();
        m.Choices.Select(c => c.Code).ShouldBe(["371002-SFJ", "371002-SCJG", "371002-ZHZF", "371002-STHJ"]);   // the bureau's district only
        var alias = new RespondentAlias { Name = "区城市管理局", Key = m.Key("区城市管理局"), RespondentOrgUnitId = 4, CreatedBy = "t" };
        var remembered = Matcher(alias);
        remembered.Match("区城市管理局")!.Code.ShouldBe("371002-ZHZF");
        remembered.Match("威海市环翠区城市管理局")!.Code.ShouldBe("371002-ZHZF");
        // An alias pointing at a region is ignored (a respondent is an agency).
        Matcher(new RespondentAlias { Name = "x", Key = m.Key("区城市管理局"), RespondentOrgUnitId = 1, CreatedBy = "t" }).Match("区城市管理局").ShouldBeNull();
        // Two departments of the district with the same short name: neither is guessed.
        var twins = new List<OrgUnit>(Tree) { U(8, "371002-SCJG2", "环翠区市场监管局", OrgKind.EnforcementDepartment, "/370000/371000/371002/371002-SCJG2/") };
        new RespondentMatcher(twins, Tree[1], Regions, []).Match("区市场监管局").ShouldBeNull();
    }

    [Fact]
    public void Grounds_are_the_four_items_of_article_52_and_may_be_given_by_number()
    {
        CommitteeRules.Grounds.Count.ShouldBe(4);
        CommitteeRules.Ground("2").ShouldBe("专业性、技术性较强（第五十二条第二款第二项）");
        CommitteeRules.Ground("案情重大、疑难、复杂").ShouldBe(CommitteeRules.Grounds[0]);
        Should.Throw<FazhiValidationException>(() => CommitteeRules.Ground("5")).Errors.ShouldContainKey("consultationGround");
        Should.Throw<FazhiValidationException>(() => CommitteeRules.Ground(null)).Message.ShouldContain("第五十二条");
    }

    [Fact]
    public void Each_members_opinion_is_one_line_from_the_roster_at_least_two_and_none_twice()
    {
        string[] roster = ["刘振华", "丛海燕", "于志强"];
        var ok = CommitteeRules.Opinions("刘振华：同意维持\r\n丛海燕: 程序合法\n\n", roster);
        ok.ShouldBe([("刘振华", "同意维持"), ("丛海燕", "程序合法")]);
        string Refused(string text) => Should.Throw<FazhiValidationException>(() => CommitteeRules.Opinions(text, roster)).Errors["opinions"][0];
        Refused("刘振华：同意").ShouldContain("至少两位");
        Refused("刘振华：同意\n路人：同意").ShouldContain("“路人”不在本机构的行政复议委员会名册中");
        Refused("刘振华：同意\n刘振华：再议").ShouldContain("写了两次");
        Refused("刘振华 同意\n丛海燕：同意").ShouldContain("姓名：意见");
        Refused("刘振华：\n丛海燕：同意").ShouldContain("姓名：意见");
        Should.Throw<FazhiValidationException>(() => CommitteeRules.Opinions("甲：同意\n乙：同意", [])).Errors["opinions"][0].ShouldContain("名册为空");
    }
}
