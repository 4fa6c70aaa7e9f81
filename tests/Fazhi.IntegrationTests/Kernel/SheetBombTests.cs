using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using MiniExcelLibs;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>A small .xlsx that inflates past the bound (a highly compressible, huge sheet) is refused with a clear
/// message by every import, before it is read.</summary>
public abstract class SheetBombTests(FazhiFactory app)
{
    private static readonly Lazy<byte[]> Bomb = new(() => Build(101L << 20));

    /// <summary>A real .xlsx with the given header whose sheet is padded with blanks.</summary>
    private static byte[] Build(long padding)
    {
        using var plain = new MemoryStream();
        plain.SaveAs(new[] { new Dictionary<string, object?> { ["统一社会信用代码"] = "91371002MA3C5KXX1Y" } });
        plain.Position = 0;
        using var result = new MemoryStream();
        using (var source = new ZipArchive(plain, ZipArchiveMode.Read, leaveOpen: true))
        using (var target = new ZipArchive(result, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var from = entry.Open();
                using var to = target.CreateEntry(entry.FullName, CompressionLevel.SmallestSize).Open();
                if (entry.FullName != "xl/worksheets/sheet1.xml")
                {
                    from.CopyTo(to);
                    continue;
                }
                var xml = new StreamReader(from).ReadToEnd();
                var cut = xml.IndexOf("sheetData", StringComparison.Ordinal);
                cut = xml.LastIndexOf('<', cut);
                to.Write(Encoding.UTF8.GetBytes(xml[..cut]));
                var blanks = Encoding.UTF8.GetBytes(new string(' ', 1 << 20));
                for (long written = 0; written < padding; written += blanks.Length)
                    to.Write(blanks);
                to.Write(Encoding.UTF8.GetBytes(xml[cut..]));
            }
        }
        return result.ToArray();
    }

    private static MultipartFormDataContent Form()
    {
        Bomb.Value.Length.ShouldBeLessThan(1024 * 1024);
        return new MultipartFormDataContent { { new ByteArrayContent(Bomb.Value), "file", "台账.xlsx" } };
    }

    [Theory]
    [InlineData("/api/v1/reconsideration/import?org=371002&dryRun=true")]
    [InlineData("/api/v1/enforcement/plans/import?department=371002-SCJG&dryRun=true")]
    [InlineData("/api/v1/enforcement/officers/import?dryRun=true")]
    public async Task An_import_refuses_a_sheet_that_inflates_past_the_bound(string url)
    {
        var client = await app.ApiAsAsync("huancui");
        var response = await client.PostAsync(url, Form());
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var result = JsonDocument.Parse(body).RootElement;
        result.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem().GetProperty("message").GetString()!.ShouldContain("解压后超过100MB");
    }

    [Fact]
    public async Task The_record_upload_refuses_it_too()
    {
        var client = await app.ApiAsAsync("huancui-scjg");
        var problem = await (await client.PostAsync("/api/v1/enforcement/records:upload", Form())).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "file");
        problem.GetProperty("detail").GetString()!.ShouldContain("解压后超过100MB");
    }
}

public sealed class SheetBombTestsOnSqlite(SqliteFactory app) : SheetBombTests(app), IClassFixture<SqliteFactory>;

public sealed class SheetBombTestsOnPostgres(PostgresFactory app) : SheetBombTests(app), IClassFixture<PostgresFactory>;
