using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Modules.Enforcement.Import;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.IntegrationTests.Modules.Enforcement.EnforcementApi;

namespace Fazhi.IntegrationTests.Modules.Enforcement;

/// <summary>Departments push records: every bad record is refused with its index and reasons, the good ones are stored
/// in one transaction, a re-sent record updates its row, and a department writes and reads only its own records.</summary>
public abstract class IngestionTests(FazhiFactory app) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await SeedAsync(app);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private static string[] Reasons(JsonElement result, int index) =>
        [.. result.GetProperty("rejected").EnumerateArray().Single(r => r.GetProperty("index").GetInt32() == index)
            .GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)];

    [Fact]
    public async Task Bad_records_are_refused_one_by_one_and_the_good_ones_kept()
    {
        var client = await app.ApiAsAsync("huancui-scjg");
        var ok = Unique("OK");
        var bad = Record(Unique("BADCODE"));
        var wrongCheck = Credit(5)[..17] + (Credit(5)[17] == '0' ? '1' : '0');
        bad["target"] = new { name = "某公司", creditCode = wrongCheck };
        var result = await PostBatchAsync(client,
        [
            Record(ok),
            Record(Unique("NOITEM"), item: "NO-SUCH-ITEM"),
            bad,
            Record(Unique("DATES"), kind: "处罚", item: "T-PEN", opened: "2024-05-01", decided: "2024-05-10", closed: "2024-04-01"),
            Record(Unique("NEG"), kind: "处罚", item: "T-PEN", decided: "2024-03-20", amount: -5m),
            Record(Unique("HUGE"), kind: "处罚", item: "T-PEN", decided: "2024-03-20", amount: 99_000_000_000m),
            Record(Unique("KIND"), kind: "表扬"),
        ]);
        result.GetProperty("accepted").GetInt32().ShouldBe(1);
        result.GetProperty("created").GetInt32().ShouldBe(1);
        result.GetProperty("rejected").GetArrayLength().ShouldBe(6);
        Reasons(result, 1).ShouldContain(r => r.StartsWith("itemCode") && r.Contains("NO-SUCH-ITEM"));
        Reasons(result, 2).ShouldContain(r => r.StartsWith("target.creditCode") && r.Contains("校验位"));
        Reasons(result, 3).ShouldContain(r => r.StartsWith("closedOn") && r.Contains("早于立案日期"));
        Reasons(result, 4).ShouldContain(r => r.StartsWith("amount") && r.Contains("负数"));
        Reasons(result, 5).ShouldContain(r => r.StartsWith("amount") && r.Contains("合理范围"));
        Reasons(result, 6).ShouldContain(r => r.StartsWith("kind"));
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/records?q={ok}")).GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_resent_record_updates_its_row_and_never_duplicates_it()
    {
        var client = await app.ApiAsAsync("huancui-scjg");
        var id = Unique("RESEND");
        var first = await PostBatchAsync(client, [Record(id, kind: "处罚", item: "T-PEN", decided: "2024-03-20", amount: 3000m, circumstance: "一般", legalReview: true, published: "2024-03-22")]);
        first.GetProperty("created").GetInt32().ShouldBe(1);
        var again = await PostBatchAsync(client, [Record(id, kind: "处罚", item: "T-PEN", decided: "2024-03-20", amount: 4500.5m, circumstance: "一般", legalReview: true, published: "2024-03-22")]);
        again.GetProperty("created").GetInt32().ShouldBe(0);
        again.GetProperty("updated").GetInt32().ShouldBe(1);
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/records?q={id}");
        page.GetProperty("total").GetInt32().ShouldBe(1);
        page.GetProperty("items")[0].GetProperty("amount").GetString().ShouldBe("4,500.50");
    }

    [Fact]
    public async Task A_resent_record_keeps_the_before_image_of_every_changed_field()
    {
        var client = await app.ApiAsAsync("huancui-scjg");
        var id = Unique("BEFORE");
        await PostBatchAsync(client, [Record(id, kind: "处罚", item: "T-PEN", decided: "2024-03-20", amount: 1000m, circumstance: "轻微", legalReview: true, published: "2024-03-22")]);
        var again = await PostBatchAsync(client, [Record(id, kind: "处罚", item: "T-PEN", decided: "2024-03-20", amount: 10m, circumstance: "轻微", legalReview: false, published: "2024-03-22")]);
        var batch = again.GetProperty("batchId").GetInt64();
        var recordId = await RecordIdAsync(app, id);
        var history = new List<RecordChange>();
        await app.WithDbAsync(async db => history = await db.RecordChanges().IgnoreQueryFilters().Where(c => c.RecordId == recordId).ToListAsync());
        // Only the fields that changed, each with its value before the re-send (the 1,000 yuan is not lost).
        history.Select(h => h.Field).Order().ShouldBe(["amount_fen", "legal_review_done"]);
        history.ShouldAllBe(h => h.BatchId == batch && h.ChangedBy == "huancui-scjg");
        history.Single(h => h.Field == "amount_fen").ShouldSatisfyAllConditions(h => h.Before.ShouldBe("100000"), h => h.After.ShouldBe("1000"));
        history.Single(h => h.Field == "legal_review_done").ShouldSatisfyAllConditions(h => h.Before.ShouldBe("1"), h => h.After.ShouldBe("0"));

        // Sent a third time unchanged: nothing more is written.
        await PostBatchAsync(client, [Record(id, kind: "处罚", item: "T-PEN", decided: "2024-03-20", amount: 10m, circumstance: "轻微", legalReview: false, published: "2024-03-22")]);
        await app.WithDbAsync(async db => (await db.RecordChanges().IgnoreQueryFilters().CountAsync(c => c.RecordId == recordId)).ShouldBe(2));

        // The record page shows them as 修改记录.
        var browser = await app.BrowserAsAsync("huancui-scjg");
        var html = await browser.GetStringAsync($"/enforcement/record/{recordId}");
        html.ShouldContain("修改记录（2）");
        html.ShouldContain("1,000.00");
        html.ShouldContain("已审核");
    }

    [Fact]
    public async Task A_resent_persons_id_number_is_compared_by_its_index_and_never_kept_in_the_history()
    {
        var client = await app.ApiAsAsync("huancui-scjg");
        var id = Unique("PERSON");
        Dictionary<string, object?> Person(string idNumber)
        {
            var r = Record(id, kind: "处罚", item: "T-PEN", decided: "2024-03-20", amount: 200m, circumstance: "轻微", published: "2024-03-22");
            r["target"] = new { name = "张三", idNumber };
            return r;
        }
        const string First = "371002198001010010", Second = "371002198001010029";
        await PostBatchAsync(client, [Person(First)]);
        await PostBatchAsync(client, [Person(First)]);              // a new ciphertext, the same number: no change
        var recordId = await RecordIdAsync(app, id);
        var history = new List<RecordChange>();
        await app.WithDbAsync(async db => history = await db.RecordChanges().IgnoreQueryFilters().Where(c => c.RecordId == recordId).ToListAsync());
        history.ShouldBeEmpty();

        await PostBatchAsync(client, [Person(Second)]);
        await app.WithDbAsync(async db => history = await db.RecordChanges().IgnoreQueryFilters().Where(c => c.RecordId == recordId).ToListAsync());
        var change = history.ShouldHaveSingleItem();
        change.Field.ShouldBe("target_id_number");
        foreach (var text in new[] { change.Before, change.After })
        {
            text.ShouldNotBeNull();
            text.ShouldNotContain("3710");
            text.ShouldNotStartWith("v1:");
        }
    }

    [Fact]
    public async Task The_same_sourceId_twice_in_a_batch_is_refused_for_both_copies()
    {
        var client = await app.ApiAsAsync("huancui-scjg");
        var id = Unique("TWICE");
        var other = Unique("ALONE");
        var result = await PostBatchAsync(client, [Record(id), Record(other), Record(id, opened: "2024-03-05")]);
        result.GetProperty("accepted").GetInt32().ShouldBe(1);
        Reasons(result, 0).ShouldContain(r => r.Contains("出现2次"));
        Reasons(result, 2).ShouldContain(r => r.Contains("出现2次"));
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/records?q={id}")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_duplicate_is_refused_even_when_its_other_copy_is_invalid()
    {
        var client = await app.ApiAsAsync("huancui-scjg");
        var id = Unique("DUPBAD");
        var result = await PostBatchAsync(client, [Record(id), Record(id, item: "NO-SUCH-ITEM")]);
        result.GetProperty("accepted").GetInt32().ShouldBe(0);
        Reasons(result, 0).ShouldContain(r => r.Contains("出现2次"));
    }

    [Fact]
    public async Task A_full_batch_raises_each_warning_once_across_its_chunks()
    {
        // 2,001 inspections: the first and the last visit the same enterprise a week apart, and they fall into different
        // chunks of the rules engine; the repeat must be raised once, not twice (which the unique key would refuse).
        var client = await app.ApiAsAsync("huancui-scjg");
        var tag = Unique("FULL");
        var records = Enumerable.Range(0, 2_001).Select(i => (object)Record($"{tag}-{i}", enterprise: i is 0 or 2_000 ? 7_000 : 10_000 + i,
            opened: i == 2_000 ? "2024-06-08" : "2024-06-01")).ToList();
        var result = await PostBatchAsync(client, records);
        result.GetProperty("accepted").GetInt32().ShouldBe(2_001);
        var bureau = await app.ApiAsAsync("huancui");
        (await WarningsAsync(bureau, "ZF07", $"{tag}-2000")).Count.ShouldBe(1);
        (await PostBatchAsync(client, records)).GetProperty("updated").GetInt32().ShouldBe(2_001);
    }

    [Fact]
    public async Task A_malformed_NDJSON_line_is_refused_and_the_other_lines_stored()
    {
        var client = await app.ApiAsAsync("huancui-scjg");
        var a = Unique("ND");
        var b = Unique("ND");
        var ndjson = JsonSerializer.Serialize(Record(a)) + "\n{\"sourceId\": \"broken\", \"kind\": \n" + JsonSerializer.Serialize(Record(b)) + "\n"
                     + "{\"sourceId\": \"" + Unique("ND") + "\", \"openedOn\": \"2024-13-45\"}\n";
        var response = await PostNdjsonAsync(client, ndjson);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        response.StatusCode.ShouldBe(HttpStatusCode.OK, result.ToString());
        result.GetProperty("accepted").GetInt32().ShouldBe(2);
        Reasons(result, 1).ShouldContain(r => r.Contains("不是合法的 JSON"));
        Reasons(result, 3).ShouldContain(r => r.StartsWith("openedOn") && r.Contains("YYYY-MM-DD"));
    }

    [Fact]
    public async Task A_batch_over_the_limit_is_refused_whole_and_a_broken_body_named()
    {
        var client = await app.ApiAsAsync("huancui-scjg");
        var tag = Unique("BIG");
        var records = Enumerable.Range(0, 10_001).Select(i => (object)Record($"{tag}-{i}")).ToList();
        var response = await client.PostAsJsonAsync("/api/v1/enforcement/records:batch", records);
        (await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString()!.ShouldContain("10000");
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/records?q={tag}")).GetProperty("total").GetInt32().ShouldBe(0);

        var broken = await client.PostAsync("/api/v1/enforcement/records:batch", new StringContent("[{\"sourceId\": ", System.Text.Encoding.UTF8, "application/json"));
        await broken.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "body");
        var notArray = await client.PostAsync("/api/v1/enforcement/records:batch", new StringContent("{\"sourceId\": \"x\"}", System.Text.Encoding.UTF8, "application/json"));
        await notArray.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "body");
    }

    [Fact]
    public async Task A_department_writes_and_reads_only_its_own_records()
    {
        var scjg = await app.ApiAsAsync("huancui-scjg");
        var response = await scjg.PostAsJsonAsync("/api/v1/enforcement/records:batch?department=371002-ZHZF", new[] { Record(Unique("OTHER")) });
        (await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString()!.ShouldContain("只能报送本部门");
        var claimed = Record(Unique("CLAIM"));
        claimed["department"] = "371002-ZHZF";
        var result = await PostBatchAsync(scjg, [claimed]);
        Reasons(result, 0).ShouldContain(r => r.StartsWith("department"));

        // The bureau enters a record for 综合执法局 (a department without its own system).
        var bureau = await app.ApiAsAsync("huancui");
        var theirs = Unique("ZHZF");
        var entered = await PostBatchAsync(bureau, [Record(theirs, officers: ["C-Z1", "C-Z2"])], "371002-ZHZF");
        entered.GetProperty("accepted").GetInt32().ShouldBe(1);
        var theirId = await RecordIdAsync(app, theirs);
        (await scjg.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/records?q={theirs}")).GetProperty("total").GetInt32().ShouldBe(0);
        (await scjg.GetAsync($"/api/v1/enforcement/records/{theirId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Another district sees nothing of 环翠区 and cannot push for its departments.
        var rongcheng = await app.ApiAsAsync("rongcheng");
        (await rongcheng.GetAsync($"/api/v1/enforcement/records/{theirId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Neither the page of rows nor its count may show another district's records (a join must not lift the scope).
        var list = await rongcheng.GetFromJsonAsync<JsonElement>("/api/v1/enforcement/records?pageSize=200");
        list.GetProperty("items").GetArrayLength().ShouldBe(list.GetProperty("total").GetInt32());
        list.GetProperty("items").EnumerateArray().ShouldNotContain(r => r.GetProperty("sourceId").GetString() == theirs);
        var warnings = await rongcheng.GetFromJsonAsync<JsonElement>("/api/v1/enforcement/warnings?status=all&pageSize=200");
        warnings.GetProperty("items").GetArrayLength().ShouldBe(warnings.GetProperty("total").GetInt32());
        warnings.GetProperty("items").EnumerateArray().ShouldNotContain(w => w.GetProperty("department").GetString()!.StartsWith("环翠"));
        var scjgList = await scjg.GetFromJsonAsync<JsonElement>("/api/v1/enforcement/records?pageSize=200");
        scjgList.GetProperty("items").EnumerateArray().ShouldAllBe(r => r.GetProperty("department").GetString() == "环翠区市场监督管理局");
        await (await rongcheng.PostAsJsonAsync("/api/v1/enforcement/records:batch?department=371002-SCJG", new[] { Record(Unique("RC")) }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/records?q={theirs}")).GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_failure_in_the_middle_of_a_batch_leaves_nothing_of_it()
    {
        await using var failing = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped<IIngestionObserver, FailAfterMerge>()));
        var client = failing.CreateClient();
        var token = (await (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "huancui-scjg", password = FazhiFactory.DemoPassword }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var tag = Unique("CRASH");
        var response = await client.PostAsJsonAsync("/api/v1/enforcement/records:batch",
            Enumerable.Range(0, 50).Select(i => Record($"{tag}-{i}", kind: "处罚", item: "T-PEN", decided: "2024-03-20", amount: 99_999m, circumstance: "一般")).ToList());
        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var stored = -1;
        var warnings = -1;
        await app.WithDbAsync(async db =>
        {
            stored = await db.EnforcementRecords().IgnoreQueryFilters().CountAsync(r => r.SourceId.StartsWith(tag));
            warnings = await db.EnforcementWarnings().IgnoreQueryFilters().CountAsync(w => w.Subject.StartsWith(tag));
        });
        stored.ShouldBe(0);
        warnings.ShouldBe(0);
    }

    private sealed class FailAfterMerge : IIngestionObserver
    {
        public Task OnMergedAsync(long batchId, int rows, CancellationToken ct) => throw new IOException("simulated crash after the merge");
    }

    [Fact]
    public async Task An_Excel_form_goes_through_the_same_checks()
    {
        var client = await app.ApiAsAsync("huancui-scjg");
        var good = Unique("XL");
        var rows = new[]
        {
            new Dictionary<string, object?> { ["来源编号"] = good, ["类型"] = "检查", ["事项编码"] = "T-INS", ["对象名称"] = "某餐饮店", ["统一社会信用代码"] = Credit(77),
                ["执法证号"] = "C-A、C-B", ["立案日期"] = "2024/3/5" },
            new Dictionary<string, object?> { ["来源编号"] = Unique("XL"), ["类型"] = "检查", ["事项编码"] = "T-INS", ["对象名称"] = "某超市", ["统一社会信用代码"] = Credit(78),
                ["执法证号"] = "C-A、C-B", ["立案日期"] = "2024年2月30日" },
        };
        using var ms = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(ms, rows);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(ms.ToArray()), "file", "报送.xlsx" } };
        var response = await client.PostAsync("/api/v1/enforcement/records:upload", form);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        response.StatusCode.ShouldBe(HttpStatusCode.OK, result.ToString());
        result.GetProperty("accepted").GetInt32().ShouldBe(1);
        Reasons(result, 1).ShouldContain(r => r.Contains("第3行") && r.Contains("立案日期") && r.Contains("不存在"));
    }

    [Fact]
    public async Task A_record_with_badly_typed_fields_keeps_its_sourceId_and_every_reason()
    {
        var client = await app.ApiAsAsync("huancui-scjg");
        var (json, line) = (Unique("TYPED"), Unique("TYPED-ND"));
        var typed = Record(json, kind: "处罚", item: "NO-SUCH-ITEM");
        typed["openedOn"] = "2024-13-45";
        typed["amount"] = "五千元";
        typed["target"] = new { name = "某公司", creditCode = 12345 };
        var result = await PostBatchAsync(client, [Record(Unique("OK")), typed]);
        result.GetProperty("accepted").GetInt32().ShouldBe(1);
        var rejected = result.GetProperty("rejected").EnumerateArray().Single();
        rejected.GetProperty("sourceId").GetString().ShouldBe(json);
        var reasons = Reasons(result, 1);
        reasons.ShouldContain(r => r.StartsWith("openedOn：") && r.Contains("YYYY-MM-DD"), string.Join("\n", reasons));
        reasons.ShouldContain(r => r.StartsWith("amount：") && r.Contains("数字"));
        reasons.ShouldContain(r => r.StartsWith("target.creditCode：") && r.Contains("文本"));
        reasons.ShouldContain(r => r.StartsWith("itemCode：") && r.Contains("NO-SUCH-ITEM"));
        reasons.ShouldNotContain(r => r.Contains("不能为空")); // the unreadable 立案日期 is named once, by why
        reasons.ShouldNotContain(r => r.StartsWith("target.name"));

        var ndjson = "{\"sourceId\": \"" + line + "\", \"kind\": \"检查\", \"itemCode\": \"T-INS\", \"target\": {\"name\": \"某店\"}, " +
                     "\"officers\": \"C-A\", \"openedOn\": \"2024-03-04\", \"major\": \"否\"}\n";
        var response = await PostNdjsonAsync(client, ndjson);
        var nd = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        nd.GetProperty("rejected").EnumerateArray().Single().GetProperty("sourceId").GetString().ShouldBe(line);
        Reasons(nd, 0).Select(r => r.Split('：')[0]).ShouldBe(["officers", "major"], ignoreOrder: true);
    }

    [Fact]
    public async Task An_Excel_row_is_refused_with_all_its_faults_named_by_column_header()
    {
        var client = await app.ApiAsAsync("huancui-scjg");
        var wrongCheck = Credit(79)[..17] + (Credit(79)[17] == '0' ? '1' : '0');
        var rows = new[]
        {
            new Dictionary<string, object?> { ["来源编号"] = Unique("XL"), ["类型"] = "检查", ["事项编码"] = "T-INS", ["对象名称"] = "某餐饮店", ["统一社会信用代码"] = Credit(77),
                ["执法证号"] = "C-A、C-B", ["立案日期"] = "2024/3/5", ["法制审核"] = "否" },
            new Dictionary<string, object?> { ["来源编号"] = Unique("XL"), ["类型"] = "检查", ["事项编码"] = "NO-SUCH-ITEM", ["对象名称"] = "某超市", ["统一社会信用代码"] = wrongCheck,
                ["执法证号"] = "C-A、C-B", ["立案日期"] = "2024年2月30日", ["法制审核"] = "也许" },
        };
        using var ms = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(ms, rows);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(ms.ToArray()), "file", "报送.xlsx" } };
        var response = await client.PostAsync("/api/v1/enforcement/records:upload", form);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        response.StatusCode.ShouldBe(HttpStatusCode.OK, result.ToString());
        result.GetProperty("accepted").GetInt32().ShouldBe(1);
        var reasons = Reasons(result, 1);
        reasons.ShouldAllBe(r => r.StartsWith("第3行 "));
        reasons.Select(r => r["第3行 ".Length..].Split('：')[0]).ShouldBe(["立案日期", "法制审核", "事项编码", "统一社会信用代码"], ignoreOrder: true);
        reasons.ShouldNotContain(r => r.Contains("creditCode") || r.Contains("itemCode") || r.Contains("openedOn"));

        // The page shows the same reasons, its row number in a column of its own.
        var browser = await app.BrowserAsAsync("huancui-scjg");
        var html = await browser.GetStringAsync("/enforcement/upload");
        using var page = new MultipartFormDataContent
        {
            { new StringContent(CookieLogin.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new ByteArrayContent(ms.ToArray()), "file", "报送.xlsx" },
        };
        var shown = await (await browser.PostAsync("/enforcement/upload", page)).Content.ReadAsStringAsync();
        shown.ShouldContain("第 3 行");
        shown.ShouldContain("<div>统一社会信用代码：");
        shown.ShouldNotContain("第3行 ");
    }

    [Fact]
    public async Task Each_batch_is_in_the_audit_log()
    {
        var client = await app.ApiAsAsync("huancui-scjg");
        var result = await PostBatchAsync(client, [Record(Unique("AUD"))]);
        var batchId = result.GetProperty("batchId").GetInt64();
        var found = false;
        await app.WithDbAsync(async db => found = await db.AuditEntries.AnyAsync(a => a.EntityType == "IngestBatch" && a.EntityId == batchId.ToString() && a.UserName == "huancui-scjg"));
        found.ShouldBeTrue();
    }
}

public sealed class IngestionTestsOnSqlite(SqliteFactory app) : IngestionTests(app), IClassFixture<SqliteFactory>;

public sealed class IngestionTestsOnPostgres(PostgresFactory app) : IngestionTests(app), IClassFixture<PostgresFactory>;
