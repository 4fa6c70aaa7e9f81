using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;

namespace Fazhi.IntegrationTests.Kernel;

public abstract class AuditTests(FazhiFactory app)
{
    [Fact]
    public async Task Every_change_is_recorded_with_who_what_before_and_after()
    {
        var admin = await app.ApiAsAsync("huancui-admin");
        (await admin.PutAsJsonAsync("/api/v1/orgs/371002003", new { name = "竹岛街道办事处" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var auditor = await app.ApiAsAsync("huancui-audit"); // 三员分立: the log is read by the audit administrator
        var page = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?entityType=OrgUnit&action=Update");
        var entry = page.GetProperty("items").EnumerateArray().First();
        entry.GetProperty("userName").GetString().ShouldBe("huancui-admin");
        entry.GetProperty("orgName").GetString().ShouldBe("竹岛街道办事处");
        var name = entry.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "Name");
        name.GetProperty("label").GetString().ShouldBe("名称");
        name.GetProperty("before").GetString().ShouldBe("竹岛街道");
        name.GetProperty("after").GetString().ShouldBe("竹岛街道办事处");
        entry.GetProperty("target").GetString().ShouldBe("机构 竹岛街道办事处");
        entry.GetProperty("module").GetString().ShouldBe("系统管理");
        entry.GetProperty("operation").GetString().ShouldBe("修改");
        entry.GetProperty("requestId").GetString().ShouldNotBeNullOrEmpty();
        entry.GetProperty("clientAddress").ValueKind.ShouldNotBe(JsonValueKind.Undefined);
    }

    [Fact]
    public async Task Password_hashes_never_reach_the_log()
    {
        var auditor = await app.ApiAsAsync("auditor");
        var export = await auditor.GetStringAsync("/api/v1/audit?entityType=AppUser&pageSize=200");
        export.ShouldNotContain("PasswordHash");
        export.ShouldNotContain("SecurityStamp");
    }

    [Fact]
    public async Task A_district_admin_sees_only_their_districts_log()
    {
        var root = await app.ApiAsAsync("admin");
        (await root.PutAsJsonAsync("/api/v1/orgs/120102001", new { name = "大王庄街道（更名）" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var hc = await app.ApiAsAsync("huancui-audit");
        var page = await hc.GetFromJsonAsync<JsonElement>("/api/v1/audit?pageSize=200");
        page.GetProperty("items").EnumerateArray().ShouldNotContain(e => e.GetProperty("orgName").GetString() == "大王庄街道（更名）");
    }

    [Fact]
    public async Task Concurrent_writers_keep_the_chain_intact()
    {
        // Twenty changes from four clients at once: each must link to its own predecessor (the chain lock serialises them).
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.ApiAsAsync("admin")));
        var units = new[] { "371002-GGFW", "371082-ZHZF", "370212-SCJG", "120102002" }; // units no other test of this class reads
        var writes = Enumerable.Range(0, 20).Select(i =>
            clients[i % 4].PutAsJsonAsync($"/api/v1/orgs/{units[i % 4]}", new { name = $"并发改名{i}" }));
        var responses = await Task.WhenAll(writes);
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK || r.StatusCode == HttpStatusCode.Conflict);
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBeGreaterThan(0);
        var verify = await (await app.ApiAsAsync("auditor")).GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        verify.GetProperty("intact").GetBoolean().ShouldBeTrue(verify.ToString());
    }

    [Fact]
    public async Task The_log_exports_to_excel()
    {
        var auditor = await app.ApiAsAsync("auditor");
        var response = await auditor.GetAsync("/api/v1/audit/export?action=Login");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes[..2].ShouldBe("PK"u8.ToArray()); // a zip package
    }
}

/// <summary>Tampering in its own class (and database), since it breaks the chain for good.</summary>
public abstract class AuditTamperTests(FazhiFactory app)
{
    [Fact]
    public async Task Tampering_with_one_row_is_reported_by_the_verify_endpoint_and_command()
    {
        var admin = await app.ApiAsAsync("admin");
        (await admin.PutAsJsonAsync("/api/v1/orgs/371082104", new { name = "俚岛镇（更名）" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var auditor = await app.ApiAsAsync("auditor");
        var before = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        before.GetProperty("intact").GetBoolean().ShouldBeTrue(before.ToString());
        (await RunVerifyCommandAsync()).ExitCode.ShouldBe(0);

        var target = (await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?entityType=OrgUnit&action=Update"))
            .GetProperty("items").EnumerateArray().First().GetProperty("seq").GetInt64();
        // The database refuses the edit…
        await Should.ThrowAsync<Exception>(() => app.SqlAsync($"UPDATE sys_audit_log SET \"AfterJson\" = 'tampered' WHERE \"Seq\" = {target}"));
        // …so the tamperer first drops the guard, as someone with the database's owner rights could.
        await app.SqlAsync(app.Provider == Provider.Postgres
            ? "ALTER TABLE sys_audit_log DISABLE TRIGGER USER"
            : "DROP TRIGGER sys_audit_log_no_update");
        (await app.SqlAsync($"UPDATE sys_audit_log SET \"AfterJson\" = 'tampered' WHERE \"Seq\" = {target}")).ShouldBe(1);

        var after = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        after.GetProperty("intact").GetBoolean().ShouldBeFalse();
        after.GetProperty("firstBrokenSeq").GetInt64().ShouldBe(target);
        var (exit, output) = await RunVerifyCommandAsync();
        exit.ShouldBe(2);
        output.ShouldContain($"第{target}条");
    }

    private Task<(int ExitCode, string Output)> RunVerifyCommandAsync() => AuditChainKeyTests.RunVerifyCommandAsync(app);
}

public sealed class AuditTestsOnSqlite(SqliteFactory app) : AuditTests(app), IClassFixture<SqliteFactory>;

public sealed class AuditTestsOnPostgres(PostgresFactory app) : AuditTests(app), IClassFixture<PostgresFactory>;

public sealed class AuditTamperTestsOnSqlite(SqliteFactory app) : AuditTamperTests(app), IClassFixture<SqliteFactory>;

public sealed class AuditTamperTestsOnPostgres(PostgresFactory app) : AuditTamperTests(app), IClassFixture<PostgresFactory>;
