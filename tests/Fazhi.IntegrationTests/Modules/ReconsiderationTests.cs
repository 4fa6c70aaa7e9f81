using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Timers;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.IntegrationTests.Modules.ReconApi;

namespace Fazhi.IntegrationTests.Modules;

public abstract class ReconsiderationTests(FazhiFactory app)
{
    [Fact]
    public async Task Intake_numbers_the_case_and_starts_the_review_clock()
    {
        var client = await app.ApiAsAsync("huancui");
        var first = await CreateAsync(client, Intake(received: "2024-09-27T10:30:00"));
        var second = await CreateAsync(client, Intake(applicant: "李四", received: "2024-09-28T10:30:00"));
        first.GetProperty("caseNumber").GetString()!.ShouldMatch(@"^环翠复〔2024〕\d+号$");
        second.GetProperty("caseNumber").GetString().ShouldNotBe(first.GetProperty("caseNumber").GetString());
        first.GetProperty("statusName").GetString().ShouldBe("审查中");
        first.GetProperty("applicantIdMasked").GetString().ShouldBe("1101**********002X");
        var review = first.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "review");
        review.GetProperty("due").GetString().ShouldBe("2024-10-10");
        review.GetProperty("explanation").GetString()!.ShouldContain("第三十条");
        first.GetProperty("applicationInTime").GetBoolean().ShouldBeTrue();
        first.GetProperty("applicationPeriod").GetString()!.ShouldContain("第二十条");
    }

    [Theory]
    [InlineData("applicantIdNumber", "110105194912310021")]   // wrong check digit
    [InlineData("receivedAt", "2099-01-01T09:00:00")]         // in the future
    [InlineData("respondentCode", "NO-SUCH-AGENCY")]
    [InlineData("respondentCode", "371082-SCJG")]             // another district's agency
    [InlineData("channel", "飞鸽传书")]
    public async Task Bad_intakes_are_refused_naming_the_field(string field, string value)
    {
        var client = await app.ApiAsAsync("huancui");
        var body = JsonSerializer.SerializeToNode(Intake(applicant: "坏数据" + field))!.AsObject();
        body[field] = value;
        var response = await client.PostAsync("/api/v1/reconsideration/cases", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/cases?q=坏数据" + field);
        list.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_case_runs_through_the_api_and_illegal_steps_are_refused()
    {
        var client = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(client, Intake(applicant: "王五", received: "2024-10-08T09:00:00"));
        var id = c.Id();
        var early = await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{id}/actions/decide", new { on = "2024-10-09", decisionType = "维持" });
        (await early.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("审查中");

        await ActAsync(client, id, "record-contact", new { at = "2024-10-08T09:40:00", note = "电话联系申请人" });
        await ActAsync(client, id, "accept", new { on = "2024-10-08", procedure = "普通程序" });
        await ActAsync(client, id, "send-copy", new { on = "2024-10-09" });
        await ActAsync(client, id, "suspend", new { on = "2024-10-20", reason = "案件涉及法律适用问题，需要有权机关作出解释" });
        var resumed = await ActAsync(client, id, "resume", new { on = "2024-11-01" });
        var decision = resumed.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "decision");
        decision.GetProperty("due").GetString().ShouldBe("2024-12-19");
        decision.GetProperty("explanation").GetString().ShouldBe("自2024-10-08受理起60日（第六十二条，普通程序），中止12日不计入，至2024-12-19");

        var tooLong = await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{id}/actions/extend", new { on = "2024-12-01", days = 31, approvedBy = "负责人" });
        await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "days");
        var beforeAcceptance = await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{id}/actions/decide", DecisionDefaults(new { on = "2024-10-01", decisionType = "撤销" }));
        await beforeAcceptance.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "on");
        var decided = await ActAsync(client, id, "decide", new { on = "2024-12-10", decisionType = "撤销", note = "事实不清" });
        decided.GetProperty("statusName").GetString().ShouldBe("已决定");
        decided.GetProperty("decisionType").GetString().ShouldBe("撤销");
        decided.GetProperty("contactedWithinAnHour").GetBoolean().ShouldBeTrue();
        decided.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("actionName").GetString()).ShouldContain("中止");
        await ActAsync(client, id, "serve", new { on = "2024-12-12" });

        var audit = await (await app.ApiAsAsync("auditor")).GetFromJsonAsync<JsonElement>("/api/v1/audit?entityType=ReconCase&pageSize=100");
        audit.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(7);
    }

    [Fact]
    public async Task Another_districts_case_is_404_by_api_and_by_url()
    {
        var huancui = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(huancui, Intake(applicant: "赵六"));
        var rongcheng = await app.ApiAsAsync("rongcheng");
        await (await rongcheng.GetAsync($"/api/v1/reconsideration/cases/{c.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await rongcheng.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/actions/accept", new { on = "2024-03-04" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await rongcheng.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/cases?q=赵六")).GetProperty("total").GetInt32().ShouldBe(0);
        var browser = await app.BrowserAsAsync("rongcheng");
        (await browser.GetAsync($"/reconsideration/cases/{c.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var own = await app.BrowserAsAsync("huancui");
        (await own.GetStringAsync($"/reconsideration/cases/{c.Id()}")).ShouldContain("赵六");
    }

    [Fact]
    public async Task The_timer_job_deems_an_unanswered_application_accepted()
    {
        var client = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(client, Intake(applicant: "孙七", received: "2024-09-27T09:00:00"));
        var changed = await TimerJob.RunOnceAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), new DateOnly(2024, 10, 11), CancellationToken.None);
        changed.ShouldBeGreaterThanOrEqualTo(1);
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases/{c.Id()}");
        after.GetProperty("statusName").GetString().ShouldBe("审理中");
        after.GetProperty("acceptedOn").GetString().ShouldBe("2024-10-10");
        after.GetProperty("deemedAccepted").GetBoolean().ShouldBeTrue();
        after.GetProperty("events").EnumerateArray().Last().GetProperty("actor").GetString().ShouldBe("system");
    }

    [Fact]
    public async Task Cases_are_assigned_in_bulk_and_all_or_nothing()
    {
        var client = await app.ApiAsAsync("huancui");
        var a = await CreateAsync(client, Intake(applicant: "批量甲"));
        var b = await CreateAsync(client, Intake(applicant: "批量乙"));
        var ok = await client.PostAsJsonAsync("/api/v1/reconsideration/cases/assign", new { ids = new[] { a.Id(), b.Id() }, assignee = "huancui" });
        (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assigned").GetInt32().ShouldBe(2);
        var foreign = await CreateAsync(await app.ApiAsAsync("rongcheng"), Intake(applicant: "批量丙", respondent: "371082-SCJG"));
        await (await client.PostAsJsonAsync("/api/v1/reconsideration/cases/assign", new { ids = new[] { a.Id(), foreign.Id() }, assignee = (string?)null }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases/{a.Id()}")).GetProperty("assigneeUserName").GetString().ShouldBe("huancui");
        await (await client.PostAsJsonAsync("/api/v1/reconsideration/cases/assign", new { ids = new[] { a.Id() }, assignee = "rongcheng" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "assignee");
    }

    [Fact]
    public async Task Performance_is_followed_up_and_an_opinion_letter_has_its_sixty_days()
    {
        var client = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(client, Intake(applicant: "意见书申请人", received: "2024-04-01T09:00:00"));
        await ActAsync(client, c.Id(), "accept", new { on = "2024-04-02" });
        await (await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/actions/record-performance", new { on = "2024-05-01", reason = "已履行" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);                     // nothing to perform before a decision
        await ActAsync(client, c.Id(), "decide", new { on = "2024-04-30", decisionType = "责令履行" });
        var followed = await ActAsync(client, c.Id(), "record-performance", new { on = "2024-06-03", reason = "已履行", note = "回头看：已重新作出答复" });
        followed.GetProperty("events").EnumerateArray().Last().GetProperty("note").GetString()!.ShouldContain("已履行");
        // Received by the agency on Saturday 2024-08-03: 60 days end on Wednesday 2024-10-02, inside 国庆 → 2024-10-08.
        var letter = await ActAsync(client, c.Id(), "issue-opinion-letter", new { on = "2024-08-03", mode = "建议书", reason = "环翠区市场监督管理局", note = "规范行政处罚裁量" });
        var due = letter.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "opinion-reply");
        due.GetProperty("due").GetString().ShouldBe("2024-10-08");
        due.GetProperty("explanation").GetString()!.ShouldContain("第七十六条");
        var stats = await client.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/stats?org=371002&from=2024-08-01&to=2024-08-31");
        stats.GetProperty("current").GetProperty("opinionLetters").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Entering_a_years_notice_recomputes_the_timers_of_open_cases()
    {
        var client = await app.ApiAsAsync("huancui");
        // Received Friday 2019-12-27, a year whose notice Fazhi does not ship: 12-30 and 12-31 count provisionally as working
        // days, then 2020-01-02, 01-03, 01-06.
        var c = await CreateAsync(client, Intake(applicant: "跨年申请人", received: "2019-12-27T09:00:00"));
        var review = c.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "review");
        review.GetProperty("due").GetString().ShouldBe("2020-01-06");
        review.GetProperty("explanation").GetString()!.ShouldContain("2019年节假日安排尚未录入");
        var admin = await app.ApiAsAsync("admin");
        var put = await admin.PutAsJsonAsync("/api/v1/calendar/years/2019", new
        {
            notice = "（测试）2019年年末放假安排",
            holidays = new[] { new { name = "测试假日", from = "2019-12-30", to = "2019-12-31" } },
            workdays = Array.Empty<object>(),
        });
        put.StatusCode.ShouldBe(HttpStatusCode.NoContent, await put.Content.ReadAsStringAsync());
        DateOnly? timerDue = null;
        await app.WithDbAsync(async db => timerDue = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.WorkTimers.Where(t => t.Module == "recon" && t.OwnerId == c.Id() && t.Kind == "review").Select(t => (DateOnly?)t.DueOn)));
        timerDue.ShouldBe(new DateOnly(2020, 1, 8)); // the two rest days push the fifth working day to Wednesday
    }

    [Fact]
    public async Task Work_queues_page_and_export()
    {
        var client = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(client, Intake(applicant: "周八"));
        await ActAsync(client, c.Id(), "assign", new { assignee = "huancui" });
        var mine = await client.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/cases?queue=mine&pageSize=5");
        mine.GetProperty("items").EnumerateArray().ShouldContain(r => r.GetProperty("applicantName").GetString() == "周八");
        var overdue = await client.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/cases?queue=overdue");
        overdue.GetProperty("items").EnumerateArray().ShouldContain(r => r.GetProperty("applicantName").GetString() == "周八"); // received 2024-03-01, never reviewed
        var export = await client.GetAsync("/api/v1/reconsideration/cases/export?q=周八");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await export.Content.ReadAsByteArrayAsync())[..2].ShouldBe("PK"u8.ToArray());
    }

    [Fact]
    public async Task The_case_list_keeps_paging_within_bounds()
    {
        var client = await app.ApiAsAsync("huancui");
        var wide = await client.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/cases?page=0&pageSize=1000");
        wide.GetProperty("pageNumber").GetInt32().ShouldBe(1);
        wide.GetProperty("pageSize").GetInt32().ShouldBe(200);
        var narrow = await client.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/cases?page=-3&pageSize=0");
        narrow.GetProperty("pageNumber").GetInt32().ShouldBe(1);
        narrow.GetProperty("pageSize").GetInt32().ShouldBe(1);
        var plain = await client.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/cases");
        plain.GetProperty("pageSize").GetInt32().ShouldBe(20);
    }
}

public sealed class ReconsiderationTestsOnSqlite(SqliteFactory app) : ReconsiderationTests(app), IClassFixture<SqliteFactory>;

public sealed class ReconsiderationTestsOnPostgres(PostgresFactory app) : ReconsiderationTests(app), IClassFixture<PostgresFactory>;
