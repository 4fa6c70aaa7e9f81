using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Microsoft.EntityFrameworkCore;
using static Fazhi.IntegrationTests.Modules.Enforcement.EnforcementApi;

namespace Fazhi.IntegrationTests.Modules.Enforcement;

/// <summary>
/// The figures on a crafted dataset, in two departments created for it (so nothing else in the database counts):
/// 2023 — 12 inspections (10 in March, 2 on 1 January), 4 penalties (one lenient, ¥1,000 + ¥2,500 + ¥3,000 + ¥500),
/// 1 coercion, one 2023 penalty decided in January 2024; 2022 — 5 inspections and 1 penalty.
/// </summary>
public abstract class EnforcementStatsTests(FazhiFactory app) : IAsyncLifetime
{
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
        await SeedAsync(app);
        await app.WithDbAsync(async db =>
        {
            var district = await db.OrgUnits.IgnoreQueryFilters().FirstAsync(o => o.Code == "371002");
            foreach (var (code, name) in new[] { ("371002-TA", "环翠区测试甲局"), ("371002-TB", "环翠区测试乙局") })
                db.OrgUnits.Add(new OrgUnit { Code = code, Name = name, Kind = OrgKind.EnforcementDepartment, ParentId = district.Id, Path = district.Path + code + "/", Depth = district.Depth + 1 });
            await db.SaveChangesAsync();
            var a = await db.OrgUnits.IgnoreQueryFilters().FirstAsync(o => o.Code == "371002-TA");
            Officer O(string cert, DateOnly from, DateOnly to, CertificateStatus status = CertificateStatus.Valid, DateOnly? since = null, TrainingYear[]? training = null) =>
                new() { OrgUnitId = a.Id, Name = "测试" + cert, CertificateNumber = cert, IssuedOn = from, ExpiresOn = to, Status = status, StatusSince = since, Training = [.. training ?? []] };
            db.Officers().AddRange(
                O("TA-1", new(2020, 1, 1), new(2030, 12, 31), training: [new() { Year = 2023, Hours = 60, ExamPassed = true, ExamScore = 90 }]),
                O("TA-2", new(2020, 1, 1), new(2030, 12, 31), training: [new() { Year = 2023, Hours = 40.5m, ExamPassed = false, ExamScore = 50 }]),
                O("TA-3", new(2020, 1, 1), new(2030, 12, 31), CertificateStatus.Revoked, new(2023, 6, 1)),
                O("TA-4", new(2023, 5, 1), new(2028, 4, 30)),
                O("TA-5", new(2018, 1, 1), new(2023, 2, 28)));
            db.InspectionPlans().AddRange(Enumerable.Range(0, 3).Select(i => new InspectionPlan
            {
                OrgUnitId = a.Id, Year = 2023, Month = 3, TargetCreditCode = Credit(900 + i), TargetName = "计划企业", Items = "T-INS", FiledOn = new(2023, 1, 5),
            }));
            await db.SaveChangesAsync();
        });
        var bureau = await app.ApiAsAsync("huancui");
        var tag = Unique("ST");
        var ta = new List<object>();
        for (var i = 0; i < 10; i++)
            ta.Add(Record($"{tag}-I{i}", enterprise: 900 + i % 3, opened: $"2023-03-{i + 10:00}", officers: ["TA-1", "TA-2"]));
        ta.Add(Record($"{tag}-J1", enterprise: 950, opened: "2023-01-01", officers: ["TA-1", "TA-2"]));
        ta.Add(Record($"{tag}-P1", kind: "处罚", item: "T-PEN", opened: "2023-02-01", decided: "2023-02-20", amount: 1000m, circumstance: "轻微", legalReview: true, published: "2023-02-21", officers: ["TA-1", "TA-2"]));
        ta.Add(Record($"{tag}-P2", kind: "处罚", item: "T-PEN", opened: "2023-02-01", decided: "2023-03-20", amount: 2500m, circumstance: "一般", legalReview: true, published: "2023-03-21", lenient: true, officers: ["TA-1", "TA-2"]));
        ta.Add(Record($"{tag}-P3", kind: "处罚", item: "T-PEN", opened: "2023-11-20", decided: "2024-01-10", amount: 800m, circumstance: "轻微", legalReview: true, published: "2024-01-11", officers: ["TA-1", "TA-2"]));
        ta.Add(Record($"{tag}-C1", kind: "强制", opened: "2023-07-03", officers: ["TA-1", "TA-2"]));
        ta.Add(Record($"{tag}-OLD1", kind: "处罚", item: "T-PEN", opened: "2022-05-01", decided: "2022-05-20", amount: 700m, circumstance: "轻微", legalReview: true, published: "2022-05-21", officers: ["TA-1", "TA-2"]));
        for (var i = 0; i < 5; i++)
            ta.Add(Record($"{tag}-OLDI{i}", enterprise: 960 + i, opened: $"2022-08-{i + 1:00}", officers: ["TA-1", "TA-2"]));
        (await PostBatchAsync(bureau, ta, "371002-TA")).GetProperty("accepted").GetInt32().ShouldBe(21);
        var tb = new object[]
        {
            Record($"{tag}-BI1", enterprise: 970, opened: "2023-01-01", officers: ["TA-1", "TA-2"]),
            Record($"{tag}-BP1", kind: "处罚", item: "T-PEN", opened: "2023-04-03", decided: "2023-04-20", amount: 3000m, circumstance: "一般", legalReview: true, published: "2023-04-21", officers: ["TA-1", "TA-2"]),
            Record($"{tag}-BP2", kind: "处罚", item: "T-PEN", opened: "2023-05-04", decided: "2023-05-22", amount: 500m, circumstance: "轻微", legalReview: true, published: "2023-05-23", officers: ["TA-1", "TA-2"]),
        };
        (await PostBatchAsync(bureau, tb, "371002-TB")).GetProperty("accepted").GetInt32().ShouldBe(3);
    }

    private async Task<JsonElement> StatsAsync(string user, string org, string from, string to)
    {
        var client = await app.ApiAsAsync(user);
        var response = await client.GetAsync($"/api/v1/enforcement/stats?org={org}&from={from}&to={to}");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task A_department_year_counts_each_record_once_on_its_decision_or_opening_day()
    {
        var s = await StatsAsync("huancui", "371002-TA", "2023-01-01", "2023-12-31");
        var records = s.GetProperty("current").GetProperty("records");
        records.GetProperty("inspections").GetInt32().ShouldBe(11);
        records.GetProperty("penalties").GetInt32().ShouldBe(2); // P3 was decided in 2024
        records.GetProperty("coercions").GetInt32().ShouldBe(1);
        records.GetProperty("lenient").GetInt32().ShouldBe(1);
        records.GetProperty("amount").GetDecimal().ShouldBe(3500m);
        var previous = s.GetProperty("previous").GetProperty("records");
        previous.GetProperty("inspections").GetInt32().ShouldBe(5);
        previous.GetProperty("penalties").GetInt32().ShouldBe(1);
        previous.GetProperty("amount").GetDecimal().ShouldBe(700m);
        var months = s.GetProperty("current").GetProperty("byMonth").EnumerateArray().ToDictionary(m => m.GetProperty("month").GetString()!, m => m.GetProperty("counts").GetProperty("total").GetInt32());
        months["2023-03"].ShouldBe(11); // ten inspections and P2
        months["2023-01"].ShouldBe(1);
    }

    [Fact]
    public async Task A_period_inside_months_is_counted_from_the_records_and_agrees_with_the_roll_up()
    {
        var whole = await StatsAsync("huancui", "371002-TA", "2023-01-01", "2023-12-31");
        var partial = await StatsAsync("huancui", "371002-TA", "2023-01-02", "2023-12-31");
        partial.GetProperty("current").GetProperty("records").GetProperty("inspections").GetInt32()
            .ShouldBe(whole.GetProperty("current").GetProperty("records").GetProperty("inspections").GetInt32() - 1);
        var march = await StatsAsync("huancui", "371002-TA", "2023-03-12", "2023-03-15");
        march.GetProperty("current").GetProperty("records").GetProperty("inspections").GetInt32().ShouldBe(4);
    }

    [Theory]
    [InlineData("2023-01-02", "2023-11-20")] // partial first and last month around whole months
    [InlineData("2023-02-20", "2023-03-12")] // two partial months, no whole one
    [InlineData("2023-03-01", "2024-01-10")] // whole months, then a partial one (P3 on 2024-01-10)
    [InlineData("2022-12-15", "2024-01-31")] // longer than a year: the previous period overlaps it
    [InlineData("2023-01-01", "2023-12-31")] // whole months only
    [InlineData("2023-03-05", "2023-03-31")] // most of one month to its end: the month less its first days
    [InlineData("2023-03-01", "2023-03-15")] // half of one month from its start
    [InlineData("2023-03-11", "2023-04-20")] // most of both months: both from the roll-up, less the days outside
    [InlineData("2023-03-12", "2023-03-15")] // inside one month
    public async Task Any_period_gives_what_counting_the_records_gives(string from, string to)
    {
        var s = await StatsAsync("huancui", "371002-TA", from, to);
        foreach (var period in new[] { "current", "previous" })
        {
            var (f, t) = period == "current" ? (DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture))
                : (DateOnly.Parse(s.GetProperty("previousFrom").GetString()!, CultureInfo.InvariantCulture), DateOnly.Parse(s.GetProperty("previousTo").GetString()!, CultureInfo.InvariantCulture));
            List<EnforcementRecord> records = [];
            await app.WithDbAsync(async db =>
            {
                var unit = await db.OrgUnits.IgnoreQueryFilters().Where(o => o.Code == "371002-TA").Select(o => o.Id).SingleAsync();
                records = await db.EnforcementRecords().IgnoreQueryFilters().AsNoTracking().Where(r => r.OrgUnitId == unit && r.CountedOn >= f && r.CountedOn <= t).ToListAsync();
            });
            var figures = s.GetProperty(period);
            var counts = figures.GetProperty("records");
            counts.GetProperty("inspections").GetInt32().ShouldBe(records.Count(r => r.Kind == RecordKind.Inspection), $"{period} {f}–{t}");
            counts.GetProperty("penalties").GetInt32().ShouldBe(records.Count(r => r.Kind == RecordKind.Penalty), $"{period} {f}–{t}");
            counts.GetProperty("coercions").GetInt32().ShouldBe(records.Count(r => r.Kind == RecordKind.Coercion), $"{period} {f}–{t}");
            counts.GetProperty("lenient").GetInt32().ShouldBe(records.Count(r => r.Lenient), $"{period} {f}–{t}");
            counts.GetProperty("amount").GetDecimal().ShouldBe(records.Sum(r => r.AmountFen ?? 0) / 100m, $"{period} {f}–{t}");
            figures.GetProperty("plans").GetProperty("actualVisits").GetInt32()
                .ShouldBe(records.Count(r => r.Kind == RecordKind.Inspection && r.TargetKind == TargetKind.Enterprise), $"{period} {f}–{t}");
            figures.GetProperty("byMonth").EnumerateArray().ToDictionary(m => m.GetProperty("month").GetString()!, m => m.GetProperty("counts").GetProperty("total").GetInt32())
                .ShouldBe(records.GroupBy(r => r.CountedOn.ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Count()), ignoreOrder: true);
            figures.GetProperty("byDepartment").EnumerateArray().Sum(d => d.GetProperty("counts").GetProperty("total").GetInt32()).ShouldBe(records.Count);
        }
    }

    [Fact]
    public async Task Training_figures_follow_an_edit_of_the_officer()
    {
        var client = await app.ApiAsAsync("huancui");
        long id = 0;
        await app.WithDbAsync(async db => id = await db.Officers().IgnoreQueryFilters().Where(o => o.CertificateNumber == "TA-1").Select(o => o.Id).SingleAsync());
        async Task<JsonElement> CertificatesAsync() =>
            (await StatsAsync("huancui", "371002-TA", "2021-01-01", "2021-12-31")).GetProperty("current").GetProperty("certificates");

        (await CertificatesAsync()).GetProperty("trained").GetInt32().ShouldBe(0);
        (await client.PutAsJsonAsync($"/api/v1/enforcement/officers/{id}/training/2021", new { hours = 30.5m, examScore = 70m, examPassed = true })).EnsureSuccessStatusCode();
        var c = await CertificatesAsync();
        (c.GetProperty("trained").GetInt32(), c.GetProperty("trainingHours").GetDecimal(), c.GetProperty("examined").GetInt32(), c.GetProperty("passRate").GetDecimal())
            .ShouldBe((1, 30.5m, 1, 100m));

        // The same year again corrects the year's row: still one officer and one exam, the new hours and result.
        var detail = await (await client.PutAsJsonAsync($"/api/v1/enforcement/officers/{id}/training/2021", new { hours = 12m, examScore = 50m, examPassed = false }))
            .Content.ReadFromJsonAsync<JsonElement>();
        detail.GetProperty("training").EnumerateArray().Select(t => t.GetProperty("year").GetInt32()).ShouldBe([2023, 2021]);
        c = await CertificatesAsync();
        (c.GetProperty("trained").GetInt32(), c.GetProperty("trainingHours").GetDecimal(), c.GetProperty("examined").GetInt32(), c.GetProperty("passed").GetInt32(), c.GetProperty("passRate").GetDecimal())
            .ShouldBe((1, 12m, 1, 0, 0m));
        // The year a period spans counts; a year later the same training is the previous period's.
        var next = await StatsAsync("huancui", "371002-TA", "2022-01-01", "2022-12-31");
        next.GetProperty("previous").GetProperty("certificates").GetProperty("trainingHours").GetDecimal().ShouldBe(12m);
        next.GetProperty("current").GetProperty("certificates").GetProperty("trained").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task The_district_adds_up_its_departments_and_the_city_its_districts()
    {
        var district = await StatsAsync("huancui", "371002", "2023-01-01", "2023-12-31");
        var byDept = district.GetProperty("current").GetProperty("byDepartment").EnumerateArray().ToDictionary(d => d.GetProperty("code").GetString()!);
        byDept["371002-TA"].GetProperty("counts").GetProperty("total").GetInt32().ShouldBe(14);
        byDept["371002-TB"].GetProperty("counts").GetProperty("penalties").GetInt32().ShouldBe(2);
        var city = await StatsAsync("weihai", "371000", "2023-01-01", "2023-12-31");
        city.GetProperty("current").GetProperty("records").GetProperty("penalties").GetInt32()
            .ShouldBe(district.GetProperty("current").GetProperty("records").GetProperty("penalties").GetInt32()
                      + (await StatsAsync("weihai", "371082", "2023-01-01", "2023-12-31")).GetProperty("current").GetProperty("records").GetProperty("penalties").GetInt32());
        // Another district's bureau cannot read 环翠区's figures.
        var other = await (await app.ApiAsAsync("rongcheng")).GetAsync("/api/v1/enforcement/stats?org=371002&from=2023-01-01&to=2023-12-31");
        await other.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var bad = await (await app.ApiAsAsync("huancui")).GetAsync("/api/v1/enforcement/stats?org=371002&from=2023-12-31&to=2023-01-01");
        await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "to");
    }

    [Fact]
    public async Task Certificates_follow_the_2020_report_definitions()
    {
        var s = await StatsAsync("huancui", "371002-TA", "2023-01-01", "2023-12-31");
        var c = s.GetProperty("current").GetProperty("certificates");
        c.GetProperty("heldAtStart").GetInt32().ShouldBe(4);  // TA-1, TA-2, TA-3, TA-5
        c.GetProperty("revoked").GetInt32().ShouldBe(1);      // TA-3 on 2023-06-01
        c.GetProperty("kept").GetInt32().ShouldBe(3);
        c.GetProperty("new").GetInt32().ShouldBe(1);          // TA-4
        c.GetProperty("heldAtEnd").GetInt32().ShouldBe(3);    // TA-1, TA-2, TA-4 (TA-5 expired in February)
        c.GetProperty("trained").GetInt32().ShouldBe(2);
        c.GetProperty("trainingHours").GetDecimal().ShouldBe(100.5m);
        c.GetProperty("passRate").GetDecimal().ShouldBe(50m);
        var plans = s.GetProperty("current").GetProperty("plans");
        plans.GetProperty("plannedVisits").GetInt32().ShouldBe(3);
        plans.GetProperty("actualVisits").GetInt32().ShouldBe(11);
    }

    [Fact]
    public async Task Warnings_are_counted_by_rule()
    {
        // Warnings count on the day they were raised: today, when the batches arrived.
        var year = TimeProvider.System.GetUtcNow().AddHours(8).Year;
        var s = await StatsAsync("huancui", "371002-TA", $"{year}-01-01", $"{year}-12-31");
        var rules = s.GetProperty("current").GetProperty("byRule").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        // Ten March inspections of three planned enterprises: every visit after an enterprise's first within 30 days repeats.
        rules["ZF07"].GetProperty("raised").GetInt32().ShouldBe(7);
        // J1 (enterprise 950) and the five 2022 inspections were not in any plan.
        rules["ZF08"].GetProperty("raised").GetInt32().ShouldBe(6);
        s.GetProperty("current").GetProperty("warningsRaised").GetInt32().ShouldBe(rules.Values.Sum(r => r.GetProperty("raised").GetInt32()));
    }
}

public sealed class EnforcementStatsTestsOnSqlite(SqliteFactory app) : EnforcementStatsTests(app), IClassFixture<SqliteFactory>;

public sealed class EnforcementStatsTestsOnPostgres(PostgresFactory app) : EnforcementStatsTests(app), IClassFixture<PostgresFactory>;
