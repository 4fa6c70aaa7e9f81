using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Fazhi.IntegrationTests.Modules.Enforcement;

/// <summary>涉企检查计划 and 联合检查. Each test plans in a year of its own, so the tests of a class (one database) do not
/// see each other's plans.</summary>
public abstract class PlanTests(FazhiFactory app) : IAsyncLifetime
{
    private const string Scjg = "371002-SCJG", Zhzf = "371002-ZHZF", Sthj = "371002-STHJ";

    /// <summary>The item codes the plans name, in 环翠区's catalogue (plans name items of the department's catalogue).</summary>
    private static readonly string[] CatalogueCodes = ["SC001", "SC002", "SC003", "SC004", "SC009", "ZH001", "HJ001"];

    private static DateOnly Today => DateOnly.FromDateTime(Fazhi.Web.Kernel.ChinaTime.Now(TimeProvider.System));

    public async ValueTask InitializeAsync() => await app.WithDbAsync(async db =>
    {
        var sfj = await db.OrgUnits.IgnoreQueryFilters().FirstAsync(o => o.Code == "371002-SFJ");
        var have = await db.EnforcementItems().IgnoreQueryFilters().Where(i => i.OrgUnitId == sfj.Id && CatalogueCodes.Contains(i.Code)).Select(i => i.Code).ToListAsync();
        foreach (var c in CatalogueCodes.Except(have))
            db.EnforcementItems().Add(new EnforcementItem { OrgUnitId = sfj.Id, Code = c, Name = "计划测试事项" + c, Field = "市场监管", LegalBasis = "《测试条例》第一条" });
        await db.SaveChangesAsync();
    });

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>A valid 统一社会信用代码 not used by any other test.</summary>
    private static string NewCode()
    {
        var body = "91371002" + Random.Shared.Next(0, 999_999_999).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        return body + "0123456789ABCDEFGHJKLMNPQRTUWXY".First(c => UnifiedSocialCreditCode.IsValid(body + c));
    }

    private static object Plan(string code, int year, int month, string? department = null, string[]? items = null, string name = "联合检查测试企业") =>
        new { creditCode = code, name, year, month, items = items ?? ["SC001"], department };

    private static async Task<JsonElement> FileAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/enforcement/plans", body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<JsonElement> ProposeAsync(HttpClient client, string query)
    {
        var response = await client.PostAsync($"/api/v1/enforcement/joint-inspections:propose?{query}", null);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static Task<List<JsonElement>> JointsAsync(HttpClient client, string query) => ItemsAsync(client, $"/api/v1/enforcement/joint-inspections?{query}");

    private static Task<List<JsonElement>> PlansAsync(HttpClient client, string query) => ItemsAsync(client, $"/api/v1/enforcement/plans?pageSize=200&{query}");

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return [.. JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray()];
    }

    [Fact]
    public async Task Three_departments_at_one_enterprise_in_one_month_make_one_proposal_once()
    {
        var client = await app.ApiAsAsync("huancui");
        string shared = NewCode(), alone = NewCode(), apart = NewCode();
        var filed = await FileAsync(client, new[]
        {
            Plan(shared, 2031, 3, Scjg, ["SC001", "SC002"]), Plan(shared, 2031, 3, Zhzf, ["ZH001"]), Plan(shared, 2031, 3, Sthj, ["HJ001"]),
            Plan(alone, 2031, 3, Scjg),
            Plan(apart, 2031, 3, Scjg), Plan(apart, 2031, 4, Zhzf),
        });
        filed.GetProperty("created").GetInt32().ShouldBe(6);

        var proposed = await ProposeAsync(client, "year=2031");
        proposed.GetProperty("proposed").GetInt32().ShouldBe(1);
        var joint = (await JointsAsync(client, "year=2031")).ShouldHaveSingleItem();
        joint.GetProperty("creditCode").GetString().ShouldBe(shared);
        joint.GetProperty("departments").GetInt32().ShouldBe(3);
        joint.GetProperty("regionCode").GetString().ShouldBe("371002");
        joint.GetProperty("status").GetString().ShouldBe("Proposed");
        joint.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("code").GetString()).ShouldBe([Scjg, Sthj, Zhzf], ignoreOrder: true);
        var jointId = joint.GetProperty("id").GetInt64();
        (await PlansAsync(client, $"year=2031&q={shared}")).Select(p => p.GetProperty("jointInspectionId").GetInt64()).ShouldBe([jointId, jointId, jointId]);
        (await PlansAsync(client, $"year=2031&q={alone}")).ShouldHaveSingleItem().GetProperty("jointInspectionId").ValueKind.ShouldBe(JsonValueKind.Null);
        (await PlansAsync(client, $"year=2031&q={apart}")).ShouldAllBe(p => p.GetProperty("jointInspectionId").ValueKind == JsonValueKind.Null);
        (await PlansAsync(client, "year=2031&joint=proposed")).Count.ShouldBe(3);

        // Proposing again (for the year or the month) changes nothing.
        var again = await ProposeAsync(client, "year=2031");
        (again.GetProperty("proposed").GetInt32(), again.GetProperty("unchanged").GetInt32()).ShouldBe((0, 1));
        (await ProposeAsync(client, "year=2031&month=3")).GetProperty("proposed").GetInt32().ShouldBe(0);
        (await JointsAsync(client, "year=2031")).Count.ShouldBe(1);

        // A department withdraws its plan: the proposal shrinks to the two that remain.
        var sthjPlan = (await PlansAsync(client, $"year=2031&q={shared}&department={Sthj}")).ShouldHaveSingleItem().GetProperty("id").GetInt64();
        (await client.DeleteAsync($"/api/v1/enforcement/plans/{sthjPlan}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ProposeAsync(client, "year=2031")).GetProperty("updated").GetInt32().ShouldBe(1);
        (await JointsAsync(client, "year=2031")).ShouldHaveSingleItem().GetProperty("departments").GetInt32().ShouldBe(2);

        await (await client.PostAsync("/api/v1/enforcement/joint-inspections:propose?year=1999", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "year");
        var submitter = await app.ApiAsAsync("huancui-scjg");
        (await submitter.PostAsync("/api/v1/enforcement/joint-inspections:propose?year=2031", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_confirmed_joint_inspection_counts_in_the_figures()
    {
        var client = await app.ApiAsAsync("huancui");
        var code = NewCode();
        await FileAsync(client, new[] { Plan(code, 2033, 5, Scjg), Plan(code, 2033, 5, Zhzf), Plan(code, 2033, 5, Sthj) });
        (await ProposeAsync(client, "year=2033&month=5")).GetProperty("proposed").GetInt32().ShouldBe(1);
        var id = (await JointsAsync(client, "year=2033&status=Proposed")).ShouldHaveSingleItem().GetProperty("id").GetInt64();
        var url = $"/api/v1/enforcement/joint-inspections/{id}/confirm";

        await (await client.PostAsJsonAsync(url, new { leadDepartment = "371002-SFJ" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "leadDepartment");
        await (await client.PostAsJsonAsync(url, new { leadDepartment = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "leadDepartment");
        var submitter = await app.ApiAsAsync("huancui-scjg");
        (await submitter.PostAsJsonAsync(url, new { leadDepartment = Zhzf })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var response = await client.PostAsJsonAsync(url, new { leadDepartment = Zhzf });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var confirmed = await response.Content.ReadFromJsonAsync<JsonElement>();
        confirmed.GetProperty("status").GetString().ShouldBe("Confirmed");
        confirmed.GetProperty("leadCode").GetString().ShouldBe(Zhzf);
        confirmed.GetProperty("confirmedBy").GetString().ShouldBe("huancui");
        await (await client.PostAsJsonAsync(url, new { leadDepartment = Zhzf })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsync($"/api/v1/enforcement/joint-inspections/{id}/decline", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // The department sees that its plan is merged, and cannot withdraw it any more.
        var own = (await PlansAsync(submitter, "year=2033")).ShouldHaveSingleItem();
        own.GetProperty("jointStatus").GetString().ShouldBe("Confirmed");
        await (await submitter.DeleteAsync($"/api/v1/enforcement/plans/{own.GetProperty("id").GetInt64()}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        // Proposing again leaves a confirmed joint inspection as it is.
        (await ProposeAsync(client, "year=2033")).GetProperty("proposed").GetInt32().ShouldBe(0);

        var stats = await client.GetFromJsonAsync<JsonElement>("/api/v1/enforcement/stats?org=371002&from=2033-01-01&to=2033-12-31");
        var plans = stats.GetProperty("current").GetProperty("plans");
        plans.GetProperty("plannedVisits").GetInt32().ShouldBe(3);
        plans.GetProperty("jointInspections").GetInt32().ShouldBe(1);
        plans.GetProperty("visitsSaved").GetInt32().ShouldBe(2);

        var browser = await app.BrowserAsAsync("huancui");
        var html = await browser.GetStringAsync("/enforcement/plans?year=2033");
        html.ShouldContain(code);
        html.ShouldContain("已确认");
    }

    [Fact]
    public async Task Confirming_a_joint_inspection_clears_the_repeat_inspection_warning_it_excuses()
    {
        var item = "JH" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await app.WithDbAsync(async db =>
        {
            var sfj = await db.OrgUnits.FirstAsync(o => o.Code == "371002-SFJ");
            db.EnforcementItems().Add(new EnforcementItem { OrgUnitId = sfj.Id, Code = item, Name = "联合检查测试事项", Field = "市场监管", LegalBasis = "《测试条例》第一条" });
            await db.SaveChangesAsync();
        });
        var code = NewCode();
        var client = await app.ApiAsAsync("huancui");
        var last = Today.AddMonths(-1); // a plan may be filed for last month at the earliest (补报)
        var (month, period) = ($"{last:yyyy-MM}", $"year={last.Year}&month={last.Month}");
        await FileAsync(client, new[] { Plan(code, last.Year, last.Month, Scjg, [item]), Plan(code, last.Year, last.Month, Zhzf, [item]) });
        object Visit(string source, string day) => new[]
        {
            new { sourceId = source, kind = "检查", itemCode = item, target = new { name = "联合检查测试企业", creditCode = code }, officers = new[] { "T1", "T2" }, openedOn = day },
        };
        (await (await app.ApiAsAsync("huancui-scjg")).PostAsJsonAsync("/api/v1/enforcement/records:batch", Visit(item + "-1", month + "-10"))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/v1/enforcement/records:batch?department={Zhzf}", Visit(item + "-2", month + "-20"))).EnsureSuccessStatusCode();
        long later = 0;
        await app.WithDbAsync(async db => later = await db.EnforcementRecords().Where(r => r.SourceId == item + "-2").Select(r => r.Id).SingleAsync());
        async Task<JsonElement> RepeatWarningAsync() =>
            (await ItemsAsync(client, "/api/v1/enforcement/warnings?rule=ZF07&status=all&page=1&pageSize=200")).Single(w => w.GetProperty("recordId").GetInt64() == later);
        (await RepeatWarningAsync()).GetProperty("status").GetString().ShouldBe("Issued");

        (await ProposeAsync(client, period)).GetProperty("proposed").GetInt32().ShouldBe(1);
        (await RepeatWarningAsync()).GetProperty("status").GetString().ShouldBe("Issued"); // a proposal excuses nothing yet
        var id = (await JointsAsync(client, period)).ShouldHaveSingleItem().GetProperty("id").GetInt64();
        (await client.PostAsJsonAsync($"/api/v1/enforcement/joint-inspections/{id}/confirm", new { leadDepartment = Scjg })).EnsureSuccessStatusCode();
        var closed = await RepeatWarningAsync();
        closed.GetProperty("status").GetString().ShouldBe("Closed");
        closed.GetProperty("autoClosed").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Declining_frees_the_plans_and_is_not_proposed_again()
    {
        var client = await app.ApiAsAsync("huancui");
        var code = NewCode();
        await FileAsync(client, new[] { Plan(code, 2032, 7, Scjg), Plan(code, 2032, 7, Zhzf) });
        (await ProposeAsync(client, "year=2032")).GetProperty("proposed").GetInt32().ShouldBe(1);
        var id = (await JointsAsync(client, "year=2032")).ShouldHaveSingleItem().GetProperty("id").GetInt64();
        var declined = await client.PostAsync($"/api/v1/enforcement/joint-inspections/{id}/decline", null);
        declined.StatusCode.ShouldBe(HttpStatusCode.OK, await declined.Content.ReadAsStringAsync());
        (await PlansAsync(client, "year=2032")).ShouldAllBe(p => p.GetProperty("jointInspectionId").ValueKind == JsonValueKind.Null);
        (await ProposeAsync(client, "year=2032")).GetProperty("proposed").GetInt32().ShouldBe(0);
        (await JointsAsync(client, "year=2032")).ShouldHaveSingleItem().GetProperty("status").GetString().ShouldBe("Declined");
        var stats = await client.GetFromJsonAsync<JsonElement>("/api/v1/enforcement/stats?org=371002&from=2032-01-01&to=2032-12-31");
        stats.GetProperty("current").GetProperty("plans").GetProperty("jointInspections").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_department_files_its_own_plans_idempotently_and_bad_entries_are_refused()
    {
        var submitter = await app.ApiAsAsync("huancui-scjg");
        var code = NewCode();
        var first = await FileAsync(submitter, Plan(code, 2034, 2));
        first.GetProperty("created").GetInt32().ShouldBe(1);
        first.GetProperty("plans")[0].GetProperty("departmentCode").GetString().ShouldBe(Scjg);
        (await FileAsync(submitter, Plan(code, 2034, 2))).GetProperty("unchanged").GetInt32().ShouldBe(1);
        (await FileAsync(submitter, Plan(code, 2034, 2, items: ["SC001", "SC009"]))).GetProperty("updated").GetInt32().ShouldBe(1);
        (await PlansAsync(submitter, $"year=2034&q={code}")).ShouldHaveSingleItem().GetProperty("items").GetArrayLength().ShouldBe(2);

        const string Url = "/api/v1/enforcement/plans";
        await (await submitter.PostAsJsonAsync(Url, Plan(code, 2034, 2, Zhzf))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "department");
        await (await submitter.PostAsJsonAsync(Url, Plan("91350100M000100Y44", 2034, 2))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "creditCode");
        await (await submitter.PostAsJsonAsync(Url, Plan(code, 2034, 13))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "month");
        await (await submitter.PostAsJsonAsync(Url, Plan(code, 2034, 2, items: []))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "items");
        // All or nothing: the good first entry is not stored either.
        var other = NewCode();
        await (await submitter.PostAsJsonAsync(Url, new[] { Plan(other, 2034, 3), Plan("123", 2034, 3) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "[1].creditCode");
        await (await submitter.PostAsJsonAsync(Url, new[] { Plan(other, 2034, 3), Plan(other, 2034, 3) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "[1].creditCode");
        (await PlansAsync(submitter, $"year=2034&q={other}")).ShouldBeEmpty();

        var bureau = await app.ApiAsAsync("huancui");
        await (await bureau.PostAsJsonAsync(Url, Plan(other, 2034, 3))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "department");
        var rongcheng = await app.ApiAsAsync("rongcheng");
        await (await rongcheng.PostAsJsonAsync(Url, Plan(other, 2034, 3, Scjg))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "department");
        (await rongcheng.GetFromJsonAsync<JsonElement>($"{Url}?year=2034")).GetProperty("total").GetInt32().ShouldBe(0);
        var viewer = await app.ApiAsAsync("weihai");
        (await viewer.PostAsJsonAsync(Url, Plan(other, 2034, 3, Scjg))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The page's form files for the department too.
        var browser = await app.BrowserAsAsync("huancui-scjg");
        var html = await browser.GetStringAsync("/enforcement/plans");
        var posted = await browser.PostAsync("/enforcement/plans?handler=File", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Department"] = Scjg, ["Input.CreditCode"] = other, ["Input.Name"] = "页面报备企业", ["Input.Year"] = "2034", ["Input.Month"] = "8",
            ["Input.Items"] = "SC001；SC002", ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(html),
        }));
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        (await PlansAsync(submitter, $"year=2034&q={other}")).ShouldHaveSingleItem().GetProperty("items").GetArrayLength().ShouldBe(2);

        var id = (await PlansAsync(submitter, $"year=2034&q={code}")).Single().GetProperty("id").GetInt64();
        (await submitter.DeleteAsync($"{Url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await PlansAsync(submitter, $"year=2034&q={code}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_plan_is_refused_for_a_bad_credit_code_an_unknown_item_or_a_month_long_past_as_records_are()
    {
        var submitter = await app.ApiAsAsync("huancui-scjg");
        const string Url = "/api/v1/enforcement/plans";
        var code = NewCode();
        var badCheckDigit = code[..17] + "0123456789ABCDEFGHJKLMNPQRTUWXY".First(c => c != code[17]);
        (await (await submitter.PostAsJsonAsync(Url, Plan(badCheckDigit, 2034, 4))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "creditCode"))
            .GetProperty("errors").GetProperty("creditCode")[0].GetString()!.ShouldContain("校验位");
        (await (await submitter.PostAsJsonAsync(Url, Plan(code, 2034, 4, items: ["SC001", "NO-SUCH-ITEM"]))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "items"))
            .GetProperty("errors").GetProperty("items")[0].GetString()!.ShouldContain("执法事项清单中没有编码“NO-SUCH-ITEM”");
        var past = Today.AddMonths(-2);
        (await (await submitter.PostAsJsonAsync(Url, Plan(code, past.Year, past.Month))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "month"))
            .GetProperty("errors").GetProperty("month")[0].GetString()!.ShouldContain("已过去");
        await (await submitter.PostAsJsonAsync(Url, Plan(code, 2020, 1))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "month");
        // All three at once, each named.
        var all = await (await submitter.PostAsJsonAsync(Url, Plan(badCheckDigit, 2020, 1, items: ["NOPE"]))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        all.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["creditCode", "month", "items"], ignoreOrder: true);
        (await PlansAsync(submitter, $"q={code}")).ShouldBeEmpty();
        // Last month may still be filed late; the Excel import checks the same.
        var last = Today.AddMonths(-1);
        (await FileAsync(submitter, Plan(code, last.Year, last.Month))).GetProperty("created").GetInt32().ShouldBe(1);
        var bad = await ImportAsync(Xlsx([Row(NewCode(), 2035, 5, "SC001;NOPE"), Row(NewCode(), past.Year, past.Month)]), dryRun: true, Scjg);
        var result = await bad.Content.ReadFromJsonAsync<JsonElement>();
        result.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()))
            .ShouldBe([(2, "检查事项"), (3, "月份")], ignoreOrder: true);
    }

    private static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Row(string code, object year, object month, string items = "SC001;SC002") => new()
    {
        ["统一社会信用代码"] = code, ["企业名称"] = "导入测试企业" + code[^4..], ["年度"] = year, ["月份"] = month, ["检查事项"] = items,
    };

    private async Task<HttpResponseMessage> ImportAsync(byte[] file, bool dryRun, string? department, string user = "huancui")
    {
        var client = await app.ApiAsAsync(user);
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "file", "检查计划.xlsx");
        return await client.PostAsync($"/api/v1/enforcement/plans/import?dryRun={(dryRun ? "true" : "false")}" + (department is null ? "" : "&department=" + department), form);
    }

    [Fact]
    public async Task The_planned_visits_follow_the_plans_through_filing_import_and_withdrawal()
    {
        var client = await app.ApiAsAsync("huancui");
        async Task<int> PlannedAsync(string from, string to, string period = "current")
        {
            var s = await client.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/stats?org={Scjg}&from={from}&to={to}");
            return s.GetProperty(period).GetProperty("plans").GetProperty("plannedVisits").GetInt32();
        }
        async Task RollUpMatchesThePlansAsync() => await app.WithDbAsync(async db =>
        {
            var unit = await db.OrgUnits.IgnoreQueryFilters().Where(o => o.Code == Scjg).Select(o => o.Id).SingleAsync();
            var counted = await db.InspectionPlans().IgnoreQueryFilters().Where(p => p.OrgUnitId == unit && p.Year == 2036)
                .GroupBy(p => p.Month).Select(g => new { Month = 203600 + g.Key, Visits = g.Count() }).ToListAsync();
            var rolled = await db.PlanMonths().IgnoreQueryFilters().Where(m => m.OrgUnitId == unit && m.Month >= 203601 && m.Month <= 203612 && m.Visits != 0)
                .Select(m => new { m.Month, m.Visits }).ToListAsync();
            rolled.OrderBy(m => m.Month).ShouldBe(counted.OrderBy(m => m.Month));
        });

        (await PlannedAsync("2036-01-01", "2036-12-31")).ShouldBe(0);
        string a = NewCode(), b = NewCode(), c = NewCode(), d = NewCode();
        var filed = await FileAsync(client, new[] { Plan(a, 2036, 4, Scjg), Plan(b, 2036, 5, Scjg) });
        (await PlannedAsync("2036-01-01", "2036-12-31")).ShouldBe(2, filed.ToString());
        var imported = await ImportAsync(Xlsx([Row(c, 2036, 5), Row(d, 2036, 5), Row(a, 2036, 4, "SC009")]), dryRun: false, Scjg);
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        (await PlannedAsync("2036-01-01", "2036-12-31")).ShouldBe(4); // a's April entry was changed, not added
        (await PlannedAsync("2036-05-01", "2036-05-31")).ShouldBe(3);
        (await PlannedAsync("2036-05-10", "2036-05-20")).ShouldBe(3); // the months a period touches
        await RollUpMatchesThePlansAsync();

        var may = (await PlansAsync(client, $"year=2036&q={c}")).ShouldHaveSingleItem();
        (await client.DeleteAsync($"/api/v1/enforcement/plans/{may.GetProperty("id").GetInt64()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await PlannedAsync("2036-05-01", "2036-05-31")).ShouldBe(2);
        (await PlannedAsync("2037-01-01", "2037-12-31", "previous")).ShouldBe(3);
        await RollUpMatchesThePlansAsync();
    }

    [Fact]
    public async Task The_import_checks_first_stores_all_or_nothing_and_repeats_harmlessly()
    {
        string a = NewCode(), b = NewCode(), c = NewCode();
        var good = Xlsx([Row(a, 2035, 1), Row(b, "2035年", "2月"), Row(c, 2035.0, 3.0, "SC003、SC004")]);
        var client = await app.ApiAsAsync("huancui");

        var dry = await (await ImportAsync(good, dryRun: true, Scjg)).Content.ReadFromJsonAsync<JsonElement>();
        (dry.GetProperty("committed").GetBoolean(), dry.GetProperty("created").GetInt32(), dry.GetProperty("errors").GetArrayLength()).ShouldBe((false, 3, 0), dry.ToString());
        (await PlansAsync(client, "year=2035")).ShouldBeEmpty();

        var done = await ImportAsync(good, dryRun: false, Scjg);
        var result = await done.Content.ReadFromJsonAsync<JsonElement>();
        done.StatusCode.ShouldBe(HttpStatusCode.OK, result.ToString());
        (result.GetProperty("committed").GetBoolean(), result.GetProperty("created").GetInt32()).ShouldBe((true, 3));
        var stored = await PlansAsync(client, "year=2035");
        stored.Count.ShouldBe(3);
        stored.Single(p => p.GetProperty("creditCode").GetString() == c).GetProperty("items").EnumerateArray().Select(x => x.GetString()).ShouldBe(["SC003", "SC004"]);

        var repeat = await (await ImportAsync(good, dryRun: false, Scjg)).Content.ReadFromJsonAsync<JsonElement>();
        (repeat.GetProperty("created").GetInt32(), repeat.GetProperty("unchanged").GetInt32()).ShouldBe((0, 3));

        var d = NewCode();
        var bad = await ImportAsync(Xlsx([Row(d, 2035, 5), Row(d[..17] + "?", 2035, 13)]), dryRun: false, Scjg);
        var problem = await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["第3行 统一社会信用代码", "第3行 月份"], ignoreOrder: true);
        (await PlansAsync(client, $"year=2035&q={d}")).ShouldBeEmpty();
        await (await ImportAsync(good, dryRun: false, department: null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        // The export imports back unchanged: it names each row's department.
        var export = await client.GetAsync("/api/v1/enforcement/plans/export?year=2035");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(3);
        rows.ShouldAllBe(r => (string?)r["执法部门代码"] == Scjg);
        var back = await (await ImportAsync(bytes, dryRun: false, department: null)).Content.ReadFromJsonAsync<JsonElement>();
        (back.GetProperty("committed").GetBoolean(), back.GetProperty("unchanged").GetInt32()).ShouldBe((true, 3), back.ToString());

        // A department imports for itself.
        var e = NewCode();
        var own = await (await ImportAsync(Xlsx([Row(e, 2035, 6)]), dryRun: false, department: null, user: "huancui-scjg")).Content.ReadFromJsonAsync<JsonElement>();
        own.GetProperty("created").GetInt32().ShouldBe(1, own.ToString());
    }
}

public sealed class PlanTestsOnSqlite(SqliteFactory app) : PlanTests(app), IClassFixture<SqliteFactory>;

public sealed class PlanTestsOnPostgres(PostgresFactory app) : PlanTests(app), IClassFixture<PostgresFactory>;
