using System.Globalization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Security;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel.Audit;

/// <summary>Where and how often the chain head is signed (<c>Fazhi:Audit:*</c>).</summary>
public sealed class AuditCheckpointOptions
{
    /// <summary><c>Fazhi:Audit:CheckpointDirectory</c>, default <c>&lt;data&gt;/audit-checkpoints</c>: keep it on other
    /// storage than the database (another disk, a mounted log server, a folder with <c>chattr +a</c>).</summary>
    public string Directory { get; set; } = "";

    /// <summary><c>Fazhi:Audit:CheckpointEveryEntries</c>: a checkpoint once the head has moved this many entries.</summary>
    public int EveryEntries { get; set; } = 1000;

    /// <summary><c>Fazhi:Audit:CheckpointEveryMinutes</c>: a checkpoint after this long if the head has moved at all
    /// (0: only by entries and at shutdown).</summary>
    public int EveryMinutes { get; set; } = 10;
}

/// <summary>One line of a checkpoint file.</summary>
public sealed record AuditCheckpoint(long Seq, string Hash, string At, bool SignatureValid, string File, int Line);

/// <summary>
/// Signed checkpoints of the audit chain's head, outside the database: one line per checkpoint
/// (<c>seq=… hash=… at=… sig=…</c>, the signature SM2 over <c>fazhi-audit-checkpoint|seq|hash|at</c>) appended to a
/// yearly file (0600, in a 0700 folder), and the same line written to the application log (route the category
/// <c>Fazhi.Web.Kernel.Audit.AuditCheckpoints</c> to syslog to keep a second copy on another machine). Someone who
/// can write the database but not this folder and the key cannot remove the newest entries, or recompute the chain,
/// without the verification noticing.
/// </summary>
/// <remarks>The lock is never disposed: a write may still be starting when the container is disposed at shutdown (the
/// host's stop can be called twice, and the second caller disposes), and a <see cref="SemaphoreSlim"/> whose wait handle is
/// never asked for holds nothing that needs disposing.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The lock must outlive the container's disposal; see remarks.")]
public sealed class AuditCheckpoints(AuditCheckpointOptions options, AuditKeys keys, TimeProvider clock, ILogger<AuditCheckpoints> log)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _lastSeq = -1;
    private DateTimeOffset _lastAt = DateTimeOffset.MinValue;

    public string Directory => options.Directory;

    /// <summary>Is a checkpoint due for a head at <paramref name="headSeq"/>?</summary>
    public bool IsDue(long headSeq) =>
        headSeq > 0 && headSeq != _lastSeq &&
        (_lastSeq < 0 || headSeq - _lastSeq >= options.EveryEntries ||
         (options.EveryMinutes > 0 && clock.GetUtcNow() - _lastAt >= TimeSpan.FromMinutes(options.EveryMinutes)));

    /// <summary>Reads the committed head and, when <paramref name="force"/> or <see cref="IsDue"/>, signs and appends
    /// it. Returns the checkpoint written, or null.</summary>
    public async Task<AuditCheckpoint?> WriteAsync(FazhiDb db, bool force, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var head = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Seq)
                .Select(a => new { a.Seq, a.Hash }).FirstOrDefaultAsync(ct);
            if (head is null || head.Seq == _lastSeq || !(force || IsDue(head.Seq)))
                return null;
            var now = clock.GetUtcNow();
            var at = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            var signature = Convert.ToBase64String(keys.Sign(AuditKeys.SignedText(head.Seq, head.Hash, at)));
            var line = $"seq={head.Seq.ToString(CultureInfo.InvariantCulture)} hash={head.Hash} at={at} sig={signature}";
            var file = Path.Combine(options.Directory, $"audit-checkpoints-{now.UtcDateTime.Year.ToString(CultureInfo.InvariantCulture)}.log");
            PrivateFiles.EnsureDirectory(options.Directory);
            await AppendLineAsync(file, line, ct);
            if (log.IsEnabled(LogLevel.Information))
                log.LogInformation("Audit checkpoint {Checkpoint}", line);
            _lastSeq = head.Seq;
            _lastAt = now;
            return new AuditCheckpoint(head.Seq, head.Hash, at, true, file, 0);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task AppendLineAsync(string file, string line, CancellationToken ct)
    {
        var fileOptions = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var stream = new FileStream(file, fileOptions);
        // One write per line: lines of two instances sharing the folder never interleave.
        await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(line + "\n"), ct);
        await stream.FlushAsync(ct);
    }

    /// <summary>Every checkpoint in the folder, each with its signature checked (a line that cannot be read counts as
    /// a bad signature).</summary>
    public List<AuditCheckpoint> ReadAll()
    {
        var result = new List<AuditCheckpoint>();
        if (!System.IO.Directory.Exists(options.Directory))
            return result;
        var key = keys.FindPublicKey();
        foreach (var file in System.IO.Directory.GetFiles(options.Directory, "audit-checkpoints-*.log").Order(StringComparer.Ordinal))
        {
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                var fields = line.Split(' ').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
                var seq = fields.TryGetValue("seq", out var s) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
                var hash = fields.GetValueOrDefault("hash") ?? "";
                var at = fields.GetValueOrDefault("at") ?? "";
                var valid = false;
                if (seq > 0 && key is not null && fields.TryGetValue("sig", out var sig))
                {
                    try
                    {
                        valid = AuditKeys.Verify(key, AuditKeys.SignedText(seq, hash, at), Convert.FromBase64String(sig));
                    }
                    catch (FormatException)
                    {
                        valid = false;
                    }
                }
                result.Add(new AuditCheckpoint(seq, hash, at, valid, Path.GetFileName(file), number));
            }
        }
        return result;
    }
}

/// <summary>Writes a checkpoint when one is due (polled every 30 seconds) and one at shutdown.</summary>
/// <remarks>The host's stop may run twice at once (WebApplicationFactory stops the host while the application's own
/// <c>RunAsync</c> stops and then disposes it): the last checkpoint is written once, and every stop waits for that same
/// write, so neither returns (and lets the container be disposed) while it is running.</remarks>
public sealed class AuditCheckpointJob(IServiceScopeFactory scopes, AuditCheckpoints checkpoints, TimeProvider clock, ILogger<AuditCheckpointJob> log)
    : BackgroundService
{
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(30);
    private readonly Lock _stopping = new();
    private Task? _final;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticker = new PeriodicTimer(Poll, clock);
        do
            await TryWriteAsync(force: false, stoppingToken);
        while (await ticker.WaitForNextTickAsync(stoppingToken));
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopping)
            return _final ??= StopOnceAsync(cancellationToken);
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken); // the poll observes the stopping token and ends first
        await TryWriteAsync(force: true, cancellationToken);
    }

    private async Task TryWriteAsync(bool force, CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            await checkpoints.WriteAsync(scope.ServiceProvider.GetRequiredService<FazhiDb>(), force, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Writing the audit checkpoint failed; it will be retried");
        }
    }
}

/// <summary>操作日志 校验: the chain (plain SM3 up to the upgrade, HMAC-SM3 after it) and every signed checkpoint.</summary>
public sealed class AuditVerifier(FazhiDb db, AuditKeys keys, AuditCheckpoints checkpoints)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        var signed = checkpoints.ReadAll();
        if (signed.FirstOrDefault(c => !c.SignatureValid) is { } forged)
            return new AuditVerification(false, 0, forged.Seq > 0 ? forged.Seq : null,
                $"签名检查点文件 {forged.File} 第{forged.Line}行的SM2签名无效（检查点被篡改或伪造，或签名密钥 {AuditKeys.SigningKeyName} 不符）", signed.Count);
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Seq).ToListAsync(ct);
        var (result, hashes, head) = AuditChain.Walk(entries, keys.FindChainKey(), signed.Select(c => c.Seq).ToHashSet());
        if (!result.Intact)
            return result with { Checkpoints = signed.Count };
        foreach (var c in signed.OrderBy(c => c.Seq))
        {
            if (c.Seq > head)
                return new AuditVerification(false, result.Checked, head + 1,
                    $"签名检查点（{c.At}）记录日志已有{c.Seq}条，现在只剩{head}条：最新的至少{c.Seq - head}条日志已被删除", signed.Count);
            if (hashes[c.Seq] != c.Hash)
                return new AuditVerification(false, result.Checked, c.Seq,
                    $"第{c.Seq}条日志的哈希与签名检查点（{c.At}）不符：日志已被重新计算或替换", signed.Count);
        }
        var last = signed.OrderByDescending(c => c.Seq).FirstOrDefault();
        return result with
        {
            Checkpoints = signed.Count,
            Message = result.Message + (last is null ? "；尚无签名检查点" : $"；{signed.Count}个签名检查点一致（最近一个在第{last.Seq}条）"),
        };
    }
}

public static class AuditChainRegistration
{
    /// <summary>The chain's keys, its checkpoints (<c>Fazhi:Audit:Checkpoint*</c>) and its verification.</summary>
    public static IServiceCollection AddAuditChain(this IServiceCollection services, IConfiguration config, string dataDirectory)
    {
        services.AddSingleton<AuditKeys>();
        services.AddSingleton(new AuditCheckpointOptions
        {
            Directory = Path.GetFullPath(config["Fazhi:Audit:CheckpointDirectory"] ?? Path.Combine(dataDirectory, "audit-checkpoints")),
            EveryEntries = Math.Max(1, config.GetValue("Fazhi:Audit:CheckpointEveryEntries", 1000)),
            EveryMinutes = Math.Max(0, config.GetValue("Fazhi:Audit:CheckpointEveryMinutes", 10)),
        });
        services.AddSingleton<AuditCheckpoints>();
        services.AddHostedService<AuditCheckpointJob>();
        services.AddScoped<AuditVerifier>();
        return services;
    }
}
