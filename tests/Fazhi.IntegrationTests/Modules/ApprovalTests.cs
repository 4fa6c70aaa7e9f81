using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using static Fazhi.IntegrationTests.Modules.ReconApi;

namespace Fazhi.IntegrationTests.Modules;

/// <summary>呈报 → 审批 → 批示 with 退回 and 撤回, on an installation that requires approval for 受理/延期/决定.</summary>
public abstract class ApprovalTests(FazhiFactory app)
{
    private static object Accept(string on) => new { action = "accept", request = new { on, procedure = "普通程序" }, note = "材料齐全，拟受理" };

    [Fact]
    public async Task A_leaders_approval_carries_out_the_submitted_acceptance()
    {
        var staff = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(staff, Intake("审批申请人", "2024-05-06T09:00:00"));
        var direct = await staff.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/actions/accept", new { on = "2024-05-07" });
        (await direct.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("呈报审批");

        var submitted = await staff.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/approvals", Accept("2024-05-07"));
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var approval = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var id = approval.GetProperty("id").GetInt64();
        await (await staff.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/approvals", Accept("2024-05-07")))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);                                       // one pending submission per step
        await (await staff.PostAsJsonAsync($"/api/v1/reconsideration/approvals/{id}/approve", new { opinion = "同意" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);                                       // staff cannot approve

        var leader = await app.ApiAsAsync("huancui-admin");
        (await leader.GetFromJsonAsync<List<JsonElement>>("/api/v1/reconsideration/approvals"))!.ShouldContain(a => a.GetProperty("id").GetInt64() == id);
        var approved = await leader.PostAsJsonAsync($"/api/v1/reconsideration/approvals/{id}/approve", new { opinion = "同意受理" });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        var after = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases/{c.Id()}");
        after.GetProperty("statusName").GetString().ShouldBe("审理中");
        after.GetProperty("acceptedOn").GetString().ShouldBe("2024-05-07");
        after.GetProperty("events").EnumerateArray().Last().GetProperty("note").GetString()!.ShouldContain("经huancui-admin审批");
        await (await leader.PostAsJsonAsync($"/api/v1/reconsideration/approvals/{id}/approve", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_return_needs_a_reason_and_a_submitter_may_withdraw()
    {
        var staff = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(staff, Intake("退回申请人", "2024-05-06T09:00:00"));
        var id = (await (await staff.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/approvals", Accept("2024-05-07")))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var leader = await app.ApiAsAsync("huancui-admin");
        await (await leader.PostAsJsonAsync($"/api/v1/reconsideration/approvals/{id}/return", new { opinion = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "opinion");
        var returned = await (await leader.PostAsJsonAsync($"/api/v1/reconsideration/approvals/{id}/return", new { opinion = "请补充审查意见" })).Content.ReadFromJsonAsync<JsonElement>();
        returned.GetProperty("statusName").GetString().ShouldBe("已退回");
        (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases/{c.Id()}")).GetProperty("statusName").GetString().ShouldBe("审查中");

        var again = (await (await staff.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/approvals", Accept("2024-05-08")))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await (await leader.PostAsync($"/api/v1/reconsideration/approvals/{again}/withdraw", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict); // not theirs
        var withdrawn = await (await staff.PostAsync($"/api/v1/reconsideration/approvals/{again}/withdraw", null)).Content.ReadFromJsonAsync<JsonElement>();
        withdrawn.GetProperty("statusName").GetString().ShouldBe("已撤回");
    }

    [Fact]
    public async Task An_approval_is_checked_again_when_it_is_approved()
    {
        var staff = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(staff, Intake("复核申请人", "2024-05-06T09:00:00"));
        // Submitted with a date before receipt: the statute's checks run at approval, and nothing changes if they fail.
        var id = (await (await staff.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/approvals", Accept("2024-05-01")))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var leader = await app.ApiAsAsync("huancui-admin");
        await (await leader.PostAsJsonAsync($"/api/v1/reconsideration/approvals/{id}/approve", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "on");
        var pending = await staff.GetFromJsonAsync<List<JsonElement>>($"/api/v1/reconsideration/cases/{c.Id()}/approvals");
        pending!.Single().GetProperty("statusName").GetString().ShouldBe("待审批");
    }
}

public sealed class ApprovalSqliteFactory() : FazhiFactory(Provider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Reconsideration:ApprovalRequired", "true");
    }
}

public sealed class ApprovalPostgresFactory() : FazhiFactory(Provider.Postgres)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Reconsideration:ApprovalRequired", "true");
    }
}

public sealed class ApprovalTestsOnSqlite(ApprovalSqliteFactory app) : ApprovalTests(app), IClassFixture<ApprovalSqliteFactory>;

public sealed class ApprovalTestsOnPostgres(ApprovalPostgresFactory app) : ApprovalTests(app), IClassFixture<ApprovalPostgresFactory>;
