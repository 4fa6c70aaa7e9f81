using Fazhi.Web.Data;

namespace Fazhi.Web.Kernel.Security;

/// <summary>The keys every installation needs, created by <c>Fazhi.Web keys init</c> (Production creates none by
/// itself: <see cref="KeyStoreOptions.CreateMissing"/>). A feature that adds a key adds it here.</summary>
public static class PlatformKeys
{
    public static readonly IReadOnlyList<(string Name, int Length, string Purpose)> Required =
    [
        (FieldCipher.KeyName(1), FieldCipher.KeyLength, "个人信息字段 SM4 加密（首个版本；轮换后为 v2、v3…）"),
        (FieldCipher.IndexKeyName, FieldCipher.IndexKeyLength, "加密字段检索码 HMAC-SM3"),
        (KeyRingEncryption.KeyName, FieldCipher.KeyLength, "Cookie/令牌密钥环 SM4 加密"),
        (Audit.AuditChain.KeyName, Audit.AuditChain.KeyLength, "操作日志哈希链 HMAC-SM3"),
        (Audit.AuditKeys.SigningKeyName, Audit.AuditKeys.SigningKeyLength, "操作日志检查点 SM2 签名私钥"),
        (Access.Identity.TwoFactorService.SecretHashKeyName, Access.Identity.TwoFactorService.SecretHashKeyLength, "恢复码与机器账号密钥的 HMAC-SM3"),
    ];
}

/// <summary><c>Fazhi.Web keys init|rotate</c> and <c>Fazhi.Web encrypt-fields</c>, and the start-up pass.</summary>
public static class KeyCommands
{
    public static async Task<int> KeysAsync(IServiceProvider services, string? verb, TextWriter output, CancellationToken ct)
    {
        var store = services.GetRequiredService<KeyStore>();
        switch (verb)
        {
            case "init":
                foreach (var (name, length, purpose) in PlatformKeys.Required)
                {
                    // field-sm4: any version present counts (after a rotation v1 may be retired).
                    var present = name.StartsWith(FieldCipher.KeyPrefix, StringComparison.Ordinal) ? FieldCipher.VersionsIn(store).Count > 0 : store.Exists(name);
                    if (!present)
                        store.Create(name, length);
                    await output.WriteLineAsync($"{(present ? "已存在" : "已创建")}  {store.PathOf(name)}  （{purpose}）");
                }
                await output.WriteLineAsync($"密钥目录 {store.Directory}：请备份此目录（与数据库备份分开保管）；丢失密钥即无法解密加密字段。");
                return 0;
            case "rotate":
            {
                using var scope = services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<FazhiDb>();
                var before = new FieldCipher(store); // the key versions on disk now (the singleton may predate a rotation)
                // An interrupted rotation is finished first, with the version it was rotating to.
                await new FieldRewriter(db, before).RunAsync(line => output.WriteLine("[完成上次] " + line), ct);
                var next = before.CurrentVersion + 1;
                store.Create(FieldCipher.KeyName(next), FieldCipher.KeyLength);
                await output.WriteLineAsync($"已创建新密钥 {store.PathOf(FieldCipher.KeyName(next))}，开始重新加密……");
                var result = await new FieldRewriter(db, new FieldCipher(store)).RunAsync(line => output.WriteLine(line), ct);
                await output.WriteLineAsync($"密钥轮换完成：{result.Values} 个字段值已用 {FieldCipher.KeyName(next)} 重新加密。" +
                    $"请重启服务（运行中的实例仍以旧版本加密新写入的值，重启时的加密检查会补齐）。旧密钥 {FieldCipher.KeyName(before.CurrentVersion)} 须保留：操作日志中的旧记录仍以它加密。");
                return 0;
            }
            default:
                await Console.Error.WriteLineAsync("用法：Fazhi.Web keys init（创建缺少的密钥）| keys rotate（新建字段密钥版本并重新加密全部加密字段）");
                return 64;
        }
    }

    public static async Task<int> EncryptFieldsAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FazhiDb>();
        var cipher = new FieldCipher(services.GetRequiredService<KeyStore>()); // the newest version on disk
        var result = await new FieldRewriter(db, cipher).RunAsync(line => output.WriteLine(line), ct);
        await output.WriteLineAsync($"加密字段检查完成：{result.Values} 个字段值已加密或重新加密。");
        return 0;
    }

    /// <summary>At start: the keys are loaded (a missing one stops the start with its file name), checked against the
    /// stored data (a wrong one stops it with its name, before anything is written), and plaintext rows left from before
    /// encryption, or rows of an unfinished rotation, are encrypted (<c>Fazhi:Security:EncryptFieldsOnStart</c>). A table
    /// is scanned only when its completion marker (<c>sys_markers</c>, <see cref="FieldRewriter.MarkerValue"/>) is missing
    /// or out of date: the first start, a new encrypted column, a new key version.</summary>
    public static async Task StartAsync(IServiceProvider services, FazhiDb db, bool encrypt, ILogger logger, CancellationToken ct)
    {
        _ = services.GetRequiredService<KeyStore>().Get(KeyRingEncryption.KeyName, FieldCipher.KeyLength); // refused now, not at the first sign-in
        var rewriter = new FieldRewriter(db, services.GetRequiredService<FieldCipher>());
        if (!encrypt)
        {
            await rewriter.CheckKeysAsync(ct);
            return;
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await rewriter.RunAsync(line =>
        {
            if (logger.IsEnabled(LogLevel.Information))
                logger.LogInformation("加密字段：{Progress}", line);
        }, ct, useMarkers: true);
        if (logger.IsEnabled(LogLevel.Information))
            logger.LogInformation("加密字段检查：扫描 {Scanned} 个表（{Rows} 行），{Skipped} 个表已有完成标记而跳过，用时 {Milliseconds} ms",
                result.TablesScanned, result.Rows, result.TablesSkipped, (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (result.Values > 0)
            logger.LogWarning("加密字段：{Count} 个明文或旧版本密钥的字段值已加密。", result.Values);
    }
}

/// <summary>The SQLite file and its -wal/-shm only for the service account (0600). SQLite gives the -wal and -shm files
/// the mode of the database file, so the file is created 0600 before SQLite first opens it.</summary>
public static class DataFiles
{
    public static void SecureSqlite(string? path)
    {
        if (OperatingSystem.IsWindows() || string.IsNullOrEmpty(path) || path == ":memory:" || path.StartsWith("file:", StringComparison.Ordinal))
            return;
        if (!File.Exists(path))
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
                Directory.CreateDirectory(folder);
            using (new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite }))
            {
            }
        }
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
            PrivateFiles.Restrict(file);
    }
}
