using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Modules.Legality.Data;
using Fazhi.Web.Modules.Legality.Domain;
using Fazhi.Web.Modules.Legality.Features.Actions;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Legality.Features;

/// <summary>示例数据 for 环翠区: submissions of every kind at every step (with comments and adoption answers), 规范性文件
/// published and filed (one late), and contracts, all made through the services so that numbers, timers and events are real.</summary>
internal sealed class LegalityDemoData(FazhiDb db, ReviewService reviews, DocumentService documents) : IDemoDataSource
{
    private const string Market = "371002-SCJG", Urban = "371002-ZHZF", Town = "371002001", Reviewer = "huancui-fzsh";

    public async Task<bool> IsSeededAsync(CancellationToken ct) =>
        await db.Matters().ForSystemJob().AnyAsync(ct) || await db.NormativeDocuments().ForSystemJob().AnyAsync(ct);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!await db.OrgUnits.ForSystemJob().AnyAsync(o => o.Code == Market, ct))
            return;
        var today = reviews.Today;
        DateOnly Ago(int days) => today.AddDays(-days);

        // Submissions of each kind, at different steps.
        await MatterAsync("合同", "环翠区智慧市场监管平台运维服务合同", Market, Ago(40), closeAfter: true, comments: [("第八条", "违约责任约定不对等，建议增加乙方逾期履行的违约金条款"), ("第十二条", "争议解决方式应明确约定由甲方所在地人民法院管辖")], ct);
        await MatterAsync("重大行政决策", "环翠区城区停车收费调整方案", Urban, Ago(35), closeAfter: true, comments: [("全文", "应当履行公众参与程序，向社会公开征求意见不少于30日"), ("第三部分", "收费标准调整须经价格主管部门成本监审")], ct);
        await MatterAsync("常务会/专题会议题", "关于支持个体工商户发展的若干措施（议题）", Market, Ago(20), closeAfter: false, comments: [("第二条", "“一律不予处罚”的表述超出法定权限，建议修改为“依法从轻或者不予处罚”")], ct, meeting: "政府常务会议");
        await MatterAsync("常务会/专题会议题", "关于环翠区老旧小区改造资金筹措方案的议题", Town, Ago(16), closeAfter: true, comments: [("第三部分", "居民出资比例应经业主大会依法表决，不宜在方案中直接确定")], ct, meeting: "政府常务会议");
        await MatterAsync("常务会/专题会议题", "海洋生物医药产业园招商引资专题会议议题", Market, Ago(9), closeAfter: true, comments: [], ct, meeting: "专题会议");
        await MatterAsync("常务会/专题会议题", "城区停车设施建设专题会议议题", Urban, Ago(4), closeAfter: null, comments: null, ct, meeting: "专题会议");
        await MatterAsync("公平竞争审查", "环翠区促进文旅消费奖励办法", Town, Ago(12), closeAfter: false, comments: [("第四条", "限定本地企业参与的条款排除、限制竞争，应删除")], ct);
        await MatterAsync("区领导批办件", "关于鲸园街道老旧小区改造补偿争议的处理意见", Town, Ago(6), closeAfter: null, comments: [], ct);
        await MatterAsync("征求意见", "威海市生活垃圾分类管理条例（草案征求意见稿）", Urban, Ago(3), closeAfter: null, comments: null, ct, source: "立法调研征求意见（法规规章草案）");
        await MatterAsync("征求意见", "关于《山东省市场监管领域轻微违法行为不予处罚清单（修订征求意见稿）》的意见", Market, Ago(14), closeAfter: true, comments: [], ct, source: "配合部门征求意见");
        await MatterAsync("征求意见", "威海市行政规范性文件管理办法（征求意见稿）", Town, Ago(25), closeAfter: true, comments: [("第十二条", "建议明确镇街起草的规范性文件由区司法局审核")], ct, source: "上级规范性文件征求意见");

        // 规范性文件: one through the whole lifecycle, one filed late, one only planned.
        var full = await documents.PlanAsync(new PlanRequest("环翠区市场主体信用分级分类监管办法", "部门规范性文件", today.Year, Market), ct);
        await DocumentThroughAsync(full.Id, Ago(60), Ago(30), filedLate: false, ct);
        var late = await documents.PlanAsync(new PlanRequest("环翠区城市管理领域轻微违法行为免罚清单", "政府规范性文件", today.Year, Urban), ct);
        await DocumentThroughAsync(late.Id, Ago(120), Ago(85), filedLate: true, ct);
        await documents.PlanAsync(new PlanRequest("环翠区街道综合执法事项目录管理办法", "政府规范性文件", today.Month == 12 ? today.Year + 1 : today.Year, Town), ct);

        // 合同 register: one filed, one under review.
        var c = await documents.RegisterContractAsync(new ContractRequest("招商引资合同", "HC-ZS-2026-001", "环翠区海洋生物医药产业园项目投资合同", "威海某生物科技有限公司",
            120_000_000m, Ago(30), Ago(30).AddYears(10), "投资强度不低于每亩300万元；约定达产期限；违约返还土地及奖励", Market, Ago(30), KeyProject: true, KeyProjectName: "海洋生物医药产业园"), true, ct);
        await ReviewThroughAsync(c.ReviewMatterId!.Value, Ago(29), [("第六条", "奖励兑现条件应与投资强度、税收贡献挂钩并明确核查方式")], close: true, ct);
        await documents.FileContractAsync(c.Id, Ago(10), Ago(12), ct);
        await documents.RegisterContractAsync(new ContractRequest("机关事业单位合同", "HC-ZF-2026-017", "环翠区城区环卫作业服务采购合同", "威海某环境服务有限公司",
            3_680_000m, Ago(5), Ago(5).AddYears(1).AddDays(-1), "作业标准、考核扣款、履约保证金", Urban), true, ct);
        await documents.RegisterContractAsync(new ContractRequest("招商引资合同", "HC-ZS-2026-004", "环翠区精密医疗器械产业项目投资协议", "威海某医疗器械有限公司",
            260_000_000m, Ago(8), Ago(8).AddYears(8), "固定资产投资不低于2.6亿元；两年内投产；未达约定条件的返还奖励资金", Market, Ago(8), KeyProject: true, KeyProjectName: "精密医疗器械产业项目"), true, ct);
    }

    private async Task MatterAsync(string kind, string title, string unit, DateOnly submitted, bool? closeAfter, IReadOnlyList<(string, string)>? comments, CancellationToken ct,
        string? meeting = null, string? source = null)
    {
        var m = await reviews.SubmitAsync(new SubmitRequest(kind, title, "请予合法性审查", null, submitted, unit) { MeetingType = meeting, CommentSource = source }, ct);
        if (comments is null)
            return;
        await ReviewThroughAsync(m.Id, submitted.AddDays(1), comments, closeAfter, ct);
    }

    /// <summary>收件 the next day, assign, comment; when <paramref name="close"/> is not null the opinion is issued and (true)
    /// answered and closed.</summary>
    private async Task ReviewThroughAsync(long id, DateOnly received, IReadOnlyList<(string Clause, string Text)> comments, bool? close, CancellationToken ct)
    {
        await reviews.ActAsync(id, MatterAction.Receive, new MatterActionRequest(On: received), ct);
        await reviews.ActAsync(id, MatterAction.Assign, new MatterActionRequest(On: received, Reviewer: Reviewer, Advisers: "山东某律师事务所 王律师"), ct);
        foreach (var (clause, text) in comments)
            await reviews.ActAsync(id, MatterAction.AddComment, new MatterActionRequest(On: received.AddDays(2), Clause: clause, Text: text), ct);
        if (close is null)
            return;
        await reviews.ActAsync(id, MatterAction.IssueOpinion, new MatterActionRequest(On: received.AddDays(3), Conclusion: comments.Count == 0 ? "合法" : "修改后合法"), ct);
        if (close != true)
            return;
        if (comments.Count > 0)
            await reviews.ActAsync(id, MatterAction.RecordAdoption, new MatterActionRequest(On: received.AddDays(6),
                Answers: [.. comments.Select((_, i) => new AdoptionInput(i + 1, i == comments.Count - 1 && comments.Count > 1 ? "部分采纳" : "采纳", i == comments.Count - 1 && comments.Count > 1 ? "已增加违约金条款，比例按行业惯例" : null))]), ct);
        await reviews.ActAsync(id, MatterAction.Close, new MatterActionRequest(On: received.AddDays(7)), ct);
    }

    private async Task DocumentThroughAsync(long id, DateOnly start, DateOnly published, bool filedLate, CancellationToken ct)
    {
        await documents.StepAsync(id, "start-drafting", new DocumentStepRequest(On: start), ct);
        var d = await documents.StepAsync(id, "submit-for-review", new DocumentStepRequest(On: start.AddDays(5), Summary: "起草说明、制定依据、征求意见情况"), ct);
        await ReviewThroughAsync(d.ReviewMatterId!.Value, start.AddDays(6), [("第三条", "分级标准应当公开，并明确信用修复的途径")], close: true, ct);
        await documents.StepAsync(id, "deliberate", new DocumentStepRequest(On: published.AddDays(-3), Meeting: d.Level == DocumentLevel.Government ? "区政府常务会议" : "局务会议"), ct);
        var number = d.Level == DocumentLevel.Government ? $"威环政规〔{published.Year}〕1号" : $"威环市监规〔{published.Year}〕2号";
        await documents.StepAsync(id, "publish", new DocumentStepRequest(On: published, DocumentNumber: number), ct);
        await documents.StepAsync(id, "file-with-government", new DocumentStepRequest(On: published.AddDays(filedLate ? 45 : 10)), ct);
        if (d.Level == DocumentLevel.Government)
            await documents.StepAsync(id, "file-with-congress", new DocumentStepRequest(On: published.AddDays(filedLate ? 45 : 10)), ct);
    }
}
