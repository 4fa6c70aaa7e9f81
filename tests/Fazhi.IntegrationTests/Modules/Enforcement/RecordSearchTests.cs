using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Microsoft.EntityFrameworkCore;
using static Fazhi.IntegrationTests.Modules.Enforcement.EnforcementApi;

namespace Fazhi.IntegrationTests.Modules.Enforcement;

/// <summary>The record list at city scale: a capped total, the newest first from a recent window, codes found by equality,
/// a name search confined to the last year unless a start date is given.</summary>
public abstract class RecordSearchTests(FazhiFactory app) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await SeedAsync(app);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private static DateOnly Today => DateOnly.FromDateTime(ChinaTime.Now(TimeProvider.System));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A valid 公民身份号码 with the given sequence number.</summary>
    private static string IdNumber(int n)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var body = "37100219800101" + (n % 1000).ToString("D3", CultureInfo.InvariantCulture);
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    [Fact]
    public async Task Past_ten_thousand_the_total_is_capped_and_the_newest_come_first()
    {
        var item = Unique("CAP").ToUpperInvariant();
        var today = Today;
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            var scjg = await db.OrgUnits.FirstAsync(o => o.Code == "371002-SCJG");
            // 10,005 records over some 800 days, several per day, so the id decides between records of one day.
            db.EnforcementRecords().AddRange(Enumerable.Range(0, 10_005).Select(i => new EnforcementRecord
            {
                OrgUnitId = scjg.Id, SourceId = $"{item}-{i}", Kind = RecordKind.Inspection, ItemCode = item, TargetName = $"容量测试对象{i}",
                Officers = "C-A;C-B", OfficerCount = 2, OpenedOn = today.AddDays(-(i * 7919 % 800)), CountedOn = today.AddDays(-(i * 7919 % 800)),
                ReceivedAtUtc = now, UpdatedAtUtc = now,
            }));
            await db.SaveChangesAsync();
        });
        var expected = new List<long>();
        await app.WithDbAsync(async db => expected = await db.EnforcementRecords().Where(r => r.ItemCode == item)
            .OrderByDescending(r => r.CountedOn).ThenByDescending(r => r.Id).Select(r => r.Id).Take(100).ToListAsync());

        var api = await app.ApiAsAsync("huancui");
        var first = await api.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/records?itemCode={item}&pageSize=50");
        first.GetProperty("total").GetInt32().ShouldBe(10_000);
        first.GetProperty("totalCapped").GetBoolean().ShouldBeTrue();
        first.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ShouldBe(expected.Take(50));
        var second = await api.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/records?itemCode={item}&pageSize=50&page=2");
        second.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ShouldBe(expected.Skip(50));
        // Oldest first reads the whole set, and agrees with the database.
        var oldest = await api.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/records?itemCode={item}&pageSize=5&sort=counted");
        oldest.GetProperty("items")[0].GetProperty("openedOn").GetString().ShouldBe(Iso(today.AddDays(-799)));
        // Only the first 10,000 rows can be paged.
        var beyond = await api.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/records?itemCode={item}&pageSize=50&page=999");
        beyond.GetProperty("pageNumber").GetInt32().ShouldBe(200);
        beyond.GetProperty("items").GetArrayLength().ShouldBe(50);
        // A narrower filter is counted exactly.
        var week = await api.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/records?itemCode={item}&from={Iso(today.AddDays(-6))}&to={Iso(today)}");
        week.GetProperty("totalCapped").GetBoolean().ShouldBeFalse();
        var inWeek = 0;
        await app.WithDbAsync(async db => inWeek = await db.EnforcementRecords().CountAsync(r => r.ItemCode == item && r.CountedOn >= today.AddDays(-6)));
        week.GetProperty("total").GetInt32().ShouldBe(inWeek);

        var browser = await app.BrowserAsAsync("huancui");
        (await browser.GetStringAsync($"/enforcement/records?itemCode={item}")).ShouldContain("超过10000条");
    }

    [Fact]
    public async Task A_full_code_finds_old_records_and_a_name_search_needs_a_start_date_for_them()
    {
        var scjg = await app.ApiAsAsync("huancui-scjg");
        var tag = Unique("CODE");
        var enterprise = 4_000_000 + Random.Shared.Next(1_000_000);
        var person = IdNumber(Random.Shared.Next(1000));
        var oldPerson = Record($"{tag}-P", opened: "2020-06-01");
        oldPerson["target"] = new { name = $"{tag}个体户", idNumber = person };
        var recent = Record($"{tag}-N", opened: Iso(Today.AddDays(-10)), enterprise: enterprise + 1);
        await PostBatchAsync(scjg, [Record($"{tag}-E", opened: "2020-06-01", enterprise: enterprise), oldPerson, recent]);

        var api = await app.ApiAsAsync("huancui");
        async Task<JsonElement> Search(string query) => await api.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/records?q={Uri.EscapeDataString(query)}");
        IEnumerable<string> SourceIds(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("sourceId").GetString()!);

        // Full codes and source ids: found by equality, however old.
        var byCredit = await Search(Credit(enterprise).ToLowerInvariant());
        SourceIds(byCredit).ShouldBe([$"{tag}-E"]);
        byCredit.GetProperty("note").ValueKind.ShouldBe(JsonValueKind.Null);
        SourceIds(await Search(person)).ShouldBe([$"{tag}-P"]);
        SourceIds(await Search($"{tag}-P")).ShouldBe([$"{tag}-P"]);
        // A fragment: the last year only, and the answer says so; with a start date, any time.
        var fragment = await Search(tag);
        SourceIds(fragment).ShouldBe([$"{tag}-N"]);
        fragment.GetProperty("note").GetString()!.ShouldContain("起始日期");
        var since2020 = await api.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/records?q={tag}&from=2020-01-01&sort=opened");
        SourceIds(since2020).ShouldBe([$"{tag}-E", $"{tag}-P", $"{tag}-N"], ignoreOrder: true);
        since2020.GetProperty("note").ValueKind.ShouldBe(JsonValueKind.Null);
        SourceIds(await api.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/records?q={Uri.EscapeDataString(tag + "个体户")}&from=2020-01-01")).ShouldBe([$"{tag}-P"]);

        var browser = await app.BrowserAsAsync("huancui");
        (await browser.GetStringAsync($"/enforcement/records?q={tag}")).ShouldContain("records-note");
    }
}

public sealed class RecordSearchTestsOnSqlite(SqliteFactory app) : RecordSearchTests(app), IClassFixture<SqliteFactory>;

public sealed class RecordSearchTestsOnPostgres(PostgresFactory app) : RecordSearchTests(app), IClassFixture<PostgresFactory>;
