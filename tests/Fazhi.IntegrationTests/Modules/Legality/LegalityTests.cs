using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Documents;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Modules.Legality.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Fazhi.IntegrationTests.Modules.Legality;

/// <summary>
/// 合法性审查 through the real pipeline: a department submits, the 法制审核科 reviews with a 补充材料 pause, comments clause by
/// clause, issues the numbered 审核意见书 (.docx), the department answers adoption (an unknown comment refused, nothing
/// written), the matter closes; scope (own unit, the bureau's area, another district nothing); the 规范性文件 lifecycle
/// with a late filing, the expiry timer and a 清理; contracts; and [002]'s figures with 同比.
/// </summary>
public abstract class LegalityTests(FazhiFactory app)
{
    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<JsonElement> ActAsync(HttpClient c, long id, string role, string action, object body) =>
        await OkAsync(await c.PostAsJsonAsync($"/api/v1/legality/matters/{id}/{role}/{action}", body));

    [Fact]
    public async Task A_submission_is_reviewed_with_a_pause_answered_comment_by_comment_and_closed_within_scope()
    {
        var dept = await app.ApiAsAsync("huancui-scjg");
        var reviewer = await app.ApiAsAsync("huancui-fzsh");
        var m = await OkAsync(await dept.PostAsJsonAsync("/api/v1/legality/matters",
            new { kind = "合同", title = "环翠区食品快检服务采购合同", summary = "请审查", submittedOn = "2024-09-20" }), HttpStatusCode.Created);
        var id = m.GetProperty("id").GetInt64();
        m.GetProperty("statusName").GetString().ShouldBe("已送审");
        m.GetProperty("reviewBody").GetString().ShouldBe("环翠区司法局");

        // Scope: another department and another district do not see it; the bureau does.
        (await (await app.ApiAsAsync("huancui-zhzf")).GetAsync($"/api/v1/legality/matters/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var other = await app.ApiAsAsync("rongcheng-fzsh");
        (await other.GetAsync($"/api/v1/legality/matters/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsJsonAsync($"/api/v1/legality/matters/{id}/review/receive", new { on = "2024-09-23" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await OkAsync(await other.GetAsync("/api/v1/legality/matters?q=食品快检"))).GetProperty("total").GetInt32().ShouldBe(0);
        // The submitter may not review its own matter.
        (await dept.PostAsJsonAsync($"/api/v1/legality/matters/{id}/review/receive", new { on = "2024-09-23" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        m = await ActAsync(reviewer, id, "review", "receive", new { on = "2024-09-23" });
        m.GetProperty("number").GetString()!.ShouldStartWith("环翠法审〔2024〕");
        m = await ActAsync(reviewer, id, "review", "assign", new { on = "2024-09-23", reviewer = "huancui-fzsh", advisers = "王律师" });
        m.GetProperty("deadlines")[0].GetProperty("due").GetString().ShouldBe("2024-09-29");
        m = await ActAsync(reviewer, id, "review", "request-materials", new { on = "2024-09-25", note = "预算批复文件" });
        m.GetProperty("deadlines")[0].GetProperty("stateName").GetString().ShouldBe("暂停计时");
        m = await ActAsync(reviewer, id, "review", "receive-materials", new { on = "2024-09-27" });
        m.GetProperty("deadlines")[0].GetProperty("due").GetString().ShouldBe("2024-10-08");
        await (await reviewer.PostAsJsonAsync($"/api/v1/legality/matters/{id}/comment/add-comment", new { on = "2024-09-29", clause = " ", text = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "clause");
        await ActAsync(reviewer, id, "comment", "add-comment", new { on = "2024-09-29", clause = "第八条", text = "违约责任约定不对等，应增加乙方违约金条款" });
        await ActAsync(reviewer, id, "comment", "add-comment", new { on = "2024-09-29", clause = "第十二条", text = "争议解决应约定由甲方所在地人民法院管辖" });
        m = await ActAsync(reviewer, id, "review", "issue-opinion", new { on = "2024-09-30", conclusion = "修改后合法" });
        m.GetProperty("opinionNumber").GetString()!.ShouldStartWith("环翠法审意〔2024〕");
        m.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("to").GetString()).ShouldContain("已出具意见");

        // The 审核意见书: a .docx per GB/T 9704 with each comment and its clause; the department can download it.
        var docx = await dept.GetAsync($"/api/v1/legality/matters/{id}/opinion");
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await docx.Content.ReadAsByteArrayAsync();
        var text = string.Join("\n", OfficialDocument.ReadParagraphs(bytes));
        text.ShouldContain("合法性审查意见书");
        text.ShouldContain("一、关于第八条");
        text.ShouldContain("二、关于第十二条");
        text.ShouldContain("修改后合法");
        await File.WriteAllBytesAsync(Path.Combine(Path.GetTempPath(), $"legality-opinion-{app.Provider}.docx"), bytes);

        // An answer for comment 3 (there are two) is refused, naming it; nothing is recorded.
        var bad = await dept.PostAsJsonAsync($"/api/v1/legality/matters/{id}/submitter/record-adoption",
            new { on = "2024-10-08", answers = new object[] { new { seq = 1, adoption = "采纳" }, new { seq = 3, adoption = "采纳" } } });
        var problem = await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "answers[1].seq");
        problem.GetProperty("errors").GetProperty("answers[1].seq")[0].GetString()!.ShouldContain("没有第3条");
        (await OkAsync(await dept.GetAsync($"/api/v1/legality/matters/{id}"))).GetProperty("comments").EnumerateArray()
            .ShouldAllBe(c => c.GetProperty("adoption").ValueKind == JsonValueKind.Null);
        (await reviewer.PostAsJsonAsync($"/api/v1/legality/matters/{id}/review/close", new { on = "2024-10-08" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await ActAsync(dept, id, "submitter", "record-adoption", new
        {
            on = "2024-10-08",
            answers = new object[] { new { seq = 1, adoption = "采纳" }, new { seq = 2, adoption = "不采纳", reason = "双方已约定仲裁，符合法律规定" } },
        });
        m = await ActAsync(reviewer, id, "review", "close", new { on = "2024-10-09" });
        m.GetProperty("statusName").GetString().ShouldBe("已办结");
        m.GetProperty("events").GetArrayLength().ShouldBe(10);

        var list = await OkAsync(await reviewer.GetAsync("/api/v1/legality/matters?kind=Contract&q=食品快检"));
        list.GetProperty("total").GetInt32().ShouldBe(1);
        list.GetProperty("items")[0].GetProperty("answered").GetInt32().ShouldBe(2);
        var export = await reviewer.GetAsync("/api/v1/legality/matters/export?q=食品快检");
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    [Fact]
    public async Task A_normative_document_goes_from_plan_to_late_filing_expires_by_its_timer_and_a_cleanup_repeals()
    {
        var dept = await app.ApiAsAsync("huancui-zhzf");
        var reviewer = await app.ApiAsAsync("huancui-fzsh");
        var d = await OkAsync(await dept.PostAsJsonAsync("/api/v1/legality/documents", new { title = "环翠区户外广告设置管理办法", level = "政府规范性文件", planYear = 2024 }), HttpStatusCode.Created);
        var id = d.GetProperty("row").GetProperty("id").GetInt64();
        await OkAsync(await dept.PostAsJsonAsync($"/api/v1/legality/documents/{id}/steps/start-drafting", new { on = "2024-03-01" }));
        (await dept.PostAsJsonAsync($"/api/v1/legality/documents/{id}/steps/deliberate", new { on = "2024-03-02", meeting = "常务会议" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        d = await OkAsync(await dept.PostAsJsonAsync($"/api/v1/legality/documents/{id}/steps/submit-for-review", new { on = "2024-04-01", summary = "起草说明" }));
        var matter = d.GetProperty("row").GetProperty("reviewMatterId").GetInt64();
        // Deliberation needs the review's opinion (第二十五条 applied to 规范性文件).
        (await dept.PostAsJsonAsync($"/api/v1/legality/documents/{id}/steps/deliberate", new { on = "2024-04-02", meeting = "常务会议" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await ActAsync(reviewer, matter, "review", "receive", new { on = "2024-04-02" });
        await ActAsync(reviewer, matter, "review", "assign", new { on = "2024-04-02", reviewer = "huancui-fzsh" });
        await ActAsync(reviewer, matter, "review", "issue-opinion", new { on = "2024-04-10", conclusion = "合法" });
        await OkAsync(await dept.PostAsJsonAsync($"/api/v1/legality/documents/{id}/steps/deliberate", new { on = "2024-05-06", meeting = "区政府第8次常务会议" }));
        d = await OkAsync(await dept.PostAsJsonAsync($"/api/v1/legality/documents/{id}/steps/publish",
            new { on = "2024-09-01", documentNumber = "威环政规〔2024〕3号", validUntil = "2024-12-31" }));
        d.GetProperty("deadlines").EnumerateArray().First(x => x.GetProperty("kind").GetString() == "file-government").GetProperty("due").GetString().ShouldBe("2024-10-08");
        // The department cannot register filings; the bureau can: on the last day in time, a day later accepted and flagged late.
        (await dept.PostAsJsonAsync($"/api/v1/legality/documents/{id}/filings/file-with-government", new { on = "2024-10-08" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await OkAsync(await reviewer.PostAsJsonAsync($"/api/v1/legality/documents/{id}/filings/file-with-government", new { on = "2024-10-08" }));
        d = await OkAsync(await reviewer.PostAsJsonAsync($"/api/v1/legality/documents/{id}/filings/file-with-congress", new { on = "2024-10-09" }));
        d.GetProperty("row").GetProperty("filedWithGovernmentLate").GetBoolean().ShouldBeFalse();
        d.GetProperty("row").GetProperty("filedWithCongressLate").GetBoolean().ShouldBeTrue();

        // The public register lists it without sign-in.
        var anonymous = app.CreateClient();
        var register = await OkAsync(await anonymous.GetAsync("/api/v1/public/legality/register/371002"));
        register.GetProperty("documents").EnumerateArray().Select(x => x.GetProperty("documentNumber").GetString()).ShouldContain("威环政规〔2024〕3号");

        // The expiry timer: nothing the last day of 有效期, 失效 the day after.
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        await TimerJob.RunOnceAsync(scopes, new DateOnly(2024, 12, 31), CancellationToken.None);
        (await OkAsync(await reviewer.GetAsync($"/api/v1/legality/documents/{id}"))).GetProperty("row").GetProperty("statusName").GetString().ShouldBe("已公布");
        await TimerJob.RunOnceAsync(scopes, new DateOnly(2025, 1, 1), CancellationToken.None);
        d = await OkAsync(await reviewer.GetAsync($"/api/v1/legality/documents/{id}"));
        d.GetProperty("row").GetProperty("statusName").GetString().ShouldBe("已失效");
        d.GetProperty("events").EnumerateArray().Last().GetProperty("note").GetString()!.ShouldContain("自动失效");

        // 清理: every document in force, each decided; closing repeals those marked 废止.
        var office = await app.ApiAsAsync("huancui-yfzq");
        var inForce = (await OkAsync(await office.GetAsync("/api/v1/legality/documents?inForce=true&size=200"))).GetProperty("items").EnumerateArray()
            .Select(x => x.GetProperty("id").GetInt64()).ToList();
        inForce.ShouldNotBeEmpty();
        var c = await OkAsync(await office.PostAsJsonAsync("/api/v1/legality/cleanups", new { title = "2024年度规范性文件清理" }), HttpStatusCode.Created);
        var cid = c.GetProperty("id").GetInt64();
        c.GetProperty("items").GetArrayLength().ShouldBe(inForce.Count);
        (await office.PostAsJsonAsync($"/api/v1/legality/cleanups/{cid}/close", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await (await office.PostAsJsonAsync($"/api/v1/legality/cleanups/{cid}/decisions", new { documentId = inForce[0], decision = "废止" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "note");
        for (var i = 0; i < inForce.Count; i++)
            await OkAsync(await office.PostAsJsonAsync($"/api/v1/legality/cleanups/{cid}/decisions",
                new { documentId = inForce[i], decision = i == 0 ? "废止" : "继续有效", note = i == 0 ? "上位法已修改" : null }));
        await OkAsync(await office.PostAsJsonAsync($"/api/v1/legality/cleanups/{cid}/close", new { }));
        (await OkAsync(await office.GetAsync($"/api/v1/legality/documents/{inForce[0]}"))).GetProperty("row").GetProperty("statusName").GetString().ShouldBe("已废止");
    }

    [Fact]
    public async Task A_contract_ending_before_it_starts_is_refused_and_one_is_filed_only_after_its_review()
    {
        var dept = await app.ApiAsAsync("huancui-scjg");
        var bad = await dept.PostAsJsonAsync("/api/v1/legality/contracts", new
        {
            kind = "机关事业单位合同", code = "T-001", name = "测试合同", counterparty = "某公司", amount = 1000, startOn = "2024-05-01", endOn = "2024-04-30",
        });
        (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "endOn")).GetProperty("errors").GetProperty("endOn")[0].GetString()!.ShouldContain("早于起始日期");
        (await OkAsync(await dept.GetAsync("/api/v1/legality/contracts?q=T-001"))).GetProperty("total").GetInt32().ShouldBe(0);
        (await OkAsync(await dept.GetAsync("/api/v1/legality/matters?q=测试合同"))).GetProperty("total").GetInt32().ShouldBe(0);

        var c = await OkAsync(await dept.PostAsJsonAsync("/api/v1/legality/contracts", new
        {
            kind = "招商引资合同", code = "T-002", name = "测试投资合同", counterparty = "某公司", amount = 5_000_000.5m, startOn = "2024-05-01", endOn = "2034-04-30",
        }), HttpStatusCode.Created);
        var cid = c.GetProperty("id").GetInt64();
        var matter = c.GetProperty("reviewMatterId").GetInt64();
        (await dept.PostAsJsonAsync($"/api/v1/legality/contracts/{cid}/file", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var reviewer = await app.ApiAsAsync("huancui-fzsh");
        await ActAsync(reviewer, matter, "review", "receive", new { });
        await ActAsync(reviewer, matter, "review", "assign", new { reviewer = "huancui-fzsh" });
        await ActAsync(reviewer, matter, "review", "issue-opinion", new { conclusion = "合法" });
        var filed = await OkAsync(await dept.PostAsJsonAsync($"/api/v1/legality/contracts/{cid}/file", new { }));
        filed.GetProperty("filedOn").ValueKind.ShouldBe(JsonValueKind.String);
        (await OkAsync(await dept.GetAsync("/api/v1/legality/contracts?q=T-002"))).GetProperty("items")[0].GetProperty("statusName").GetString().ShouldBe("已备案");
        filed.GetProperty("amount").GetDecimal().ShouldBe(5_000_000.5m); // a DTO in 元 (no longer the entity's amountFen)
    }

    [Fact]
    public async Task The_figures_reproduce_rongchengs_2022_documents_with_their_year_on_year_change()
    {
        // [002]: 2022 six government documents (同比 −40%, so ten in 2021) and 26 departmental (−13.3%, so 30 in 2021),
        // all reviewed and filed. Crafted records under 荣成市 (its departments and its own government).
        await app.WithDbAsync(async db =>
        {
            var market = await db.OrgUnits.FirstAsync(o => o.Code == "371082-SCJG");
            var urban = await db.OrgUnits.FirstAsync(o => o.Code == "371082-ZHZF");
            void Add(DocumentLevel level, int year, int count)
            {
                for (var i = 0; i < count; i++)
                {
                    var on = new DateOnly(year, 1 + i % 12, 10);
                    db.Set<NormativeDocument>().Add(new NormativeDocument
                    {
                        OrgUnitId = (i % 2 == 0 ? market : urban).Id, Level = level, Title = $"荣成{year}{level}{i}", PlanYear = year, Status = DocumentStatus.Published,
                        DocumentNumber = $"荣{year}-{level}-{i}", PublishedOn = on, ValidUntil = on.AddYears(5), FiledWithGovernmentOn = on.AddDays(10),
                        FiledWithCongressOn = level == DocumentLevel.Government ? on.AddDays(10) : null,
                    });
                }
            }
            Add(DocumentLevel.Government, 2022, 6);
            Add(DocumentLevel.Government, 2021, 10);
            Add(DocumentLevel.Department, 2022, 26);
            Add(DocumentLevel.Department, 2021, 30);
            await db.SaveChangesAsync();
        });
        var rongcheng = await app.ApiAsAsync("rongcheng-fzsh");
        var stats = await OkAsync(await rongcheng.GetAsync("/api/v1/legality/stats?org=371082&from=2022-01-01&to=2022-12-31"));
        stats.GetProperty("current").GetProperty("governmentDocuments").GetInt32().ShouldBe(6);
        stats.GetProperty("previous").GetProperty("governmentDocuments").GetInt32().ShouldBe(10);
        stats.GetProperty("change").GetProperty("governmentDocuments").GetDecimal().ShouldBe(-40.00m);
        stats.GetProperty("current").GetProperty("departmentDocuments").GetInt32().ShouldBe(26);
        stats.GetProperty("previous").GetProperty("departmentDocuments").GetInt32().ShouldBe(30);
        Math.Round(stats.GetProperty("change").GetProperty("departmentDocuments").GetDecimal(), 1).ShouldBe(-13.3m);
        stats.GetProperty("previousFrom").GetString().ShouldBe("2021-01-01");
        // 环翠区's bureau does not see 荣成's records; the 12345 rulings are 0 until that module is wired.
        var huancui = await OkAsync(await (await app.ApiAsAsync("huancui-fzsh")).GetAsync("/api/v1/legality/stats?from=2022-01-01&to=2022-12-31"));
        huancui.GetProperty("current").GetProperty("governmentDocuments").GetInt32().ShouldBe(0);
        huancui.GetProperty("current").GetProperty("rulings").GetInt32().ShouldBe(0);
        (await (await app.ApiAsAsync("huancui-fzsh")).GetAsync("/api/v1/legality/stats?org=371082&from=2022-01-01&to=2022-12-31")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_meeting_topic_names_its_meeting_and_a_request_for_comment_its_source_listed_filtered_exported_and_counted_apart()
    {
        // [003] counts 常务会 and 专题会 议题 apart, [000] 立法调研 and 配合部门 征求意见 apart: the kind alone cannot say which.
        var dept = await app.ApiAsAsync("huancui-scjg");
        async Task RefusedAsync(object body, string field, string says) =>
            (await (await dept.PostAsJsonAsync("/api/v1/legality/matters", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, field))
                .GetProperty("errors").GetProperty(field)[0].GetString()!.ShouldContain(says);
        await RefusedAsync(new { kind = "常务会/专题会议题", title = "会议议题甲", submittedOn = "2025-03-03" }, "meetingType", "须注明会议类型");
        await RefusedAsync(new { kind = "常务会/专题会议题", title = "会议议题甲", meetingType = "党组会", submittedOn = "2025-03-03" }, "meetingType", "“党组会”无法识别");
        await RefusedAsync(new { kind = "合同", title = "会议议题甲", meetingType = "专题会议", submittedOn = "2025-03-03" }, "meetingType", "“合同”事项不填");
        await RefusedAsync(new { kind = "征求意见", title = "会议议题甲", submittedOn = "2025-03-03" }, "commentSource", "须注明来源");
        await RefusedAsync(new { kind = "规范性文件", title = "会议议题甲", commentSource = "配合部门征求意见", submittedOn = "2025-03-03" }, "commentSource", "“规范性文件”事项不填");
        var reviewer = await app.ApiAsAsync("huancui-fzsh");
        (await OkAsync(await reviewer.GetAsync("/api/v1/legality/matters?q=会议议题甲"))).GetProperty("total").GetInt32().ShouldBe(0);

        async Task<JsonElement> SubmitAsync(object body) => await OkAsync(await dept.PostAsJsonAsync("/api/v1/legality/matters", body), HttpStatusCode.Created);
        var special = await SubmitAsync(new { kind = "常务会/专题会议题", title = "环翠区夜间经济专题会议议题", meetingType = "专题会", submittedOn = "2025-03-03" });
        (special.GetProperty("meetingType").GetString(), special.GetProperty("meetingTypeName").GetString()).ShouldBe(("Special", "专题会议"));
        special.GetProperty("commentSource").ValueKind.ShouldBe(JsonValueKind.Null);
        await SubmitAsync(new { kind = "常务会/专题会议题", title = "环翠区夜间经济常务会议题", meetingType = "政府常务会议", submittedOn = "2025-03-04" });
        await SubmitAsync(new { kind = "常务会/专题会议题", title = "环翠区夜间经济第二个专题会议题", meetingType = "Special", submittedOn = "2025-03-05" });
        var law = await SubmitAsync(new { kind = "征求意见", title = "威海市夜间经济促进条例（草案）征求意见", commentSource = "立法调研征求意见（法规规章草案）", submittedOn = "2025-03-06" });
        law.GetProperty("commentSourceName").GetString().ShouldBe("立法调研征求意见（法规规章草案）");
        await SubmitAsync(new { kind = "征求意见", title = "夜间经济配合部门征求意见", commentSource = "配合部门征求意见", submittedOn = "2025-03-07" });

        // The list filters by meeting type and source and shows them beside the kind; the export has the column.
        var list = await OkAsync(await reviewer.GetAsync("/api/v1/legality/matters?q=夜间经济&meetingType=专题会议"));
        list.GetProperty("total").GetInt32().ShouldBe(2);
        list.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("detail").GetString() == "专题会议");
        (await OkAsync(await reviewer.GetAsync("/api/v1/legality/matters?q=夜间经济&commentSource=Legislation"))).GetProperty("total").GetInt32().ShouldBe(1);
        var html = await (await app.BrowserAsAsync("huancui-fzsh")).GetStringAsync("/legality/matters?q=夜间经济&meetingType=Executive");
        (html.Contains("环翠区夜间经济常务会议题", StringComparison.Ordinal), html.Contains("专题会议议题", StringComparison.Ordinal)).ShouldBe((true, false));
        var export = await reviewer.GetAsync("/api/v1/legality/matters/export?q=夜间经济");
        var rows = new MemoryStream(await export.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Select(r => (string)r["会议类型/征求意见来源"]!).Order().ShouldBe(["专题会议", "专题会议", "政府常务会议", "立法调研征求意见（法规规章草案）", "配合部门征求意见"]);

        // The figures count them apart (the stats answer and the metric contract).
        var stats = (await OkAsync(await reviewer.GetAsync("/api/v1/legality/stats?org=371002&from=2025-03-01&to=2025-03-31"))).GetProperty("current");
        (stats.GetProperty("byMeeting").GetProperty("Executive").GetInt32(), stats.GetProperty("byMeeting").GetProperty("Special").GetInt32()).ShouldBe((1, 2));
        (stats.GetProperty("bySource").GetProperty("Legislation").GetInt32(), stats.GetProperty("bySource").GetProperty("Department").GetInt32()).ShouldBe((1, 1));
        var page = await (await app.BrowserAsAsync("huancui-fzsh")).GetStringAsync("/legality/stats?org=371002&from=2025-03-01&to=2025-03-31");
        page.ShouldContain("data-key=\"legality.meeting_topics\"");
        page.ShouldContain("立法调研征求意见（法规规章草案）");
    }
}

public sealed class LegalityTestsOnSqlite(SqliteFactory app) : LegalityTests(app), IClassFixture<SqliteFactory>;

public sealed class LegalityTestsOnPostgres(PostgresFactory app) : LegalityTests(app), IClassFixture<PostgresFactory>;
