using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using static Fazhi.IntegrationTests.Modules.ReconApi;

namespace Fazhi.IntegrationTests.Modules;

public abstract class LitigationTests(FazhiFactory app)
{
    private static object Suit(string number, string? recon = null, string? outcome = null, string? concluded = null, string? hearing = null, bool? head = null,
        string year = "2024") => new
    {
        court = "威海市环翠区人民法院", courtCaseNumber = number, instance = "一审", plaintiff = "某某公司", defendantCode = "371002-SCJG",
        cause = "不服行政处罚", reconCaseNumber = recon, filedOn = year + "-04-01", complaintServedOn = year + "-04-03",
        hearingOn = hearing, headAppeared = head, outcome, concludedOn = concluded, lossReason = outcome == "败诉" ? "evidence" : null,
    };

    [Fact]
    public async Task The_defence_is_due_fifteen_days_after_service_moved_off_a_rest_day()
    {
        var client = await app.ApiAsAsync("huancui");
        var response = await client.PostAsJsonAsync("/api/v1/litigation/cases", Suit("（2024）鲁1002行初1号"));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var dto = await response.Content.ReadFromJsonAsync<JsonElement>();
        // 2024-04-03 + 15 = Thursday 2024-04-18: a working day, no extension.
        dto.GetProperty("answerDue").GetString().ShouldBe("2024-04-18");
        dto.GetProperty("answerExplanation").GetString()!.ShouldContain("第六十七条");
        var duplicate = await client.PostAsJsonAsync("/api/v1/litigation/cases", Suit("（2024）鲁1002行初1号"));
        await duplicate.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "courtCaseNumber");
    }

    [Fact]
    public async Task Bad_suits_are_refused_naming_the_field()
    {
        var client = await app.ApiAsAsync("huancui");
        await (await client.PostAsJsonAsync("/api/v1/litigation/cases", Suit("（2024）鲁1002行初2号", outcome: "胜诉", concluded: "2024-03-01")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "concludedOn");
        await (await client.PostAsJsonAsync("/api/v1/litigation/cases", Suit("（2024）鲁1002行初3号", outcome: "大获全胜", concluded: "2024-05-01")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "outcome");
        await (await client.PostAsJsonAsync("/api/v1/litigation/cases", Suit("（2024）鲁1002行初4号", recon: "不存在复〔2024〕1号")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reconCaseNumber");
        var rongcheng = await app.ApiAsAsync("rongcheng");
        await (await rongcheng.PostAsJsonAsync("/api/v1/litigation/cases", Suit("（2024）鲁1082行初9号")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "defendantCode");
    }

    [Fact]
    public async Task Litigation_figures_follow_the_definitions()
    {
        var client = await app.ApiAsAsync("huancui");
        // Its own year, so the other tests of this class (same database) do not count.
        var recon = await CreateAsync(client, Intake("应诉统计申请人", "2022-02-01T09:00:00"));
        var number = recon.GetProperty("caseNumber").GetString();
        await ActAsync(client, recon.Id(), "accept", new { on = "2022-02-07" });
        await ActAsync(client, recon.Id(), "decide", new { on = "2022-03-01", decisionType = "维持" });
        (await client.PostAsJsonAsync("/api/v1/litigation/cases", Suit("（2022）鲁1002行初11号", number, "胜诉", "2022-05-10", "2022-05-06", true, "2022"))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/v1/litigation/cases", Suit("（2022）鲁1002行初12号", null, "败诉", "2022-05-20", "2022-05-16", false, "2022"))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/v1/litigation/cases", Suit("（2022）鲁1002行初13号", null, "撤诉", "2022-05-25", year: "2022"))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/v1/litigation/cases", Suit("（2022）鲁1002行初14号", null, null, null, "2022-06-10", true, "2022"))).EnsureSuccessStatusCode();
        var stats = await client.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/stats?org=371002&from=2022-04-01&to=2022-06-30");
        var lit = stats.GetProperty("current").GetProperty("litigation");
        lit.GetProperty("cases").GetInt32().ShouldBe(4);
        lit.GetProperty("judged").GetInt32().ShouldBe(2);          // 撤诉 is not a judgment
        lit.GetProperty("lost").GetInt32().ShouldBe(1);
        lit.GetProperty("lostRate").GetDecimal().ShouldBe(50m);
        lit.GetProperty("headAppearanceRate").GetDecimal().ShouldBe(66.67m); // 2 of 3 hearings
        lit.GetProperty("afterReconsideration").GetInt32().ShouldBe(1);
        var rongcheng = await app.ApiAsAsync("rongcheng");
        (await rongcheng.GetFromJsonAsync<List<JsonElement>>("/api/v1/litigation/cases"))!.ShouldBeEmpty();
    }
}

public sealed class LitigationTestsOnSqlite(SqliteFactory app) : LitigationTests(app), IClassFixture<SqliteFactory>;

public sealed class LitigationTestsOnPostgres(PostgresFactory app) : LitigationTests(app), IClassFixture<PostgresFactory>;
