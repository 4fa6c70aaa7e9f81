using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Documents;
using Fazhi.Web.Modules.Reconsideration.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Fazhi.IntegrationTests.Modules.ReconApi;

namespace Fazhi.IntegrationTests.Modules;

/// <summary>
/// recon-more (issue 15) through the HTTP pipeline: the 决定主文 as its own field (and the old reading kept for decisions
/// recorded before it), ledger respondents matched by name variants and by a remembered choice, the 行政复议委员会 of
/// 第五十二条 as a case step, an archived case refusing attachment uploads and deletes (API and page), bad input in the
/// order of dates and service, and the 环翠区 demo data (on in this class only).
/// </summary>
public abstract class ReconMoreTests(FazhiFactory app)
{
    private static async Task<JsonElement> PostOkAsync(HttpClient client, string url, object? body = null)
    {
        var r = body is null ? await client.PostAsync(url, null) : await client.PostAsJsonAsync(url, body);
        var text = await r.Content.ReadAsStringAsync();
        ((int)r.StatusCode).ShouldBeInRange(200, 201, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    private static async Task<string> DocumentTextAsync(HttpClient client, long documentId) =>
        string.Join("\n", OfficialDocument.ReadParagraphs(await (await client.GetAsync($"/api/v1/reconsideration/documents/{documentId}")).Content.ReadAsByteArrayAsync()));

    private static async Task<long> DecidedCaseAsync(HttpClient client, string applicant, object decide)
    {
        var c = await CreateAsync(client, Intake(applicant, "2024-05-06T09:00:00"));
        await ActAsync(client, c.Id(), "accept", new { on = "2024-05-08" });
        (await client.PutAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/writing", new
        {
            request = "撤销被申请人作出的行政处罚决定", applicantStatement = "处罚过重。", respondentStatement = "处罚适当。", findings = "事实如下。", reasoning = "罚款数额明显不当。",
        })).EnsureSuccessStatusCode();
        await ActAsync(client, c.Id(), "decide", decide);
        return c.Id();
    }

    [Fact]
    public async Task The_decision_gist_is_its_own_field_and_a_decision_recorded_before_it_keeps_its_reading()
    {
        var client = await app.ApiAsAsync("huancui");
        var open = await CreateAsync(client, Intake("主文过长", "2024-05-06T09:00:00"));
        await ActAsync(client, open.Id(), "accept", new { on = "2024-05-08" });
        await (await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{open.Id()}/actions/decide", DecisionDefaults(new { on = "2024-06-20", decisionType = "变更", gist = new string('长', 1001) })))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "gist");
        var id = await DecidedCaseAsync(client, "主文甲", new { on = "2024-06-20", decisionType = "变更", gist = "罚款数额由五千元变更为二千元。", note = "承办人意见与合议意见一致" });
        var history = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases/{id}")).GetProperty("events").EnumerateArray()
            .Single(e => e.GetProperty("action").GetString() == "decide").GetProperty("note").GetString()!;
        history.ShouldContain("承办人意见与合议意见一致");   // the note stays the note
        history.ShouldContain("罚款数额由五千元变更为二千元");
        var draft = await PostOkAsync(client, $"/api/v1/reconsideration/cases/{id}/documents/decision-draft");
        // A 送达回证 for a document never issued: refused naming the document, nothing made.
        await (await client.PostAsync($"/api/v1/reconsideration/cases/{id}/documents/service-receipt?documentId={draft.Id()}", null))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "documentId");
        var text = await DocumentTextAsync(client, draft.Id());
        text.ShouldContain("变更被申请人作出的行政处罚决定：罚款数额由五千元变更为二千元。");
        text.ShouldNotContain("承办人意见");
        text.ShouldContain("第六十三条");

        // A decision recorded before the field existed: the gist is read out of its history note, as before.
        await app.WithDbAsync(async db =>
        {
            var c = await db.ReconCases().Include(x => x.Events).SingleAsync(x => x.Id == id);
            c.DecisionGist = null;
            c.Events.Single(e => e.Action == Fazhi.Web.Modules.Reconsideration.Domain.CaseAction.Decide).Note = "变更：罚款数额由五千元变更为一千元；经负责人同意（区政府分管副区长，第六十一条）";
            await db.SaveChangesAsync();
        });
        await PostOkAsync(client, $"/api/v1/reconsideration/cases/{id}/documents/decision-draft");
        var legacy = await DocumentTextAsync(client, draft.Id());
        legacy.ShouldContain("变更被申请人作出的行政处罚决定：罚款数额由五千元变更为一千元。");
        legacy.ShouldNotContain("第六十一条");

        // 部分撤销 cites 第六十四条 and prints what is revoked; without a gist the draft asks for it.
        var partial = await DecidedCaseAsync(client, "主文乙", new { on = "2024-06-20", decisionType = "部分撤销", note = "备注不进主文" });
        var partialDraft = await PostOkAsync(client, $"/api/v1/reconsideration/cases/{partial}/documents/decision-draft");
        var partialText = await DocumentTextAsync(client, partialDraft.Id());
        partialText.ShouldContain("第六十四条");
        partialText.ShouldContain("（请填写撤销的部分）");
        partialText.ShouldNotContain("备注不进主文");
    }

    private static byte[] Ledger(params (string Number, string Respondent)[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(r => new Dictionary<string, object?>
        {
            ["案号"] = r.Number, ["申请人"] = "别名申请人" + r.Number, ["被申请人"] = r.Respondent, ["申请事项"] = "不服行政处罚", ["收到日期"] = "2023-03-01",
            ["受理日期"] = "2023-03-03", ["结案日期"] = "2023-04-20", ["结案方式"] = "决定", ["决定类型"] = "维持", ["终止原因"] = "",
        }));
        return stream.ToArray();
    }

    private static async Task<JsonElement> ImportAsync(HttpClient client, byte[] file, bool dryRun)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "file", "台账.xlsx");
        var r = await client.PostAsync($"/api/v1/reconsideration/import?dryRun={(dryRun ? "true" : "false")}", form);
        var text = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task Ledger_respondents_match_by_name_variants_and_an_unmatched_name_is_chosen_once_and_remembered()
    {
        var client = await app.ApiAsAsync("huancui");
        var file = Ledger(("别名〔2023〕1号", "威海市环翠区市场监督管理局"), ("别名〔2023〕2号", "区市场监管局"), ("别名〔2023〕3号", "环翠区市场监管局"),
            ("别名〔2023〕4号", "区城市管理局"), ("别名〔2023〕5号", "环翠区城市管理局"));
        var dry = await ImportAsync(client, file, dryRun: true);
        var errors = dry.GetProperty("errors").EnumerateArray().ToList();
        errors.Select(e => e.GetProperty("row").GetInt32()).ShouldBe([5, 6]);   // only the two 城市管理局 rows
        errors[0].GetProperty("message").GetString()!.ShouldContain("“区城市管理局”未能对应");
        var unmatched = dry.GetProperty("unmatched").EnumerateArray().Select(u => u.GetProperty("name").GetString()).ToList();
        unmatched.ShouldBe(["区城市管理局", "环翠区城市管理局"]);
        var choices = dry.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
        choices.ShouldContain("371002-ZHZF");
        choices.ShouldNotContain("371082-SCJG");   // another district's departments are not offered

        // Bad choices are refused naming the field, nothing remembered.
        await (await client.PostAsJsonAsync("/api/v1/reconsideration/respondent-aliases", new { choices = new[] { new { name = "区城市管理局", respondentCode = "371002" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "respondentCode");
        (await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/reconsideration/respondent-aliases"))!.ShouldNotContain(a => a.GetProperty("name").GetString() == "区城市管理局");

        // One choice covers both spellings (环翠区城市管理局 normalises to the same name).
        (await PostOkAsync(client, "/api/v1/reconsideration/respondent-aliases", new { choices = new[] { new { name = "区城市管理局", respondentCode = "371002-ZHZF" } } }))
            .GetProperty("saved").GetInt32().ShouldBe(1);
        var again = await ImportAsync(client, file, dryRun: true);
        again.GetProperty("errors").GetArrayLength().ShouldBe(0, again.ToString());
        again.GetProperty("unmatched").GetArrayLength().ShouldBe(0);
        (await ImportAsync(client, file, dryRun: false)).GetProperty("created").GetInt32().ShouldBe(5);
        var listed = (await client.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/cases?q=" + Uri.EscapeDataString("别名申请人别名〔2023〕5号"))).GetProperty("items")[0];
        listed.GetProperty("respondentName").GetString().ShouldBe("环翠区综合行政执法局");

        // The table is the bureau's: another district does not see it; deleting an entry makes the name unmatched again.
        var alias = (await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/reconsideration/respondent-aliases"))!.Single(a => a.GetProperty("name").GetString() == "区城市管理局");
        alias.GetProperty("respondentName").GetString().ShouldBe("环翠区综合行政执法局");
        (await (await app.ApiAsAsync("rongcheng")).GetFromJsonAsync<List<JsonElement>>("/api/v1/reconsideration/respondent-aliases"))!.ShouldBeEmpty();
        await (await (await app.ApiAsAsync("rongcheng")).DeleteAsync($"/api/v1/reconsideration/respondent-aliases/{alias.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await client.DeleteAsync($"/api/v1/reconsideration/respondent-aliases/{alias.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ImportAsync(client, Ledger(("别名〔2023〕6号", "区城市管理局")), dryRun: true)).GetProperty("unmatched").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task The_committee_is_asked_on_a_ground_of_article_52_and_the_decision_waits_for_its_recorded_opinions()
    {
        var client = await app.ApiAsAsync("huancui");
        await PostOkAsync(client, "/api/v1/reconsideration/committee-members", new { name = "委员甲", affiliation = "某大学法学院 教授", field = "行政法" });
        await PostOkAsync(client, "/api/v1/reconsideration/committee-members", new { name = "委员乙", affiliation = "某律师事务所 律师" });
        await (await client.PostAsJsonAsync("/api/v1/reconsideration/committee-members", new { name = "委员甲" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "name");
        var roster = (await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/reconsideration/committee-members"))!;
        roster.Select(m => m.GetProperty("name").GetString()).ShouldContain("委员甲");
        roster.Select(m => m.GetProperty("name").GetString()).ShouldContain("刘振华");   // the demo roster of 环翠区
        (await (await app.ApiAsAsync("rongcheng")).GetFromJsonAsync<List<JsonElement>>("/api/v1/reconsideration/committee-members"))!.ShouldBeEmpty();

        var c = await CreateAsync(client, Intake("委员会申请人", "2024-05-06T09:00:00"));
        var id = c.Id();
        await (await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{id}/actions/request-consultation", new { on = "2024-05-07", consultationGround = "1", note = "事项" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);   // not accepted yet
        await ActAsync(client, id, "accept", new { on = "2024-05-08" });
        await ActAsync(client, id, "send-copy", new { on = "2024-05-09" });
        // Reply before the copy was sent: refused naming the date.
        await (await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{id}/actions/record-reply", new { on = "2024-05-08" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "on");
        await (await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{id}/actions/request-consultation", new { on = "2024-05-20", consultationGround = "随便", note = "事项" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "consultationGround");
        await ActAsync(client, id, "request-consultation", new { on = "2024-05-20", consultationGround = "案情重大、疑难、复杂（第五十二条第二款第一项）", note = "违法所得的计算方法" });

        var refused = await (await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{id}/actions/decide", DecisionDefaults(new { on = "2024-06-20", decisionType = "维持" })))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.GetProperty("detail").GetString()!.ShouldContain("第五十二条");
        var stranger = await (await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{id}/actions/record-consultation",
            new { on = "2024-05-27", opinions = "委员甲：同意维持\n路人丙：同意", conclusion = "建议维持" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "opinions");
        stranger.GetProperty("errors").GetProperty("opinions")[0].GetString()!.ShouldContain("“路人丙”不在本机构的行政复议委员会名册中");
        await (await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{id}/actions/record-consultation",
            new { on = "2024-05-27", opinions = "委员甲：同意维持", conclusion = "建议维持" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "opinions");
        await (await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{id}/actions/record-consultation",
            new { on = "2024-05-19", opinions = "委员甲：同意维持\n委员乙：同意", conclusion = "建议维持" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "on");
        await ActAsync(client, id, "record-consultation", new { on = "2024-05-27", opinions = "委员甲：处罚事实清楚，同意维持\n委员乙：程序合法", conclusion = "建议维持" });

        var consultations = (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/reconsideration/cases/{id}/consultations"))!;
        var x = consultations.ShouldHaveSingleItem();
        x.GetProperty("ground").GetString().ShouldBe("案情重大、疑难、复杂（第五十二条第二款第一项）");
        x.GetProperty("heldOn").GetString().ShouldBe("2024-05-27");
        x.GetProperty("opinions").EnumerateArray().Select(o => o.GetProperty("member").GetString()).ShouldBe(["委员甲", "委员乙"]);
        x.GetProperty("conclusion").GetString().ShouldBe("建议维持");
        var events = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases/{id}")).GetProperty("events").EnumerateArray().ToList();
        events.Single(e => e.GetProperty("action").GetString() == "record-consultation").GetProperty("note").GetString()!.ShouldContain("建议维持");
        await ActAsync(client, id, "decide", new { on = "2024-06-20", decisionType = "维持" });

        // The case page shows the consultation with each member's opinion.
        var browser = await app.BrowserAsAsync("huancui");
        var page = await browser.GetStringAsync($"/reconsideration/cases/{id}");
        page.ShouldContain("行政复议委员会咨询");
        page.ShouldContain("处罚事实清楚，同意维持");
    }

    private static MultipartFormDataContent File(string name, byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(content, "file", name);
        return form;
    }

    [Fact]
    public async Task An_archived_case_refuses_attachment_uploads_and_deletes_through_the_api_and_the_page()
    {
        var client = await app.ApiAsAsync("huancui");
        var id = await DecidedCaseAsync(client, "归档附件", new { on = "2024-06-20", decisionType = "维持" });
        var uploaded = await client.PostAsync($"/api/v1/attachments/recon/case/{id}", File("申请书.pdf", [37, 80, 68, 70]));
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        var before = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        var decision = await PostOkAsync(client, $"/api/v1/reconsideration/cases/{id}/documents/decision-draft");
        await PostOkAsync(client, $"/api/v1/reconsideration/documents/{decision.Id()}/issue", new { on = "2024-06-20" });
        (await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{id}/archive", new { on = "2024-06-30" })).EnsureSuccessStatusCode();

        var upload = await (await client.PostAsync($"/api/v1/attachments/recon/case/{id}", File("补充.pdf", [37, 80, 68, 70]))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        upload.GetProperty("detail").GetString()!.ShouldContain("案件已于2024-06-30归档");
        await (await client.DeleteAsync($"/api/v1/attachments/{before.Id()}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/attachments/recon/case/{id}"))!.ShouldHaveSingleItem();

        var browser = await app.BrowserAsAsync("huancui");
        var html = await browser.GetStringAsync($"/reconsideration/cases/{id}");
        var form = File("页面补充.pdf", [37, 80, 68, 70]);
        form.Add(new StringContent(CookieLogin.AntiforgeryToken(html)), "__RequestVerificationToken");
        var posted = await browser.PostAsync($"/reconsideration/cases/{id}?handler=Attach", form);
        (await posted.Content.ReadAsStringAsync()).ShouldContain("归档，不能再上传或删除案卷材料");
        var delete = await browser.PostAsync($"/reconsideration/cases/{id}?handler=DeleteAttachment", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["attachmentId"] = before.Id().ToString(System.Globalization.CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(html),
        }));
        (await delete.Content.ReadAsStringAsync()).ShouldContain("归档，不能再上传或删除案卷材料");
        (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/attachments/recon/case/{id}"))!.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_demo_data_of_huancui_shows_parties_a_panel_hearing_a_served_decision_and_an_archived_case()
    {
        var client = await app.ApiAsAsync("huancui");
        async Task<JsonElement> Find(string q) =>
            await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases/{(await client.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/cases?q=" + Uri.EscapeDataString(q))).GetProperty("items")[0].Id()}");
        var group = await Find("张建国");
        var roles = group.GetProperty("record").GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("roleName").GetString()).ToList();
        roles.Count(r => r == "申请人").ShouldBe(2);
        roles.ShouldContain("代表人");
        roles.ShouldContain("第三人");
        roles.ShouldContain("委托代理人");
        var hearing = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases/{group.Id()}/hearing");
        hearing.GetProperty("host").GetString().ShouldBe("陈立新");
        hearing.GetProperty("clerk").GetString().ShouldBe("李娜");

        var archived = await Find("毕德胜");
        archived.GetProperty("status").GetString().ShouldBe("Decided");
        var services = (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/reconsideration/cases/{archived.Id()}/services"))!;
        services.ShouldContain(s => s.GetProperty("method").GetString() == "邮寄送达" && s.GetProperty("servedOn").ValueKind == JsonValueKind.String);
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases/{archived.Id()}/archive")).GetProperty("fileNumber").GetString()!.ShouldStartWith("环翠复档");
        (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/reconsideration/cases/{archived.Id()}/consultations"))!.ShouldHaveSingleItem()
            .GetProperty("opinions").GetArrayLength().ShouldBe(3);
        archived.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ShouldContain("record-consultation");
        var page = await (await app.BrowserAsAsync("huancui")).GetStringAsync($"/reconsideration/cases/{archived.Id()}");
        page.ShouldContain("罚款数额由五千元变更为二千元");
        (await Find("于红梅")).GetProperty("status").GetString().ShouldBe("Reviewing");
        (await Find("周德胜")).GetProperty("status").GetString().ShouldBe("NotAccepted");
        (await Find("吴淑珍")).GetProperty("status").GetString().ShouldBe("Terminated");
        (await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/reconsideration/respondent-aliases"))!.Select(a => a.GetProperty("name").GetString()).ShouldContain("区市场监管局");
    }
}

/// <summary>This class alone seeds the 行政复议 demo data of 环翠区 (the others build what they assert on).</summary>
public sealed class ReconMoreSqliteFactory() : FazhiFactory(Provider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Fazhi:DemoReconData", "true");
    }
}

public sealed class ReconMorePostgresFactory() : FazhiFactory(Provider.Postgres)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Fazhi:DemoReconData", "true");
    }
}

public sealed class ReconMoreTestsOnSqlite(ReconMoreSqliteFactory app) : ReconMoreTests(app), IClassFixture<ReconMoreSqliteFactory>;

public sealed class ReconMoreTestsOnPostgres(ReconMorePostgresFactory app) : ReconMoreTests(app), IClassFixture<ReconMorePostgresFactory>;
