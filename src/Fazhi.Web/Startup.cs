using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Audit;
using Fazhi.Web.Kernel.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web;

/// <summary>Start-up work and the command-line commands (<c>migrate</c>, <c>verify-audit</c>).</summary>
public static class FazhiCommands
{
    public static async Task<int> RunAsync(WebApplication app, string command)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FazhiDb>();
        switch (command)
        {
            case "migrate":
                if (db.Database.IsSqlite())
                    Kernel.Security.DataFiles.SecureSqlite(db.Database.GetDbConnection().DataSource);
                await db.Database.MigrateAsync();
                await app.Services.GetRequiredService<CalendarService>().SeedAndLoadAsync(db, CancellationToken.None);
                await Console.Out.WriteLineAsync($"数据库已迁移到最新版本（{db.Database.ProviderName}）。");
                return 0;
            case "keys":
                var verb = Environment.GetCommandLineArgs().SkipWhile(a => a != "keys").Skip(1).FirstOrDefault();
                return await Kernel.Security.KeyCommands.KeysAsync(app.Services, verb, Console.Out, CancellationToken.None);
            case "encrypt-fields":
                return await Kernel.Security.KeyCommands.EncryptFieldsAsync(app.Services, Console.Out, CancellationToken.None);
            case "verify-audit":
                var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None);
                await Console.Out.WriteLineAsync(result.Message);
                return result.Intact ? 0 : 2;
            default:
                await Console.Error.WriteLineAsync($"未知命令“{command}”。可用命令：run（默认）、migrate、verify-audit、keys init、keys rotate、encrypt-fields。");
                return 64;
        }
    }

    /// <summary>Migrates the embedded database (or PostgreSQL when Fazhi:MigrateOnStart is set), loads the
    /// calendar, seeds roles, admin and demo data, and prints the address and the logins created now.</summary>
    public static async Task InitialiseAsync(WebApplication app, string dataDirectory)
    {
        var config = app.Configuration;
        _ = app.Services.GetRequiredService<Kernel.Security.FieldCipher>(); // a missing key file stops the start here, named
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FazhiDb>();
        var isSqlite = db.Database.IsSqlite();
        var where = isSqlite ? "SQLite " + db.Database.GetDbConnection().DataSource : "PostgreSQL";
        if (isSqlite)
        {
            Kernel.Security.DataFiles.SecureSqlite(db.Database.GetDbConnection().DataSource); // 0600, and so its -wal/-shm
            // Write-ahead logging (kept in the file once set): readers no longer block the writer's commit nor it them, so
            // concurrent requests (sign-ins writing their 登录日志, session and audit entry) queue only behind other writers.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        if (config.GetValue("Fazhi:MigrateOnStart", isSqlite))
            await db.Database.MigrateAsync();
        await Kernel.Security.KeyCommands.StartAsync(app.Services, db, config.GetValue("Fazhi:Security:EncryptFieldsOnStart", true),
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Fazhi.Security"), CancellationToken.None);
        await app.Services.GetRequiredService<CalendarService>().SeedAndLoadAsync(db, CancellationToken.None);
        var logins = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(
            config["FAZHI_ADMIN_PASSWORD"], config.GetValue("Fazhi:DemoData", true), config["FAZHI_DEMO_PASSWORD"], CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<Kernel.Dictionaries.DictionarySync>().SyncAsync(CancellationToken.None);

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var lines = new List<string> { "", "==== 法治 Fazhi 已启动 ====" };
            lines.AddRange(app.Urls.Select(u => $"  访问地址: {u}"));
            lines.Add($"  数据库:   {where}（数据目录 {dataDirectory}）");
            if (logins.Count == 0)
                lines.Add("  登录账号: 已在首次启动时打印（FAZHI_ADMIN_PASSWORD 只在首次启动创建 admin 时使用；之后由管理员在“用户管理”中重置密码）");
            foreach (var l in logins)
                lines.Add($"  登录账号: {l.Username,-14} 密码: {l.Password}   （{l.DisplayName}，{l.Unit}）");
            if (logins.Count > 0)
                lines.Add("  以上密码只显示这一次，请妥善保存。");
            if (!app.Services.GetRequiredService<Kernel.Access.Identity.TwoFactorPolicy>().Required)
                lines.Add("  双因素认证: 未强制（Fazhi:Security:RequireTwoFactor=false），仅供演示和测试；生产环境须开启");
            lines.Add("  API 文档: /api/docs    OpenAPI: /openapi/v1.json");
            Console.WriteLine(string.Join(Environment.NewLine, lines));
        });
    }
}
