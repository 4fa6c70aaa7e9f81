using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel;
using Fazhi.Web.Modules.Enforcement.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.IntegrationTests.Modules.Enforcement;

/// <summary>The 环翠区 demo data includes 案卷评查: draws scored against a template, so the figures show an average.</summary>
public abstract partial class DemoReviewTests(FazhiFactory app)
{
    [GeneratedRegex(@"<strong id=""average"">([0-9.]+)</strong>")]
    private static partial Regex AverageOnPage();

    [Fact]
    public async Task The_demo_has_reviewed_draws_and_the_figures_show_their_average()
    {
        var api = await app.ApiAsAsync("huancui");
        var draws = (await api.GetFromJsonAsync<JsonElement>("/api/v1/enforcement/draws")).GetProperty("items").EnumerateArray().ToList();
        draws.Count.ShouldBe(2);
        draws.Select(d => d.GetProperty("reviewed").GetInt32()).Order().ShouldBe([7, 12]);
        draws.ShouldAllBe(d => d.GetProperty("templateName").GetString() == "行政处罚案卷评查标准");

        var browser = await app.BrowserAsAsync("huancui");
        foreach (var d in draws)
        {
            var id = d.GetProperty("id").GetInt64();
            var results = await api.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/draws/{id}/results");
            var average = results.GetProperty("averageScore").GetDecimal();
            average.ShouldBeInRange(60m, 100m);
            results.GetProperty("fullMarks").GetDecimal().ShouldBe(100m);
            results.GetProperty("byItem").EnumerateArray().ShouldAllBe(i => i.GetProperty("averagePoints").ValueKind == JsonValueKind.Number);
            // The page shows the same average, and 复核 re-draws the same files.
            var html = await browser.GetStringAsync($"/enforcement/draw/{id}");
            decimal.Parse(AverageOnPage().Match(html).Groups[1].Value, CultureInfo.InvariantCulture).ShouldBe(average);
            (await (await api.PostAsync($"/api/v1/enforcement/draws/{id}/verify", null)).Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("identical").GetBoolean().ShouldBeTrue();
        }

        // This year's figures (and last year's) have reviewed files and an average score.
        var today = DateOnly.FromDateTime(ChinaTime.Now(TimeProvider.System));
        var stats = await api.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/stats?from={today.Year}-01-01&to={today.Year}-12-31");
        stats.GetProperty("current").GetProperty("filesReviewed").GetInt32().ShouldBe(7);
        stats.GetProperty("current").GetProperty("averageScore").ValueKind.ShouldBe(JsonValueKind.Number);
        stats.GetProperty("previous").GetProperty("filesReviewed").GetInt32().ShouldBe(12);
        stats.GetProperty("previous").GetProperty("averageScore").ValueKind.ShouldBe(JsonValueKind.Number);
    }

    [Fact]
    public async Task Seeding_the_demo_again_adds_nothing()
    {
        async Task<(int Draws, int Sampled, int Scored, int Templates, int Records)> CountAsync()
        {
            var counts = (0, 0, 0, 0, 0);
            await app.WithDbAsync(async db => counts = (
                await db.SamplingDraws().IgnoreQueryFilters().CountAsync(), await db.SampledRecords().IgnoreQueryFilters().CountAsync(),
                await db.SampledRecords().IgnoreQueryFilters().CountAsync(s => s.Score != null), await db.ReviewTemplates().IgnoreQueryFilters().CountAsync(),
                await db.EnforcementRecords().IgnoreQueryFilters().CountAsync()));
            return counts;
        }
        var before = await CountAsync();
        before.ShouldBe((2, 22, 19, 1, before.Records));
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(FazhiFactory.AdminPassword, true, FazhiFactory.DemoPassword, CancellationToken.None);
        (await CountAsync()).ShouldBe(before);
    }
}

/// <summary>The application with the enforcement module's demo data seeded, as on a fresh installation.</summary>
public abstract class DemoDataFactory(Provider provider) : FazhiFactory(provider)
{
    protected override bool EnforcementDemoData => true;
}

public sealed class DemoDataSqliteFactory() : DemoDataFactory(Provider.Sqlite);

public sealed class DemoDataPostgresFactory() : DemoDataFactory(Provider.Postgres);

public sealed class DemoReviewTestsOnSqlite(DemoDataSqliteFactory app) : DemoReviewTests(app), IClassFixture<DemoDataSqliteFactory>;

public sealed class DemoReviewTestsOnPostgres(DemoDataPostgresFactory app) : DemoReviewTests(app), IClassFixture<DemoDataPostgresFactory>;
