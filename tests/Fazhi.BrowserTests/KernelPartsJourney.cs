using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

/// <summary>附件 on the case page, the bell and 站内消息 after a 呈报, and 字典管理 (screenshots case-attachments.png,
/// messages.png, dicts.png).</summary>
public sealed class KernelPartsJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task Staff_attach_a_file_the_leader_is_reminded_and_the_admin_edits_a_dictionary()
    {
        using var staff = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await staff.PostAsJsonAsync("/api/v1/auth/token", new { username = "huancui", password = FazhiFactory.DemoPassword });
        token.EnsureSuccessStatusCode();
        staff.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var intake = await staff.PostAsJsonAsync("/api/v1/reconsideration/cases", new
        {
            applicantName = "孙某某", applicantKind = "自然人", applicantIdNumber = "11010519491231002X", applicantPhone = "13812345678",
            respondentCode = "371002-SCJG", matter = "请求撤销行政处罚决定", actDate = "2024-09-10", learnedOn = "2024-09-12",
            channel = "窗口", receivedAt = "2024-09-27T09:00:00",
        });
        intake.EnsureSuccessStatusCode();
        var id = (await intake.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var page = await app.LoginAsync("huancui", FazhiFactory.DemoPassword);
        await page.GotoAsync($"/reconsideration/cases/{id}");
        var file = Path.Combine(Path.GetTempPath(), "复议申请书.pdf");
        await File.WriteAllBytesAsync(file, "%PDF-1.4 test"u8.ToArray());
        await page.Locator("#attach-file").SetInputFilesAsync(file);
        await page.GetByLabel("类别").SelectOptionAsync(new SelectOptionValue { Label = "申请材料" });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await page.WaitForSelectorAsync("#attachments");
        (await page.Locator("#attachments").InnerTextAsync()).ShouldContain("复议申请书.pdf");
        await page.Locator("#h-files").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Shot("case-attachments.png") });

        (await staff.PostAsJsonAsync($"/api/v1/reconsideration/cases/{id}/approvals",
            new { action = "accept", request = new { on = "2024-09-30", procedure = "普通程序" }, note = "材料齐全，拟受理" })).EnsureSuccessStatusCode();
        var leader = await app.LoginAsync("huancui-admin", FazhiFactory.DemoPassword);
        await leader.GotoAsync("/");
        var bell = leader.Locator("#bell");
        (await bell.InnerTextAsync()).ShouldContain("消息（1）");
        await bell.ClickAsync();
        await leader.WaitForURLAsync(url => url.EndsWith("/messages", StringComparison.Ordinal));
        (await leader.Locator("#messages").InnerTextAsync()).ShouldContain("待审批");
        await leader.ScreenshotAsync(new() { Path = Shot("messages.png") });

        var admin = await app.LoginAsync("admin", FazhiFactory.AdminPassword);
        await admin.GotoAsync("/system/dicts?type=system.attachment_category");
        await admin.GetByLabel("字典键值").FillAsync("photo");
        await admin.GetByLabel("字典标签").FillAsync("现场照片");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await admin.WaitForSelectorAsync(".flash");
        (await admin.Locator("#dict-items").InnerTextAsync()).ShouldContain("现场照片");
        await admin.ScreenshotAsync(new() { Path = Shot("dicts.png"), FullPage = true });
    }
}
