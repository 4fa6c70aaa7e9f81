using System.Net;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Audit;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>Reads and refusals go into the 操作日志: downloads and exports, 403s, and the 404 of a record outside the
/// caller's scope; repeated refusals of one user and path within a minute are one entry.</summary>
public abstract class AccessAuditTests(FazhiFactory app)
{
    private async Task<List<AuditEntry>> EntriesAsync(string action, string user)
    {
        var list = new List<AuditEntry>();
        await app.WithDbAsync(async db => list = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == action && a.UserName == user).OrderBy(a => a.Seq).ToListAsync());
        return list;
    }

    [Fact]
    public async Task A_refused_request_is_recorded_once_per_user_and_path_per_minute()
    {
        var client = await app.ApiAsAsync("huancui-scjg"); // an enforcement department: no 操作日志 permission
        for (var i = 0; i < 5; i++)
            (await client.GetAsync("/api/v1/audit?pageSize=1")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var refused = (await EntriesAsync(AuditActions.AccessDenied, "huancui-scjg")).Where(e => e.AfterJson!.Contains("/api/v1/audit")).ToList();
        refused.Count.ShouldBe(1);
        refused[0].EntityType.ShouldBe(nameof(AccessEvent));
        refused[0].AfterJson!.ShouldContain("\"Status\":403");
    }

    [Fact]
    public async Task The_404_of_a_record_outside_the_callers_scope_is_recorded()
    {
        var client = await app.ApiAsAsync("huancui-admin"); // 环翠区: 120102001 is a street of 天津 河东区
        (await client.GetAsync("/api/v1/orgs/120102001")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var refused = await EntriesAsync(AuditActions.AccessDenied, "huancui-admin");
        refused.ShouldContain(e => e.AfterJson!.Contains("/api/v1/orgs/120102001") && e.AfterJson.Contains("\"Status\":404"));
    }

    [Fact]
    public async Task An_export_of_the_audit_log_is_itself_recorded()
    {
        var auditor = await app.ApiAsAsync("auditor");
        (await auditor.GetAsync("/api/v1/audit/export?from=2024-01-01&to=2099-12-31")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var exports = await EntriesAsync(AuditActions.Export, "auditor");
        exports.ShouldContain(e => e.AfterJson!.Contains("/api/v1/audit/export?from=2024-01-01") && e.AfterJson.Contains(".xlsx"));
    }

    [Fact]
    public async Task Nothing_deletes_an_audit_entry_through_the_context()
    {
        await app.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.OrderBy(a => a.Seq).FirstAsync();
            db.AuditEntries.Remove(entry);
            (await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync())).Message.ShouldContain("只能追加");
        });
        // …nor a DELETE behind the context's back (the database's trigger).
        await Should.ThrowAsync<Exception>(() => app.SqlAsync("DELETE FROM sys_audit_log WHERE \"Seq\" = 1"));
    }
}

public sealed class AccessAuditTestsOnSqlite(SqliteFactory app) : AccessAuditTests(app), IClassFixture<SqliteFactory>;

public sealed class AccessAuditTestsOnPostgres(PostgresFactory app) : AccessAuditTests(app), IClassFixture<PostgresFactory>;
