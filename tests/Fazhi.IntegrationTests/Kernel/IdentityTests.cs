using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using OtpNet;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>Form posts through the pages, as a browser would (the antiforgery token taken from the page).</summary>
internal static partial class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string postUrl, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(pageUrl);
        fields["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(page);
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(fields));
    }

    public static HttpClient Browser(FazhiFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts the login form; returns the response (a redirect to /, to /login/2fa, or the page with an error).</summary>
    public static Task<HttpResponseMessage> LoginAsync(HttpClient client, string username, string password) =>
        PostAsync(client, "/login", "/login", new() { ["Username"] = username, ["Password"] = password });

    [GeneratedRegex("id=\"totp-key\"[^>]*>([A-Z2-7 ]+)<")]
    public static partial Regex TotpKey();

    [GeneratedRegex("<li><code>([a-z0-9]{5}-[a-z0-9]{5})</code></li>")]
    public static partial Regex RecoveryCode();

    /// <summary>The TOTP code <paramref name="stepsAhead"/> 30-second steps from now (the server accepts one step either side).</summary>
    public static string Code(string key, int stepsAhead = 0) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal))).ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(30 * stepsAhead));
}

/// <summary>密码策略, forced change, 三员分立 and machine accounts (the second factor is not required here).</summary>
public abstract class PasswordAndDutiesTests(FazhiFactory app)
{
    public sealed class SqliteHost() : FazhiFactory(Provider.Sqlite)
    {
        protected override bool ForceChangeAfterReset => true;
    }

    public sealed class PostgresHost() : FazhiFactory(Provider.Postgres)
    {
        protected override bool ForceChangeAfterReset => true;
    }

    private async Task CreateAsync(string username, string password, string role = "recon", string unit = "371002-SFJ")
    {
        var created = await (await app.ApiAsAsync("secadmin")).PostAsJsonAsync("/api/v1/users", new
        {
            username, displayName = "身份测试", orgCode = unit, roles = new[] { role }, password,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Short-1a", "密码至少10位")]
    [InlineData("lowercase-only", "至少3类")]
    [InlineData("Password1!", "常见弱口令")]
    [InlineData("P@ssw0rd2024", "常见弱口令")]
    [InlineData("Fazhi@2026", "常见弱口令")]
    [InlineData("Xpolicy-user-Z9", "不能包含用户名")]
    public async Task A_weak_or_common_password_is_refused_in_chinese(string password, string message)
    {
        var response = await (await app.ApiAsAsync("secadmin")).PostAsJsonAsync("/api/v1/users", new
        {
            username = "policy-user", displayName = "弱密码", orgCode = "371002-SFJ", roles = new[] { "recon" }, password,
        });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "password");
        problem.GetProperty("errors").GetProperty("password").EnumerateArray().Select(e => e.GetString()).ShouldContain(m => m!.Contains(message));
    }

    [Fact]
    public async Task The_first_sign_in_forces_a_change_and_a_reused_password_is_refused()
    {
        await CreateAsync("first-login", "Initial-Secret-24");
        // A token works for nothing but the change; pages lead to the change page.
        var api = await app.ApiAsAsync("first-login", "Initial-Secret-24");
        (await (await api.GetAsync("/api/v1/orgs")).ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString().ShouldBe("请先修改密码。");
        var browser = await app.BrowserAsAsync("first-login", "Initial-Secret-24");
        var home = await browser.GetAsync("/reconsideration/cases");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.ToString().ShouldBe("/account/password-change");
        (await browser.GetStringAsync("/account/password-change")).ShouldContain("管理员设置的初始密码");

        var common = await Forms.PostAsync(browser, "/account/password-change", "/account/password-change",
            new() { ["oldPassword"] = "Initial-Secret-24", ["newPassword"] = "Admin@12345", ["confirmPassword"] = "Admin@12345" });
        (await common.Content.ReadAsStringAsync()).ShouldContain("常见弱口令");
        var changed = await Forms.PostAsync(browser, "/account/password-change", "/account/password-change",
            new() { ["oldPassword"] = "Initial-Secret-24", ["newPassword"] = "Second-Secret-25", ["confirmPassword"] = "Second-Secret-25" });
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await changed.Content.ReadAsStringAsync());
        (await browser.GetAsync("/reconsideration/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await app.ApiAsAsync("first-login", "Second-Secret-25")).GetAsync("/api/v1/orgs")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // 个人中心: going back to the first password is refused (history of 5), a new one is accepted.
        var reused = await Forms.PostAsync(browser, "/account", "/account?handler=Password",
            new() { ["oldPassword"] = "Second-Secret-25", ["newPassword"] = "Initial-Secret-24", ["confirmPassword"] = "Initial-Secret-24" });
        (await reused.Content.ReadAsStringAsync()).ShouldContain("新密码不能与最近5次使用过的密码相同");
        var third = await Forms.PostAsync(browser, "/account", "/account?handler=Password",
            new() { ["oldPassword"] = "Second-Secret-25", ["newPassword"] = "Third-Secret-26", ["confirmPassword"] = "Third-Secret-26" });
        third.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task An_administrators_reset_forces_a_change_but_an_operator_chosen_password_does_not()
    {
        // FAZHI_DEMO_PASSWORD was chosen by the operator: the demo users work at once.
        (await (await app.ApiAsAsync("huancui")).GetAsync("/api/v1/orgs")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await CreateAsync("reset-me", "Initial-Reset-24");
        var browser = await app.BrowserAsAsync("reset-me", "Initial-Reset-24");
        (await Forms.PostAsync(browser, "/account/password-change", "/account/password-change",
            new() { ["oldPassword"] = "Initial-Reset-24", ["newPassword"] = "Own-Secret-2025", ["confirmPassword"] = "Own-Secret-2025" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var own = await app.ApiAsAsync("reset-me", "Own-Secret-2025");
        (await own.GetAsync("/api/v1/orgs")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var reset = await (await app.ApiAsAsync("secadmin")).PutAsJsonAsync("/api/v1/users/reset-me", new
        {
            displayName = "身份测试", orgCode = "371002-SFJ", roles = new[] { "recon" }, password = "Reset-By-Admin-25", isActive = true,
        });
        reset.StatusCode.ShouldBe(HttpStatusCode.NoContent, await reset.Content.ReadAsStringAsync());
        await (await own.GetAsync("/api/v1/orgs")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized); // the old token ended
        var after = await app.ApiAsAsync("reset-me", "Reset-By-Admin-25");
        (await (await after.GetAsync("/api/v1/orgs")).ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString().ShouldBe("请先修改密码。");
        var page = await app.BrowserAsAsync("reset-me", "Reset-By-Admin-25");
        (await page.GetAsync("/")).Headers.Location!.ToString().ShouldBe("/account/password-change");
    }

    [Fact]
    public async Task No_account_holds_two_of_the_three_officer_roles()
    {
        var secadmin = await app.ApiAsAsync("secadmin");
        var both = await secadmin.PostAsJsonAsync("/api/v1/users", new
        {
            username = "two-hats", displayName = "兼任", orgCode = "371002-SFJ", roles = new[] { "admin", "auditor" }, password = "Two-Hats-Secret-24",
        });
        (await both.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "roles")).GetProperty("errors").GetProperty("roles")[0].GetString()
            .ShouldBe("三员分立：系统管理员、审计管理员不能由同一账号兼任，请分别设置账号。");
        await CreateAsync("one-hat", "Single-Role-Key-24", role: "secadmin");
        var update = await secadmin.PutAsJsonAsync("/api/v1/users/one-hat", new
        {
            displayName = "兼任", orgCode = "371002-SFJ", roles = new[] { "secadmin", "admin" }, isActive = true,
        });
        await update.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "roles");

        // The system administrator no longer manages users; the audit administrator reads the log and nothing else.
        var admin = await app.ApiAsAsync("admin");
        (await admin.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var auditor = await app.ApiAsAsync("auditor");
        (await auditor.GetAsync("/api/v1/audit?pageSize=5")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await auditor.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await auditor.PutAsJsonAsync("/api/v1/orgs/371002003", new { name = "审计员改名" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await secadmin.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_machine_account_signs_in_with_its_secret_and_pushes_records()
    {
        var secadmin = await app.ApiAsAsync("secadmin");
        (await secadmin.PostAsJsonAsync("/api/v1/machine-accounts", new
        {
            username = "scjg-robot", displayName = "市场监管局对接系统", orgCode = "371002-SCJG", roles = new[] { "admin" },
        })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var created = await secadmin.PostAsJsonAsync("/api/v1/machine-accounts", new
        {
            username = "scjg-system", displayName = "市场监管局对接系统", orgCode = "371002-SCJG", roles = new[] { "submitter" },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("clientSecret").GetString()!;
        secret.Length.ShouldBeGreaterThanOrEqualTo(43);

        var anonymous = app.CreateClient();
        var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { grantType = "client_credentials", clientId = "scjg-system", clientSecret = secret });
        token.StatusCode.ShouldBe(HttpStatusCode.OK, await token.Content.ReadAsStringAsync());
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        (await client.GetAsync("/api/v1/enforcement/records")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var batch = new StringContent("[]", Encoding.UTF8, "application/json");
        (await client.PostAsync("/api/v1/enforcement/records:batch", batch)).StatusCode.ShouldNotBe(HttpStatusCode.Forbidden);

        await (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { grantType = "client_credentials", clientId = "scjg-system", clientSecret = secret + "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        // No password, so neither the login page nor the password grant lets it in.
        (await (await Forms.LoginAsync(Forms.Browser(app), "scjg-system", secret)).Content.ReadAsStringAsync()).ShouldContain("用户名或密码错误");
        // A renewed secret ends the old one.
        var renewed = await (await secadmin.PostAsync("/api/v1/machine-accounts/scjg-system/secret", null)).Content.ReadFromJsonAsync<JsonElement>();
        (await client.GetAsync("/api/v1/enforcement/records")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { grantType = "client_credentials", clientId = "scjg-system", clientSecret = renewed.GetProperty("clientSecret").GetString() }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

/// <summary>Two factors required (Fazhi:Security:RequireTwoFactor=true): enrolment, TOTP, recovery codes, SM2 challenges.</summary>
public abstract class TwoFactorTests(FazhiFactory app)
{
    public sealed class SqliteHost() : FazhiFactory(Provider.Sqlite)
    {
        protected override bool RequireTwoFactor => true;
    }

    public sealed class PostgresHost() : FazhiFactory(Provider.Postgres)
    {
        protected override bool RequireTwoFactor => true;
    }

    private const string Password = "Two-Factor-Secret-24";

    /// <summary>Made directly (the security administrator would need a second factor of their own to use the API).</summary>
    private async Task CreateAsync(string username)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<Fazhi.Web.Data.FazhiDb>();
        var unit = db.OrgUnits.First(o => o.Code == "371002-SFJ");
        var user = new AppUser { UserName = username, DisplayName = "双因素测试", OrgUnitId = unit.Id, LockoutEnabled = true };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, "recon")).Succeeded.ShouldBeTrue();
    }

    /// <summary>Signs in (password only: enrolment pending) and enrols TOTP; returns the browser, the key and the recovery codes.</summary>
    private async Task<(HttpClient Browser, string Key, List<string> Codes)> EnrolAsync(string username)
    {
        await CreateAsync(username);
        var browser = Forms.Browser(app);
        (await Forms.LoginAsync(browser, username, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync("/")).Headers.Location!.ToString().ShouldBe("/account/two-factor");
        var page = await browser.GetStringAsync("/account/two-factor");
        page.ShouldContain("按本单位安全策略");
        page.ShouldContain("data:image/png;base64,");
        var key = Forms.TotpKey().Match(page).Groups[1].Value;
        key.Length.ShouldBeGreaterThan(20);
        var wrong = await Forms.PostAsync(browser, "/account/two-factor", "/account/two-factor?handler=Confirm", new() { ["code"] = "000000" });
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("动态口令不正确");
        var confirmed = await Forms.PostAsync(browser, "/account/two-factor", "/account/two-factor?handler=Confirm", new() { ["code"] = Forms.Code(key) });
        var html = await confirmed.Content.ReadAsStringAsync();
        var codes = Forms.RecoveryCode().Matches(html).Select(m => m.Groups[1].Value).ToList();
        codes.Count.ShouldBe(10, html);
        (await browser.GetAsync("/reconsideration/cases")).StatusCode.ShouldBe(HttpStatusCode.OK); // enrolment no longer pending
        return (browser, key, codes);
    }

    [Fact]
    public async Task Without_a_second_factor_the_api_refuses_and_pages_lead_to_enrolment()
    {
        await CreateAsync("not-enrolled");
        var token = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = "not-enrolled", password = Password });
        (await token.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString()!.ShouldContain("双因素认证");
        var browser = Forms.Browser(app);
        (await Forms.LoginAsync(browser, "not-enrolled", Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync("/system/orgs")).Headers.Location!.ToString().ShouldBe("/account/two-factor");
        (await (await browser.GetAsync("/api/v1/orgs")).ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString()!.ShouldContain("绑定动态口令");
    }

    [Fact]
    public async Task A_token_needs_the_code_and_a_wrong_or_replayed_code_is_refused()
    {
        var (_, key, _) = await EnrolAsync("totp-api");
        var anonymous = app.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "totp-api", password = Password }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "code");
        (await (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "totp-api", password = Password, code = "123456" }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString().ShouldBe("动态口令或恢复码不正确。");
        var next = Forms.Code(key, stepsAhead: 1); // the enrolment used this step's code
        (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "totp-api", password = Password, code = next })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "totp-api", password = Password, code = next }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString()!.ShouldContain("已使用过");
        // Wrong and replayed codes are failures in the 登录日志, counted by the sign-in guard like wrong passwords.
        var reasons = new List<string>();
        await app.WithDbAsync(async db => reasons = await db.Set<Fazhi.Web.Kernel.Access.SignIn.LoginLogEntry>()
            .Where(l => l.UserName == "totp-api" && l.Outcome == Fazhi.Web.Kernel.Access.SignIn.LoginOutcome.Failed).Select(l => l.Reason).ToListAsync());
        reasons.ShouldContain("动态口令或恢复码错误");
        reasons.ShouldContain("动态口令重复使用");
    }

    [Fact]
    public async Task The_login_page_asks_for_the_code_before_any_session_and_a_recovery_code_works_once()
    {
        var (_, key, codes) = await EnrolAsync("totp-page");
        var browser = Forms.Browser(app);
        var first = await Forms.LoginAsync(browser, "totp-page", Password);
        first.Headers.Location!.ToString().ShouldStartWith("/login/2fa");
        (await browser.GetAsync("/reconsideration/cases")).Headers.Location!.ToString().ShouldContain("/login?"); // no session yet
        var wrong = await Forms.PostAsync(browser, "/login/2fa", "/login/2fa", new() { ["Code"] = "654321", ["ReturnUrl"] = "/" });
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("动态口令或恢复码不正确");
        var ok = await Forms.PostAsync(browser, "/login/2fa", "/login/2fa", new() { ["Code"] = Forms.Code(key, 1), ["ReturnUrl"] = "/" });
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ok.Headers.Location!.ToString().ShouldBe("/");
        (await browser.GetAsync("/reconsideration/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A recovery code instead of the code: once.
        var other = Forms.Browser(app);
        await Forms.LoginAsync(other, "totp-page", Password);
        (await Forms.PostAsync(other, "/login/2fa", "/login/2fa", new() { ["Code"] = codes[0], ["ReturnUrl"] = "/" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = Forms.Browser(app);
        await Forms.LoginAsync(again, "totp-page", Password);
        var reused = await Forms.PostAsync(again, "/login/2fa", "/login/2fa", new() { ["Code"] = codes[0], ["ReturnUrl"] = "/" });
        reused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reused.Content.ReadAsStringAsync()).ShouldContain("动态口令或恢复码不正确");
        (await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = "totp-page", password = Password, code = codes[1] }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static AsymmetricCipherKeyPair Sm2KeyPair()
    {
        var generator = new ECKeyPairGenerator();
        var curve = GMNamedCurves.GetByName("sm2p256v1");
        generator.Init(new ECKeyGenerationParameters(new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, curve), new SecureRandom()));
        return generator.GenerateKeyPair();
    }

    private static string Pem(AsymmetricKeyParameter publicKey) =>
        "-----BEGIN PUBLIC KEY-----\n" +
        Convert.ToBase64String(SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(publicKey).GetEncoded(), Base64FormattingOptions.InsertLineBreaks) +
        "\n-----END PUBLIC KEY-----\n";

    private static string Sign(AsymmetricKeyParameter privateKey, string challenge)
    {
        var signer = new SM2Signer();
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(privateKey, new SecureRandom()), Encoding.ASCII.GetBytes("1234567812345678")));
        var data = Convert.FromBase64String(challenge);
        signer.BlockUpdate(data, 0, data.Length);
        return Convert.ToBase64String(signer.GenerateSignature());
    }

    private static async Task<JsonElement> ChallengeAsync(HttpClient client, string username)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/challenge", new { username });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task An_sm2_key_signs_the_challenge_and_a_foreign_key_or_an_expired_challenge_is_refused()
    {
        await CreateAsync("sm2-user");
        var own = Sm2KeyPair();
        var browser = Forms.Browser(app);
        await Forms.LoginAsync(browser, "sm2-user", Password);
        var bad = await Forms.PostAsync(browser, "/account/two-factor", "/account/two-factor?handler=Sm2Key", new() { ["pem"] = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----" });
        (await bad.Content.ReadAsStringAsync()).ShouldContain("无法识别");
        var registered = await Forms.PostAsync(browser, "/account/two-factor", "/account/two-factor?handler=Sm2Key", new() { ["pem"] = Pem(own.Public) });
        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect, await registered.Content.ReadAsStringAsync());
        (await browser.GetStringAsync("/account/two-factor")).ShouldContain("已登记SM2公钥");

        var client = app.CreateClient();
        // The password grant is not enough for an account whose second factor is its key.
        await (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "sm2-user", password = Password })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var challenge = await ChallengeAsync(client, "sm2-user");
        var accepted = await client.PostAsJsonAsync("/api/v1/auth/sm2", new
        {
            username = "sm2-user", password = Password, challengeId = challenge.GetProperty("challengeId").GetString(),
            signature = Sign(own.Private, challenge.GetProperty("challenge").GetString()!),
        });
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        (await api.GetAsync("/api/v1/orgs")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A challenge is used once.
        var replay = await client.PostAsJsonAsync("/api/v1/auth/sm2", new
        {
            username = "sm2-user", password = Password, challengeId = challenge.GetProperty("challengeId").GetString(),
            signature = Sign(own.Private, challenge.GetProperty("challenge").GetString()!),
        });
        (await replay.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString()!.ShouldContain("挑战码无效或已使用");

        // Another key's signature.
        var foreign = await ChallengeAsync(client, "sm2-user");
        var refused = await client.PostAsJsonAsync("/api/v1/auth/sm2", new
        {
            username = "sm2-user", password = Password, challengeId = foreign.GetProperty("challengeId").GetString(),
            signature = Sign(Sm2KeyPair().Private, foreign.GetProperty("challenge").GetString()!),
        });
        (await refused.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString()!.ShouldContain("SM2签名验证失败");

        // An expired challenge (its expiry moved into the past, as two minutes of waiting would).
        var late = await ChallengeAsync(client, "sm2-user");
        await app.WithDbAsync(async db =>
        {
            var token = db.UserTokens.Single(t => t.LoginProvider == "fazhi" && t.Name == "sm2-challenge");
            token.Value = Regex.Replace(token.Value!, "\"ExpiresUtc\":\"[^\"]+\"", "\"ExpiresUtc\":\"2020-01-01T00:00:00Z\"");
            await db.SaveChangesAsync();
        });
        var expired = await client.PostAsJsonAsync("/api/v1/auth/sm2", new
        {
            username = "sm2-user", password = Password, challengeId = late.GetProperty("challengeId").GetString(),
            signature = Sign(own.Private, late.GetProperty("challenge").GetString()!),
        });
        (await expired.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString()!.ShouldContain("挑战码已过期");

        // An unknown user gets a challenge of the same shape (no enumeration).
        var unknown = await ChallengeAsync(client, "no-such-user");
        unknown.GetProperty("challenge").GetString()!.Length.ShouldBe(challenge.GetProperty("challenge").GetString()!.Length);
    }
}

public sealed class PasswordAndDutiesTestsOnSqlite(PasswordAndDutiesTests.SqliteHost app) : PasswordAndDutiesTests(app), IClassFixture<PasswordAndDutiesTests.SqliteHost>;

public sealed class PasswordAndDutiesTestsOnPostgres(PasswordAndDutiesTests.PostgresHost app) : PasswordAndDutiesTests(app), IClassFixture<PasswordAndDutiesTests.PostgresHost>;

public sealed class TwoFactorTestsOnSqlite(TwoFactorTests.SqliteHost app) : TwoFactorTests(app), IClassFixture<TwoFactorTests.SqliteHost>;

public sealed class TwoFactorTestsOnPostgres(TwoFactorTests.PostgresHost app) : TwoFactorTests(app), IClassFixture<TwoFactorTests.PostgresHost>;
