using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Messages;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.IntegrationTests.Modules.Legality;

/// <summary>
/// The 依法治区办's desk through the real pipeline: 会议, 督察 and 述法 exported as .xlsx with the list's filters (Chinese
/// headers, dates as date cells, a header row when nothing matches); the indicator set edited under its rules (no two of
/// one name, no negative 分值, the 满分 per 部门/镇街, an indicator already scored keeps its name and 分值 so a past quarter's
/// ranking does not move, disabled ones no longer scored); and a 督办通知 on an overdue or at-risk task (numbered per year,
/// recorded in the task's history, .docx addressed to the owner, refused for a task on track or done).
/// </summary>
public abstract class LegalityOfficeDeskTests(FazhiFactory app)
{
    private const string Office = "huancui-yfzq", Market = "huancui-scjg", Urban = "huancui-zhzf";

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<(List<string> Headers, List<IDictionary<string, object?>> Rows)> SheetAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        // The first row as written (GetColumns answers from the first data row, so not when only the headers are there).
        var headers = ((IDictionary<string, object?>)MiniExcel.Query(stream).First()).Values.Select(v => v?.ToString() ?? "").ToList();
        stream.Position = 0;
        var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        return ([.. headers], rows);
    }

    [Fact]
    public async Task Meetings_inspections_and_law_reports_export_with_the_lists_filters_and_dates_as_dates()
    {
        var office = await app.ApiAsAsync(Office);
        var m = await OkAsync(await office.PostAsJsonAsync("/api/v1/legality/office/meetings", new
        {
            kind = "依法治区委员会会议", title = "区委全面依法治区委员会2021年第一次会议", heldOn = "2021-03-10", place = "区委第一会议室", attendees = "委员会组成人员",
            agenda = "审议年度工作要点", decisions = new[] { "推行行政执法公示制度", "开展法治督察" },
        }), HttpStatusCode.Created);
        await OkAsync(await office.PostAsJsonAsync($"/api/v1/legality/office/meetings/{m.GetProperty("id").GetInt64()}/decisions/1/task",
            new { ownerCode = "371002-SCJG", dueOn = "2021-06-30", year = 2021 }), HttpStatusCode.Created);
        await OkAsync(await office.PostAsJsonAsync("/api/v1/legality/office/meetings", new
        {
            kind = "协调小组会议", title = "执法协调小组2021年调度会", heldOn = "2021-05-20", attendees = "协调小组成员", agenda = "调度执法三项制度",
        }), HttpStatusCode.Created);

        var (headers, rows) = await SheetAsync(await office.GetAsync("/api/v1/legality/office/meetings/export?year=2021&kind=依法治区委员会会议"));
        headers.ShouldBe(["日期", "会议类别", "会议名称", "地点", "出席人员", "议程", "议定事项", "议定事项数", "列为工作要点任务", "任务数"]);
        rows.Count.ShouldBe(1); // the kind filter leaves the 协调小组 meeting out
        rows[0]["日期"].ShouldBe(new DateTime(2021, 3, 10));
        rows[0]["会议类别"].ShouldBe("依法治区委员会会议");
        rows[0]["议定事项"]!.ToString()!.ShouldContain("2. 开展法治督察");
        Convert.ToInt32(rows[0]["议定事项数"], CultureInfo.InvariantCulture).ShouldBe(2);
        rows[0]["列为工作要点任务"]!.ToString()!.ShouldStartWith("第1项 → 2021年第");
        Convert.ToInt32(rows[0]["任务数"], CultureInfo.InvariantCulture).ShouldBe(1);
        (await SheetAsync(await office.GetAsync("/api/v1/legality/office/meetings/export?year=2021"))).Rows.Count.ShouldBe(2);
        var none = await SheetAsync(await office.GetAsync("/api/v1/legality/office/meetings/export?q=没有这个会议"));
        none.Rows.Count.ShouldBe(0);
        none.Headers.ShouldBe(headers); // the headers stay when nothing matches

        await OkAsync(await office.PostAsJsonAsync("/api/v1/legality/office/inspections", new
        {
            kind = "实地督察", title = "2021年市场监管领域法治督察", orgCode = "371002-SCJG", heldOn = "2021-04-08", findings = "执法公示不及时",
            items = new object[] { new { text = "补齐执法公示", dueOn = "2021-05-08" }, new { text = "完善法制审核目录", dueOn = "2021-06-08" } },
        }), HttpStatusCode.Created);
        await OkAsync(await office.PostAsJsonAsync("/api/v1/legality/office/inspections", new
        {
            kind = "书面督察", title = "2021年街道法治建设书面督察", orgCode = "371002001", heldOn = "2021-04-09", findings = "无明显问题",
        }), HttpStatusCode.Created);
        var inspections = await OkAsync(await office.GetAsync("/api/v1/legality/office/inspections?q=市场监管"));
        var inspectionId = inspections.GetProperty("items")[0].GetProperty("id").GetInt64();
        await OkAsync(await office.PostAsJsonAsync($"/api/v1/legality/office/inspections/{inspectionId}/items/1/done", new { on = "2021-05-06", result = "已补齐公示" }));

        (headers, rows) = await SheetAsync(await office.GetAsync("/api/v1/legality/office/inspections/export?kind=实地督察"));
        headers.ShouldBe(["督察日期", "督察方式", "督察名称", "被督察单位", "发现问题", "整改序号", "整改事项", "整改时限", "完成日期", "整改情况", "整改状态"]);
        rows.Count.ShouldBe(2); // one row per 整改事项
        rows[0]["督察日期"].ShouldBe(new DateTime(2021, 4, 8));
        rows[0]["被督察单位"].ShouldBe("环翠区市场监督管理局");
        rows[0]["整改时限"].ShouldBe(new DateTime(2021, 5, 8));
        rows[0]["完成日期"].ShouldBe(new DateTime(2021, 5, 6));
        rows[0]["整改状态"].ShouldBe("已完成");
        rows[1]["完成日期"].ShouldBeNull();
        rows[1]["整改状态"].ShouldBe("超期");
        (await SheetAsync(await office.GetAsync("/api/v1/legality/office/inspections/export?kind=书面督察"))).Rows.Single()["整改事项"].ShouldBeNull();
        (await SheetAsync(await office.GetAsync("/api/v1/legality/office/inspections/export?state=overdue"))).Rows.Count.ShouldBe(2);
        // Scope: the department exports its own 督察 only.
        (await SheetAsync(await (await app.ApiAsAsync(Urban)).GetAsync("/api/v1/legality/office/inspections/export"))).Rows.Count.ShouldBe(0);

        await OkAsync(await office.PostAsJsonAsync("/api/v1/legality/office/law-reports", new
        {
            orgCode = "371002-SCJG", person = "张某", position = "局长", occasion = "2021年度区委全会述法", on = "2021-12-28", evaluation = "好",
        }), HttpStatusCode.Created);
        await OkAsync(await office.PostAsJsonAsync("/api/v1/legality/office/law-reports", new
        {
            orgCode = "371002-ZHZF", person = "李某", position = "局长", occasion = "2021年度年终述职会", on = "2021-12-30",
        }), HttpStatusCode.Created);
        (headers, rows) = await SheetAsync(await office.GetAsync("/api/v1/legality/office/law-reports/export?q=区委全会&year=2021"));
        headers.ShouldBe(["日期", "单位", "述法人", "职务", "述法场合", "评议结果"]);
        rows.Count.ShouldBe(1);
        rows[0]["日期"].ShouldBe(new DateTime(2021, 12, 28));
        rows[0]["述法人"].ShouldBe("张某");
        rows[0]["单位"].ShouldBe("环翠区市场监督管理局");

        // 述法 by 单位 and 年度: the list, its export and the page's filters.
        var byUnit = await OkAsync(await office.GetAsync("/api/v1/legality/office/law-reports?org=371002-ZHZF&year=2021"));
        byUnit.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("person").GetString()).ShouldBe(["李某"]);
        (await SheetAsync(await office.GetAsync("/api/v1/legality/office/law-reports/export?org=371002-SCJG&year=2022"))).Rows.Count.ShouldBe(0);
        (await SheetAsync(await office.GetAsync("/api/v1/legality/office/law-reports/export?org=371002-SCJG&year=2021"))).Rows.Single()["述法人"].ShouldBe("张某");
        var page = await (await app.BrowserAsAsync(Office)).GetStringAsync("/legality/office/reports?lawOrg=371002-ZHZF&lawYear=2021");
        page.ShouldContain("2021年度年终述职会");
        page.ShouldNotContain("2021年度区委全会述法");
    }

    [Fact]
    public async Task The_indicator_set_is_edited_under_its_rules_and_a_scored_quarter_keeps_its_ranking()
    {
        var office = await app.ApiAsAsync(Office);
        async Task<long> Add(object body) => (await OkAsync(await office.PostAsJsonAsync("/api/v1/legality/office/indicators", body), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var a = await Add(new { year = 2020, name = "依法决策", maxScore = 60, evidence = "会议纪要" });
        var b = await Add(new { year = 2020, name = "规范执法", maxScore = 40, appliesTo = "部门" });
        var c = await Add(new { year = 2020, name = "基层法治", maxScore = 40, appliesTo = "镇街" });

        // Bad input, each named by its field, nothing written.
        (await (await office.PostAsJsonAsync("/api/v1/legality/office/indicators", new { year = 2020, name = " 依法决策 ", maxScore = 1, appliesTo = "镇街" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "name")).GetProperty("errors").GetProperty("name")[0].GetString().ShouldBe("2020年度已有名为“依法决策”的指标");
        (await (await office.PostAsJsonAsync("/api/v1/legality/office/indicators", new { year = 2020, name = "负分", maxScore = -5 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "maxScore")).GetProperty("errors").GetProperty("maxScore")[0].GetString().ShouldBe("分值不能为负数");
        (await (await office.PostAsJsonAsync("/api/v1/legality/office/indicators", new { year = 2020, name = "超额", maxScore = 1, appliesTo = "部门" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "maxScore")).GetProperty("errors").GetProperty("maxScore")[0].GetString().ShouldBe("部门适用的指标分值合计101分，超过满分100分");
        await (await office.PostAsJsonAsync("/api/v1/legality/office/indicators", new { year = 2020, name = "x", maxScore = 1, appliesTo = "街道和部门" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "appliesTo");
        (await (await app.ApiAsAsync(Market)).PostAsJsonAsync("/api/v1/legality/office/indicators", new { year = 2020, name = "y", maxScore = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await OkAsync(await office.GetAsync("/api/v1/legality/office/indicators?year=2020"))).GetArrayLength().ShouldBe(3);

        // A town is not scored on a departments-only indicator.
        await (await office.PostAsJsonAsync("/api/v1/legality/office/scores", new
        {
            orgCode = "371002001", year = 2020, quarter = 1, on = "2020-03-31", scores = new object[] { new { indicatorId = b, score = 30 } },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "scores[0].indicatorId");
        await OkAsync(await office.PostAsJsonAsync("/api/v1/legality/office/scores", new
        {
            orgCode = "371002-SCJG", year = 2020, quarter = 1, on = "2020-03-31", scores = new object[] { new { indicatorId = a, score = 55 }, new { indicatorId = b, score = 38 } },
        }));
        await OkAsync(await office.PostAsJsonAsync("/api/v1/legality/office/scores", new
        {
            orgCode = "371002001", year = 2020, quarter = 1, on = "2020-03-31", scores = new object[] { new { indicatorId = a, score = 50 } },
        }));
        var ranking = await OkAsync(await office.GetAsync("/api/v1/legality/office/ranking?year=2020&quarter=1"));
        ranking.GetProperty("maxTotal").GetDecimal().ShouldBe(100m);
        ranking.GetProperty("rows")[0].GetProperty("total").GetDecimal().ShouldBe(93m);

        // Scored: name, 分值 and 适用对象 are fixed; the 佐证材料要求 is not. Unscored: editable within the 满分.
        (await (await office.PutAsJsonAsync($"/api/v1/legality/office/indicators/{a}", new { name = "依法科学民主决策" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "name"))
            .GetProperty("errors").GetProperty("name")[0].GetString()!.ShouldContain("已用于评分（2项得分）");
        await (await office.PutAsJsonAsync($"/api/v1/legality/office/indicators/{a}", new { maxScore = 70 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "maxScore");
        await (await office.PutAsJsonAsync($"/api/v1/legality/office/indicators/{b}", new { appliesTo = "部门和镇街" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "appliesTo");
        (await OkAsync(await office.PutAsJsonAsync($"/api/v1/legality/office/indicators/{a}", new { evidence = "会议纪要、决策目录" }))).GetProperty("evidence").GetString().ShouldBe("会议纪要、决策目录");
        await (await office.PutAsJsonAsync($"/api/v1/legality/office/indicators/{c}", new { maxScore = 41 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "maxScore"); // 60 + 41 > 100 for 镇街
        (await OkAsync(await office.PutAsJsonAsync($"/api/v1/legality/office/indicators/{c}", new { name = "基层法治建设", maxScore = 40 }))).GetProperty("name").GetString().ShouldBe("基层法治建设");

        // Disabled and replaced: the scored quarter keeps its 满分 and totals; the disabled one is not scored again, the new
        // one is scored from the next quarter.
        (await OkAsync(await office.PutAsJsonAsync($"/api/v1/legality/office/indicators/{b}", new { active = false }))).GetProperty("isActive").GetBoolean().ShouldBeFalse();
        var e = await Add(new { year = 2020, name = "严格规范公正文明执法", maxScore = 40, appliesTo = "部门" });
        ranking = await OkAsync(await office.GetAsync("/api/v1/legality/office/ranking?year=2020&quarter=1"));
        ranking.GetProperty("maxTotal").GetDecimal().ShouldBe(100m);
        ranking.GetProperty("rows")[0].GetProperty("total").GetDecimal().ShouldBe(93m);
        (await OkAsync(await office.GetAsync("/api/v1/legality/office/scores?org=371002-SCJG&year=2020&quarter=1"))).EnumerateArray()
            .Select(s => s.GetProperty("indicator").GetString()).ShouldBe(["依法决策", "规范执法"]);
        (await (await office.PostAsJsonAsync("/api/v1/legality/office/scores", new
        {
            orgCode = "371002-SCJG", year = 2020, quarter = 2, on = "2020-06-30", scores = new object[] { new { indicatorId = b, score = 30 } },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "scores[0].indicatorId")).GetProperty("errors").GetProperty("scores[0].indicatorId")[0].GetString()
            .ShouldBe("“规范执法”已停用，第2季度起不再评分");
        await (await office.PostAsJsonAsync("/api/v1/legality/office/scores", new
        {
            orgCode = "371002-ZHZF", year = 2020, quarter = 1, on = "2020-03-31", scores = new object[] { new { indicatorId = e, score = 30 } },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "scores[0].indicatorId");
        await OkAsync(await office.PostAsJsonAsync("/api/v1/legality/office/scores", new
        {
            orgCode = "371002-SCJG", year = 2020, quarter = 2, on = "2020-06-30", scores = new object[] { new { indicatorId = a, score = 58 }, new { indicatorId = e, score = 39 } },
        }));
        var q2 = await OkAsync(await office.GetAsync("/api/v1/legality/office/ranking?year=2020&quarter=2"));
        q2.GetProperty("rows")[0].GetProperty("total").GetDecimal().ShouldBe(97m);
        q2.GetProperty("maxTotal").GetDecimal().ShouldBe(100m);
        // Re-enabling the replaced one would put the departments over the 满分.
        await (await office.PutAsJsonAsync($"/api/v1/legality/office/indicators/{b}", new { active = true })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "active");

        // The page shows the set with its totals, and refuses through the form in Chinese.
        var browser = await app.BrowserAsAsync(Office);
        var html = await browser.GetStringAsync("/legality/office/indicators?year=2020");
        html.ShouldContain("严格规范公正文明执法");
        html.ShouldContain("已用于评分");
        var post = await browser.PostAsync("/legality/office/indicators?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["year"] = "2020", ["name"] = "依法决策", ["maxScore"] = "1", ["appliesTo"] = "Towns",
            ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(html),
        }));
        post.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await post.Content.ReadAsStringAsync()).ShouldContain("2020年度已有名为“依法决策”的指标");
        (await OkAsync(await office.GetAsync("/api/v1/legality/office/indicators?year=2020"))).GetArrayLength().ShouldBe(4);
    }

    [Fact]
    public async Task A_supervision_notice_is_issued_on_an_overdue_or_at_risk_task_numbered_recorded_and_written_as_docx()
    {
        var office = await app.ApiAsAsync(Office);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8));
        string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        async Task<long> Task(string title, DateOnly due) => (await OkAsync(await office.PostAsJsonAsync("/api/v1/legality/office/tasks",
            new { title, ownerCode = "371002-SCJG", dueOn = Iso(due), year = today.Year }), HttpStatusCode.Created)).GetProperty("row").GetProperty("id").GetInt64();
        var overdue = await Task("建立涉企行政检查备案制度", today.AddDays(-10));
        var dueToday = await Task("公布行政执法事项清单", today);
        var onTrack = await Task("开展行政执法案卷评查", today.AddDays(60));

        // On track: no notice; bad input named by field; the department cannot issue one.
        (await (await office.PostAsJsonAsync($"/api/v1/legality/office/tasks/{onTrack}/notices", new { requirement = "请加快推进" })).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString()!.ShouldContain("既未超期也未临近到期");
        await (await office.PostAsJsonAsync($"/api/v1/legality/office/tasks/{overdue}/notices", new { requirement = " " })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "requirement");
        await (await office.PostAsJsonAsync($"/api/v1/legality/office/tasks/{overdue}/notices", new { requirement = "x", on = Iso(today), replyBy = Iso(today.AddDays(-1)) }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "replyBy");
        await (await office.PostAsJsonAsync($"/api/v1/legality/office/tasks/{overdue}/notices", new { requirement = "x", on = Iso(today.AddDays(1)) }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "on");
        var dept = await app.ApiAsAsync(Market);
        (await dept.PostAsJsonAsync($"/api/v1/legality/office/tasks/{overdue}/notices", new { requirement = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await OkAsync(await office.GetAsync($"/api/v1/legality/office/tasks/{overdue}"))).GetProperty("row").GetProperty("supervisions").GetInt32().ShouldBe(0);

        var first = await OkAsync(await office.PostAsJsonAsync($"/api/v1/legality/office/tasks/{overdue}/notices",
            new { requirement = "请于5个工作日内印发备案制度", replyBy = Iso(today.AddDays(7)) }), HttpStatusCode.Created);
        first.GetProperty("number").GetString().ShouldBe($"环翠依法治办督〔{today.Year}〕1号");
        first.GetProperty("taskState").GetString().ShouldBe("超期");
        var second = await OkAsync(await office.PostAsJsonAsync($"/api/v1/legality/office/tasks/{dueToday}/notices", new { requirement = "请确保按期公布" }), HttpStatusCode.Created);
        second.GetProperty("number").GetString().ShouldBe($"环翠依法治办督〔{today.Year}〕2号");
        second.GetProperty("taskState").GetString().ShouldBe("即将到期");

        // Recorded on the task: a 督办 entry naming the 文号, the count; the owner is told and can read the notice.
        var task = await OkAsync(await dept.GetAsync($"/api/v1/legality/office/tasks/{overdue}"));
        task.GetProperty("row").GetProperty("supervisions").GetInt32().ShouldBe(1);
        task.GetProperty("entries").EnumerateArray().Single(x => x.GetProperty("kind").GetString() == "Supervision").GetProperty("text").GetString()!
            .ShouldStartWith($"印发督办通知（环翠依法治办督〔{today.Year}〕1号）：请于5个工作日内印发备案制度");
        var messages = new List<Message>();
        await app.WithDbAsync(async db => messages = await db.Set<Message>().AsNoTracking().Where(x => x.Recipient == Market && x.Title == "督办通知：建立涉企行政检查备案制度").ToListAsync());
        messages.Count.ShouldBe(1);
        var list = await OkAsync(await dept.GetAsync($"/api/v1/legality/office/tasks/{overdue}/notices"));
        list.GetArrayLength().ShouldBe(1);
        var file = await dept.GetAsync(list[0].GetProperty("href").GetString());
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        string text;
        using (var zip = new ZipArchive(new MemoryStream(await file.Content.ReadAsByteArrayAsync())))
        using (var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open()))
            text = System.Text.RegularExpressions.Regex.Replace(await reader.ReadToEndAsync(), "<[^>]+>", "");
        text.ShouldContain("督办通知");
        text.ShouldContain($"环翠依法治办督〔{today.Year}〕1号");
        text.ShouldContain("环翠区市场监督管理局：");
        text.ShouldContain("“建立涉企行政检查备案制度”由你单位牵头落实");
        var due = today.AddDays(-10);
        text.ShouldContain($"完成时限为{due.Year}年{due.Month}月{due.Day}日");
        text.ShouldContain("已超过完成时限10日");
        text.ShouldContain("一、请于5个工作日内印发备案制度。");
        var reply = today.AddDays(7);
        text.ShouldContain($"二、于{reply.Year}年{reply.Month}月{reply.Day}日前");
        text.ShouldContain("中共环翠区委全面依法治区委员会办公室");
        // Another department sees neither the task nor its notice.
        (await (await app.ApiAsAsync(Urban)).GetAsync(list[0].GetProperty("href").GetString())).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Done: no more notices.
        await OkAsync(await dept.PostAsJsonAsync($"/api/v1/legality/office/tasks/{overdue}/complete", new { text = "制度已印发" }));
        await (await office.PostAsJsonAsync($"/api/v1/legality/office/tasks/{overdue}/notices", new { requirement = "x" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }
}

public sealed class LegalityOfficeDeskTestsOnSqlite(SqliteFactory app) : LegalityOfficeDeskTests(app), IClassFixture<SqliteFactory>;

public sealed class LegalityOfficeDeskTestsOnPostgres(PostgresFactory app) : LegalityOfficeDeskTests(app), IClassFixture<PostgresFactory>;
