using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

/// <summary>issue 15 §6 as the applicant and the leader see it: 网上申请 without sign-in, the receipt with the 查询码, the
/// progress query, then the 受理 呈报 approved on the leader's 审批台 and the progress showing the acceptance.</summary>
public sealed class ReconDeskJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task An_applicant_applies_online_the_leader_approves_acceptance_on_the_desk_and_the_progress_shows_it()
    {
        var today = DateOnly.FromDateTime(Fazhi.Web.Kernel.ChinaTime.Now(TimeProvider.System));
        var iso = (DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var page = await app.NewPageAsync();
        await page.GotoAsync("/reconsideration/apply");
        await page.GetByLabel("行政复议机关 *").SelectOptionAsync(new SelectOptionValue { Label = "威海市环翠区人民政府" });
        await page.GetByRole(AriaRole.Button, new() { Name = "选择复议机关" }).ClickAsync();
        await page.WaitForURLAsync("**/reconsideration/apply?region=371002");
        await page.GetByLabel("申请人 *", new() { Exact = true }).FillAsync("孙网申");
        await page.GetByLabel("证件号码 *").FillAsync("11010519491231002X");
        await page.GetByLabel("联系电话 *").FillAsync("13912345678");
        await page.GetByLabel("被申请人 *").SelectOptionAsync(new SelectOptionValue { Label = "环翠区市场监督管理局" });
        await page.Locator("#a-actname").FillAsync("行政处罚决定");
        await page.GetByLabel("复议请求及理由 *").FillAsync("请求撤销被申请人作出的行政处罚决定。事实与理由：处罚明显过重。");
        await page.GetByLabel("行政行为作出日期").FillAsync(iso(today.AddDays(-20)));
        await page.GetByLabel("知道该行为日期 *").FillAsync(iso(today.AddDays(-18)));
        await page.ScreenshotAsync(new() { Path = Shot("recon-apply.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await page.Locator("#receipt").WaitForAsync();
        var number = (await page.Locator("#receipt-number").InnerTextAsync()).Trim();
        var code = (await page.Locator("#receipt-code").InnerTextAsync()).Trim();
        number.ShouldMatch(@"^环翠复〔\d{4}〕\d+号$");
        code.Length.ShouldBe(8);
        await page.ScreenshotAsync(new() { Path = Shot("recon-apply-receipt.png"), FullPage = true });

        await page.GotoAsync("/reconsideration/progress");
        await page.GetByLabel("案号").FillAsync(number);
        await page.GetByLabel("查询码").FillAsync("WRONG234");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        (await page.Locator("#progress-error").InnerTextAsync()).ShouldContain("案号或查询码不正确");
        await page.GetByLabel("查询码").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        (await page.Locator("#progress-stage").InnerTextAsync()).ShouldContain("正在审查是否受理");

        // The 复议科 submits 受理 for approval; the leader approves it on the desk.
        using var staff = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await staff.PostAsJsonAsync("/api/v1/auth/token", new { username = "huancui", password = FazhiFactory.DemoPassword });
        token.EnsureSuccessStatusCode();
        staff.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var found = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases?q={Uri.EscapeDataString("孙网申")}");
        var id = found.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetInt64();
        (await staff.PostAsJsonAsync($"/api/v1/reconsideration/cases/{id}/approvals",
            new { action = "accept", request = new { on = iso(today), procedure = "普通程序" }, note = "网上申请材料齐全，符合第三十条规定，拟予受理" })).EnsureSuccessStatusCode();

        var leader = await app.LoginAsync("huancui-admin", FazhiFactory.DemoPassword);
        (await leader.Locator(".cards").InnerTextAsync()).ShouldContain("待我审批的复议事项");
        await leader.GotoAsync("/reconsideration/desk");
        var row = leader.Locator("#desk-pending tbody tr").Filter(new() { HasText = number });
        (await row.InnerTextAsync()).ShouldSatisfyAllConditions(
            t => t.ShouldContain("孙网申"), t => t.ShouldContain("受理"), t => t.ShouldContain("拟予受理"), t => t.ShouldContain("审查"));
        await row.GetByLabel("批示或退回理由").FillAsync("同意受理");
        await leader.ScreenshotAsync(new() { Path = Shot("recon-desk.png"), FullPage = true });
        var download = await leader.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = "下载" }).ClickAsync());
        download.SuggestedFilename.ShouldStartWith("呈批表-");
        await row.GetByRole(AriaRole.Button, new() { Name = "批准" }).ClickAsync();
        (await leader.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("已批准");
        (await leader.Locator("#desk-decided").InnerTextAsync()).ShouldContain(number);

        await page.GotoAsync("/reconsideration/progress");
        await page.GetByLabel("案号").FillAsync(number);
        await page.GetByLabel("查询码").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        (await page.Locator("#progress-stage").InnerTextAsync()).ShouldContain("已受理");
        (await page.Locator("#progress-accepted").InnerTextAsync()).ShouldBe(iso(today));
        await page.ScreenshotAsync(new() { Path = Shot("recon-progress.png"), FullPage = true });
    }
}
