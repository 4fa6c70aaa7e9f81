using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>
/// 菜单/按钮权限 through the real pipeline: every endpoint and page handler declares a permission, and for every role ×
/// every write endpoint and page handler only the roles that hold the permission get through.
/// </summary>
public abstract partial class PermissionTests(FazhiFactory app)
{
    /// <summary>Answers without sign-in, each reviewed: nothing else may.</summary>
    private static readonly string[] ReviewedPublic =
    [
        // /openapi and /api/docs need sign-in here, as in Production (Fazhi:Security:PublicApiDocs=false; SignInHardeningTests).
        "GET /healthz", "GET /readyz", "POST /api/v1/auth/token", "GET /api/v1/auth/captcha",
        "GET /api/docs/favicon.svg", "GET /api/docs/scalar.aspnetcore.js", "GET /api/docs/scalar.js",
        "PAGE /login", "PAGE /error/{code:int?}", "PAGE /login/2fa", "POST /api/v1/auth/challenge", "POST /api/v1/auth/sm2",
        // 现行有效规范性文件目录: public by law (legality module).
        "GET /api/v1/public/legality/register/{region}", "PAGE /legality/register/{region}",
        // 行政复议 (issue 15 §6, §3): 网上申请 (第二十二条第二款, rate limited, one-time token), the applicant's progress query
        // (案号 + 查询码, unknown number and wrong code answer alike, rate limited), the 复议机关 and agencies to choose from
        // (names of units are public), and the published 决定书 (第七十九条, redacted at publication).
        "GET /api/v1/public/reconsideration/review-bodies", "POST /api/v1/public/reconsideration/applications",
        "POST /api/v1/public/reconsideration/progress", "GET /api/v1/public/reconsideration/decisions/{region}",
        "PAGE /reconsideration/apply", "PAGE /reconsideration/progress", "PAGE /reconsideration/decisions/{region}",
        // 重大行政决策事项目录: published by law (条例第三条第三款).
        "GET /api/v1/public/legality/decisions/{region}", "PAGE /legality/decision-catalog/{region}",
    ];

    public sealed record Target(string Method, string Route, string Url, IReadOnlyList<string> Permissions, bool PlatformAdminOnly, string? Handler,
        bool Form = false);

    private IEnumerable<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static bool IsPage(RouteEndpoint e) => e.Metadata.GetMetadata<PageActionDescriptor>() is not null;

    private static string MethodOf(RouteEndpoint e) =>
        e.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 } m ? m.HttpMethods[0] : "ANY";

    private static string Template(RouteEndpoint e) => "/" + e.RoutePattern.RawText!.TrimStart('/');

    private async Task<CompiledPageActionDescriptor> LoadPageAsync(RouteEndpoint e) =>
        await app.Services.GetRequiredService<PageLoader>().LoadAsync(e.Metadata.GetMetadata<PageActionDescriptor>()!, e.Metadata);

    [Fact]
    public async Task Every_endpoint_and_page_handler_declares_a_permission_and_the_public_ones_are_the_reviewed_ones()
    {
        var missing = new List<string>();
        var publicOnes = new List<string>();
        foreach (var e in Endpoints())
        {
            if (IsPage(e))
            {
                var page = await LoadPageAsync(e);
                var model = page.ModelTypeInfo!.AsType();
                var pagePublic = model.GetCustomAttribute<PublicEndpointAttribute>() is not null;
                if (pagePublic)
                    publicOnes.Add("PAGE " + Template(e));
                else if (model.GetCustomAttributes<RequiresPermissionAttribute>().FirstOrDefault() is null)
                    missing.Add($"page {Template(e)} ({model.Name})");
                foreach (var h in page.HandlerMethods)
                    if (HandlerPermissions.Of(h.MethodInfo, model) is null)
                        missing.Add($"page handler {model.Name}.{h.MethodInfo.Name}");
                continue;
            }
            var declared = e.Metadata.GetOrderedMetadata<RequiresPermissionAttribute>().Count > 0;
            var isPublic = e.Metadata.GetMetadata<PublicEndpointAttribute>() is not null;
            if (isPublic)
                publicOnes.Add($"{MethodOf(e)} {Template(e)}");
            else if (!declared)
                missing.Add($"{MethodOf(e)} {Template(e)}");
            // An anonymous endpoint must say why (PublicEndpoint), not merely AllowAnonymous.
            if (e.Metadata.GetMetadata<IAllowAnonymous>() is not null && !isPublic)
                missing.Add($"{MethodOf(e)} {Template(e)} allows anonymous access without [PublicEndpoint]");
        }
        missing.ShouldBeEmpty(string.Join("\n", missing));
        publicOnes.Order().ShouldBe(ReviewedPublic.Order(), ignoreOrder: true);
    }

    private async Task<List<Target>> WriteTargetsAsync()
    {
        var targets = new List<Target>();
        foreach (var e in Endpoints())
        {
            if (IsPage(e))
            {
                var page = await LoadPageAsync(e);
                var model = page.ModelTypeInfo!.AsType();
                if (model.GetCustomAttribute<PublicEndpointAttribute>() is not null)
                    continue;
                var pagePermissions = model.GetCustomAttributes<RequiresPermissionAttribute>().Select(a => a.Permission).ToList();
                foreach (var h in page.HandlerMethods.Where(h => !HandlerPermissions.IsGet(h.MethodInfo)))
                {
                    var url = Fill(Template(e)) + (h.Name is null ? "" : "?handler=" + h.Name);
                    targets.Add(new Target("POST", Template(e), url, [.. pagePermissions, .. HandlerPermissions.Of(h.MethodInfo, model)!],
                        h.MethodInfo.GetCustomAttribute<RequiresPlatformAdminAttribute>() is not null, h.Name ?? ""));
                }
                continue;
            }
            var method = MethodOf(e);
            if (method is "GET" or "HEAD" or "ANY" || e.Metadata.GetMetadata<PublicEndpointAttribute>() is not null)
                continue;
            var platformOnly = e.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Any(a => a.Policy is Policies.PlatformAdmin or Policies.PlatformSecurityAdmin or Policies.PlatformAuditor);
            var form = e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true;
            targets.Add(new Target(method, Template(e), Fill(Template(e)),
                [.. e.Metadata.GetOrderedMetadata<RequiresPermissionAttribute>().Select(a => a.Permission)], platformOnly, null, form));
        }
        // What every signed-in user may do (退出, 机构切换) is left out: posting 退出 would end the matrix's own sessions.
        return [.. targets.Where(t => t.PlatformAdminOnly || !t.Permissions.All(p => p == PermissionPolicies.SignedIn))];
    }

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\??\}")]
    private static partial Regex RouteParameter();

    /// <summary>Route parameters filled with values that name nothing: a permitted caller gets 400/404, never a change.</summary>
    private static string Fill(string template) => RouteParameter().Replace(template, m => m.Groups[1].Value switch
    {
        "code" => "NO-SUCH-CODE",
        "username" => "no-such-user",
        "action" => "accept",
        "kind" => "no-such-kind",
        "year" => "2099",
        _ => "987654321",
    });

    private async Task<(Dictionary<string, HttpClient> Api, Dictionary<string, HttpClient> Browser, Dictionary<string, HashSet<string>> Held)> UsersPerRoleAsync()
    {
        var admin = await app.ApiAsAsync("secadmin"); // 三员分立: users and roles are the security administrator's
        var roles = await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/roles");
        var api = new Dictionary<string, HttpClient>();
        var browser = new Dictionary<string, HttpClient>();
        var held = new Dictionary<string, HashSet<string>>();
        foreach (var role in roles!)
        {
            var code = role.GetProperty("code").GetString()!;
            var username = "matrix-" + code;
            var unit = code == "submitter" ? "371002-SCJG" : "371002-SFJ";
            var created = await admin.PostAsJsonAsync("/api/v1/users", new
            {
                username, displayName = "矩阵" + code, orgCode = unit, roles = new[] { code }, password = FazhiFactory.DemoPassword,
            });
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            api[code] = await app.ApiAsAsync(username, FazhiFactory.DemoPassword);
            browser[code] = await app.BrowserAsAsync(username, FazhiFactory.DemoPassword);
            held[code] = [.. role.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!)];
        }
        return (api, browser, held);
    }

    private static bool Holds(HashSet<string> held, Target t) =>
        !t.PlatformAdminOnly && t.Permissions.All(p => p == PermissionPolicies.SignedIn || held.Contains(p));

    private static bool Refused(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Forbidden ||
        (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString.Contains("/error/403", StringComparison.Ordinal) == true);

    [Fact]
    public async Task For_every_role_and_every_write_endpoint_and_page_handler_only_the_permitted_roles_get_through()
    {
        var targets = await WriteTargetsAsync();
        targets.Count(t => t.Handler is null).ShouldBeGreaterThan(40);
        targets.Count(t => t.Handler is not null).ShouldBeGreaterThan(30);
        var (api, browser, held) = await UsersPerRoleAsync();
        var tokens = new Dictionary<string, string>();
        foreach (var (role, client) in browser)
            tokens[role] = CookieLogin.AntiforgeryToken(await client.GetStringAsync("/"));

        var wrong = new List<string>();
        var cells = 0;
        foreach (var (role, permissions) in held)
            foreach (var t in targets)
            {
                HttpResponseMessage response;
                if (t.Handler is null)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(t.Method), t.Url)
                    {
                        Content = t.Form ? new MultipartFormDataContent { { new StringContent("true"), "dryRun" } } : new StringContent("{}", Encoding.UTF8, "application/json"),
                    };
                    response = await api[role].SendAsync(request);
                }
                else
                    response = await browser[role].PostAsync(t.Url, new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = tokens[role],
                    }));
                cells++;
                var expected = Holds(permissions, t);
                if (expected == Refused(response) || response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.InternalServerError)
                    wrong.Add($"{role} {t.Method} {t.Url}: expected {(expected ? "through" : "refused")}, got {(int)response.StatusCode} {response.Headers.Location}");
            }
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Permission matrix ({app.Provider}): {held.Count} roles × {targets.Count} write endpoints and page handlers = {cells} cells");
        wrong.ShouldBeEmpty(string.Join("\n", wrong));
        // The read-only roles change nothing at all.
        // The read-only roles change nothing: all they may post is a read (验证抽样 recomputes a draw to compare it).
        var catalog = app.Services.GetRequiredService<AccessCatalog>();
        var readOnly = targets.Where(t => Holds(held[Roles.Viewer], t) || Holds(held[Roles.JusticeOffice], t)).ToList();
        readOnly.ShouldAllBe(t => t.Permissions.All(p => catalog.Permission(p)!.Kind == PermissionKind.Read));
        readOnly.Select(t => t.Url).ShouldAllBe(u => u.Contains("verify", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_city_viewer_can_no_longer_write_and_a_reconsideration_clerk_cannot_touch_enforcement()
    {
        var weihai = await app.ApiAsAsync("weihai");
        using var batch = new StringContent("[]", Encoding.UTF8, "application/json");
        (await weihai.PostAsync("/api/v1/enforcement/records:batch?department=371002-SCJG", batch)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await weihai.PostAsJsonAsync("/api/v1/enforcement/warnings/1/feedback", new { text = "已整改" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await weihai.PostAsJsonAsync("/api/v1/reconsideration/cases/assign", new { ids = new[] { 1 }, assignee = "huancui" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var admin = await app.ApiAsAsync("secadmin");
        (await admin.PostAsJsonAsync("/api/v1/users", new
        {
            username = "recon-only", displayName = "复议专员", orgCode = "371002-SFJ", roles = new[] { "recon" }, password = FazhiFactory.DemoPassword,
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var clerk = await app.ApiAsAsync("recon-only", FazhiFactory.DemoPassword);
        (await clerk.PostAsJsonAsync("/api/v1/enforcement/officers/1/status", new { status = "suspended", on = "2026-01-05", reason = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await clerk.PostAsJsonAsync("/api/v1/enforcement/items", new { code = "X", name = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var menu = await (await app.BrowserAsAsync("weihai")).GetStringAsync("/");
        menu.ShouldNotContain("收到申请");
        menu.ShouldNotContain("数据报送");
        menu.ShouldContain("案件办理");
        var submitterMenu = await (await app.BrowserAsAsync("huancui-scjg")).GetStringAsync("/");
        submitterMenu.ShouldNotContain("台账导入导出");
        submitterMenu.ShouldNotContain("收到申请");
        submitterMenu.ShouldContain("数据报送");
    }

    [Fact]
    public async Task A_permission_taken_from_a_role_ends_its_tokens_and_is_refused_afterwards()
    {
        var admin = await app.ApiAsAsync("secadmin");
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/v1/roles/viewer");
        var permissions = before.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!).ToList();
        permissions.ShouldContain("recon:case:view");

        var weihai = await app.ApiAsAsync("weihai");
        (await weihai.GetAsync("/api/v1/reconsideration/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A district administrator may not change roles: they are shared by every unit.
        var district = await app.ApiAsAsync("huancui-admin");
        (await district.PutAsJsonAsync("/api/v1/roles/viewer/permissions", new { permissions = Array.Empty<string>() }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await admin.PutAsJsonAsync("/api/v1/roles/viewer/permissions", new { permissions = new[] { "no:such:thing" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "permissions");
        await (await admin.PutAsJsonAsync("/api/v1/roles/secadmin/permissions", new { permissions = new[] { "recon:case:view" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "permissions");
        // 三员分立: what is reserved for one officer is granted to no other role.
        var merged = await admin.PutAsJsonAsync("/api/v1/roles/admin/permissions", new { permissions = new[] { "system:org:view", "system:user:edit" } });
        (await merged.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "permissions")).GetProperty("errors").GetProperty("permissions")[0].GetString()!
            .ShouldContain("只能授予安全管理员");
        // The platform's system administrator may not change roles either.
        (await (await app.ApiAsAsync("admin")).PutAsJsonAsync("/api/v1/roles/viewer/permissions", new { permissions = Array.Empty<string>() }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var saved = await admin.PutAsJsonAsync("/api/v1/roles/viewer/permissions", new { permissions = permissions.Where(p => p != "recon:case:view") });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        (await weihai.GetAsync("/api/v1/reconsideration/cases")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized); // the old token ended
        var fresh = await app.ApiAsAsync("weihai");
        (await fresh.GetAsync("/api/v1/reconsideration/cases")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fresh.GetAsync("/api/v1/enforcement/records")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Restored, for the other tests of this class.
        (await admin.PutAsJsonAsync("/api/v1/roles/viewer/permissions", new { permissions })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class PermissionTestsOnSqlite(SqliteFactory app) : PermissionTests(app), IClassFixture<SqliteFactory>;

public sealed class PermissionTestsOnPostgres(PostgresFactory app) : PermissionTests(app), IClassFixture<PostgresFactory>;
