using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Modules.Legality.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.IntegrationTests.Modules.Legality;

/// <summary>
/// The legality stats page shows every figure the module publishes (本期, 上年同期, 同比, 口径; "—" where there is none);
/// [003]'s "107名法律服务人员为169个社区提供法律服务" from crafted advisers and the org tree's communities, through the metric
/// API and on the page; [002]'s −40 % and −13.3 % read off the page; and a 规范性文件's 制定机关 beside its 起草单位.
/// </summary>
public abstract class LegalityFiguresTests(FazhiFactory app)
{
    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>The card of one figure on the stats page (from its data-key to the next card or section).</summary>
    private static string Card(string page, string key)
    {
        var start = page.IndexOf($"data-key=\"{key}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, $"the page shows no card for {key}");
        var next = page.IndexOf("data-key=\"", start + 10, StringComparison.Ordinal);
        var section = page.IndexOf("</section>", start, StringComparison.Ordinal);
        var end = next < 0 ? section : Math.Min(next, section);
        return page[start..end];
    }

    [Fact]
    public async Task Laoshans_107_advisers_serve_its_169_communities_through_the_metric_api_and_on_the_stats_page()
    {
        // 169 communities under 崂山区's two 街道 (one more, no longer in use, does not count). 107 community advisers from 29
        // 法律服务机构: adviser i serves community i, and the first 62 serve a second one (107 + 62 = 169). Fifty of them were
        // engaged in 2023 (they covered 100 communities then); one whose term ended in 2023 and one of 荣成 do not count.
        await app.WithDbAsync(async db =>
        {
            var towns = await db.OrgUnits.Where(o => o.Code == "370212001" || o.Code == "370212002").OrderBy(o => o.Code).ToListAsync();
            var communities = new List<OrgUnit>();
            for (var i = 0; i < 170; i++)
            {
                var town = towns[i < 100 ? 0 : 1];
                var code = $"{town.Code}{i:000}";
                var c = new OrgUnit { Code = code, Name = $"崂山测试社区{i}", Kind = OrgKind.Community, ParentId = town.Id, Path = OrgUnit.PathOf(town, code), Depth = town.Depth + 1, IsActive = i < 169 };
                communities.Add(c);
                db.OrgUnits.Add(c);
            }
            await db.SaveChangesAsync();
            var bureau = await db.OrgUnits.FirstAsync(o => o.Code == "370212-SFJ");
            for (var i = 0; i < 107; i++)
            {
                var a = new LegalAdviser
                {
                    OrgUnitId = bureau.Id, Kind = AdviserKind.Community, Name = $"顾问{i}", Firm = $"崂山第{i % 29 + 1}律师事务所",
                    ServedFrom = i < 50 ? new DateOnly(2023, 1, 1) : new DateOnly(2024, 1, 1),
                    Communities = [new AdviserCommunity { CommunityId = communities[i].Id }],
                };
                if (i < 62)
                    a.Communities.Add(new AdviserCommunity { CommunityId = communities[107 + i].Id });
                db.Set<LegalAdviser>().Add(a);
            }
            db.Set<LegalAdviser>().Add(new LegalAdviser
            {
                OrgUnitId = bureau.Id, Kind = AdviserKind.Community, Name = "已解聘顾问", Firm = "另一律师事务所", ServedFrom = new DateOnly(2022, 1, 1),
                ServedTo = new DateOnly(2023, 12, 31), Communities = [new AdviserCommunity { CommunityId = communities[169].Id }, new AdviserCommunity { CommunityId = communities[0].Id }],
            });
            var rongcheng = await db.OrgUnits.FirstAsync(o => o.Code == "371082-SFJ");
            db.Set<LegalAdviser>().Add(new LegalAdviser { OrgUnitId = rongcheng.Id, Kind = AdviserKind.Government, Name = "荣成顾问", Firm = "荣成律师事务所", ServedFrom = new DateOnly(2020, 1, 1) });
            await db.SaveChangesAsync();
        });

        var admin = await app.ApiAsAsync("admin");
        var keys = "legality.community_advisers,legality.community_adviser_firms,legality.communities,legality.communities_covered,legality.community_coverage,legality.advisers";
        var figures = (await OkAsync(await admin.GetAsync($"/api/v1/metrics?org=370212&from=2024-01-01&to=2024-06-30&keys={keys}"))).GetProperty("figures")
            .EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!);
        decimal Now(string key) => figures[key].GetProperty("current").GetDecimal();
        decimal Before(string key) => figures[key].GetProperty("previous").GetDecimal();
        (Now("legality.community_advisers"), Now("legality.community_adviser_firms"), Now("legality.communities"), Now("legality.communities_covered"))
            .ShouldBe((107m, 29m, 169m, 169m));
        Now("legality.community_coverage").ShouldBe(100.00m);
        // 2023-06-30: fifty advisers covering 100 communities, and the one whose term ended at the end of 2023 (its communities: one
        // no longer in use, one already covered).
        (Before("legality.community_advisers"), Before("legality.communities_covered")).ShouldBe((51m, 100m));
        Before("legality.community_coverage").ShouldBe(59.17m);
        figures["legality.community_coverage"].GetProperty("definition").GetString()!.ShouldContain("不按顾问人数计");
        figures["legality.advisers"].GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("label").GetString() == "村（社区）法律顾问")
            .GetProperty("current").GetDecimal().ShouldBe(107m);

        var browser = await app.BrowserAsAsync("admin");
        var page = await browser.GetStringAsync("/legality/stats?org=370212&from=2024-01-01&to=2024-06-30");
        // Every figure of both metric sources, with its label, in a section of its own.
        using (var scope = app.Services.CreateScope())
        {
            var definitions = scope.ServiceProvider.GetServices<IMetricSource>().Where(s => s.Module == "legality").SelectMany(s => s.Definitions).ToList();
            definitions.Count.ShouldBeGreaterThan(40);
            foreach (var d in definitions)
                Card(page, d.Key).ShouldContain(d.Label);
        }
        foreach (var section in new[] { "合法性审查", "规范性文件", "合同", "重大行政决策", "法律顾问", "依法治区", "学法" })
            page.ShouldContain($">{section}</h2>");
        var coverage = Card(page, "legality.community_coverage");
        coverage.ShouldContain("100.00%");
        coverage.ShouldContain("上年同期 59.17%");
        coverage.ShouldContain("个百分点");
        Card(page, "legality.community_advisers").ShouldContain(">107<");
        Card(page, "legality.community_adviser_firms").ShouldContain(">29<");
        page.ShouldContain("一村（社区）一法律顾问覆盖率</strong>：已配备法律顾问的村（社区）÷ 机构目录中的村（社区）总数");
        // No data: a rate without a denominator and a count of nothing against nothing show "—", never a bare "%" or 0 % change.
        var rate = Card(page, "legality.adoption_rate");
        rate.ShouldContain("<div class=\"num\">—<small></small></div>");
        rate.ShouldNotContain(">%<");
        Card(page, "legality.office.meetings").ShouldContain("同比 <span class=\"\">—</span>");
    }

    [Fact]
    public async Task Rongchengs_2022_documents_read_minus_40_and_minus_13_3_percent_on_the_stats_page()
    {
        // [002]: 6 government documents in 2022 (10 in 2021) and 26 departmental (30 in 2021), all reviewed and filed.
        await app.WithDbAsync(async db =>
        {
            var market = await db.OrgUnits.FirstAsync(o => o.Code == "371082-SCJG");
            void Add(DocumentLevel level, int year, int count)
            {
                for (var i = 0; i < count; i++)
                {
                    var on = new DateOnly(year, 1 + i % 12, 10);
                    db.Set<NormativeDocument>().Add(new NormativeDocument
                    {
                        OrgUnitId = market.Id, Level = level, Title = $"荣成{year}{level}{i}", PlanYear = year, Status = DocumentStatus.Published,
                        DocumentNumber = $"荣{year}-{level}-{i}", PublishedOn = on, ValidUntil = on.AddYears(5), FiledWithGovernmentOn = on.AddDays(10),
                        FiledWithCongressOn = level == DocumentLevel.Government ? on.AddDays(10) : null,
                    });
                }
            }
            Add(DocumentLevel.Government, 2022, 6);
            Add(DocumentLevel.Government, 2021, 10);
            Add(DocumentLevel.Department, 2022, 26);
            Add(DocumentLevel.Department, 2021, 30);
            // Published in 2022 but not yet filed: not counted.
            db.Set<NormativeDocument>().Add(new NormativeDocument
            {
                OrgUnitId = market.Id, Level = DocumentLevel.Department, Title = "未备案", PlanYear = 2022, Status = DocumentStatus.Published, PublishedOn = new DateOnly(2022, 12, 20),
            });
            await db.SaveChangesAsync();
        });
        var page = await (await app.BrowserAsAsync("rongcheng-fzsh")).GetStringAsync("/legality/stats?org=371082&from=2022-01-01&to=2022-12-31");
        var gov = Card(page, "legality.government_documents");
        gov.ShouldContain("<div class=\"num\">6<small>件</small></div>");
        gov.ShouldContain("上年同期 10件");
        gov.ShouldContain("↓ 40%");
        var dept = Card(page, "legality.department_documents");
        dept.ShouldContain("<div class=\"num\">26<small>件</small></div>");
        dept.ShouldContain("上年同期 30件");
        dept.ShouldContain("↓ 13.33%");
        page.ShouldContain("2021-01-01 至 2021-12-31");
    }

    [Fact]
    public async Task A_documents_detail_shows_its_issuer_the_government_or_the_department_and_the_drafter_below()
    {
        var dept = await app.ApiAsAsync("huancui-zhzf");
        var gov = await OkAsync(await dept.PostAsJsonAsync("/api/v1/legality/documents", new { title = "环翠区户外广告设置管理办法", level = "政府规范性文件", planYear = 2024 }), HttpStatusCode.Created);
        var own = await OkAsync(await dept.PostAsJsonAsync("/api/v1/legality/documents", new { title = "环翠区综合行政执法局行政处罚裁量基准", level = "部门规范性文件", planYear = 2024 }), HttpStatusCode.Created);
        var drafter = gov.GetProperty("row").GetProperty("unit").GetString()!;
        drafter.ShouldContain("综合行政执法局");
        gov.GetProperty("row").GetProperty("issuer").GetString().ShouldBe("威海市环翠区人民政府");
        var browser = await app.BrowserAsAsync("huancui-fzsh");
        var page = await browser.GetStringAsync($"/legality/documents/{gov.GetProperty("row").GetProperty("id").GetInt64()}");
        page.ShouldContain("<th>制定机关</th><td><span id=\"issuer\">威海市环翠区人民政府</span>");
        page.ShouldContain($"<span class=\"muted\" id=\"drafter\">起草单位：{drafter}</span>");
        page.ShouldNotContain("<th>起草单位</th>");
        page = await browser.GetStringAsync($"/legality/documents/{own.GetProperty("row").GetProperty("id").GetInt64()}");
        var issuer = own.GetProperty("row").GetProperty("issuer").GetString()!;
        issuer.ShouldContain("综合行政执法局");
        page.ShouldContain($"<span id=\"issuer\">{issuer}</span>");
        // The API and the public register read the same rule (LegalityQueries.IssuerAsync).
        (await OkAsync(await dept.GetAsync($"/api/v1/legality/documents/{own.GetProperty("row").GetProperty("id").GetInt64()}"))).GetProperty("row").GetProperty("issuer").GetString().ShouldBe(issuer);
    }
}

public sealed class LegalityFiguresTestsOnSqlite(SqliteFactory app) : LegalityFiguresTests(app), IClassFixture<SqliteFactory>;

public sealed class LegalityFiguresTestsOnPostgres(PostgresFactory app) : LegalityFiguresTests(app), IClassFixture<PostgresFactory>;
