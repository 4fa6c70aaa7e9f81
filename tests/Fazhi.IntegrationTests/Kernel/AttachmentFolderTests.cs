using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using static Fazhi.IntegrationTests.Modules.ReconApi;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>附件 in the shared folder (Fazhi:Attachments:Store=folder): the bytes are a file there, not in the row.</summary>
public abstract class AttachmentFolderTests(FolderFactoryBase app)
{
    [Fact]
    public async Task The_folder_store_writes_reads_and_removes_the_file()
    {
        var staff = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(staff, Intake("目录申请人", "2024-05-06T09:00:00"));
        var bytes = new byte[5000];
        new Random(7).NextBytes(bytes);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var upload = await staff.PostAsync($"/api/v1/attachments/recon/case/{c.Id()}", new MultipartFormDataContent { { content, "file", "扫描件.pdf" } });
        upload.StatusCode.ShouldBe(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var files = Directory.GetFiles(app.Folder, "*", SearchOption.AllDirectories);
        files.Length.ShouldBe(1);
        (await File.ReadAllBytesAsync(files[0], TestContext.Current.CancellationToken)).ShouldBe(bytes);
        (await (await staff.GetAsync($"/api/v1/attachments/{id}")).Content.ReadAsByteArrayAsync()).ShouldBe(bytes);

        (await staff.DeleteAsync($"/api/v1/attachments/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        File.Exists(files[0]).ShouldBeFalse();
    }
}

public abstract class FolderFactoryBase(Provider provider) : FazhiFactory(provider)
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("fazhi-files-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Fazhi:Attachments:Store", "folder");
        builder.UseSetting("Fazhi:Attachments:Folder", Folder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}

public sealed class FolderSqliteFactory() : FolderFactoryBase(Provider.Sqlite);

public sealed class FolderPostgresFactory() : FolderFactoryBase(Provider.Postgres);

public sealed class AttachmentFolderTestsOnSqlite(FolderSqliteFactory app) : AttachmentFolderTests(app), IClassFixture<FolderSqliteFactory>;

public sealed class AttachmentFolderTestsOnPostgres(FolderPostgresFactory app) : AttachmentFolderTests(app), IClassFixture<FolderPostgresFactory>;
