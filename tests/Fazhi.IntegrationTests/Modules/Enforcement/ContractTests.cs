using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Fazhi.IntegrationTests.Modules.Enforcement.EnforcementApi;

namespace Fazhi.IntegrationTests.Modules.Enforcement;

/// <summary>What 行政执法监督 publishes for other modules (Contracts/), resolved from DI as another module would.</summary>
public abstract class ContractTests(FazhiFactory app)
{
    /// <summary>Runs <paramref name="work"/> in a request scope as a user whose data scope is the region <paramref name="regionCode"/>
    /// (null: the system, every unit).</summary>
    private async Task<T> AsAsync<T>(string? regionCode, Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        if (regionCode is not null)
        {
            var db = scope.ServiceProvider.GetRequiredService<FazhiDb>();
            var region = await db.OrgUnits.IgnoreQueryFilters().SingleAsync(o => o.Code == regionCode);
            var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "999"), new Claim(ClaimTypes.Name, "contract-test"),
                new Claim(FazhiClaims.ScopePath, region.Path), new Claim(FazhiClaims.OrgUnitId, region.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ], "test");
            scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(identity) };
        }
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task An_enterprises_inspections_and_penalties_are_read_within_the_callers_scope()
    {
        await SeedAsync(app);
        var scjg = await app.ApiAsAsync("huancui-scjg");
        await PostBatchAsync(scjg,
        [
            Record(Unique("C-INS"), enterprise: 701, opened: "2024-03-04"),
            Record(Unique("C-PEN"), kind: "处罚", item: "T-PEN", enterprise: 701, opened: "2024-04-01", decided: "2024-04-10", amount: 5000m,
                circumstance: "一般", legalReview: true, published: "2024-04-12"),
            Record(Unique("C-OTHER"), enterprise: 702, opened: "2024-03-05"),
        ]);

        var all = await AsAsync(null, sp => sp.GetRequiredService<IEnterpriseRecords>().ForEnterpriseAsync(Credit(701), new(2024, 1, 1), new(2024, 12, 31), default));
        all.Count.ShouldBe(2);
        var penalty = all[0];                                                         // newest first
        penalty.Kind.ShouldBe("penalty");
        penalty.KindName.ShouldBe("行政处罚");
        penalty.Amount.ShouldBe(5000m);
        penalty.DecidedOn.ShouldBe(new DateOnly(2024, 4, 10));
        penalty.Department.ShouldBe("环翠区市场监督管理局");
        penalty.ItemName.ShouldBe("销售不合格商品");
        all[1].KindName.ShouldBe("行政检查");
        all[1].ItemName.ShouldBe("食品经营检查");

        var april = await AsAsync(null, sp => sp.GetRequiredService<IEnterpriseRecords>().ForEnterpriseAsync(Credit(701).ToLowerInvariant(), new(2024, 4, 1), new(2024, 4, 30), default));
        april.ShouldHaveSingleItem().Kind.ShouldBe("penalty");
        (await AsAsync("371002", sp => sp.GetRequiredService<IEnterpriseRecords>().ForEnterpriseAsync(Credit(701), new(2024, 1, 1), new(2024, 12, 31), default))).Count.ShouldBe(2);
        (await AsAsync("120102", sp => sp.GetRequiredService<IEnterpriseRecords>().ForEnterpriseAsync(Credit(701), new(2024, 1, 1), new(2024, 12, 31), default))).ShouldBeEmpty();

        var bad = await Should.ThrowAsync<FazhiValidationException>(() =>
            AsAsync(null, sp => sp.GetRequiredService<IEnterpriseRecords>().ForEnterpriseAsync("123", new(2024, 1, 1), new(2024, 12, 31), default)));
        bad.Errors.Keys.ShouldContain("creditCode");
        (await Should.ThrowAsync<FazhiValidationException>(() =>
            AsAsync(null, sp => sp.GetRequiredService<IEnterpriseRecords>().ForEnterpriseAsync(Credit(701), new(2024, 5, 1), new(2024, 4, 1), default))))
            .Errors.Keys.ShouldContain("to");
    }

    [Fact]
    public async Task A_complaint_opens_a_warning_on_the_department_once()
    {
        var reference = Unique("12345");
        var request = new ComplaintRequest("371002-SCJG", Credit(703), "威海测试企业703有限公司", "反映执法人员检查时未出示执法证件。", reference);
        var opened = await AsAsync("371002", sp => sp.GetRequiredService<IEnforcementComplaints>().OpenAsync(request, default));
        opened.AlreadyOpen.ShouldBeFalse();
        opened.Department.ShouldBe("环翠区市场监督管理局");
        opened.Status.ShouldBe("待反馈");
        opened.FeedbackDueOn.ShouldBeGreaterThan(opened.RaisedOn);

        var bureau = await app.ApiAsAsync("huancui");
        var page = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/warnings?rule={Uri.EscapeDataString(EnforcementComplaintRule.Code)}&status=all&pageSize=200");
        var warning = page.GetProperty("items").EnumerateArray().Single(w => w.GetProperty("subject").GetString() == reference);
        warning.GetProperty("id").GetInt64().ShouldBe(opened.WarningId);
        warning.GetProperty("ruleName").GetString().ShouldBe("投诉转办");
        warning.GetProperty("message").GetString()!.ShouldContain("未出示执法证件");
        warning.GetProperty("message").GetString()!.ShouldContain(Credit(703));

        var again = await AsAsync(null, sp => sp.GetRequiredService<IEnforcementComplaints>().OpenAsync(request, default));
        again.AlreadyOpen.ShouldBeTrue();
        again.WarningId.ShouldBe(opened.WarningId);

        await Should.ThrowAsync<NotFoundException>(() =>                               // a department outside the caller's scope
            AsAsync("120102", sp => sp.GetRequiredService<IEnforcementComplaints>().OpenAsync(request with { SourceRef = Unique("12345") }, default)));
        await Should.ThrowAsync<NotFoundException>(() =>
            AsAsync(null, sp => sp.GetRequiredService<IEnforcementComplaints>().OpenAsync(request with { DepartmentCode = "NO-SUCH" }, default)));
        (await Should.ThrowAsync<FazhiValidationException>(() =>                       // a 司法局 is not an enforcement department
            AsAsync(null, sp => sp.GetRequiredService<IEnforcementComplaints>().OpenAsync(request with { DepartmentCode = "371002-SFJ" }, default))))
            .Errors.Keys.ShouldContain("departmentCode");
        var invalid = await Should.ThrowAsync<FazhiValidationException>(() =>
            AsAsync(null, sp => sp.GetRequiredService<IEnforcementComplaints>().OpenAsync(request with { EnterpriseCreditCode = "X", Text = "" }, default)));
        invalid.Errors.Keys.ShouldBe(["creditCode", "text"], ignoreOrder: true);
    }
}

public sealed class ContractTestsOnSqlite(SqliteFactory app) : ContractTests(app), IClassFixture<SqliteFactory>;

public sealed class ContractTestsOnPostgres(PostgresFactory app) : ContractTests(app), IClassFixture<PostgresFactory>;
