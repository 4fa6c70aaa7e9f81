using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>数据权限 through the real pipeline: another district's record is 404, by API and by URL.</summary>
public abstract class AccessTests(FazhiFactory app)
{
    [Fact]
    public async Task A_rongcheng_user_gets_404_for_a_huancui_record_by_api()
    {
        var rongcheng = await app.ApiAsAsync("rongcheng");
        var response = await rongcheng.GetAsync("/api/v1/orgs/371002-SFJ");
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("detail").GetString()!.ShouldContain("371002-SFJ");
        (await rongcheng.GetAsync("/api/v1/orgs/371082-SFJ")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_rongcheng_admin_gets_404_for_a_huancui_record_by_url_and_cannot_change_it()
    {
        var admin = await app.ApiAsAsync("admin");
        var created = await (await app.ApiAsAsync("secadmin")).PostAsJsonAsync("/api/v1/users", new
        {
            username = "rc-admin", displayName = "荣成管理员", orgCode = "371082-SFJ", roles = new[] { "admin" }, password = "Rongcheng-2024",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        var browser = await app.BrowserAsAsync("rc-admin", "Rongcheng-2024");
        (await browser.GetAsync("/system/orgs?code=371082-SFJ")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var foreign = await browser.GetAsync("/system/orgs?code=371002-SFJ");
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await foreign.Content.ReadAsStringAsync();
        html.ShouldContain("不在您的数据权限范围内");
        html.ShouldNotContain("环翠区司法局");

        var api = await app.ApiAsAsync("rc-admin", "Rongcheng-2024");
        await (await api.PutAsJsonAsync("/api/v1/orgs/371002001", new { name = "越权改名" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await api.PostAsJsonAsync("/api/v1/orgs", new { code = "RC-INTO-HC", name = "越权新增", kind = "Town", parentCode = "371002" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "parentCode");
        await (await api.PostAsJsonAsync("/api/v1/orgs/371082001/move", new { parentCode = "371002" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "parentCode");
        var unchanged = await admin.GetFromJsonAsync<JsonElement>("/api/v1/orgs/371002001");
        unchanged.GetProperty("name").GetString().ShouldBe("鲸园街道");
    }

    [Fact]
    public async Task A_district_security_admin_cannot_see_or_create_users_elsewhere()
    {
        var hc = await app.ApiAsAsync("huancui-sec");
        var users = await hc.GetFromJsonAsync<List<JsonElement>>("/api/v1/users");
        users!.Select(u => u.GetProperty("username").GetString()).ShouldContain("jingyuan");
        users!.Select(u => u.GetProperty("username").GetString()).ShouldNotContain("rongcheng");
        users!.Select(u => u.GetProperty("username").GetString()).ShouldNotContain("admin");
        var response = await hc.PostAsJsonAsync("/api/v1/users", new
        {
            username = "hc-into-rc", displayName = "越权", orgCode = "371082-SFJ", roles = new[] { "recon" }, password = "Crossing-Over-24",
        });
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "orgCode");
    }

    [Fact]
    public async Task The_org_switcher_narrows_a_city_users_view()
    {
        var browser = await app.BrowserAsAsync("weihai");
        var home = await browser.GetStringAsync("/");
        home.ShouldContain("当前机构");
        home.ShouldContain("荣成市");
        var switched = await browser.PostAsync("/switch-org", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["path"] = "/370000/371000/371082/", ["returnUrl"] = "/", ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(home),
        }));
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // The narrowed scope applies to the API as well when called with the browser's cookies.
        var orgs = await browser.GetFromJsonAsync<List<JsonElement>>("/api/v1/orgs");
        orgs!.Select(o => o.GetProperty("code").GetString()).ShouldContain("371082-SFJ");
        orgs!.Select(o => o.GetProperty("code").GetString()).ShouldNotContain("371002-SFJ");
    }

    [Fact]
    public async Task A_district_admin_cannot_change_the_national_calendar_or_read_the_whole_chain()
    {
        var hc = await app.ApiAsAsync("huancui-admin");
        var put = await hc.PutAsJsonAsync("/api/v1/calendar/years/2027", new
        {
            notice = "国务院办公厅关于2027年部分节假日安排的通知", holidays = new[] { new { name = "元旦", from = "2027-01-01", to = "2027-01-01" } },
        });
        await put.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await hc.GetAsync("/api/v1/audit/verify")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Only_an_administrator_may_be_created_without_a_unit()
    {
        var admin = await app.ApiAsAsync("secadmin");
        var response = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            username = "nounit-viewer", displayName = "无机构查看", roles = new[] { "viewer" }, password = "No-Unit-Viewer-24",
        });
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "orgCode");
    }

    [Fact]
    public async Task A_token_stops_working_when_its_user_is_deactivated()
    {
        var admin = await app.ApiAsAsync("secadmin");
        (await admin.PostAsJsonAsync("/api/v1/users", new
        {
            username = "short-lived", displayName = "临时", orgCode = "371082-SFJ", roles = new[] { "recon" }, password = "Brief-Stay-2024",
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var user = await app.ApiAsAsync("short-lived", "Brief-Stay-2024");
        (await user.GetAsync("/api/v1/orgs")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PutAsJsonAsync("/api/v1/users/short-lived", new { displayName = "临时", orgCode = "371082-SFJ", roles = new[] { "recon" }, isActive = false }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await user.GetAsync("/api/v1/orgs")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_browser_cookie_can_read_the_api_but_not_write_through_it()
    {
        var browser = await app.BrowserAsAsync("admin");
        (await browser.GetAsync("/api/v1/orgs")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var write = await browser.PutAsJsonAsync("/api/v1/orgs/371002003", new { name = "跨站请求" });
        await write.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_from_the_api_and_the_login_page_from_the_ui()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await (await client.GetAsync("/api/v1/orgs")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var page = await client.GetAsync("/system/orgs");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/login");
    }

    [Fact]
    public async Task Non_admins_cannot_open_admin_pages()
    {
        var browser = await app.BrowserAsAsync("huancui");
        var response = await browser.GetAsync("/system/users");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/error/403");
    }
}

public sealed class AccessTestsOnSqlite(SqliteFactory app) : AccessTests(app), IClassFixture<SqliteFactory>;

public sealed class AccessTestsOnPostgres(PostgresFactory app) : AccessTests(app), IClassFixture<PostgresFactory>;
