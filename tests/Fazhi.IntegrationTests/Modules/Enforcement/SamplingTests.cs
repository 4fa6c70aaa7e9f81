using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Modules.Enforcement.Features.Sampling;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.IntegrationTests.Modules.Enforcement;

public abstract class SamplingTests(FazhiFactory app)
{
    /// <summary>A catalogue item of its own (the district's 司法局 publishes it), so each test draws from its own records.</summary>
    private async Task<string> ItemAsync()
    {
        var code = "CY" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await app.WithDbAsync(async db =>
        {
            var sfj = await db.OrgUnits.FirstAsync(o => o.Code == "371002-SFJ");
            db.EnforcementItems().Add(new EnforcementItem { OrgUnitId = sfj.Id, Code = code, Name = "抽样测试事项" + code, Field = "市场监管", LegalBasis = "《测试条例》第一条" });
            await db.SaveChangesAsync();
        });
        return code;
    }

    /// <summary>Sends <paramref name="n"/> records of the item: as the department's own account, or (for another
    /// department) as the bureau naming it.</summary>
    private async Task<List<long>> RecordsAsync(string item, int n, string department = "371002-SCJG", int first = 0)
    {
        var client = department == "371002-SCJG" ? await app.ApiAsAsync("huancui-scjg") : await app.ApiAsAsync("huancui");
        var records = Enumerable.Range(first, n).Select(i => new
        {
            sourceId = $"{item}-{department}-{i}", kind = "检查", itemCode = item, target = new { name = $"抽样对象{i}" },
            officers = new[] { "T0001", "T0002" }, openedOn = "2024-05-10",
        });
        var url = "/api/v1/enforcement/records:batch" + (department == "371002-SCJG" ? "" : "?department=" + department);
        var response = await client.PostAsJsonAsync(url, records);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        JsonDocument.Parse(body).RootElement.GetProperty("accepted").GetInt32().ShouldBe(n, body);
        var ids = new List<long>();
        await app.WithDbAsync(async db => ids = await db.EnforcementRecords().Where(r => r.ItemCode == item).Select(r => r.Id).ToListAsync());
        return ids;
    }

    private static async Task<JsonElement> DrawAsync(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/v1/enforcement/draws", request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static List<long> RecordIds(JsonElement detail) =>
        [.. detail.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("recordId").GetInt64())];

    private static long DrawId(JsonElement detail) => detail.GetProperty("draw").GetProperty("id").GetInt64();

    [Fact]
    public async Task The_same_seed_over_the_same_filter_draws_the_same_records()
    {
        var item = await ItemAsync();
        var population = await RecordsAsync(item, 20);
        var client = await app.ApiAsAsync("huancui");
        var first = await DrawAsync(client, new { name = "复现抽样一", filter = new { itemCode = item }, count = 5, seed = 20240601 });
        var second = await DrawAsync(client, new { name = "复现抽样二", filter = new { itemCode = item }, count = 5, seed = 20240601 });
        first.GetProperty("draw").GetProperty("population").GetInt32().ShouldBe(20);
        first.GetProperty("draw").GetProperty("drawn").GetInt32().ShouldBe(5);
        first.GetProperty("draw").GetProperty("seed").GetInt64().ShouldBe(20240601);
        RecordIds(first).ShouldBe(RecordIds(second));
        RecordIds(first).ShouldBe(Sampler.Draw(population, 20240601, 5));
        first.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("departmentCode").GetString()).ShouldAllBe(c => c == "371002-SCJG");

        var verify = await (await client.PostAsync($"/api/v1/enforcement/draws/{DrawId(first)}/verify", null)).Content.ReadFromJsonAsync<JsonElement>();
        verify.GetProperty("identical").GetBoolean().ShouldBeTrue(verify.ToString());
        verify.GetProperty("missing").GetArrayLength().ShouldBe(0);

        // Another seed generally draws another set (5 of 20: 15 504 possible sets).
        var others = new List<List<long>>();
        foreach (var seed in new[] { 1, 2, 3 })
            others.Add(RecordIds(await DrawAsync(client, new { name = "其他种子" + seed, filter = new { itemCode = item }, count = 5, seed })));
        others.ShouldContain(o => !o.SequenceEqual(RecordIds(first)));

        // Without a seed one is generated, stored and shown, and it re-draws the same records.
        var random = await DrawAsync(client, new { name = "随机种子", filter = new { itemCode = item }, count = 5 });
        var seedGiven = random.GetProperty("draw").GetProperty("seed").GetInt64();
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/draws/{DrawId(random)}");
        stored.GetProperty("draw").GetProperty("seed").GetInt64().ShouldBe(seedGiven);
        stored.GetProperty("filter").GetProperty("itemCode").GetString().ShouldBe(item);
        RecordIds(stored).ShouldBe(Sampler.Draw(population, seedGiven, 5));
        var again = await DrawAsync(client, new { name = "按随机种子重抽", filter = new { itemCode = item }, count = 5, seed = seedGiven });
        RecordIds(again).ShouldBe(RecordIds(random));

        // Another district does not see the draw.
        var rongcheng = await app.ApiAsAsync("rongcheng");
        await (await rongcheng.GetAsync($"/api/v1/enforcement/draws/{DrawId(first)}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var theirs = await rongcheng.GetFromJsonAsync<JsonElement>("/api/v1/enforcement/draws?pageSize=200");
        theirs.GetProperty("items").EnumerateArray().ShouldNotContain(d => d.GetProperty("id").GetInt64() == DrawId(first));
    }

    [Fact]
    public async Task Percentages_round_up_and_counts_are_capped_at_the_population()
    {
        var item = await ItemAsync();
        await RecordsAsync(item, 7);
        var client = await app.ApiAsAsync("huancui");
        var thirty = await DrawAsync(client, new { name = "按比例", filter = new { itemCode = item }, percent = 30 });
        thirty.GetProperty("draw").GetProperty("drawn").GetInt32().ShouldBe(3); // ⌈7 × 0.3⌉ = ⌈2.1⌉
        thirty.GetProperty("draw").GetProperty("requestedPercent").GetDecimal().ShouldBe(30m);
        (await DrawAsync(client, new { name = "全部", filter = new { itemCode = item }, percent = 100 })).GetProperty("draw").GetProperty("drawn").GetInt32().ShouldBe(7);
        (await DrawAsync(client, new { name = "超过总体", filter = new { itemCode = item }, count = 10 })).GetProperty("draw").GetProperty("drawn").GetInt32().ShouldBe(7);
        (await DrawAsync(client, new { name = "百分之一", filter = new { itemCode = item }, percent = 1 })).GetProperty("draw").GetProperty("drawn").GetInt32().ShouldBe(1);

        // The page's form draws the same way.
        var browser = await app.BrowserAsAsync("huancui");
        var html = await browser.GetStringAsync("/enforcement/sampling");
        var posted = await browser.PostAsync("/enforcement/sampling?handler=Draw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "页面抽样" + item, ["Input.ItemCode"] = item, ["Input.Mode"] = "percent", ["Input.Amount"] = "50", ["Input.Seed"] = "9",
            ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(html),
        }));
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var page = await browser.GetStringAsync(posted.Headers.Location!.ToString());
        page.ShouldContain("页面抽样" + item);
        page.ShouldContain("按50%向上取整");
    }

    [Fact]
    public async Task Impossible_draws_are_refused_in_chinese()
    {
        var item = await ItemAsync();
        await RecordsAsync(item, 3);
        var client = await app.ApiAsAsync("huancui");
        const string Url = "/api/v1/enforcement/draws";
        await (await client.PostAsJsonAsync(Url, new { name = "零条", filter = new { itemCode = item }, count = 0 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "count");
        await (await client.PostAsJsonAsync(Url, new { name = "超百", filter = new { itemCode = item }, percent = 150 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "percent");
        await (await client.PostAsJsonAsync(Url, new { name = "两者", filter = new { itemCode = item }, count = 1, percent = 10 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "count");
        await (await client.PostAsJsonAsync(Url, new { name = "都没有", filter = new { itemCode = item } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "count");
        await (await client.PostAsJsonAsync(Url, new { name = "", filter = new { itemCode = item }, count = 1 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "name");
        var empty = await (await client.PostAsJsonAsync(Url, new { name = "空总体", filter = new { itemCode = item + "-NONE" }, count = 1 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "filter");
        empty.GetProperty("detail").GetString()!.ShouldContain("0条");
        await (await client.PostAsJsonAsync(Url, new { name = "坏类型", filter = new { itemCode = item, kind = "审批" }, count = 1 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "kind");
        // Only staff who may edit draw.
        var viewer = await app.ApiAsAsync("weihai");
        (await viewer.PostAsJsonAsync(Url, new { name = "查看", filter = new { itemCode = item }, count = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Verification_names_the_difference_once_the_data_has_changed()
    {
        var item = await ItemAsync();
        await RecordsAsync(item, 10);
        var client = await app.ApiAsAsync("huancui");
        var draw = await DrawAsync(client, new { name = "数据变化", filter = new { itemCode = item }, percent = 50, seed = 77 });
        draw.GetProperty("draw").GetProperty("drawn").GetInt32().ShouldBe(5);
        await RecordsAsync(item, 1, first: 10); // the population grows to 11: 50 % is now 6 records
        var verify = await (await client.PostAsync($"/api/v1/enforcement/draws/{DrawId(draw)}/verify", null)).Content.ReadFromJsonAsync<JsonElement>();
        verify.GetProperty("identical").GetBoolean().ShouldBeFalse();
        verify.GetProperty("population").GetInt32().ShouldBe(11);
        verify.GetProperty("storedPopulation").GetInt32().ShouldBe(10);
        // Keys do not depend on the other records: the first five stay, one more is added.
        verify.GetProperty("missing").GetArrayLength().ShouldBe(0);
        verify.GetProperty("added").GetArrayLength().ShouldBe(1);
        verify.GetProperty("message").GetString()!.ShouldContain("数据已变化");
    }

    [Fact]
    public async Task Scores_stay_within_each_items_points_and_the_results_average_them()
    {
        var item = await ItemAsync();
        await RecordsAsync(item, 2);
        await RecordsAsync(item, 2, "371002-ZHZF");
        var client = await app.ApiAsAsync("huancui");
        var created = await client.PostAsJsonAsync("/api/v1/enforcement/review-templates", new
        {
            name = "行政检查案卷评查标准" + item, items = new[] { new { code = "A", name = "程序合法", points = 60m }, new { code = "B", name = "文书规范", points = 40m } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var template = await created.Content.ReadFromJsonAsync<JsonElement>();
        template.GetProperty("fullMarks").GetDecimal().ShouldBe(100m);
        var rongcheng = await app.ApiAsAsync("rongcheng");
        (await rongcheng.GetFromJsonAsync<List<JsonElement>>("/api/v1/enforcement/review-templates"))!
            .ShouldNotContain(t => t.GetProperty("id").GetInt64() == template.GetProperty("id").GetInt64());
        var templateId = template.GetProperty("id").GetInt64();
        await (await client.PostAsJsonAsync("/api/v1/enforcement/review-templates", new { name = "重复编码", items = new[] { new { code = "A", name = "一", points = 10m }, new { code = "A", name = "二", points = 10m } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "items[1]");

        var draw = await DrawAsync(client, new { name = "案卷评查" + item, filter = new { itemCode = item }, count = 4, seed = 5, templateId });
        var id = DrawId(draw);
        var records = draw.GetProperty("records").EnumerateArray().ToList();
        var scjg = records.Where(r => r.GetProperty("departmentCode").GetString() == "371002-SCJG").Select(r => r.GetProperty("recordId").GetInt64()).ToList();
        var zhzf = records.Where(r => r.GetProperty("departmentCode").GetString() == "371002-ZHZF").Select(r => r.GetProperty("recordId").GetInt64()).ToList();
        (scjg.Count, zhzf.Count).ShouldBe((2, 2));
        string Url(long recordId) => $"/api/v1/enforcement/draws/{id}/records/{recordId}/score";

        await (await client.PutAsJsonAsync(Url(scjg[0]), new { scores = new Dictionary<string, decimal> { ["A"] = 61, ["B"] = 30 } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "scores.A");
        await (await client.PutAsJsonAsync(Url(scjg[0]), new { scores = new Dictionary<string, decimal> { ["A"] = -1, ["B"] = 30 } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "scores.A");
        await (await client.PutAsJsonAsync(Url(scjg[0]), new { scores = new Dictionary<string, decimal> { ["A"] = 50 } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "scores.B");
        await (await client.PutAsJsonAsync(Url(scjg[0]), new { scores = new Dictionary<string, decimal> { ["A"] = 50, ["B"] = 30, ["C"] = 1 } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "scores.C");
        await (await client.PutAsJsonAsync($"/api/v1/enforcement/draws/{id}/records/999999999/score", new { scores = new Dictionary<string, decimal> { ["A"] = 1, ["B"] = 1 } })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var submitter = await app.ApiAsAsync("huancui-scjg");
        (await submitter.PutAsJsonAsync(Url(scjg[0]), new { scores = new Dictionary<string, decimal> { ["A"] = 50, ["B"] = 30 } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var scored = await client.PutAsJsonAsync(Url(scjg[0]), new { scores = new Dictionary<string, decimal> { ["A"] = 50, ["B"] = 30 }, problems = "询问笔录未签名" });
        scored.StatusCode.ShouldBe(HttpStatusCode.OK, await scored.Content.ReadAsStringAsync());
        var row = await scored.Content.ReadFromJsonAsync<JsonElement>();
        row.GetProperty("score").GetDecimal().ShouldBe(80m);
        row.GetProperty("reviewer").GetString().ShouldBe("huancui");
        row.GetProperty("reviewedOn").GetString()!.ShouldMatch(@"^\d{4}-\d{2}-\d{2}$");
        (await client.PutAsJsonAsync(Url(scjg[1]), new { scores = new Dictionary<string, decimal> { ["A"] = 60, ["B"] = 40 } })).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync(Url(zhzf[0]), new { scores = new Dictionary<string, decimal> { ["A"] = 40, ["B"] = 20 } })).EnsureSuccessStatusCode();

        var results = await client.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/draws/{id}/results");
        results.GetProperty("files").GetInt32().ShouldBe(4);
        results.GetProperty("reviewed").GetInt32().ShouldBe(3);
        results.GetProperty("averageScore").GetDecimal().ShouldBe(80m);          // (80 + 100 + 60) / 3
        var byDept = results.GetProperty("byDepartment").EnumerateArray().ToDictionary(d => d.GetProperty("departmentCode").GetString()!);
        byDept["371002-SCJG"].GetProperty("files").GetInt32().ShouldBe(2);
        byDept["371002-SCJG"].GetProperty("reviewed").GetInt32().ShouldBe(2);
        byDept["371002-SCJG"].GetProperty("averageScore").GetDecimal().ShouldBe(90m);
        byDept["371002-ZHZF"].GetProperty("files").GetInt32().ShouldBe(2);
        byDept["371002-ZHZF"].GetProperty("reviewed").GetInt32().ShouldBe(1);
        byDept["371002-ZHZF"].GetProperty("averageScore").GetDecimal().ShouldBe(60m);
        var byItem = results.GetProperty("byItem").EnumerateArray().ToDictionary(d => d.GetProperty("code").GetString()!);
        byItem["A"].GetProperty("averagePoints").GetDecimal().ShouldBe(50m);    // (50 + 60 + 40) / 3
        byItem["A"].GetProperty("percentOfFull").GetDecimal().ShouldBe(83.33m);
        byItem["B"].GetProperty("averagePoints").GetDecimal().ShouldBe(30m);    // (30 + 40 + 20) / 3
        byItem["B"].GetProperty("percentOfFull").GetDecimal().ShouldBe(75m);

        // The items a score was given on cannot change any more; the name can.
        await (await client.PutAsJsonAsync($"/api/v1/enforcement/review-templates/{templateId}", new { name = "改名", items = new[] { new { code = "A", name = "程序合法", points = 50m }, new { code = "B", name = "文书规范", points = 50m } } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await client.PutAsJsonAsync($"/api/v1/enforcement/review-templates/{templateId}", new { name = "改名" + item, items = new[] { new { code = "A", name = "程序合法", points = 60m }, new { code = "B", name = "文书规范", points = 40m } } }))
            .EnsureSuccessStatusCode();
        await (await client.PutAsJsonAsync($"/api/v1/enforcement/draws/{id}/template", new { templateId = (long?)null })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var export = await client.GetAsync($"/api/v1/enforcement/draws/{id}/export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var bytes = await export.Content.ReadAsByteArrayAsync();
        (bytes[0], bytes[1]).ShouldBe(((byte)'P', (byte)'K'));

        // The page shows the draw and takes a score through its form.
        var browser = await app.BrowserAsAsync("huancui");
        var html = await browser.GetStringAsync($"/enforcement/draw/{id}");
        html.ShouldContain("案卷评查" + item);
        html.ShouldContain("程序合法");
        var posted = await browser.PostAsync($"/enforcement/draw/{id}?handler=Score", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["recordId"] = zhzf[1].ToString(System.Globalization.CultureInfo.InvariantCulture), ["scores[A]"] = "30", ["scores[B]"] = "10",
            ["problems"] = "", ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(html),
        }));
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        results = await client.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/draws/{id}/results");
        results.GetProperty("reviewed").GetInt32().ShouldBe(4);
        results.GetProperty("averageScore").GetDecimal().ShouldBe(70m);          // (80 + 100 + 60 + 40) / 4
        (await browser.GetStringAsync("/enforcement/sampling")).ShouldContain("案卷评查" + item);
    }
}

public sealed class SamplingTestsOnSqlite(SqliteFactory app) : SamplingTests(app), IClassFixture<SqliteFactory>;

public sealed class SamplingTestsOnPostgres(PostgresFactory app) : SamplingTests(app), IClassFixture<PostgresFactory>;
