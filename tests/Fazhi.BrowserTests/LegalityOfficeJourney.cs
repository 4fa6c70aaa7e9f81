using Fazhi.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

/// <summary>依法治区办 journeys: a 工作要点 task from its issue through a progress report and a 督办 to completion, and the
/// quarter's 考核 ranking, 年度报告 公开率 and 学法 totals on 环翠区's demo data.</summary>
public sealed class LegalityOfficeJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task A_task_is_issued_reported_on_supervised_and_completed()
    {
        var office = await app.LoginAsync("huancui-yfzq", FazhiFactory.DemoPassword);
        await office.GotoAsync("/legality/office/tasks");
        (await office.Locator("#task-list").InnerTextAsync()).ShouldContain("推进基层合法性审查全覆盖");
        await office.Locator("summary", new() { HasText = "下达任务" }).ClickAsync();
        await office.GetByLabel("任务内容").FillAsync("建立涉企行政检查备案和统计制度");
        await office.GetByLabel("牵头单位", new() { Exact = true }).Last.SelectOptionAsync("371002-SCJG");
        await office.GetByLabel("完成时限").FillAsync(DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await office.GetByRole(AriaRole.Button, new() { Name = "下达" }).ClickAsync();
        await office.GetByRole(AriaRole.Status).Filter(new() { HasText = "已下达工作要点任务" }).WaitForAsync();
        var url = office.Url;

        var dept = await app.LoginAsync("huancui-scjg", FazhiFactory.DemoPassword);
        await dept.GotoAsync(url);
        await dept.GetByLabel("完成进度（%）").FillAsync("40");
        await dept.GetByLabel("进展情况").FillAsync("备案制度草案已起草，正在征求意见");
        await dept.GetByRole(AriaRole.Button, new() { Name = "报告进展" }).ClickAsync();
        await dept.GetByRole(AriaRole.Status).Filter(new() { HasText = "已报告进展" }).WaitForAsync();
        (await dept.Locator("#supervise-form").CountAsync()).ShouldBe(0); // a department does not supervise

        await office.GotoAsync(url);
        await office.GetByLabel("督办要求").FillAsync("请于10个工作日内印发");
        await office.GetByRole(AriaRole.Button, new() { Name = "督办" }).ClickAsync();
        await office.GetByRole(AriaRole.Status).Filter(new() { HasText = "已督办" }).WaitForAsync();
        (await office.Locator("#task-supervisions").InnerTextAsync()).ShouldStartWith("1次");
        await office.ScreenshotAsync(new() { Path = Shot("legality-office-task-supervised.png"), FullPage = true });

        await dept.GotoAsync("/messages");
        (await dept.Locator("main").InnerTextAsync()).ShouldContain("督办通知：建立涉企行政检查备案和统计制度");
        await dept.GotoAsync(url);
        await dept.GetByLabel("完成情况").FillAsync("制度已印发施行");
        await dept.GetByRole(AriaRole.Button, new() { Name = "报告完成" }).ClickAsync();
        await dept.GetByRole(AriaRole.Status).Filter(new() { HasText = "已报告完成" }).WaitForAsync();
        (await dept.Locator("#task-status").InnerTextAsync()).ShouldBe("已完成");
        (await dept.Locator("#entries").InnerTextAsync()).ShouldContain("督办");
        await dept.ScreenshotAsync(new() { Path = Shot("legality-office-task-done.png"), FullPage = true });

        await office.GotoAsync("/legality/office/tasks?status=supervised");
        (await office.Locator("#task-list").InnerTextAsync()).ShouldContain("建立涉企行政检查备案和统计制度");
        await office.ScreenshotAsync(new() { Path = Shot("legality-office-tasks.png"), FullPage = true });
    }

    [Fact]
    public async Task The_quarters_ranking_reports_and_study_show_the_demo_years_numbers()
    {
        var office = await app.LoginAsync("huancui-yfzq", FazhiFactory.DemoPassword);
        await office.GotoAsync("/legality/office/assessment");
        (await office.Locator("#ranking tbody tr").CountAsync()).ShouldBe(7);
        (await office.Locator("#ranking-chart").CountAsync()).ShouldBe(1);
        await office.Locator("#ranking tbody tr").First.Locator("a").ClickAsync();
        (await office.Locator("#scores").InnerTextAsync()).ShouldContain("依法科学民主决策");
        await office.GotoAsync("/legality/office/assessment");
        await office.ScreenshotAsync(new() { Path = Shot("legality-office-ranking.png"), FullPage = true });

        await office.GotoAsync("/legality/office/reports");
        (await office.Locator("#publication-rate").InnerTextAsync()).ShouldBe("100.00%");
        // 述法 filtered by 单位 (chosen by name) and 年度.
        await office.Locator("#law-org").SelectOptionAsync("371002-SCJG");
        await office.Locator("#law-year").FillAsync(DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime).Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await office.Locator("#law-report-filter").GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        var units = await office.Locator("#law-reports tbody td:nth-child(2)").AllInnerTextsAsync();
        units.Count.ShouldBeGreaterThan(0);
        units.ShouldAllBe(u => u == "环翠区市场监督管理局");
        await office.ScreenshotAsync(new() { Path = Shot("legality-office-reports.png"), FullPage = true });

        await office.GotoAsync("/legality/study");
        (await office.Locator("#cumulative").InnerTextAsync()).ShouldContain("任前法律知识考试场次");
        await office.GetByLabel("普法规划期").SelectOptionAsync("七五");
        await office.GetByRole(AriaRole.Button, new() { Name = "切换" }).ClickAsync();
        (await office.Locator("h2#h-cum").InnerTextAsync()).ShouldContain("七五普法");
        await office.ScreenshotAsync(new() { Path = Shot("legality-office-study.png"), FullPage = true });

        await office.GotoAsync("/legality/office/inspections");
        (await office.Locator("#inspection-list").InnerTextAsync()).ShouldContain("街道法治建设实地督察");
        await office.GotoAsync("/legality/office/meetings");
        (await office.Locator("#meeting-list").InnerTextAsync()).ShouldContain("已列为任务");
        await office.ScreenshotAsync(new() { Path = Shot("legality-office-meetings.png"), FullPage = true });
    }

    [Fact]
    public async Task An_indicator_is_edited_and_a_supervision_notice_is_issued_on_an_overdue_task()
    {
        var office = await app.LoginAsync("huancui-yfzq", FazhiFactory.DemoPassword);
        await office.GotoAsync("/legality/office/assessment");
        await office.Locator("#edit-indicators").ClickAsync();
        (await office.Locator("#indicator-list tbody tr").CountAsync()).ShouldBe(6);
        (await office.Locator("#indicator-totals").InnerTextAsync()).ShouldContain("部门 100 分");
        var row = office.Locator("#indicator-list tbody tr", new() { HasText = "法治宣传教育" });
        await row.Locator("summary", new() { HasText = "修改" }).ClickAsync();
        (await row.GetByLabel("指标名称").IsDisabledAsync()).ShouldBeTrue(); // scored: the name and 分值 stay as scored
        await row.GetByLabel("佐证材料要求").FillAsync("学法记录、普法活动照片、普法责任清单");
        await row.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await office.GetByRole(AriaRole.Status).Filter(new() { HasText = "已修改考核指标“法治宣传教育”" }).WaitForAsync();
        (await office.Locator("#indicator-list").InnerTextAsync()).ShouldContain("普法责任清单");

        await office.Locator("#add-indicator summary").ClickAsync();
        await office.Locator("#a-name").FillAsync("依法科学民主决策");
        await office.Locator("#a-max").FillAsync("5");
        await office.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
        (await office.Locator("#add-indicator .field-error").First.InnerTextAsync()).ShouldContain("已有名为“依法科学民主决策”的指标");
        await office.ScreenshotAsync(new() { Path = Shot("legality-office-indicators.png"), FullPage = true });

        await office.GotoAsync("/legality/office/tasks?status=overdue");
        await office.Locator("#task-list a", new() { HasText = "建设法治文化阵地" }).ClickAsync();
        await office.GetByLabel("督办要求").First.FillAsync("请于5个工作日内完成“八五”普法总结验收并报送总结报告");
        await office.GetByRole(AriaRole.Button, new() { Name = "印发督办通知" }).ClickAsync();
        await office.GetByRole(AriaRole.Status).Filter(new() { HasText = "已印发督办通知" }).WaitForAsync();
        (await office.Locator("#notices").InnerTextAsync()).ShouldContain("依法治办督〔");
        (await office.Locator("#entries").InnerTextAsync()).ShouldContain("印发督办通知");
        var href = await office.Locator("#notices a", new() { HasText = "下载" }).GetAttributeAsync("href");
        var docx = await office.APIRequest.GetAsync(href!);
        docx.Status.ShouldBe(200);
        await File.WriteAllBytesAsync(Shot("legality-dubantongzhi.docx"), await docx.BodyAsync());
        await office.ScreenshotAsync(new() { Path = Shot("legality-office-notice.png"), FullPage = true });
    }
}
