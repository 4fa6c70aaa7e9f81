using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Modules.Legality.Data;
using Fazhi.Web.Modules.Legality.Domain.Office;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Legality.Features.Office;

/// <summary>示例数据 for 环翠区's 依法治区办: the year's 工作要点 (done, open, overdue and 督办), an indicator set scored each
/// quarter so far, meetings whose decisions became tasks, two 督察 with rectification, 述法, last year's reports all
/// published, and 学法 since the 七五 period began. Made through <see cref="OfficeService"/> so timers and numbers are real.</summary>
internal sealed class OfficeDemoData(FazhiDb db, OfficeService office, SupervisionNoticeService notices, IConfiguration config) : IDemoDataSource
{
    /// <summary>Off with <c>Fazhi:DemoLegalityOfficeData=false</c> (the integration tests craft their own records).</summary>
    public const string Switch = "Fazhi:DemoLegalityOfficeData";

    private const string Bureau = "371002-SFJ";
    private static readonly string[] Units = ["371002-SCJG", "371002-ZHZF", "371002-STHJ", "371002001", "371002002", "371002003", Bureau];

    public async Task<bool> IsSeededAsync(CancellationToken ct) =>
        !config.GetValue(Switch, true) || await db.PlanTasks().ForSystemJob().AnyAsync(ct) || await db.StudySessions().ForSystemJob().AnyAsync(ct);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!await db.OrgUnits.ForSystemJob().AnyAsync(o => o.Code == Bureau, ct))
            return;
        var today = office.Today;
        var year = today.Year;
        DateOnly Ago(int days) => today.AddDays(-days);

        // 工作要点: one per unit, at different stages.
        string[] titles =
        [
            "推进“双随机、一公开”监管与信用监管深度融合", "开展城市管理领域轻微违法行为免罚清单动态调整", "落实生态环境行政执法“三项制度”",
            "完成街道综合行政执法事项目录梳理", "推进基层合法性审查全覆盖", "建设法治文化阵地，开展“八五”普法总结验收", "组织行政执法人员年度法律知识培训考试",
        ];
        var tasks = new List<PlanTask>();
        for (var n = 0; n < titles.Length; n++)
            tasks.Add(await office.CreateTaskAsync(new TaskRequest(titles[n], "依法治区委员会年度工作要点第" + (n + 1) + "项", Units[n],
                n < 3 ? Ago(60 - n * 10) : n < 5 ? today.AddDays(20 + n * 10) : Ago(15), year, Bureau), ct));
        await office.TaskEntryAsync(tasks[0].Id, PlanTaskEntryKind.Report, new TaskEntryRequest(Ago(90), "已完成抽查事项清单梳理", 60), ct);
        await office.TaskEntryAsync(tasks[0].Id, PlanTaskEntryKind.Completion, new TaskEntryRequest(Ago(62), "联合抽查计划已发布并实施"), ct);
        await office.TaskEntryAsync(tasks[1].Id, PlanTaskEntryKind.Completion, new TaskEntryRequest(Ago(55), "免罚清单第二版已公布"), ct);
        await office.TaskEntryAsync(tasks[2].Id, PlanTaskEntryKind.Report, new TaskEntryRequest(Ago(45), "执法全过程记录设备已配备，重大执法决定法制审核目录待印发", 70), ct);
        await office.TaskEntryAsync(tasks[2].Id, PlanTaskEntryKind.Supervision, new TaskEntryRequest(Ago(35), "请于10个工作日内印发重大执法决定法制审核目录并报送"), ct);
        await notices.IssueAsync(tasks[2].Id, new NoticeRequest(Ago(25), "请于5个工作日内印发重大执法决定法制审核目录，逾期未完成的说明原因"), ct);
        await office.TaskEntryAsync(tasks[3].Id, PlanTaskEntryKind.Report, new TaskEntryRequest(Ago(20), "已梳理执法事项212项，正在征求意见", 50), ct);
        await office.TaskEntryAsync(tasks[5].Id, PlanTaskEntryKind.Supervision, new TaskEntryRequest(Ago(5), "任务已超期，请说明原因并限期完成"), ct);
        await office.TaskEntryAsync(tasks[6].Id, PlanTaskEntryKind.Completion, new TaskEntryRequest(Ago(16), "全区执法人员参考412人，合格408人"), ct);

        // 考核: the set and each quarter so far.
        (string Name, decimal Max, string Evidence)[] set =
        [
            ("党政主要负责人履行推进法治建设第一责任人职责", 15, "述法材料、专题研究法治建设的会议纪要"),
            ("依法科学民主决策", 20, "重大行政决策目录、合法性审查意见书"),
            ("规范性文件管理", 15, "备案登记表、清理结果"),
            ("严格规范公正文明执法", 25, "执法案卷评查结果、三项制度落实台账"),
            ("行政复议和应诉", 15, "复议纠错、负责人出庭应诉台账"),
            ("法治宣传教育", 10, "学法记录、普法活动照片"),
        ];
        var indicators = new List<AssessmentIndicator>();
        foreach (var (name, max, evidence) in set)
            indicators.Add(await office.AddIndicatorAsync(new IndicatorRequest(year, name, max, evidence, null, Bureau), ct));
        var lastQuarter = Rules.OfficeRules.QuarterOf(today);
        for (var q = 1; q <= lastQuarter; q++)
            for (var u = 0; u < Units.Length; u++)
            {
                var lost = (u * 7 + q * 3) % 9; // a spread of deductions, the same on every run
                await office.ScoreAsync(new ScoreRequest(Units[u], year, q,
                    [.. indicators.Select((i, k) => new ScoreLine(i.Id, Math.Max(0, i.MaxScore - (k == u % indicators.Count ? lost : (lost + k) % 3)), k == u % indicators.Count && lost > 0 ? "台账不完整，扣分" : null))],
                    Rules.OfficeRules.QuarterRange(year, q).To < today ? Rules.OfficeRules.QuarterRange(year, q).To : today), ct);
            }

        // 会议: the committee's annual meeting and an office meeting, one decision made a task.
        var m = await office.CreateMeetingAsync(new MeetingRequest("依法治区委员会会议", $"中共威海市环翠区委全面依法治区委员会{year}年第一次会议", new DateOnly(year, 3, 12), "区委第一会议室",
            "委员会主任、副主任，委员会成员单位主要负责人", "一、传达学习上级全面依法治国工作会议精神；二、审议年度工作要点；三、审议法治建设考核办法",
            ["审议通过年度依法治区工作要点", "审议通过法治建设考核实施办法，按季度考核", "各成员单位于4月底前报送法治政府建设年度报告并公开"], Bureau), ct);
        await office.CreateMeetingAsync(new MeetingRequest("委员会办公室会议", $"区委依法治区办{year}年第二季度工作调度会", new DateOnly(year, 6, 18), "区司法局三楼会议室",
            "依法治区办主任、副主任，各协调小组联络员", "通报第一季度考核情况；调度工作要点推进情况", ["对进度滞后的任务实行挂牌督办"], Bureau), ct);
        await office.DecisionToTaskAsync(m.Id, 3, new TaskRequest(null, null, Bureau, new DateOnly(year, 4, 30), year, Bureau), ct);

        // 督察: a written one closed, an on-site one with an open item.
        var w = await office.CreateInspectionAsync(new InspectionRequest("书面督察", "行政执法“三项制度”落实情况书面督察", "371002-ZHZF", Ago(80),
            "部分执法案卷未附法制审核意见；执法公示信息更新不及时", [new RectificationInput("补齐重大执法决定法制审核意见", Ago(50)), new RectificationInput("执法信息7日内公示", Ago(50))], Bureau), ct);
        await office.RectifyAsync(w.Id, 1, new RectifyRequest(Ago(55), "已补齐12件案卷的法制审核意见"), ct);
        await office.RectifyAsync(w.Id, 2, new RectifyRequest(Ago(52), "已建立公示台账，专人更新"), ct);
        var s = await office.CreateInspectionAsync(new InspectionRequest("实地督察", "街道法治建设实地督察", "371002002", Ago(25),
            "合法性审查台账不规范；法律顾问参与决策记录缺失", [new RectificationInput("规范合法性审查台账", Ago(5)), new RectificationInput("建立法律顾问参与决策记录制度", today.AddDays(20))], Bureau), ct);
        await office.RectifyAsync(s.Id, 1, new RectifyRequest(Ago(8), "已按统一格式重建台账"), ct);

        // 述法
        await office.AddLawReportAsync(new LawReportRequest("371002-SCJG", "张某", "区市场监管局局长", "区委全会述法", new DateOnly(year, 1, 20), "好"), ct);
        await office.AddLawReportAsync(new LawReportRequest("371002001", "李某", "鲸园街道党工委书记", "年终述职述法", new DateOnly(year, 1, 22), "较好"), ct);
        await office.AddLawReportAsync(new LawReportRequest("371002-ZHZF", "王某", "区综合行政执法局局长", "区政府常务会议述法", Ago(30), null), ct);

        // 年度报告: last year's, every unit's published ([001]: 100%).
        await office.CollectReportsAsync(year - 1, Bureau, ct);
        var k2 = 0;
        foreach (var code in Units)
        {
            k2++;
            await office.RecordReportAsync(new AnnualReportRequest(code, year - 1, new DateOnly(year, 2, 10 + k2), new DateOnly(year, 3, 10 + k2),
                $"http://www.huancui.gov.cn/fzzfjs/{year - 1}/{code}.html"), ct);
        }

        // 学法: since the 七五 period (2016), a few sessions each year.
        for (var y = 2016; y <= year; y++)
        {
            var last = y == year ? today : new DateOnly(y, 12, 31);
            var dates = new[] { new DateOnly(y, 3, 15), new DateOnly(y, 6, 20), new DateOnly(y, 9, 18), new DateOnly(y, 11, 26) }.Where(d => d <= last).ToArray();
            if (dates.Length > 0)
                await office.AddStudyAsync(new StudyRequest("常务会学法", $"区政府常务会议学法：{(y < 2021 ? "宪法" : "行政复议法")}专题", dates[0], 18, null, "区政府领导班子成员", Bureau), ct);
            if (dates.Length > 1)
                await office.AddStudyAsync(new StudyRequest("理论中心组学法", "区委理论学习中心组学习习近平法治思想", dates[1], 25, null, null, Bureau), ct);
            if (dates.Length > 2)
                await office.AddStudyAsync(new StudyRequest("任前法律知识考试", $"{y}年拟任领导干部任前法律知识考试", dates[2], 20 + y % 7, 20 + y % 7, null, Bureau), ct);
            if (dates.Length > 3)
                await office.AddStudyAsync(new StudyRequest("学法用法考试", $"{y}年度国家工作人员学法用法考试", dates[3], 1300 + (y % 5) * 40, 1290 + (y % 5) * 38, null, Bureau), ct);
        }
    }
}
