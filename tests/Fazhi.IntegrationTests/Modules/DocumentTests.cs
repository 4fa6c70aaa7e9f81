using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Documents;
using static Fazhi.IntegrationTests.Modules.ReconApi;

namespace Fazhi.IntegrationTests.Modules;

public abstract class DocumentTests(FazhiFactory app)
{
    [Fact]
    public async Task An_acceptance_notice_is_a_draft_until_issued_keeps_its_number_when_regenerated_and_a_voided_number_is_never_reused()
    {
        var client = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(client, Intake("文书申请人", "2024-05-06T09:00:00"));
        var early = await client.PostAsync($"/api/v1/reconsideration/cases/{c.Id()}/documents/acceptance-notice", null);
        await early.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await ActAsync(client, c.Id(), "accept", new { on = "2024-05-08" });

        // A draft takes no number, however often it is regenerated.
        var created = await client.PostAsync($"/api/v1/reconsideration/cases/{c.Id()}/documents/acceptance-notice", null);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>();
        draft.GetProperty("status").GetString().ShouldBe("Draft");
        draft.GetProperty("number").ValueKind.ShouldBe(JsonValueKind.Null);
        var again = await (await client.PostAsync($"/api/v1/reconsideration/cases/{c.Id()}/documents/acceptance-notice", null)).Content.ReadFromJsonAsync<JsonElement>();
        again.Id().ShouldBe(draft.Id());
        again.GetProperty("revision").GetInt32().ShouldBe(2);
        var draftText = OfficialDocument.ReadParagraphs(await (await client.GetAsync(created.Headers.Location)).Content.ReadAsByteArrayAsync());
        draftText[1].ShouldBe("（草稿　签发时编号）");

        // 签发 takes the number and the date; the document says when the decision is due.
        var issued = await client.PostAsJsonAsync($"/api/v1/reconsideration/documents/{draft.Id()}/issue", new { on = "2024-05-08", signer = "王局长" });
        issued.StatusCode.ShouldBe(HttpStatusCode.OK, await issued.Content.ReadAsStringAsync());
        var meta = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var number = meta.GetProperty("number").GetString()!;
        number.ShouldMatch(@"^环翠复受〔2024〕\d+号$");
        meta.GetProperty("issuedBy").GetString().ShouldBe("王局长");
        await (await client.PostAsJsonAsync($"/api/v1/reconsideration/documents/{draft.Id()}/issue", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var file = await client.GetAsync(created.Headers.Location);
        file.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var paragraphs = OfficialDocument.ReadParagraphs(await file.Content.ReadAsByteArrayAsync());
        paragraphs[0].ShouldBe("行政复议受理通知书");
        paragraphs[1].ShouldBe(number);
        paragraphs[3].ShouldBe("文书申请人：");
        var text = string.Join("\n", paragraphs);
        text.ShouldContain("你（单位）不服威海市环翠区市场监督管理局作出的行政处罚决定，于2024年5月6日向本机关提出的行政复议申请收悉");
        text.ShouldContain("本机关决定自2024年5月8日起予以受理（案号：" + c.GetProperty("caseNumber").GetString() + "）");
        text.ShouldContain("本机关将于2024年7月8日前作出行政复议决定");   // 60 days from 5-8 is 7-7, a Sunday: the next working day
        text.ShouldNotContain("（请填写");
        paragraphs.ShouldContain("威海市环翠区人民政府");   // the 复议机关 signs with its official full name; its 司法局 is the 复议机构
        paragraphs[^1].ShouldBe("2024年5月8日");

        // Regenerating an issued document keeps its number.
        var regenerated = await (await client.PostAsync($"/api/v1/reconsideration/cases/{c.Id()}/documents/acceptance-notice", null)).Content.ReadFromJsonAsync<JsonElement>();
        regenerated.Id().ShouldBe(draft.Id());
        regenerated.GetProperty("number").GetString().ShouldBe(number);

        // A number issued in error is voided with a reason; the next one is new, the voided one stays on record.
        await (await client.PostAsJsonAsync($"/api/v1/reconsideration/documents/{draft.Id()}/void", new { reason = " " })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reason");
        var voided = await client.PostAsJsonAsync($"/api/v1/reconsideration/documents/{draft.Id()}/void", new { reason = "受理日期填写错误" });
        voided.StatusCode.ShouldBe(HttpStatusCode.OK, await voided.Content.ReadAsStringAsync());
        var fresh = await (await client.PostAsync($"/api/v1/reconsideration/cases/{c.Id()}/documents/acceptance-notice", null)).Content.ReadFromJsonAsync<JsonElement>();
        fresh.Id().ShouldNotBe(draft.Id());
        var second = await (await client.PostAsJsonAsync($"/api/v1/reconsideration/documents/{fresh.Id()}/issue", new { on = "2024-05-09" })).Content.ReadFromJsonAsync<JsonElement>();
        var n1 = int.Parse(System.Text.RegularExpressions.Regex.Match(number, @"〕(\d+)号").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        second.GetProperty("number").GetString().ShouldBe($"环翠复受〔2024〕{n1 + 1}号");
        var list = (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/reconsideration/cases/{c.Id()}/documents"))!;
        list.Count.ShouldBe(2);
        list[0].GetProperty("status").GetString().ShouldBe("Voided");
        list[0].GetProperty("number").GetString().ShouldBe(number);
        list[0].GetProperty("voidReason").GetString().ShouldBe("受理日期填写错误");
        await (await (await app.ApiAsAsync("rongcheng")).GetAsync(created.Headers.Location)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_correction_notice_lists_what_to_supply()
    {
        var client = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(client, Intake("补正申请人", "2024-05-06T09:00:00"));
        await ActAsync(client, c.Id(), "request-correction", new { on = "2024-05-07", note = "行政处罚决定书复印件；申请人身份证明" });
        var created = await client.PostAsync($"/api/v1/reconsideration/cases/{c.Id()}/documents/correction-notice", null);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var text = string.Join("\n", OfficialDocument.ReadParagraphs(await (await client.GetAsync(created.Headers.Location)).Content.ReadAsByteArrayAsync()));
        text.ShouldContain("行政处罚决定书复印件；申请人身份证明");
        text.ShouldContain("第三十一条");
    }

    [Fact]
    public async Task A_template_with_an_unknown_field_is_refused_naming_it_and_listing_the_valid_ones()
    {
        var admin = await app.ApiAsAsync("admin");
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/templates");
        before.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("placeholder").GetString()).ShouldContain("{{申请人}}");
        var original = Template(before, "extension-notice");

        var refused = await admin.PutAsJsonAsync("/api/v1/reconsideration/templates/extension-notice",
            new { body = "{{申请人姓名}}：审理期限延长{{延长天数}}日。" });
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "body");
        var message = problem.GetProperty("errors").GetProperty("body")[0].GetString()!;
        message.ShouldStartWith("模板中有未知字段：{{申请人姓名}}。可用字段：{{案号}}、{{申请人}}、");
        message.ShouldContain("{{延长天数}}");
        Template(await admin.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/templates"), "extension-notice").ShouldBe(original);

        await (await admin.PutAsJsonAsync("/api/v1/reconsideration/templates/no-such-kind", new { body = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await (await app.ApiAsAsync("huancui-admin")).PutAsJsonAsync("/api/v1/reconsideration/templates/extension-notice", new { body = "{{案号}}" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // A valid template is saved and the next document is written from it, field by field.
        var saved = await admin.PutAsJsonAsync("/api/v1/reconsideration/templates/extension-notice",
            new { body = "{{申请人}}（{{案号}}）一案审理期限延长{{ 延长天数 }}日，至{{决定期限}}。" });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isDefault").GetBoolean().ShouldBeFalse();
        var client = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(client, Intake("模板申请人", "2024-05-06T09:00:00"));
        await ActAsync(client, c.Id(), "accept", new { on = "2024-05-08" });
        await ActAsync(client, c.Id(), "extend", new { on = "2024-06-20", days = 30, approvedBy = "负责人" });
        var created = await client.PostAsync($"/api/v1/reconsideration/cases/{c.Id()}/documents/extension-notice", null);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var paragraphs = OfficialDocument.ReadParagraphs(await (await client.GetAsync(created.Headers.Location)).Content.ReadAsByteArrayAsync());
        paragraphs.ShouldContain(p => p.StartsWith($"模板申请人（{c.GetProperty("caseNumber").GetString()}）一案审理期限延长30日，至", StringComparison.Ordinal) && !p.Contains('{'));
    }

    [Fact]
    public async Task The_templates_page_shows_the_refusal_in_chinese_and_keeps_what_was_typed()
    {
        var browser = await app.BrowserAsAsync("admin");
        var html = await browser.GetStringAsync("/reconsideration/templates");
        html.ShouldContain("{{不予受理理由}}");
        var posted = await browser.PostAsync("/reconsideration/templates", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["kind"] = "CorrectionNotice", ["body"] = "请补正：{{补正材料}}",
            ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(html),
        }));
        var page = await posted.Content.ReadAsStringAsync();
        posted.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        page.ShouldContain("模板中有未知字段：{{补正材料}}。可用字段：{{案号}}、");
        page.ShouldContain("请补正：{{补正材料}}</textarea>");
        (await browser.GetStringAsync("/reconsideration/templates")).ShouldNotContain("{{补正材料}}");
    }

    [Fact]
    public async Task The_issuer_is_the_official_name_entered_for_the_region()
    {
        var admin = await app.ApiAsAsync("admin");
        var renamed = await admin.PutAsJsonAsync("/api/v1/orgs/371082", new { name = "荣成市", officialName = "荣成市人民政府（测试全称）" });
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK, await renamed.Content.ReadAsStringAsync());
        try
        {
            var client = await app.ApiAsAsync("rongcheng");
            var c = await CreateAsync(client, Intake("全称申请人", "2024-05-06T09:00:00", respondent: "371082-SCJG"));
            await ActAsync(client, c.Id(), "accept", new { on = "2024-05-08" });
            var created = await client.PostAsync($"/api/v1/reconsideration/cases/{c.Id()}/documents/acceptance-notice", null);
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            var paragraphs = OfficialDocument.ReadParagraphs(await (await client.GetAsync(created.Headers.Location)).Content.ReadAsByteArrayAsync());
            paragraphs[^2].ShouldBe("荣成市人民政府（测试全称）");
        }
        finally
        {
            (await admin.PutAsJsonAsync("/api/v1/orgs/371082", new { name = "荣成市", officialName = "荣成市人民政府" })).EnsureSuccessStatusCode();
        }
    }

    private static string Template(JsonElement all, string kind) =>
        all.GetProperty("templates").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == kind).GetProperty("body").GetString()!;
}

public sealed class DocumentTestsOnSqlite(SqliteFactory app) : DocumentTests(app), IClassFixture<SqliteFactory>;

public sealed class DocumentTestsOnPostgres(PostgresFactory app) : DocumentTests(app), IClassFixture<PostgresFactory>;
