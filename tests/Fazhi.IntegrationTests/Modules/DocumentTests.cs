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
        paragraphs.ShouldContain("环翠区人民政府");   // the 复议机关 issues it; its 司法局 is the 复议机构

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
}

public sealed class DocumentTestsOnSqlite(SqliteFactory app) : DocumentTests(app), IClassFixture<SqliteFactory>;

public sealed class DocumentTestsOnPostgres(PostgresFactory app) : DocumentTests(app), IClassFixture<PostgresFactory>;
