using Fazhi.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

/// <summary>收到申请 → 受理 → 听取意见 → 决定 → 统计页面, as 环翠区司法局's reconsideration staff would do it.</summary>
public sealed class ReconsiderationJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    private static ILocator Action(IPage page, string name) => page.Locator($"details:has(> summary:text-is('{name}'))");

    private static async Task DoAsync(IPage page, string name, Func<ILocator, Task> fill)
    {
        var form = Action(page, name);
        await form.Locator("summary").ClickAsync();
        await fill(form);
        // 受理、延期、决定 may be submitted for approval or done directly; the journey does them directly.
        await form.GetByRole(AriaRole.Button, new() { Name = name is "受理" or "作出决定" or "延期" ? "直接办理" : "确定" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已" + name }).WaitForAsync();
    }

    [Fact]
    public async Task Intake_accept_hear_decide_and_see_it_in_the_figures()
    {
        var page = await app.LoginAsync("huancui", FazhiFactory.DemoPassword);
        // The class's other journeys also register 2024 cases: the figure must grow by this one.
        await page.GotoAsync("/reconsideration/stats?org=371002&from=2024-01-01&to=2024-12-31");
        var before = int.Parse(await page.Locator(".card", new() { HasText = "收到申请" }).Locator(".num").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "收到申请" }).ClickAsync();
        await page.GetByLabel("申请人", new() { Exact = true }).FillAsync("刘某某");
        await page.GetByLabel("证件号码").FillAsync("11010519491231002X");
        await page.GetByLabel("联系电话").FillAsync("13812345678");
        await page.GetByLabel("被申请人").SelectOptionAsync(new SelectOptionValue { Label = "环翠区市场监督管理局" });
        await page.GetByLabel("申请事项").FillAsync("请求撤销环翠市监罚〔2024〕88号行政处罚决定");
        await page.GetByLabel("行政行为作出日期").FillAsync("2024-09-10");
        await page.GetByLabel("知道该行为日期").FillAsync("2024-09-12");
        await page.GetByLabel("收到时间").FillAsync("2024-09-27T09:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记并编号" }).ClickAsync();

        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已登记，案号" }).WaitForAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("环翠复〔2024〕");
        (await page.Locator("#deadlines").InnerTextAsync()).ShouldContain("2024-10-10");

        await DoAsync(page, "联系当事人", f => f.GetByLabel("联系时间").FillAsync("2024-09-27T09:35"));
        await DoAsync(page, "受理", f => f.GetByLabel("受理日期").FillAsync("2024-09-30"));
        await DoAsync(page, "听取意见", async f =>
        {
            await f.GetByLabel("日期").FillAsync("2024-10-09");
            await f.GetByLabel("方式").SelectOptionAsync("电话");
            await f.GetByLabel("听取的意见").FillAsync("申请人认为处罚畸重");
        });
        (await page.Locator("#deadlines").InnerTextAsync()).ShouldContain("自2024-09-30受理起60日");
        await DoAsync(page, "作出决定", async f =>
        {
            await f.GetByLabel("决定日期").FillAsync("2024-10-25");
            await f.GetByLabel("决定类型").SelectOptionAsync("撤销");
            await f.GetByLabel("决定方式（第六十一条）").SelectOptionAsync("负责人同意");
            await f.GetByLabel("同意的负责人或参加集体讨论的人员").FillAsync("张副区长");
            await f.GetByLabel("未完成答复或听取意见步骤的理由", new() { Exact = false }).FillAsync("被申请人书面表示不再答复，书面审理");
        });
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("已决定");
        (await page.Locator("#events").InnerTextAsync()).ShouldContain("申请人认为处罚畸重");
        await page.GetByRole(AriaRole.Button, new() { Name = "生成《行政复议决定书》" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已生成《行政复议决定书》草稿" }).WaitForAsync();
        (await page.Locator("#documents").InnerTextAsync()).ShouldContain("草稿");   // the 文号 is taken at 签发
        await page.ScreenshotAsync(new() { Path = Shot("recon-case.png"), FullPage = true });
        await page.GotoAsync("/");
        (await page.Locator(".cards").InnerTextAsync()).ShouldContain("在办复议案件");
        await page.ScreenshotAsync(new() { Path = Shot("home-recon.png") });
        await page.GoBackAsync();

        await page.Locator("nav a[href='/reconsideration/stats']").ClickAsync();
        await page.GotoAsync("/reconsideration/stats?org=371002&from=2024-01-01&to=2024-12-31");
        var figures = await page.Locator("#figures").InnerTextAsync();
        figures.ShouldContain("收到申请");
        (await page.Locator(".card", new() { HasText = "收到申请" }).Locator(".num").InnerTextAsync()).ShouldBe((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await page.Locator(".card", new() { HasText = "纠错率" }).Locator(".num").InnerTextAsync()).ShouldBe("100.00%"); // the only decided case was revoked
        (await page.Locator(".card", new() { HasText = "1小时速联快调率" }).Locator(".num").InnerTextAsync()).ShouldEndWith("%");
        await page.ScreenshotAsync(new() { Path = Shot("recon-stats.png"), FullPage = true });

        await page.GotoAsync("/reconsideration/cases");
        (await page.Locator("#case-list").InnerTextAsync()).ShouldContain("刘某某");
        (await page.Locator("#case-list").InnerTextAsync()).ShouldContain("1101**********002X");
        await page.ScreenshotAsync(new() { Path = Shot("recon-cases.png") });
    }

    /// <summary>Issue 15: a 受理 past the review period is refused naming 第三十条 and goes through on its last day; a field is
    /// corrected with its reason (shown in the history); a duplicate registration is voided (number kept, marked void).</summary>
    [Fact]
    public async Task A_limit_is_refused_then_met_a_correction_is_recorded_and_a_duplicate_is_voided()
    {
        var page = await app.LoginAsync("huancui", FazhiFactory.DemoPassword);
        async Task<string> RegisterAsync(string applicant)
        {
            await page.GotoAsync("/reconsideration/new");
            await page.GetByLabel("申请人", new() { Exact = true }).FillAsync(applicant);
            await page.GetByLabel("被申请人").SelectOptionAsync(new SelectOptionValue { Label = "环翠区市场监督管理局" });
            await page.GetByLabel("申请事项").FillAsync("请求撤销行政处罚决定");
            await page.GetByLabel("被申请的行政行为").FillAsync("行政处罚决定");
            await page.GetByLabel("行政行为文号").FillAsync("环市监罚〔2024〕66号");
            await page.GetByLabel("行政行为作出日期").FillAsync("2024-09-10");
            await page.GetByLabel("知道该行为日期").FillAsync("2024-09-12");
            await page.GetByLabel("收到时间").FillAsync("2024-09-27T17:50");
            await page.GetByRole(AriaRole.Button, new() { Name = "登记并编号" }).ClickAsync();
            return page.Url;
        }
        var first = await RegisterAsync("期限某某");
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已登记，案号" }).WaitForAsync();
        (await page.Locator("#contested-act").InnerTextAsync()).ShouldContain("环市监罚〔2024〕66号");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("2024-09-29 09:50"); // 17:50 Friday → the 调休 Sunday

        var accept = Action(page, "受理");
        await accept.Locator("summary").ClickAsync();
        await accept.GetByLabel("受理日期").FillAsync("2024-10-11");
        await accept.GetByRole(AriaRole.Button, new() { Name = "直接办理" }).ClickAsync();
        var refusal = await Action(page, "受理").Locator(".field-error").First.InnerTextAsync();
        refusal.ShouldContain("第三十条第三款");
        refusal.ShouldContain("2024-10-10");
        await page.ScreenshotAsync(new() { Path = Shot("recon-limit-refused.png"), FullPage = true });
        // The form stays open with the refusal beside the date: correct it and submit again.
        await Action(page, "受理").GetByLabel("受理日期").FillAsync("2024-10-10");
        await Action(page, "受理").GetByRole(AriaRole.Button, new() { Name = "直接办理" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已受理" }).WaitForAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("审理中");

        await DoAsync(page, "修改案件信息", async f =>
        {
            await f.GetByLabel("修改项目").SelectOptionAsync("申请人");
            await f.GetByLabel("修改为", new() { Exact = false }).FillAsync("期限某");
            await f.GetByLabel("修改理由").FillAsync("身份证姓名为期限某");
        });
        (await page.Locator("#events").InnerTextAsync()).ShouldContain("申请人：“期限某某”改为“期限某”；理由：身份证姓名为期限某");
        await page.ScreenshotAsync(new() { Path = Shot("recon-corrected.png"), FullPage = true });

        // The same application registered again (another form): flagged, confirmed, then voided as a duplicate.
        await RegisterAsync("期限某");
        (await page.Locator("main form").InnerTextAsync()).ShouldContain("30日内已登记同一申请人");
        await page.ScreenshotAsync(new() { Path = Shot("recon-duplicate-warning.png"), FullPage = true });
        await page.GetByLabel("确认不是重复申请").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "登记并编号" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已登记，案号" }).WaitForAsync();
        var number = await page.Locator("h1").InnerTextAsync();
        await DoAsync(page, "作废", f => f.GetByLabel("作废理由").FillAsync("与前案为同一申请，重复登记"));
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("已作废");
        (await page.Locator("h1").InnerTextAsync()).ShouldContain(number.Split(' ')[0]);
        (await page.Locator("#void-reason").InnerTextAsync()).ShouldContain("重复登记");
        (await page.Locator("#h-actions").CountAsync()).ShouldBe(0);
        await page.ScreenshotAsync(new() { Path = Shot("recon-voided.png"), FullPage = true });
        first.ShouldNotBe(page.Url);
    }

    [Fact]
    public async Task A_ledger_is_checked_row_by_row_then_imported()
    {
        var page = await app.LoginAsync("huancui", FazhiFactory.DemoPassword);
        await page.GotoAsync("/reconsideration/import");
        const string header = "案号,申请人,被申请人,申请事项,收到日期,受理日期,结案日期,结案方式,决定类型,终止原因\n";
        var bad = header + "浏览器台账〔2023〕1号,张某,环翠区市场监督管理局,不服处罚,2023/2/30,,,,,\n" +
                  "浏览器台账〔2023〕2号,李某,某某局,不服处罚,2023-03-01,2023-03-02,2023-04-01,决定,维持,\n";
        await page.GetByLabel("台账文件").SetInputFilesAsync(new FilePayload { Name = "台账.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(bad) });
        await page.GetByRole(AriaRole.Button, new() { Name = "预检" }).ClickAsync();
        var result = await page.Locator("#import-result").InnerTextAsync();
        result.ShouldContain("发现 2 处错误");
        result.ShouldContain("“2023/2/30”这一天不存在");
        result.ShouldContain("“某某局”未能对应到本级或下级的行政机关");
        await page.ScreenshotAsync(new() { Path = Shot("recon-import-errors.png"), FullPage = true });

        var good = header + "浏览器台账〔2023〕1号,张某,环翠区市场监督管理局,不服处罚,2023年3月1日,2023-03-02,2023-04-01,决定,撤销,\n";
        await page.GetByLabel("台账文件").SetInputFilesAsync(new FilePayload { Name = "台账.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(good) });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        (await page.Locator("#import-result").InnerTextAsync()).ShouldContain("新增 1 件");
    }

    [Fact]
    public async Task A_wrong_id_number_is_explained_on_the_form()
    {
        var page = await app.LoginAsync("huancui", FazhiFactory.DemoPassword);
        await page.GotoAsync("/reconsideration/new");
        await page.GetByLabel("申请人", new() { Exact = true }).FillAsync("错号码");
        await page.GetByLabel("证件号码").FillAsync("110105194912310021");
        await page.GetByLabel("被申请人").SelectOptionAsync(new SelectOptionValue { Label = "环翠区市场监督管理局" });
        await page.GetByLabel("申请事项").FillAsync("测试");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记并编号" }).ClickAsync();
        (await page.Locator("main form").InnerTextAsync()).ShouldContain("身份证号校验位不正确");
        (await page.GetByLabel("申请人", new() { Exact = true }).InputValueAsync()).ShouldBe("错号码"); // nothing typed is lost
    }
}
