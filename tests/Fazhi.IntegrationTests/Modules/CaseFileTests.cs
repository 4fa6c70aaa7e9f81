using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Documents;
using static Fazhi.IntegrationTests.Modules.ReconApi;

namespace Fazhi.IntegrationTests.Modules;

/// <summary>
/// Issue 15 §3/§4 through the HTTP pipeline: a 决定书 filled entirely from a crafted case, 签发 refused while the case
/// does not know an element, 送达 starting the respondent's reply period, the hearing panel of 第五十条, 归档 closing the
/// case to edits, and the redacted publication of the 决定书.
/// </summary>
public abstract class CaseFileTests(FazhiFactory app)
{
    private static async Task<JsonElement> GenerateAsync(HttpClient client, long caseId, string kind, long? forDocument = null)
    {
        var r = await client.PostAsync($"/api/v1/reconsideration/cases/{caseId}/documents/{kind}{(forDocument is { } f ? $"?documentId={f}" : "")}", null);
        var body = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<JsonElement> IssueAsync(HttpClient client, long documentId, string on)
    {
        var r = await client.PostAsJsonAsync($"/api/v1/reconsideration/documents/{documentId}/issue", new { on, signer = "王局长" });
        var body = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<List<string>> TextAsync(HttpClient client, long documentId) =>
        [.. OfficialDocument.ReadParagraphs(await (await client.GetAsync($"/api/v1/reconsideration/documents/{documentId}")).Content.ReadAsByteArrayAsync())];

    [Fact]
    public async Task A_decision_is_written_entirely_from_the_case_and_cannot_be_issued_while_an_element_is_missing()
    {
        var client = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(client, new
        {
            applicantName = "文书甲", applicantKind = "自然人", applicantIdNumber = "11010519491231002X", applicantPhone = "13912345678", agentName = "李律师",
            respondentCode = "371002-SCJG", matter = "请求撤销环翠区市场监督管理局作出的环市监罚〔2024〕12号行政处罚决定", actDate = "2024-04-01", learnedOn = "2024-04-02",
            channel = "窗口", receivedAt = "2024-05-06T09:00:00",
        });
        await ActAsync(client, c.Id(), "accept", new { on = "2024-05-08" });
        await ActAsync(client, c.Id(), "decide", new { on = "2024-06-20", decisionType = "变更", gist = "罚款数额由五千元变更为二千元" });

        // Without the facts found and the reasoning the draft asks for them and 签发 names what is missing.
        var draft = await GenerateAsync(client, c.Id(), "decision-draft");
        string.Join("\n", await TextAsync(client, draft.Id())).ShouldContain("（请填写经审理查明的事实）");
        var refused = await client.PostAsJsonAsync($"/api/v1/reconsideration/documents/{draft.Id()}/issue", new { on = "2024-06-20" });
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "document");
        var message = problem.GetProperty("errors").GetProperty("document")[0].GetString()!;
        message.ShouldContain("经审理查明的事实");
        message.ShouldContain("本机关认为的理由");
        message.ShouldContain("申请人的主张和理由");

        var saved = await client.PutAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/writing", new
        {
            thirdParties = "赵六", applicantStatement = "处罚过重。", respondentStatement = "处罚适当。", thirdPartyStatement = "同意申请人意见。",
            findings = "申请人于2024年3月销售过期食品。", reasoning = "被申请人认定事实清楚，但罚款数额明显不当。",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        await GenerateAsync(client, c.Id(), "decision-draft");
        var issued = await IssueAsync(client, draft.Id(), "2024-06-20");
        issued.GetProperty("number").GetString()!.ShouldMatch(@"^环翠复决〔2024〕\d+号$");

        var p = await TextAsync(client, draft.Id());
        var text = string.Join("\n", p);
        p[0].ShouldBe("威海市环翠区人民政府");
        p[1].ShouldBe("行政复议决定书");
        p[2].ShouldBe(issued.GetProperty("number").GetString());
        p.ShouldContain("申请人：文书甲，女，1949年12月31日出生");
        p.ShouldContain("委托代理人：李律师");
        p.ShouldContain("被申请人：威海市环翠区市场监督管理局");
        p.ShouldContain("第三人：赵六");
        text.ShouldContain("申请人不服被申请人作出的环市监罚〔2024〕12号行政处罚决定，于2024年5月6日向本机关申请行政复议，本机关于2024年5月8日依法受理，适用普通程序审理。");
        text.ShouldContain("申请人请求：撤销环翠区市场监督管理局作出的环市监罚〔2024〕12号行政处罚决定。");
        p.ShouldContain("申请人称：处罚过重。");
        p.ShouldContain("被申请人称：处罚适当。");
        p.ShouldContain("第三人称：同意申请人意见。");
        p.ShouldContain("经审理查明：申请人于2024年3月销售过期食品。");
        text.ShouldContain("依照《中华人民共和国行政复议法》第六十三条的规定，本机关决定如下：");
        p.ShouldContain("变更被申请人作出的环市监罚〔2024〕12号行政处罚决定：罚款数额由五千元变更为二千元。");
        text.ShouldContain("申请人、第三人如不服本决定，可以自收到本决定书之日起十五日内，依法向威海市环翠区人民法院提起行政诉讼。");
        p.ShouldContain("（印章）");
        p[^2].ShouldBe("威海市环翠区人民政府");
        p[^1].ShouldBe("2024年6月20日");
        text.ShouldNotContain("（请填写");
        text.ShouldNotContain("{{");
        text.ShouldNotContain("11010519491231002X");
    }

    [Fact]
    public async Task Service_of_the_reply_notice_starts_the_respondents_ten_working_days_and_bad_service_is_refused()
    {
        var client = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(client, Intake("送达申请人", "2024-05-06T09:00:00"));
        await ActAsync(client, c.Id(), "accept", new { on = "2024-05-08" });
        var notice = await GenerateAsync(client, c.Id(), "reply-notice");
        var draftText = string.Join("\n", await TextAsync(client, notice.Id()));
        draftText.ShouldContain("请你单位自收到本通知及申请书副本之日起十日内");
        draftText.ShouldContain("第四十八条");

        object Service(string? served, string method = "直接送达", string? tracking = null) => new
        {
            documentId = notice.Id(), party = "被申请人", addressee = "威海市环翠区市场监督管理局", method, trackingNumber = tracking, sentOn = "2024-05-10", servedOn = served,
        };
        // A document never issued cannot be served.
        await (await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/services", Service("2024-05-13"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "documentId");
        await IssueAsync(client, notice.Id(), "2024-05-10");
        // Served before it was issued; mail without its tracking number: refused, nothing recorded.
        await (await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/services", Service("2024-05-09"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "servedOn");
        await (await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/services", Service("2024-05-13", "邮寄送达"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "trackingNumber");
        (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/reconsideration/cases/{c.Id()}/services"))!.ShouldBeEmpty();

        var served = await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/services", Service("2024-05-13", "邮寄送达", "1100000000001"));
        served.StatusCode.ShouldBe(HttpStatusCode.Created, await served.Content.ReadAsStringAsync());
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases/{c.Id()}");
        var reply = after.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "reply");
        reply.GetProperty("due").GetString().ShouldBe("2024-05-27");   // ten working days from Monday 13 May
        after.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ShouldContain("record-copy-received");

        // The 送达回证 lists the service as recorded.
        var receipt = await GenerateAsync(client, c.Id(), "service-receipt", notice.Id());
        var receiptText = string.Join("\n", await TextAsync(client, receipt.Id()));
        receiptText.ShouldContain("送达文书：《行政复议答复通知书》（环翠复答〔2024〕");
        receiptText.ShouldContain("受送达人：被申请人 威海市环翠区市场监督管理局　送达方式：邮寄送达（邮件号1100000000001）　送达日期：2024年5月13日");
        // A served document is not rewritten.
        await (await client.PostAsync($"/api/v1/reconsideration/cases/{c.Id()}/documents/reply-notice", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_hearing_needs_a_host_two_panelists_and_a_clerk_and_its_notice_and_record_are_filled_from_it()
    {
        var client = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(client, Intake("听证申请人", "2024-05-06T09:00:00"));
        await ActAsync(client, c.Id(), "accept", new { on = "2024-05-08" });
        var bad = await client.PutAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/hearing", new
        {
            noticeOn = "2024-05-20", hearingOn = "2024-05-30", startsAt = "09:30", place = "区司法局听证室", matters = "罚款数额是否适当", host = "张主持", panelists = "张主持、李听证", clerk = "李听证",
        });
        var problem = await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "panelists");
        problem.GetProperty("errors").GetProperty("panelists")[0].GetString()!.ShouldContain("第五十条");
        problem.GetProperty("errors").GetProperty("clerk")[0].GetString()!.ShouldContain("记录员");
        var ok = await client.PutAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/hearing", new
        {
            noticeOn = "2024-05-20", hearingOn = "2024-05-30", startsAt = "09:30", place = "区司法局听证室", matters = "罚款数额是否适当", host = "张主持",
            panelists = "李听证、王听证", clerk = "赵记录", attendees = "申请人听证申请人；被申请人委托代理人孙某", record = "申请人陈述……被申请人答辩……",
        });
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        await ActAsync(client, c.Id(), "schedule-hearing", new { on = "2024-05-20", hearingOn = "2024-05-30" });
        var notice = await GenerateAsync(client, c.Id(), "hearing-notice");
        var text = string.Join("\n", await TextAsync(client, notice.Id()));
        text.ShouldContain("一、听证时间：2024年5月30日9时30分。");
        text.ShouldContain("四、主持人：张主持；听证员：李听证、王听证；记录员：赵记录。");
        await ActAsync(client, c.Id(), "hold-hearing", new { on = "2024-05-30", note = "已举行" });
        var record = await GenerateAsync(client, c.Id(), "hearing-record");
        var recordText = string.Join("\n", await TextAsync(client, record.Id()));
        recordText.ShouldContain("申请人陈述……被申请人答辩……");
        recordText.ShouldNotContain("（请填写");
        (await IssueAsync(client, record.Id(), "2024-05-30")).GetProperty("number").ValueKind.ShouldBe(JsonValueKind.Null);   // a 笔录 carries no 文号
    }

    [Fact]
    public async Task An_archived_case_refuses_edits_and_its_published_decision_is_redacted()
    {
        var client = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(client, Intake("归档王五", "2024-05-06T09:00:00"));
        await ActAsync(client, c.Id(), "accept", new { on = "2024-05-08" });
        await (await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/archive", new { on = "2024-06-30" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await ActAsync(client, c.Id(), "decide", new { on = "2024-06-20", decisionType = "维持" });
        (await client.PutAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/writing", new
        {
            request = "撤销被申请人作出的行政处罚决定", applicantStatement = "归档王五认为处罚过重。", respondentStatement = "处罚适当。", findings = "事实如下。", reasoning = "处罚适当。",
        })).EnsureSuccessStatusCode();
        var decision = await GenerateAsync(client, c.Id(), "decision-draft");
        await IssueAsync(client, decision.Id(), "2024-06-20");

        await (await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/archive", new { on = "2024-06-19" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "on");
        var archived = await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/archive", new { on = "2024-06-30", retentionYears = 30 });
        archived.StatusCode.ShouldBe(HttpStatusCode.OK, await archived.Content.ReadAsStringAsync());
        (await archived.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileNumber").GetString()!.ShouldMatch(@"^环翠复档〔2024〕\d+号$");

        var docs = (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/reconsideration/cases/{c.Id()}/documents"))!;
        var index = docs.Single(d => d.GetProperty("kind").GetString() == "ArchiveIndex");
        var indexText = await TextAsync(client, index.Id());
        indexText[0].ShouldBe("卷内目录");
        indexText.ShouldContain(l => l.StartsWith("1．行政复议决定书（环翠复决〔2024〕", StringComparison.Ordinal) && l.EndsWith("2024年6月20日", StringComparison.Ordinal));
        string.Join("\n", indexText).ShouldContain("保管期限：30年");

        var edit = await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/actions/record-performance", new { on = "2024-07-01", reason = "已履行" });
        (await edit.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("已于2024-06-30归档");
        await (await client.PutAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/writing", new { findings = "改" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsync($"/api/v1/reconsideration/cases/{c.Id()}/documents/decision-draft", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        (await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/publish", new { on = "2024-07-01" })).EnsureSuccessStatusCode();
        var report = await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/report", new { to = "威海市市场监督管理局", on = "2024-07-01" });
        (await report.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reportedTo").GetString().ShouldBe("威海市市场监督管理局");
        var published = (await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/reconsideration/published"))!.Single(x => x.GetProperty("caseId").GetInt64() == c.Id());
        var pub = published.GetProperty("text").GetString()!;
        pub.ShouldContain("申请人：归某");
        pub.ShouldContain("归某认为处罚过重。");
        pub.ShouldNotContain("归档王五");
        pub.ShouldNotContain("出生");
        published.GetProperty("organ").GetString().ShouldBe("威海市环翠区人民政府");
    }

    /// <summary>Every kind of document, from crafted cases taken through the whole procedure: each is 签发 (which refuses
    /// a document still asking for something) and none prints an empty field. With FAZHI_DOCUMENT_PREVIEW set, the
    /// .docx files are written there to be looked at (docs/images/recon-doc-*.png).</summary>
    [Fact]
    public async Task Every_document_is_filled_from_the_case_and_issues()
    {
        var client = await app.ApiAsAsync("huancui");
        var issuedDocs = new List<(string Kind, long Id)>();
        async Task<JsonElement> Make(long caseId, string kind, string on, long? forDocument = null)
        {
            var d = await GenerateAsync(client, caseId, kind, forDocument);
            var issued = await IssueAsync(client, d.Id(), on);
            issuedDocs.Add((kind, d.Id()));
            return issued;
        }

        var c = await CreateAsync(client, new
        {
            applicantName = "全套甲", applicantKind = "自然人", applicantIdNumber = "11010519491231002X", applicantPhone = "13912345678", agentName = "李律师",
            respondentCode = "371002-SCJG", matter = "不服环市监罚〔2024〕12号行政处罚决定", actDate = "2024-04-01", learnedOn = "2024-04-02", channel = "窗口", receivedAt = "2024-05-06T09:00:00",
        });
        var id = c.Id();
        await ActAsync(client, id, "request-correction", new { on = "2024-05-07", receivedOn = "2024-05-08", note = "一、申请人身份证明复印件；二、被申请复议的行政处罚决定书复印件。" });
        await Make(id, "correction-notice", "2024-05-07");
        await ActAsync(client, id, "receive-correction", new { on = "2024-05-09" });
        await ActAsync(client, id, "accept", new { on = "2024-05-10" });
        await Make(id, "acceptance-notice", "2024-05-10");
        var reply = await Make(id, "reply-notice", "2024-05-10");
        (await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{id}/services", new
        {
            documentId = reply.Id(), party = "被申请人", addressee = "威海市环翠区市场监督管理局", method = "直接送达", sentOn = "2024-05-13", servedOn = "2024-05-13",
        })).EnsureSuccessStatusCode();
        await ActAsync(client, id, "record-reply", new { on = "2024-05-20" });
        (await client.PutAsJsonAsync($"/api/v1/reconsideration/cases/{id}/hearing", new
        {
            noticeOn = "2024-05-20", hearingOn = "2024-05-30", startsAt = "09:30", place = "环翠区司法局行政复议听证室", matters = "罚款数额是否适当", host = "张主持",
            panelists = "李听证、王听证", clerk = "赵记录", attendees = "申请人全套甲及其委托代理人李律师；被申请人委托代理人孙某", record = "主持人宣布听证开始。申请人陈述：罚款过重。被申请人答辩：处罚适当。",
        })).EnsureSuccessStatusCode();
        await ActAsync(client, id, "schedule-hearing", new { on = "2024-05-20", hearingOn = "2024-05-30" });
        await Make(id, "hearing-notice", "2024-05-20");
        await ActAsync(client, id, "hold-hearing", new { on = "2024-05-30", note = "已举行听证" });
        await Make(id, "hearing-record", "2024-05-30");
        await ActAsync(client, id, "suspend", new { on = "2024-06-03", reason = "申请人因不可抗力不能参加行政复议" });
        await Make(id, "suspension-notice", "2024-06-03");
        await ActAsync(client, id, "resume", new { on = "2024-06-11" });
        await Make(id, "resumption-notice", "2024-06-11");
        await ActAsync(client, id, "extend", new { on = "2024-07-01", days = 30, approvedBy = "王局长" });
        await Make(id, "extension-notice", "2024-07-01");
        await ActAsync(client, id, "issue-opinion-letter", new { on = "2024-07-02", mode = "意见书", reason = "威海市环翠区市场监督管理局", note = "行政处罚裁量基准未及时公开，请予以纠正。" });
        await Make(id, "opinion-letter", "2024-07-02");
        (await client.PutAsJsonAsync($"/api/v1/reconsideration/cases/{id}/writing", new
        {
            thirdParties = "赵六", request = "撤销被申请人作出的环市监罚〔2024〕12号行政处罚决定", applicantStatement = "申请人初次违法且及时改正，罚款五千元明显过重。",
            respondentStatement = "申请人销售过期食品事实清楚，处罚程序合法，请求维持。", findings = "2024年3月12日，申请人在其经营的超市销售超过保质期的食品两件，货值金额四十元。",
            reasoning = "被申请人认定事实清楚、程序合法，但未考虑申请人初次违法、货值金额较小并及时改正的情节，罚款五千元明显不当。",
        })).EnsureSuccessStatusCode();
        await ActAsync(client, id, "decide", new { on = "2024-07-15", decisionType = "变更", gist = "罚款数额由五千元变更为二千元" });
        var decision = await Make(id, "decision-draft", "2024-07-15");
        (await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{id}/services", new
        {
            documentId = decision.Id(), party = "申请人", addressee = "全套甲", method = "邮寄送达", trackingNumber = "1100000000002", sentOn = "2024-07-15", servedOn = "2024-07-17",
        })).EnsureSuccessStatusCode();
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases/{id}")).GetProperty("servedOn").GetString().ShouldBe("2024-07-17");   // 第七十五条第二款
        await Make(id, "service-receipt", "2024-07-17", decision.Id());
        (await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{id}/archive", new { on = "2024-07-31", retentionYears = 30 })).EnsureSuccessStatusCode();
        var index = (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/reconsideration/cases/{id}/documents"))!.Single(d => d.GetProperty("kind").GetString() == "ArchiveIndex");
        issuedDocs.Add(("archive-index", index.Id()));

        var rejected = await CreateAsync(client, Intake("全套乙", "2024-05-06T09:00:00"));
        await ActAsync(client, rejected.Id(), "reject", new { on = "2024-05-08", reason = "申请人提出申请时已超过法定申请期限，且无正当理由" });
        await Make(rejected.Id(), "rejection-decision", "2024-05-08");

        var mediated = await CreateAsync(client, Intake("全套丙", "2024-05-06T09:00:00"));
        await ActAsync(client, mediated.Id(), "accept", new { on = "2024-05-08" });
        (await client.PutAsJsonAsync($"/api/v1/reconsideration/cases/{mediated.Id()}/writing", new
        {
            request = "撤销被申请人作出的行政处罚决定", mediationTerms = "一、被申请人将罚款数额由三千元调整为一千元；\n二、申请人于本调解书生效之日起十五日内缴纳罚款；\n三、申请人放弃其他行政复议请求。",
        })).EnsureSuccessStatusCode();
        await ActAsync(client, mediated.Id(), "mediate", new { on = "2024-06-05" });
        await Make(mediated.Id(), "mediation-agreement", "2024-06-05");

        var withdrawn = await CreateAsync(client, Intake("全套丁", "2024-05-06T09:00:00"));
        await ActAsync(client, withdrawn.Id(), "accept", new { on = "2024-05-08" });
        await ActAsync(client, withdrawn.Id(), "terminate", new { on = "2024-05-30", terminationReason = "撤回" });
        await Make(withdrawn.Id(), "termination-decision", "2024-05-30");

        issuedDocs.Select(d => d.Kind).Distinct().Count().ShouldBe(15);   // every kind of document
        var preview = Environment.GetEnvironmentVariable("FAZHI_DOCUMENT_PREVIEW");
        foreach (var (kind, docId) in issuedDocs)
        {
            var bytes = await (await client.GetAsync($"/api/v1/reconsideration/documents/{docId}")).Content.ReadAsByteArrayAsync();
            var text = string.Join("\n", OfficialDocument.ReadParagraphs(bytes));
            text.ShouldNotContain("（请填写", customMessage: kind);
            text.ShouldNotContain("{{", customMessage: kind);
            text.ShouldNotContain("（签发日期）", customMessage: kind);
            if (!string.IsNullOrEmpty(preview))
            {
                Directory.CreateDirectory(preview);
                await File.WriteAllBytesAsync(Path.Combine(preview, $"recon-doc-{kind}.docx"), bytes);
            }
        }
    }
}

public sealed class CaseFileTestsOnSqlite(SqliteFactory app) : CaseFileTests(app), IClassFixture<SqliteFactory>;

public sealed class CaseFileTestsOnPostgres(PostgresFactory app) : CaseFileTests(app), IClassFixture<PostgresFactory>;
