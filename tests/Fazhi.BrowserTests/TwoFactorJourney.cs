using Fazhi.Web.Kernel.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;

namespace Fazhi.BrowserTests;

/// <summary>Kestrel and Chromium with the production policy: second factor required, an administrator's password changed
/// at the first sign-in.</summary>
public sealed class TwoFactorBrowserFixture : BrowserFixture
{
    protected override bool RequireTwoFactor => true;

    protected override bool ForceChangeAfterReset => true;
}

/// <summary>First sign-in → forced password change → TOTP enrolment → sign out → sign in with the code
/// (screenshots 2fa-1…2fa-5).</summary>
public sealed class TwoFactorJourney(TwoFactorBrowserFixture app) : IClassFixture<TwoFactorBrowserFixture>
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task A_new_user_changes_the_initial_password_enrols_totp_and_signs_in_with_a_code()
    {
        // As the security administrator would create it: an initial password the user must replace.
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var db = scope.ServiceProvider.GetRequiredService<Fazhi.Web.Data.FazhiDb>();
            var user = new AppUser
            {
                UserName = "xinren", DisplayName = "新入职科员", OrgUnitId = db.OrgUnits.First(o => o.Code == "371002-SFJ").Id,
                LockoutEnabled = true, MustChangePassword = true,
            };
            (await users.CreateAsync(user, "Initial-Secret-24")).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, "recon")).Succeeded.ShouldBeTrue();
        }

        var page = await app.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名").FillAsync("xinren");
        await page.GetByLabel("密码").FillAsync("Initial-Secret-24");
        await page.GetByRole(AriaRole.Button, new() { Name = "登 录" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/password-change", StringComparison.Ordinal));
        (await page.Locator("#change-reason").InnerTextAsync()).ShouldContain("管理员设置的初始密码");
        await page.Locator("#old-password").FillAsync("Initial-Secret-24");
        await page.Locator("#new-password").FillAsync("Password-2024");
        await page.Locator("#confirm-password").FillAsync("Password-2024");
        await page.GetByRole(AriaRole.Button, new() { Name = "修改密码" }).Last.ClickAsync();
        (await page.Locator("#password-errors").InnerTextAsync()).ShouldContain("常见弱口令");
        await page.ScreenshotAsync(new() { Path = Shot("2fa-1-password-change.png"), FullPage = true });

        await page.Locator("#old-password").FillAsync("Initial-Secret-24");
        await page.Locator("#new-password").FillAsync("Harbour-Lamp-2025");
        await page.Locator("#confirm-password").FillAsync("Harbour-Lamp-2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "修改密码" }).Last.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/two-factor", StringComparison.Ordinal));
        (await page.Locator("#enrol-required").InnerTextAsync()).ShouldContain("按本单位安全策略");
        (await page.Locator("#totp-qr").IsVisibleAsync()).ShouldBeTrue();
        await page.ScreenshotAsync(new() { Path = Shot("2fa-2-enrol.png"), FullPage = true });

        var key = (await page.Locator("#totp-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        var totp = new Totp(Base32Encoding.ToBytes(key));
        await page.GetByRole(AriaRole.Textbox, new() { Name = "动态口令" }).FillAsync(totp.ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime));
        await page.GetByRole(AriaRole.Button, new() { Name = "确认绑定" }).ClickAsync();
        (await page.Locator("#recovery-codes li").CountAsync()).ShouldBe(10);
        await page.ScreenshotAsync(new() { Path = Shot("2fa-3-recovery-codes.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "已保存，继续" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith('/'));
        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal));

        await page.GetByLabel("用户名").FillAsync("xinren");
        await page.GetByLabel("密码").FillAsync("Harbour-Lamp-2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "登 录" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/login/2fa", StringComparison.Ordinal));
        // The enrolment used this 30-second step's code; the next step's is accepted (one step of clock drift either way).
        await page.GetByRole(AriaRole.Textbox, new() { Name = "动态口令" }).FillAsync(totp.ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(30)));
        await page.ScreenshotAsync(new() { Path = Shot("2fa-4-second-step.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "验 证" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        (await page.Locator("header.topbar").InnerTextAsync()).ShouldContain("新入职科员");
        await page.GotoAsync("/account");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("动态口令");
        await page.ScreenshotAsync(new() { Path = Shot("2fa-5-signed-in.png"), FullPage = true });
    }
}
