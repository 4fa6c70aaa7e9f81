using Fazhi.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

/// <summary>合法性审查 journeys: a 规范性文件 from draft to 备案, and a contract from submission to the 审核意见书, as the
/// departments and 环翠区司法局's 法制审核科 would click through them.</summary>
public sealed class LegalityJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    private static async Task DoAsync(IPage page, string name, Func<ILocator, Task>? fill = null)
    {
        var form = page.Locator($"details:has(> summary:text-is('{name}'))");
        await form.Locator("summary").ClickAsync();
        if (fill is not null)
            await fill(form);
        await form.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已" + name }).WaitForAsync();
    }

    /// <summary>The reviewer's part: receive, assign, one comment per clause, the opinion.</summary>
    private static async Task ReviewAsync(IPage page, string url, params (string Clause, string Text)[] comments)
    {
        await page.GotoAsync(url);
        await DoAsync(page, "收件");
        await DoAsync(page, "分配审查人", async f =>
        {
            await f.GetByLabel("审查人").SelectOptionAsync("huancui-fzsh");
            await f.GetByLabel("邀请法律顾问（可不填）").FillAsync("王律师");
        });
        foreach (var (clause, text) in comments)
            await DoAsync(page, "提出审查意见", async f =>
            {
                await f.GetByLabel("针对条款", new() { Exact = false }).FillAsync(clause);
                await f.GetByLabel("审查意见").FillAsync(text);
            });
        await DoAsync(page, "出具审核意见书", f => f.GetByLabel("审查结论").SelectOptionAsync(comments.Length == 0 ? "合法" : "修改后合法"));
    }

    [Fact]
    public async Task A_contract_from_submission_to_its_opinion_letter()
    {
        var dept = await app.LoginAsync("huancui-scjg", FazhiFactory.DemoPassword);
        await dept.GotoAsync("/legality/contracts");
        await dept.Locator("summary", new() { HasText = "登记合同并送审" }).ClickAsync();
        await dept.GetByLabel("合同编号").FillAsync("HC-SJ-2026-088");
        await dept.GetByLabel("合同名称").FillAsync("食品安全快检服务采购合同");
        await dept.GetByLabel("相对方").FillAsync("威海某检测技术有限公司");
        await dept.GetByLabel("金额（元）").FillAsync("860000");
        await dept.GetByLabel("起始日期").FillAsync("2026-12-01");
        await dept.GetByLabel("终止日期").FillAsync("2026-11-30");
        await dept.GetByRole(AriaRole.Button, new() { Name = "登记并送审" }).ClickAsync();
        (await dept.Locator("#contract-form").InnerTextAsync()).ShouldContain("早于起始日期");
        await dept.GetByLabel("终止日期").FillAsync("2027-11-30");
        await dept.GetByRole(AriaRole.Button, new() { Name = "登记并送审" }).ClickAsync();
        await dept.GetByRole(AriaRole.Status).Filter(new() { HasText = "已登记合同" }).WaitForAsync();
        var url = dept.Url;
        (await dept.Locator("h1").InnerTextAsync()).ShouldContain("已送审");
        await dept.GetByLabel("文件").SetInputFilesAsync(new FilePayload { Name = "合同文本.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray() });
        await dept.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await dept.GetByRole(AriaRole.Status).Filter(new() { HasText = "已上传送审材料" }).WaitForAsync();

        var reviewer = await app.LoginAsync("huancui-fzsh", FazhiFactory.DemoPassword);
        await ReviewAsync(reviewer, url, ("第八条", "违约责任约定不对等，应增加乙方逾期履行的违约金条款"), ("第十二条", "争议解决方式应约定由甲方所在地人民法院管辖"));
        (await reviewer.Locator("#opinion-link").InnerTextAsync()).ShouldContain("环翠法审意〔");
        (await reviewer.Locator("#comments").InnerTextAsync()).ShouldContain("第十二条");
        await reviewer.ScreenshotAsync(new() { Path = Shot("legality-contract-opinion.png"), FullPage = true });
        var download = await reviewer.RunAndWaitForDownloadAsync(() => reviewer.Locator("#opinion-link").ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".docx");
        await download.SaveAsAsync(Path.Combine(BrowserFixture.ScreenshotDirectory, "legality-opinion.docx"));

        // The department answers each comment.
        await dept.GotoAsync(url);
        var adoption = dept.Locator("details:has(> summary:text-is('反馈采纳情况'))");
        await adoption.Locator("summary").ClickAsync();
        await adoption.Locator("select[name='answers[0].adoption']").SelectOptionAsync("采纳");
        await adoption.Locator("select[name='answers[1].adoption']").SelectOptionAsync("不采纳");
        await adoption.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        (await dept.Locator("main").InnerTextAsync()).ShouldContain("请说明理由");
        adoption = dept.Locator("details:has(> summary:text-is('反馈采纳情况'))");
        await adoption.Locator("select[name='answers[0].adoption']").SelectOptionAsync("采纳");
        await adoption.Locator("select[name='answers[1].adoption']").SelectOptionAsync("不采纳");
        await adoption.Locator("input[name='answers[1].reason']").FillAsync("双方已约定仲裁");
        await adoption.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await dept.GetByRole(AriaRole.Status).Filter(new() { HasText = "已反馈采纳情况" }).WaitForAsync();
        (await dept.Locator("#comments").InnerTextAsync()).ShouldContain("双方已约定仲裁");
        await dept.ScreenshotAsync(new() { Path = Shot("legality-contract-adoption.png"), FullPage = true });

        await reviewer.GotoAsync("/legality/matters");
        (await reviewer.Locator("#matter-list").InnerTextAsync()).ShouldContain("食品安全快检服务采购合同");
        await reviewer.ScreenshotAsync(new() { Path = Shot("legality-matters.png") });

        // The department files the reviewed contract, sets its payment date and records a breach.
        await dept.GotoAsync(url);
        await dept.Locator("#contract-link").ClickAsync();
        (await dept.Locator("#contract-info").InnerTextAsync()).ShouldContain("环翠法审意〔");
        await dept.Locator("#file-form").GetByLabel("签订日期").FillAsync("2026-11-20");
        await dept.Locator("#file-form").GetByRole(AriaRole.Button, new() { Name = "备案" }).ClickAsync();
        await dept.GetByRole(AriaRole.Status).Filter(new() { HasText = "合同已备案" }).WaitForAsync();
        await dept.Locator("summary", new() { HasText = "添加履约节点" }).ClickAsync();
        await dept.GetByLabel("节点类别").SelectOptionAsync("付款节点");
        await dept.GetByLabel("节点名称").FillAsync("首期服务费");
        await dept.GetByLabel("约定日期").FillAsync("2027-03-31");
        await dept.GetByLabel("付款金额（元）").FillAsync("215000");
        await dept.Locator("#milestone-form").GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
        await dept.GetByRole(AriaRole.Status).Filter(new() { HasText = "已添加履约节点" }).WaitForAsync();
        await dept.Locator("summary", new() { HasText = "登记违约" }).ClickAsync();
        await dept.GetByLabel("违约日期").FillAsync("2026-12-01");
        await dept.Locator("#breach-form").GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        (await dept.Locator("#breach-form").InnerTextAsync()).ShouldContain("请填写违反的合同条款");
        await dept.GetByLabel("违反条款").FillAsync("第八条");
        await dept.GetByLabel("违约情形").FillAsync("未按约定配备快检人员");
        await dept.GetByLabel("处理情况").FillAsync("书面催告，限期整改");
        await dept.Locator("#breach-form").GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await dept.GetByRole(AriaRole.Status).Filter(new() { HasText = "已登记违约记录" }).WaitForAsync();
        (await dept.Locator("#milestones").InnerTextAsync()).ShouldContain("首期服务费");
        (await dept.Locator("#contract-deadlines").InnerTextAsync()).ShouldContain("合同到期提醒");
        await dept.ScreenshotAsync(new() { Path = Shot("legality-contract-performance.png"), FullPage = true });
    }

    [Fact]
    public async Task The_decision_catalog_and_the_adviser_register_show_the_districts_year()
    {
        var reviewer = await app.LoginAsync("huancui-fzsh", FazhiFactory.DemoPassword);
        await reviewer.GotoAsync("/legality/decisions");
        (await reviewer.Locator("main").InnerTextAsync()).ShouldContain("环翠区城区公共停车设施收费标准调整");
        await reviewer.ScreenshotAsync(new() { Path = Shot("legality-decisions.png"), FullPage = true });
        await reviewer.Locator("a", new() { HasText = "环翠区老旧小区改造三年行动方案" }).ClickAsync();
        await reviewer.Locator("#decide-form").GetByLabel("讨论会议").FillAsync("区政府第12次常务会议");
        await reviewer.Locator("#decide-form").GetByRole(AriaRole.Button, new() { Name = "集体讨论决定" }).ClickAsync();
        (await reviewer.Locator("main").InnerTextAsync()).ShouldContain("第二十五条");
        await reviewer.ScreenshotAsync(new() { Path = Shot("legality-decision-refused.png"), FullPage = true });
        await reviewer.GotoAsync("/legality/advisers");
        (await reviewer.Locator("#coverage").InnerTextAsync()).ShouldContain("覆盖率");
        await reviewer.ScreenshotAsync(new() { Path = Shot("legality-advisers.png"), FullPage = true });
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync("/legality/decision-catalog/371002");
        (await visitor.Locator("main").InnerTextAsync()).ShouldContain("环翠区城区公共停车设施收费标准调整");
        await visitor.ScreenshotAsync(new() { Path = Shot("legality-decision-catalog-public.png") });
    }

    [Fact]
    public async Task A_normative_document_from_draft_to_filing()
    {
        var dept = await app.LoginAsync("huancui-zhzf", FazhiFactory.DemoPassword);
        await dept.GotoAsync("/legality/documents");
        await dept.Locator("summary", new() { HasText = "列入年度制定计划" }).ClickAsync();
        await dept.GetByLabel("文件名称").FillAsync("环翠区城市道路挖掘管理办法");
        await dept.GetByLabel("类别").SelectOptionAsync("政府规范性文件");
        await dept.GetByRole(AriaRole.Button, new() { Name = "列入计划" }).ClickAsync();
        await dept.GetByRole(AriaRole.Status).Filter(new() { HasText = "列入" }).WaitForAsync();
        var docUrl = dept.Url;
        await DoAsync(dept, "开始起草");
        await DoAsync(dept, "送合法性审核", f => f.GetByLabel("起草说明").FillAsync("依据《城市道路管理条例》起草，已征求意见30日"));
        var matterUrl = await dept.Locator("#info a", new() { HasText = "查看审核事项" }).GetAttributeAsync("href");

        var reviewer = await app.LoginAsync("huancui-fzsh", FazhiFactory.DemoPassword);
        await ReviewAsync(reviewer, matterUrl!, ("第九条", "“一律不予审批”缺乏上位法依据，建议删除"));
        await reviewer.GotoAsync(matterUrl!);
        (await reviewer.Locator("#deadlines").InnerTextAsync()).ShouldContain("15个工作日");

        await dept.GotoAsync(matterUrl!);
        var adoption = dept.Locator("details:has(> summary:text-is('反馈采纳情况'))");
        await adoption.Locator("summary").ClickAsync();
        await adoption.Locator("select[name='answers[0].adoption']").SelectOptionAsync("采纳");
        await adoption.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await dept.GetByRole(AriaRole.Status).Filter(new() { HasText = "已反馈采纳情况" }).WaitForAsync();

        await dept.GotoAsync(docUrl);
        await DoAsync(dept, "集体审议", f => f.GetByLabel("审议会议").FillAsync("区政府第20次常务会议"));
        await DoAsync(dept, "公布", f => f.GetByLabel("文号").FillAsync("威环政规〔2026〕9号"));
        (await dept.Locator("#deadlines").InnerTextAsync()).ShouldContain("报上一级人民政府备案");

        await reviewer.GotoAsync(docUrl);
        await DoAsync(reviewer, "报政府备案");
        await DoAsync(reviewer, "报人大常委会备案");
        (await reviewer.Locator("#info").InnerTextAsync()).ShouldContain("威环政规〔2026〕9号");
        (await reviewer.Locator("#issuer").InnerTextAsync()).ShouldBe("威海市环翠区人民政府"); // 制定机关, the drafter below it
        (await reviewer.Locator("#drafter").InnerTextAsync()).ShouldContain("起草单位：");
        (await reviewer.Locator("#events").InnerTextAsync()).ShouldContain("按期备案");
        await reviewer.ScreenshotAsync(new() { Path = Shot("legality-document.png"), FullPage = true });

        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync("/legality/register/371002");
        (await visitor.Locator("#register").InnerTextAsync()).ShouldContain("环翠区城市道路挖掘管理办法");
        await visitor.ScreenshotAsync(new() { Path = Shot("legality-register.png") });

        await reviewer.GotoAsync("/legality/stats?org=371002");
        (await reviewer.Locator("#figures").InnerTextAsync()).ShouldContain("政府规范性文件（审核并备案）");
        (await reviewer.Locator("#sec-advisers").InnerTextAsync()).ShouldContain("一村（社区）一法律顾问覆盖率");
        (await reviewer.Locator("#sec-study").InnerTextAsync()).ShouldContain("学法考法场次");
        (await reviewer.Locator("#sec-office").InnerTextAsync()).ShouldContain("年度报告公开率");
        await reviewer.ScreenshotAsync(new() { Path = Shot("legality-stats.png"), FullPage = true });
        await reviewer.Locator("#sec-advisers").ScreenshotAsync(new() { Path = Shot("legality-stats-advisers.png") });
        await reviewer.Locator("#sec-study").ScreenshotAsync(new() { Path = Shot("legality-stats-study.png") });
    }
}
