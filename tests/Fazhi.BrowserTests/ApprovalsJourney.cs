using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

/// <summary>待审批 as a leader uses it: a 行政复议 呈报 listed with its case, approved with a 批示 (screenshot approvals.png).</summary>
public sealed class ApprovalsJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task A_leader_approves_a_submission_from_the_pending_list()
    {
        using var staff = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await staff.PostAsJsonAsync("/api/v1/auth/token", new { username = "huancui", password = FazhiFactory.DemoPassword });
        token.EnsureSuccessStatusCode();
        staff.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var intake = await staff.PostAsJsonAsync("/api/v1/reconsideration/cases", new
        {
            applicantName = "于某某", applicantKind = "自然人", applicantIdNumber = "11010519491231002X", applicantPhone = "13812345678", respondentCode = "371002-SCJG",
            matter = "请求撤销环翠市监罚〔2024〕96号行政处罚决定", actDate = "2024-09-10", learnedOn = "2024-09-12", channel = "窗口",
            receivedAt = "2024-09-27T09:00:00",
        });
        intake.EnsureSuccessStatusCode();
        var id = (await intake.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        (await staff.PostAsJsonAsync($"/api/v1/reconsideration/cases/{id}/approvals",
            new { action = "accept", request = new { on = "2024-09-30", procedure = "普通程序" }, note = "材料齐全，符合受理条件，拟予受理" })).EnsureSuccessStatusCode();

        var page = await app.LoginAsync("huancui-admin", FazhiFactory.DemoPassword);
        await page.GotoAsync("/approvals");
        var row = page.Locator("#approval-list tbody tr").Filter(new() { HasText = "于某某" });
        (await row.InnerTextAsync()).ShouldSatisfyAllConditions(
            t => t.ShouldContain("行政复议"),
            t => t.ShouldContain("受理"),
            t => t.ShouldContain("2024-09-30受理，普通程序"),
            t => t.ShouldContain("拟予受理"),
            t => t.ShouldContain("huancui"));
        await row.GetByLabel("批示或退回理由").FillAsync("同意受理，请按期审理");
        await page.ScreenshotAsync(new() { Path = Shot("approvals.png"), FullPage = true });
        await row.GetByRole(AriaRole.Button, new() { Name = "批准" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("已批准");
        (await page.Locator("#approval-list").CountAsync()).ShouldBe(0);
        (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases/{id}")).GetProperty("statusName").GetString().ShouldBe("审理中");
    }
}
