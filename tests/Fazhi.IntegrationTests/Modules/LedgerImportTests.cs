using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Fazhi.IntegrationTests.Infrastructure;
using MiniExcelLibs;

namespace Fazhi.IntegrationTests.Modules;

public abstract class LedgerImportTests(FazhiFactory app)
{
    private static Dictionary<string, object?> Row(string number, string received, string? accepted = null, string? closed = null,
        string way = "", string decision = "", string termination = "", object? receivedCell = null, string respondent = "环翠区市场监督管理局") => new()
    {
        ["案号"] = number, ["申请人"] = "台账申请人" + number, ["被申请人"] = respondent, ["申请事项"] = "不服行政处罚",
        ["收到日期"] = receivedCell ?? received, ["受理日期"] = accepted, ["结案日期"] = closed, ["结案方式"] = way, ["决定类型"] = decision, ["终止原因"] = termination,
    };

    private static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] file, string name, bool dryRun, string user = "huancui")
    {
        var client = await app.ApiAsAsync(user);
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "file", name);
        return await client.PostAsync($"/api/v1/reconsideration/import?dryRun={(dryRun ? "true" : "false")}", form);
    }

    private async Task<int> CountAsync(string q) =>
        (await (await app.ApiAsAsync("huancui")).GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases?q={Uri.EscapeDataString(q)}")).GetProperty("total").GetInt32();

    private static List<Dictionary<string, object?>> GoodLedger(string p) =>
    [
        Row($"{p}〔2023〕1号", "2023-03-01", "2023-03-03", "2023-04-20", "决定", "维持"),
        Row($"{p}〔2023〕2号", "2023-03-02", "2023-03-06", "2023-03-30", "终止", "", "撤回"),
        Row($"{p}〔2023〕3号", "2023/3/3", null, "2023-03-08", "不予受理"),
        Row($"{p}〔2023〕4号", "2023年3月6日", null, "2023-03-09", "告知"),
        Row($"{p}〔2023〕5号", "", "2023-03-10", receivedCell: 44991d), // serial 44991 = 2023-03-06, an open case
    ];

    [Fact]
    public async Task A_good_ledger_is_checked_then_imported_and_re_importing_changes_nothing()
    {
        var file = Xlsx(GoodLedger("好台账"));
        var dry = await (await PostAsync(file, "台账.xlsx", dryRun: true)).Content.ReadFromJsonAsync<JsonElement>();
        dry.GetProperty("errors").GetArrayLength().ShouldBe(0, dry.ToString());
        dry.GetProperty("created").GetInt32().ShouldBe(5);
        (await CountAsync("好台账")).ShouldBe(0);   // a dry run stores nothing

        var done = await PostAsync(file, "台账.xlsx", dryRun: false);
        done.StatusCode.ShouldBe(HttpStatusCode.OK, await done.Content.ReadAsStringAsync());
        (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32().ShouldBe(5);
        (await CountAsync("好台账")).ShouldBe(5);

        var again = await (await PostAsync(file, "台账.xlsx", dryRun: false)).Content.ReadFromJsonAsync<JsonElement>();
        again.GetProperty("created").GetInt32().ShouldBe(0);
        again.GetProperty("unchanged").GetInt32().ShouldBe(5);
        (await CountAsync("好台账")).ShouldBe(5);

        var edited = GoodLedger("好台账");
        edited[4]["结案日期"] = "2023-04-01";
        edited[4]["结案方式"] = "决定";
        edited[4]["决定类型"] = "撤销";
        var update = await (await PostAsync(Xlsx(edited), "台账.xlsx", dryRun: false)).Content.ReadFromJsonAsync<JsonElement>();
        update.GetProperty("updated").GetInt32().ShouldBe(1);
        update.GetProperty("unchanged").GetInt32().ShouldBe(4);
        var stats = await (await app.ApiAsAsync("huancui")).GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/stats?org=371002&from=2023-03-01&to=2023-04-30");
        stats.GetProperty("current").GetProperty("decisions").GetProperty("Revoke").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task An_exported_ledger_imports_back_unchanged_and_csv_works_too()
    {
        (await PostAsync(Xlsx(GoodLedger("导出台账")), "台账.xlsx", dryRun: false)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var export = await (await app.ApiAsAsync("huancui")).GetByteArrayAsync("/api/v1/reconsideration/ledger?year=2023");
        var back = await (await PostAsync(export, "导出.xlsx", dryRun: true)).Content.ReadFromJsonAsync<JsonElement>();
        back.GetProperty("errors").GetArrayLength().ShouldBe(0, back.ToString());
        back.GetProperty("created").GetInt32().ShouldBe(0);
        back.GetProperty("updated").GetInt32().ShouldBe(0);

        var csv = "案号,申请人,被申请人,申请事项,收到日期,受理日期,结案日期,结案方式,决定类型,终止原因\n" +
                  "CSV台账〔2023〕1号,某某,环翠区市场监督管理局,不服行政处罚,2023-05-04,2023-05-05,2023-06-01,终止,,和解\n";
        var imported = await PostAsync(Encoding.UTF8.GetBytes(csv), "台账.csv", dryRun: false);
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        (await CountAsync("CSV台账")).ShouldBe(1);
    }

    [Fact]
    public async Task Bad_rows_are_named_by_row_and_column_and_nothing_is_saved()
    {
        List<Dictionary<string, object?>> rows =
        [
            Row("坏台账〔2023〕1号", "2023/2/30"),                                           // row 2: no such day
            Row("坏台账〔2023〕2号", "", receivedCell: 12d),                                 // row 3: not a plausible serial
            Row("坏台账〔2023〕3号", "2023-03-01", "2023-02-01"),                            // row 4: accepted before received
            Row("坏台账〔2023〕4号", "2023-03-01", "2023-03-02", "2023-04-01", "决定", "大概维持"), // row 5: unknown decision
            Row("坏台账〔2023〕4号", "2023-03-01"),                                          // row 6: duplicated 案号
            Row("坏台账〔2023〕6号", "2023-03-01", respondent: "不存在的局"),                  // row 7
            Row("坏台账〔2023〕7号", "2023-03-01", "2023-03-02", "2023-04-01", "终止"),        // row 8: no reason
            Row("坏台账〔2023〕8号", "2099-01-01"),                                          // row 9: future
            Row("坏台账〔2023〕9号", "2023年3月5日"),                                         // row 10: fine
        ];
        var dry = await (await PostAsync(Xlsx(rows), "坏.xlsx", dryRun: true)).Content.ReadFromJsonAsync<JsonElement>();
        var errors = dry.GetProperty("errors").EnumerateArray().Select(e => (Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString())).ToList();
        errors.ShouldContain((2, "收到日期"));
        errors.ShouldContain((3, "收到日期"));
        errors.ShouldContain((4, "受理日期"));
        errors.ShouldContain((5, "决定类型"));
        errors.ShouldContain((6, "案号"));
        errors.ShouldContain((7, "被申请人"));
        errors.ShouldContain((8, "终止原因"));
        errors.ShouldContain((9, "收到日期"));
        errors.ShouldNotContain(e => e.Row == 10);

        var commit = await PostAsync(Xlsx(rows), "坏.xlsx", dryRun: false);
        var problem = await commit.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "第2行 收到日期");
        problem.GetProperty("detail").GetString()!.ShouldContain("未导入任何数据");
        (await CountAsync("坏台账")).ShouldBe(0);
    }

    [Fact]
    public async Task Files_that_are_not_ledgers_are_refused_with_a_reason()
    {
        async Task<string> FirstError(byte[] file, string name) =>
            (await (await PostAsync(file, name, dryRun: true)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("message").GetString()!;

        (await FirstError(Xlsx([new() { ["案号"] = "X", ["申请人"] = "某" }]), "缺表头.xlsx")).ShouldContain("缺少表头");
        (await FirstError(Xlsx([]), "空.xlsx")).ShouldContain("没有数据行");
        var junk = new byte[10 * 1024 * 1024];
        new Random(7).NextBytes(junk);
        (await FirstError(junk, "垃圾.xlsx")).ShouldContain("不是有效的");

        var merged = Xlsx(GoodLedger("合并"));
        using (var stream = new MemoryStream())
        {
            stream.Write(merged);
            using (var doc = SpreadsheetDocument.Open(stream, true))
            {
                var sheet = doc.WorkbookPart!.WorksheetParts.First().Worksheet!;
                sheet.InsertAfter(new MergeCells(new MergeCell { Reference = "C2:C4" }), sheet.Elements<SheetData>().First());
                sheet.Save();
            }
            merged = stream.ToArray();
        }
        (await FirstError(merged, "合并.xlsx")).ShouldContain("合并单元格（C2:C4）");
        (await CountAsync("合并")).ShouldBe(0);
    }
}

public sealed class LedgerImportTestsOnSqlite(SqliteFactory app) : LedgerImportTests(app), IClassFixture<SqliteFactory>;

public sealed class LedgerImportTestsOnPostgres(PostgresFactory app) : LedgerImportTests(app), IClassFixture<PostgresFactory>;

public abstract class LedgerSuitSheetTests(FazhiFactory app)
{
    private static byte[] Workbook(List<Dictionary<string, object?>> suits)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object>
        {
            ["台账"] = new List<Dictionary<string, object?>>
            {
                new() { ["案号"] = "应诉台账〔2023〕1号", ["申请人"] = "某公司", ["被申请人"] = "环翠区市场监督管理局", ["申请事项"] = "不服处罚", ["收到日期"] = "2023-02-01",
                        ["受理日期"] = "2023-02-03", ["结案日期"] = "2023-03-20", ["结案方式"] = "决定", ["决定类型"] = "维持", ["终止原因"] = "" },
            },
            ["应诉"] = suits,
        });
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Suit(string number, string? result = "胜诉", string judged = "2023-06-01", string defendant = "环翠区市场监督管理局") => new()
    {
        ["案号"] = number, ["法院"] = "威海市环翠区人民法院", ["原告"] = "某公司", ["被告"] = defendant, ["立案日期"] = "2023-04-01", ["判决日期"] = judged, ["结果"] = result,
    };

    private async Task<JsonElement> PostAsync(byte[] file, bool dryRun)
    {
        var client = await app.ApiAsAsync("huancui");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(file), "file", "台账.xlsx");
        var response = await client.PostAsync($"/api/v1/reconsideration/import?dryRun={(dryRun ? "true" : "false")}", form);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task The_suit_sheet_is_imported_idempotently_and_counts_in_the_figures()
    {
        var file = Workbook([Suit("（2023）鲁1002行初21号"), Suit("（2023）鲁1002行初22号", "败诉", "2023-06-10")]);
        var first = await PostAsync(file, dryRun: false);
        first.GetProperty("litigationCreated").GetInt32().ShouldBe(2, first.ToString());
        var again = await PostAsync(file, dryRun: false);
        again.GetProperty("litigationUnchanged").GetInt32().ShouldBe(2);
        again.GetProperty("unchanged").GetInt32().ShouldBe(1);
        var stats = await (await app.ApiAsAsync("huancui")).GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/stats?org=371002&from=2023-04-01&to=2023-06-30");
        stats.GetProperty("current").GetProperty("litigation").GetProperty("lostRate").GetDecimal().ShouldBe(50m);
    }

    [Fact]
    public async Task Bad_suit_rows_name_the_sheet_row_and_column()
    {
        var dry = await PostAsync(Workbook([Suit("（2023）鲁1002行初31号", "大胜"), Suit("（2023）鲁1002行初32号", defendant: "某某局"), Suit("（2023）鲁1002行初33号", judged: "2023/2/30")]), dryRun: true);
        var errors = dry.GetProperty("errors").EnumerateArray()
            .Select(e => (Sheet: e.GetProperty("sheet").GetString(), Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString())).ToList();
        errors.ShouldContain(("应诉", 2, "结果"));
        errors.ShouldContain(("应诉", 3, "被告"));
        errors.ShouldContain(("应诉", 4, "判决日期"));
    }
}

public sealed class LedgerSuitSheetTestsOnSqlite(SqliteFactory app) : LedgerSuitSheetTests(app), IClassFixture<SqliteFactory>;

public sealed class LedgerSuitSheetTestsOnPostgres(PostgresFactory app) : LedgerSuitSheetTests(app), IClassFixture<PostgresFactory>;
