using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Modules.Legality.Features;
using Fazhi.Web.Modules.Mediation.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>人民调解's and 法治's demo data both need 环翠区's communities: whichever runs first, the tree ends with the
/// Kernel's one list of them (same codes, names, towns and sort orders), each once, and both modules' records hang on
/// those units.</summary>
public abstract class DemoCommunityTests(Provider provider)
{
    /// <summary>The demo tree and users, but no module's demo data: the test runs the two sources itself, in its order.</summary>
    private sealed class Host(Provider provider) : FazhiFactory(provider)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.RemoveAll<IDemoDataSource>());
        }
    }

    private static async Task SeedAsync(FazhiFactory host, bool mediationFirst)
    {
        var on = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [MediationDemoData.Switch] = "true" }).Build();
        using var scope = host.Services.CreateScope();
        var sp = scope.ServiceProvider;
        IDemoDataSource mediation = ActivatorUtilities.CreateInstance<MediationDemoData>(sp, (IConfiguration)on);
        IDemoDataSource legality = ActivatorUtilities.CreateInstance<LegalityPracticeDemoData>(sp);
        foreach (var source in mediationFirst ? new[] { mediation, legality } : [legality, mediation])
        {
            (await source.IsSeededAsync(CancellationToken.None)).ShouldBeFalse();
            await source.SeedAsync(CancellationToken.None);
        }
    }

    private static async Task<List<string>> CommunitiesAsync(FazhiFactory host)
    {
        var rows = new List<string>();
        await host.WithDbAsync(async db =>
        {
            var units = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().Where(o => o.Kind == OrgKind.Community).OrderBy(o => o.Code).ToListAsync();
            var parents = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code);
            rows.AddRange(units.Select(u => $"{u.Code} {u.Name} {parents[u.ParentId!.Value]} {u.SortOrder} {u.Path}"));
        });
        return rows;
    }

    /// <summary>调解: the 海港社区调委会 sits under the list's 海港社区; 法治: the community advisers serve the list's communities.</summary>
    private static async Task BothModulesUseTheListAsync(FazhiFactory host) => await host.WithDbAsync(async db =>
    {
        var committee = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().SingleAsync(o => o.Code == "371002001001-TWH");
        (await db.OrgUnits.IgnoreQueryFilters().SingleAsync(o => o.Id == committee.ParentId)).Code.ShouldBe("371002001001");
        var served = await db.Set<Fazhi.Web.Modules.Legality.Domain.AdviserCommunity>().IgnoreQueryFilters()
            .Join(db.OrgUnits.IgnoreQueryFilters(), a => a.CommunityId, o => o.Id, (a, o) => o.Code).Distinct().ToListAsync();
        served.ShouldNotBeEmpty();
        served.ShouldBeSubsetOf(DemoCommunities.All.Select(c => c.Code));
    });

    [Fact]
    public async Task Both_demo_sources_in_either_order_leave_one_set_of_communities()
    {
        var lists = new List<List<string>>();
        foreach (var mediationFirst in new[] { true, false })
        {
            await using var host = new Host(provider);
            await host.InitializeAsync();
            (await CommunitiesAsync(host)).ShouldBeEmpty();
            await SeedAsync(host, mediationFirst);
            await BothModulesUseTheListAsync(host);
            lists.Add(await CommunitiesAsync(host));
        }

        var expected = DemoCommunities.All.Select((c, i) => $"{c.Code} {c.Name} {c.Town} {DemoCommunities.FirstSortOrder + i} ").ToList();
        lists[0].Count.ShouldBe(DemoCommunities.All.Count);
        for (var i = 0; i < expected.Count; i++)
            lists[0][i].ShouldStartWith(expected[i]);
        lists[1].ShouldBe(lists[0]); // 调解 first or 法治 first: the same units
    }
}

public sealed class DemoCommunityTestsOnSqlite() : DemoCommunityTests(Provider.Sqlite);

public sealed class DemoCommunityTestsOnPostgres() : DemoCommunityTests(Provider.Postgres);
