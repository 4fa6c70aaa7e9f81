using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Audit;
using Fazhi.Web.Kernel.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>
/// The attacks of issue 14 on the keyed chain and its signed checkpoints, as someone with the database owner's rights
/// but neither the key folder nor the checkpoint folder would make them: each is detected, and the chain verifies
/// again once the rows are put back. In their own class and database, since the last step truncates the log for good.
/// </summary>
public abstract class AuditChainKeyTests(FazhiFactory app)
{
    [Fact]
    public async Task Recomputed_chains_truncation_and_forged_checkpoints_are_detected()
    {
        var admin = await app.ApiAsAsync("admin");
        var auditor = await app.ApiAsAsync("auditor");
        for (var i = 0; i < 3; i++)
            (await admin.PutAsJsonAsync("/api/v1/orgs/371082104", new { name = $"俚岛镇（更名{i}）" })).EnsureSuccessStatusCode();
        var checkpoint = await WriteCheckpointAsync();
        checkpoint.ShouldNotBeNull();

        // Untouched: intact, and the checkpoint was compared.
        var intact = await VerifyAsync(auditor);
        intact.GetProperty("intact").GetBoolean().ShouldBeTrue(intact.ToString());
        intact.GetProperty("checkpoints").GetInt32().ShouldBeGreaterThan(0);
        (await RunVerifyCommandAsync(app)).ExitCode.ShouldBe(0);

        await DropGuardsAsync();
        var original = await EntriesAsync();
        original.ShouldAllBe(e => e.HashVersion == AuditChain.KeyedSm3); // a new database is keyed from its first entry
        var target = original[^3].Seq;

        // 1. An edited row, the later hashes recomputed as plain SM3 (the tamperer has no key): the downgrade shows.
        await RewriteAsync(Tamper(original, target, key: null, from: target));
        var plain = await VerifyAsync(auditor);
        plain.GetProperty("intact").GetBoolean().ShouldBeFalse();
        plain.GetProperty("firstBrokenSeq").GetInt64().ShouldBe(target);
        await RewriteAsync(original);
        (await VerifyAsync(auditor)).GetProperty("intact").GetBoolean().ShouldBeTrue();

        // 2. The same, with the whole chain recomputed as plain SM3 from the first entry: a consistent chain, which the
        //    signed checkpoint contradicts.
        await RewriteAsync(Tamper(original, target, key: null, from: 1));
        var whole = await VerifyAsync(auditor);
        whole.GetProperty("intact").GetBoolean().ShouldBeFalse();
        whole.GetProperty("message").GetString()!.ShouldContain("签名检查点");
        var (exit, output) = await RunVerifyCommandAsync(app);
        exit.ShouldBe(2);
        output.ShouldContain("签名检查点");
        await RewriteAsync(original);

        // 3. Recomputed as keyed entries with a key of the tamperer's own: the first edited entry does not verify.
        await RewriteAsync(Tamper(original, target, key: new byte[32], from: target));
        var wrongKey = await VerifyAsync(auditor);
        wrongKey.GetProperty("intact").GetBoolean().ShouldBeFalse();
        wrongKey.GetProperty("firstBrokenSeq").GetInt64().ShouldBe(target);
        wrongKey.GetProperty("message").GetString()!.ShouldContain($"第{target}条");
        await RewriteAsync(original);
        (await VerifyAsync(auditor)).GetProperty("intact").GetBoolean().ShouldBeTrue();

        // 4. A checkpoint line whose head was changed (its signature no longer covers it).
        var file = Path.Combine(Checkpoints.Directory, Path.GetFileName(checkpoint.File));
        var lines = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, lines.Replace($"seq={checkpoint.Seq} ", $"seq={checkpoint.Seq - 1} ", StringComparison.Ordinal));
        var forged = await VerifyAsync(auditor);
        forged.GetProperty("intact").GetBoolean().ShouldBeFalse();
        forged.GetProperty("message").GetString()!.ShouldContain("签名无效");
        await File.WriteAllTextAsync(file, lines);
        (await VerifyAsync(auditor)).GetProperty("intact").GetBoolean().ShouldBeTrue();

        // 5. The newest 50 entries deleted after a checkpoint: the chain itself is consistent, the checkpoint is not.
        var head = (await WriteCheckpointAsync(force: true))?.Seq ?? original[^1].Seq;
        (await app.SqlAsync($"DELETE FROM sys_audit_log WHERE \"Seq\" > {head - 50}")).ShouldBe(50);
        var truncated = await VerifyAsync(auditor);
        truncated.GetProperty("intact").GetBoolean().ShouldBeFalse();
        truncated.GetProperty("message").GetString()!.ShouldContain("已被删除");
        truncated.GetProperty("firstBrokenSeq").GetInt64().ShouldBe(head - 49);
        (await RunVerifyCommandAsync(app)).ExitCode.ShouldBe(2);
    }

    private AuditCheckpoints Checkpoints => app.Services.GetRequiredService<AuditCheckpoints>();

    private async Task<AuditCheckpoint?> WriteCheckpointAsync(bool force = true)
    {
        AuditCheckpoint? written = null;
        await app.WithDbAsync(async db => written = await Checkpoints.WriteAsync(db, force, CancellationToken.None));
        return written;
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient admin) =>
        await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");

    private async Task DropGuardsAsync()
    {
        if (app.Provider == Provider.Postgres)
            await app.SqlAsync("ALTER TABLE sys_audit_log DISABLE TRIGGER USER");
        else
        {
            await app.SqlAsync("DROP TRIGGER sys_audit_log_no_update");
            await app.SqlAsync("DROP TRIGGER sys_audit_log_no_delete");
        }
    }

    private async Task<List<AuditEntry>> EntriesAsync()
    {
        var list = new List<AuditEntry>();
        await app.WithDbAsync(async db => list = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Seq).ToListAsync());
        return list;
    }

    /// <summary>A copy of the chain with entry <paramref name="target"/> edited and every entry from
    /// <paramref name="from"/> on re-linked: as plain SM3 (no key) or keyed with <paramref name="key"/>.</summary>
    private static List<AuditEntry> Tamper(List<AuditEntry> original, long target, byte[]? key, long from)
    {
        var copy = original.Select(e => new AuditEntry
        {
            Seq = e.Seq, AtUtc = e.AtUtc, UserId = e.UserId, UserName = e.UserName, OrgUnitId = e.OrgUnitId, Action = e.Action,
            EntityType = e.EntityType, EntityId = e.EntityId, BeforeJson = e.BeforeJson, AfterJson = e.AfterJson,
            RequestId = e.RequestId, ClientAddress = e.ClientAddress, PrevHash = e.PrevHash, Hash = e.Hash, HashVersion = e.HashVersion,
        }).ToList();
        copy.Single(e => e.Seq == target).AfterJson = """{"Name":"改过的名字"}""";
        var prev = from == 1 ? AuditChain.Genesis : copy.Single(e => e.Seq == from - 1).Hash;
        foreach (var e in copy.Where(e => e.Seq >= from))
        {
            e.PrevHash = prev;
            e.HashVersion = key is null ? AuditChain.PlainSm3 : AuditChain.KeyedSm3;
            e.Hash = AuditChain.ComputeHash(e, key)!;
            prev = e.Hash;
        }
        return copy;
    }

    private Task RewriteAsync(List<AuditEntry> entries) => app.WithDbAsync(async db =>
    {
        foreach (var e in entries)
            await db.Database.ExecuteSqlAsync($"""
                UPDATE sys_audit_log SET "AfterJson" = {e.AfterJson}, "PrevHash" = {e.PrevHash}, "Hash" = {e.Hash}, "HashVersion" = {e.HashVersion}
                WHERE "Seq" = {e.Seq}
                """);
    });

    /// <summary>Runs <c>Fazhi.Web verify-audit</c> as its own process against the same database, key folder and
    /// checkpoint folder.</summary>
    public static async Task<(int ExitCode, string Output)> RunVerifyCommandAsync(FazhiFactory app)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll, "verify-audit"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["Database__Provider"] = app.Provider.ToString();
        start.Environment["ConnectionStrings__Fazhi"] = app.ConnectionString;
        start.Environment["Fazhi__DataDirectory"] = Path.Combine(Path.GetTempPath(), "fazhi-verify-" + Guid.NewGuid().ToString("N"));
        start.Environment["Fazhi__Security__KeyDirectory"] = app.Services.GetRequiredService<KeyStore>().Directory;
        start.Environment["Fazhi__Audit__CheckpointDirectory"] = app.Services.GetRequiredService<AuditCheckpoints>().Directory;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}

public sealed class AuditChainKeyTestsOnSqlite(SqliteFactory app) : AuditChainKeyTests(app), IClassFixture<SqliteFactory>;

public sealed class AuditChainKeyTestsOnPostgres(PostgresFactory app) : AuditChainKeyTests(app), IClassFixture<PostgresFactory>;
