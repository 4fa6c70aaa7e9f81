using Fazhi.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

/// <summary>The browser fixture with 人民调解's demo data on (环翠区's committees, mediators and two years of disputes).</summary>
public sealed class MediationBrowserFixture : BrowserFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Fazhi:DemoMediationData", "true");
    }
}

/// <summary>排查 → 登记 → 受理 → 调解 → 协议 → 司法确认 → 协议书, then the dashboard, as 环翠区司法局's 调解科 would do it.</summary>
public sealed class MediationJourney(MediationBrowserFixture app) : IClassFixture<MediationBrowserFixture>
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    private static async Task DoAsync(IPage page, string name, Func<ILocator, Task> fill)
    {
        var form = page.Locator($"details:has(> summary:text-is('{name}'))");
        if (await form.GetAttributeAsync("open") is null) // a refused form comes back open
            await form.Locator("summary").ClickAsync();
        await fill(form);
        await form.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已" + name }).WaitForAsync();
    }

    [Fact]
    public async Task Screening_intake_mediation_agreement_and_judicial_confirmation()
    {
        var page = await app.LoginAsync("huancui-tj", FazhiFactory.DemoPassword);
        await page.GotoAsync("/mediation/screenings");
        var form = page.Locator("#screening-form");
        await form.GetByLabel("调委会").SelectOptionAsync(new SelectOptionValue { Label = "鲸园街道人民调解委员会" });
        await form.GetByLabel("地点或网格").FillAsync("海港路第三网格");
        await form.GetByLabel("排查人").FillAsync("于海涛");
        await form.GetByLabel("发现纠纷").FillAsync("1");
        await form.GetByRole(AriaRole.Button, new() { Name = "登记排查" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "发现纠纷1件" }).WaitForAsync();
        (await page.Locator("#screening-list").InnerTextAsync()).ShouldContain("海港路第三网格");
        await page.ScreenshotAsync(new() { Path = Shot("mediation-screenings.png") });

        await page.Locator("nav a[href='/mediation/new']").ClickAsync();
        await page.GetByLabel("人民调解委员会").SelectOptionAsync(new SelectOptionValue { Label = "鲸园街道人民调解委员会" });
        await page.GetByLabel("纠纷类别").SelectOptionAsync(new SelectOptionValue { Label = "邻里纠纷" });
        await page.GetByLabel("纠纷来源").SelectOptionAsync(new SelectOptionValue { Label = "排查发现" });
        await page.GetByLabel("甲方姓名").FillAsync("丛建国");
        await page.GetByLabel("甲方证件号码").FillAsync("11010519491231002X");
        await page.GetByLabel("甲方电话").FillAsync("13863101234");
        await page.GetByLabel("乙方姓名").FillAsync("毕秀英");
        await page.GetByLabel("涉及金额（元）").FillAsync("3500");
        await page.GetByLabel("纠纷简要情况").FillAsync("楼上卫生间漏水致楼下天花板受损，双方就维修费用协商不成");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已登记纠纷" }).WaitForAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("鲸园调字第");
        (await page.Locator("#parties").InnerTextAsync()).ShouldContain("1101**********002X");

        await DoAsync(page, "受理", f => f.GetByLabel("调解员").SelectOptionAsync(new SelectOptionValue { Index = 1 }));
        await DoAsync(page, "调解笔录", async f =>
        {
            await f.GetByLabel("调解地点").FillAsync("鲸园司法所调解室");
            await f.GetByLabel("调解笔录（主要情况）").FillAsync("双方到场陈述；调解员现场查看漏水点，释明民法典相邻关系规定，双方同意由楼上承担维修费用。");
        });
        await DoAsync(page, "调解成功（达成协议）", async f =>
        {
            await f.GetByLabel("协议形式").SelectOptionAsync("书面协议");
            await f.GetByLabel("协议内容（履行方式、期限）").FillAsync("毕秀英于2026年12月20日前修复漏水点并一次性支付丛建国维修费3500元，双方就此纠纷再无争议。");
        });
        (await page.Locator("#status").InnerTextAsync()).ShouldBe("调解成功");
        (await page.Locator("#deadlines").InnerTextAsync()).ShouldContain("司法确认申请期限");
        await page.ScreenshotAsync(new() { Path = Shot("mediation-agreed.png"), FullPage = true });
        // The signed 协议书 scan goes on file with the dispute.
        await page.Locator("#attach-file").SetInputFilesAsync(new FilePayload { Name = "调解协议书签字页.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 signed"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已上传附件" }).WaitForAsync();
        (await page.Locator("#attachments").InnerTextAsync()).ShouldContain("调解协议书签字页.pdf");

        // One party alone: refused with the article.
        var apply = page.Locator("details:has(> summary:text-is('申请司法确认'))");
        await apply.Locator("summary").ClickAsync();
        await apply.GetByLabel("受理法院").FillAsync("威海市环翠区人民法院");
        await apply.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        (await page.Locator("details[open] .field-error", new() { HasText = "第三十三条" }).InnerTextAsync()).ShouldContain("双方当事人共同申请");
        await page.ScreenshotAsync(new() { Path = Shot("mediation-confirmation-refused.png"), FullPage = true });
        await DoAsync(page, "申请司法确认", async f =>
        {
            await f.GetByLabel("受理法院").FillAsync("威海市环翠区人民法院");
            await f.GetByLabel("双方当事人共同申请").CheckAsync();
        });
        await DoAsync(page, "登记法院裁定", async f =>
        {
            await f.GetByLabel("裁定结果").SelectOptionAsync("裁定调解协议有效");
            await f.GetByLabel("法院案号（调确字）").FillAsync("（2026）鲁1002民特88号");
        });
        (await page.Locator("#confirmation").InnerTextAsync()).ShouldContain("裁定调解协议有效");

        await page.GetByLabel("制作").SelectOptionAsync(new SelectOptionValue { Label = "人民调解协议书" });
        await page.GetByRole(AriaRole.Button, new() { Name = "生成（.docx）" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已制作人民调解协议书" }).WaitForAsync();
        (await page.Locator("#documents").InnerTextAsync()).ShouldContain("鲸园调协字第");
        // Keep the generated 协议书 beside the screenshots, to look at it as the parties will (docs/images/mediation-agreement.png).
        var href = await page.Locator("#documents a").First.GetAttributeAsync("href");
        var docx = await page.Context.APIRequest.GetAsync(href!);
        docx.Ok.ShouldBeTrue();
        await File.WriteAllBytesAsync(Shot("mediation-agreement.docx"), await docx.BodyAsync());
        (await page.Locator("#events").InnerTextAsync()).ShouldContain("申请司法确认");
        await page.ScreenshotAsync(new() { Path = Shot("mediation-dispute.png"), FullPage = true });

        await page.GotoAsync("/mediation/disputes?q=丛建国");
        (await page.Locator("#dispute-list").InnerTextAsync()).ShouldContain("调解成功");
        await page.GotoAsync("/mediation/disputes");
        await page.ScreenshotAsync(new() { Path = Shot("mediation-disputes.png") });

        await page.GotoAsync("/mediation?org=371002");
        (await page.Locator(".card", new() { HasText = "受理纠纷" }).First.Locator(".num").InnerTextAsync()).ShouldNotBe("0");
        (await page.Locator("#report-table").InnerTextAsync()).ShouldContain("家事类");
        await page.ScreenshotAsync(new() { Path = Shot("mediation-dashboard.png"), FullPage = true });
        await page.GotoAsync("/mediation/subsidy");
        await page.ScreenshotAsync(new() { Path = Shot("mediation-subsidy.png"), FullPage = true });
    }
}
