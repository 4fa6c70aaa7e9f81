using Fazhi.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

/// <summary>咨询 → 申请 → 审查 → 指派 → 结案 → 回访, then the 工作台, as 环翠区法律援助中心's staff would do it (a 农民工讨薪
/// application through the green channel, granted and assigned the same day).</summary>
public sealed class LegalAidJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    private static async Task DoAsync(IPage page, string name, Func<ILocator, Task> fill)
    {
        var form = page.Locator($"details:has(> summary:text-is('{name}'))");
        await form.Locator("summary").ClickAsync();
        await fill(form);
        await form.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已" + name }).WaitForAsync();
    }

    [Fact]
    public async Task Consultation_application_review_assignment_closure_and_callback()
    {
        var page = await app.LoginAsync("huancui-fy", FazhiFactory.DemoPassword);
        await page.Locator("nav a[href='/legal-aid/consultations']").First.ClickAsync();
        await page.GetByLabel("咨询人").FillAsync("曲春燕");
        await page.GetByLabel("电话", new() { Exact = true }).FillAsync("13963112345");
        await page.GetByLabel("问题").FillAsync("在工地干了半年，包工头拖欠工资两万八，怎么办？");
        await page.GetByLabel("解答").FillAsync("属于法律援助范围，可当天申请");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已登记曲春燕的咨询" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("legalaid-consultations.png") });

        await page.Locator("#consultations tr", new() { HasText = "曲春燕" }).GetByRole(AriaRole.Link, new() { Name = "转为申请" }).ClickAsync();
        (await page.GetByLabel("申请人", new() { Exact = true }).InputValueAsync()).ShouldBe("曲春燕");
        await page.GetByLabel("身份证号").FillAsync("11010519491231002X");
        await page.GetByLabel("住址").FillAsync("威海市环翠区竹岛街道12号");
        await page.GetByLabel("申请事项").FillAsync("追索劳动报酬（建筑工地欠薪28000元）");
        await page.GetByLabel("办案阶段").FillAsync("仲裁");
        await page.GetByLabel("援助条件").SelectOptionAsync(new SelectOptionValue { Label = "免予核查经济困难（第四十二条）" });
        await page.GetByLabel("条件类别").SelectOptionAsync(new SelectOptionValue { Label = "申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员" });
        await page.GetByLabel("绿色通道").SelectOptionAsync(new SelectOptionValue { Label = "农民工讨薪" });
        await page.GetByRole(AriaRole.Button, new() { Name = "登记并编号" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已登记，编号" }).WaitForAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("审查中");
        (await page.Locator("#deadlines").InnerTextAsync()).ShouldContain("第四十三条");

        await DoAsync(page, "决定给予法律援助", f => f.GetByLabel("审查意见").FillAsync("进城务工人员追索劳动报酬，免予核查经济困难，绿色通道"));
        await DoAsync(page, "指派", f => f.GetByLabel("承办人员").SelectOptionAsync(new SelectOptionValue { Index = 1 }));
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("当天受理、当天指派");
        await DoAsync(page, "办案进展", f => f.GetByLabel("进展情况").FillAsync("签订委托协议，向劳动人事争议仲裁委员会申请仲裁"));
        await DoAsync(page, "出庭", f => f.GetByLabel("出庭情况（法院、案由）").FillAsync("环翠区劳动人事争议仲裁委员会开庭"));
        await DoAsync(page, "结案", async f =>
        {
            await f.GetByLabel("结案结果").SelectOptionAsync("调解结案");
            await f.GetByLabel("挽回损失（元）").FillAsync("28000");
            await f.GetByLabel("结案摘要").FillAsync("仲裁调解，包工头当庭支付欠薪");
        });
        (await page.Locator("#facts").InnerTextAsync()).ShouldContain("28,000.00");
        await DoAsync(page, "满意度回访", async f =>
        {
            await f.GetByLabel("满意度（1很不满意 … 5很满意）").SelectOptionAsync("5");
            await f.GetByLabel("回访记录").FillAsync("受援人对承办律师很满意");
        });
        foreach (var doc in new[] { "给予法律援助决定书", "指派通知书", "法律援助案件结案报告" })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"制作《{doc}》" }).ClickAsync();
            await page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"已制作《{doc}》" }).WaitForAsync();
        }
        (await page.Locator("#documents").InnerTextAsync()).ShouldContain("环翠援结〔");
        // The 指派通知书 as the bureau downloads it (converted to PNG to look at it: see STACK.md).
        var href = await page.Locator("#documents tr", new() { HasText = "指派通知书" }).GetByRole(AriaRole.Link).GetAttributeAsync("href");
        var docx = await page.APIRequest.GetAsync(href!);
        await File.WriteAllBytesAsync(Shot("legalaid-assignment-notice.docx"), await docx.BodyAsync());
        (await page.Locator("#events").InnerTextAsync()).ShouldContain("满意度5分");
        await page.ScreenshotAsync(new() { Path = Shot("legalaid-case.png"), FullPage = true });

        await page.Locator("nav a[href='/legal-aid/cases']").First.ClickAsync();
        (await page.Locator("#case-list").InnerTextAsync()).ShouldContain("曲春燕");
        (await page.Locator("#case-list").InnerTextAsync()).ShouldContain("1101**********002X");
        await page.ScreenshotAsync(new() { Path = Shot("legalaid-cases.png") });

        await page.Locator("nav a[href='/legal-aid']").First.ClickAsync();
        (await page.Locator(".card", new() { HasText = "法律援助工作站" }).Locator(".num").InnerTextAsync()).ShouldBe("7");
        (await page.Locator("#figures").InnerTextAsync()).ShouldContain("绿色通道当天受理指派率");
        await page.ScreenshotAsync(new() { Path = Shot("legalaid-dashboard.png"), FullPage = true });
        await page.Locator("nav a[href='/legal-aid/roster']").First.ClickAsync();
        await page.ScreenshotAsync(new() { Path = Shot("legalaid-roster.png") });
        await page.Locator("nav a[href='/legal-aid/workstations']").First.ClickAsync();
        (await page.Locator("#workstations").InnerTextAsync()).ShouldContain("在用");
        await page.ScreenshotAsync(new() { Path = Shot("legalaid-workstations.png"), FullPage = true });
        await page.Locator("nav a[href='/legal-aid/subsidies']").First.ClickAsync();
        await page.ScreenshotAsync(new() { Path = Shot("legalaid-subsidies.png") });
        // This period's list (the journey's case among them) is paid today; no line is left 待发放.
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("本期清单标记为已发放") }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "标记为" }).WaitForAsync();
        (await page.Locator("#subsidy-lines").InnerTextAsync()).ShouldNotContain("待发放");
        await page.ScreenshotAsync(new() { Path = Shot("legalaid-subsidies-paid.png"), FullPage = true });
    }
}
