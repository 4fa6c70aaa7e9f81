using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using MiniExcelLibs;

namespace Fazhi.IntegrationTests.Modules.Enforcement;

public abstract class CatalogueTests(FazhiFactory app)
{
    private const string Items = "/api/v1/enforcement/items";

    private static object Item(string code, string? benchmarkText = "轻微:0-2000;一般:2000-10000;严重:10000-50000", object[]? benchmarks = null,
        bool town = false, string? townClass = null) => new
    {
        code, name = "销售不符合食品安全标准的食品" + code, field = "市场监管", legalBasis = "《中华人民共和国食品安全法》第一百二十四条",
        responsibleDepartment = "区市场监督管理局", townLevel = town, townClass, receivingTowns = town ? "鲸园街道，竹岛街道" : null,
        benchmarkText = benchmarks is null ? benchmarkText : null, benchmarks,
    };

    private static Dictionary<string, object?> Row(string code, string? name = null, string benchmarks = "轻微:0-2000;一般:2000-10000", string town = "否",
        string? townClass = null) => new()
    {
        ["事项编码"] = code, ["事项名称"] = name ?? "对未按规定公示信息的处罚" + code, ["执法领域"] = "城市管理", ["法律依据"] = "《城市市容和环境卫生管理条例》第三十四条",
        ["实施主体"] = "区综合行政执法局", ["镇街事项"] = town, ["承接镇街类别"] = townClass, ["承接镇街"] = town == "是" ? "鲸园街道、环翠楼街道" : null, ["裁量基准"] = benchmarks,
    };

    private static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private async Task<HttpResponseMessage> ImportAsync(byte[] file, bool dryRun, string user = "huancui")
    {
        var client = await app.ApiAsAsync(user);
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "file", "清单.xlsx");
        return await client.PostAsync($"{Items}/import?dryRun={(dryRun ? "true" : "false")}", form);
    }

    private async Task<int> CountAsync(string q, string user = "huancui") =>
        (await (await app.ApiAsAsync(user)).GetFromJsonAsync<JsonElement>($"{Items}?q={Uri.EscapeDataString(q)}")).GetProperty("total").GetInt32();

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task An_item_is_created_updated_and_deactivated_but_never_deleted()
    {
        var client = await app.ApiAsAsync("huancui");
        var item = await CreatedAsync(await client.PostAsJsonAsync(Items, Item("CRUD-001", benchmarks:
            [new { level = "轻微", min = 0, max = 2000 }, new { level = "一般", min = 2000, max = 10000.5m, description = "首次违法" }])));
        var id = item.GetProperty("id").GetInt64();
        item.GetProperty("ownerCode").GetString().ShouldBe("371002-SFJ"); // the caller's own unit by default
        item.GetProperty("isActive").GetBoolean().ShouldBeTrue();
        item.GetProperty("benchmarkText").GetString().ShouldBe("轻微:0-2000;一般:2000-10000.5（首次违法）");

        var updated = await client.PutAsJsonAsync($"{Items}/{id}", Item("CRUD-001", "轻微：0-1000；一般:1000-5000；较重:5000-20000；严重:20000-100000", town: true, townClass: "一类"));
        updated.StatusCode.ShouldBe(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        var body = await client.GetFromJsonAsync<JsonElement>($"{Items}/{id}");
        var levels = body.GetProperty("benchmarks").EnumerateArray().ToList();
        levels.Select(l => l.GetProperty("level").GetString()).ShouldBe(["轻微", "一般", "较重", "严重"]);
        levels[3].GetProperty("max").GetDecimal().ShouldBe(100000m);
        body.GetProperty("townLevel").GetBoolean().ShouldBeTrue();
        body.GetProperty("townClass").GetString().ShouldBe("一类");
        body.GetProperty("receivingTowns").GetString().ShouldBe("鲸园街道、竹岛街道");

        var off = await client.PostAsync($"{Items}/{id}/deactivate", null);
        off.StatusCode.ShouldBe(HttpStatusCode.OK, await off.Content.ReadAsStringAsync());
        (await off.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isActive").GetBoolean().ShouldBeFalse();
        await (await client.PostAsync($"{Items}/{id}/deactivate", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await client.DeleteAsync($"{Items}/{id}")).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        var inactive = await client.GetFromJsonAsync<JsonElement>($"{Items}?q=CRUD-001&active=false");
        inactive.GetProperty("total").GetInt32().ShouldBe(1);
        (await client.GetFromJsonAsync<JsonElement>($"{Items}?q=CRUD-001&active=true")).GetProperty("total").GetInt32().ShouldBe(0);
        (await client.PostAsync($"{Items}/{id}/activate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_duplicate_code_in_the_same_catalogue_is_refused()
    {
        var client = await app.ApiAsAsync("huancui");
        await CreatedAsync(await client.PostAsJsonAsync(Items, Item("DUP-001")));
        var problem = await (await client.PostAsJsonAsync(Items, Item("DUP-001"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "code");
        problem.GetProperty("errors").GetProperty("code")[0].GetString()!.ShouldContain("已存在");
        // Another catalogue (the district itself rather than its 司法局) may use the same code.
        var district = await client.PostAsJsonAsync(Items, new { code = "DUP-001", name = "区级事项", field = "市场监管", legalBasis = "某法", org = "371002" });
        district.StatusCode.ShouldBe(HttpStatusCode.Created, await district.Content.ReadAsStringAsync());
        // An enforcement department does not publish a catalogue.
        await (await client.PostAsJsonAsync(Items, new { code = "DUP-002", name = "部门事项", field = "市场监管", legalBasis = "某法", org = "371002-SCJG" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "org");
    }

    [Theory]
    [InlineData("一般:5000-2000", "大于")]
    [InlineData("一般:0-2000;一般:2000-5000", "重复")]
    [InlineData("轻微:-100-2000", "负数")]
    [InlineData("一般 2000-5000", "级别:最低额-最高额")]
    [InlineData("一般:两千-五千", "最低额-最高额")]
    [InlineData(":0-100", "级别")]
    [InlineData("一般:0-20000000000", "核对单位")]
    [InlineData("一般:0.001-1", "两位小数")]
    public async Task A_bad_benchmark_is_refused_with_the_reason_in_chinese(string text, string reason)
    {
        var client = await app.ApiAsAsync("huancui");
        var code = "BAD-" + Guid.NewGuid().ToString("N")[..8];
        var problem = await (await client.PostAsJsonAsync(Items, Item(code, text))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "benchmarks");
        problem.GetProperty("errors").GetProperty("benchmarks")[0].GetString()!.ShouldContain(reason);
        (await CountAsync(code)).ShouldBe(0);
    }

    [Fact]
    public async Task Structured_benchmarks_are_checked_the_same_way()
    {
        var client = await app.ApiAsAsync("huancui");
        var problem = await (await client.PostAsJsonAsync(Items, Item("BADS-001", benchmarks:
            [new { level = "一般", min = 3000, max = 1000 }, new { level = "一般", min = 0, max = 1 }]))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "benchmarks");
        var messages = problem.GetProperty("errors").GetProperty("benchmarks").EnumerateArray().Select(m => m.GetString()!).ToList();
        messages.ShouldContain(m => m.Contains("大于", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("重复", StringComparison.Ordinal));
        await (await client.PostAsJsonAsync(Items, Item("BADS-002", town: true))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "townClass");
        await (await client.PostAsJsonAsync(Items, new { code = "BADS-003", field = "市场监管" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "name");
    }

    [Fact]
    public async Task An_import_dry_run_names_the_row_and_column_of_each_problem()
    {
        List<Dictionary<string, object?>> rows =
        [
            Row("DRY-001"),                                        // row 2: fine
            Row("DRY-002", name: ""),                              // row 3: no name
            Row("DRY-003", benchmarks: "一般:9000-1000"),          // row 4: min > max
            Row("DRY-004", benchmarks: "一般:0-1;一般:2-3"),       // row 5: level twice
            Row("DRY-005", town: "是"),                            // row 6: town item without class
            Row("DRY-001"),                                        // row 7: code repeated
            Row("DRY-007", town: "也许"),                          // row 8: not 是/否
        ];
        var response = await ImportAsync(Xlsx(rows), dryRun: true);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var dry = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = dry.GetProperty("errors").EnumerateArray()
            .Select(e => (Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString(), Message: e.GetProperty("message").GetString()!)).ToList();
        errors.ShouldContain(e => e.Row == 3 && e.Column == "事项名称");
        errors.ShouldContain(e => e.Row == 4 && e.Column == "裁量基准" && e.Message.Contains("大于", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Row == 5 && e.Column == "裁量基准" && e.Message.Contains("重复", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Row == 6 && e.Column == "承接镇街类别");
        errors.ShouldContain(e => e.Row == 7 && e.Column == "事项编码");
        errors.ShouldContain(e => e.Row == 8 && e.Column == "镇街事项");
        errors.ShouldNotContain(e => e.Row == 2);
        (await CountAsync("DRY-")).ShouldBe(0);
    }

    [Fact]
    public async Task An_import_is_idempotent_by_code_and_updates_on_re_import()
    {
        List<Dictionary<string, object?>> rows =
        [
            Row("IMP-001"), Row("IMP-002", benchmarks: ""), Row("IMP-003", town: "是", townClass: "二类"),
        ];
        var dry = await (await ImportAsync(Xlsx(rows), dryRun: true)).Content.ReadFromJsonAsync<JsonElement>();
        dry.GetProperty("errors").GetArrayLength().ShouldBe(0, dry.ToString());
        dry.GetProperty("created").GetInt32().ShouldBe(3);
        (await CountAsync("IMP-")).ShouldBe(0); // a dry run stores nothing

        var first = await ImportAsync(Xlsx(rows), dryRun: false);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32().ShouldBe(3);
        (await CountAsync("IMP-")).ShouldBe(3);

        var again = await (await ImportAsync(Xlsx(rows), dryRun: false)).Content.ReadFromJsonAsync<JsonElement>();
        again.GetProperty("created").GetInt32().ShouldBe(0);
        again.GetProperty("unchanged").GetInt32().ShouldBe(3);
        (await CountAsync("IMP-")).ShouldBe(3);

        rows[0]["裁量基准"] = "轻微:0-3000;一般:3000-15000";
        var update = await (await ImportAsync(Xlsx(rows), dryRun: false)).Content.ReadFromJsonAsync<JsonElement>();
        update.GetProperty("updated").GetInt32().ShouldBe(1);
        update.GetProperty("unchanged").GetInt32().ShouldBe(2);
        (await CountAsync("IMP-")).ShouldBe(3);
        var item = (await (await app.ApiAsAsync("huancui")).GetFromJsonAsync<JsonElement>($"{Items}?q=IMP-001")).GetProperty("items")[0];
        item.GetProperty("benchmarkText").GetString().ShouldBe("轻微:0-3000;一般:3000-15000");

        // The export is the import's format: read back, it changes nothing.
        var export = await (await app.ApiAsAsync("huancui")).GetByteArrayAsync($"{Items}/export?q=IMP-");
        var back = await (await ImportAsync(export, dryRun: true)).Content.ReadFromJsonAsync<JsonElement>();
        back.GetProperty("errors").GetArrayLength().ShouldBe(0, back.ToString());
        back.GetProperty("unchanged").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task An_import_with_one_bad_row_stores_nothing()
    {
        List<Dictionary<string, object?>> rows = [Row("ONE-001"), Row("ONE-002"), Row("ONE-003", benchmarks: "严重:50000-100")];
        var commit = await ImportAsync(Xlsx(rows), dryRun: false);
        var problem = await commit.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "第4行 裁量基准");
        problem.GetProperty("detail").GetString()!.ShouldContain("未导入任何数据");
        (await CountAsync("ONE-")).ShouldBe(0);
    }

    [Fact]
    public async Task Another_region_can_neither_see_nor_change_the_items()
    {
        var huancui = await app.ApiAsAsync("huancui");
        var item = await CreatedAsync(await huancui.PostAsJsonAsync(Items, Item("SCOPE-001")));
        var id = item.GetProperty("id").GetInt64();
        var rongcheng = await app.ApiAsAsync("rongcheng");
        await (await rongcheng.GetAsync($"{Items}/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await rongcheng.PutAsJsonAsync($"{Items}/{id}", Item("SCOPE-001", "一般:0-1"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await rongcheng.PostAsync($"{Items}/{id}/deactivate", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await CountAsync("SCOPE-001", "rongcheng")).ShouldBe(0);
        var theirs = await rongcheng.GetFromJsonAsync<JsonElement>($"{Items}?pageSize=200");
        theirs.GetProperty("items").EnumerateArray().ShouldNotContain(i => i.GetProperty("code").GetString() == "SCOPE-001");
        // Nor publish into 环翠's catalogue.
        await (await rongcheng.PostAsJsonAsync(Items, new { code = "SCOPE-002", name = "越权", field = "市场监管", legalBasis = "某法", org = "371002-SFJ" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "org");
        (await CountAsync("SCOPE-001")).ShouldBe(1);
        (await huancui.GetFromJsonAsync<JsonElement>($"{Items}/{id}")).GetProperty("benchmarkText").GetString().ShouldBe("轻微:0-2000;一般:2000-10000;严重:10000-50000");
    }

    [Fact]
    public async Task The_page_lists_adds_refuses_bad_benchmarks_and_deactivates()
    {
        var browser = await app.BrowserAsAsync("huancui");
        var page = await browser.GetStringAsync("/enforcement/catalogue?add=true");
        page.ShouldContain("执法事项清单");
        page.ShouldContain("共 ");
        async Task<HttpResponseMessage> PostAsync(string handler, Dictionary<string, string> form)
        {
            form["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(page);
            return await browser.PostAsync($"/enforcement/catalogue?handler={handler}", new FormUrlEncodedContent(form));
        }
        Dictionary<string, string> Form(string benchmarks) => new()
        {
            ["Input.Code"] = "PAGE-001", ["Input.Name"] = "页面新增的事项", ["Input.Field"] = "生态环境", ["Input.LegalBasis"] = "《中华人民共和国大气污染防治法》第九十九条",
            ["Input.BenchmarkText"] = benchmarks,
        };
        var bad = await PostAsync("Save", Form("一般:9000-1000"));
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("大于最高额");
        (await CountAsync("PAGE-001")).ShouldBe(0);

        var saved = await PostAsync("Save", Form("一般:1000-9000"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var list = await browser.GetStringAsync("/enforcement/catalogue?q=PAGE-001");
        list.ShouldContain("页面新增的事项");
        list.ShouldContain("共 1 条");
        var id = (await (await app.ApiAsAsync("huancui")).GetFromJsonAsync<JsonElement>($"{Items}?q=PAGE-001")).GetProperty("items")[0].GetProperty("id").GetInt64();
        (await browser.GetStringAsync($"/enforcement/catalogue?edit={id}")).ShouldContain("一般:1000-9000");
        var off = await PostAsync("Deactivate", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        off.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetStringAsync("/enforcement/catalogue?q=PAGE-001")).ShouldContain("已停用");
        (await browser.GetStringAsync("/enforcement/catalogue?q=没有这个事项")).ShouldContain("没有符合条件的执法事项");
    }

    [Fact]
    public async Task A_viewer_may_read_but_not_write()
    {
        var viewer = await app.ApiAsAsync("weihai");
        var read = await viewer.GetAsync(Items);
        read.StatusCode.ShouldBe(HttpStatusCode.OK, await read.Content.ReadAsStringAsync());
        (await viewer.PostAsJsonAsync(Items, Item("VIEW-001"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class CatalogueTestsOnSqlite(SqliteFactory app) : CatalogueTests(app), IClassFixture<SqliteFactory>;

public sealed class CatalogueTestsOnPostgres(PostgresFactory app) : CatalogueTests(app), IClassFixture<PostgresFactory>;
