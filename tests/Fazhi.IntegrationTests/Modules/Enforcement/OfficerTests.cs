using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel;
using MiniExcelLibs;

namespace Fazhi.IntegrationTests.Modules.Enforcement;

public abstract class OfficerTests(FazhiFactory app)
{
    private const string Officers = "/api/v1/enforcement/officers";

    private static DateOnly Today => DateOnly.FromDateTime(ChinaTime.Now(TimeProvider.System));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A valid 18-digit ID number (GB 11643 check digit) for the given serial.</summary>
    private static string IdNumber(int serial)
    {
        var body = "37100219850612" + (serial % 1000).ToString("000", CultureInfo.InvariantCulture);
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    private static string Certificate() => "37" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);

    private static object Officer(string certificate, string name, DateOnly? expires = null, string department = "371002-SCJG", string? id = null) => new
    {
        name, idNumber = id ?? IdNumber(Random.Shared.Next(1, 999)), certificateNumber = certificate, department, field = "市场监管",
        issuedOn = Iso(Today.AddYears(-2)), expiresOn = Iso(expires ?? Today.AddYears(3)),
    };

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("officer");
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HttpResponseMessage> ImportAsync(IEnumerable<Dictionary<string, object?>> rows, bool dryRun)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        var client = await app.ApiAsAsync("huancui");
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(stream.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "file", "执法证.xlsx");
        return await client.PostAsync($"{Officers}/import?dryRun={(dryRun ? "true" : "false")}", form);
    }

    private async Task<int> CountAsync(string q) =>
        (await (await app.ApiAsAsync("huancui")).GetFromJsonAsync<JsonElement>($"{Officers}?q={Uri.EscapeDataString(q)}")).GetProperty("total").GetInt32();

    private static async Task<List<JsonElement>> WarningsAsync(HttpClient client, string rule, string status = "open") =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/warnings?rule={rule}&status={status}&page=1&pageSize=200")).GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task An_officer_is_registered_listed_with_a_masked_id_and_updated()
    {
        var client = await app.ApiAsAsync("huancui");
        var cert = Certificate();
        var id = IdNumber(11);
        var officer = await CreatedAsync(await client.PostAsJsonAsync(Officers, Officer(cert, "登记测试", id: id)));
        officer.GetProperty("status").GetString().ShouldBe("Valid");
        officer.GetProperty("statusName").GetString().ShouldBe("有效");
        officer.GetProperty("department").GetString().ShouldBe("环翠区市场监督管理局");
        officer.GetProperty("validToday").GetBoolean().ShouldBeTrue();

        var list = await client.GetFromJsonAsync<JsonElement>($"{Officers}?q={cert}&department=371002-SCJG");
        list.GetProperty("total").GetInt32().ShouldBe(1);
        var row = list.GetProperty("items")[0];
        row.GetProperty("idNumberMasked").GetString().ShouldBe(id[..4] + "**********" + id[^4..]);
        (await client.GetStringAsync($"{Officers}?q={cert}")).ShouldNotContain(id);
        (await client.GetFromJsonAsync<JsonElement>($"{Officers}?q={cert}&department=371002-ZHZF")).GetProperty("total").GetInt32().ShouldBe(0);

        var oid = officer.GetProperty("id").GetInt64();
        var moved = await OkAsync(await client.PutAsJsonAsync($"{Officers}/{oid}", new
        {
            name = "登记测试", certificateNumber = cert, department = "371002-ZHZF", field = "城市管理",
            issuedOn = Iso(Today.AddYears(-2)), expiresOn = Iso(Today.AddYears(4)),
        }));
        moved.GetProperty("officer").GetProperty("department").GetString().ShouldBe("环翠区综合行政执法局");
        moved.GetProperty("officer").GetProperty("idNumberMasked").GetString().ShouldBe(row.GetProperty("idNumberMasked").GetString()); // empty keeps it

        var detail = await OkAsync(await client.PostAsJsonAsync($"{Officers}/{oid}/reviews", new { year = Today.Year, kind = "annual", on = Iso(Today), passed = true, note = "合格" }));
        detail = await OkAsync(await client.PostAsJsonAsync($"{Officers}/{oid}/reviews", new { year = Today.Year, kind = "fourYear", on = Iso(Today), passed = false }));
        detail.GetProperty("reviews").GetArrayLength().ShouldBe(2);
        detail = await OkAsync(await client.PostAsJsonAsync($"{Officers}/{oid}/reviews", new { year = Today.Year, kind = "fourYear", on = Iso(Today), passed = true }));
        detail.GetProperty("reviews").GetArrayLength().ShouldBe(2); // the same year and kind corrects the record
        detail.GetProperty("reviews").EnumerateArray().ShouldAllBe(r => r.GetProperty("passed").GetBoolean());
        detail = await OkAsync(await client.PutAsJsonAsync($"{Officers}/{oid}/training/{Today.Year}", new { hours = 60.5m, examScore = 88m, examPassed = true }));
        var training = detail.GetProperty("training")[0];
        training.GetProperty("hours").GetDecimal().ShouldBe(60.5m);
        training.GetProperty("examScore").GetDecimal().ShouldBe(88m);
        await (await client.PutAsJsonAsync($"{Officers}/{oid}/training/{Today.Year}", new { hours = -1m })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hours");
        await (await client.PostAsJsonAsync($"{Officers}/{oid}/reviews", new { year = Today.Year, kind = "monthly", on = Iso(Today), passed = true }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "kind");
    }

    [Fact]
    public async Task Bad_officers_are_refused_naming_the_field()
    {
        var client = await app.ApiAsAsync("huancui");
        var cert = Certificate();
        var problem = await (await client.PostAsJsonAsync(Officers, Officer(cert, "校验", id: "371002198506120001"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idNumber");
        problem.GetProperty("errors").GetProperty("idNumber")[0].GetString()!.ShouldContain("校验位");
        await (await client.PostAsJsonAsync(Officers, Officer(cert, "校验", department: "371002-SFJ"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "department");
        await (await client.PostAsJsonAsync(Officers, Officer(cert, "校验", department: "371082-SCJG"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "department");
        await (await client.PostAsJsonAsync(Officers, Officer(cert, "校验", expires: Today.AddYears(-3)))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "expiresOn");
        await CreatedAsync(await client.PostAsJsonAsync(Officers, Officer(cert, "校验")));
        await (await client.PostAsJsonAsync(Officers, Officer(cert, "重复证号"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "certificateNumber");
    }

    [Fact]
    public async Task A_revoked_certificate_cannot_change_any_more()
    {
        var client = await app.ApiAsAsync("huancui");
        var cert = Certificate();
        var oid = (await CreatedAsync(await client.PostAsJsonAsync(Officers, Officer(cert, "撤销测试")))).GetProperty("id").GetInt64();

        var suspended = await OkAsync(await client.PostAsJsonAsync($"{Officers}/{oid}/status", new { status = "暂扣", on = Iso(Today), reason = "涉嫌违法执法，调查期间暂扣" }));
        suspended.GetProperty("officer").GetProperty("statusName").GetString().ShouldBe("暂扣");
        suspended.GetProperty("officer").GetProperty("validToday").GetBoolean().ShouldBeFalse();
        await (await client.PostAsJsonAsync($"{Officers}/{oid}/status", new { status = "暂扣", on = Iso(Today), reason = "再次" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync($"{Officers}/{oid}/status", new { status = "注销", on = Iso(Today) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reason");
        (await OkAsync(await client.PostAsJsonAsync($"{Officers}/{oid}/status", new { status = "有效", on = Iso(Today) })))
            .GetProperty("officer").GetProperty("validToday").GetBoolean().ShouldBeTrue();

        var revoked = await OkAsync(await client.PostAsJsonAsync($"{Officers}/{oid}/status", new { status = "撤销", on = Iso(Today), reason = "违法执法被撤销执法证" }));
        revoked.GetProperty("final").GetBoolean().ShouldBeTrue();
        var problem = await (await client.PostAsJsonAsync($"{Officers}/{oid}/status", new { status = "有效", on = Iso(Today) })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("撤销");
        await (await client.PostAsJsonAsync($"{Officers}/{oid}/status", new { status = "注销", on = Iso(Today), reason = "调离" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await client.PutAsJsonAsync($"{Officers}/{oid}", Officer(cert, "改名"))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync($"{Officers}/{oid}/reviews", new { year = Today.Year, kind = "annual", on = Iso(Today), passed = true })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await client.PutAsJsonAsync($"{Officers}/{oid}/training/{Today.Year}", new { hours = 10m })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var still = await client.GetFromJsonAsync<JsonElement>($"{Officers}/{oid}");
        still.GetProperty("officer").GetProperty("statusName").GetString().ShouldBe("撤销");
        still.GetProperty("officer").GetProperty("name").GetString().ShouldBe("撤销测试");
    }

    [Fact]
    public async Task A_certificate_expiring_in_ten_days_raises_ZF09_and_its_renewal_closes_it()
    {
        var client = await app.ApiAsAsync("huancui");
        var cert = Certificate();
        var oid = (await CreatedAsync(await client.PostAsJsonAsync(Officers, Officer(cert, "到期提醒", Today.AddDays(10))))).GetProperty("id").GetInt64();

        var warning = (await WarningsAsync(client, "ZF09")).SingleOrDefault(w => w.GetProperty("subject").GetString() == cert);
        warning.ValueKind.ShouldBe(JsonValueKind.Object, "no ZF09 warning for the certificate");
        warning.GetProperty("message").GetString()!.ShouldContain("还有10日");
        warning.GetProperty("department").GetString().ShouldBe("环翠区市场监督管理局");
        (await client.GetFromJsonAsync<JsonElement>($"{Officers}?q={cert}&expiring=true")).GetProperty("total").GetInt32().ShouldBe(1);
        (await client.GetFromJsonAsync<JsonElement>($"{Officers}/{oid}")).GetProperty("officer").GetProperty("expiry").GetString().ShouldBe("即将到期");
        var rongcheng = await app.ApiAsAsync("rongcheng");
        (await rongcheng.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/warnings?rule=ZF09&q={cert}&page=1&pageSize=20")).GetProperty("total").GetInt32().ShouldBe(0);

        // Renewed: the warning about the old expiry date closes at once.
        await OkAsync(await client.PutAsJsonAsync($"{Officers}/{oid}", Officer(cert, "到期提醒", Today.AddYears(5))));
        (await WarningsAsync(client, "ZF09")).ShouldNotContain(w => w.GetProperty("subject").GetString() == cert);
        (await WarningsAsync(client, "ZF09", "closed")).ShouldContain(w => w.GetProperty("subject").GetString() == cert && w.GetProperty("autoClosed").GetBoolean());
        (await client.GetFromJsonAsync<JsonElement>($"{Officers}?q={cert}&expiring=true")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task An_expired_certificate_raises_ZF10_until_it_is_cancelled()
    {
        var client = await app.ApiAsAsync("huancui");
        var cert = Certificate();
        var oid = (await CreatedAsync(await client.PostAsJsonAsync(Officers, Officer(cert, "已过期", Today.AddDays(-3))))).GetProperty("id").GetInt64();
        (await WarningsAsync(client, "ZF10")).ShouldContain(w => w.GetProperty("subject").GetString() == cert);
        (await client.GetFromJsonAsync<JsonElement>($"{Officers}/{oid}")).GetProperty("officer").GetProperty("expiry").GetString().ShouldBe("已过期");
        await OkAsync(await client.PostAsJsonAsync($"{Officers}/{oid}/status", new { status = "注销", on = Iso(Today), reason = "到期未换证，予以注销" }));
        (await WarningsAsync(client, "ZF10")).ShouldNotContain(w => w.GetProperty("subject").GetString() == cert);
    }

    [Fact]
    public async Task Another_region_can_neither_see_nor_change_the_officers()
    {
        var huancui = await app.ApiAsAsync("huancui");
        var cert = Certificate();
        var oid = (await CreatedAsync(await huancui.PostAsJsonAsync(Officers, Officer(cert, "环翠执法员")))).GetProperty("id").GetInt64();
        var rongcheng = await app.ApiAsAsync("rongcheng");
        await (await rongcheng.GetAsync($"{Officers}/{oid}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await rongcheng.PutAsJsonAsync($"{Officers}/{oid}", Officer(cert, "荣成改名", department: "371082-SCJG"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await rongcheng.PostAsJsonAsync($"{Officers}/{oid}/status", new { status = "撤销", on = Iso(Today), reason = "越权" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await rongcheng.PostAsJsonAsync($"{Officers}/{oid}/reviews", new { year = Today.Year, kind = "annual", on = Iso(Today), passed = false })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var theirs = await rongcheng.GetFromJsonAsync<JsonElement>($"{Officers}?page=1&pageSize=200");
        theirs.GetProperty("items").EnumerateArray().ShouldNotContain(o => o.GetProperty("certificateNumber").GetString() == cert);
        (await rongcheng.GetFromJsonAsync<JsonElement>($"{Officers}?q={cert}")).GetProperty("total").GetInt32().ShouldBe(0);
        await (await rongcheng.GetAsync($"{Officers}?department=371002-SCJG")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var still = await huancui.GetFromJsonAsync<JsonElement>($"{Officers}/{oid}");
        still.GetProperty("officer").GetProperty("name").GetString().ShouldBe("环翠执法员");
        still.GetProperty("officer").GetProperty("statusName").GetString().ShouldBe("有效");
    }

    [Fact]
    public async Task The_pages_register_list_and_revoke_a_certificate()
    {
        var browser = await app.BrowserAsAsync("huancui");
        var page = await browser.GetStringAsync("/enforcement/officers?add=true");
        page.ShouldContain("执法人员与执法证");
        var cert = Certificate();
        var id = IdNumber(77);
        var created = await browser.PostAsync("/enforcement/officers?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "页面登记", ["Input.IdNumber"] = id, ["Input.CertificateNumber"] = cert, ["Input.Department"] = "371002-STHJ",
            ["Input.IssuedOn"] = Iso(Today.AddYears(-1)), ["Input.ExpiresOn"] = Iso(Today.AddDays(20)),
            ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(page),
        }));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var location = created.Headers.Location!.ToString();
        location.ShouldStartWith("/enforcement/officer/");

        var list = await browser.GetStringAsync($"/enforcement/officers?q={cert}");
        list.ShouldContain("页面登记");
        list.ShouldContain("即将到期");
        list.ShouldContain(id[..4] + "**********" + id[^4..]);
        list.ShouldNotContain(id);
        var detail = await browser.GetStringAsync(location);
        detail.ShouldContain("ZF09");
        var revoked = await browser.PostAsync(location + "?handler=Status", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["change.Status"] = "撤销", ["change.On"] = Iso(Today), ["change.Reason"] = "页面撤销",
            ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(detail),
        }));
        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect, await revoked.Content.ReadAsStringAsync());
        var after = await browser.GetStringAsync(location);
        after.ShouldContain("不能再作任何变更");
        after.ShouldNotContain("变更状态</button>");
        (await (await app.BrowserAsAsync("rongcheng")).GetAsync(location)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static Dictionary<string, object?> Row(string cert, string name, string department = "环翠区市场监督管理局", string? id = null, string? expires = null,
        string? status = null, string? since = null, string? reason = null) => new()
    {
        ["姓名"] = name, ["身份证号"] = id ?? IdNumber(Random.Shared.Next(1, 999)), ["执法证号"] = cert, ["执法部门"] = department, ["执法领域"] = "市场监管",
        ["发证日期"] = "2024-01-15", ["有效期至"] = expires ?? "2029-01-14", ["状态"] = status, ["状态日期"] = since, ["状态原因"] = reason,
    };

    [Fact]
    public async Task An_import_names_row_and_column_stores_all_or_nothing_and_is_idempotent()
    {
        var prefix = "DR" + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture); // letters: no random number contains it
        List<Dictionary<string, object?>> bad =
        [
            Row(prefix + "001", "导入甲"),                                                     // row 2: fine
            Row(prefix + "002", "导入乙", id: "371002198506120001"),                           // row 3: check digit
            Row(prefix + "003", "导入丙", department: "不存在的局"),                            // row 4
            Row(prefix + "004", "导入丁", expires: "2023/2/30"),                               // row 5: no such day
            Row(prefix + "005", "导入戊", status: "暂扣"),                                     // row 6: no date or reason
            Row(prefix + "001", "导入己"),                                                     // row 7: repeated number
        ];
        var dry = await OkAsync(await ImportAsync(bad, dryRun: true));
        var errors = dry.GetProperty("errors").EnumerateArray().Select(e => (Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString())).ToList();
        errors.ShouldContain((3, "身份证号"));
        errors.ShouldContain((4, "执法部门"));
        errors.ShouldContain((5, "有效期至"));
        errors.ShouldContain((6, "状态日期"));
        errors.ShouldContain((6, "状态原因"));
        errors.ShouldContain((7, "执法证号"));
        errors.ShouldNotContain(e => e.Row == 2);

        var refused = await ImportAsync(bad, dryRun: false);
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "第3行 身份证号")).GetProperty("detail").GetString()!.ShouldContain("未导入任何数据");
        (await CountAsync(prefix)).ShouldBe(0);

        List<Dictionary<string, object?>> good =
        [
            Row(prefix + "011", "导入一"), Row(prefix + "012", "导入二", department: "371002-ZHZF"),
            Row(prefix + "013", "导入三", status: "暂扣", since: "2025-03-01", reason: "调查期间暂扣"),
            Row(prefix + "014", "导入四", expires: Iso(Today.AddDays(5))),
        ];
        var first = await OkAsync(await ImportAsync(good, dryRun: false));
        first.GetProperty("created").GetInt32().ShouldBe(4);
        (await CountAsync(prefix)).ShouldBe(4);
        var again = await OkAsync(await ImportAsync(good, dryRun: false));
        again.GetProperty("created").GetInt32().ShouldBe(0);
        again.GetProperty("unchanged").GetInt32().ShouldBe(4);
        (await CountAsync(prefix)).ShouldBe(4);
        var client = await app.ApiAsAsync("huancui");
        (await WarningsAsync(client, "ZF09")).ShouldContain(w => w.GetProperty("subject").GetString() == prefix + "014");
        var suspended = (await client.GetFromJsonAsync<JsonElement>($"{Officers}?q={prefix}013")).GetProperty("items")[0];
        suspended.GetProperty("statusName").GetString().ShouldBe("暂扣");
        suspended.GetProperty("statusSince").GetString().ShouldBe("2025-03-01");

        good[2]["状态"] = "撤销";
        good[2]["状态日期"] = Iso(Today);
        good[2]["状态原因"] = "违法执法";
        var update = await OkAsync(await ImportAsync(good, dryRun: false));
        update.GetProperty("updated").GetInt32().ShouldBe(1);
        update.GetProperty("unchanged").GetInt32().ShouldBe(3);

        // The export masks ID numbers; read back, it changes nothing.
        var export = await client.GetByteArrayAsync($"{Officers}/export?q={prefix}");
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(export);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "file", "导出.xlsx");
        var back = await OkAsync(await client.PostAsync($"{Officers}/import?dryRun=true", form));
        back.GetProperty("errors").GetArrayLength().ShouldBe(0, back.ToString());
        back.GetProperty("unchanged").GetInt32().ShouldBe(4);
    }
}

public sealed class OfficerTestsOnSqlite(SqliteFactory app) : OfficerTests(app), IClassFixture<SqliteFactory>;

public sealed class OfficerTestsOnPostgres(PostgresFactory app) : OfficerTests(app), IClassFixture<PostgresFactory>;
