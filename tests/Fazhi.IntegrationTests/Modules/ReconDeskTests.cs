using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Documents;
using static Fazhi.IntegrationTests.Modules.ReconApi;

namespace Fazhi.IntegrationTests.Modules;

/// <summary>issue 15 §6 and §3: the leader's 审批台 with the 呈批表, 网上申请 with its 查询码, and the published decisions.</summary>
public abstract class ReconDeskTests(FazhiFactory app)
{
    private static async Task<long> SubmitAsync(HttpClient staff, long caseId, string action, object request, string note)
    {
        var r = await staff.PostAsJsonAsync($"/api/v1/reconsideration/cases/{caseId}/approvals", new { action, request, note });
        var body = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    private static async Task<List<string>> FormAsync(HttpClient client, long approvalId)
    {
        var r = await client.GetAsync($"/api/v1/reconsideration/approvals/{approvalId}/form");
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        r.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var bytes = await r.Content.ReadAsByteArrayAsync();
        // FAZHI_DOCUMENT_PREVIEW=目录: the forms are written there to be looked at (docs/images/recon-approval-form.png).
        if (Environment.GetEnvironmentVariable("FAZHI_DOCUMENT_PREVIEW") is { Length: > 0 } preview)
            await File.WriteAllBytesAsync(Path.Combine(preview, $"approval-form-{approvalId}-{Guid.NewGuid():N}.docx"), bytes);
        return [.. OfficialDocument.ReadParagraphs(bytes)];
    }

    [Fact]
    public async Task The_desk_shows_what_the_leader_may_approve_approving_moves_the_case_and_the_form_is_filled()
    {
        var staff = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(staff, Intake("审批台申请人", "2024-05-06T09:00:00"));
        var accept = await SubmitAsync(staff, c.Id(), "accept", new { on = "2024-05-08", procedure = "普通程序" }, "材料齐全，符合第三十条受理条件，拟受理");

        // Another district's case: its leader's, not 环翠's.
        var other = await app.ApiAsAsync("rongcheng");
        var oc = await CreateAsync(other, Intake("荣成申请人", "2024-05-06T09:00:00", respondent: "371082-SCJG"));
        var otherApproval = await SubmitAsync(other, oc.Id(), "accept", new { on = "2024-05-08", procedure = "普通程序" }, "拟受理");

        var leader = await app.ApiAsAsync("huancui-admin");
        var desk = await leader.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/desk");
        var pending = desk.GetProperty("pending").EnumerateArray().ToList();
        var row = pending.Single(p => p.GetProperty("id").GetInt64() == accept);
        row.GetProperty("caseNumber").GetString().ShouldBe(c.GetProperty("caseNumber").GetString());
        row.GetProperty("actionName").GetString().ShouldBe("受理");
        row.GetProperty("applicant").GetString().ShouldBe("审批台申请人");
        row.GetProperty("note").GetString()!.ShouldContain("拟受理");
        row.GetProperty("deadlineTitle").GetString()!.ShouldContain("审查");
        row.GetProperty("due").GetString().ShouldBe("2024-05-11");                 // 5 working days from Mon 2024-05-06: Sat 11 May was a 劳动节 调休 working day
        pending.ShouldNotContain(p => p.GetProperty("id").GetInt64() == otherApproval); // outside the leader's scope
        (await staff.GetAsync("/api/v1/reconsideration/desk")).StatusCode.ShouldBe(HttpStatusCode.Forbidden); // staff do not decide

        // The home page counts what waits for the leader.
        var home = await (await app.BrowserAsAsync("huancui-admin")).GetStringAsync("/");
        home.ShouldContain("待我审批的复议事项");

        // The 呈批表 while pending: the case, the step, the 承办人's opinion; blank lines for the leaders.
        var before = await FormAsync(leader, accept);
        before[0].ShouldBe("行政复议案件呈批表");
        before.ShouldContain(c.GetProperty("caseNumber").GetString()!);
        before.ShouldContain("申请人：审批台申请人（自然人）");
        before.ShouldContain("被申请人：威海市环翠区市场监督管理局");
        before.ShouldContain(l => l.StartsWith("呈报事项：受理（2024-05-08受理，普通程序）", StringComparison.Ordinal));
        before.ShouldContain("承办人意见：材料齐全，符合第三十条受理条件，拟受理");
        before.ShouldContain(l => l.StartsWith("承办人：", StringComparison.Ordinal) && l.Contains("huancui", StringComparison.Ordinal));
        before.ShouldContain(l => l.StartsWith("复议机构负责人意见：", StringComparison.Ordinal) && l.Trim('　').EndsWith('：'));

        var approved = await leader.PostAsJsonAsync($"/api/v1/reconsideration/approvals/{accept}/approve", new { opinion = "同意受理，按普通程序审理" });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        var after = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases/{c.Id()}");
        after.GetProperty("statusName").GetString().ShouldBe("审理中");
        after.GetProperty("acceptedOn").GetString().ShouldBe("2024-05-08");

        var desk2 = await leader.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/desk");
        desk2.GetProperty("pending").EnumerateArray().ShouldNotContain(p => p.GetProperty("id").GetInt64() == accept);
        desk2.GetProperty("decidedByMe").EnumerateArray().Single(p => p.GetProperty("id").GetInt64() == accept).GetProperty("statusName").GetString().ShouldBe("已批准");

        var filled = await FormAsync(staff, accept);
        filled.ShouldContain("复议机构负责人意见：同意受理，按普通程序审理");
        filled.ShouldContain(l => l.StartsWith("签名：", StringComparison.Ordinal) && l.Contains("huancui-admin", StringComparison.Ordinal) && l.Contains('年'));
        filled.ShouldContain("复议机关负责人意见：（本事项由复议机构负责人审批）");
        filled.ShouldContain(l => l.Contains("环翠区司法局", StringComparison.Ordinal));   // the 复议机构 signs the form

        // A decision's form carries the 第六十一条 agreement as submitted.
        var decide = await SubmitAsync(staff, c.Id(), "decide", DecisionDefaults(new { on = "2024-06-20", decisionType = "维持" }), "事实清楚，拟维持");
        var decision = await FormAsync(leader, decide);
        decision.ShouldContain(l => l.StartsWith("呈报事项：作出决定", StringComparison.Ordinal) || l.StartsWith("呈报事项：决定", StringComparison.Ordinal));
        decision.ShouldContain("复议机关负责人意见：负责人同意（区政府分管副区长）");
        decision.ShouldContain("日期：2024年6月20日");

        // Returned from the desk page with a reason; the page shows the 呈报 and refuses a return without one.
        var browser = await app.BrowserAsAsync("huancui-admin");
        var page = await browser.GetStringAsync("/reconsideration/desk");
        page.ShouldContain(c.GetProperty("caseNumber").GetString()!);
        var token = CookieLogin.AntiforgeryToken(page);
        var noReason = await browser.PostAsync("/reconsideration/desk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["approvalId"] = decide.ToString(System.Globalization.CultureInfo.InvariantCulture), ["decision"] = "return", ["opinion"] = "", ["__RequestVerificationToken"] = token,
        }));
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("退回请写明理由");
        var returned = await browser.PostAsync("/reconsideration/desk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["approvalId"] = decide.ToString(System.Globalization.CultureInfo.InvariantCulture), ["decision"] = "return", ["opinion"] = "请补充听取意见的记录", ["__RequestVerificationToken"] = token,
        }));
        returned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await FormAsync(staff, decide)).ShouldContain("复议机构负责人意见：退回。请补充听取意见的记录");
        (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases/{c.Id()}")).GetProperty("statusName").GetString().ShouldBe("审理中");
    }

    [Fact]
    public async Task An_online_application_registers_a_case_and_only_its_code_opens_the_progress()
    {
        var anon = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var bodies = (await anon.GetFromJsonAsync<List<JsonElement>>("/api/v1/public/reconsideration/review-bodies"))!;
        var huancui = bodies.Single(b => b.GetProperty("region").GetString() == "371002");
        huancui.GetProperty("name").GetString().ShouldBe("威海市环翠区人民政府");
        huancui.GetProperty("respondents").EnumerateArray().ShouldContain(r => r.GetProperty("code").GetString() == "371002-SCJG");

        var today = DateOnly.FromDateTime(Fazhi.Web.Kernel.ChinaTime.Now(TimeProvider.System));
        var form = new Dictionary<string, object?>
        {
            ["region"] = "371002", ["applicantName"] = "网申李四", ["applicantKind"] = "自然人", ["applicantIdNumber"] = "11010519491231002X",
            ["applicantPhone"] = "13912345678", ["respondentCode"] = "371002-SCJG", ["matter"] = "请求撤销行政处罚决定", ["actName"] = "行政处罚决定",
            ["actDocumentNumber"] = "环市监罚〔2026〕88号", ["actDate"] = today.AddDays(-20), ["learnedOn"] = today.AddDays(-19), ["submissionToken"] = "t" + Guid.NewGuid().ToString("N"),
        };
        var first = await anon.PostAsJsonAsync("/api/v1/public/reconsideration/applications", form);
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var receipt = await first.Content.ReadFromJsonAsync<JsonElement>();
        var number = receipt.GetProperty("caseNumber").GetString()!;
        var code = receipt.GetProperty("queryCode").GetString()!;
        number.ShouldMatch(@"^环翠复〔\d{4}〕\d+号$");
        code.ShouldMatch("^[A-HJKMNP-Z2-9]{8}$");
        receipt.GetProperty("organ").GetString().ShouldBe("威海市环翠区人民政府");

        // The same form posted again (double click): the same case and code, no second case.
        var again = await (await anon.PostAsJsonAsync("/api/v1/public/reconsideration/applications", form)).Content.ReadFromJsonAsync<JsonElement>();
        again.GetProperty("caseNumber").GetString().ShouldBe(number);
        again.GetProperty("queryCode").GetString().ShouldBe(code);
        // A new form for the same act by the same applicant: the duplicate warning of the intake form.
        form["submissionToken"] = "t" + Guid.NewGuid().ToString("N");
        await (await anon.PostAsJsonAsync("/api/v1/public/reconsideration/applications", form)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "acknowledgeDuplicate");
        // Bad input names the field; another district's agency is refused; nothing is registered.
        await (await anon.PostAsJsonAsync("/api/v1/public/reconsideration/applications", new Dictionary<string, object?>(form) { ["region"] = null }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "region");
        await (await anon.PostAsJsonAsync("/api/v1/public/reconsideration/applications", new Dictionary<string, object?>(form) { ["respondentCode"] = "371082-SCJG" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "respondentCode");
        await (await anon.PostAsJsonAsync("/api/v1/public/reconsideration/applications", new Dictionary<string, object?>(form) { ["applicantIdNumber"] = "110105194912310021", ["acknowledgeDuplicate"] = true }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "applicantIdNumber");
        (await anon.GetAsync("/api/v1/reconsideration/cases")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized); // still anonymous

        // The bureau sees an ordinary case in 审查, received online, registered by 网上申请, personal fields masked.
        var staff = await app.ApiAsAsync("huancui");
        var list = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases?q={Uri.EscapeDataString("网申李四")}");
        var id = list.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetInt64();
        var c = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases/{id}");
        c.GetProperty("caseNumber").GetString().ShouldBe(number);
        c.GetProperty("statusName").GetString().ShouldBe("审查中");
        c.GetProperty("channel").GetString().ShouldBe("网上");
        c.GetProperty("applicantIdMasked").GetString().ShouldNotBe("11010519491231002X");
        c.GetProperty("events").EnumerateArray().First().GetProperty("actor").GetString().ShouldBe("网上申请");
        // Stored encrypted (ADR 0009): the plain number is nowhere in the table.
        (await app.SqlAsync("UPDATE recon_cases SET \"ApplicantName\" = \"ApplicantName\" WHERE \"ApplicantIdNumber\" = '11010519491231002X'")).ShouldBe(0);

        // Progress: the stage and the dates, nothing personal; wrong code and unknown number answer alike.
        var progress = await anon.PostAsJsonAsync("/api/v1/public/reconsideration/progress", new { caseNumber = number, code = code.ToLowerInvariant() });
        var text = await progress.Content.ReadAsStringAsync();
        progress.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        text.ShouldContain("正在审查是否受理");
        text.ShouldNotContain("网申李四");
        text.ShouldNotContain("1391234");
        var wrong = await (await anon.PostAsJsonAsync("/api/v1/public/reconsideration/progress", new { caseNumber = number, code = "ABCDEFGH" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var unknown = await (await anon.PostAsJsonAsync("/api/v1/public/reconsideration/progress", new { caseNumber = "环翠复〔2099〕999号", code })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var windowCase = await CreateAsync(staff, Intake("窗口申请人", "2024-05-06T09:00:00"));
        var window = await (await anon.PostAsJsonAsync("/api/v1/public/reconsideration/progress", new { caseNumber = windowCase.GetProperty("caseNumber").GetString(), code }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);                              // a window case has no code at all
        wrong.GetProperty("detail").GetString().ShouldBe(unknown.GetProperty("detail").GetString());
        wrong.GetProperty("title").GetString().ShouldBe(unknown.GetProperty("title").GetString());
        window.GetProperty("detail").GetString().ShouldBe(unknown.GetProperty("detail").GetString());

        await ActAsync(staff, id, "accept", new { on = HolidayIso(today) });
        var accepted = await (await anon.PostAsJsonAsync("/api/v1/public/reconsideration/progress", new { caseNumber = number, code })).Content.ReadFromJsonAsync<JsonElement>();
        accepted.GetProperty("stage").GetString().ShouldBe("已受理，正在审理");
        accepted.GetProperty("acceptedOn").GetString().ShouldBe(HolidayIso(today));
        var due = DateOnly.Parse(accepted.GetProperty("decisionDue").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        due.ShouldBeInRange(today.AddDays(60), today.AddDays(68));                  // 第六十二条: 60 days, a holiday end moves to the next working day

        // The public pages answer without sign-in.
        var applyPage = await anon.GetStringAsync("/reconsideration/apply?region=371002");
        applyPage.ShouldContain("网上申请行政复议");
        applyPage.ShouldContain("371002-SCJG");
        (await anon.GetStringAsync("/reconsideration/progress")).ShouldContain("查询码");
    }

    private static string HolidayIso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Published_decisions_are_listed_per_district_without_personal_data()
    {
        var client = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(client, Intake("公开赵六", "2024-05-06T09:00:00"));
        await ActAsync(client, c.Id(), "accept", new { on = "2024-05-08" });
        await ActAsync(client, c.Id(), "add-party", new { partyRole = "第三人", partyName = "钱七", partyIdNumber = "11010519491231002X" });
        await ActAsync(client, c.Id(), "decide", new { on = "2024-06-20", decisionType = "维持" });
        (await client.PutAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/writing", new
        {
            request = "撤销被申请人作出的行政处罚决定", applicantStatement = "公开赵六认为处罚过重，电话13912345678。", respondentStatement = "处罚适当，钱七在场。",
            findings = "事实如下。", reasoning = "处罚适当。",
        })).EnsureSuccessStatusCode();
        var draft = await client.PostAsync($"/api/v1/reconsideration/cases/{c.Id()}/documents/decision-draft", null);
        var decision = await draft.Content.ReadFromJsonAsync<JsonElement>();
        (await client.PostAsJsonAsync($"/api/v1/reconsideration/documents/{decision.Id()}/issue", new { on = "2024-06-20", signer = "王局长" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/archive", new { on = "2024-06-30", retentionYears = 30 })).EnsureSuccessStatusCode();

        var anon = app.CreateClient();
        var before = await anon.GetFromJsonAsync<JsonElement>("/api/v1/public/reconsideration/decisions/371002");
        before.GetProperty("decisions").EnumerateArray().ShouldNotContain(d => d.GetProperty("caseNumber").GetString() == c.GetProperty("caseNumber").GetString()); // not yet published

        (await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/publish", new { on = "2024-07-01" })).EnsureSuccessStatusCode();
        var list = await anon.GetFromJsonAsync<JsonElement>("/api/v1/public/reconsideration/decisions/371002");
        list.GetProperty("organ").GetString().ShouldBe("威海市环翠区人民政府");
        var row = list.GetProperty("decisions").EnumerateArray().Single(d => d.GetProperty("caseNumber").GetString() == c.GetProperty("caseNumber").GetString());
        row.GetProperty("publishedOn").GetString().ShouldBe("2024-07-01");
        var text = row.GetProperty("text").GetString()!;
        text.ShouldContain("公某认为处罚过重");
        text.ShouldContain("钱某在场");
        text.ShouldNotContain("公开赵六");
        text.ShouldNotContain("钱七");
        text.ShouldNotContain("13912345678");
        text.ShouldNotContain("11010519491231002X");
        // Another district's list does not carry it; an unknown district is 404; the page answers without sign-in.
        var rongcheng = await anon.GetFromJsonAsync<JsonElement>("/api/v1/public/reconsideration/decisions/371082");
        rongcheng.GetProperty("decisions").EnumerateArray().ShouldNotContain(d => d.GetProperty("caseNumber").GetString() == c.GetProperty("caseNumber").GetString());
        (await anon.GetAsync("/api/v1/public/reconsideration/decisions/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anon.GetStringAsync("/reconsideration/decisions/371002")).ShouldContain("公某认为处罚过重");
    }

    [Fact]
    public async Task A_draft_submitted_for_issuing_waits_on_the_desk_and_approval_issues_it_with_its_number()
    {
        var staff = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(staff, Intake("签发呈报申请人", "2024-05-06T09:00:00"));
        await ActAsync(staff, c.Id(), "accept", new { on = "2024-05-08" });
        var made = await staff.PostAsync($"/api/v1/reconsideration/cases/{c.Id()}/documents/acceptance-notice", null);
        made.StatusCode.ShouldBe(HttpStatusCode.Created, await made.Content.ReadAsStringAsync());
        var doc = (await made.Content.ReadFromJsonAsync<JsonElement>()).Id();
        async Task<JsonElement> DocumentAsync() =>
            (await staff.GetFromJsonAsync<List<JsonElement>>($"/api/v1/reconsideration/cases/{c.Id()}/documents"))!.Single(d => d.Id() == doc);
        async Task<HttpResponseMessage> SubmitIssueAsync(string note) =>
            await staff.PostAsJsonAsync($"/api/v1/reconsideration/documents/{doc}/approvals", new { on = "2024-05-08", note });

        // 呈报签发 from the case page's document list, returned: the document stays a draft without a number.
        var browser = await app.BrowserAsAsync("huancui");
        var casePage = await browser.GetStringAsync($"/reconsideration/cases/{c.Id()}");
        casePage.ShouldContain("呈报签发");
        var posted = await browser.PostAsync($"/reconsideration/cases/{c.Id()}?handler=SubmitIssue", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["documentId"] = doc.ToString(System.Globalization.CultureInfo.InvariantCulture), ["issuedOn"] = "2024-05-08", ["approvalNote"] = "拟签发受理通知书",
            ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(casePage),
        }));
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var leader = await app.ApiAsAsync("huancui-admin");
        var firstId = (await leader.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/desk")).GetProperty("pending").EnumerateArray()
            .Single(p => p.GetProperty("caseId").GetInt64() == c.Id() && p.GetProperty("note").GetString() == "拟签发受理通知书").Id();
        (await leader.PostAsJsonAsync($"/api/v1/reconsideration/approvals/{firstId}/return", new { opinion = "请核对送达地址" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DocumentAsync()).GetProperty("status").GetString().ShouldBe("Draft");
        (await DocumentAsync()).GetProperty("number").ValueKind.ShouldBe(JsonValueKind.Null);

        // Again; a second 呈报 while this one is pending is refused.
        var second = await SubmitIssueAsync("已核对，拟签发");
        second.StatusCode.ShouldBe(HttpStatusCode.Created, await second.Content.ReadAsStringAsync());
        var approval = await second.Content.ReadFromJsonAsync<JsonElement>();
        approval.GetProperty("actionName").GetString().ShouldBe("签发");
        approval.GetProperty("caseId").GetInt64().ShouldBe(c.Id());
        var twice = await SubmitIssueAsync("重复呈报");
        await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // On the leader's desk beside the case 呈报, naming the case and the document; the 呈批表 names it too.
        var desk = await leader.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/desk");
        var row = desk.GetProperty("pending").EnumerateArray().Single(p => p.Id() == approval.Id());
        row.GetProperty("caseNumber").GetString().ShouldBe(c.GetProperty("caseNumber").GetString());
        row.GetProperty("actionName").GetString().ShouldBe("签发");
        row.GetProperty("summary").GetString()!.ShouldContain("签发《行政复议受理通知书》");
        row.GetProperty("note").GetString().ShouldBe("已核对，拟签发");
        var form = await FormAsync(leader, approval.Id());
        form.ShouldContain(l => l.StartsWith("呈报事项：签发《行政复议受理通知书》", StringComparison.Ordinal));
        form.ShouldContain("承办人意见：已核对，拟签发");
        (await leader.GetFromJsonAsync<List<JsonElement>>("/api/v1/approvals"))!.ShouldContain(a => a.Id() == approval.Id() && a.GetProperty("subject").GetString()!.Contains("行政复议受理通知书", StringComparison.Ordinal));

        // 批准 issues it: the 文号 is taken then, the signer is the approving leader.
        var approved = await leader.PostAsJsonAsync($"/api/v1/reconsideration/approvals/{approval.Id()}/approve", new { opinion = "同意签发" });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusName").GetString().ShouldBe("已批准");
        var issued = await DocumentAsync();
        issued.GetProperty("status").GetString().ShouldBe("Issued");
        issued.GetProperty("number").GetString()!.ShouldMatch(@"^环翠复受〔2024〕\d+号$");
        issued.GetProperty("issuedOn").GetString().ShouldBe("2024-05-08");
        issued.GetProperty("issuedBy").GetString().ShouldBe("huancui-admin");
        var decided = await leader.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/desk");
        decided.GetProperty("decidedByMe").EnumerateArray().Single(p => p.Id() == approval.Id()).GetProperty("statusName").GetString().ShouldBe("已批准");
        (await FormAsync(staff, approval.Id())).ShouldContain("复议机构负责人意见：同意签发");

        // An issued document is not submitted again.
        await (await SubmitIssueAsync("再次呈报")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }
}

public sealed class ReconDeskTestsOnSqlite(SqliteFactory app) : ReconDeskTests(app), IClassFixture<SqliteFactory>;

public sealed class ReconDeskTestsOnPostgres(PostgresFactory app) : ReconDeskTests(app), IClassFixture<PostgresFactory>;
