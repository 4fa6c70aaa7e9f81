using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Domain;
using Fazhi.Web.Modules.Legality.Rules;

namespace Fazhi.UnitTests.Modules.Legality;

/// <summary>The articles of 重大行政决策程序暂行条例 (国务院令第713号) the app names, as the official text numbers them
/// (docs/statutes/zhongda-juece.md): 公众参与 第十四条、第十五条, 专家论证 第十九条, 风险评估 第二十二条, 合法性审查 第二十五条,
/// 集体讨论决定 第三十条, 公布 第三十二条, 决策后评估 第三十六条 (not 第三十五条, which is the 执行单位's report of problems);
/// the 目录 rests on 第三条第三款 (not 第十条, which is 决策事项建议的研究论证). And 第十五条's 30 days at the day before, of and after.</summary>
public sealed class DecisionArticlesTests
{
    [Theory]
    [InlineData(DecisionStep.PublicParticipation, "第十四条、第十五条")]
    [InlineData(DecisionStep.ExpertArgument, "第十九条")]
    [InlineData(DecisionStep.RiskAssessment, "第二十二条")]
    [InlineData(DecisionStep.LegalityReview, "第二十五条")]
    [InlineData(DecisionStep.CollectiveDecision, "第三十条")]
    [InlineData(DecisionStep.Publication, "第三十二条")]
    [InlineData(DecisionStep.PostEvaluation, "第三十六条")]
    public void Each_step_names_the_article_of_the_official_text(DecisionStep step, string article) =>
        DecisionRules.ArticleOf(step).ShouldBe(article);

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    [InlineData(31, true)]
    public void Public_comment_of_29_30_and_31_days_without_a_reason(int days, bool accepted)
    {
        var d = new MajorDecision { Title = "停车收费调整", Status = DecisionStatus.InProgress };
        var act = () => DecisionRules.CheckPreparatory(d, DecisionStep.PublicParticipation, days, false, "在区政府网站公开征求意见");
        if (accepted)
            act();
        else
            Should.Throw<FazhiValidationException>(act).Errors["days"].Single().ShouldContain("第十五条");
    }

    [Fact]
    public void A_catalogue_published_before_adoption_is_refused_naming_article_3()
    {
        var c = new DecisionCatalog { Year = 2024, Title = "2024年度重大行政决策事项目录" };
        Should.Throw<ConflictException>(() => c.Publish(new DateOnly(2024, 3, 1))).Message.ShouldContain("第三条第三款");
    }
}
