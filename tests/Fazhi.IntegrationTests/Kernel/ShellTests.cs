using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Data;
using Fazhi.Web.Modules.Enforcement.Data;
using Microsoft.EntityFrameworkCore;
using static Fazhi.IntegrationTests.Modules.ReconApi;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>The staff shell: 我的待办 per role, 个人中心 修改密码, breadcrumbs and the menu item of a detail page.</summary>
public abstract partial class ShellTests(FazhiFactory app)
{
    [GeneratedRegex("data-todo=\"([^\"]+)\">\\s*<div class=\"num\">(\\d+)</div>")]
    private static partial Regex CardPattern();

    private async Task<Dictionary<string, int>> CardsAsync(string username)
    {
        var client = await app.BrowserAsAsync(username);
        var html = await client.GetStringAsync("/");
        html.ShouldContain("我的待办");
        return CardPattern().Matches(html).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string oldPassword, string newPassword, string? confirm = null)
    {
        var page = await client.GetStringAsync("/account");
        return await client.PostAsync("/account?handler=Password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["oldPassword"] = oldPassword, ["newPassword"] = newPassword, ["confirmPassword"] = confirm ?? newPassword,
            ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(page),
        }));
    }

    [Fact]
    public async Task A_user_changes_their_password_in_the_personal_centre_and_signs_in_with_the_new_one()
    {
        var admin = await app.ApiAsAsync("secadmin");
        (await admin.PostAsJsonAsync("/api/v1/users", new
        {
            username = "pwchange", displayName = "改密用户", orgCode = "371002-SFJ", roles = new[] { "recon" }, password = "Initial-Secret-24",
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var browser = await app.BrowserAsAsync("pwchange", "Initial-Secret-24");
        (await browser.GetStringAsync("/")).ShouldContain("href=\"/account\"");            // the top bar links 个人中心
        var page = await browser.GetStringAsync("/account");
        page.ShouldContain("修改密码");
        page.ShouldContain("改密用户");

        var wrong = await ChangePasswordAsync(browser, "Not-The-Password-1", "New-Secret-2025");
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("原密码不正确");
        var weak = await ChangePasswordAsync(browser, "Initial-Secret-24", "weakweak");
        (await weak.Content.ReadAsStringAsync()).ShouldContain("密码至少10位");
        var mismatch = await ChangePasswordAsync(browser, "Initial-Secret-24", "New-Secret-2025", "New-Secret-2026");
        (await mismatch.Content.ReadAsStringAsync()).ShouldContain("两次输入的新密码不一致");
        var token = app.CreateClient();
        (await token.PostAsJsonAsync("/api/v1/auth/token", new { username = "pwchange", password = "Initial-Secret-24" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var ok = await ChangePasswordAsync(browser, "Initial-Secret-24", "New-Secret-2025");
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ok.Content.ReadAsStringAsync());
        (await browser.GetStringAsync("/account")).ShouldContain("密码已修改");          // still signed in
        (await token.PostAsJsonAsync("/api/v1/auth/token", new { username = "pwchange", password = "Initial-Secret-24" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await token.PostAsJsonAsync("/api/v1/auth/token", new { username = "pwchange", password = "New-Secret-2025" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await app.BrowserAsAsync("pwchange", "New-Secret-2025");
        (await again.GetStringAsync("/account")).ShouldContain("pwchange");
    }

    [Fact]
    public async Task The_personal_centre_needs_a_signed_in_user()
    {
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/account");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/login");
    }

    [Fact]
    public async Task The_home_page_shows_each_role_the_work_it_may_open()
    {
        var staff = await app.ApiAsAsync("huancui");
        var late = await CreateAsync(staff, Intake("待办逾期申请人", "2024-03-01T09:00:00"));   // 受理审查 long past: overdue
        var submitted = await staff.PostAsJsonAsync($"/api/v1/reconsideration/cases/{late.Id()}/approvals",
            new { action = "accept", request = new { on = "2024-03-04", procedure = "普通程序" }, note = "拟受理" });
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());

        var leader = await CardsAsync("huancui-admin");
        leader.Keys.ShouldContain("复议呈报待审批");
        leader["复议呈报待审批"].ShouldBeGreaterThanOrEqualTo(1);
        leader["复议案件已逾期"].ShouldBeGreaterThanOrEqualTo(1);
        leader.Keys.ShouldContain("复议案件即将到期");
        leader.Keys.ShouldContain("预警待销号");

        var recon = await CardsAsync("huancui");                     // 复议科 and 执法监督科: no approving
        recon.Keys.ShouldNotContain("复议呈报待审批");
        recon["复议案件已逾期"].ShouldBeGreaterThanOrEqualTo(1);
        recon.Keys.ShouldContain("预警待销号");

        var department = await CardsAsync("huancui-scjg");           // an enforcement department: its warnings only
        department.Keys.ShouldBe(["预警待反馈", "预警已逾期"], ignoreOrder: true);

        var viewer = await CardsAsync("weihai");                     // 上级查看: reads, acts on nothing
        viewer.Keys.ShouldContain("复议案件已逾期");
        viewer.Keys.ShouldContain("预警已逾期");
        viewer.Keys.ShouldNotContain("预警待反馈");
        viewer.Keys.ShouldNotContain("预警待销号");
        viewer.Keys.ShouldNotContain("复议呈报待审批");

        // The cards link to the lists that show the same items.
        var browser = await app.BrowserAsAsync("huancui-admin");
        var home = await browser.GetStringAsync("/");
        home.ShouldContain("href=\"/reconsideration/cases?queue=approval\"");
        (await browser.GetStringAsync("/reconsideration/cases?queue=approval")).ShouldContain(late.GetProperty("caseNumber").GetString()!);
        (await browser.GetStringAsync("/reconsideration/cases?queue=overdue")).ShouldContain(late.GetProperty("caseNumber").GetString()!);
    }

    [Fact]
    public async Task A_detail_page_has_breadcrumbs_and_highlights_its_list_in_the_menu()
    {
        var staff = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(staff, Intake("面包屑申请人", "2024-04-01T09:00:00"));
        var browser = await app.BrowserAsAsync("huancui");
        var html = await browser.GetStringAsync($"/reconsideration/cases/{c.Id()}");
        html.ShouldContain("<a href=\"/reconsideration/cases\" class=\"active\">案件办理</a>");
        Regex.Count(html, "class=\"active\"").ShouldBe(1);
        html.ShouldContain($"<a href=\"/\">首页</a> › 行政复议 › <a href=\"/reconsideration/cases\">案件办理</a> › <span aria-current=\"page\">{c.GetProperty("caseNumber").GetString()}</span>");

        var list = await browser.GetStringAsync("/reconsideration/cases");
        list.ShouldContain("› 行政复议 › <a href=\"/reconsideration/cases\" aria-current=\"page\">案件办理</a></nav>");

        // By convention a singular detail path belongs to its plural list (/enforcement/officer/5 → 执法人员与执法证).
        await Fazhi.IntegrationTests.Modules.Enforcement.EnforcementApi.SeedAsync(app);
        long officer = 0;
        await app.WithDbAsync(async (FazhiDb db) => officer = await db.Officers().IgnoreQueryFilters().Where(o => o.CertificateNumber == "C-A").Select(o => o.Id).SingleAsync());
        var detail = await browser.GetStringAsync($"/enforcement/officer/{officer}");
        detail.ShouldContain("<a href=\"/enforcement/officers\" class=\"active\">执法人员与执法证</a>");
        detail.ShouldContain("› 行政执法监督 › <a href=\"/enforcement/officers\">执法人员与执法证</a> › <span aria-current=\"page\">");
    }

    [Fact]
    public async Task A_refused_case_action_keeps_what_was_typed_and_people_are_picked_from_lists()
    {
        var staff = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(staff, Intake("留存申请人", "2024-04-01T09:00:00"));
        var browser = await app.BrowserAsAsync("huancui");
        var page = await browser.GetStringAsync($"/reconsideration/cases/{c.Id()}");
        page.ShouldContain("<select name=\"Assignee\"><option value=\"\">（取消分配）</option>");
        page.ShouldContain("<option value=\"huancui\"");                     // 承办人: the 复议科's users, not free text
        page.ShouldNotContain("name=\"Assignee\" required");
        var refused = await browser.PostAsync($"/reconsideration/cases/{c.Id()}?handler=Act", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["action"] = "reject", ["On"] = "2024-03-01", ["Reason"] = "不属于本机关管辖，应向市政府申请", ["CompetentBody"] = "威海市人民政府",
            ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(page),
        }));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("日期不能早于收到申请之日");
        html.ShouldContain("value=\"2024-03-01\"");
        html.ShouldContain(">不属于本机关管辖，应向市政府申请</textarea>");

        // 每页条数: the list offers 20/50/100 and keeps the filters.
        var list = await browser.GetStringAsync("/reconsideration/cases?queue=open&size=50");
        list.ShouldContain("<option value=\"50\" selected=\"selected\">50</option>");
        list.ShouldContain("<input type=\"hidden\" name=\"queue\" value=\"open\" />");

        // 停用 and 移动 ask first.
        var admin = await app.BrowserAsAsync("huancui-admin");
        var orgs = await admin.GetStringAsync("/system/orgs?code=371002001-SFS");
        orgs.ShouldContain("data-confirm=\"确定移动");
        orgs.ShouldContain("data-confirm=\"确定停用");
    }

    [Fact]
    public async Task The_api_documentation_loads_nothing_from_the_internet_and_links_back()
    {
        var client = await app.ApiAsAsync("huancui"); // the docs need sign-in (Fazhi:Security:PublicApiDocs=false, as in Production)
        var html = await client.GetStringAsync("/api/docs/");
        html.ShouldContain("返回 法治");
        html.ShouldContain("href=\"/\"");
        Regex.Count(html, "(src|href)=\"(https?:)?//").ShouldBe(0, html);
        html.ShouldNotContain("fonts.scalar.com");
        var script = await client.GetAsync("/api/docs/scalar.js");
        script.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class ShellTestsOnSqlite(SqliteFactory app) : ShellTests(app), IClassFixture<SqliteFactory>;

public sealed class ShellTestsOnPostgres(PostgresFactory app) : ShellTests(app), IClassFixture<PostgresFactory>;
