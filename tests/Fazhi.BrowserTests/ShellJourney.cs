using Fazhi.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

/// <summary>The staff shell at 1366×768: 我的待办 on the home page, breadcrumbs, and a table wider than the screen
/// (案卷评查) that scrolls inside itself with its 操作 column (保存) fixed on the right.</summary>
public sealed class ShellJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task The_home_page_lists_the_work_and_the_review_table_keeps_its_save_button_on_screen()
    {
        var page = await app.LoginAsync("huancui", FazhiFactory.DemoPassword);
        var todo = page.Locator("#todo");
        (await todo.InnerTextAsync()).ShouldContain("我的待办");
        (await todo.Locator("a.card", new() { HasText = "预警待销号" }).CountAsync()).ShouldBe(1);
        await page.ScreenshotAsync(new() { Path = Shot("shell-home.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "抽样与案卷评查" }).ClickAsync();
        await page.Locator("a[href^='/enforcement/draw/']").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/enforcement/draw/", StringComparison.Ordinal));
        (await page.Locator("nav.sidebar a.active").InnerTextAsync()).ShouldBe("抽样与案卷评查");
        (await page.Locator("nav.crumbs").InnerTextAsync()).ShouldContain("行政执法监督 › 抽样与案卷评查 ›");

        var wrap = page.Locator("#sampled-wrap");
        var (scrollWidth, clientWidth) = (await wrap.EvaluateAsync<int>("e => e.scrollWidth"), await wrap.EvaluateAsync<int>("e => e.clientWidth"));
        scrollWidth.ShouldBeGreaterThan(clientWidth, "the review table is wider than the screen and scrolls inside its container");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(1366, "the page itself does not scroll sideways");

        var save = page.Locator("#sampled button", new() { HasText = "保存" }).First;
        await save.EvaluateAsync("b => b.closest('tr').scrollIntoView({ block: 'center' })");
        foreach (var left in new[] { "0", "e.scrollWidth / 2", "e.scrollWidth" })
        {
            await wrap.EvaluateAsync($"e => {{ e.scrollLeft = {left}; }}");
            var box = (await save.BoundingBoxAsync())!;
            box.X.ShouldBeGreaterThanOrEqualTo(0);
            (box.X + box.Width).ShouldBeLessThanOrEqualTo(1366, $"保存 at scrollLeft = {left}");
            (box.Y + box.Height).ShouldBeLessThanOrEqualTo(768);
            box.Y.ShouldBeGreaterThanOrEqualTo(0);
        }
        await wrap.EvaluateAsync("e => { e.scrollLeft = 0; }");
        await page.ScreenshotAsync(new() { Path = Shot("shell-draw.png") });

        await page.GotoAsync("/enforcement/catalogue");
        await page.ScreenshotAsync(new() { Path = Shot("shell-catalogue.png") });

        await page.Locator("header a.user").ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("个人中心");
        await page.ScreenshotAsync(new() { Path = Shot("shell-account.png") });

        // 接口文档 asks nothing of the internet and leads back to the app.
        var offsite = new List<string>();
        page.Request += (_, r) => { if (!r.Url.StartsWith(app.BaseUrl, StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) offsite.Add(r.Url); };
        await page.GotoAsync("/api/docs/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new() { Path = Shot("shell-api-docs.png") });
        offsite.ShouldBeEmpty();
        await page.GetByRole(AriaRole.Link, new() { Name = "返回 法治" }).ClickAsync();
        await page.WaitForURLAsync(url => url.TrimEnd('/') == app.BaseUrl);
    }
}
