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
    public async Task An_acceptance_notice_is_numbered_and_opens_as_a_word_document()
    {
        var client = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(client, Intake("文书申请人", "2024-05-06T09:00:00"));
        var early = await client.PostAsync($"/api/v1/reconsideration/cases/{c.Id()}/documents/acceptance-notice", null);
        await early.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await ActAsync(client, c.Id(), "accept", new { on = "2024-05-08" });

        var created = await client.PostAsync($"/api/v1/reconsideration/cases/{c.Id()}/documents/acceptance-notice", null);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var meta = await created.Content.ReadFromJsonAsync<JsonElement>();
        var number = meta.GetProperty("number").GetString()!;
        number.ShouldMatch(@"^环翠复受〔\d{4}〕\d+号$");

        var file = await client.GetAsync(created.Headers.Location);
        file.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var paragraphs = OfficialDocument.ReadParagraphs(await file.Content.ReadAsByteArrayAsync());
        paragraphs[0].ShouldBe("行政复议受理通知书");
        paragraphs[1].ShouldBe(number);
        string.Join("\n", paragraphs).ShouldContain("2024年5月8日起予以受理");
        string.Join("\n", paragraphs).ShouldContain("案号：" + c.GetProperty("caseNumber").GetString());
        paragraphs.ShouldContain("威海市环翠区人民政府");   // the 复议机关 signs with its official full name; its 司法局 is the 复议机构

        var second = await (await client.PostAsync($"/api/v1/reconsideration/cases/{c.Id()}/documents/acceptance-notice", null)).Content.ReadFromJsonAsync<JsonElement>();
        second.GetProperty("number").GetString().ShouldNotBe(number);
        (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/reconsideration/cases/{c.Id()}/documents"))!.Count.ShouldBe(2);
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
