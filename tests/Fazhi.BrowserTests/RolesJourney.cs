using Fazhi.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

/// <summary>角色管理 as the platform administrator uses it, and the menu a read-only user sees (screenshots roles.png,
/// viewer-menu.png).</summary>
public sealed class RolesJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task The_platform_administrator_takes_a_permission_from_a_role_and_its_menu_entry_disappears()
    {
        var viewer = await app.LoginAsync("weihai", FazhiFactory.DemoPassword);
        var menu = viewer.Locator("nav.sidebar");
        (await menu.InnerTextAsync()).ShouldContain("行政应诉");
        (await menu.InnerTextAsync()).ShouldNotContain("收到申请");
        (await menu.InnerTextAsync()).ShouldNotContain("数据报送");
        (await menu.InnerTextAsync()).ShouldNotContain("角色管理");
        await viewer.ScreenshotAsync(new() { Path = Shot("viewer-menu.png") });

        var admin = await app.LoginAsync("secadmin", FazhiFactory.DemoPassword); // 三员分立: roles are the security administrator's
        await admin.GotoAsync("/system/roles");
        await admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "上级查看" }).GetByRole(AriaRole.Link, new() { Name = "分配权限" }).ClickAsync();
        var tree = admin.Locator("#perm-tree");
        (await tree.InnerTextAsync()).ShouldContain("行政复议");
        (await tree.InnerTextAsync()).ShouldContain("行政执法监督");
        var litigation = tree.GetByRole(AriaRole.Checkbox, new() { Name = "行政应诉：查看" });
        (await litigation.IsCheckedAsync()).ShouldBeTrue();
        (await tree.GetByRole(AriaRole.Checkbox, new() { Name = "复议案件：收到申请（登记）" }).IsCheckedAsync()).ShouldBeFalse();
        await litigation.UncheckAsync();
        admin.Dialog += (_, dialog) => dialog.AcceptAsync();
        await tree.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await admin.WaitForURLAsync(url => url.Contains("code=viewer", StringComparison.Ordinal));
        (await admin.Locator(".flash").InnerTextAsync()).ShouldContain("已保存角色权限");
        await admin.ScreenshotAsync(new() { Path = Shot("roles.png"), FullPage = true });

        // The role's users sign in again and no longer see the entry (their sessions were ended with the change).
        var again = await app.LoginAsync("weihai", FazhiFactory.DemoPassword);
        (await again.Locator("nav.sidebar").InnerTextAsync()).ShouldNotContain("行政应诉");
        await again.GotoAsync("/reconsideration/litigation");
        (await again.ContentAsync()).ShouldContain("无权");

        await admin.GotoAsync("/system/roles?code=viewer#perm-tree");
        await admin.Locator("#perm-tree").GetByRole(AriaRole.Checkbox, new() { Name = "行政应诉：查看" }).CheckAsync();
        await admin.Locator("#perm-tree").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await admin.WaitForURLAsync(url => url.Contains("code=viewer", StringComparison.Ordinal));
    }
}
