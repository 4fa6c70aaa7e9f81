using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;

namespace Fazhi.IntegrationTests.Kernel;

public abstract class PlatformTests(FazhiFactory app)
{
    [Fact]
    public async Task Health_and_readiness_answer_without_login()
    {
        var client = app.CreateClient();
        (await client.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await client.GetFromJsonAsync<JsonElement>("/readyz");
        ready.GetProperty("status").GetString().ShouldBe("ready");
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        var response = await app.CreateClient().GetAsync("/login");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        (await response.Content.ReadAsStringAsync()).ShouldContain("__RequestVerificationToken");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var signedIn = await app.ApiAsAsync("huancui"); // the docs need sign-in (Fazhi:Security:PublicApiDocs=false, as in Production)
        var doc = await signedIn.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        paths.TryGetProperty("/api/v1/orgs", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/auth/token", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/calendar/add-working-days", out _).ShouldBeTrue();
        (await signedIn.GetAsync("/api/docs/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_page_is_a_chinese_404_and_an_unknown_api_a_problem()
    {
        var browser = await app.BrowserAsAsync("huancui");
        var page = await browser.GetAsync("/no/such/page");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await page.Content.ReadAsStringAsync()).ShouldContain("不存在");
        var api = await app.ApiAsAsync("huancui");
        await (await api.GetAsync("/api/v1/no-such-thing")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_home_page_shows_real_counts_for_the_users_scope()
    {
        // 环翠区's administrator counts the units of 环翠区 that the org API lists for them, not the province's.
        var visible = await (await app.ApiAsAsync("huancui-admin")).GetFromJsonAsync<List<JsonElement>>("/api/v1/orgs");
        var html = await (await app.BrowserAsAsync("huancui-admin")).GetStringAsync("/");
        html.ShouldMatch($@"<div class=""num"">{visible!.Count}</div>\s*<div class=""label"">可见机构</div>");
        visible.Count.ShouldBeGreaterThan(2);
        visible.ShouldAllBe(o => o.GetProperty("code").GetString()!.StartsWith("371002", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_home_page_shows_only_the_counts_whose_lists_the_user_may_open()
    {
        // A department's 报送员 holds the enforcement submitter's permissions only: its own warnings, but no org tree,
        // users, audit or 复议 cases; a 司法所 has no org-tree page either.
        var html = await (await app.BrowserAsAsync("huancui-scjg")).GetStringAsync("/");
        foreach (var label in new[] { "可见机构", "在用账号", "今日操作记录", "在办复议案件" })
            html.ShouldNotContain(label);
        html.ShouldContain("未销号执法预警");
        (await (await app.BrowserAsAsync("jingyuan")).GetStringAsync("/")).ShouldNotContain("可见机构");
        var supervisor = await (await app.BrowserAsAsync("huancui")).GetStringAsync("/");
        supervisor.ShouldContain("在办复议案件");
        supervisor.ShouldContain("未销号执法预警");
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var browser = await app.BrowserAsAsync("admin");
        var response = await browser.PostAsync("/system/orgs?handler=Rename", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = "371002002", ["name"] = "伪造请求",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var api = await app.ApiAsAsync("admin");
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/orgs/371002002")).GetProperty("name").GetString().ShouldBe("环翠楼街道");
    }

    [Fact]
    public async Task The_user_list_filters_by_unit_subtree_and_role()
    {
        var api = await app.ApiAsAsync("secadmin");
        var town = await api.GetFromJsonAsync<List<JsonElement>>("/api/v1/users?orgCode=371002001");
        town!.Select(u => u.GetProperty("username").GetString()).ShouldBe(["jingyuan", "jingyuan-tj"]); // the 司法所 and its 人民调解员
        var viewers = await api.GetFromJsonAsync<List<JsonElement>>("/api/v1/users?role=viewer");
        viewers!.Select(u => u.GetProperty("username").GetString()).ShouldBe(["weihai"]);
        var browser = await app.BrowserAsAsync("secadmin");
        (await browser.GetStringAsync("/system/roles")).ShouldContain("部门数据报送");
    }

    [Fact]
    public async Task Script_in_a_name_is_shown_as_text_on_pages()
    {
        // The API refuses markup; a name that slipped in another way (here: straight into the database) is still encoded.
        await app.SqlAsync("UPDATE sys_org_units SET \"Name\" = '<script>alert(1)</script>' WHERE \"Code\" = '371002-STHJ'");
        var browser = await app.BrowserAsAsync("admin");
        var html = await browser.GetStringAsync("/system/orgs?code=371002-STHJ");
        html.ShouldNotContain("<script>alert(1)</script>");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
}

public sealed class PlatformTestsOnSqlite(SqliteFactory app) : PlatformTests(app), IClassFixture<SqliteFactory>;

public sealed class PlatformTestsOnPostgres(PostgresFactory app) : PlatformTests(app), IClassFixture<PostgresFactory>;
