using Fazhi.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

public sealed class OrgTreeJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task An_admin_logs_in_creates_a_unit_and_finds_it_in_the_tree()
    {
        var login = await app.NewPageAsync();
        await login.GotoAsync("/login");
        (await login.TitleAsync()).ShouldContain("登录");
        await login.ScreenshotAsync(new() { Path = Shot("login.png") });

        var page = await app.LoginAsync("admin", FazhiFactory.AdminPassword);
        await page.GetByRole(AriaRole.Heading, new() { Name = "首页" }).WaitForAsync();
        (await page.Locator(".card").CountAsync()).ShouldBeGreaterThanOrEqualTo(3);
        await page.ScreenshotAsync(new() { Path = Shot("home.png") });

        await page.GetByRole(AriaRole.Link, new() { Name = "组织机构" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "新增机构" }).ClickAsync();
        var dialog = page.Locator("#create-dialog");
        await dialog.GetByLabel("机构代码").FillAsync("371002009");
        await dialog.GetByLabel("机构名称").FillAsync("测试新区街道");
        await dialog.GetByLabel("机构类型").SelectOptionAsync(new SelectOptionValue { Label = "街镇" });
        await dialog.GetByLabel("上级机构").SelectOptionAsync(new SelectOptionValue { Value = "371002" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已新增机构" }).WaitForAsync();
        var inTree = page.Locator("#org-tree").GetByRole(AriaRole.Link, new() { Name = "测试新区街道" });
        (await inTree.CountAsync()).ShouldBe(1);
        await page.GetByLabel("搜索机构").FillAsync("测试新区");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await page.Locator("#org-tree").GetByRole(AriaRole.Link, new() { Name = "测试新区街道" }).ClickAsync();
        (await page.Locator("main h2").First.InnerTextAsync()).ShouldContain("测试新区街道");
        (await page.Locator("#org-tree").InnerTextAsync()).ShouldContain("环翠区"); // its ancestors stay in view
        await page.ScreenshotAsync(new() { Path = Shot("orgs.png"), FullPage = true });
    }

    [Fact]
    public async Task A_bad_code_is_explained_in_chinese_on_the_form()
    {
        var page = await app.LoginAsync("admin", FazhiFactory.AdminPassword);
        await page.GotoAsync("/system/orgs?code=371002");
        await page.GetByRole(AriaRole.Button, new() { Name = "新增机构" }).ClickAsync();
        var dialog = page.Locator("#create-dialog");
        await dialog.GetByLabel("机构代码").FillAsync("371002");
        await dialog.GetByLabel("机构名称").FillAsync("<b>重复</b>");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        var reopened = page.Locator("#create-dialog[open]");
        await reopened.WaitForAsync();
        (await reopened.InnerTextAsync()).ShouldContain("机构代码“371002”已存在");
        (await reopened.InnerTextAsync()).ShouldContain("机构名称不能包含");
        await page.ScreenshotAsync(new() { Path = Shot("orgs-error.png") });
    }

    [Fact]
    public async Task A_district_admin_sees_only_their_district_in_the_tree()
    {
        var page = await app.LoginAsync("huancui-admin", FazhiFactory.DemoPassword);
        await page.GotoAsync("/system/orgs");
        var tree = await page.Locator("#org-tree").InnerTextAsync();
        tree.ShouldContain("鲸园司法所");
        tree.ShouldNotContain("荣成市");
        tree.ShouldNotContain("河东区");
        var response = await page.GotoAsync("/system/orgs?code=371082-SFJ");
        response!.Status.ShouldBe(404);
        (await page.ContentAsync()).ShouldContain("不在您的数据权限范围内");
    }

    [Fact]
    public async Task The_calendar_and_the_audit_log_render()
    {
        var page = await app.LoginAsync("admin", FazhiFactory.AdminPassword);
        await page.GotoAsync("/system/calendar?year=2024");
        (await page.Locator(".cal .makeup").CountAsync()).ShouldBe(8); // 2024 has eight 调休 working days
        await page.ScreenshotAsync(new() { Path = Shot("calendar.png"), FullPage = true });
        page = await app.LoginAsync("auditor", FazhiFactory.DemoPassword); // 三员分立: the log is the audit administrator's
        await page.GotoAsync("/system/audit");
        await page.GetByRole(AriaRole.Button, new() { Name = "校验哈希链" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("哈希链完整");
        await page.ScreenshotAsync(new() { Path = Shot("audit.png") });
        await page.GotoAsync("/api/docs/");
        await page.WaitForTimeoutAsync(1500);
        await page.ScreenshotAsync(new() { Path = Shot("api-docs.png") });
    }
}
