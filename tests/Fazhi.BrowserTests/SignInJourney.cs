using Fazhi.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

/// <summary>在线用户 and 登录日志 as the administrator uses them, and the login page's 图形验证码 (screenshots
/// login-captcha.png, sessions.png, loginlog.png).</summary>
public sealed class SignInJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task The_administrator_ends_a_session_and_reads_the_login_log()
    {
        var user = await app.LoginAsync("huancui", FazhiFactory.DemoPassword);

        // Three wrong passwords for one name: the login page asks for the captcha, with the same message as before.
        var guesser = await app.NewPageAsync();
        await guesser.GotoAsync("/login");
        for (var i = 0; i < 3; i++)
        {
            await guesser.GetByLabel("用户名").FillAsync("jingyuan");
            await guesser.GetByLabel("密码").FillAsync("wrong-" + i);
            await guesser.GetByRole(AriaRole.Button, new() { Name = "登 录" }).ClickAsync();
            await guesser.Locator(".alert-error").WaitForAsync();
        }
        (await guesser.Locator(".alert-error").InnerTextAsync()).ShouldBe("用户名或密码错误。");
        (await guesser.Locator("#captcha-image").IsVisibleAsync()).ShouldBeTrue();
        (await guesser.Locator("#captcha-image").EvaluateAsync<int>("img => img.naturalWidth")).ShouldBe(150);
        await guesser.ScreenshotAsync(new() { Path = Shot("login-captcha.png") });

        // 在线用户 is the 安全管理员's, 登录日志 the 审计管理员's (三员分立).
        var admin = await app.LoginAsync("secadmin", FazhiFactory.DemoPassword);
        await admin.GetByRole(AriaRole.Link, new() { Name = "在线用户" }).ClickAsync();
        var row = admin.Locator("#sessions tr[data-user='huancui']");
        (await row.CountAsync()).ShouldBe(1);
        (await admin.Locator("#sessions").InnerTextAsync()).ShouldContain("当前");
        await admin.ScreenshotAsync(new() { Path = Shot("sessions.png"), FullPage = true });
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("强退") }).ClickAsync();
        await admin.Locator(".alert-ok").WaitForAsync();
        (await admin.Locator(".alert-ok").InnerTextAsync()).ShouldContain("已强退");
        (await admin.Locator("#sessions tr[data-user='huancui']").CountAsync()).ShouldBe(0);

        // The ended session's next click goes to the login page.
        await user.GotoAsync("/account");
        user.Url.ShouldContain("/login");

        admin = await app.LoginAsync("auditor", FazhiFactory.DemoPassword);
        await admin.GetByRole(AriaRole.Link, new() { Name = "登录日志" }).ClickAsync();
        await admin.GetByLabel("用户名").FillAsync("jingyuan");
        await admin.GetByLabel("登录结果").SelectOptionAsync("失败");
        await admin.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await admin.WaitForURLAsync(url => url.Contains("Outcome=", StringComparison.Ordinal));
        var log = await admin.Locator("#loginlog").InnerTextAsync();
        log.ShouldContain("jingyuan");
        log.ShouldContain("用户名或密码错误");
        (await admin.Locator("#loginlog tbody tr").CountAsync()).ShouldBe(3);
        await admin.ScreenshotAsync(new() { Path = Shot("loginlog.png"), FullPage = true });
        // 导出 with the same filters, fetched with the page's cookie.
        var href = await admin.Locator("#loginlog-export").GetAttributeAsync("href");
        href!.ShouldContain("Outcome=");
        var export = await admin.APIRequest.GetAsync(href!);
        export.Status.ShouldBe(200);
        export.Headers["content-type"].ShouldContain("spreadsheetml");
    }
}
