using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fazhi.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

/// <summary>操作日志 as an auditor reads it: Chinese names, Beijing time, masked 身份证号 (screenshot audit-log.png).</summary>
public sealed partial class AuditLogJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")]
    private static partial Regex BeijingTime();

    [Fact]
    public async Task The_admin_reads_a_case_change_in_chinese_with_the_id_number_masked()
    {
        using var staff = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await staff.PostAsJsonAsync("/api/v1/auth/token", new { username = "huancui", password = FazhiFactory.DemoPassword });
        token.EnsureSuccessStatusCode();
        staff.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var intake = await staff.PostAsJsonAsync("/api/v1/reconsideration/cases", new
        {
            applicantName = "刘某某", applicantKind = "自然人", applicantIdNumber = "11010519491231002X", applicantPhone = "13812345678",
            respondentCode = "371002-SCJG", matter = "请求撤销环翠市监罚〔2024〕88号行政处罚决定", actDate = "2024-09-10", learnedOn = "2024-09-12",
            channel = "窗口", receivedAt = "2024-09-27T09:00:00",
        });
        intake.EnsureSuccessStatusCode();
        var c = await intake.Content.ReadFromJsonAsync<JsonElement>();
        var id = c.GetProperty("id").GetInt64();
        var number = c.GetProperty("caseNumber").GetString()!;
        (await staff.PostAsJsonAsync($"/api/v1/reconsideration/cases/{id}/actions/accept", new { on = "2024-09-30", procedure = "普通程序" })).EnsureSuccessStatusCode();

        var page = await app.LoginAsync("auditor", FazhiFactory.DemoPassword); // 三员分立: the audit administrator reads the log
        await page.GotoAsync("/system/audit");
        await page.GetByLabel("模块").SelectOptionAsync("行政复议");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("Module=", StringComparison.Ordinal));

        var table = page.Locator("table.audit-log");
        var update = table.Locator("tbody tr").Filter(new() { HasText = $"行政复议案件 {number}" }).Filter(new() { HasText = "修改" }).First;
        (await update.InnerTextAsync()).ShouldSatisfyAllConditions(
            t => t.ShouldContain("行政复议"),
            t => t.ShouldContain("案件状态："),
            t => t.ShouldContain("审查中"),
            t => t.ShouldContain("审理中"),
            t => t.ShouldContain("审理程序："));
        BeijingTime().IsMatch((await update.Locator("td").Nth(1).InnerTextAsync()).Trim()).ShouldBeTrue();
        var created = table.Locator("tbody tr").Filter(new() { HasText = $"行政复议案件 {number}" }).Filter(new() { HasText = "新增" }).First;
        var createdText = await created.InnerTextAsync();
        createdText.ShouldContain("申请人证件号码：1101**********002X");
        createdText.ShouldContain("收到申请时间：2024-09-27 09:00:00");
        (await table.InnerTextAsync()).ShouldContain($"办理过程 {number} 受理");
        (await table.InnerTextAsync()).ShouldNotContain("11010519491231002X");
        (await table.InnerTextAsync()).ShouldNotContain("ApplicantKind");
        await page.ScreenshotAsync(new() { Path = Shot("audit-log.png"), FullPage = true });

        // The platform's audit administrator may unmask; the view says it is logged, and the log shows it.
        await page.GetByRole(AriaRole.Link, new() { Name = "显示完整个人信息" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("已记入操作日志");
        (await page.Locator("table.audit-log").InnerTextAsync()).ShouldContain("11010519491231002X");
        await page.GotoAsync("/system/audit?Operation=查看个人信息明文");
        (await page.Locator("table.audit-log tbody tr").First.InnerTextAsync()).ShouldContain("查询条件：模块：行政复议");
    }
}
