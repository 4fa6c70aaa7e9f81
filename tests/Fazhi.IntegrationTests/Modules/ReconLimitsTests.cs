using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using static Fazhi.IntegrationTests.Modules.ReconApi;

namespace Fazhi.IntegrationTests.Modules;

/// <summary>Issue 15 §1, §2, §5 through the HTTP pipeline: the law's limits refused with the article named (and accepted
/// once lawful), the intake that cannot be posted twice, corrections and voids in the history and the figures, parties,
/// and 行政应诉's 上诉期, 共同被告, 败诉原因 and 负责人出庭 per hearing.</summary>
public abstract class ReconLimitsTests(FazhiFactory app)
{
    private static async Task<HttpResponseMessage> PostActAsync(HttpClient c, long id, string action, object body) =>
        await c.PostAsJsonAsync($"/api/v1/reconsideration/cases/{id}/actions/{action}", body);

    private static string Messages(JsonElement problem) => problem.GetRawText();

    [Fact]
    public async Task Limits_are_refused_naming_the_article_and_the_lawful_step_then_goes_through()
    {
        var staff = await app.ApiAsAsync("huancui");
        // Received Friday 2024-09-27: the review period runs across 国庆 to 2024-10-10.
        var c = await CreateAsync(staff, Intake("期限申请人", "2024-09-27T10:00:00"));
        var late = await (await PostActAsync(staff, c.Id(), "accept", new { on = "2024-10-11" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "on");
        Messages(late).ShouldContain("第三十条第三款");
        Messages(late).ShouldContain("2024-10-10");
        (await (await PostActAsync(staff, c.Id(), "reject", new { on = "2024-10-11", reason = "超过申请期限" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "on"))
            .GetRawText().ShouldContain("第三十条第二款");
        (await (await PostActAsync(staff, c.Id(), "request-correction", new { on = "2024-10-11", note = "补充材料" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "on"))
            .GetRawText().ShouldContain("第三十一条第一款");
        var accepted = await ActAsync(staff, c.Id(), "accept", new { on = "2024-10-10" });
        accepted.GetProperty("acceptedOn").GetString().ShouldBe("2024-10-10");

        // 第四十八条、第四十九条: a 普通程序 decision names the missing steps; a recorded reason lets it through.
        var missing = await (await PostActAsync(staff, c.Id(), "decide", new { on = "2024-10-20", decisionType = "维持", decisionMode = "负责人同意", decidedBy = "张副区长" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "overrideReason");
        Messages(missing).ShouldContain("第四十八条");
        Messages(missing).ShouldContain("第四十九条");
        (await (await PostActAsync(staff, c.Id(), "decide", new { on = "2024-10-20", decisionType = "维持", overrideReason = "书面审理" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "decisionMode")).GetRawText().ShouldContain("第六十一条");
        // 第六十二条: the period (60 days from 10-10 → 12-09) has not run out on 12-09; it has on 12-10.
        (await (await PostActAsync(staff, c.Id(), "extend", new { on = "2024-12-10", days = 30, approvedBy = "王局长" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "on")).GetRawText().ShouldContain("第六十二条");
        await ActAsync(staff, c.Id(), "extend", new { on = "2024-12-09", days = 30, approvedBy = "王局长" });
        var decided = await ActAsync(staff, c.Id(), "decide", new
        {
            on = "2024-12-20", decisionType = "部分撤销", decisionMode = "集体讨论", decidedBy = "区政府常务会议", periodDays = 30,
            overrideReason = "申请人明确表示不再陈述意见，书面审理",
        });
        decided.GetProperty("decisionType").GetString().ShouldBe("部分撤销");
        decided.GetProperty("record").GetProperty("decisionMode").GetString().ShouldBe("集体讨论");
        decided.GetProperty("deadlines").EnumerateArray().ShouldContain(d => d.GetProperty("kind").GetString() == "respondent-period");

        // 第三十一条: 视为放弃 needs the receipt date and the ten working days.
        var corr = await CreateAsync(staff, Intake("补正申请人", "2024-02-05T10:00:00"));
        await ActAsync(staff, corr.Id(), "request-correction", new { on = "2024-02-06", note = "补充处罚决定书" });
        (await (await PostActAsync(staff, corr.Id(), "abandon", new { on = "2024-03-20" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "receivedOn"))
            .GetRawText().ShouldContain("第三十一条第二款");
        await (await PostActAsync(staff, corr.Id(), "abandon", new { on = "2024-02-28", receivedOn = "2024-02-08" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "on");
        (await ActAsync(staff, corr.Id(), "abandon", new { on = "2024-02-29", receivedOn = "2024-02-08" })).GetProperty("status").GetString().ShouldBe("Abandoned");

        // 第二十一条: an act more than five years before the application cannot be accepted; the page says so.
        var old = await CreateAsync(staff, With(Intake("久远申请人", "2024-10-11T10:00:00"), new { actDate = "2019-10-10", learnedOn = "2024-10-01" }));
        old.GetProperty("applicationInTime").GetBoolean().ShouldBeFalse();
        old.GetProperty("applicationPeriod").GetString()!.ShouldContain("第二十一条");
        (await (await PostActAsync(staff, old.Id(), "accept", new { on = "2024-10-11" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "on"))
            .GetRawText().ShouldContain("第二十一条");
    }

    /// <summary>The intake body with some fields replaced.</summary>
    private static Dictionary<string, object?> With(object intake, object changes)
    {
        var d = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(intake))!;
        foreach (var p in JsonSerializer.SerializeToElement(changes).EnumerateObject())
            d[p.Name] = p.Value;
        return d;
    }

    [Fact]
    public async Task The_intake_form_cannot_register_twice_and_a_same_act_application_is_flagged()
    {
        var staff = await app.ApiAsAsync("huancui");
        var token = Guid.NewGuid().ToString("N");
        var body = With(Intake("双击申请人", "2024-05-06T09:00:00"), new { acknowledgeDuplicate = false, submissionToken = token, actName = "行政处罚决定", actDocumentNumber = "环市监罚〔2024〕8号", actAgency = "威海市环翠区市场监督管理局" });
        var first = await CreateAsync(staff, body);
        var again = await CreateAsync(staff, body);
        again.Id().ShouldBe(first.Id());
        again.GetProperty("caseNumber").GetString().ShouldBe(first.GetProperty("caseNumber").GetString());
        first.GetProperty("record").GetProperty("actDocumentNumber").GetString().ShouldBe("环市监罚〔2024〕8号");

        // Two posts of one token at once: one case.
        var token2 = Guid.NewGuid().ToString("N");
        var body2 = With(Intake("并发申请人", "2024-05-07T09:00:00"), new { submissionToken = token2 });
        var both = await Task.WhenAll(staff.PostAsJsonAsync("/api/v1/reconsideration/cases", body2), staff.PostAsJsonAsync("/api/v1/reconsideration/cases", body2));
        var ids = new List<long>();
        foreach (var r in both)
        {
            var text = await r.Content.ReadAsStringAsync();
            r.StatusCode.ShouldBe(HttpStatusCode.Created, text);
            ids.Add(JsonDocument.Parse(text).RootElement.Id());
        }
        ids.Distinct().ShouldHaveSingleItem();

        // Another form (new token), same applicant, respondent and act within 30 days: flagged, then confirmed.
        var dup = With(body, new { submissionToken = Guid.NewGuid().ToString("N"), receivedAt = "2024-05-20T09:00:00" });
        var flagged = await (await staff.PostAsJsonAsync("/api/v1/reconsideration/cases", dup)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "acknowledgeDuplicate");
        flagged.GetRawText().ShouldContain(first.GetProperty("caseNumber").GetString()!);
        var confirmed = await CreateAsync(staff, With(dup, new { acknowledgeDuplicate = true }));
        confirmed.Id().ShouldNotBe(first.Id());
        // Outside the 30 days: not flagged.
        await CreateAsync(staff, With(body, new { submissionToken = Guid.NewGuid().ToString("N"), receivedAt = "2024-06-20T09:00:00" }));
    }

    [Fact]
    public async Task A_correction_is_in_the_history_and_a_void_keeps_its_number_out_of_every_figure()
    {
        var staff = await app.ApiAsAsync("huancui");
        async Task<int> Received() =>
            (await staff.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/stats?org=371002&from=2023-03-01&to=2023-03-31")).GetProperty("current").GetProperty("received").GetInt32();
        var before = await Received();
        var c = await CreateAsync(staff, Intake("作废申请人", "2023-03-06T09:00:00"));
        var keep = await CreateAsync(staff, Intake("更正申请人", "2023-03-07T09:00:00"));
        (await Received()).ShouldBe(before + 2);

        (await (await PostActAsync(staff, keep.Id(), "amend", new { field = "申请人", value = "更正后申请人" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reason"))
            .GetRawText().ShouldContain("修改理由");
        var amended = await ActAsync(staff, keep.Id(), "amend", new { field = "申请人", value = "更正后申请人", reason = "身份证姓名与登记不符" });
        amended.GetProperty("applicantName").GetString().ShouldBe("更正后申请人");
        amended.GetProperty("events").EnumerateArray().Last().GetProperty("note").GetString().ShouldBe("申请人：“更正申请人”改为“更正后申请人”；理由：身份证姓名与登记不符");

        var voided = await ActAsync(staff, c.Id(), "void", new { reason = "重复登记" });
        voided.GetProperty("status").GetString().ShouldBe("Voided");
        voided.GetProperty("caseNumber").GetString().ShouldBe(c.GetProperty("caseNumber").GetString());
        voided.GetProperty("record").GetProperty("voided").GetBoolean().ShouldBeTrue();
        voided.GetProperty("allowedActions").GetArrayLength().ShouldBe(0);
        (await Received()).ShouldBe(before + 1);
        await (await PostActAsync(staff, c.Id(), "amend", new { field = "申请人", value = "x", reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        // The number is never reused: the next case of 2023 takes a new one.
        var next = await CreateAsync(staff, Intake("下一申请人", "2023-03-08T09:00:00"));
        next.GetProperty("caseNumber").GetString().ShouldNotBe(c.GetProperty("caseNumber").GetString());

        // The case page shows the correction and the void.
        var browser = await app.BrowserAsAsync("huancui");
        var page = await browser.GetStringAsync($"/reconsideration/cases/{c.Id()}");
        page.ShouldContain("已作废");
        page.ShouldContain("重复登记");
        (await browser.GetStringAsync($"/reconsideration/cases/{keep.Id()}")).ShouldContain("身份证姓名与登记不符");

        // Parties: another applicant, the 代表人, a 第三人 and an agent with the authorisation; the ID number is masked.
        await ActAsync(staff, keep.Id(), "add-party", new { partyRole = "申请人", partyName = "共同申请人", partyIdNumber = "11010519491231002X" });
        await ActAsync(staff, keep.Id(), "add-party", new { partyRole = "代表人", partyName = "共同申请人" });
        var withAgent = await ActAsync(staff, keep.Id(), "add-party", new { partyRole = "委托代理人", partyName = "赵律师", actsFor = "共同申请人", authorisation = "一般授权" });
        var parties = withAgent.GetProperty("record").GetProperty("parties").EnumerateArray().ToList();
        parties.Count.ShouldBe(3);
        parties[0].GetProperty("idMasked").GetString()!.ShouldNotContain("19491231");
        await (await PostActAsync(staff, keep.Id(), "add-party", new { partyRole = "代表人", partyName = "外人" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "partyName");
    }

    [Fact]
    public async Task Litigation_records_the_appeal_period_co_defendant_loss_reason_and_each_hearing()
    {
        var staff = await app.ApiAsAsync("huancui");
        var recon = await CreateAsync(staff, Intake("诉讼申请人", "2024-04-01T09:00:00"));
        await ActAsync(staff, recon.Id(), "accept", new { on = "2024-04-02" });
        await ActAsync(staff, recon.Id(), "decide", new { on = "2024-05-06", decisionType = "维持", decisionMode = "负责人同意", decidedBy = "张副区长", overrideReason = "书面审理" });
        object Suit(object extra) => With(new
        {
            court = "环翠区人民法院", courtCaseNumber = "（2024）鲁1002行初77号", instance = "一审", plaintiff = "诉讼申请人", defendantCode = "371002-SCJG",
            cause = "行政处罚", reconCaseNumber = recon.GetProperty("caseNumber").GetString(), filedOn = "2024-06-03",
        }, extra);
        (await (await staff.PostAsJsonAsync("/api/v1/litigation/cases", Suit(new { coDefendant = false }))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "coDefendant"))
            .GetRawText().ShouldContain("第二十六条第二款");
        await (await staff.PostAsJsonAsync("/api/v1/litigation/cases", Suit(new { outcome = "败诉", concludedOn = "2024-09-20" }))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "lossReason");
        await (await staff.PostAsJsonAsync("/api/v1/litigation/cases", Suit(new { outcome = "败诉", concludedOn = "2024-09-20", lossReason = "nonsense" }))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "lossReason");
        var created = await staff.PostAsJsonAsync("/api/v1/litigation/cases", Suit(new { outcome = "败诉", concludedOn = "2024-09-20", lossReason = "procedure", judgmentKind = "判决", judgmentServedOn = "2024-09-20" }));
        var text = await created.Content.ReadAsStringAsync();
        created.IsSuccessStatusCode.ShouldBeTrue(text);
        var suit = JsonDocument.Parse(text).RootElement;
        suit.GetProperty("coDefendant").GetBoolean().ShouldBeTrue();
        suit.GetProperty("appealDue").GetString().ShouldBe("2024-10-08"); // 15 days to 10-05 (国庆) → 10-08
        suit.GetProperty("appealExplanation").GetString()!.ShouldContain("第八十五条");

        var id = suit.Id();
        await (await staff.PostAsJsonAsync($"/api/v1/litigation/cases/{id}/hearings", new { on = "2024-07-10", headAppeared = true })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "appearer");
        await staff.PostAsJsonAsync($"/api/v1/litigation/cases/{id}/hearings", new { on = "2024-07-10", headAppeared = true, appearer = "李局长" });
        var two = await staff.PostAsJsonAsync($"/api/v1/litigation/cases/{id}/hearings", new { on = "2024-08-14", headAppeared = false, appearer = "法制科科长" });
        var withHearings = JsonDocument.Parse(await two.Content.ReadAsStringAsync()).RootElement;
        withHearings.GetProperty("hearings").GetArrayLength().ShouldBe(2);

        var stats = await staff.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/stats?org=371002&from=2024-07-01&to=2024-09-30");
        var lit = stats.GetProperty("current").GetProperty("litigation");
        lit.GetProperty("hearings").GetInt32().ShouldBeGreaterThanOrEqualTo(2);
        lit.GetProperty("lossReasons").GetProperty("procedure").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
    }
}

public sealed class ReconLimitsTestsOnSqlite(SqliteFactory app) : ReconLimitsTests(app), IClassFixture<SqliteFactory>;

public sealed class ReconLimitsTestsOnPostgres(PostgresFactory app) : ReconLimitsTests(app), IClassFixture<PostgresFactory>;
