using System.Net;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using static Fazhi.IntegrationTests.Modules.Enforcement.EnforcementApi;
using static Fazhi.IntegrationTests.Modules.ReconApi;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>
/// The metric contract (<c>GET /api/v1/metrics</c>): the same numbers as each module's stats endpoint, a cache that a
/// write invalidates, and never a figure cached for another caller's scope. Data of 2021 (no other test uses it):
/// 环翠区 3 复议 applications (2 accepted, 1 decided 撤销) and 4 enforcement records of 市场监管局.
/// </summary>
public abstract class MetricTests(FazhiFactory app) : IAsyncLifetime
{
    private const string Year = "from=2021-01-01&to=2021-12-31";
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly HashSet<Provider> Built = [];

    public async ValueTask InitializeAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (Built.Add(app.Provider))
                await BuildAsync();
        }
        finally
        {
            Once.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private async Task BuildAsync()
    {
        var client = await app.ApiAsAsync("huancui");
        for (var i = 0; i < 3; i++)
        {
            var c = await CreateAsync(client, Intake($"指标申请人{i}", $"2021-03-0{i + 1}T09:00:00"));
            if (i == 2)
                continue;
            await ActAsync(client, c.Id(), "accept", new { on = "2021-03-08" });
            if (i == 0)
                await ActAsync(client, c.Id(), "decide", new { on = "2021-04-20", decisionType = "撤销" });
        }
        await SeedAsync(app);
        var tag = Unique("MT");
        (await PostBatchAsync(client,
        [
            Record($"{tag}-I1", enterprise: 301, opened: "2021-03-04"),
            Record($"{tag}-I2", enterprise: 302, opened: "2021-05-06"),
            Record($"{tag}-I3", enterprise: 303, opened: "2021-06-07"),
            Record($"{tag}-P1", kind: "处罚", item: "T-PEN", opened: "2021-02-01", decided: "2021-02-20", amount: 3000m, circumstance: "一般",
                legalReview: true, published: "2021-02-21"),
        ], "371002-SCJG")).GetProperty("accepted").GetInt32().ShouldBe(4);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static Dictionary<string, JsonElement> Figures(JsonElement metrics) =>
        metrics.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!);

    private static decimal? Num(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDecimal();

    private static JsonElement At(JsonElement e, string path) => path.Split('.').Aggregate(e, (x, p) => x.GetProperty(p));

    [Theory]
    [InlineData("huancui", "371002", Year)]
    [InlineData("weihai", "371000", "from=2021-02-10&to=2021-06-30")]
    [InlineData("huancui", "", Year)]
    public async Task The_contract_gives_the_numbers_of_both_stats_endpoints(string user, string org, string period)
    {
        var client = await app.ApiAsAsync(user);
        var metrics = Figures(await GetAsync(client, $"/api/v1/metrics?org={org}&{period}"));
        var recon = await GetAsync(client, $"/api/v1/reconsideration/stats?org={org}&{period}");
        var enforcement = await GetAsync(client, $"/api/v1/enforcement/stats?org={org}&{period}");
        var pairs = new (string Key, JsonElement Stats, string Path)[]
        {
            ("recon.received", recon, "received"), ("recon.accepted", recon, "accepted"), ("recon.concluded", recon, "concluded"),
            ("recon.carried_over", recon, "carriedOver"), ("recon.mediation_rate", recon, "mediationRate"),
            ("recon.correction_rate", recon, "correctionRate"), ("recon.on_time_rate", recon, "onTimeRate"),
            ("recon.quick_contact_rate", recon, "quickContactRate"), ("recon.hearings", recon, "hearings"),
            ("recon.litigation.cases", recon, "litigation.cases"), ("recon.litigation.lost_rate", recon, "litigation.lostRate"),
            ("enforcement.records", enforcement, "records.total"), ("enforcement.inspections", enforcement, "records.inspections"),
            ("enforcement.penalties", enforcement, "records.penalties"), ("enforcement.amount", enforcement, "records.amount"),
            ("enforcement.warnings.raised", enforcement, "warningsRaised"), ("enforcement.certificates.held_at_end", enforcement, "certificates.heldAtEnd"),
            ("enforcement.training.pass_rate", enforcement, "certificates.passRate"), ("enforcement.plans.actual", enforcement, "plans.actualVisits"),
        };
        foreach (var (key, stats, path) in pairs)
        {
            Num(metrics[key].GetProperty("current")).ShouldBe(Num(At(stats.GetProperty("current"), path)), key);
            Num(metrics[key].GetProperty("previous")).ShouldBe(Num(At(stats.GetProperty("previous"), path)), key);
        }
        // Not vacuous: the year's data is there.
        if (period == Year)
        {
            metrics["recon.received"].GetProperty("current").GetDecimal().ShouldBeGreaterThanOrEqualTo(3);
            metrics["enforcement.records"].GetProperty("current").GetDecimal().ShouldBeGreaterThanOrEqualTo(4);
        }
        // Decisions by type add up to the figure; a ratio names its parts.
        var decisions = metrics["recon.decisions"];
        decisions.GetProperty("parts").EnumerateArray().Sum(p => p.GetProperty("current").GetDecimal()).ShouldBe(decisions.GetProperty("current").GetDecimal());
        metrics["recon.mediation_rate"].GetProperty("rollup").GetString().ShouldBe("ratio");
        metrics["recon.mediation_rate"].GetProperty("denominator").GetString().ShouldBe("recon.concluded");
        metrics["enforcement.certificates.held_at_end"].GetProperty("time").GetString().ShouldBe("point-in-time");
    }

    [Fact]
    public async Task Every_figure_says_what_it_is_and_a_count_names_its_records()
    {
        var client = await app.ApiAsAsync("huancui");
        var answer = await GetAsync(client, $"/api/v1/metrics?org=371002&{Year}");
        answer.GetProperty("previousFrom").GetString().ShouldBe("2020-01-01");
        answer.GetProperty("previousTo").GetString().ShouldBe("2020-12-31");
        var figures = Figures(answer);
        figures.Values.ShouldAllBe(f => f.GetProperty("label").GetString()!.Length > 0 && f.GetProperty("definition").GetString()!.Length > 0
                                        && f.GetProperty("unit").GetString()!.Length > 0);
        var records = figures["enforcement.inspections"];
        records.GetProperty("records").GetString().ShouldBe("/enforcement/records?org=371002&from=2021-01-01&to=2021-12-31&kind=%E6%A3%80%E6%9F%A5");
        records.GetProperty("parts").EnumerateArray().Where(p => p.GetProperty("dimension").GetString() == "month")
            .Sum(p => p.GetProperty("current").GetDecimal()).ShouldBe(records.GetProperty("current").GetDecimal());

        var selected = Figures(await GetAsync(client, $"/api/v1/metrics?org=371002&{Year}&keys=recon.received, enforcement.amount"));
        selected.Keys.Order().ShouldBe(["enforcement.amount", "recon.received"]);
    }

    [Fact]
    public async Task A_new_record_changes_the_cached_figure()
    {
        var client = await app.ApiAsAsync("huancui");
        var url = $"/api/v1/metrics?org=371002&from=2021-01-01&to=2021-12-31&keys=recon.received,enforcement.records";
        var before = Figures(await GetAsync(client, url));
        Figures(await GetAsync(client, url))["recon.received"].GetProperty("current").GetDecimal()
            .ShouldBe(before["recon.received"].GetProperty("current").GetDecimal()); // served again (from the cache)

        await CreateAsync(client, Intake("指标新申请人", "2021-09-01T09:00:00"));
        var afterCase = Figures(await GetAsync(client, url));
        afterCase["recon.received"].GetProperty("current").GetDecimal().ShouldBe(before["recon.received"].GetProperty("current").GetDecimal() + 1);
        (await GetAsync(client, "/api/v1/reconsideration/stats?org=371002&from=2021-01-01&to=2021-12-31"))
            .GetProperty("current").GetProperty("received").GetDecimal().ShouldBe(afterCase["recon.received"].GetProperty("current").GetDecimal());

        await PostBatchAsync(client, [Record(Unique("MT-N"), enterprise: 310, opened: "2021-10-11")], "371002-SCJG");
        var afterRecord = Figures(await GetAsync(client, url));
        afterRecord["enforcement.records"].GetProperty("current").GetDecimal().ShouldBe(before["enforcement.records"].GetProperty("current").GetDecimal() + 1);
    }

    [Fact]
    public async Task A_caller_in_another_district_never_gets_this_districts_cached_figure()
    {
        var huancui = await app.ApiAsAsync("huancui");
        var rongcheng = await app.ApiAsAsync("rongcheng");
        // The same URL, no unit named: each caller's whole scope. 环翠区's answer is cached first.
        var url = $"/api/v1/metrics?{Year}&keys=recon.received,enforcement.records";
        var own = Figures(await GetAsync(huancui, url));
        own["recon.received"].GetProperty("current").GetDecimal().ShouldBeGreaterThanOrEqualTo(3);
        var other = Figures(await GetAsync(rongcheng, url));
        other["recon.received"].GetProperty("current").GetDecimal().ShouldBe(0);
        other["enforcement.records"].GetProperty("current").GetDecimal().ShouldBe(0);
        (await GetAsync(rongcheng, $"/api/v1/reconsideration/stats?{Year}")).GetProperty("current").GetProperty("received").GetInt32().ShouldBe(0);
        // Naming 环翠区 does not reach it either, cached or not.
        await (await rongcheng.GetAsync($"/api/v1/metrics?org=371002&{Year}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await rongcheng.GetAsync($"/api/v1/enforcement/stats?org=371002&{Year}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // The city above both sees 环翠区's figures in its own.
        var city = Figures(await GetAsync(await app.ApiAsAsync("weihai"), $"/api/v1/metrics?org=371000&{Year}&keys=recon.received"));
        city["recon.received"].GetProperty("current").GetDecimal().ShouldBe(own["recon.received"].GetProperty("current").GetDecimal());
    }

    [Fact]
    public async Task Figures_are_listed_only_for_modules_whose_read_permission_the_caller_holds()
    {
        var submitter = await app.ApiAsAsync("huancui-scjg"); // enforcement submitter: enforcement:stats:view, no 复议 permission
        var figures = Figures(await GetAsync(submitter, $"/api/v1/metrics?{Year}"));
        figures.Keys.ShouldContain("enforcement.records");
        figures.Keys.ShouldNotContain(k => k.StartsWith("recon.", StringComparison.Ordinal));
        await (await submitter.GetAsync($"/api/v1/reconsideration/stats?{Year}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var anonymous = app.CreateClient();
        (await anonymous.GetAsync($"/api/v1/metrics?{Year}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bad_requests_name_the_field()
    {
        var client = await app.ApiAsAsync("huancui");
        await (await client.GetAsync("/api/v1/metrics?from=2021-01-01&to=2021-12-31&keys=recon.nothing")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "keys");
        await (await client.GetAsync("/api/v1/metrics?from=0001-01-01&to=2021-12-31")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "from");
        await (await client.GetAsync("/api/v1/reconsideration/stats?from=0001-01-01&to=2021-12-31")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "from");
        await (await client.GetAsync("/api/v1/metrics?to=2021-12-31")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "from");
    }
}

public sealed class MetricTestsOnSqlite(SqliteFactory app) : MetricTests(app), IClassFixture<SqliteFactory>;

public sealed class MetricTestsOnPostgres(PostgresFactory app) : MetricTests(app), IClassFixture<PostgresFactory>;
