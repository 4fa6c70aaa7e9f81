using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Access.SignIn;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>Issue 14 (sign-in): forwarded headers, the sign-in guard (delay, 图形验证码, lock per account and address,
/// 解锁), no username enumeration, sessions in the database (退出, 强退, revocable tokens, absolute lifetime, a tampered
/// cookie), 登录日志, the login redirect and the API docs. Each client comes from its own address (<see cref="TestPeer"/>).</summary>
public abstract class SignInTests(FazhiFactory app)
{
    private const string Password = "Correct-Horse-1";

    /// <summary>The system clock moved on by <see cref="Shift"/> (the guard's windows and the session lifetimes run on it).</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
    }

    private (WebApplicationFactory<Program> Host, ShiftedClock Clock) ShiftedHost()
    {
        var clock = new ShiftedClock();
        return (app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock))), clock);
    }

    private async Task CreateUserAsync(string username)
    {
        var admin = await app.ApiAsAsync("secadmin");
        var response = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            username, displayName = "登录测试", orgCode = "371002-SFJ", roles = new[] { "recon" }, password = Password,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static HttpClient From(WebApplicationFactory<Program> host, string peer, bool cookies = false)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });
        client.DefaultRequestHeaders.Add(TestPeer.Header, peer);
        return client;
    }

    /// <summary>Reads the captcha's answer as only the server can (the token is data-protected with the app's keys).</summary>
    private static string Answer(WebApplicationFactory<Program> host, string token) =>
        host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(CaptchaService.Purpose).Unprotect(token).Split('|')[1];

    private static async Task<HttpResponseMessage> TokenAsync(WebApplicationFactory<Program> host, HttpClient client, string username, string password,
        bool captcha = false)
    {
        if (!captcha)
            return await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password });
        var c = await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/captcha");
        var token = c.GetProperty("captchaToken").GetString()!;
        c.GetProperty("image").GetString()!.ShouldStartWith("data:image/png;base64,");
        return await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password, captchaToken = token, captcha = Answer(host, token).ToLowerInvariant() });
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString()!;

    private async Task<List<JsonElement>> LoginLogAsync(string user)
    {
        var admin = await app.ApiAsAsync("auditor");
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/login-log?user={user}&pageSize=200");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    // ---- forwarded headers ----

    [Fact]
    public async Task A_forged_forwarded_for_changes_neither_the_login_log_nor_the_audit_address()
    {
        var client = From(app, "203.0.113.7");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "6.6.6.6");
        (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "forger", password = "x" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await LoginLogAsync("forger")).Single().GetProperty("address").GetString().ShouldBe("203.0.113.7");
        string? audited = null;
        await app.WithDbAsync(async db => audited = await db.AuditEntries.Where(a => a.UserName == "forger").Select(a => a.ClientAddress).SingleAsync());
        audited.ShouldBe("203.0.113.7");
    }

    [Fact]
    public async Task A_configured_proxy_is_honoured_and_no_one_else()
    {
        var host = app.WithWebHostBuilder(b => b.UseSetting("Fazhi:KnownProxies", "10.9.0.0/16, 192.0.2.1"));
        var viaProxy = From(host, "10.9.3.4");
        viaProxy.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.23");
        (await viaProxy.PostAsJsonAsync("/api/v1/auth/token", new { username = "proxied", password = "x" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var direct = From(host, "192.0.2.99");
        direct.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.24");
        (await direct.PostAsJsonAsync("/api/v1/auth/token", new { username = "proxied", password = "x" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        string.Join(",", (await LoginLogAsync("proxied")).Select(l => l.GetProperty("address").GetString()).Order()).ShouldBe("192.0.2.99,198.51.100.23");
    }

    // ---- the guard ----

    [Fact]
    public async Task Failures_from_one_address_lock_the_account_there_only_and_an_administrator_unlocks_it()
    {
        await CreateUserAsync("victim");
        var (host, clock) = ShiftedHost();
        var attacker = From(host, "198.51.100.66");
        for (var i = 0; i < 10; i++)
        {
            clock.Shift += TimeSpan.FromSeconds(61); // past any delay
            var r = await TokenAsync(host, attacker, "victim", "guess-" + i, captcha: i >= 3);
            (await DetailAsync(r)).ShouldBe("用户名或密码错误。" + (i >= 2 ? CaptchaHint : ""), $"attempt {i + 1}");
        }
        clock.Shift += TimeSpan.FromSeconds(61);
        var locked = await DetailAsync(await TokenAsync(host, attacker, "victim", Password, captcha: true));
        locked.ShouldContain("暂停从本地址登录该账号");

        // The owner, elsewhere, is asked for the captcha, not locked out.
        var owner = From(host, "192.0.2.10");
        (await DetailAsync(await TokenAsync(host, owner, "victim", Password))).ShouldStartWith("请输入正确的图形验证码");
        (await TokenAsync(host, owner, "victim", Password, captcha: true)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The administrator sees the restriction and lifts it; the attacker's address then signs in with the password.
        var admin = From(host, "192.0.2.200");
        var adminToken = await (await admin.PostAsJsonAsync("/api/v1/auth/token", new { username = "secadmin", password = FazhiFactory.DemoPassword })).Content.ReadFromJsonAsync<JsonElement>();
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", adminToken.GetProperty("accessToken").GetString());
        (await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/users?keyword=victim"))!.Single().GetProperty("isLockedOut").GetBoolean().ShouldBeTrue();
        (await admin.PostAsync("/api/v1/users/victim/unlock", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/users?keyword=victim"))!.Single().GetProperty("isLockedOut").GetBoolean().ShouldBeFalse();
        (await TokenAsync(host, attacker, "victim", Password, captcha: true)).StatusCode.ShouldBe(HttpStatusCode.OK); // the address still asks for it
        (await LoginLogAsync("victim")).ShouldContain(l => l.GetProperty("outcomeName").GetString() == "解锁");
    }

    private const string CaptchaHint = "（需要图形验证码：GET /api/v1/auth/captcha 取得图片与 captchaToken，连同 captcha 一并提交）";

    [Fact]
    public async Task Attempts_slow_down_progressively_and_a_captcha_answers_once()
    {
        await CreateUserAsync("slowed");
        var (host, clock) = ShiftedHost();
        var client = From(host, "198.51.100.77");
        for (var i = 0; i < 3; i++)
            (await TokenAsync(host, client, "slowed", "wrong-" + i)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await DetailAsync(await TokenAsync(host, client, "slowed", Password, captcha: true))).ShouldStartWith("登录尝试过于频繁，请1秒后再试");
        clock.Shift += TimeSpan.FromSeconds(2);
        (await DetailAsync(await TokenAsync(host, client, "slowed", "wrong-3", captcha: true))).ShouldStartWith("用户名或密码错误");
        (await DetailAsync(await TokenAsync(host, client, "slowed", Password, captcha: true))).ShouldStartWith("登录尝试过于频繁，请2秒后再试");
        clock.Shift += TimeSpan.FromSeconds(3);
        (await DetailAsync(await TokenAsync(host, client, "slowed", Password))).ShouldStartWith("请输入正确的图形验证码");

        // A solved captcha is spent by the attempt that used it.
        var c = await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/captcha");
        var token = c.GetProperty("captchaToken").GetString()!;
        var body = new { username = "slowed", password = Password, captchaToken = token, captcha = Answer(host, token) };
        (await client.PostAsJsonAsync("/api/v1/auth/token", body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DetailAsync(await client.PostAsJsonAsync("/api/v1/auth/token", body with { password = "wrong-again" }))).ShouldBe("用户名或密码错误。");
        var reused = new { username = "slowed", password = Password, captchaToken = token, captcha = Answer(host, token) };
        clock.Shift += TimeSpan.FromSeconds(5);
        (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "slowed", password = "w1" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        clock.Shift += TimeSpan.FromSeconds(5);
        (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "slowed", password = "w2" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        clock.Shift += TimeSpan.FromSeconds(5);
        (await DetailAsync(await client.PostAsJsonAsync("/api/v1/auth/token", reused))).ShouldStartWith("请输入正确的图形验证码");
    }

    [Fact]
    public async Task An_unknown_name_gets_the_same_answers_as_a_real_one()
    {
        await CreateUserAsync("realname");
        var (host, clock) = ShiftedHost();
        var answers = new Dictionary<string, List<string>> { ["realname"] = [], ["ghostname"] = [] };
        for (var i = 0; i < 12; i++)
        {
            foreach (var name in answers.Keys)
            {
                var response = await TokenAsync(host, From(host, name == "realname" ? "198.51.100.91" : "198.51.100.92"), name, "wrong-" + i, captcha: i >= 3);
                answers[name].Add($"{(int)response.StatusCode} {await DetailAsync(response)}");
            }
            clock.Shift += TimeSpan.FromSeconds(61);
        }
        answers["ghostname"].ShouldBe(answers["realname"]);
        answers["realname"][^1].ShouldContain("暂停从本地址登录该账号"); // the lock too, for a name that is no account

        // The login page says the same too.
        await CreateUserAsync("pagename");
        var pages = new List<string>();
        foreach (var name in new[] { "pagename", "ghostpage" })
        {
            var browser = From(host, "198.51.100.93", cookies: true);
            var form = await browser.GetStringAsync("/login");
            var page = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Username"] = name, ["Password"] = "nope", ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(form),
            }));
            var html = await page.Content.ReadAsStringAsync();
            pages.Add(System.Text.RegularExpressions.Regex.Match(html, "<div class=\"alert alert-error\" role=\"alert\">([^<]*)</div>").Groups[1].Value);
            clock.Shift += TimeSpan.FromSeconds(61);
        }
        pages[0].ShouldBe("用户名或密码错误。");
        pages[1].ShouldBe(pages[0]);
    }

    // ---- sessions ----

    private static async Task<(HttpClient Client, string Cookie)> BrowserAsync(WebApplicationFactory<Program> host, string username, string password, string peer)
    {
        var client = From(host, peer, cookies: true);
        var form = await client.GetStringAsync("/login");
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = username, ["Password"] = password, ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(form),
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("fazhi-auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0]));
        cookie.ShouldNotBeEmpty();
        return (client, cookie);
    }

    /// <summary>A request carrying only the given cookie, as a replaying attacker would send it.</summary>
    private static async Task<HttpResponseMessage> ReplayAsync(WebApplicationFactory<Program> host, string cookie, string path = "/account")
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static void ShouldBeSentToLogin(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("/login");
    }

    [Fact]
    public async Task Logout_ends_the_session_and_replaying_the_old_cookie_goes_to_the_login_page()
    {
        await CreateUserAsync("leaving");
        var (browser, cookie) = await BrowserAsync(app, "leaving", Password, "192.0.2.31");
        (await ReplayAsync(app, cookie)).StatusCode.ShouldBe(HttpStatusCode.OK); // the copy works while the session lives
        var account = await browser.GetStringAsync("/account");
        account.ShouldContain("我的在线会话");
        var logout = await browser.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(account),
        }));
        logout.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ShouldBeSentToLogin(await ReplayAsync(app, cookie));
        (await ReplayAsync(app, cookie, "/api/v1/auth/sessions")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_revoked_token_gets_401_whoever_ended_it()
    {
        await CreateUserAsync("tokenholder");
        var holder = await app.ApiAsAsync("tokenholder", Password);
        (await holder.GetFromJsonAsync<List<JsonElement>>("/api/v1/auth/sessions"))!.ShouldContain(s => s.GetProperty("current").GetBoolean() && s.GetProperty("kind").GetInt32() == 1);
        (await holder.DeleteAsync("/api/v1/auth/token")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await holder.GetAsync("/api/v1/auth/sessions")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var second = await app.ApiAsAsync("tokenholder", Password);
        (await second.PostAsync("/api/v1/auth/logout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await second.GetAsync("/api/v1/auth/sessions")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var third = await app.ApiAsAsync("tokenholder", Password);
        var admin = await app.ApiAsAsync("secadmin");
        var live = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/sessions?keyword=tokenholder"))!;
        var id = live.Single().GetProperty("id").GetString();
        (await third.GetAsync("/api/v1/auth/sessions")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.DeleteAsync($"/api/v1/sessions/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await third.GetAsync("/api/v1/auth/sessions")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await (await admin.DeleteAsync($"/api/v1/sessions/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        // A unit's administrator cannot see or end a session outside their scope (the platform administrator's).
        var unitAdmin = await app.ApiAsAsync("huancui-sec");
        var adminSession = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/auth/sessions"))!.First(s => s.GetProperty("current").GetBoolean()).GetProperty("id").GetString();
        (await unitAdmin.GetFromJsonAsync<List<JsonElement>>("/api/v1/sessions"))!.ShouldNotContain(s => s.GetProperty("userName").GetString() == "secadmin");
        await (await unitAdmin.DeleteAsync($"/api/v1/sessions/{adminSession}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await admin.GetAsync("/api/v1/auth/sessions")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_user_ends_another_of_their_own_sessions_from_the_account_api()
    {
        await CreateUserAsync("twodevices");
        var laptop = await app.ApiAsAsync("twodevices", Password);
        var phone = await app.ApiAsAsync("twodevices", Password);
        var sessions = (await laptop.GetFromJsonAsync<List<JsonElement>>("/api/v1/auth/sessions"))!;
        sessions.Count.ShouldBe(2);
        var other = sessions.Single(s => !s.GetProperty("current").GetBoolean()).GetProperty("id").GetString();
        (await laptop.DeleteAsync($"/api/v1/auth/sessions/{other}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await phone.GetAsync("/api/v1/auth/sessions")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await laptop.GetAsync("/api/v1/auth/sessions")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Someone else's session is not theirs to end.
        var stranger = await app.ApiAsAsync("huancui");
        var strangers = (await stranger.GetFromJsonAsync<List<JsonElement>>("/api/v1/auth/sessions"))!.First().GetProperty("id").GetString();
        await (await laptop.DeleteAsync($"/api/v1/auth/sessions/{strangers}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_absolute_lifetime_ends_a_session_active_all_along_and_idling_ends_it_sooner()
    {
        await CreateUserAsync("busyuser");
        var (host, clock) = ShiftedHost();
        var (browser, _) = await BrowserAsync(host, "busyuser", Password, "192.0.2.41");
        for (var minutes = 20; minutes < 8 * 60; minutes += 20)
        {
            clock.Shift = TimeSpan.FromMinutes(minutes);
            (await browser.GetAsync("/account")).StatusCode.ShouldBe(HttpStatusCode.OK, $"after {minutes} minutes");
        }
        clock.Shift = TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1);
        ShouldBeSentToLogin(await browser.GetAsync("/account"));

        var (idle, _) = await BrowserAsync(host, "busyuser", Password, "192.0.2.42");
        (await idle.GetAsync("/account")).StatusCode.ShouldBe(HttpStatusCode.OK);
        clock.Shift += TimeSpan.FromMinutes(33);
        ShouldBeSentToLogin(await idle.GetAsync("/account"));
    }

    [Fact]
    public async Task A_tampered_session_cookie_is_refused()
    {
        var (_, cookie) = await BrowserAsync(app, "huancui", FazhiFactory.DemoPassword, "192.0.2.51");
        var at = cookie.IndexOf('=', StringComparison.Ordinal) + 40;
        var tampered = cookie[..at] + (cookie[at] == 'A' ? 'B' : 'A') + cookie[(at + 1)..];
        ShouldBeSentToLogin(await ReplayAsync(app, tampered));
        (await ReplayAsync(app, tampered, "/api/v1/auth/sessions")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ReplayAsync(app, cookie)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Deactivation_ends_the_sessions_at_once()
    {
        await CreateUserAsync("deactivated");
        var (_, cookie) = await BrowserAsync(app, "deactivated", Password, "192.0.2.61");
        var token = await app.ApiAsAsync("deactivated", Password);
        var admin = await app.ApiAsAsync("secadmin");
        (await admin.PutAsJsonAsync("/api/v1/users/deactivated", new { displayName = "已离职", orgCode = "371002-SFJ", roles = new[] { "recon" }, isActive = false }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        ShouldBeSentToLogin(await ReplayAsync(app, cookie));
        (await token.GetAsync("/api/v1/auth/sessions")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/sessions?keyword=deactivated"))!.ShouldBeEmpty();
    }

    // ---- 登录日志 ----

    [Fact]
    public async Task The_login_log_records_every_attempt_and_filters_and_exports_them()
    {
        await CreateUserAsync("logged");
        var client = From(app, "192.0.2.71");
        client.DefaultRequestHeaders.UserAgent.ParseAdd("FazhiTest/1.0");
        (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "logged", password = "wrong" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "logged", password = Password })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var longName = new string('x', 100);
        (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = longName, password = "x" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var admin = await app.ApiAsAsync("auditor");
        var failed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/login-log?user=logged&outcome=失败&address=192.0.2.71");
        var row = failed.GetProperty("items").EnumerateArray().Single();
        row.GetProperty("reason").GetString().ShouldBe("用户名或密码错误");
        row.GetProperty("userAgent").GetString().ShouldBe("FazhiTest/1.0");
        row.GetProperty("channel").GetString().ShouldBe("接口");
        var ok = await admin.GetFromJsonAsync<JsonElement>("/api/v1/login-log?user=logged&outcome=成功");
        ok.GetProperty("items").EnumerateArray().Single().GetProperty("reason").GetString().ShouldBe("登录成功");
        var truncated = await admin.GetFromJsonAsync<JsonElement>("/api/v1/login-log?address=192.0.2.71&outcome=失败&pageSize=50");
        truncated.GetProperty("items").EnumerateArray().ShouldContain(r => r.GetProperty("userName").GetString() == new string('x', 64));
        await (await admin.GetAsync("/api/v1/login-log?outcome=no-such")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "outcome");

        var export = await admin.GetAsync("/api/v1/login-log/export?user=logged");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var sheet = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(sheet, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Count.ShouldBe(2);
        string.Join(",", rows.Select(r => r["登录结果"]?.ToString()).Order()).ShouldBe(string.Join(",", new[] { "失败", "成功" }.Order()));
        rows.ShouldAllBe(r => r["登录地址"]!.ToString() == "192.0.2.71");

        // The page, as the administrator sees it.
        var browser = await app.BrowserAsAsync("auditor");
        var html = await browser.GetStringAsync("/system/loginlog?User=logged&Outcome=失败");
        html.ShouldContain("192.0.2.71");
        html.ShouldContain("用户名或密码错误");
        // Without the permission: refused.
        (await (await app.ApiAsAsync("huancui")).GetAsync("/api/v1/login-log")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    // ---- redirect, docs, HSTS ----

    [Fact]
    public async Task The_login_redirect_is_not_built_from_the_host_header()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/system/users?keyword=a");
        request.Headers.Host = "evil.example";
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/login?ReturnUrl=%2Fsystem%2Fusers%3Fkeyword%3Da");

        var configured = app.WithWebHostBuilder(b => b.UseSetting("Fazhi:PublicOrigin", "https://fazhi.example.gov.cn/"))
            .CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var again = new HttpRequestMessage(HttpMethod.Get, "/account");
        again.Headers.Host = "evil.example";
        (await configured.SendAsync(again)).Headers.Location!.OriginalString.ShouldBe("https://fazhi.example.gov.cn/login?ReturnUrl=%2Faccount");

        // A return address elsewhere is not followed after sign-in.
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await browser.GetStringAsync("/login");
        var signedIn = await browser.PostAsync("/login?ReturnUrl=https%3A%2F%2Fevil.example%2F", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = "huancui", ["Password"] = FazhiFactory.DemoPassword, ["ReturnUrl"] = "https://evil.example/",
            ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(form),
        }));
        signedIn.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task The_api_docs_need_sign_in_unless_configured_public()
    {
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var path in new[] { "/openapi/v1.json", "/api/docs" })
        {
            var r = await anonymous.GetAsync(path);
            (r.StatusCode == HttpStatusCode.Unauthorized || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.StartsWith("/login", StringComparison.Ordinal)))
                .ShouldBeTrue($"{path}: {r.StatusCode}");
        }
        var signedIn = await app.ApiAsAsync("huancui");
        (await signedIn.GetAsync("/openapi/v1.json")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var open = app.WithWebHostBuilder(b => b.UseSetting("Fazhi:Security:PublicApiDocs", "true")).CreateClient();
        (await open.GetAsync("/openapi/v1.json")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Over_tls_answers_carry_hsts_and_required_https_makes_cookies_secure()
    {
        var tls = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        (await tls.GetAsync("/login")).Headers.TryGetValues("Strict-Transport-Security", out var hsts).ShouldBeTrue();
        hsts!.Single().ShouldStartWith("max-age=");
        (await app.CreateClient().GetAsync("/login")).Headers.Contains("Strict-Transport-Security").ShouldBeFalse();

        var strict = app.WithWebHostBuilder(b => b.UseSetting("Fazhi:Security:RequireHttps", "true"));
        var client = strict.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetAsync("/login");
        form.Headers.Contains("Strict-Transport-Security").ShouldBeTrue();
        var signedIn = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = "huancui", ["Password"] = FazhiFactory.DemoPassword,
            ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(await form.Content.ReadAsStringAsync()),
        }));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("fazhi-auth", StringComparison.Ordinal))
            .ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        (await app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") }).GetAsync("/login"))
            .Headers.GetValues("Set-Cookie").ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Concurrent_sign_ins_all_succeed()
    {
        // Thirty-six sign-ins at once, the same account from several clients and three other accounts besides: each writes its
        // 登录日志 row, its session and its audit entry. A busy embedded database must make them wait, not answer 409 or 503
        // (before each save ran in its own BEGIN IMMEDIATE transaction, about one run in two had a "database is locked").
        var names = Enumerable.Repeat(new[] { "huancui", "huancui", "huancui", "huancui", "huancui", "huancui", "laoshan", "laoshan", "rongcheng", "admin", "admin", "admin" }, 3).SelectMany(x => x).ToArray();
        var tries = names.Select(async (name, i) =>
        {
            var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Add(TestPeer.Header, $"10.14.0.{i + 1}");
            var password = name == "admin" ? FazhiFactory.AdminPassword : FazhiFactory.DemoPassword;
            var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = name, password });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        });
        var answers = await Task.WhenAll(tries);
        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK, string.Join("\n", answers.Select(a => $"{a.StatusCode} {a.Body}")));
    }
}

public sealed class SignInTestsOnSqlite(SqliteFactory app) : SignInTests(app), IClassFixture<SqliteFactory>;

public sealed class SignInTestsOnPostgres(PostgresFactory app) : SignInTests(app), IClassFixture<PostgresFactory>;

/// <summary>A forged X-Forwarded-For per request does not escape the per-address sign-in limit.</summary>
public abstract class ForgedForwardingTests(FazhiFactory app)
{
    public sealed class LimitedSqlite() : FazhiFactory(Provider.Sqlite)
    {
        protected override int SignInsPerMinute => 3;
    }

    public sealed class LimitedPostgres() : FazhiFactory(Provider.Postgres)
    {
        protected override int SignInsPerMinute => 3;
    }

    [Fact]
    public async Task A_new_forged_address_per_request_still_meets_the_limit()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(TestPeer.Header, "203.0.113.50");
        for (var i = 0; i < 3; i++)
        {
            using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { username = "nobody", password = "x" }) };
            forged.Headers.Add("X-Forwarded-For", $"6.6.6.{i}");
            (await client.SendAsync(forged)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        using var fourth = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { username = "nobody", password = "x" }) };
        fourth.Headers.Add("X-Forwarded-For", "6.6.6.99");
        await (await client.SendAsync(fourth)).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
    }
}

public sealed class ForgedForwardingTestsOnSqlite(ForgedForwardingTests.LimitedSqlite app) : ForgedForwardingTests(app), IClassFixture<ForgedForwardingTests.LimitedSqlite>;

public sealed class ForgedForwardingTestsOnPostgres(ForgedForwardingTests.LimitedPostgres app) : ForgedForwardingTests(app), IClassFixture<ForgedForwardingTests.LimitedPostgres>;
