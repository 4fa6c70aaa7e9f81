using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Messages;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Modules.Legality.Domain.Office;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.IntegrationTests.Modules.Legality;

/// <summary>
/// 依法治区办 and 学法 through the real pipeline: a 工作要点 task reported on, 督办 (a notice to the owner), expired by its
/// timer (站内消息 the day after its deadline, not on it), completed late; quarterly scoring with a refused line writing
/// nothing, ties in the ranking, evidence only on one's own score; a meeting decision made a task once; a 督察 with a
/// rectification timer; [001]'s 100% 公开率; [004]'s 51 任前考试 sessions, 296 people and 14,950 人次 since 七五 began.
/// Each test keeps to its own years, so the shared database does not mix their figures.
/// </summary>
public abstract class LegalityOfficeTests(FazhiFactory app)
{
    private const string Office = "huancui-yfzq", Market = "huancui-scjg", Urban = "huancui-zhzf";

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<List<Message>> MessagesAsync(string recipient, string titleStart)
    {
        List<Message> list = [];
        await app.WithDbAsync(async db => list = await db.Set<Message>().AsNoTracking().Where(m => m.Recipient == recipient && m.Title.StartsWith(titleStart)).ToListAsync());
        return list;
    }

    [Fact]
    public async Task A_task_is_reported_on_supervised_expires_the_day_after_its_deadline_and_completes_late()
    {
        var office = await app.ApiAsAsync(Office);
        var dept = await app.ApiAsAsync(Market);
        await (await office.PostAsJsonAsync("/api/v1/legality/office/tasks", new { title = " ", ownerCode = "NOPE", dueOn = "2024-03-29" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "title");
        var t = await OkAsync(await office.PostAsJsonAsync("/api/v1/legality/office/tasks",
            new { title = "建立涉企行政检查备案制度", ownerCode = "371002-SCJG", dueOn = "2024-03-29", year = 2024 }), HttpStatusCode.Created);
        var id = t.GetProperty("row").GetProperty("id").GetInt64();
        t.GetProperty("row").GetProperty("owner").GetString().ShouldBe("环翠区市场监督管理局");

        // Scope and roles: the owner sees and reports; another department sees nothing; only the office supervises.
        (await (await app.ApiAsAsync(Urban)).GetAsync($"/api/v1/legality/office/tasks/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await dept.PostAsJsonAsync($"/api/v1/legality/office/tasks/{id}/supervise", new { on = "2024-03-05", text = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await dept.PostAsJsonAsync("/api/v1/legality/office/tasks", new { title = "x", ownerCode = "371002-SCJG", dueOn = "2024-03-29" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await dept.PostAsJsonAsync($"/api/v1/legality/office/tasks/{id}/reports", new { on = "2024-03-01", text = "已起草", progress = 120 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "progress");
        t = await OkAsync(await dept.PostAsJsonAsync($"/api/v1/legality/office/tasks/{id}/reports", new { on = "2024-03-01", text = "制度草案已起草", progress = 40 }));
        t.GetProperty("row").GetProperty("progress").GetInt32().ShouldBe(40);
        t = await OkAsync(await office.PostAsJsonAsync($"/api/v1/legality/office/tasks/{id}/supervise", new { on = "2024-03-05", text = "请于3月底前印发" }));
        t.GetProperty("row").GetProperty("supervisions").GetInt32().ShouldBe(1);
        (await MessagesAsync("huancui-scjg", "督办通知")).Count.ShouldBe(1);

        // The deadline's timer: nothing on the last day, a 站内消息 to the owner and the office the day after.
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        await TimerJob.RunOnceAsync(scopes, new DateOnly(2024, 3, 29), CancellationToken.None);
        (await MessagesAsync("huancui-scjg", "工作要点任务超期：建立涉企")).ShouldBeEmpty();
        await TimerJob.RunOnceAsync(scopes, new DateOnly(2024, 3, 30), CancellationToken.None);
        (await MessagesAsync("huancui-scjg", "工作要点任务超期：建立涉企")).Count.ShouldBe(1);
        (await MessagesAsync(Office, "工作要点任务超期：建立涉企")).Count.ShouldBe(1);
        var overdue = await OkAsync(await office.GetAsync("/api/v1/legality/office/tasks?status=overdue&q=涉企行政检查"));
        overdue.GetProperty("total").GetInt32().ShouldBe(1);

        t = await OkAsync(await dept.PostAsJsonAsync($"/api/v1/legality/office/tasks/{id}/complete", new { on = "2024-04-02", text = "制度已印发" }));
        t.GetProperty("row").GetProperty("statusName").GetString().ShouldBe("已完成");
        t.GetProperty("row").GetProperty("overdue").GetBoolean().ShouldBeTrue();
        t.GetProperty("entries").GetArrayLength().ShouldBe(3);
        (await dept.PostAsJsonAsync($"/api/v1/legality/office/tasks/{id}/reports", new { on = "2024-04-03", text = "再报" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await app.WithDbAsync(async db => (await db.WorkTimers.AsNoTracking().SingleAsync(x => x.Module == "legality-task" && x.OwnerId == id)).State.ShouldBe(TimerState.Done));

        var export = await office.GetAsync("/api/v1/legality/office/tasks/export?year=2024");
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var stats = (await OkAsync(await office.GetAsync("/api/v1/legality/stats?org=371002&from=2024-01-01&to=2024-12-31"))).GetProperty("office");
        stats.GetProperty("current").GetProperty("tasksDue").GetInt32().ShouldBe(1);
        stats.GetProperty("current").GetProperty("tasksDone").GetInt32().ShouldBe(1);
        stats.GetProperty("current").GetProperty("tasksOverdue").GetInt32().ShouldBe(1);
        stats.GetProperty("current").GetProperty("supervisions").GetInt32().ShouldBe(1);
        stats.GetProperty("previous").GetProperty("tasksDue").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_quarter_is_scored_on_the_bureaus_indicators_and_ranked_with_ties_and_evidence()
    {
        var office = await app.ApiAsAsync(Office);
        var a = (await OkAsync(await office.PostAsJsonAsync("/api/v1/legality/office/indicators", new { year = 2023, name = "依法决策", maxScore = 60, evidence = "会议纪要" }),
            HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var b = (await OkAsync(await office.PostAsJsonAsync("/api/v1/legality/office/indicators", new { year = 2023, name = "规范执法", maxScore = 40 }),
            HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await (await office.PostAsJsonAsync("/api/v1/legality/office/indicators", new { year = 2023, name = "x", maxScore = 0 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "maxScore");

        // A score above the 分值 and an unknown indicator: refused line by line, nothing written.
        var bad = await office.PostAsJsonAsync("/api/v1/legality/office/scores", new
        {
            orgCode = "371002-SCJG", year = 2023, quarter = 1, on = "2023-03-31",
            scores = new object[] { new { indicatorId = a, score = 61 }, new { indicatorId = 999_999, score = 1 } },
        });
        var problem = await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "scores[0].score");
        problem.GetProperty("errors").GetProperty("scores[0].score")[0].GetString()!.ShouldContain("超过该项分值60");
        problem.GetProperty("errors").TryGetProperty("scores[1].indicatorId", out _).ShouldBeTrue();
        (await OkAsync(await office.GetAsync("/api/v1/legality/office/ranking?year=2023&quarter=1"))).GetProperty("rows").GetArrayLength().ShouldBe(0);

        async Task Score(string org, decimal sa, decimal sb) => await OkAsync(await office.PostAsJsonAsync("/api/v1/legality/office/scores", new
        {
            orgCode = org, year = 2023, quarter = 1, on = "2023-03-31",
            scores = new object[] { new { indicatorId = a, score = sa }, new { indicatorId = b, score = sb, note = "扣分" } },
        }));
        await Score("371002-SCJG", 55, 38);
        await Score("371002-ZHZF", 58, 35);
        await Score("371002001", 50, 30);
        await Score("371002001", 50, 30.5m); // scoring again replaces
        var ranking = await OkAsync(await office.GetAsync("/api/v1/legality/office/ranking?year=2023&quarter=1"));
        ranking.GetProperty("maxTotal").GetDecimal().ShouldBe(100m);
        var rows = ranking.GetProperty("rows").EnumerateArray().Select(r => (Rank: r.GetProperty("rank").GetInt32(), Unit: r.GetProperty("unit").GetString(), Total: r.GetProperty("total").GetDecimal())).ToList();
        rows.ShouldBe([(1, "环翠区市场监督管理局", 93m), (1, "环翠区综合行政执法局", 93m), (3, "鲸园街道", 80.5m)]);

        // The department sees its own scores only, cannot score, and attaches evidence to its own score only.
        var dept = await app.ApiAsAsync(Market);
        var own = await OkAsync(await dept.GetAsync("/api/v1/legality/office/scores?year=2023&quarter=1"));
        own.GetArrayLength().ShouldBe(2);
        (await dept.PostAsJsonAsync("/api/v1/legality/office/scores", new { orgCode = "371002-SCJG", year = 2023, quarter = 1, scores = new object[] { new { indicatorId = a, score = 60 } } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var scoreId = own[0].GetProperty("id").GetInt64();
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent("%PDF-1.4 会议纪要"u8.ToArray()), "file", "会议纪要.pdf");
            (await dept.PostAsync($"/api/v1/attachments/legality/score/{scoreId}", form)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent("%PDF-1.4"u8.ToArray()), "file", "x.pdf");
            (await (await app.ApiAsAsync(Urban)).PostAsync($"/api/v1/attachments/legality/score/{scoreId}", form)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        ranking = await OkAsync(await office.GetAsync("/api/v1/legality/office/ranking?year=2023&quarter=1"));
        ranking.GetProperty("rows")[0].GetProperty("evidence").GetInt32().ShouldBe(1);
        // The 分值 cannot drop below a score already given.
        await (await office.PutAsJsonAsync($"/api/v1/legality/office/indicators/{a}", new { maxScore = 50 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "maxScore");
        (await office.GetAsync("/api/v1/legality/office/ranking/export?year=2023&quarter=1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stats = (await OkAsync(await office.GetAsync("/api/v1/legality/stats?org=371002&from=2023-01-01&to=2023-03-31"))).GetProperty("office");
        stats.GetProperty("ranking").GetProperty("rows").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task Meetings_inspections_reports_and_study_give_the_seeds_figures()
    {
        var office = await app.ApiAsAsync(Office);
        var m = await OkAsync(await office.PostAsJsonAsync("/api/v1/legality/office/meetings", new
        {
            kind = "依法治区委员会会议", title = "区委全面依法治区委员会2022年第一次会议", heldOn = "2022-03-10", attendees = "委员会组成人员", agenda = "审议工作要点",
            decisions = new[] { "推行行政执法公示制度", "开展法治督察" },
        }), HttpStatusCode.Created);
        var meetingId = m.GetProperty("id").GetInt64();
        var task = await OkAsync(await office.PostAsJsonAsync($"/api/v1/legality/office/meetings/{meetingId}/decisions/1/task",
            new { ownerCode = "371002-ZHZF", dueOn = "2022-06-30" }), HttpStatusCode.Created);
        task.GetProperty("row").GetProperty("fromMeeting").GetBoolean().ShouldBeTrue();
        task.GetProperty("row").GetProperty("title").GetString().ShouldBe("推行行政执法公示制度");
        (await office.PostAsJsonAsync($"/api/v1/legality/office/meetings/{meetingId}/decisions/1/task", new { ownerCode = "371002-ZHZF", dueOn = "2022-06-30" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await (await office.PostAsJsonAsync($"/api/v1/legality/office/meetings/{meetingId}/decisions/9/task", new { ownerCode = "371002-ZHZF", dueOn = "2022-06-30" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "seq");

        // 督察 with rectification: an item due before the inspection is refused; the unit completes one; the other's timer fires.
        await (await office.PostAsJsonAsync("/api/v1/legality/office/inspections", new
        {
            kind = "实地督察", title = "x", orgCode = "371002-ZHZF", heldOn = "2022-05-10", findings = "x", items = new[] { new { text = "x", dueOn = "2022-05-01" } },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "items[0].dueOn");
        var insp = await OkAsync(await office.PostAsJsonAsync("/api/v1/legality/office/inspections", new
        {
            kind = "实地督察", title = "执法公示落实情况实地督察", orgCode = "371002-ZHZF", heldOn = "2022-05-10", findings = "公示信息滞后",
            items = new[] { new { text = "补充公示执法决定", dueOn = "2022-06-10" }, new { text = "建立公示台账", dueOn = "2022-06-10" } },
        }), HttpStatusCode.Created);
        var inspId = insp.GetProperty("id").GetInt64();
        var urban = await app.ApiAsAsync(Urban);
        insp = await OkAsync(await urban.PostAsJsonAsync($"/api/v1/legality/office/inspections/{inspId}/items/1/done", new { on = "2022-06-01", result = "已补充公示" }));
        insp.GetProperty("done").GetInt32().ShouldBe(1);
        await TimerJob.RunOnceAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), new DateOnly(2022, 6, 11), CancellationToken.None);
        (await MessagesAsync(Urban, "督察整改超期")).Select(x => x.Title).ShouldBe(["督察整改超期：执法公示落实情况实地督察第2项"]);

        // [001]: 100% of 2021's reports published in 2022 (one late: accepted and flagged).
        var added = (await OkAsync(await office.PostAsJsonAsync("/api/v1/legality/office/annual-reports/collect", new { year = 2021 }))).GetProperty("added").GetInt32();
        added.ShouldBeGreaterThanOrEqualTo(6);
        var units = (await OkAsync(await office.GetAsync("/api/v1/legality/office/annual-reports?year=2021"))).EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToList();
        units.Count.ShouldBe(added);
        await (await office.PostAsJsonAsync("/api/v1/legality/office/annual-reports", new { orgCode = units[0], year = 2021, publishedOn = "2022-03-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "url");
        var half = await OkAsync(await office.GetAsync("/api/v1/legality/stats?org=371002&from=2022-01-01&to=2022-12-31"));
        half.GetProperty("office").GetProperty("current").GetProperty("reportsPublished").GetInt32().ShouldBe(0);
        for (var i = 0; i < units.Count; i++)
        {
            var r = await OkAsync(await office.PostAsJsonAsync("/api/v1/legality/office/annual-reports", new
            {
                orgCode = units[i], year = 2021, submittedOn = "2022-02-20", publishedOn = i == 0 ? "2022-04-02" : "2022-03-20", url = $"https://www.huancui.gov.cn/{units[i]}",
            }));
            r.GetProperty("late").GetBoolean().ShouldBe(i == 0);
        }
        await OkAsync(await office.PostAsJsonAsync("/api/v1/legality/office/law-reports",
            new { orgCode = "371002-ZHZF", person = "王某", position = "局长", occasion = "区委全会述法", on = "2022-01-20", evaluation = "好" }), HttpStatusCode.Created);

        // [004]: since the 七五 period began (2016), 51 任前考试 sessions for 296 people and 14,950 人次 of 学法用法考试.
        await (await office.PostAsJsonAsync("/api/v1/legality/study", new { kind = "任前法律知识考试", title = "x", heldOn = "2019-05-01", participants = 5, passed = 6 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "passed");
        await app.WithDbAsync(async db =>
        {
            var bureau = await db.OrgUnits.FirstAsync(o => o.Code == "371002-SFJ");
            for (var i = 0; i < 51; i++)
                db.Set<StudySession>().Add(new StudySession
                {
                    OrgUnitId = bureau.Id, Kind = StudyKind.PreAppointmentExam, Title = $"任前考试{i + 1}", HeldOn = new DateOnly(2016 + i % 5, 1 + i % 12, 15),
                    Participants = i < 41 ? 6 : 5, Passed = i < 41 ? 6 : 5,
                });
            for (var y = 2016; y <= 2020; y++)
                db.Set<StudySession>().Add(new StudySession { OrgUnitId = bureau.Id, Kind = StudyKind.AnnualExam, Title = $"{y}年学法用法考试", HeldOn = new DateOnly(y, 11, 20), Participants = 2990, Passed = 2950 });
            db.Set<StudySession>().Add(new StudySession { OrgUnitId = bureau.Id, Kind = StudyKind.CouncilStudy, Title = "常务会学法：民法典", HeldOn = new DateOnly(2020, 6, 1), Participants = 18 });
            db.Set<StudySession>().Add(new StudySession { OrgUnitId = bureau.Id, Kind = StudyKind.PreAppointmentExam, Title = "八五期间的任前考试", HeldOn = new DateOnly(2021, 3, 1), Participants = 9, Passed = 9 });
            await db.SaveChangesAsync();
        });
        var cum = await OkAsync(await office.GetAsync("/api/v1/legality/study/cumulative?period=七五&to=2020-12-31&org=371002"));
        cum.GetProperty("period").GetString().ShouldBe("七五普法");
        cum.GetProperty("preAppointmentSessions").GetInt32().ShouldBe(51);
        cum.GetProperty("preAppointmentPeople").GetInt32().ShouldBe(296);
        cum.GetProperty("annualExamPersonTimes").GetInt32().ShouldBe(14_950);
        cum.GetProperty("sessions").GetInt32().ShouldBe(57);
        await (await office.GetAsync("/api/v1/legality/study/cumulative?period=六五")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "period");
        var y2020 = (await OkAsync(await office.GetAsync("/api/v1/legality/stats?org=371002&from=2020-01-01&to=2020-12-31"))).GetProperty("office");
        y2020.GetProperty("cumulative").GetProperty("preAppointmentPeople").GetInt32().ShouldBe(296);
        y2020.GetProperty("current").GetProperty("studySessions").GetInt32().ShouldBe(12); // in 2020: 10 任前, 1 学法用法, 1 常务会学法
        var list = await OkAsync(await office.GetAsync("/api/v1/legality/study?kind=任前法律知识考试&year=2016&size=5"));
        list.GetProperty("total").GetInt32().ShouldBe(11);
        list.GetProperty("items").GetArrayLength().ShouldBe(5);
        (await office.GetAsync("/api/v1/legality/study/export?year=2020")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var s = (await OkAsync(await office.GetAsync("/api/v1/legality/stats?org=371002&from=2022-01-01&to=2022-12-31"))).GetProperty("office").GetProperty("current");
        s.GetProperty("meetings").GetInt32().ShouldBe(1);
        s.GetProperty("inspections").GetInt32().ShouldBe(1);
        s.GetProperty("rectifications").GetInt32().ShouldBe(2);
        s.GetProperty("rectificationsDone").GetInt32().ShouldBe(1);
        s.GetProperty("lawReports").GetInt32().ShouldBe(1);
        s.GetProperty("reportsRequired").GetInt32().ShouldBe(added);
        s.GetProperty("reportsPublished").GetInt32().ShouldBe(added);
        s.GetProperty("publicationRate").GetDecimal().ShouldBe(100m);
        s.GetProperty("tasksDue").GetInt32().ShouldBe(1);
    }
}

public sealed class LegalityOfficeTestsOnSqlite(SqliteFactory app) : LegalityOfficeTests(app), IClassFixture<SqliteFactory>;

public sealed class LegalityOfficeTestsOnPostgres(PostgresFactory app) : LegalityOfficeTests(app), IClassFixture<PostgresFactory>;
