using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.IntegrationTests.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.IntegrationTests.Modules.ReconApi;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>The Kernel's 待审批 list and API, driven by 行政复议's 呈报 (an installation that requires approval).</summary>
public abstract class KernelApprovalTests(FazhiFactory app)
{
    private static object Accept(string on, string note = "拟受理") => new { action = "accept", request = new { on, procedure = "普通程序" }, note };

    private static async Task<(long CaseId, long ApprovalId)> SubmitAsync(HttpClient submitter, string applicant)
    {
        var c = await CreateAsync(submitter, Intake(applicant, "2024-05-06T09:00:00"));
        var response = await submitter.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/approvals", Accept("2024-05-07"));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (c.Id(), (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
    }

    private static async Task<List<JsonElement>> PendingAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/approvals"))!;

    [Fact]
    public async Task The_pending_list_shows_what_the_user_may_decide_and_approval_there_carries_out_the_action()
    {
        var staff = await app.ApiAsAsync("huancui");
        var (caseId, id) = await SubmitAsync(staff, "待审批列表申请人");

        var leader = await app.ApiAsAsync("huancui-admin");
        var row = (await PendingAsync(leader)).Single(a => a.GetProperty("id").GetInt64() == id);
        row.GetProperty("moduleName").GetString().ShouldBe("行政复议");
        row.GetProperty("subject").GetString()!.ShouldContain("待审批列表申请人");
        row.GetProperty("subjectHref").GetString().ShouldBe($"/reconsideration/cases/{caseId}");
        row.GetProperty("actionName").GetString().ShouldBe("受理");
        row.GetProperty("summary").GetString().ShouldBe("2024-05-07受理，普通程序");
        row.GetProperty("statusName").GetString().ShouldBe("待审批");

        (await PendingAsync(staff)).ShouldNotContain(a => a.GetProperty("id").GetInt64() == id);                 // may not decide
        (await PendingAsync(await app.ApiAsAsync("weihai"))).ShouldBeEmpty();                                      // 上级查看: reads only
        await (await staff.PostAsJsonAsync($"/api/v1/approvals/{id}/approve", new { })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await leader.PostAsync($"/api/v1/approvals/{id}/withdraw", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict); // not theirs
        await (await leader.PostAsJsonAsync($"/api/v1/approvals/{id}/return", new { opinion = " " })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "opinion");

        var approved = await leader.PostAsJsonAsync($"/api/v1/approvals/{id}/approve", new { opinion = "同意受理" });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        var body = await approved.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("statusName").GetString().ShouldBe("已批准");
        body.GetProperty("opinion").GetString().ShouldBe("同意受理");
        body.GetProperty("decidedBy").GetString().ShouldBe("huancui-admin");
        (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases/{caseId}")).GetProperty("statusName").GetString().ShouldBe("审理中");
        (await PendingAsync(leader)).ShouldNotContain(a => a.GetProperty("id").GetInt64() == id);
        await (await leader.PostAsJsonAsync($"/api/v1/approvals/{id}/approve", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await leader.PostAsJsonAsync("/api/v1/approvals/999999/approve", new { })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_submitter_never_decides_their_own_submission()
    {
        var leader = await app.ApiAsAsync("huancui-admin");
        var (_, id) = await SubmitAsync(leader, "本人呈报申请人");
        (await PendingAsync(leader)).ShouldNotContain(a => a.GetProperty("id").GetInt64() == id);
        (await (await leader.PostAsJsonAsync($"/api/v1/approvals/{id}/approve", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString()!.ShouldContain("本人");
        var withdrawn = await (await leader.PostAsync($"/api/v1/approvals/{id}/withdraw", null)).Content.ReadFromJsonAsync<JsonElement>();
        withdrawn.GetProperty("statusName").GetString().ShouldBe("已撤回");
    }

    [Fact]
    public async Task The_pending_page_lists_and_returns_a_submission()
    {
        var staff = await app.ApiAsAsync("huancui");
        var (caseId, id) = await SubmitAsync(staff, "页面审批申请人");
        var browser = await app.BrowserAsAsync("huancui-admin");
        var html = await browser.GetStringAsync("/approvals");
        html.ShouldContain("待审批");
        html.ShouldContain("页面审批申请人");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["approvalId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["decision"] = "return", ["opinion"] = "请补充材料",
            ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(html),
        });
        var posted = await browser.PostAsync("/approvals", form);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var list = await staff.GetFromJsonAsync<List<JsonElement>>($"/api/v1/reconsideration/cases/{caseId}/approvals");
        list!.Single().GetProperty("statusName").GetString().ShouldBe("已退回");
        list!.Single().GetProperty("opinion").GetString().ShouldBe("请补充材料");
    }
}

public sealed class KernelApprovalTestsOnSqlite(ApprovalSqliteFactory app) : KernelApprovalTests(app), IClassFixture<ApprovalSqliteFactory>;

public sealed class KernelApprovalTestsOnPostgres(ApprovalPostgresFactory app) : KernelApprovalTests(app), IClassFixture<ApprovalPostgresFactory>;

/// <summary>The migration that moved 行政复议's approvals into the Kernel table keeps every row, both ways.</summary>
public abstract class ApprovalMigrationTests(FazhiFactory app)
{
    [Fact]
    public async Task Migrating_down_and_up_again_keeps_the_approvals_and_their_ids()
    {
        var staff = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(staff, Intake("迁移申请人", "2024-05-06T09:00:00"));
        var submitted = await staff.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/approvals",
            new { action = "accept", request = new { on = "2024-05-07", procedure = "普通程序" }, note = "迁移前的呈报" });
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        await app.WithDbAsync(async db =>
        {
            var migrator = db.GetService<IMigrator>();
            var all = db.Database.GetMigrations().ToList();
            var kernel = all.FindIndex(m => m.EndsWith("_KernelApprovals", StringComparison.Ordinal));
            kernel.ShouldBeGreaterThan(0);
            await migrator.MigrateAsync(all[kernel - 1]);                                            // back to recon_approvals
            (await db.Database.SqlQueryRaw<long>("SELECT \"Id\" AS \"Value\" FROM recon_approvals").ToListAsync()).ShouldContain(id);
            await migrator.MigrateAsync();                                                           // and forward again
        });
        staff = await app.ApiAsAsync("huancui"); // sessions (sys_sessions) were dropped with the way back: sign in again

        var list = await staff.GetFromJsonAsync<List<JsonElement>>($"/api/v1/reconsideration/cases/{c.Id()}/approvals");
        var row = list!.Single();
        row.GetProperty("id").GetInt64().ShouldBe(id);
        row.GetProperty("note").GetString().ShouldBe("迁移前的呈报");
        row.GetProperty("statusName").GetString().ShouldBe("待审批");
        row.GetProperty("summary").GetString().ShouldBe("2024-05-07受理，普通程序");
        // New rows continue after the copied ids (PostgreSQL's identity sequence was moved on).
        var c2 = await CreateAsync(staff, Intake("迁移后申请人", "2024-05-06T09:00:00"));
        var next = await staff.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c2.Id()}/approvals",
            new { action = "accept", request = new { on = "2024-05-07" } });
        next.StatusCode.ShouldBe(HttpStatusCode.Created, await next.Content.ReadAsStringAsync());
        (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64().ShouldBeGreaterThan(id);
    }
}

public sealed class ApprovalMigrationTestsOnSqlite(ApprovalSqliteFactory app) : ApprovalMigrationTests(app), IClassFixture<ApprovalSqliteFactory>;

public sealed class ApprovalMigrationTestsOnPostgres(ApprovalPostgresFactory app) : ApprovalMigrationTests(app), IClassFixture<ApprovalPostgresFactory>;
