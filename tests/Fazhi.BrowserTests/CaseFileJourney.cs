using Fazhi.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

/// <summary>
/// 收到申请 → 补正 → 受理 → 答复通知书签发并送达 → 听证 → 决定 → 决定书签发 → 送达 → 归档, as 环翠区司法局's
/// 复议科 would do it (issue 15 §3/§4); screenshots in artifacts/screenshots/recon-file-*.png.
/// </summary>
public sealed class CaseFileJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    private static async Task ActAsync(IPage page, string name, Func<ILocator, Task> fill)
    {
        var form = page.Locator($"aside details:has(> summary:text-is('{name}'))");
        await form.Locator("summary").ClickAsync();
        await fill(form);
        await form.GetByRole(AriaRole.Button, new() { Name = name is "受理" or "作出决定" or "延期" ? "直接办理" : "确定" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已" + name }).WaitForAsync();
    }

    private static async Task GenerateAsync(IPage page, string title)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"生成《{title}》" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"已生成《{title}》草稿" }).WaitForAsync();
    }

    private static async Task IssueAsync(IPage page, string title, string on)
    {
        var row = page.Locator("#documents tr", new() { HasText = title }).Filter(new() { HasText = "草稿" });
        // The direct 签发 (the row also offers 呈报签发 to the leader's desk).
        var direct = row.Locator("details", new() { Has = page.Locator("summary", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^签发$") }) });
        await direct.Locator("summary").ClickAsync();
        await direct.GetByLabel("签发日期").FillAsync(on);
        await direct.GetByLabel("签发人").FillAsync("王局长");
        await direct.GetByRole(AriaRole.Button, new() { Name = "签发并取文号" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"《{title}》已签发" }).WaitForAsync();
    }

    private static async Task ServeAsync(IPage page, string document, string party, string addressee, string method, string served, string? tracking = null)
    {
        var form = page.Locator("#service-form");
        if (!await form.IsVisibleAsync())
            await page.Locator("details:has(#service-form) > summary").ClickAsync();
        await form.GetByLabel("文书").SelectOptionAsync(new SelectOptionValue { Label = document });
        await form.GetByLabel("受送达人身份").SelectOptionAsync(party);
        await form.GetByLabel("受送达人", new() { Exact = true }).FillAsync(addressee);
        await form.GetByLabel("送达方式").SelectOptionAsync(method);
        if (tracking is not null)
            await form.GetByLabel("邮件号（邮寄）").FillAsync(tracking);
        await form.GetByLabel("送出日期").FillAsync(served);
        await form.GetByLabel("送达日期").FillAsync(served);
        await form.GetByRole(AriaRole.Button, new() { Name = "登记送达" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已登记送达" }).WaitForAsync();
    }

    [Fact]
    public async Task Intake_correct_accept_reply_hear_decide_issue_serve_and_archive()
    {
        var page = await app.LoginAsync("huancui", FazhiFactory.DemoPassword);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "收到申请" }).ClickAsync();
        await page.GetByLabel("申请人", new() { Exact = true }).FillAsync("周某某");
        await page.GetByLabel("证件号码").FillAsync("11010519491231002X");
        await page.GetByLabel("联系电话").FillAsync("13812345678");
        await page.GetByLabel("被申请人").SelectOptionAsync(new SelectOptionValue { Label = "环翠区市场监督管理局" });
        await page.GetByLabel("申请事项").FillAsync("请求撤销环市监罚〔2024〕66号行政处罚决定");
        await page.GetByLabel("行政行为作出日期").FillAsync("2024-04-01");
        await page.GetByLabel("知道该行为日期").FillAsync("2024-04-02");
        await page.GetByLabel("收到时间").FillAsync("2024-05-06T09:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记并编号" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已登记，案号" }).WaitForAsync();

        // 补正 (第三十一条): the notice lists everything at once; it is generated, issued and served on the applicant.
        await ActAsync(page, "通知补正", async f =>
        {
            await f.GetByLabel("通知日期", new() { Exact = true }).FillAsync("2024-05-07");
            await f.GetByLabel("申请人收到通知日期").FillAsync("2024-05-08");
            await f.GetByLabel("需补正的全部事项").FillAsync("一、申请人身份证明复印件；二、被申请复议的行政处罚决定书复印件。");
        });
        await GenerateAsync(page, "行政复议申请补正通知书");
        await IssueAsync(page, "行政复议申请补正通知书", "2024-05-07");
        await ActAsync(page, "收到补正材料", f => f.GetByLabel("收到补正材料日期").FillAsync("2024-05-09"));
        await ActAsync(page, "受理", f => f.GetByLabel("受理日期").FillAsync("2024-05-10"));
        await GenerateAsync(page, "行政复议受理通知书");
        await IssueAsync(page, "行政复议受理通知书", "2024-05-10");

        // 答复: the notice served on the respondent starts its ten working days (第四十八条).
        await GenerateAsync(page, "行政复议答复通知书");
        await IssueAsync(page, "行政复议答复通知书", "2024-05-10");
        await ServeAsync(page, "行政复议答复通知书（环翠复答〔2024〕1号）", "被申请人", "威海市环翠区市场监督管理局", "直接送达", "2024-05-13");
        (await page.Locator("#deadlines").InnerTextAsync()).ShouldContain("2024-05-27");
        await page.ScreenshotAsync(new() { Path = Shot("recon-file-reply-served.png"), FullPage = true });
        await ActAsync(page, "收到答复", f => f.GetByLabel("收到答复日期").FillAsync("2024-05-20"));

        // 听证 (第五十条): one host, two panelists, a clerk; a single panelist is refused.
        await page.Locator("details:has(#hearing-form) > summary").ClickAsync();
        var hearing = page.Locator("#hearing-form");
        await hearing.GetByLabel("通知日期").FillAsync("2024-05-20");
        await hearing.GetByLabel("听证日期").FillAsync("2024-05-30");
        await hearing.GetByLabel("地点").FillAsync("环翠区司法局行政复议听证室");
        await hearing.GetByLabel("拟听证事项").FillAsync("罚款数额是否适当");
        await hearing.GetByLabel("主持人").FillAsync("张主持");
        await hearing.GetByLabel("听证员（两名以上，以“、”分隔）").FillAsync("李听证");
        await hearing.GetByLabel("记录员").FillAsync("赵记录");
        await hearing.GetByRole(AriaRole.Button, new() { Name = "保存听证" }).ClickAsync();
        await page.Locator(".field-error", new() { HasText = "两名以上" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("recon-file-hearing-refused.png"), FullPage = true });
        await page.Locator("#hearing-form").GetByLabel("听证员（两名以上，以“、”分隔）").FillAsync("李听证、王听证");
        await page.Locator("#hearing-form").GetByLabel("听证笔录").FillAsync("申请人陈述：罚款过重。被申请人答辩：处罚适当。");
        await page.Locator("#hearing-form").GetByRole(AriaRole.Button, new() { Name = "保存听证" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已保存听证信息" }).WaitForAsync();
        await ActAsync(page, "安排听证", async f =>
        {
            await f.GetByLabel("通知日期").FillAsync("2024-05-20");
            await f.GetByLabel("听证日期").FillAsync("2024-05-30");
        });
        await GenerateAsync(page, "行政复议听证通知书");
        await IssueAsync(page, "行政复议听证通知书", "2024-05-20");
        await ActAsync(page, "举行听证", async f =>
        {
            await f.GetByLabel("听证日期").FillAsync("2024-05-30");
            await f.GetByLabel("听证笔录摘要").FillAsync("已举行听证，笔录附卷");
        });
        await GenerateAsync(page, "行政复议听证笔录");

        // 行政复议委员会 (第五十二条): two members on the roster, the 提请 on a ground of the article, each member's opinion.
        var caseUrl = page.Url;
        await page.GotoAsync("/reconsideration/committee");
        foreach (var (name, affiliation) in new[] { ("旅程委员甲", "某大学法学院 教授"), ("旅程委员乙", "某律师事务所 律师") })
        {
            await page.GetByLabel("姓名").FillAsync(name);
            await page.GetByLabel("工作单位及职务").FillAsync(affiliation);
            await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"已登记委员“{name}”" }).WaitForAsync();
        }
        await page.ScreenshotAsync(new() { Path = Shot("recon-committee-roster.png"), FullPage = true });
        await page.GotoAsync(caseUrl);
        await ActAsync(page, "提请复议委员会咨询", async f =>
        {
            await f.GetByLabel("提请日期").FillAsync("2024-05-31");
            await f.GetByLabel("提请情形（第五十二条第二款）").SelectOptionAsync("专业性、技术性较强（第五十二条第二款第二项）");
            await f.GetByLabel("提请咨询的事项").FillAsync("过期食品货值的计算与从轻处罚的适用");
        });
        await ActAsync(page, "记录咨询意见", async f =>
        {
            await f.GetByLabel("咨询日期").FillAsync("2024-06-05");
            await f.GetByLabel("各委员的意见").FillAsync("旅程委员甲：罚款数额明显不当，建议变更\n旅程委员乙：同意变更");
            await f.GetByLabel("咨询意见结论").FillAsync("建议变更罚款数额");
        });
        (await page.Locator("#h-committee ~ table").InnerTextAsync()).ShouldContain("旅程委员乙");
        await page.Locator("#h-committee").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Shot("recon-committee-case.png"), FullPage = true });

        // 决定, with the 文书要素 the 决定书 needs; 签发 takes the number; the 决定书 served on the applicant is the case's 送达.
        await page.Locator("#h-writing ~ details > summary").ClickAsync();
        var writing = page.Locator("#writing-form");
        await writing.GetByLabel("申请人称", new() { Exact = true }).FillAsync("申请人初次违法且及时改正，罚款明显过重。");
        await writing.GetByLabel("被申请人称").FillAsync("事实清楚，程序合法，请求维持。");
        await writing.GetByLabel("经审理查明").FillAsync("2024年3月12日，申请人销售超过保质期的食品两件，货值金额四十元。");
        await writing.GetByLabel("本机关认为").FillAsync("被申请人未考虑申请人初次违法、及时改正的情节，罚款数额明显不当。");
        await writing.GetByRole(AriaRole.Button, new() { Name = "保存文书要素" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已保存文书要素" }).WaitForAsync();
        await ActAsync(page, "作出决定", async f =>
        {
            await f.GetByLabel("决定日期").FillAsync("2024-06-20");
            await f.GetByLabel("决定类型").SelectOptionAsync("变更");
            await f.GetByLabel("决定主文").FillAsync("罚款数额由五千元变更为二千元");
            await f.GetByLabel("决定方式（第六十一条）").SelectOptionAsync("负责人同意");
            await f.GetByLabel("同意的负责人或参加集体讨论的人员").FillAsync("张副区长");
            await f.GetByLabel("未完成答复或听取意见步骤的理由", new() { Exact = false }).FillAsync("已听证，书面审理");
        });
        await GenerateAsync(page, "行政复议决定书");
        await IssueAsync(page, "行政复议决定书", "2024-06-20");
        (await page.Locator("#documents").InnerTextAsync()).ShouldContain("环翠复决〔2024〕");
        await ServeAsync(page, "行政复议决定书（环翠复决〔2024〕1号）", "申请人", "周某某", "邮寄送达", "2024-06-24", "1100000000066");
        (await page.Locator("#services").InnerTextAsync()).ShouldContain("邮件号1100000000066");
        await page.ScreenshotAsync(new() { Path = Shot("recon-file-served.png"), FullPage = true });

        // 归档: a file number, the 卷内目录, and no more edits.
        await page.Locator("#archive-form").GetByLabel("归档日期").FillAsync("2024-06-28");
        await page.Locator("#archive-form").GetByRole(AriaRole.Button, new() { Name = "归档" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已归档，案卷号环翠复档〔2024〕" }).WaitForAsync();
        (await page.Locator("#documents").InnerTextAsync()).ShouldContain("卷内目录");
        (await page.Locator("#h-actions").CountAsync()).ShouldBe(0);   // no action form on an archived case
        await page.ScreenshotAsync(new() { Path = Shot("recon-file-archived.png"), FullPage = true });
    }
}
