using System.Globalization;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Modules.Enforcement.Import;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace Fazhi.BrowserTests;

/// <summary>
/// 行政执法监督 as its users meet it on the demo data: the 司法局 opens the dashboard and a warning; the 市场监管局's
/// 报送员 answers a warning of its own (反馈, then 整改); the 司法局 closes it (销号); records are searched; a sheet with
/// one good and one bad row is uploaded.
/// </summary>
public sealed class EnforcementJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8));

    private static Task<string> StatusTagAsync(IPage page) => page.Locator("#warning-status").InnerTextAsync();

    [Fact]
    public async Task The_bureau_sees_the_dashboard_and_a_department_answers_a_warning_to_closure()
    {
        var page = await app.LoginAsync("huancui", FazhiFactory.DemoPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "监督首页" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("环翠区");
        var figures = await page.Locator("#figures").InnerTextAsync();
        foreach (var label in new[] { "行政检查", "行政处罚", "行政强制", "不罚轻罚", "预警下发", "预警销号", "逾期未处理" })
            figures.ShouldContain(label);
        int.Parse(await page.Locator(".card", new() { HasText = "行政检查" }).Locator(".num").InnerTextAsync(), CultureInfo.InvariantCulture).ShouldBeGreaterThan(50);
        (await page.Locator("#departments").InnerTextAsync()).ShouldContain("环翠区市场监督管理局");
        (await page.Locator("svg.chart").CountAsync()).ShouldBe(2);
        (await page.Locator("#open-warnings tr.overdue").CountAsync()).ShouldBeGreaterThan(0); // overdue ones shown in red
        (await page.Locator("#rules").InnerTextAsync()).ShouldContain("ZF07 重复检查");
        await page.ScreenshotAsync(new() { Path = Shot("enforcement-dashboard.png"), FullPage = true });

        // The most urgent open warning, and a department's own view.
        await page.Locator("#open-warnings a").First.ClickAsync();
        await page.Locator("#warning-facts").WaitForAsync();
        (await StatusTagAsync(page)).ShouldBeOneOf("待反馈", "整改中", "待销号");
        (await page.Locator("#timeline").InnerTextAsync()).ShouldContain("下发");
        await page.GotoAsync("/enforcement");
        await page.Locator("#departments tr", new() { HasText = "环翠区市场监督管理局" }).GetByRole(AriaRole.Link, new() { Name = "部门视图" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("环翠区市场监督管理局");

        // The department answers one of its own warnings.
        var dept = await app.LoginAsync("huancui-scjg", FazhiFactory.DemoPassword);
        await dept.GotoAsync("/enforcement/warnings?status=Issued");
        (await dept.Locator("#warning-list").InnerTextAsync()).ShouldNotContain("综合行政执法局"); // only its own
        await dept.Locator("#warning-list tbody tr a").First.ClickAsync();
        (await StatusTagAsync(dept)).ShouldBe("待反馈");
        var url = dept.Url;
        await dept.GetByLabel("反馈意见").FillAsync("经核查情况属实，已责令整改。");
        await dept.GetByRole(AriaRole.Button, new() { Name = "提交反馈" }).ClickAsync();
        await dept.GetByRole(AriaRole.Status).Filter(new() { HasText = "已反馈" }).WaitForAsync();
        (await StatusTagAsync(dept)).ShouldBe("整改中");
        await dept.GetByLabel("整改情况").FillAsync("已补正执法记录并组织培训。");
        await dept.GetByRole(AriaRole.Button, new() { Name = "报送整改情况" }).ClickAsync();
        await dept.GetByRole(AriaRole.Status).Filter(new() { HasText = "已报送整改情况" }).WaitForAsync();
        (await StatusTagAsync(dept)).ShouldBe("待销号");
        (await dept.Locator("#close-form").CountAsync()).ShouldBe(0); // 销号 is the bureau's

        // The bureau closes it.
        await page.GotoAsync(url);
        (await StatusTagAsync(page)).ShouldBe("待销号");
        await page.GetByLabel("销号意见").FillAsync("整改到位，同意销号。");
        await page.GetByRole(AriaRole.Button, new() { Name = "销号", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已销号" }).WaitForAsync();
        (await StatusTagAsync(page)).ShouldBe("已销号");
        var timeline = await page.Locator("#timeline").InnerTextAsync();
        timeline.ShouldContain("经核查情况属实，已责令整改。");
        timeline.ShouldContain("已补正执法记录并组织培训。");
        timeline.ShouldContain("huancui：整改到位，同意销号。");
        await page.ScreenshotAsync(new() { Path = Shot("enforcement-warning.png"), FullPage = true });
    }

    [Fact]
    public async Task Records_are_searched_and_a_sheet_is_uploaded_with_its_bad_row_explained()
    {
        var page = await app.LoginAsync("huancui", FazhiFactory.DemoPassword);
        await page.GotoAsync("/enforcement/records");
        await page.GetByLabel("执法部门").SelectOptionAsync(new SelectOptionValue { Label = "环翠区市场监督管理局" });
        await page.GetByLabel("类型").SelectOptionAsync("处罚");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("kind=", StringComparison.Ordinal));
        var rows = page.Locator("#record-list tbody tr");
        (await rows.CountAsync()).ShouldBe(20);
        foreach (var row in await rows.AllInnerTextsAsync())
        {
            row.ShouldContain("环翠区市场监督管理局");
            row.ShouldContain("处罚");
        }
        (await page.Locator(".pager").InnerTextAsync()).ShouldMatch(@"共 \d+ 条");
        (await page.GetByRole(AriaRole.Link, new() { Name = "导出 Excel" }).GetAttributeAsync("href"))!.ShouldContain("org=371002-SCJG");
        await page.ScreenshotAsync(new() { Path = Shot("enforcement-records.png"), FullPage = true });
        await page.GotoAsync("/enforcement/records?q=没有这个对象");
        (await page.Locator("#records-empty").InnerTextAsync()).ShouldContain("没有符合条件的执法记录");

        await page.GetByRole(AriaRole.Link, new() { Name = "预警处理" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "逾期", Exact = true }).ClickAsync();
        (await page.Locator("#warning-list .tag-danger").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("#warning-list").InnerTextAsync()).ShouldContain("逾期");
        await page.ScreenshotAsync(new() { Path = Shot("enforcement-warnings.png"), FullPage = true });
        await page.Locator("#warning-list tbody td:nth-child(3) a").First.ClickAsync();
        (await page.Locator("#record-facts").InnerTextAsync()).ShouldContain("执法人员");
        (await page.Locator("#record-warnings").InnerTextAsync()).ShouldContain("《");
        await page.ScreenshotAsync(new() { Path = Shot("enforcement-record.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "统计分析" }).Last.ClickAsync();
        var stats = await page.Locator("#figures").InnerTextAsync();
        foreach (var label in new[] { "不罚轻罚", "罚没金额", "评查平均分", "期初持证", "注销或撤销", "考试通过率", "联合检查" })
            stats.ShouldContain(label);
        (await page.Locator("#stats-rules").InnerTextAsync()).ShouldContain("ZF10 执法证已过期");
        await page.ScreenshotAsync(new() { Path = Shot("enforcement-stats.png"), FullPage = true });

        var dept = await app.LoginAsync("huancui-scjg", FazhiFactory.DemoPassword);
        await dept.GetByRole(AriaRole.Link, new() { Name = "数据报送" }).ClickAsync();
        (await dept.Locator("#department").InnerTextAsync()).ShouldContain("环翠区市场监督管理局");
        await dept.GetByLabel("报送表文件").SetInputFilesAsync(new FilePayload
        {
            Name = "报送表.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = Sheet(),
        });
        await dept.GetByRole(AriaRole.Button, new() { Name = "上传并校验保存" }).ClickAsync();
        var result = await dept.Locator("#upload-result").InnerTextAsync();
        result.ShouldContain("共 2 条：保存 1 条（新增 1 条，更新 0 条），拒收 1 条");
        var rejected = await dept.Locator("#rejected-rows").InnerTextAsync();
        rejected.ShouldContain("第 3 行");
        rejected.ShouldContain("BROWSER-BAD-1");
        rejected.ShouldContain("执法事项清单中没有编码“XX-999”");
        rejected.ShouldContain("“罚款”不是检查、处罚、强制或其他");
        await dept.ScreenshotAsync(new() { Path = Shot("enforcement-upload.png"), FullPage = true });

        await dept.GotoAsync("/enforcement/records?q=BROWSER-GOOD-1");
        (await dept.Locator("#record-list").InnerTextAsync()).ShouldContain("威海浏览器测试商贸有限公司");
    }

    /// <summary>The 报送表 with a good row and a bad one (unknown kind and item code).</summary>
    private static byte[] Sheet()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var credit = alphabet.Select(c => "91371002MA3CKWTR1" + c).First(UnifiedSocialCreditCode.IsValid);
        var day = Today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Dictionary<string, object?> Row(string id, string kind, string item) => RecordSheet.Headers.ToDictionary(h => h, h => (object?)(h switch
        {
            "来源编号" => id, "类型" => kind, "事项编码" => item, "对象名称" => "威海浏览器测试商贸有限公司", "统一社会信用代码" => credit,
            "执法证号" => "37100201001、37100201002", "立案日期" => day, "结案日期" => day,
            _ => null,
        }));
        using var ms = new MemoryStream();
        ms.SaveAs(new[] { Row("BROWSER-GOOD-1", "检查", "SC-101"), Row("BROWSER-BAD-1", "罚款", "XX-999") }, excelType: ExcelType.XLSX);
        return ms.ToArray();
    }
}
