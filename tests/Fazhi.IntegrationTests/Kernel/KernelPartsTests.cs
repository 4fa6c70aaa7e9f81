using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Attachments;
using Fazhi.Web.Kernel.Dictionaries;
using Fazhi.Web.Kernel.Modules;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.IntegrationTests.Modules.ReconApi;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>字典管理, 附件 and 站内消息 through the real pipeline, on an installation where 受理 needs 呈报审批 and
/// attachments are limited to 64 KB.</summary>
public abstract class KernelPartsTests(FazhiFactory app)
{
    private const string Categories = AttachmentService.CategoryType;

    // ---- 字典管理 ----

    [Fact]
    public async Task The_platform_administrator_edits_a_dictionary_and_lists_read_it()
    {
        var admin = await app.ApiAsAsync("admin");
        var types = await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/dicts");
        types!.ShouldContain(t => t.GetProperty("code").GetString() == Categories && t.GetProperty("name").GetString() == "附件类别");
        var items = await admin.GetFromJsonAsync<List<JsonElement>>($"/api/v1/dicts/{Categories}/items");
        items!.Select(i => i.GetProperty("code").GetString()).ShouldBe(["application", "evidence", "document", "other"]);

        var created = await admin.PostAsJsonAsync($"/api/v1/dicts/{Categories}/items", new { code = "photo", label = "现场照片", sortOrder = 3 });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        await (await admin.PostAsJsonAsync($"/api/v1/dicts/{Categories}/items", new { code = "photo", label = "照片" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsJsonAsync($"/api/v1/dicts/{Categories}/items", new { code = "带空格 的", label = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "code");
        await (await admin.PostAsJsonAsync($"/api/v1/dicts/{Categories}/items", new { code = "x", label = "x", validFrom = "2025-02-01", validTo = "2025-01-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validTo");
        await (await admin.GetAsync("/api/v1/dicts/no.such_type/items")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var updated = await admin.PutAsJsonAsync($"/api/v1/dicts/{Categories}/items/photo", new { label = "现场照片及视频", sortOrder = 9 });
        (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("label").GetString().ShouldBe("现场照片及视频");
        var disabled = await admin.PostAsync($"/api/v1/dicts/{Categories}/items/photo/disable", null);
        (await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isActive").GetBoolean().ShouldBeFalse();

        // The cached lookup sees each change at once, and a 停用 item is no longer a choice but keeps its label.
        using var scope = app.Services.CreateScope();
        var dicts = scope.ServiceProvider.GetRequiredService<IDictionaries>();
        (await dicts.LabelAsync(Categories, "photo", TestContext.Current.CancellationToken)).ShouldBe("现场照片及视频");
        (await dicts.IsChoiceAsync(Categories, "photo", TestContext.Current.CancellationToken)).ShouldBeFalse();
        (await dicts.IsChoiceAsync(Categories, "evidence", TestContext.Current.CancellationToken)).ShouldBeTrue();
        await admin.PostAsync($"/api/v1/dicts/{Categories}/items/photo/enable", null);
        (await dicts.IsChoiceAsync(Categories, "photo", TestContext.Current.CancellationToken)).ShouldBeTrue();

        var page = await (await app.BrowserAsAsync("admin", FazhiFactory.AdminPassword)).GetStringAsync($"/system/dicts?type={Categories}");
        page.ShouldContain("现场照片及视频");
        page.ShouldContain("新增或修改字典数据");
    }

    [Fact]
    public async Task Only_the_platform_administrator_changes_dictionaries_and_business_staff_do_not_see_them()
    {
        await (await (await app.ApiAsAsync("huancui")).GetAsync("/api/v1/dicts")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var unitAdmin = await app.ApiAsAsync("huancui-admin");
        (await unitAdmin.GetAsync("/api/v1/dicts")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await unitAdmin.PostAsJsonAsync($"/api/v1/dicts/{Categories}/items", new { code = "local", label = "本区自定" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Declared_types_are_seeded_once_and_an_administrators_edits_are_kept()
    {
        var admin = await app.ApiAsAsync("admin");
        (await admin.PutAsJsonAsync($"/api/v1/dicts/{Categories}/items/other", new { label = "其他材料" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/v1/dicts/{Categories}/items/document/disable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A module that lands later declares a new type; the platform's type is declared again with its defaults.
        var later = new ModuleManifest
        {
            Code = "later", Name = "后来的业务线", TablePrefix = "later_", Namespace = "Later", // not a real module's type: theirs is seeded already
            Dictionaries = [new("later.dispute_category", "纠纷类别", [new("family", "婚姻家庭"), new("neighbour", "邻里纠纷")])],
        };
        await app.WithDbAsync(db => new DictionarySync(db, [ModuleRegistration.PlatformManifest, later]).SyncAsync(TestContext.Current.CancellationToken));

        var kept = await admin.GetFromJsonAsync<List<JsonElement>>($"/api/v1/dicts/{Categories}/items");
        kept!.Single(i => i.GetProperty("code").GetString() == "other").GetProperty("label").GetString().ShouldBe("其他材料");
        kept!.Single(i => i.GetProperty("code").GetString() == "document").GetProperty("isActive").GetBoolean().ShouldBeFalse();
        var seeded = await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/dicts/later.dispute_category/items");
        seeded!.Select(i => i.GetProperty("label").GetString()).ShouldBe(["婚姻家庭", "邻里纠纷"]);
        (await admin.PostAsync($"/api/v1/dicts/{Categories}/items/document/enable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    // ---- 附件 ----

    private static MultipartFormDataContent File(string name, byte[] bytes, string? category = null)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var form = new MultipartFormDataContent { { content, "file", name } };
        if (category is not null)
            form.Add(new StringContent(category), "category");
        return form;
    }

    [Fact]
    public async Task A_file_is_attached_to_a_case_listed_downloaded_hashed_and_deleted()
    {
        var staff = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(staff, Intake("附件申请人", "2024-05-06T09:00:00"));
        var upload = await staff.PostAsync($"/api/v1/attachments/recon/case/{c.Id()}", File("申请书.txt", Encoding.ASCII.GetBytes("abc"), "application"));
        var body = await upload.Content.ReadAsStringAsync();
        upload.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var a = JsonDocument.Parse(body).RootElement;
        var id = a.GetProperty("id").GetInt64();
        // GB/T 32905-2016 example 1: SM3("abc").
        a.GetProperty("sm3").GetString().ShouldBe("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        a.GetProperty("size").GetInt64().ShouldBe(3);
        a.GetProperty("categoryName").GetString().ShouldBe("申请材料");

        var list = await staff.GetFromJsonAsync<List<JsonElement>>($"/api/v1/attachments/recon/case/{c.Id()}");
        list!.Single().GetProperty("fileName").GetString().ShouldBe("申请书.txt");
        var download = await staff.GetAsync($"/api/v1/attachments/{id}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Encoding.ASCII.GetBytes("abc"));
        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("申请书.txt");

        // The case page lists it with the upload form and the stated limit.
        var page = await (await app.BrowserAsAsync("huancui")).GetStringAsync($"/reconsideration/cases/{c.Id()}");
        page.ShouldContain("申请书.txt");
        page.ShouldContain("单个文件不超过64 KB");

        // The audit log keeps the digest, never the bytes (the database store holds them in the row).
        string? after = null;
        await app.WithDbAsync(async db => after = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "Attachment" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(e => e.AfterJson).FirstAsync());
        var logged = after ?? "";
        logged.ShouldContain("66c7f0f462eeedd9");
        logged.ShouldContain("sm3:");
        logged.ShouldNotContain(Convert.ToBase64String(Encoding.ASCII.GetBytes("abc")));

        var viewer = await app.ApiAsAsync("weihai");   // sees the case (上级查看), may not attach
        (await viewer.GetFromJsonAsync<List<JsonElement>>($"/api/v1/attachments/recon/case/{c.Id()}"))!.Count.ShouldBe(1);
        await (await viewer.PostAsync($"/api/v1/attachments/recon/case/{c.Id()}", File("x.pdf", [1, 2, 3]))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await viewer.DeleteAsync($"/api/v1/attachments/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        (await staff.DeleteAsync($"/api/v1/attachments/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await staff.GetAsync($"/api/v1/attachments/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Oversized_and_unaccepted_files_and_unknown_owners_are_refused_in_chinese()
    {
        var staff = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(staff, Intake("限制申请人", "2024-05-06T09:00:00"));
        var big = await (await staff.PostAsync($"/api/v1/attachments/recon/case/{c.Id()}", File("大文件.pdf", new byte[70 * 1024])))
            .ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        big.GetProperty("detail").GetString()!.ShouldContain("不能超过64 KB");
        var exe = await (await staff.PostAsync($"/api/v1/attachments/recon/case/{c.Id()}", File("tool.exe", [1, 2, 3])))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "file");
        exe.GetProperty("detail").GetString()!.ShouldContain("不接受“.exe”类型的文件");
        await (await staff.PostAsync($"/api/v1/attachments/recon/case/{c.Id()}", File("a.pdf", [1], "no-such-category")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "category");
        await (await staff.PostAsync($"/api/v1/attachments/recon/case/{c.Id()}", new MultipartFormDataContent { { new StringContent("x"), "category" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "file");
        await (await staff.PostAsync($"/api/v1/attachments/recon/no-such-kind/{c.Id()}", File("a.pdf", [1])))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "entityType");
        await (await staff.GetAsync("/api/v1/attachments/recon/case/987654321")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await staff.GetFromJsonAsync<List<JsonElement>>($"/api/v1/attachments/recon/case/{c.Id()}"))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_districts_user_cannot_see_list_or_attach_to_a_case()
    {
        var staff = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(staff, Intake("范围申请人", "2024-05-06T09:00:00"));
        var id = (await (await staff.PostAsync($"/api/v1/attachments/recon/case/{c.Id()}", File("证据.pdf", [37, 80, 68, 70])))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var other = await app.ApiAsAsync("rongcheng");
        await (await other.GetAsync($"/api/v1/attachments/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/v1/attachments/recon/case/{c.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsync($"/api/v1/attachments/recon/case/{c.Id()}", File("x.pdf", [1]))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await other.DeleteAsync($"/api/v1/attachments/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await staff.GetAsync($"/api/v1/attachments/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    // ---- 站内消息 ----

    [Fact]
    public async Task A_submission_for_approval_reminds_the_approvers_of_the_unit_and_only_them()
    {
        var leader = await app.ApiAsAsync("huancui-admin");
        var before = (await leader.GetFromJsonAsync<JsonElement>("/api/v1/messages/unread-count")).GetProperty("count").GetInt32();
        var staff = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(staff, Intake("消息申请人", "2024-05-06T09:00:00"));
        var submitted = await staff.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/approvals",
            new { action = "accept", request = new { on = "2024-05-07", procedure = "普通程序" }, note = "材料齐全，拟受理" });
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());

        (await leader.GetFromJsonAsync<JsonElement>("/api/v1/messages/unread-count")).GetProperty("count").GetInt32().ShouldBe(before + 1);
        var mine = await leader.GetFromJsonAsync<List<JsonElement>>("/api/v1/messages?unread=true");
        var message = mine!.First();
        message.GetProperty("title").GetString()!.ShouldContain("待审批");
        message.GetProperty("link").GetString().ShouldBe($"/reconsideration/cases/{c.Id()}");
        var id = message.GetProperty("id").GetInt64();
        (await (await app.ApiAsAsync("admin")).GetFromJsonAsync<List<JsonElement>>("/api/v1/messages"))!
            .ShouldContain(m => m.GetProperty("link").GetString() == $"/reconsideration/cases/{c.Id()}"); // the platform's approver too

        // Neither the submitter, nor another district's approver, nor a read-only viewer is reminded.
        (await staff.GetFromJsonAsync<List<JsonElement>>("/api/v1/messages"))!.ShouldNotContain(m => m.GetProperty("link").GetString() == $"/reconsideration/cases/{c.Id()}");
        (await (await app.ApiAsAsync("weihai")).GetFromJsonAsync<List<JsonElement>>("/api/v1/messages"))!.ShouldBeEmpty();
        var other = await app.ApiAsAsync("rongcheng");
        (await other.GetFromJsonAsync<List<JsonElement>>("/api/v1/messages"))!.ShouldBeEmpty();
        await (await other.PostAsync($"/api/v1/messages/{id}/read", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var bell = await (await app.BrowserAsAsync("huancui-admin")).GetStringAsync("/messages");
        bell.ShouldContain($"消息（{before + 1}）");
        bell.ShouldContain("材料齐全，拟受理");

        var read = await leader.PostAsync($"/api/v1/messages/{id}/read", null);
        (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("readAt").GetString().ShouldNotBeNull();
        (await leader.GetFromJsonAsync<JsonElement>("/api/v1/messages/unread-count")).GetProperty("count").GetInt32().ShouldBe(before);
        await leader.PostAsync("/api/v1/messages/read-all", null);
        (await leader.GetFromJsonAsync<JsonElement>("/api/v1/messages/unread-count")).GetProperty("count").GetInt32().ShouldBe(0);
    }
}

public sealed class KernelPartsSqliteFactory() : FazhiFactory(Provider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Reconsideration:ApprovalRequired", "true");
        builder.UseSetting("Fazhi:Attachments:MaxBytes", "65536");
    }
}

public sealed class KernelPartsPostgresFactory() : FazhiFactory(Provider.Postgres)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Reconsideration:ApprovalRequired", "true");
        builder.UseSetting("Fazhi:Attachments:MaxBytes", "65536");
    }
}

public sealed class KernelPartsTestsOnSqlite(KernelPartsSqliteFactory app) : KernelPartsTests(app), IClassFixture<KernelPartsSqliteFactory>;

public sealed class KernelPartsTestsOnPostgres(KernelPartsPostgresFactory app) : KernelPartsTests(app), IClassFixture<KernelPartsPostgresFactory>;
