using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Access.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>国密动态令牌 (GB/T 38556 SM3): the security administrator binds a token, its code signs the user in at
/// /login/2fa and for a bearer token, a used code is refused, a wrong one is counted, and the token is unbound.</summary>
public abstract class Sm3TokenTests(FazhiFactory app)
{
    private const string Password = "Sm3-Token-Secret-24";
    private const string SeedHex = "8A0901346E1A9F3DB17453ABCD3F0187";
    private static readonly byte[] Seed = Convert.FromHexString(SeedHex);

    private async Task CreateAsync(string username)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<Fazhi.Web.Data.FazhiDb>();
        var unit = db.OrgUnits.First(o => o.Code == "371002-SFJ");
        var user = new AppUser { UserName = username, DisplayName = "令牌测试", OrgUnitId = unit.Id, LockoutEnabled = true };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, "recon")).Succeeded.ShouldBeTrue();
    }

    /// <summary>The code the token shows <paramref name="stepsAhead"/> 60-second steps from now (defaults: Tc 60, N 6).</summary>
    private static string Code(int stepsAhead = 0) =>
        Sm3Otp.Compute(Seed, Sm3Otp.TimeFactor(TimeProvider.System.GetUtcNow(), 60) + stepsAhead, 6);

    private async Task<List<string>> FailuresAsync(string username)
    {
        var reasons = new List<string>();
        await app.WithDbAsync(async db => reasons = await db.Set<Fazhi.Web.Kernel.Access.SignIn.LoginLogEntry>()
            .Where(l => l.UserName == username && l.Outcome == Fazhi.Web.Kernel.Access.SignIn.LoginOutcome.Failed).Select(l => l.Reason).ToListAsync());
        return reasons;
    }

    [Fact]
    public async Task A_bound_token_signs_in_once_per_code_and_is_unbound()
    {
        await CreateAsync("sm3-user");
        await CreateAsync("sm3-other");
        var secadmin = await app.ApiAsAsync("secadmin");

        // Bad input answers 400 naming the field; nothing is bound.
        await (await secadmin.PostAsJsonAsync("/api/v1/users/sm3-user/sm3-token", new { serial = "GM-0001", seed = "abcd" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "seed");
        await (await secadmin.PostAsJsonAsync("/api/v1/users/sm3-user/sm3-token", new { serial = "", seed = SeedHex }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "serial");
        var wrongCode = Enumerable.Range(0, 1000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            .First(c => c != Code(-1) && c != Code() && c != Code(1));
        await (await secadmin.PostAsJsonAsync("/api/v1/users/sm3-user/sm3-token", new { serial = "GM-0001", seed = SeedHex, code = wrongCode }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "code");
        await (await secadmin.PostAsJsonAsync("/api/v1/users/no-such-user/sm3-token", new { serial = "GM-0001", seed = SeedHex }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await app.ApiAsAsync("huancui")).PostAsJsonAsync("/api/v1/users/sm3-user/sm3-token", new { serial = "GM-0001", seed = SeedHex }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden); // user management only
        var login = Forms.Browser(app);
        (await Forms.LoginAsync(login, "sm3-user", Password)).Headers.Location!.ToString().ShouldBe("/"); // no second factor yet

        // Bound (serial upper-cased); the seed is stored protected, not as given.
        var bound = await secadmin.PostAsJsonAsync("/api/v1/users/sm3-user/sm3-token", new { serial = "gm-0001", seed = SeedHex.ToLowerInvariant() });
        bound.StatusCode.ShouldBe(HttpStatusCode.OK, await bound.Content.ReadAsStringAsync());
        var info = await bound.Content.ReadFromJsonAsync<JsonElement>();
        info.GetProperty("serial").GetString().ShouldBe("GM-0001");
        info.GetProperty("digits").GetInt32().ShouldBe(6);
        info.GetProperty("stepSeconds").GetInt32().ShouldBe(60);
        await app.WithDbAsync(async db =>
        {
            var stored = await db.UserTokens.SingleAsync(t => t.Name == UserSecrets.Sm3Seed);
            stored.Value!.ShouldNotContain(SeedHex, Case.Insensitive);
            stored.Value!.ShouldNotContain(Convert.ToBase64String(Seed));
        });
        // One token, one user.
        await (await secadmin.PostAsJsonAsync("/api/v1/users/sm3-other/sm3-token", new { serial = "GM-0001", seed = SeedHex }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "serial");

        // /login/2fa asks for the token's code before any session; a wrong code is refused and counted.
        var browser = Forms.Browser(app);
        (await Forms.LoginAsync(browser, "sm3-user", Password)).Headers.Location!.ToString().ShouldStartWith("/login/2fa");
        (await browser.GetStringAsync("/login/2fa")).ShouldContain("国密动态令牌上显示的6位数字");
        (await browser.GetAsync("/reconsideration/cases")).Headers.Location!.ToString().ShouldContain("/login?");
        var wrong = await Forms.PostAsync(browser, "/login/2fa", "/login/2fa", new() { ["Code"] = wrongCode, ["ReturnUrl"] = "/" });
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("动态口令或恢复码不正确");
        var code = Code();
        var ok = await Forms.PostAsync(browser, "/login/2fa", "/login/2fa", new() { ["Code"] = code, ["ReturnUrl"] = "/" });
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ok.Content.ReadAsStringAsync());
        ok.Headers.Location!.ToString().ShouldBe("/");
        (await browser.GetAsync("/reconsideration/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetStringAsync("/account/two-factor")).ShouldContain("已绑定国密动态令牌（序列号 GM-0001）");

        // The same code again (a replay inside its window) is refused; a token needs the code, the next step's works once.
        var again = Forms.Browser(app);
        await Forms.LoginAsync(again, "sm3-user", Password);
        var replayed = await Forms.PostAsync(again, "/login/2fa", "/login/2fa", new() { ["Code"] = code, ["ReturnUrl"] = "/" });
        replayed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await replayed.Content.ReadAsStringAsync()).ShouldContain("已使用过");
        var anonymous = app.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "sm3-user", password = Password }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "code");
        var next = Code(1);
        (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "sm3-user", password = Password, code = next })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "sm3-user", password = Password, code = next }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString()!.ShouldContain("已使用过");
        var failures = await FailuresAsync("sm3-user");
        failures.ShouldContain("动态口令或恢复码错误");
        failures.ShouldContain("动态口令重复使用");

        // The security administrator's page shows the serial, never the seed.
        var page = await (await app.BrowserAsAsync("secadmin")).GetStringAsync("/system/users/sm3-token?username=sm3-user");
        page.ShouldContain("GM-0001");
        page.ShouldNotContain(SeedHex, Case.Insensitive);

        // Unbound: the seed is gone, the password alone signs in again (the policy is off here), a second unbind is 404.
        (await secadmin.DeleteAsync("/api/v1/users/sm3-user/sm3-token")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await secadmin.DeleteAsync("/api/v1/users/sm3-user/sm3-token")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await app.WithDbAsync(async db =>
            (await db.UserTokens.CountAsync(t => t.Name.StartsWith("sm3otp-"))).ShouldBe(0));
        (await Forms.LoginAsync(Forms.Browser(app), "sm3-user", Password)).Headers.Location!.ToString().ShouldBe("/");
    }

    [Fact]
    public async Task The_security_administrator_binds_and_unbinds_on_the_page()
    {
        await CreateAsync("sm3-page");
        var browser = await app.BrowserAsAsync("secadmin");
        (await browser.GetStringAsync("/system/users/edit?username=sm3-page")).ShouldContain("/system/users/sm3-token?username=sm3-page");
        const string url = "/system/users/sm3-token?username=sm3-page";
        var refused = await Forms.PostAsync(browser, url, url + "&handler=Bind", new() { ["Username"] = "sm3-page", ["serial"] = "GM-0002", ["seed"] = "xyz" });
        (await refused.Content.ReadAsStringAsync()).ShouldContain("种子密钥须为十六进制");
        var bindCode = Code();
        var bound = await Forms.PostAsync(browser, url, url + "&handler=Bind",
            new() { ["Username"] = "sm3-page", ["serial"] = "GM-0002", ["seed"] = SeedHex, ["code"] = bindCode });
        bound.StatusCode.ShouldBe(HttpStatusCode.Redirect, await bound.Content.ReadAsStringAsync());
        (await browser.GetStringAsync(url)).ShouldContain("已绑定令牌：序列号 <strong>GM-0002</strong>");
        // The code given at binding is used up: it does not sign in.
        var user = Forms.Browser(app);
        await Forms.LoginAsync(user, "sm3-page", Password);
        (await (await Forms.PostAsync(user, "/login/2fa", "/login/2fa", new() { ["Code"] = bindCode, ["ReturnUrl"] = "/" })).Content.ReadAsStringAsync())
            .ShouldContain("已使用过");
        var unbound = await Forms.PostAsync(browser, url, url + "&handler=Unbind", new() { ["Username"] = "sm3-page" });
        unbound.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetStringAsync(url)).ShouldNotContain("已绑定令牌");
    }
}

public sealed class Sm3TokenTestsOnSqlite(SqliteFactory app) : Sm3TokenTests(app), IClassFixture<SqliteFactory>;

public sealed class Sm3TokenTestsOnPostgres(PostgresFactory app) : Sm3TokenTests(app), IClassFixture<PostgresFactory>;
