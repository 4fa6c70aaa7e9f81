using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;

namespace Fazhi.IntegrationTests.Kernel;

public abstract class OrgApiTests(FazhiFactory app)
{
    private static string NewCode() => "T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private static async Task<List<JsonElement>> OrgsAsync(HttpClient client) =>
        await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/orgs") ?? [];

    [Fact]
    public async Task A_district_user_lists_only_their_district_with_parent_codes()
    {
        var client = await app.ApiAsAsync("huancui");
        var orgs = await OrgsAsync(client);
        var codes = orgs.Select(o => o.GetProperty("code").GetString()).ToList();
        codes.ShouldContain("371002");
        codes.ShouldContain("371002001-SFS");
        codes.ShouldContain("371002-SCJG");
        codes.ShouldNotContain("371082");      // 荣成市
        codes.ShouldNotContain("371000");      // the city above
        codes.ShouldNotContain("120102");      // 河东区, another province
        var district = orgs.Single(o => o.GetProperty("code").GetString() == "371002");
        district.GetProperty("parentCode").GetString().ShouldBe("371000");
        district.GetProperty("kind").GetString().ShouldBe("District");
        district.GetProperty("name").GetString().ShouldBe("环翠区");
    }

    [Fact]
    public async Task A_city_viewer_sees_both_districts_and_a_department_only_itself()
    {
        var city = (await OrgsAsync(await app.ApiAsAsync("weihai"))).Select(o => o.GetProperty("code").GetString()).ToList();
        city.ShouldContain("371002");
        city.ShouldContain("371082");
        city.ShouldNotContain("370212");        // 崂山区 is in 青岛市
        var dept = (await OrgsAsync(await app.ApiAsAsync("huancui-scjg"))).Select(o => o.GetProperty("code").GetString()).ToList();
        dept.ShouldBe(["371002-SCJG"]);
    }

    [Fact]
    public async Task An_admin_creates_renames_moves_and_deactivates_a_unit()
    {
        var admin = await app.ApiAsAsync("admin");
        var code = NewCode();
        var created = await admin.PostAsJsonAsync("/api/v1/orgs", new { code, name = "测试街道", kind = "Town", parentCode = "371002" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/orgs/{code}");

        var office = NewCode();
        (await admin.PostAsJsonAsync("/api/v1/orgs", new { code = office, name = "测试司法所", kind = "司法所", parentCode = code })).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await admin.PutAsJsonAsync($"/api/v1/orgs/{code}", new { name = "测试街道（更名）" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var moved = await admin.PostAsJsonAsync($"/api/v1/orgs/{code}/move", new { parentCode = "371082" });
        moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());

        // The subtree moved with it: 荣成市 now sees the office, 环翠区 no longer does.
        var rongcheng = (await OrgsAsync(await app.ApiAsAsync("rongcheng"))).Select(o => o.GetProperty("code").GetString()).ToList();
        rongcheng.ShouldContain(office);
        var huancui = (await OrgsAsync(await app.ApiAsAsync("huancui"))).Select(o => o.GetProperty("code").GetString()).ToList();
        huancui.ShouldNotContain(office);
        var officeDto = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/orgs/{office}");
        officeDto.GetProperty("parentCode").GetString().ShouldBe(code);
        officeDto.GetProperty("depth").GetInt32().ShouldBe(4);

        // A unit with active children cannot be deactivated; children first.
        await (await admin.PostAsync($"/api/v1/orgs/{code}/deactivate", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await admin.PostAsync($"/api/v1/orgs/{office}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var off = await (await admin.PostAsync($"/api/v1/orgs/{code}/deactivate", null)).Content.ReadFromJsonAsync<JsonElement>();
        off.GetProperty("isActive").GetBoolean().ShouldBeFalse();
        var listed = await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/orgs?includeInactive=true");
        listed!.ShouldContain(o => o.GetProperty("code").GetString() == code && o.GetProperty("name").GetString() == "测试街道（更名）");
    }

    [Theory]
    [InlineData("""{"code":"371002","name":"重复","kind":"Town","parentCode":"371002"}""", "code")]                    // duplicated code
    [InlineData("""{"code":"NEWCODE","name":"无上级","kind":"Town","parentCode":"999999"}""", "parentCode")]          // unknown parent
    [InlineData("""{"code":"NEWCODE","name":"<script>alert(1)</script>","kind":"Town","parentCode":"371002"}""", "name")]
    [InlineData("""{"code":"NEWCODE","name":"","kind":"Town","parentCode":"371002"}""", "name")]
    [InlineData("""{"code":"bad code!","name":"某街道","kind":"Town","parentCode":"371002"}""", "code")]
    [InlineData("""{"code":"NEWCODE","name":"某街道","kind":"Planet","parentCode":"371002"}""", "kind")]
    [InlineData("""{"code":"NEWCODE","name":"某街道","kind":"Town","parentCode":"371000"}""", "parentCode")]          // a town under a city
    [InlineData("""{"code":"NEWCODE","name":"某市","kind":"City"}""", "parentCode")]                                   // a city needs a parent
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_saved(string json, string field)
    {
        var admin = await app.ApiAsAsync("admin");
        var response = await admin.PostAsync("/api/v1/orgs", new StringContent(json, Encoding.UTF8, "application/json"));
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        (await admin.GetAsync("/api/v1/orgs/NEWCODE")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_over_long_name_is_refused()
    {
        var admin = await app.ApiAsAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/orgs", new { code = NewCode(), name = new string('街', 65), kind = "Town", parentCode = "371002" });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "name");
        problem.GetProperty("detail").GetString()!.ShouldContain("64");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_with_a_chinese_detail()
    {
        var admin = await app.ApiAsAsync("admin");
        var response = await admin.PostAsync("/api/v1/orgs", new StringContent("""{"code":"X1","name":""", Encoding.UTF8, "application/json"));
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString()!.ShouldContain("JSON");
    }

    [Fact]
    public async Task A_move_that_would_make_a_cycle_is_refused()
    {
        var admin = await app.ApiAsAsync("admin");
        var toChild = await admin.PostAsJsonAsync("/api/v1/orgs/371002/move", new { parentCode = "371002001" });
        await toChild.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "parentCode");
        var toSelf = await admin.PostAsJsonAsync("/api/v1/orgs/371002/move", new { parentCode = "371002" });
        await toSelf.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "parentCode");
        var org = await admin.GetFromJsonAsync<JsonElement>("/api/v1/orgs/371002");
        org.GetProperty("parentCode").GetString().ShouldBe("371000");
    }

    [Fact]
    public async Task The_official_name_is_seeded_entered_kept_and_cleared()
    {
        var admin = await app.ApiAsAsync("admin");
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/orgs/371002")).GetProperty("officialName").GetString().ShouldBe("威海市环翠区人民政府");
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/orgs/371082")).GetProperty("officialName").GetString().ShouldBe("荣成市人民政府");
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/orgs/371002-SFJ")).GetProperty("officialName").GetString().ShouldBe("环翠区司法局");

        var code = NewCode();
        var created = await admin.PostAsJsonAsync("/api/v1/orgs", new { code, name = "全称镇", kind = "Town", parentCode = "371002", officialName = "威海市环翠区全称镇人民政府" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("officialName").GetString().ShouldBe("威海市环翠区全称镇人民政府");

        // A rename that does not mention the official name leaves it; an empty one clears it.
        var renamed = await (await admin.PutAsJsonAsync($"/api/v1/orgs/{code}", new { name = "全称镇（更名）" })).Content.ReadFromJsonAsync<JsonElement>();
        renamed.GetProperty("officialName").GetString().ShouldBe("威海市环翠区全称镇人民政府");
        var changed = await (await admin.PutAsJsonAsync($"/api/v1/orgs/{code}", new { name = "全称镇（更名）", officialName = "威海市环翠区新全称镇人民政府" })).Content.ReadFromJsonAsync<JsonElement>();
        changed.GetProperty("officialName").GetString().ShouldBe("威海市环翠区新全称镇人民政府");
        var cleared = await (await admin.PutAsJsonAsync($"/api/v1/orgs/{code}", new { name = "全称镇（更名）", officialName = "" })).Content.ReadFromJsonAsync<JsonElement>();
        cleared.GetProperty("officialName").ValueKind.ShouldBe(JsonValueKind.Null);

        await (await admin.PutAsJsonAsync($"/api/v1/orgs/{code}", new { name = "全称镇", officialName = "<b>全称</b>" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "officialName");
        await (await admin.PostAsJsonAsync("/api/v1/orgs", new { code = NewCode(), name = "某镇", kind = "Town", parentCode = "371002", officialName = new string('镇', 65) }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "officialName");
    }

    [Fact]
    public async Task The_org_page_edits_the_official_name()
    {
        var admin = await app.ApiAsAsync("admin");
        var code = NewCode();
        (await admin.PostAsJsonAsync("/api/v1/orgs", new { code, name = "页面镇", kind = "Town", parentCode = "371002" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var browser = await app.BrowserAsAsync("admin");
        var html = await browser.GetStringAsync($"/system/orgs?code={code}");
        html.ShouldContain("（未填写，文书使用机构名称）");
        var posted = await browser.PostAsync($"/system/orgs?handler=Rename", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = code, ["name"] = "页面镇", ["officialName"] = "威海市环翠区页面镇人民政府",
            ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(html),
        }));
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        (await browser.GetStringAsync($"/system/orgs?code={code}")).ShouldContain("<td colspan=\"3\">威海市环翠区页面镇人民政府</td>");

        var refused = await browser.PostAsync($"/system/orgs?handler=Rename", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = code, ["name"] = "页面镇", ["officialName"] = " 前后空格 ",
            ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(html),
        }));
        var page = await refused.Content.ReadAsStringAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        page.ShouldContain("机构全称不能包含");
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/orgs/{code}")).GetProperty("officialName").GetString().ShouldBe("威海市环翠区页面镇人民政府");
    }

    [Fact]
    public async Task Users_without_the_admin_role_cannot_change_the_tree()
    {
        var staff = await app.ApiAsAsync("huancui");
        var response = await staff.PostAsJsonAsync("/api/v1/orgs", new { code = NewCode(), name = "某街道", kind = "Town", parentCode = "371002" });
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}

public sealed class OrgApiTestsOnSqlite(SqliteFactory app) : OrgApiTests(app), IClassFixture<SqliteFactory>;

public sealed class OrgApiTestsOnPostgres(PostgresFactory app) : OrgApiTests(app), IClassFixture<PostgresFactory>;
