using System.Net.Http.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Data;
using Fazhi.Web.Modules.Enforcement.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>A module's demo data arrives on an existing demo database when the module's tables are empty (a module
/// that lands later), with the demo users it declares; a further start adds nothing.</summary>
public abstract class DemoDataPerModuleTests(FazhiFactory app)
{
    private static async Task<(int Records, int Warnings, int Officers, int Users)> CountAsync(WebApplicationFactory<Program> host)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FazhiDb>();
        return (await db.EnforcementRecords().IgnoreQueryFilters().CountAsync(), await db.EnforcementWarnings().IgnoreQueryFilters().CountAsync(),
            await db.Officers().IgnoreQueryFilters().CountAsync(), await db.Users.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task A_restart_seeds_a_modules_demo_data_and_users_once_when_its_tables_are_empty()
    {
        // The org tree exists, enforcement has no data (its demo data was off), and a demo user it declares is missing.
        var before = await CountAsync(app);
        before.Records.ShouldBe(0);
        before.Officers.ShouldBe(0);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.IgnoreQueryFilters().SingleAsync(u => u.UserName == "huancui-scjg");
            user.UserName = "scjg-before";
            user.NormalizedUserName = "SCJG-BEFORE";
            await db.SaveChangesAsync();
        });

        await using (var restarted = app.WithWebHostBuilder(b => b.UseSetting("Fazhi:DemoEnforcementData", "true")))
        {
            _ = restarted.Server; // start: migrations, then the seeder
            var after = await CountAsync(restarted);
            after.Records.ShouldBeGreaterThan(100);
            after.Warnings.ShouldBeGreaterThan(0);
            after.Officers.ShouldBeGreaterThan(0);
            after.Users.ShouldBe(before.Users + 1);
            var token = await restarted.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = "huancui-scjg", password = FazhiFactory.DemoPassword });
            token.EnsureSuccessStatusCode();

            await using var again = app.WithWebHostBuilder(b => b.UseSetting("Fazhi:DemoEnforcementData", "true"));
            _ = again.Server;
            (await CountAsync(again)).ShouldBe(after);
        }
    }
}

public sealed class DemoDataPerModuleTestsOnSqlite(SqliteFactory app) : DemoDataPerModuleTests(app), IClassFixture<SqliteFactory>;

public sealed class DemoDataPerModuleTestsOnPostgres(PostgresFactory app) : DemoDataPerModuleTests(app), IClassFixture<PostgresFactory>;
