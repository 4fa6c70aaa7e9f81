using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Modules.Legality.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Fazhi.IntegrationTests.Modules.Legality;

/// <summary>
/// 合同履约 (节点 timers with 站内消息 to the signing department, 违约, 到期提醒, 履行完毕), the 合同台账 import (dry run, errors by
/// column header, all-or-nothing, idempotent) and export; 重大行政决策 through its statutory steps (集体讨论决定 refused without
/// the legality review, 条例第二十五条) with its published 目录; 法律顾问 (coverage by community, 法律意见书, 诉讼代理申报, 考评);
/// and [002]'s contract figures with 同比 — through the real pipeline.
/// </summary>
public abstract class LegalityContractsTests(FazhiFactory app)
{
    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task IssueOpinionAsync(long matter, string on)
    {
        var reviewer = await app.ApiAsAsync("huancui-fzsh");
        await OkAsync(await reviewer.PostAsJsonAsync($"/api/v1/legality/matters/{matter}/review/receive", new { on }));
        await OkAsync(await reviewer.PostAsJsonAsync($"/api/v1/legality/matters/{matter}/review/assign", new { on, reviewer = "huancui-fzsh" }));
        await OkAsync(await reviewer.PostAsJsonAsync($"/api/v1/legality/matters/{matter}/review/issue-opinion", new { on, conclusion = "合法" }));
    }

    private static async Task<List<string>> MessagesAsync(HttpClient c) =>
        [.. (await OkAsync(await c.GetAsync("/api/v1/messages?take=200"))).EnumerateArray().Select(m => m.GetProperty("title").GetString()!)];

    [Fact]
    public async Task A_contracts_payment_date_and_end_remind_the_department_breaches_are_recorded_and_completion_stops_the_timers()
    {
        var dept = await app.ApiAsAsync("huancui-scjg");
        var c = await OkAsync(await dept.PostAsJsonAsync("/api/v1/legality/contracts", new
        {
            kind = "机关事业单位合同", code = "P-2024-01", name = "食品快检车租赁合同", counterparty = "威海某汽车租赁有限公司", amount = 240_000m,
            startOn = "2024-01-01", endOn = "2024-12-31", submittedOn = "2024-01-02",
        }), HttpStatusCode.Created);
        // A DTO, enums with their Chinese names (not numbers).
        c.GetProperty("kind").GetString().ShouldBe("Administrative");
        c.GetProperty("kindName").GetString().ShouldBe("机关事业单位合同");
        c.GetProperty("levelName").GetString().ShouldBe("部门合同");
        c.GetProperty("statusName").GetString().ShouldBe("合法性审查中");
        c.GetProperty("amount").GetDecimal().ShouldBe(240_000m);
        c.TryGetProperty("amountFen", out _).ShouldBeFalse();
        var id = c.GetProperty("id").GetInt64();
        await IssueOpinionAsync(c.GetProperty("reviewMatterId").GetInt64(), "2024-01-03");
        c = await OkAsync(await dept.PostAsJsonAsync($"/api/v1/legality/contracts/{id}/file", new { on = "2024-01-08", signedOn = "2024-01-05" }));
        c.GetProperty("statusName").GetString().ShouldBe("已备案");
        c.GetProperty("opinionNumber").GetString()!.ShouldStartWith("环翠法审意〔2024〕");

        // A payment date outside the term is refused naming the field; one inside becomes a timer.
        await (await dept.PostAsJsonAsync($"/api/v1/legality/contracts/{id}/milestones", new { kind = "付款节点", title = "首期租金", dueOn = "2025-01-10", amount = 60000 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "dueOn");
        c = await OkAsync(await dept.PostAsJsonAsync($"/api/v1/legality/contracts/{id}/milestones", new { kind = "付款节点", title = "第一季度租金", dueOn = "2024-03-29", amount = 60000 }));
        var milestone = c.GetProperty("milestones")[0];
        milestone.GetProperty("kindName").GetString().ShouldBe("付款节点");
        var deadlines = c.GetProperty("deadlines").EnumerateArray().ToDictionary(d => d.GetProperty("kind").GetString()!, d => d.GetProperty("due").GetString());
        deadlines[$"milestone:{milestone.GetProperty("id").GetInt64()}"].ShouldBe("2024-03-29");
        deadlines["expiry-reminder"].ShouldBe("2024-11-30"); // fires 2024-12-01, 30 days before the end
        deadlines["end"].ShouldBe("2024-12-31");

        // The payment date itself: no reminder; the day after, the department's contract staff get a 站内消息 (the bureau does not).
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        await TimerJob.RunOnceAsync(scopes, new DateOnly(2024, 3, 29), CancellationToken.None);
        (await MessagesAsync(dept)).ShouldNotContain("合同履约节点逾期：食品快检车租赁合同");
        await TimerJob.RunOnceAsync(scopes, new DateOnly(2024, 3, 30), CancellationToken.None);
        (await MessagesAsync(dept)).ShouldContain("合同履约节点逾期：食品快检车租赁合同");
        (await MessagesAsync(await app.ApiAsAsync("huancui-fzsh"))).ShouldNotContain("合同履约节点逾期：食品快检车租赁合同");
        (await OkAsync(await dept.GetAsync($"/api/v1/legality/contracts/{id}"))).GetProperty("milestones")[0].GetProperty("state").GetString().ShouldBe("逾期未完成");

        // 违约: the clause is required; recorded with date, clause, description, handling.
        await (await dept.PostAsJsonAsync($"/api/v1/legality/contracts/{id}/breaches", new { on = "2024-04-02", description = "车辆未按约定配备冷藏设备" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "clause");
        c = await OkAsync(await dept.PostAsJsonAsync($"/api/v1/legality/contracts/{id}/breaches",
            new { on = "2024-04-02", clause = "第五条", description = "车辆未按约定配备冷藏设备", handling = "书面催告，相对方4月10日整改到位" }));
        c.GetProperty("breaches")[0].GetProperty("clause").GetString().ShouldBe("第五条");
        (await OkAsync(await dept.GetAsync("/api/v1/legality/contracts?q=P-2024-01"))).GetProperty("items")[0].GetProperty("breaches").GetInt32().ShouldBe(1);

        // 履行完毕 is refused while a node is open; after it is done the expiry reminder still fires 30 days before the end.
        (await dept.PostAsJsonAsync($"/api/v1/legality/contracts/{id}/end", new { outcome = "履行完毕", on = "2024-12-20" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await OkAsync(await dept.PostAsJsonAsync($"/api/v1/legality/contracts/{id}/milestones/{milestone.GetProperty("id").GetInt64()}/complete", new { on = "2024-04-01" }));
        await TimerJob.RunOnceAsync(scopes, new DateOnly(2024, 11, 30), CancellationToken.None);
        (await MessagesAsync(dept)).ShouldNotContain("合同即将到期：食品快检车租赁合同");
        await TimerJob.RunOnceAsync(scopes, new DateOnly(2024, 12, 1), CancellationToken.None);
        (await MessagesAsync(dept)).ShouldContain("合同即将到期：食品快检车租赁合同");
        c = await OkAsync(await dept.PostAsJsonAsync($"/api/v1/legality/contracts/{id}/end", new { outcome = "履行完毕", on = "2024-12-20" }));
        c.GetProperty("statusName").GetString().ShouldBe("已履行完毕");
        c.GetProperty("deadlines").GetArrayLength().ShouldBe(0);
        await TimerJob.RunOnceAsync(scopes, new DateOnly(2025, 1, 2), CancellationToken.None);
        (await MessagesAsync(dept)).ShouldNotContain("合同期限已届满：食品快检车租赁合同");
        // Another department does not see it.
        (await (await app.ApiAsAsync("huancui-zhzf")).GetAsync($"/api/v1/legality/contracts/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static MultipartFormDataContent Sheet(IEnumerable<Dictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        stream.SaveAs(rows);
        var content = new ByteArrayContent(stream.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { content, "file", "合同台账.xlsx" } };
    }

    private static Dictionary<string, object?> Row(string code, string unit, string start, string end, string? filed = null) => new()
    {
        ["合同编号"] = code, ["合同名称"] = $"台账合同{code}", ["合同类别"] = "机关事业单位合同", ["签约主体"] = "部门合同", ["签约单位"] = unit, ["相对方"] = "某公司",
        ["合同金额（元）"] = 12345.6, ["起始日期"] = start, ["终止日期"] = end, ["签订日期"] = start, ["备案日期"] = filed, ["主要条款"] = null,
    };

    [Fact]
    public async Task The_ledger_import_names_each_bad_cell_by_its_header_writes_nothing_until_all_is_right_and_is_idempotent()
    {
        var reviewer = await app.ApiAsAsync("huancui-fzsh");
        var bad = new[]
        {
            Row("L-001", "环翠区市场监督管理局", "2024-02-01", "2025-01-31", "2024-02-10"),
            Row("L-002", "环翠区不存在局", "2024-02-01", "2025-01-31"),
            Row("L-003", "环翠区综合行政执法局", "2024-05-01", "2024-04-30"),
        };
        var dry = await OkAsync(await reviewer.PostAsync("/api/v1/legality/contracts/import?dryRun=true", Sheet(bad)));
        dry.GetProperty("committed").GetBoolean().ShouldBeFalse();
        var errors = dry.GetProperty("errors").EnumerateArray().Select(e => (Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString(), Message: e.GetProperty("message").GetString()!)).ToList();
        errors.ShouldContain(e => e.Row == 3 && e.Column == "签约单位" && e.Message.Contains("环翠区不存在局"));
        errors.ShouldContain(e => e.Row == 4 && e.Column == "终止日期" && e.Message.Contains("早于起始日期"));
        errors.Count.ShouldBe(2);
        // Committing a ledger with errors: 400, each error keyed by row and header; nothing written, L-001 included.
        var problem = await (await reviewer.PostAsync("/api/v1/legality/contracts/import?dryRun=false", Sheet(bad))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "第3行 签约单位");
        problem.GetProperty("errors").TryGetProperty("第4行 终止日期", out _).ShouldBeTrue();
        (await OkAsync(await reviewer.GetAsync("/api/v1/legality/contracts?q=L-00"))).GetProperty("total").GetInt32().ShouldBe(0);

        var good = new[] { bad[0], Row("L-002", "环翠区综合行政执法局", "2024-02-01", "2025-01-31"), Row("L-003", "环翠区综合行政执法局", "2024-05-01", "2024-05-30") };
        var done = await OkAsync(await reviewer.PostAsync("/api/v1/legality/contracts/import?dryRun=false", Sheet(good)));
        (done.GetProperty("committed").GetBoolean(), done.GetProperty("created").GetInt32()).ShouldBe((true, 3));
        var again = await OkAsync(await reviewer.PostAsync("/api/v1/legality/contracts/import?dryRun=false", Sheet(good)));
        (again.GetProperty("created").GetInt32(), again.GetProperty("unchanged").GetInt32()).ShouldBe((0, 3));
        var list = await OkAsync(await reviewer.GetAsync("/api/v1/legality/contracts?q=L-00&size=50"));
        list.GetProperty("total").GetInt32().ShouldBe(3);
        list.GetProperty("items").EnumerateArray().First(i => i.GetProperty("code").GetString() == "L-001").GetProperty("statusName").GetString().ShouldBe("已备案");
        // The market department sees only its own row.
        (await OkAsync(await (await app.ApiAsAsync("huancui-scjg")).GetAsync("/api/v1/legality/contracts?q=L-00"))).GetProperty("total").GetInt32().ShouldBe(1);

        // The export reads back in the same columns; re-importing it changes nothing.
        var export = await reviewer.GetAsync("/api/v1/legality/contracts/export?q=L-00");
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var rows = new MemoryStream(bytes).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(3);
        rows.Select(r => (string)r["合同编号"]!).Order().ShouldBe(["L-001", "L-002", "L-003"]);
        var reimport = await OkAsync(await reviewer.PostAsync("/api/v1/legality/contracts/import?dryRun=true",
            Sheet(rows.Select(r => r.Where(kv => kv.Key != "状态").ToDictionary(kv => kv.Key, kv => kv.Value)))));
        (reimport.GetProperty("unchanged").GetInt32(), reimport.GetProperty("errors").GetArrayLength()).ShouldBe((3, 0));
    }

    [Fact]
    public async Task A_major_decision_cannot_be_discussed_before_its_legality_review_and_goes_through_every_step_to_the_public_catalog()
    {
        var office = await app.ApiAsAsync("huancui-fzsh");
        var catalog = await OkAsync(await office.PostAsJsonAsync("/api/v1/legality/decision-catalogs", new { year = 2024 }), HttpStatusCode.Created);
        catalog.GetProperty("title").GetString().ShouldBe("环翠区2024年度重大行政决策事项目录");
        var cid = catalog.GetProperty("id").GetInt64();
        (await office.PostAsJsonAsync($"/api/v1/legality/decision-catalogs/{cid}/adopt", new { on = "2024-02-01", meeting = "区政府常务会议" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var d = await OkAsync(await office.PostAsJsonAsync($"/api/v1/legality/decision-catalogs/{cid}/decisions",
            new { title = "环翠区城区停车收费调整方案", orgCode = "371002-ZHZF", summary = "调整城区路内停车收费标准" }), HttpStatusCode.Created);
        var id = d.GetProperty("id").GetInt64();
        await OkAsync(await office.PostAsJsonAsync($"/api/v1/legality/decision-catalogs/{cid}/adopt", new { on = "2024-02-01", meeting = "区政府第3次常务会议" }));
        await OkAsync(await office.PostAsJsonAsync($"/api/v1/legality/decision-catalogs/{cid}/publish", new { on = "2024-02-05" }));

        var dept = await app.ApiAsAsync("huancui-zhzf");
        string Step(string a) => $"/api/v1/legality/decisions/{id}/steps/{a}";
        // 公众参与 shorter than 30 days without a reason: refused (第十五条); 30 days recorded; 专家论证 not applicable with reason.
        await (await dept.PostAsJsonAsync(Step("record"), new { step = "公众参与", days = 20, record = "网上征求意见", on = "2024-03-20" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "days");
        await OkAsync(await dept.PostAsJsonAsync(Step("record"), new { step = "公众参与", days = 30, record = "政府网站公开征求意见30日，收到意见12条，采纳5条；召开听证会一次", on = "2024-03-20" }));
        await OkAsync(await dept.PostAsJsonAsync(Step("record"), new { step = "专家论证", notApplicable = true, record = "收费标准经价格主管部门成本监审，不涉及专业技术问题", on = "2024-03-21" }));

        // 集体讨论决定 without the legality review: refused, naming 第二十五条; nothing changes.
        var refused = await dept.PostAsJsonAsync(Step("decide"), new { meeting = "区政府第9次常务会议", on = "2024-04-01" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var detail = (await refused.Content.ReadAsStringAsync());
        detail.ShouldContain("未经合法性审查");
        detail.ShouldContain("第二十五条");
        detail.ShouldContain("尚未登记风险评估");
        d = await OkAsync(await dept.GetAsync($"/api/v1/legality/decisions/{id}"));
        d.GetProperty("statusName").GetString().ShouldBe("履行程序中");
        d.GetProperty("missingBeforeDecision").GetArrayLength().ShouldBe(2);

        await OkAsync(await dept.PostAsJsonAsync(Step("record"), new { step = "风险评估", record = "社会稳定风险评估报告：低风险", on = "2024-03-22" }));
        d = await OkAsync(await dept.PostAsJsonAsync(Step("submit-for-review"), new { on = "2024-03-25" }));
        var matter = d.GetProperty("reviewMatterId").GetInt64();
        // Submitted but no opinion yet: still refused.
        (await (await dept.PostAsJsonAsync(Step("decide"), new { meeting = "区政府第9次常务会议", on = "2024-03-26" })).Content.ReadAsStringAsync()).ShouldContain("尚未出具审核意见");
        await IssueOpinionAsync(matter, "2024-03-28");
        d = await OkAsync(await dept.PostAsJsonAsync(Step("decide"), new { meeting = "区政府第9次常务会议", on = "2024-04-01" }));
        d.GetProperty("statusName").GetString().ShouldBe("已集体讨论决定");
        d.GetProperty("steps").EnumerateArray().First(s => s.GetProperty("stepName").GetString() == "合法性审查").GetProperty("state").GetString().ShouldBe("已出具意见（合法）");
        (await dept.PostAsJsonAsync(Step("evaluate"), new { record = "x", on = "2024-04-02" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await OkAsync(await dept.PostAsJsonAsync(Step("publish"), new { record = "区政府网站、《威海日报》公布并附解读", on = "2024-04-03" }));
        d = await OkAsync(await dept.PostAsJsonAsync(Step("evaluate"), new { record = "实施一年，周转率提高18%，群众满意度92%", on = "2025-04-10" }));
        d.GetProperty("statusName").GetString().ShouldBe("已后评估");
        d.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("state").GetString()).ShouldBe(["已完成", "不适用", "已完成", "已出具意见（合法）", "已完成", "已完成", "已完成"]);

        // The published catalog, without sign-in.
        var pub = await OkAsync(await app.CreateClient().GetAsync("/api/v1/public/legality/decisions/371002"));
        var item = pub.GetProperty("catalogs").EnumerateArray().First(x => x.GetProperty("year").GetInt32() == 2024).GetProperty("decisions").EnumerateArray().First(x => x.GetProperty("title").GetString() == "环翠区城区停车收费调整方案");
        item.GetProperty("unit").GetString().ShouldBe("环翠区综合行政执法局");
        item.GetProperty("statusName").GetString().ShouldBe("已后评估");
        (await office.PostAsJsonAsync($"/api/v1/legality/decision-catalogs/{cid}/decisions", new { title = "另一事项", orgCode = "371002-ZHZF" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Advisers_cover_communities_of_the_org_tree_their_opinions_and_litigation_are_counted_and_rongchengs_contracts_read_with_year_on_year()
    {
        // Four communities under 俚岛镇 (荣成); two community advisers serve three of them.
        await app.WithDbAsync(async db =>
        {
            var town = await db.OrgUnits.FirstAsync(o => o.Code == "371082104");
            for (var i = 1; i <= 4; i++)
                db.OrgUnits.Add(new OrgUnit { Code = $"371082104{i:000}", Name = $"俚岛测试社区{i}", Kind = OrgKind.Community, ParentId = town.Id, Path = OrgUnit.PathOf(town, $"371082104{i:000}"), Depth = town.Depth + 1 });
            await db.SaveChangesAsync();
        });
        var rc = await app.ApiAsAsync("rongcheng-fzsh");
        await (await rc.PostAsJsonAsync("/api/v1/legality/advisers", new { kind = "村（社区）法律顾问", name = "张律师", firm = "山东某律师事务所", servedFrom = "2024-01-01", orgCode = "371082104" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "communities");
        await (await rc.PostAsJsonAsync("/api/v1/legality/advisers", new { kind = "村（社区）法律顾问", name = "张律师", firm = "山东某律师事务所", servedFrom = "2024-01-01", orgCode = "371082104", communities = new[] { "371002001" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "communities");
        await OkAsync(await rc.PostAsJsonAsync("/api/v1/legality/advisers", new { kind = "村（社区）法律顾问", name = "张律师", firm = "山东某律师事务所", servedFrom = "2024-01-01", orgCode = "371082104", communities = new[] { "371082104001", "371082104002" } }), HttpStatusCode.Created);
        await OkAsync(await rc.PostAsJsonAsync("/api/v1/legality/advisers", new { kind = "村（社区）法律顾问", name = "李律师", firm = "山东某律师事务所", servedFrom = "2024-01-01", orgCode = "371082104", communities = new[] { "371082104002", "371082104003" } }), HttpStatusCode.Created);
        var gov = await OkAsync(await rc.PostAsJsonAsync("/api/v1/legality/advisers", new { kind = "政府法律顾问", name = "周教授", firm = "山东某大学法学院", servedFrom = "2024-01-01", servedTo = "2026-12-31", orgCode = "371082" }), HttpStatusCode.Created);
        var coverage = await OkAsync(await rc.GetAsync("/api/v1/legality/advisers/coverage?on=2024-06-30"));
        (coverage.GetProperty("communities").GetInt32(), coverage.GetProperty("covered").GetInt32(), coverage.GetProperty("communityAdvisers").GetInt32()).ShouldBe((4, 3, 2));
        coverage.GetProperty("rate").GetDecimal().ShouldBe(75.00m);

        var gid = gov.GetProperty("id").GetInt64();
        await OkAsync(await rc.PostAsJsonAsync($"/api/v1/legality/advisers/{gid}/work", new { kind = "法律意见书", on = "2024-03-01", subject = "关于征收补偿方案的法律意见书" }));
        await (await rc.PostAsJsonAsync($"/api/v1/legality/advisers/{gid}/work", new { kind = "诉讼代理", on = "2024-03-05", subject = "某公司诉荣成市人民政府行政协议纠纷" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "court");
        await OkAsync(await rc.PostAsJsonAsync($"/api/v1/legality/advisers/{gid}/work", new { kind = "诉讼代理", on = "2024-03-05", subject = "某公司诉荣成市人民政府行政协议纠纷", court = "威海市中级人民法院", caseNumber = "（2024）鲁10行初5号" }));
        await OkAsync(await rc.PostAsJsonAsync($"/api/v1/legality/advisers/{gid}/evaluations", new { year = 2024, grade = "优秀" }));
        var row = (await OkAsync(await rc.GetAsync("/api/v1/legality/advisers?kind=政府法律顾问"))).GetProperty("items")[0];
        (row.GetProperty("opinions").GetInt32(), row.GetProperty("litigation").GetInt32(), row.GetProperty("lastGrade").GetString()).ShouldBe((1, 1, "2024年优秀"));
        (await OkAsync(await (await app.ApiAsAsync("huancui-fzsh")).GetAsync("/api/v1/legality/advisers?q=周教授"))).GetProperty("total").GetInt32().ShouldBe(0);

        // [002]: 2022 31 government contracts reviewed and 274 departmental contracts filed; crafted 2021 counts give the 同比.
        await app.WithDbAsync(async db =>
        {
            var rongcheng = await db.OrgUnits.FirstAsync(o => o.Code == "371082");
            var bureau = await db.OrgUnits.FirstAsync(o => o.Code == "371082-SFJ");
            var market = await db.OrgUnits.FirstAsync(o => o.Code == "371082-SCJG");
            void Add(ContractLevel level, int year, int count, bool reviewed)
            {
                for (var i = 0; i < count; i++)
                {
                    var on = new DateOnly(year, 1 + i % 12, 1 + i % 28);
                    var c = new Contract
                    {
                        OrgUnitId = level == ContractLevel.Government ? rongcheng.Id : market.Id, Level = level, Kind = i % 5 == 0 ? ContractKind.Investment : ContractKind.Administrative,
                        Code = $"RC-{year}-{level}-{i}", Name = $"荣成{year}合同{i}", Counterparty = "某公司", AmountFen = 100_00, StartOn = on, EndOn = on.AddYears(1),
                        Status = ContractStatus.Filed, SignedOn = on, FiledOn = level == ContractLevel.Department ? on : null, Imported = true,
                    };
                    if (reviewed)
                    {
                        var m = new ReviewMatter
                        {
                            OrgUnitId = rongcheng.Id, ReviewOrgUnitId = bureau.Id, Year = year, Kind = MatterKind.Contract, Title = c.Name, SubmittedOn = on,
                            Status = MatterStatus.Closed, OpinionIssuedOn = on, Conclusion = OpinionConclusion.Lawful,
                        };
                        db.Set<ReviewMatter>().Add(m);
                        db.SaveChanges();
                        c.ReviewMatterId = m.Id;
                    }
                    db.Set<Contract>().Add(c);
                }
            }
            Add(ContractLevel.Government, 2022, 31, true);
            Add(ContractLevel.Government, 2021, 25, true);
            Add(ContractLevel.Department, 2022, 274, false);
            Add(ContractLevel.Department, 2021, 250, false);
            await db.SaveChangesAsync();
        });
        var metrics = await OkAsync(await rc.GetAsync("/api/v1/metrics?org=371082&from=2022-01-01&to=2022-12-31&keys=legality.government_contracts_reviewed,legality.department_contracts_filed,legality.contracts_filed_by_kind"));
        var byKey = metrics.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!);
        (byKey["legality.government_contracts_reviewed"].GetProperty("current").GetDecimal(), byKey["legality.government_contracts_reviewed"].GetProperty("previous").GetDecimal()).ShouldBe((31m, 25m));
        byKey["legality.government_contracts_reviewed"].GetProperty("change").GetDecimal().ShouldBe(24.00m);
        (byKey["legality.department_contracts_filed"].GetProperty("current").GetDecimal(), byKey["legality.department_contracts_filed"].GetProperty("previous").GetDecimal()).ShouldBe((274m, 250m));
        byKey["legality.department_contracts_filed"].GetProperty("change").GetDecimal().ShouldBe(9.60m);
        var parts = byKey["legality.contracts_filed_by_kind"].GetProperty("parts").EnumerateArray().ToDictionary(p => p.GetProperty("label").GetString()!, p => p.GetProperty("current").GetDecimal());
        (parts["招商引资合同"] + parts["机关事业单位合同"]).ShouldBe(274m);
    }

    [Fact]
    public async Task A_key_project_contract_is_flagged_on_register_and_ledger_filtered_exported_and_counted_among_the_reviewed()
    {
        // [003]: "审查修改……合同协议190件，其中重点签约落户项目67件".
        var dept = await app.ApiAsAsync("huancui-scjg");
        object Body(string code, bool? key, string? project) => new
        {
            kind = "招商引资合同", code, name = $"重点合同{code}", counterparty = "威海某投资有限公司", amount = 5_000_000m, startOn = "2025-06-02", endOn = "2030-06-01",
            submittedOn = "2025-06-02", keyProject = key, keyProjectName = project,
        };
        var refused = await (await dept.PostAsJsonAsync("/api/v1/legality/contracts", Body("KP-0", false, "某产业园"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "keyProjectName");
        refused.GetProperty("errors").GetProperty("keyProjectName")[0].GetString()!.ShouldContain("只有重点项目合同");
        var key = await OkAsync(await dept.PostAsJsonAsync("/api/v1/legality/contracts", Body("KP-1", true, "智能装备产业园")), HttpStatusCode.Created);
        (key.GetProperty("keyProject").GetBoolean(), key.GetProperty("keyProjectName").GetString()).ShouldBe((true, "智能装备产业园"));
        var plain = await OkAsync(await dept.PostAsJsonAsync("/api/v1/legality/contracts", Body("KP-2", null, null)), HttpStatusCode.Created);
        plain.GetProperty("keyProject").GetBoolean().ShouldBeFalse();
        await IssueOpinionAsync(key.GetProperty("reviewMatterId").GetInt64(), "2025-06-04");
        await IssueOpinionAsync(plain.GetProperty("reviewMatterId").GetInt64(), "2025-06-05");

        var reviewer = await app.ApiAsAsync("huancui-fzsh");
        var list = await OkAsync(await reviewer.GetAsync("/api/v1/legality/contracts?q=KP-&keyProject=true"));
        list.GetProperty("total").GetInt32().ShouldBe(1);
        list.GetProperty("items")[0].GetProperty("keyProjectName").GetString().ShouldBe("智能装备产业园");
        (await (await app.BrowserAsAsync("huancui-fzsh")).GetStringAsync($"/legality/contracts/{key.GetProperty("id").GetInt64()}")).ShouldContain("是（智能装备产业园）");
        var f = (await OkAsync(await reviewer.GetAsync("/api/v1/metrics?org=371002&from=2025-06-01&to=2025-06-30&keys=legality.contracts_reviewed,legality.key_project_contracts_reviewed")))
            .GetProperty("figures").EnumerateArray().ToDictionary(x => x.GetProperty("key").GetString()!, x => x.GetProperty("current").GetDecimal());
        (f["legality.contracts_reviewed"], f["legality.key_project_contracts_reviewed"]).ShouldBe((2m, 1m));

        // The ledger: an unknown 重点项目 value is a per-row error naming the column; 是 with a project name imports, and the
        // export writes the two columns back.
        var bad = Row("KP-L1", "环翠区市场监督管理局", "2025-06-01", "2026-05-31");
        (bad["重点项目"], bad["重点项目名称"]) = ("重要", null); // the first row's keys are the sheet's header row
        var good = Row("KP-L2", "环翠区市场监督管理局", "2025-06-01", "2026-05-31");
        (good["重点项目"], good["重点项目名称"]) = ("是", "海洋牧场示范区");
        var dry = await OkAsync(await reviewer.PostAsync("/api/v1/legality/contracts/import?dryRun=true", Sheet([bad, good])));
        var error = dry.GetProperty("errors").EnumerateArray().Single();
        (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()).ShouldBe((2, "重点项目"));
        error.GetProperty("message").GetString()!.ShouldContain("“重要”无法识别");
        bad["重点项目"] = "否";
        (await OkAsync(await reviewer.PostAsync("/api/v1/legality/contracts/import?dryRun=false", Sheet([bad, good])))).GetProperty("created").GetInt32().ShouldBe(2);
        var rows = new MemoryStream(await (await reviewer.GetAsync("/api/v1/legality/contracts/export?q=KP-&keyProject=true")).Content.ReadAsByteArrayAsync())
            .Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Select(r => ((string)r["合同编号"]!, (string)r["重点项目"]!, r["重点项目名称"] as string)).OrderBy(r => r.Item1)
            .ShouldBe([("KP-1", "是", "智能装备产业园"), ("KP-L2", "是", "海洋牧场示范区")]);
    }
}

public sealed class LegalityContractsTestsOnSqlite(SqliteFactory app) : LegalityContractsTests(app), IClassFixture<SqliteFactory>;

public sealed class LegalityContractsTestsOnPostgres(PostgresFactory app) : LegalityContractsTests(app), IClassFixture<PostgresFactory>;
