using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using static Fazhi.IntegrationTests.Modules.ReconApi;

namespace Fazhi.IntegrationTests.Modules;

/// <summary>
/// The figures on a crafted ledger that reproduces [001] (镜湖区, 2024 first half): 收到 34, 受理 26, 办结 23 of which 9
/// carried over from 2023, 撤回 7 → 调解率 30.43% (7 / 23). Built through the API, as a bureau would have entered it.
/// </summary>
public abstract class ReconStatsTests(FazhiFactory app) : IAsyncLifetime
{
    private JsonElement _stats;
    private static readonly SemaphoreSlim Once = new(1, 1);
    /// <summary>The ledger is built once per provider (each provider's class has its own database) and measured once.</summary>
    private static readonly Dictionary<Provider, JsonElement> Built = [];

    public async ValueTask InitializeAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (!Built.TryGetValue(app.Provider, out _stats))
                Built[app.Provider] = _stats = await BuildAndMeasureAsync();
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

    private async Task<JsonElement> BuildAndMeasureAsync()
    {
        var client = await app.ApiAsAsync("huancui");
        // 2023 H1 (the previous period): 2 received, accepted, upheld.
        for (var i = 0; i < 2; i++)
        {
            var c = await CreateAsync(client, Intake($"上年申请人{i}", "2023-03-0" + (i + 1) + "T09:00:00"));
            await ActAsync(client, c.Id(), "accept", new { on = "2023-03-06" });
            await ActAsync(client, c.Id(), "decide", new { on = "2023-05-10", decisionType = "维持" });
        }
        // Nine received and accepted late in 2023, decided in 2024 H1; one of them after its 60 days.
        string[] carried = ["维持", "维持", "维持", "维持", "维持", "撤销", "撤销", "确认违法", "驳回"];
        for (var i = 0; i < carried.Length; i++)
        {
            // Received 11-03 … 11-10, all accepted 11-10: within 第三十条's five working days.
            var c = await CreateAsync(client, Intake($"结转申请人{i}", "2023-11-" + Math.Min(3 + i, 10).ToString("00", System.Globalization.CultureInfo.InvariantCulture) + "T09:00:00"));
            await ActAsync(client, c.Id(), "accept", new { on = "2023-11-10" });
            await ActAsync(client, c.Id(), "decide", new { on = i == 0 ? "2024-02-20" : "2024-01-05", decisionType = carried[i] });
        }
        // 34 received in 2024 H1: 26 accepted (7 withdrawn, 7 decided, 12 still open), 5 不予受理, 3 告知.
        string[] decided = ["维持", "维持", "维持", "维持", "变更", "驳回", "责令履行"];
        for (var i = 0; i < 34; i++)
        {
            var received = new DateTime(2024, 1, 8, 9, 0, 0).AddDays(i * 4);
            var c = await CreateAsync(client, Intake($"本期申请人{i}", received.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)));
            var id = c.Id();
            var on = DateOnly.FromDateTime(received).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (i < 24)
                await ActAsync(client, id, "record-contact", new { at = received.AddMinutes(i < 20 ? 30 : 150).ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) });
            if (i >= 26)
            {
                await ActAsync(client, id, i < 31 ? "reject" : "refer", new { on, reason = i < 31 ? "超过法定申请期限" : "告知向有权机关申请" });
                continue;
            }
            await ActAsync(client, id, "accept", new { on });
            if (i < 6)
                await ActAsync(client, id, "hold-hearing", new { on, note = "听证" });
            if (i < 10)
                await ActAsync(client, id, "hear-opinion", new { on, mode = "电话", note = "申请人陈述意见" });
            var closed = DateOnly.FromDateTime(received).AddDays(22).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (i < 7)
                await ActAsync(client, id, "terminate", new { on = closed, terminationReason = "撤回" });
            else if (i < 14)
                await ActAsync(client, id, "decide", new { on = closed, decisionType = decided[i - 7] });
        }
        return await client.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/stats?org=371002&from=2024-01-01&to=2024-06-30");
    }

    [Fact]
    public void The_seed_figures_of_jinghu_are_reproduced()
    {
        var c = _stats.GetProperty("current");
        c.GetProperty("received").GetInt32().ShouldBe(34);
        c.GetProperty("accepted").GetInt32().ShouldBe(26);
        c.GetProperty("concluded").GetInt32().ShouldBe(23);
        c.GetProperty("carriedOver").GetInt32().ShouldBe(9);
        c.GetProperty("mediatedOrWithdrawn").GetInt32().ShouldBe(7);
        c.GetProperty("terminated").GetInt32().ShouldBe(7);
        c.GetProperty("mediationRate").GetDecimal().ShouldBe(30.43m);
        c.GetProperty("rejected").GetInt32().ShouldBe(5);
    }

    [Fact]
    public void Correction_on_time_quick_contact_and_hearing_figures_follow_their_definitions()
    {
        var c = _stats.GetProperty("current");
        var decisions = c.GetProperty("decisions");
        decisions.GetProperty("Uphold").GetInt32().ShouldBe(9);
        decisions.GetProperty("Revoke").GetInt32().ShouldBe(2);
        c.GetProperty("correctionRate").GetDecimal().ShouldBe(31.25m);      // 5 corrections of 16 decisions on the merits
        c.GetProperty("onTimeRate").GetDecimal().ShouldBe(95.65m);          // 22 of 23 within 第六十二条's period
        // 21 of 34 within the hour counted in office hours: 20 at 30 minutes, and the one received on 2024-04-05 (清明, a rest
        // day) whose hour runs from the next opening, so its call 150 minutes later on the holiday is within it.
        c.GetProperty("quickContactRate").GetDecimal().ShouldBe(61.76m);
        c.GetProperty("hearings").GetInt32().ShouldBe(6);
        c.GetProperty("opinionsHeard").GetInt32().ShouldBe(10);
    }

    [Fact]
    public void The_same_period_of_the_previous_year_comes_alongside()
    {
        _stats.GetProperty("previousFrom").GetString().ShouldBe("2023-01-01");
        var p = _stats.GetProperty("previous");
        p.GetProperty("received").GetInt32().ShouldBe(2);
        p.GetProperty("concluded").GetInt32().ShouldBe(2);
        p.GetProperty("mediationRate").GetDecimal().ShouldBe(0m);
        p.GetProperty("quickContactRate").GetDecimal().ShouldBe(0m);
    }

    [Fact]
    public async Task Another_district_and_a_bad_period_are_refused()
    {
        var rongcheng = await app.ApiAsAsync("rongcheng");
        await (await rongcheng.GetAsync("/api/v1/reconsideration/stats?org=371002&from=2024-01-01&to=2024-06-30")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var own = await rongcheng.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/stats?org=371082&from=2024-01-01&to=2024-06-30");
        own.GetProperty("current").GetProperty("received").GetInt32().ShouldBe(0);
        own.GetProperty("current").GetProperty("mediationRate").ValueKind.ShouldBe(JsonValueKind.Null);
        await (await rongcheng.GetAsync("/api/v1/reconsideration/stats?org=371082&from=2024-06-30&to=2024-01-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "to");
    }

    [Theory]
    [InlineData("from=0001-01-01&to=2024-06-30", "from")]
    [InlineData("from=2024-01-01&to=9999-12-31", "to")]
    [InlineData("from=1999-12-31&to=2024-06-30", "from")]
    public async Task A_period_outside_what_the_data_holds_is_a_400_naming_the_field(string period, string field)
    {
        var huancui = await app.ApiAsAsync("huancui");
        await (await huancui.GetAsync("/api/v1/reconsideration/stats?org=371002&" + period)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        await (await huancui.GetAsync("/api/v1/enforcement/stats?org=371002&" + period)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        var page = await (await app.BrowserAsAsync("huancui")).GetAsync("/reconsideration/stats?org=371002&" + period);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("应在2000至2100年之间");
    }

    [Fact]
    public async Task The_city_rolls_up_its_districts()
    {
        var city = await app.ApiAsAsync("weihai");
        var stats = await city.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/stats?org=371000&from=2024-01-01&to=2024-06-30");
        stats.GetProperty("current").GetProperty("received").GetInt32().ShouldBe(34);
    }
}

public sealed class ReconStatsTestsOnSqlite(SqliteFactory app) : ReconStatsTests(app), IClassFixture<SqliteFactory>;

public sealed class ReconStatsTestsOnPostgres(PostgresFactory app) : ReconStatsTests(app), IClassFixture<PostgresFactory>;
