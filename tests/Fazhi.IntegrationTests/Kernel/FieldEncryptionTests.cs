using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.IntegrationTests.Modules.ReconApi;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>个人信息 encrypted at rest (issue 14, ADR 0009): SM4-GCM columns, blind-index search, the start-up pass over
/// plaintext rows, key rotation, a missing or wrong key, the private data folder and the encrypted key ring.</summary>
public abstract class FieldEncryptionTests(FazhiFactory app)
{
    /// <summary>A valid 公民身份号码, different each call (so a search finds one case).</summary>
    private static string NewId()
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var body = "370602" + new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(0, 365 * 40)).ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                   + Random.Shared.Next(0, 1000).ToString("D3", CultureInfo.InvariantCulture);
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    private static string NewPhone() => "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);

    private async Task<List<object?[]>> RawAsync(string sql)
    {
        var rows = new List<object?[]>();
        await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = sql;
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                rows.Add(row);
            }
        });
        return rows;
    }

    private async Task<(string? Id, string? Phone, string? IdIndex)> StoredAsync(long caseId)
    {
        var row = (await RawAsync($"SELECT \"ApplicantIdNumber\", \"ApplicantPhone\", \"ApplicantIdNumberIndex\" FROM recon_cases WHERE \"Id\" = {caseId}")).Single();
        return ((string?)row[0], (string?)row[1], (string?)row[2]);
    }

    private static async Task<(long Id, string IdNumber, string Phone)> IntakeAsync(HttpClient client, string applicant)
    {
        var id = NewId();
        var phone = NewPhone();
        var body = JsonSerializer.SerializeToNode(Intake(applicant: applicant, id: id))!.AsObject();
        body["applicantPhone"] = phone;
        var created = await CreateAsync(client, body);
        return (created.Id(), id, phone);
    }

    private static async Task<List<long>> SearchAsync(HttpClient client, string q) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/cases?q=" + Uri.EscapeDataString(q)))
            .GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt64())];

    [Fact]
    public async Task The_column_holds_no_plaintext_and_a_full_id_or_phone_finds_the_case()
    {
        var client = await app.ApiAsAsync("huancui");
        var (caseId, id, phone) = await IntakeAsync(client, "加密甲");

        var (storedId, storedPhone, index) = await StoredAsync(caseId);
        storedId.ShouldNotBeNull().ShouldMatch("^v[0-9]+:");
        storedId.ShouldNotContain(id);
        storedPhone.ShouldNotBeNull().ShouldMatch("^v[0-9]+:");
        storedPhone.ShouldNotContain(phone);
        index.ShouldNotBeNull().Length.ShouldBe(32);

        // The search box: a full ID (any case) or phone (with separators) finds it; a fragment of either does not.
        (await SearchAsync(client, id.ToLowerInvariant())).ShouldBe([caseId]);
        (await SearchAsync(client, phone[..3] + "-" + phone[3..7] + " " + phone[7..])).ShouldBe([caseId]);
        (await SearchAsync(client, id[..10])).ShouldNotContain(caseId);

        // Lists and the case page show the masked values, decrypted first.
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/cases?q=" + id);
        list.GetProperty("items")[0].GetProperty("applicantIdMasked").GetString().ShouldBe(id[..4] + "**********" + id[^4..]);
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases/{caseId}");
        detail.GetProperty("applicantPhoneMasked").GetString().ShouldBe(phone[..3] + "****" + phone[^4..]);

        // The audit log's before/after never holds the plaintext.
        var audit = await RawAsync($"SELECT \"BeforeJson\", \"AfterJson\" FROM sys_audit_log WHERE \"EntityId\" = '{caseId}'");
        audit.ShouldNotBeEmpty();
        foreach (var row in audit)
        foreach (var json in row.OfType<string>())
        {
            json.ShouldNotContain(id);
            json.ShouldNotContain(phone);
        }
    }

    [Fact]
    public async Task Plaintext_rows_are_encrypted_by_the_pass_and_a_wrong_key_writes_nothing()
    {
        var client = await app.ApiAsAsync("huancui");
        var (caseId, id, _) = await IntakeAsync(client, "加密乙");
        // A row as it was before encryption existed.
        await app.SqlAsync($"UPDATE recon_cases SET \"ApplicantIdNumber\" = '{id}', \"ApplicantIdNumberIndex\" = NULL WHERE \"Id\" = {caseId}");
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases/{caseId}");
        detail.GetProperty("applicantIdMasked").GetString().ShouldBe(id[..4] + "**********" + id[^4..]); // still reads

        // A key folder whose files are not this database's keys (same versions, other bytes).
        var real = app.Services.GetRequiredService<KeyStore>();
        var wrongStore = new KeyStore(new KeyStoreOptions { Directory = Path.Combine(Path.GetTempPath(), "fazhi-wrong-" + Guid.NewGuid().ToString("N")) });
        foreach (var v in FieldCipher.VersionsIn(real))
            wrongStore.Create(FieldCipher.KeyName(v), FieldCipher.KeyLength);
        var wrong = new FieldCipher(wrongStore);
        await app.WithDbAsync(async db =>
        {
            var error = await Should.ThrowAsync<FieldDecryptionException>(() => new FieldRewriter(db, wrong).RunAsync(null, CancellationToken.None));
            // It names the key file it tried, in the wrong folder. Which version that is depends on the rows met first:
            // after the rotation test (same factory, any order) rows written by this host are still under v1.
            error.Message.ShouldContain(wrongStore.Directory);
            error.Message.ShouldContain(FieldCipher.KeyPrefix);
        });
        Directory.Delete(wrongStore.Directory, recursive: true);
        (await StoredAsync(caseId)).Id.ShouldBe(id); // nothing was written with the wrong key

        var output = new StringWriter();
        (await KeyCommands.EncryptFieldsAsync(app.Services, output, CancellationToken.None)).ShouldBe(0);
        output.ToString().ShouldContain("Recon");
        var (storedId, _, index) = await StoredAsync(caseId);
        storedId.ShouldNotBeNull().ShouldMatch("^v[0-9]+:");
        index.ShouldNotBeNull();
        (await SearchAsync(client, id)).ShouldBe([caseId]);
        // Idempotent: a second run finds nothing left to do.
        output = new StringWriter();
        await KeyCommands.EncryptFieldsAsync(app.Services, output, CancellationToken.None);
        output.ToString().ShouldContain("0 个字段值");
    }

    /// <summary>The start-up pass (issue: it scanned every encrypted table at each start) leaves a completion marker per
    /// table; a start whose markers are current scans nothing, and a table whose encrypted columns changed is scanned.</summary>
    [Fact]
    public async Task The_start_pass_skips_tables_marked_done_and_scans_a_table_whose_encrypted_columns_changed()
    {
        var client = await app.ApiAsAsync("huancui");
        var (caseId, id, _) = await IntakeAsync(client, "加密戊");
        var cipher = app.Services.GetRequiredService<FieldCipher>();
        List<EncryptedFields.Table> tables = [];
        await app.WithDbAsync(db =>
        {
            tables = EncryptedFields.TablesOf(db.Model);
            return Task.CompletedTask;
        });
        var recon = tables.Single(t => t.Name == "recon_cases");

        // The host's start wrote a current marker for every encrypted table.
        var markers = (await RawAsync("SELECT \"Key\", \"Value\" FROM sys_markers")).ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        foreach (var t in tables)
            markers.GetValueOrDefault(FieldRewriter.MarkerKey(t)).ShouldBe(FieldRewriter.MarkerValue(t, cipher.CurrentVersion), t.Name);

        async Task<FieldRewriter.Result> StartPassAsync()
        {
            FieldRewriter.Result? result = null;
            await app.WithDbAsync(async db =>
            {
                await KeyCommands.StartAsync(app.Services, db, encrypt: true, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
                result = await new FieldRewriter(db, cipher).RunAsync(null, CancellationToken.None, useMarkers: true);
            });
            return result!;
        }

        // A plaintext value in a table marked done: the next start does not scan it (it stays as it is).
        await app.SqlAsync($"UPDATE recon_cases SET \"ApplicantIdNumber\" = '{id}', \"ApplicantIdNumberIndex\" = NULL WHERE \"Id\" = {caseId}");
        var quiet = await StartPassAsync();
        quiet.TablesScanned.ShouldBe(0);
        quiet.TablesSkipped.ShouldBe(tables.Count);
        (await StoredAsync(caseId)).Id.ShouldBe(id);

        // The table's marker names an older column set (as before a new [Encrypted] field): that table alone is scanned.
        await app.SqlAsync($"UPDATE sys_markers SET \"Value\" = 'v{cipher.CurrentVersion};\"ApplicantIdNumber\"' WHERE \"Key\" = '{FieldRewriter.MarkerKey(recon)}'");
        var rerun = await StartPassAsync(); // KeyCommands.StartAsync scans it and marks it; the second run of the pair skips all
        rerun.TablesScanned.ShouldBe(0);
        var (storedId, _, index) = await StoredAsync(caseId);
        storedId.ShouldNotBeNull().ShouldMatch("^v[0-9]+:");
        index.ShouldNotBeNull();
        (await SearchAsync(client, id)).ShouldBe([caseId]);
        (await RawAsync($"SELECT \"Value\" FROM sys_markers WHERE \"Key\" = '{FieldRewriter.MarkerKey(recon)}'")).Single()[0]
            .ShouldBe(FieldRewriter.MarkerValue(recon, cipher.CurrentVersion));

        // Counted directly: an out-of-date marker makes exactly its table scanned.
        await app.SqlAsync($"UPDATE sys_markers SET \"Value\" = 'v0;' WHERE \"Key\" = '{FieldRewriter.MarkerKey(recon)}'");
        FieldRewriter.Result? counted = null;
        await app.WithDbAsync(async db => counted = await new FieldRewriter(db, cipher).RunAsync(null, CancellationToken.None, useMarkers: true));
        counted!.TablesScanned.ShouldBe(1);
        counted.TablesSkipped.ShouldBe(tables.Count - 1);
    }

    [Fact]
    public async Task Rotation_re_encrypts_every_value_and_everything_still_reads()
    {
        var client = await app.ApiAsAsync("huancui");
        var (caseId, id, phone) = await IntakeAsync(client, "加密丙");
        var before = FieldCipher.VersionsIn(app.Services.GetRequiredService<KeyStore>()).Max();

        var output = new StringWriter();
        (await KeyCommands.KeysAsync(app.Services, "rotate", output, CancellationToken.None)).ShouldBe(0);
        output.ToString().ShouldContain("密钥轮换完成");
        var next = $"v{before + 1}:";

        var values = await RawAsync("SELECT \"ApplicantIdNumber\", \"ApplicantPhone\" FROM recon_cases");
        values.SelectMany(r => r).OfType<string>().ShouldAllBe(v => v.StartsWith(next));
        (await StoredAsync(caseId)).Id.ShouldNotBeNull().ShouldStartWith(next);
        (await RawAsync("SELECT \"PhoneNumber\" FROM sys_users WHERE \"PhoneNumber\" IS NOT NULL"))
            .Select(r => (string)r[0]!).ShouldAllBe(v => v.StartsWith(next));

        // Reads, searches and new intakes all go on (the running instance decrypts by the value's version).
        (await SearchAsync(client, id)).ShouldBe([caseId]);
        (await SearchAsync(client, phone)).ShouldBe([caseId]);
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases/{caseId}");
        detail.GetProperty("applicantIdMasked").GetString().ShouldBe(id[..4] + "**********" + id[^4..]);
        var (later, laterId, _) = await IntakeAsync(client, "加密丁");
        (await SearchAsync(client, laterId)).ShouldBe([later]);
    }

    [Fact]
    public async Task The_data_folder_and_database_file_are_private_and_the_key_ring_is_encrypted()
    {
        _ = await app.ApiAsAsync("huancui"); // a bearer token: the key ring has a key
        if (OperatingSystem.IsWindows())
            return;
        var data = Path.GetDirectoryName(app.Services.GetRequiredService<KeyStore>().Directory)!;
        const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
                                    UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        (File.GetUnixFileMode(data) & others).ShouldBe(UnixFileMode.None);
        if (app.Provider == Provider.Sqlite)
        {
            var file = Path.Combine(data, "fazhi.db");
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
                (File.GetUnixFileMode(f) & others).ShouldBe(UnixFileMode.None, f);
        }
        var ring = Directory.GetFiles(Path.Combine(data, "keys"), "*.xml");
        ring.ShouldNotBeEmpty();
        foreach (var key in ring)
        {
            var xml = await File.ReadAllTextAsync(key);
            xml.ShouldContain("sm4EncryptedKey");
            xml.ShouldNotContain("<masterKey");
        }
    }

    [Fact]
    public async Task A_missing_key_file_stops_the_start_with_its_name()
    {
        await using var strict = new NoKeysFactory(app.Provider);
        var error = await Should.ThrowAsync<Exception>(async () => await strict.InitializeAsync());
        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        messages.ShouldContain("field-sm4.v1.key");
        messages.ShouldContain("keys init");
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            yield return e;
    }

    /// <summary>Production's rule (no key is created at start) over an empty key folder.</summary>
    private sealed class NoKeysFactory(Provider provider) : FazhiFactory(provider)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Fazhi:Security:CreateMissingKeys", "false");
        }
    }
}

public sealed class FieldEncryptionTestsOnSqlite(SqliteFactory app) : FieldEncryptionTests(app), IClassFixture<SqliteFactory>;

public sealed class FieldEncryptionTestsOnPostgres(PostgresFactory app) : FieldEncryptionTests(app), IClassFixture<PostgresFactory>;
