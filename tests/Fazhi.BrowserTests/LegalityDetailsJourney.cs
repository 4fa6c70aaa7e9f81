using Fazhi.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

/// <summary>议题's 会议类型, 征求意见's 来源 and 重点项目 contracts as a department and the 法制审核科 see them: a 议题 sent
/// without its meeting is refused on the form, then sent; the list filtered to 专题会议; a 重点项目 contract registered; the
/// stats page with 常务会 and 专题会 counted apart (环翠区 demo data).</summary>
public sealed class LegalityDetailsJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task A_meeting_topic_names_its_meeting_and_a_key_project_contract_is_flagged_and_both_are_counted()
    {
        var dept = await app.LoginAsync("huancui-scjg", FazhiFactory.DemoPassword);
        await dept.GotoAsync("/legality/matters/new");
        await dept.GetByLabel("事项类别").SelectOptionAsync("常务会/专题会议题");
        await dept.GetByLabel("事项名称").FillAsync("关于环翠区夜间经济发展的专题会议议题");
        await dept.GetByRole(AriaRole.Button, new() { Name = "送审" }).ClickAsync();
        (await dept.ContentAsync()).ShouldContain("须注明会议类型");
        await dept.ScreenshotAsync(new() { Path = Shot("legality-topic-refused.png"), FullPage = true });
        await dept.GetByLabel("会议类型", new() { Exact = false }).SelectOptionAsync("专题会议");
        await dept.GetByRole(AriaRole.Button, new() { Name = "送审" }).ClickAsync();
        await dept.GetByRole(AriaRole.Status).Filter(new() { HasText = "已送审" }).WaitForAsync();
        (await dept.Locator("#meeting-type").InnerTextAsync()).ShouldBe("专题会议");

        var reviewer = await app.LoginAsync("huancui-fzsh", FazhiFactory.DemoPassword);
        await reviewer.GotoAsync("/legality/matters?meetingType=Special");
        var list = await reviewer.Locator("#matter-list").InnerTextAsync();
        list.ShouldContain("关于环翠区夜间经济发展的专题会议议题");
        list.ShouldNotContain("政府常务会议");
        await reviewer.ScreenshotAsync(new() { Path = Shot("legality-matters-meeting-filter.png"), FullPage = true });

        await dept.GotoAsync("/legality/contracts");
        await dept.Locator("summary", new() { HasText = "登记合同并送审" }).ClickAsync();
        await dept.Locator("#c-kind").SelectOptionAsync("招商引资合同");
        await dept.GetByLabel("合同编号").FillAsync("HC-ZS-2026-099");
        await dept.GetByLabel("合同名称").FillAsync("环翠区海洋牧场示范区项目投资协议");
        await dept.GetByLabel("相对方").FillAsync("威海某海洋科技有限公司");
        await dept.GetByLabel("金额（元）").FillAsync("90000000");
        await dept.GetByLabel("起始日期").FillAsync("2026-12-01");
        await dept.GetByLabel("终止日期").FillAsync("2031-11-30");
        await dept.Locator("#c-key").CheckAsync();
        await dept.Locator("#c-key-name").FillAsync("海洋牧场示范区");
        await dept.GetByRole(AriaRole.Button, new() { Name = "登记并送审" }).ClickAsync();
        await dept.GetByRole(AriaRole.Status).Filter(new() { HasText = "已登记合同" }).WaitForAsync();
        await dept.GotoAsync("/legality/contracts?keyProject=true");
        var contracts = await dept.Locator("#contract-list").InnerTextAsync();
        contracts.ShouldContain("海洋牧场示范区");
        contracts.ShouldNotContain("环翠区城区环卫作业服务采购合同");
        await dept.ScreenshotAsync(new() { Path = Shot("legality-contracts-key-projects.png"), FullPage = true });

        await reviewer.GotoAsync("/legality/stats");
        var topics = await reviewer.Locator("[data-key='legality.meeting_topics']").InnerTextAsync();
        topics.ShouldContain("政府常务会议");
        topics.ShouldContain("专题会议");
        await reviewer.Locator("[data-key='legality.key_project_contracts_reviewed']").WaitForAsync();
        await reviewer.ScreenshotAsync(new() { Path = Shot("legality-stats-topics.png"), FullPage = true });
    }
}
