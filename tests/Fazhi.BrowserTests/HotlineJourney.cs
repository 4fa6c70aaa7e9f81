using Fazhi.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

/// <summary>12345 热线 as 环翠区司法局's 研判 staff use it on the demo data: the ranked dispute list → 提出会商 on the
/// 活禽宰杀 cluster (bounced between 市场监管 and 综合执法) → 会商 → 裁定意见 (downloaded) → 反馈 → 跟踪; then the ticket
/// list, the bureau's own tickets and the figures, each showing the demo's numbers.</summary>
public sealed class HotlineJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task Cluster_to_consultation_ruling_and_feedback()
    {
        var page = await app.LoginAsync("huancui-rx", FazhiFactory.DemoPassword);
        await page.Locator("nav a[href='/hotline/disputes']").First.ClickAsync();
        var clusters = page.Locator("#cluster-list tbody tr");
        (await clusters.CountAsync()).ShouldBeGreaterThanOrEqualTo(4);
        (await page.Locator("#cluster-list").InnerTextAsync()).ShouldContain("露天烧烤");
        (await page.Locator("#consultation-list").InnerTextAsync()).ShouldContain("跟踪中");
        (await page.Locator("#cluster-pager").InnerTextAsync()).ShouldContain("第 1 / 1 页");
        await page.ScreenshotAsync(new() { Path = Shot("hotline-disputes.png"), FullPage = true });

        var row = page.Locator("#cluster-list tbody tr", new() { HasText = "活禽" });
        (await row.InnerTextAsync()).ShouldContain("环翠区市场监督管理局");
        await row.GetByRole(AriaRole.Button, new() { Name = "提出会商" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/hotline/consultation/", StringComparison.Ordinal));
        (await page.Locator("#status").InnerTextAsync()).ShouldBe("已提出");

        await page.GetByLabel("参会部门").FillAsync("环翠区市场监督管理局、环翠区综合行政执法局、鲸园街道");
        await page.GetByLabel("会商纪要").FillAsync("市场监管局认为店外宰杀活禽属占道经营；综合执法局认为活禽交易属市场监管。对照两部门权责清单研判。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存会商" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已记录会商" }).WaitForAsync();
        (await page.Locator("#status").InnerTextAsync()).ShouldBe("已会商");
        await page.ScreenshotAsync(new() { Path = Shot("hotline-consulted.png"), FullPage = true });

        await page.GetByLabel("责任部门").FillAsync("环翠区市场监督管理局");
        await page.GetByLabel("裁定理由").FillAsync("菜市场内外活禽交易及宰杀由区市场监督管理局负责查处，综合行政执法局配合清理店外占道。");
        await page.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已出具裁定意见" }).WaitForAsync();
        var number = await page.Locator("#ruling").InnerTextAsync();
        number.ShouldContain("环司裁〔");
        var href = await page.Locator("#ruling a").GetAttributeAsync("href");
        var docx = await page.APIRequest.GetAsync(href!);
        docx.Status.ShouldBe(200);
        await File.WriteAllBytesAsync(Shot("hotline-ruling.docx"), await docx.BodyAsync());
        await page.ScreenshotAsync(new() { Path = Shot("hotline-ruled.png"), FullPage = true });

        await page.GetByLabel("反馈情况").FillAsync("已对菜市场外活禽摊点集中整治，引导进场经营。");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记反馈" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已登记反馈" }).WaitForAsync();
        (await page.Locator("#status").InnerTextAsync()).ShouldBe("跟踪中");
        (await page.Locator("#recurrences").InnerTextAsync()).ShouldContain("件");
        await page.ScreenshotAsync(new() { Path = Shot("hotline-tracking.png"), FullPage = true });

        // The night market's ruling is tracked: tickets after it are counted.
        await page.GotoAsync("/hotline/disputes");
        await page.Locator("#consultation-list a", new() { HasText = "露天烧烤" }).ClickAsync();
        (await page.Locator("#recurrences").InnerTextAsync()).ShouldStartWith("2 件");

        await page.GotoAsync("/hotline?disputed=true");
        (await page.Locator("#ticket-list tbody tr").CountAsync()).ShouldBeGreaterThan(5);
        await page.ScreenshotAsync(new() { Path = Shot("hotline-tickets.png"), FullPage = true });

        // 并单 by staff: the third call about one shop's 店外经营 is suggested as a duplicate of the first (the second was
        // merged already) and merged into it with a reason; the main ticket then lists both duplicates.
        var year = Fazhi.Web.Kernel.ChinaTime.Now(TimeProvider.System).Year;
        var (first, third) = ($"WH{year}CF01", $"WH{year}CF03");
        await page.GotoAsync($"/hotline?ticket={third}");
        var suggested = page.Locator("#duplicate-list tbody tr", new() { HasText = first });
        (await suggested.InnerTextAsync()).ShouldContain("同社区");
        await page.Locator($"#into-{first}").CheckAsync();
        await page.GetByLabel("并单理由").FillAsync("同一来电人第三次反映同一水果店店外经营");
        await page.ScreenshotAsync(new() { Path = Shot("hotline-merge.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "并单", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"已并入工单 {first}" }).WaitForAsync();
        (await page.Locator("#merge").InnerTextAsync()).ShouldContain("同一来电人第三次反映同一水果店店外经营");
        await page.GotoAsync($"/hotline?ticket={first}");
        var merged = await page.Locator("#merge").InnerTextAsync();
        merged.ShouldContain($"WH{year}CF02");
        merged.ShouldContain(third);
        await page.ScreenshotAsync(new() { Path = Shot("hotline-merged.png"), FullPage = true });

        // A ticket naming a shop by its short name shows the shop's inspections and penalties by department.
        await page.GotoAsync($"/hotline?ticket=WH{year}QY01");
        var enterprise = await page.Locator("#enterprise-list").InnerTextAsync();
        enterprise.ShouldContain("环翠区正阳水果店");
        enterprise.ShouldContain("行政");
        await page.Locator("#ticket-detail").ScreenshotAsync(new() { Path = Shot("hotline-enterprise.png") });
        await page.GotoAsync("/hotline/own");
        (await page.Locator("#own-list tbody tr").CountAsync()).ShouldBeGreaterThan(3);
        await page.ScreenshotAsync(new() { Path = Shot("hotline-own.png"), FullPage = true });
        await page.GotoAsync("/hotline/stats");
        (await page.Locator("#heat-vocabulary").InnerTextAsync()).ShouldStartWith("执法事项清单领域（研判标注");
        (await page.Locator("#figures").InnerTextAsync()).ShouldNotContain("\t%");
        await page.ScreenshotAsync(new() { Path = Shot("hotline-stats.png"), FullPage = true });
    }
}
