using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Documents;
using Fazhi.Web.Modules.LegalAid.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.IntegrationTests.Modules;

/// <summary>
/// 法律援助 through the real pipeline: the workflow 咨询 → 申请 → 补充材料 → 决定 → 指派 → 出庭 → 结案 → 回访 → 评查 with its
/// documents; bad input (closing before assignment, a refusal without reasons, negative and absurd amounts, a green
/// channel without its 第四十二条 category) refused with nothing written; another district sees nothing; and [002]'s
/// 1,790 = 1,236 民事 + 554 刑事 with the green-channel same-day figure from crafted records.
/// </summary>
public abstract class LegalAidTests(FazhiFactory app)
{
    private static object Application(string name = "于海涛", string received = "2025-03-03T09:00:00", string? green = null, string? category = null,
        string eligibility = "经济困难审查", string type = "民事", string channel = "窗口", long? consultationId = null) => new
    {
        applicantName = name, applicantIdNumber = "11010519491231002X", applicantPhone = "13912345678", applicantAddress = "威海市环翠区鲸园街道1号",
        matter = "追索劳动报酬（建筑工地欠薪）", caseType = type, stage = "仲裁", channel, eligibility, eligibilityCategory = category, green,
        receivedAt = received, consultationId,
    };

    private static async Task<JsonElement> Ok(HttpResponseMessage r, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(status, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static Task<HttpResponseMessage> Act(HttpClient c, long id, string action, object body) =>
        c.PostAsJsonAsync($"/api/v1/legal-aid/cases/{id}/actions/{action}", body);

    [Fact]
    public async Task A_case_runs_from_consultation_to_callback_with_its_documents_and_deadlines()
    {
        var client = await app.ApiAsAsync("huancui-fy");
        var consultation = await Ok(await client.PostAsJsonAsync("/api/v1/legal-aid/consultations",
            new { mode = "来电", name = "于海涛", phone = "13912345678", caseType = "民事", question = "工地老板拖欠工资三个月，怎么讨要？", answer = "可申请法律援助" }), HttpStatusCode.Created);
        var provider = await Ok(await client.PostAsJsonAsync("/api/v1/legal-aid/providers",
            new { name = "丛立新", kind = "律师", firm = "山东海诺律师事务所", practiceYears = 6, phone = "13563101234" }), HttpStatusCode.Created);
        var providerId = provider.GetProperty("id").GetInt64();

        var c = await Ok(await client.PostAsJsonAsync("/api/v1/legal-aid/cases", Application(consultationId: consultation.GetProperty("id").GetInt64())), HttpStatusCode.Created);
        var id = c.GetProperty("id").GetInt64();
        c.GetProperty("status").GetString().ShouldBe("Reviewing");
        c.GetProperty("number").GetString()!.ShouldMatch(@"^环翠法援〔2025〕\d+号$");
        c.GetProperty("applicantIdMasked").GetString()!.ShouldNotContain("19491231");
        var review = c.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "review");
        review.GetProperty("due").GetString().ShouldBe("2025-03-10");
        review.GetProperty("explanation").GetString()!.ShouldContain("第四十三条");

        await Ok(await Act(client, id, "request-materials", new { on = "2025-03-04", note = "劳动合同或工资欠条复印件" }));
        (await Act(client, id, "request-materials", new { on = "2025-03-04", note = "再补" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await Ok(await Act(client, id, "supply-materials", new { on = "2025-03-06" }));
        c = await Ok(await client.GetAsync($"/api/v1/legal-aid/cases/{id}"));
        c.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "review").GetProperty("due").GetString().ShouldBe("2025-03-13");

        // 结案 before 指派: refused, nothing written.
        await Ok(await Act(client, id, "grant", new { on = "2025-03-07" }));
        var early = await Act(client, id, "close", new { on = "2025-03-08", result = "胜诉" });
        (await early.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("尚未指派");
        c = await Ok(await client.GetAsync($"/api/v1/legal-aid/cases/{id}"));
        c.GetProperty("status").GetString().ShouldBe("Granted");
        c.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "assign").GetProperty("due").GetString().ShouldBe("2025-03-10");

        await (await Act(client, id, "assign", new { on = "2025-03-07" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "providerId");
        await Ok(await Act(client, id, "assign", new { on = "2025-03-07", providerId }));
        var load = await Ok(await client.GetAsync("/api/v1/legal-aid/providers"));
        load.EnumerateArray().Single(p => p.GetProperty("id").GetInt64() == providerId).GetProperty("currentLoad").GetInt32().ShouldBe(1);
        await Ok(await Act(client, id, "record-progress", new { on = "2025-03-10", note = "签订委托协议，申请劳动仲裁" }));
        await Ok(await Act(client, id, "attend-hearing", new { on = "2025-04-02", note = "环翠区劳动人事争议仲裁委员会开庭" }));
        await (await Act(client, id, "close", new { on = "2025-04-20", result = "胜诉", recoveredYuan = -5 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "recoveredYuan");
        await (await Act(client, id, "close", new { on = "2025-04-20", result = "胜诉", recoveredYuan = 9_999_999_999m })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "recoveredYuan");
        await (await Act(client, id, "close", new { on = "2025-04-20", result = "大获全胜" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "result");
        await Ok(await client.PutAsJsonAsync("/api/v1/legal-aid/subsidies/standards", new { rows = new[] { new { caseType = "民事", stage = "仲裁", amount = 1500 } } }));
        c = await Ok(await Act(client, id, "close", new { on = "2025-04-20", result = "胜诉", recoveredYuan = 48_600.5m }));
        c.GetProperty("status").GetString().ShouldBe("Closed");
        c.GetProperty("recovered").GetDecimal().ShouldBe(48_600.5m);
        c.GetProperty("subsidy").GetDecimal().ShouldBe(1500m);
        await (await Act(client, id, "callback", new { on = "2025-04-25", score = 9 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "score");
        await Ok(await Act(client, id, "callback", new { on = "2025-04-25", score = 5, note = "对承办律师很满意" }));
        await Ok(await Act(client, id, "oversee", new { on = "2025-04-26", kind = "电话回访", note = "受援人确认已收到欠薪" }));
        c = await Ok(await Act(client, id, "review-file", new { on = "2025-05-06", score = 95 }));
        c.GetProperty("events").GetArrayLength().ShouldBe(11);
        c.GetProperty("documents").EnumerateArray().Select(d => d.GetString()).ShouldBe(["grant-decision", "assignment-notice", "closing-report"]);

        (await client.PostAsync($"/api/v1/legal-aid/cases/{id}/documents/refusal-decision", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        foreach (var kind in new[] { "grant-decision", "assignment-notice", "closing-report" })
        {
            var doc = await Ok(await client.PostAsync($"/api/v1/legal-aid/cases/{id}/documents/{kind}", null), HttpStatusCode.Created);
            doc.GetProperty("number").GetString()!.ShouldStartWith("环翠援");
            var bytes = await client.GetByteArrayAsync($"/api/v1/legal-aid/documents/{doc.GetProperty("id").GetInt64()}");
            var text = string.Join("\n", OfficialDocument.ReadParagraphs(bytes));
            text.ShouldContain(kind == "assignment-notice" ? "丛立新" : "于海涛");
            text.ShouldContain("环翠区法律援助中心");
        }
        var report = await Ok(await client.GetAsync($"/api/v1/legal-aid/cases/{id}/documents"));
        report.EnumerateArray().Select(d => System.Text.RegularExpressions.Regex.Replace(d.GetProperty("number").GetString()!, "〔\\d{4}〕", "〔年〕"))
            .ShouldBe(["环翠援决〔年〕1号", "环翠援指〔年〕1号", "环翠援结〔年〕1号"]);

        var consultations = await Ok(await client.GetAsync("/api/v1/legal-aid/consultations?q=13912345678"));
        consultations.GetProperty("items")[0].GetProperty("caseId").GetInt64().ShouldBe(id);
        var found = await Ok(await client.GetAsync("/api/v1/legal-aid/cases?q=11010519491231002X"));
        found.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ShouldContain(id); // by the blind index of the full 身份证号
        var export = await client.GetAsync("/api/v1/legal-aid/cases/export?status=Closed");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var payments = await Ok(await client.GetAsync("/api/v1/legal-aid/subsidies/payments?from=2025-04-01&to=2025-04-30"));
        payments.GetProperty("total").GetDecimal().ShouldBe(1500m);

        // Another district sees nothing of it.
        var hedong = await app.ApiAsAsync("hedong-fy");
        (await hedong.GetAsync($"/api/v1/legal-aid/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Act(hedong, id, "callback", new { score = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Ok(await hedong.GetAsync("/api/v1/legal-aid/cases"))).GetProperty("total").GetInt32().ShouldBe(0);
        (await Ok(await hedong.GetAsync("/api/v1/legal-aid/consultations"))).GetProperty("total").GetInt32().ShouldBe(0);
        (await hedong.GetAsync("/api/v1/legal-aid/stats?org=371002&from=2025-01-01&to=2025-12-31")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>
    /// 第二十六条 at its boundary (a lawyer with 2 years refused naming the article, 3 years accepted; not a worker); the
    /// workstations and their 值班律师; the subsidy list marked paid (once; not in the future); the 审查 reminder.
    /// </summary>
    [Fact]
    public async Task Article_26_workstations_paid_subsidies_and_the_review_reminder()
    {
        var client = await app.ApiAsAsync("huancui-fy");
        async Task<long> Provider(string name, string kind, int years) =>
            (await Ok(await client.PostAsJsonAsync("/api/v1/legal-aid/providers", new { name, kind, firm = "山东威海律师事务所", practiceYears = years }), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var two = await Provider("初二年", "律师", 2);
        var three = await Provider("满三年", "律师", 3);
        var worker = await Provider("毕法务", "基层法律服务工作者", 10);

        // 通知辩护 of a person who may be sentenced to life or death: granted on receipt, assignment held to 第二十六条.
        var notice = new
        {
            applicantName = "宋某", matter = "涉嫌故意杀人罪，审判阶段通知辩护", caseType = "刑事", stage = "审判", channel = "公检法通知",
            noticeAuthority = "威海市中级人民法院", noticeNumber = "（2024）鲁10刑初8号", receivedAt = "2024-06-03T09:00:00", seriousCharge = true,
        };
        var c = await Ok(await client.PostAsJsonAsync("/api/v1/legal-aid/cases", notice), HttpStatusCode.Created);
        var id = c.GetProperty("id").GetInt64();
        c.GetProperty("seriousCharge").GetBoolean().ShouldBeTrue();
        var refused = await (await Act(client, id, "assign", new { on = "2024-06-04", providerId = two })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "providerId");
        refused.GetProperty("errors").GetProperty("providerId")[0].GetString()!.ShouldContain("《法律援助法》第二十六条");
        refused.GetProperty("errors").GetProperty("providerId")[0].GetString()!.ShouldContain("2年");
        await (await Act(client, id, "assign", new { on = "2024-06-04", providerId = worker })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "providerId");
        (await Ok(await client.GetAsync($"/api/v1/legal-aid/cases/{id}"))).GetProperty("status").GetString().ShouldBe("Granted");
        await Ok(await Act(client, id, "assign", new { on = "2024-06-04", providerId = three }));
        // The same lawyer with 2 years may take an ordinary criminal case; the flag is refused on a civil one.
        var ordinary = (await Ok(await client.PostAsJsonAsync("/api/v1/legal-aid/cases", notice with { seriousCharge = false, noticeNumber = "（2024）鲁1002刑初9号" }), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await Ok(await Act(client, ordinary, "assign", new { on = "2024-06-04", providerId = two }));
        await (await client.PostAsJsonAsync("/api/v1/legal-aid/cases", new
        {
            applicantName = "王某", matter = "离婚纠纷", caseType = "民事", channel = "窗口", eligibility = "经济困难审查", receivedAt = "2024-06-03T09:00:00", seriousCharge = true,
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "seriousCharge");

        // Workstations: set up, 值班律师 (lawyers only), closing one takes its duty lawyers off.
        var station = await Ok(await client.PostAsJsonAsync("/api/v1/legal-aid/workstations", new { name = "环翠区妇联法律援助工作站", host = "环翠区妇女联合会", openedOn = "2024-03-08" }), HttpStatusCode.Created);
        var sid = station.GetProperty("id").GetInt64();
        await (await client.PostAsJsonAsync("/api/v1/legal-aid/workstations", new { name = "环翠区妇联法律援助工作站", host = "妇联", openedOn = "2024-03-08" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "name");
        await (await client.PutAsJsonAsync($"/api/v1/legal-aid/workstations/{sid}/duty", new { providerId = worker, onDuty = true })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "providerId");
        (await Ok(await client.PutAsJsonAsync($"/api/v1/legal-aid/workstations/{sid}/duty", new { providerId = three, onDuty = true }))).GetArrayLength().ShouldBe(1);
        (await Ok(await client.GetAsync("/api/v1/legal-aid/workstations"))).EnumerateArray().Single(w => w.GetProperty("id").GetInt64() == sid).GetProperty("dutyLawyers").GetInt32().ShouldBe(1);
        var closed = await Ok(await client.PutAsJsonAsync($"/api/v1/legal-aid/workstations/{sid}", new { name = "环翠区妇联法律援助工作站", host = "环翠区妇女联合会", openedOn = "2024-03-08", active = false }));
        (closed.GetProperty("active").GetBoolean(), closed.GetProperty("dutyLawyers").GetInt32()).ShouldBe((false, 0));
        (await client.PutAsJsonAsync($"/api/v1/legal-aid/workstations/{sid}/duty", new { providerId = three, onDuty = true })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The subsidy list of a period marked paid: once, on a day not in the future; the line then shows the day.
        await Ok(await Act(client, id, "close", new { on = "2024-07-01", result = "辩护意见被采纳" }));
        await (await client.PostAsJsonAsync("/api/v1/legal-aid/subsidies/payments/paid", new { from = "2024-07-01", to = "2024-07-31", paidOn = "2099-01-01" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "paidOn");
        (await Ok(await client.PostAsJsonAsync("/api/v1/legal-aid/subsidies/payments/paid", new { from = "2024-07-01", to = "2024-07-31", paidOn = "2024-08-05" }))).GetProperty("cases").GetInt32().ShouldBe(1);
        (await Ok(await client.GetAsync("/api/v1/legal-aid/subsidies/payments?from=2024-07-01&to=2024-07-31"))).GetProperty("lines")[0].GetProperty("paidOn").GetString().ShouldBe("2024-08-05");
        (await client.PostAsJsonAsync("/api/v1/legal-aid/subsidies/payments/paid", new { from = "2024-07-01", to = "2024-07-31", paidOn = "2024-08-06" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // An application left in 审查 past 第四十三条's seven days: the sweep reminds the centre's staff.
        var late = await Ok(await client.PostAsJsonAsync("/api/v1/legal-aid/cases", new
        {
            applicantName = "林某", matter = "工伤赔偿", caseType = "民事", channel = "窗口", eligibility = "经济困难审查", receivedAt = "2024-05-06T09:00:00",
        }), HttpStatusCode.Created);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8));
        await Fazhi.Web.Kernel.Timers.TimerJob.RunOnceAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), today, CancellationToken.None);
        await app.WithDbAsync(async db =>
            (await db.Set<Fazhi.Web.Kernel.Messages.Message>().Where(m => m.Recipient == "huancui-fy" && m.Module == "legalaid").Select(m => m.Title).ToListAsync())
                .ShouldContain($"法律援助申请{late.GetProperty("number").GetString()}审查期限已届满"));
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_written()
    {
        var client = await app.ApiAsAsync("huancui-fy");
        var before = await Ok(await client.GetAsync("/api/v1/legal-aid/cases"));
        // Green channel without the 第四十二条 category; an unknown type; a future time; a workstation application without its workstation.
        await (await client.PostAsJsonAsync("/api/v1/legal-aid/cases", Application(green: "农民工讨薪"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "green");
        await (await client.PostAsJsonAsync("/api/v1/legal-aid/cases", Application(type: "家事"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "caseType");
        await (await client.PostAsJsonAsync("/api/v1/legal-aid/cases", Application(received: "2099-01-01T09:00:00"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "receivedAt");
        await (await client.PostAsJsonAsync("/api/v1/legal-aid/cases", Application(channel: "工作站"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "workstationId");
        await (await client.PostAsJsonAsync("/api/v1/legal-aid/cases", Application(eligibility: "免予核查经济困难（第四十二条）", category: "领导交办")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "eligibilityCategory");
        await (await client.PostAsJsonAsync("/api/v1/legal-aid/cases", Application(channel: "公检法通知"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "noticeAuthority");
        (await Ok(await client.GetAsync("/api/v1/legal-aid/cases"))).GetProperty("total").GetInt32().ShouldBe(before.GetProperty("total").GetInt32());

        var c = await Ok(await client.PostAsJsonAsync("/api/v1/legal-aid/cases", Application(name: "毕文斌", received: "2025-05-06T10:00:00")), HttpStatusCode.Created);
        var id = c.GetProperty("id").GetInt64();
        var refusal = await (await Act(client, id, "refuse", new { on = "2025-05-07" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reason");
        refusal.GetProperty("errors").GetProperty("reason")[0].GetString()!.ShouldContain("理由");
        await (await Act(client, id, "provide-first", new { on = "2025-05-07", reason = "领导交办" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reason");
        await (await Act(client, id, "grant", new { on = "2025-05-01" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "on");
        (await Act(client, id, "fly-away", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Ok(await client.GetAsync($"/api/v1/legal-aid/cases/{id}"))).GetProperty("events").GetArrayLength().ShouldBe(1);
        c = await Ok(await Act(client, id, "refuse", new { on = "2025-05-07", reason = "申请事项不属于法律援助范围（第三十一条）" }));
        c.GetProperty("status").GetString().ShouldBe("Refused");
        c.GetProperty("documents").EnumerateArray().Select(d => d.GetString()).ShouldBe(["refusal-decision"]);
        var doc = await Ok(await client.PostAsync($"/api/v1/legal-aid/cases/{id}/documents/refusal-decision", null), HttpStatusCode.Created);
        var text = string.Join("\n", OfficialDocument.ReadParagraphs(await client.GetByteArrayAsync($"/api/v1/legal-aid/documents/{doc.GetProperty("id").GetInt64()}")));
        text.ShouldContain("申请事项不属于法律援助范围");
        text.ShouldContain("第四十九条");

        // A standard table with a bad row changes nothing.
        await Ok(await client.PutAsJsonAsync("/api/v1/legal-aid/subsidies/standards", new { rows = new[] { new { caseType = "刑事", stage = "审判", amount = 2000m } } }));
        var bad = await client.PutAsJsonAsync("/api/v1/legal-aid/subsidies/standards", new { rows = new[] { new { caseType = "刑事", stage = "审判", amount = 2500m }, new { caseType = "家事", stage = "一审", amount = -1m } } });
        await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "rows[1].caseType");
        var standards = await Ok(await client.GetAsync("/api/v1/legal-aid/subsidies/standards"));
        standards.EnumerateArray().Single().GetProperty("amount").GetDecimal().ShouldBe(2000m);
    }

    /// <summary>[002] 荣成 2022: 受理法律援助案件1790件，其中民事1236件，刑事554件; 农民工讨薪、低保户 当天受理、当天指派 (here 18 of 20
    /// green-channel applications, the two others listed). 2021 as the previous period.</summary>
    [Fact]
    public async Task Rongchengs_2022_figures_come_out_of_the_records()
    {
        await app.WithDbAsync(async db =>
        {
            var unit = await db.OrgUnits.SingleAsync(o => o.Code == "371082-SFJ");
            var rows = new List<AidCase>();
            AidCase Make(int n, int year, AidCaseType type, int dayOfYear, GreenKind? green = null, int decideAfter = 0, int assignAfter = 0)
            {
                var received = new DateOnly(year, 1, 1).AddDays(dayOfYear);
                return new AidCase
                {
                    OrgUnitId = unit.Id, Number = $"荣成测试〔{year}〕{n}号", Year = year, ApplicantName = "受援人" + n, Matter = "测试", CaseType = type,
                    Channel = type == AidCaseType.Criminal ? AidChannel.Notice : AidChannel.Window,
                    Eligibility = green is null ? EligibilityBasis.HardshipChecked : EligibilityBasis.Exempt, Green = green,
                    ReceivedOn = received, ReceivedAtUtc = received.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc), Status = AidStatus.Assigned,
                    DecidedOn = received.AddDays(decideAfter), AssignedOn = received.AddDays(decideAfter + assignAfter), ProviderName = "律师",
                };
            }
            var n = 0;
            for (var i = 0; i < 1236; i++)
                rows.Add(i < 20
                    ? Make(++n, 2022, AidCaseType.Civil, i * 17 % 360, i % 2 == 0 ? GreenKind.MigrantWages : GreenKind.Dibao, i == 5 ? 1 : 0, i == 6 ? 2 : 0)
                    : Make(++n, 2022, AidCaseType.Civil, i % 360));
            for (var i = 0; i < 554; i++)
                rows.Add(Make(++n, 2022, AidCaseType.Criminal, i % 360));
            // Outside the figure: refused, still in review, received in 2022 but decided in 2023.
            var refused = Make(++n, 2022, AidCaseType.Civil, 100);
            refused.Status = AidStatus.Refused;
            refused.AssignedOn = null;
            var reviewing = Make(++n, 2022, AidCaseType.Civil, 200);
            reviewing.Status = AidStatus.Reviewing;
            reviewing.DecidedOn = reviewing.AssignedOn = null;
            rows.AddRange([refused, reviewing, Make(++n, 2022, AidCaseType.Civil, 363, decideAfter: 5)]);
            for (var i = 0; i < 30; i++)
                rows.Add(Make(++n, 2021, i < 20 ? AidCaseType.Civil : AidCaseType.Criminal, i * 10));
            db.Set<AidCase>().AddRange(rows);
            await db.SaveChangesAsync();
        });
        var client = await app.ApiAsAsync("rongcheng-fy");
        var stats = await Ok(await client.GetAsync("/api/v1/legal-aid/stats?org=371082&from=2022-01-01&to=2022-12-31"));
        var c = stats.GetProperty("current");
        c.GetProperty("accepted").GetInt32().ShouldBe(1790);
        c.GetProperty("casesByType").GetProperty("Civil").GetInt32().ShouldBe(1236);
        c.GetProperty("casesByType").GetProperty("Criminal").GetInt32().ShouldBe(554);
        c.GetProperty("refused").GetInt32().ShouldBe(1);
        c.GetProperty("notices").GetInt32().ShouldBe(554);
        c.GetProperty("applications").GetInt32().ShouldBe(1236 + 3);
        c.GetProperty("greenReceived").GetInt32().ShouldBe(20);
        c.GetProperty("greenSameDay").GetInt32().ShouldBe(18);
        c.GetProperty("greenSameDayRate").GetDecimal().ShouldBe(90.00m);
        var missed = stats.GetProperty("greenMissed").EnumerateArray().ToList();
        missed.Count.ShouldBe(2);
        missed.Select(m => m.GetProperty("why").GetString()).ShouldBe(["收到后第1日才决定给予", "收到后第2日才指派"], ignoreOrder: true);
        var p = stats.GetProperty("previous");
        p.GetProperty("accepted").GetInt32().ShouldBe(30);
        p.GetProperty("casesByType").GetProperty("Criminal").GetInt32().ShouldBe(10);
        var metrics = await Ok(await client.GetAsync("/api/v1/metrics?org=371082&from=2022-01-01&to=2022-12-31"));
        metrics.ToString().ShouldContain("legalaid.green_same_day_rate");

        // 环翠区's staff do not see 荣成's figures; the city does.
        (await (await app.ApiAsAsync("huancui-fy")).GetAsync("/api/v1/legal-aid/stats?org=371082&from=2022-01-01&to=2022-12-31")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await Ok(await client.GetAsync("/api/v1/legal-aid/cases?queue=green-missed"));
        list.GetProperty("total").GetInt32().ShouldBe(2);
    }
}

public sealed class LegalAidTestsOnSqlite(SqliteFactory app) : LegalAidTests(app), IClassFixture<SqliteFactory>;

public sealed class LegalAidTestsOnPostgres(PostgresFactory app) : LegalAidTests(app), IClassFixture<PostgresFactory>;
