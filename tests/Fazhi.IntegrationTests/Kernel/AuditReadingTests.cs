using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Fazhi.IntegrationTests.Modules.ReconApi;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>操作日志 as staff and auditors read it: Chinese names and labels, Beijing time, masked personal data.</summary>
public abstract class AuditReadingTests(FazhiFactory app)
{
    private const string IdNumber = "11010519491231002X";

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    private static JsonElement Change(JsonElement entry, string label) =>
        entry.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("label").GetString() == label);

    [Fact]
    public async Task A_reconsideration_case_change_reads_in_chinese_with_beijing_time_and_a_masked_id_number()
    {
        var staff = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(staff, Intake(applicant: "审计读者", received: "2024-05-06T09:00:00", id: IdNumber));
        var number = c.GetProperty("caseNumber").GetString()!;
        await ActAsync(staff, c.Id(), "accept", new { on = "2024-05-07", procedure = "普通程序" });

        var auditor = await app.ApiAsAsync("huancui-audit"); // a district audit administrator: unmasking is the platform's alone
        var text = await auditor.GetStringAsync($"/api/v1/audit?module=行政复议&entityType=ReconCase&entityId={c.Id()}&pageSize=50");
        text.ShouldNotContain(IdNumber);
        var page = JsonDocument.Parse(text).RootElement;
        var update = Items(page).First(e => e.GetProperty("operation").GetString() == "修改");
        update.GetProperty("module").GetString().ShouldBe("行政复议");
        update.GetProperty("target").GetString().ShouldBe($"行政复议案件 {number}");
        Change(update, "案件状态").ShouldSatisfyAllConditions(
            s => s.GetProperty("before").GetString().ShouldBe("审查中"),
            s => s.GetProperty("after").GetString().ShouldBe("审理中"));
        Change(update, "审理程序").GetProperty("after").GetString().ShouldBe("普通程序");
        Change(update, "受理日期").GetProperty("after").GetString().ShouldBe("2024-05-07");
        var atUtc = update.GetProperty("atUtc").GetDateTime().ToUniversalTime();
        update.GetProperty("time").GetString().ShouldBe(atUtc.AddHours(8).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));

        var create = Items(page).Single(e => e.GetProperty("operation").GetString() == "新增");
        Change(create, "申请人证件号码").GetProperty("after").GetString().ShouldBe("1101**********002X");
        Change(create, "申请人联系电话").GetProperty("after").GetString().ShouldBe("139****5678");
        Change(create, "申请人类型").GetProperty("after").GetString().ShouldBe("自然人");
        Change(create, "受理渠道").GetProperty("after").GetString().ShouldBe("窗口");
        Change(create, "被申请人机构").GetProperty("after").GetString().ShouldBe(c.GetProperty("respondentName").GetString());
        // 收到申请时间 was 09:00 Beijing time, stored as 01:00 UTC, and reads as Beijing time again.
        Change(create, "收到申请时间").GetProperty("after").GetString().ShouldBe("2024-05-06 09:00:00");

        // A case's events are named by the case's 案号, looked up from the log.
        var events = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?module=行政复议&entityType=CaseEvent&operation=新增&pageSize=200");
        var accepted = Items(events).First(e => e.GetProperty("target").GetString() == $"办理过程 {number} 受理");
        Change(accepted, "案件").GetProperty("after").GetString().ShouldBe(number);
        Change(accepted, "办理事项").GetProperty("after").GetString().ShouldBe("受理");

        // The page shows the same, masked.
        var browser = await app.BrowserAsAsync("huancui-audit");
        var html = await browser.GetStringAsync($"/system/audit?Module=行政复议&EntityType=ReconCase&Operation=新增");
        html.ShouldContain($"行政复议案件 {number}");
        html.ShouldContain("申请人证件号码：");
        html.ShouldContain("1101**********002X");
        html.ShouldNotContain(IdNumber);
        html.ShouldNotContain("显示完整个人信息</a>");

        // A search form sent with its date fields empty: 导出 carries only the filled filters and answers a workbook.
        var searched = await browser.GetStringAsync("/system/audit?Module=行政复议&From=&To=");
        var export = System.Text.RegularExpressions.Regex.Match(searched, "href=\"(/api/v1/audit/export[^\"]*)\"").Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        export.ShouldNotContain("From=");
        (await browser.GetAsync(export)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_api_filters_by_module_and_operation_in_chinese()
    {
        var admin = await app.ApiAsAsync("admin");
        (await admin.PutAsJsonAsync("/api/v1/orgs/371002002", new { name = "环翠楼街道（审计）" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var staff = await app.ApiAsAsync("huancui");
        await CreateAsync(staff, Intake(applicant: "模块筛选", received: "2024-06-03T09:00:00"));
        var auditor = await app.ApiAsAsync("auditor");

        var system = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?module=系统管理&operation=修改&pageSize=200");
        Items(system).ShouldNotBeEmpty();
        Items(system).ShouldAllBe(e => e.GetProperty("module").GetString() == "系统管理" && e.GetProperty("operation").GetString() == "修改");
        Items(system).ShouldContain(e => e.GetProperty("target").GetString() == "机构 环翠楼街道（审计）");

        var recon = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?module=行政复议&pageSize=200");
        Items(recon).ShouldNotBeEmpty();
        Items(recon).ShouldAllBe(e => e.GetProperty("module").GetString() == "行政复议");
        Items(recon).ShouldNotContain(e => e.GetProperty("entityType").GetString() == "OrgUnit");

        var byChineseType = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?entityType=行政复议案件&operation=新增&pageSize=200");
        Items(byChineseType).ShouldContain(e => e.GetProperty("target").GetString()!.StartsWith("行政复议案件 ", StringComparison.Ordinal));
        Items(byChineseType).ShouldAllBe(e => e.GetProperty("entityType").GetString() == "ReconCase");

        await (await auditor.GetAsync("/api/v1/audit?module=不存在的模块")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "module");
        await (await auditor.GetAsync("/api/v1/audit?operation=审批")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "operation");
    }

    [Fact]
    public async Task Unmasking_needs_the_permission_and_each_use_is_itself_logged()
    {
        var staff = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(staff, Intake(applicant: "明文查看", received: "2024-07-01T09:00:00", id: IdNumber));

        var district = await app.ApiAsAsync("huancui-audit");
        await (await district.GetAsync($"/api/v1/audit?entityType=ReconCase&entityId={c.Id()}&unmask=true")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var auditor = await app.ApiAsAsync("auditor");
        var full = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=ReconCase&entityId={c.Id()}&unmask=true");
        Change(Items(full).Single(), "申请人证件号码").GetProperty("after").GetString().ShouldBe(IdNumber);

        var uses = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?operation=查看个人信息明文&pageSize=200");
        var use = Items(uses).First(e => e.GetProperty("userName").GetString() == "auditor");
        use.GetProperty("module").GetString().ShouldBe("系统管理");
        use.GetProperty("target").GetString().ShouldBe("操作日志");
        Change(use, "查询条件").GetProperty("after").GetString()!.ShouldContain($"对象标识：{c.Id()}");
        Change(use, "方式").GetProperty("after").GetString().ShouldBe("查询");

        // An unmasked export is logged too; a masked one shows no full number.
        var masked = await ExportAsync(auditor, $"entityType=ReconCase&entityId={c.Id()}");
        masked.ShouldHaveSingleItem()["变更内容"]!.ToString()!.ShouldContain("1101**********002X");
        (await ExportAsync(auditor, $"entityType=ReconCase&entityId={c.Id()}&unmask=true")).Single()["变更内容"]!.ToString()!.ShouldContain(IdNumber);
        var exports = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?operation=查看个人信息明文&pageSize=200");
        Items(exports).ShouldContain(e => Change(e, "方式").GetProperty("after").GetString() == "导出");
    }

    [Fact]
    public async Task The_export_is_readable()
    {
        var staff = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(staff, Intake(applicant: "导出可读", received: "2024-08-01T09:00:00"));
        var rows = await ExportAsync(await app.ApiAsAsync("auditor"), $"module=行政复议&entityType=ReconCase&entityId={c.Id()}");
        var row = rows.ShouldHaveSingleItem();
        row["模块"].ShouldBe("行政复议");
        row["业务类型"].ShouldBe("新增");
        row["操作对象"].ShouldBe($"行政复议案件 {c.GetProperty("caseNumber").GetString()}");
        row["变更内容"]!.ToString()!.ShouldContain("申请人：导出可读");
        row["时间（北京时间）"]!.ToString()!.ShouldMatch(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$");
    }

    [Fact]
    public async Task A_generated_document_is_logged_by_its_sm3_digest_not_its_bytes()
    {
        var staff = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(staff, Intake(applicant: "文书摘要", received: "2024-09-02T09:00:00"));
        await ActAsync(staff, c.Id(), "accept", new { on = "2024-09-03", procedure = "普通程序" });
        var created = await staff.PostAsync($"/api/v1/reconsideration/cases/{c.Id()}/documents/acceptance-notice", null);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var doc = await created.Content.ReadFromJsonAsync<JsonElement>();

        string? after = null;
        await app.WithDbAsync(async db => after = await db.AuditEntries.Where(a => a.EntityType == "CaseDocument" && a.Action == "Create")
            .OrderByDescending(a => a.Seq).Select(a => a.AfterJson).FirstAsync());
        after.ShouldNotBeNull();
        after.ShouldMatch("\"Content\":\"sm3:[0-9a-f]{64};[0-9]+\"");
        after.Length.ShouldBeLessThan(2000);

        var auditor = await app.ApiAsAsync("auditor");
        var page = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?entityType=CaseDocument&operation=新增&pageSize=1");
        var entry = Items(page).Single();
        // A draft has no 文号 until 签发: the log names it by its case and title.
        doc.TryGetProperty("number", out var number).ShouldBeTrue();
        number.ValueKind.ShouldBe(JsonValueKind.Null);
        entry.GetProperty("target").GetString()!.ShouldStartWith("法律文书 ");
        entry.GetProperty("target").GetString()!.ShouldEndWith("（草稿）");
        Change(entry, "文件").GetProperty("after").GetString()!.ShouldMatch("^文件 [0-9,]+ 字节，SM3 [0-9a-f]{64}$");
        Change(entry, "文书种类").GetProperty("after").GetString().ShouldBe("行政复议受理通知书");
        (await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify")).GetProperty("intact").GetBoolean().ShouldBeTrue();
    }

    private static async Task<List<IDictionary<string, object?>>> ExportAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/audit/export?" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()];
    }
}

public sealed class AuditReadingTestsOnSqlite(SqliteFactory app) : AuditReadingTests(app), IClassFixture<SqliteFactory>;

public sealed class AuditReadingTestsOnPostgres(PostgresFactory app) : AuditReadingTests(app), IClassFixture<PostgresFactory>;
