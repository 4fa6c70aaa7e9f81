using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Modules.Legality.Domain;
using Fazhi.Web.Modules.Legality.Features.Actions;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Legality.Features;

/// <summary>示例数据 for 环翠区's 合同履约, 重大行政决策 and 法律顾问 pages, made through the services (timers, numbers and
/// records are real): a filed contract with a paid node, an overdue one and a breach; this year's 目录 with one decision
/// published and one waiting for its legality review; advisers of each kind with the communities they serve.</summary>
internal sealed class LegalityPracticeDemoData(FazhiDb db, ReviewService reviews, DocumentService documents, ContractService contracts, DecisionService decisions,
    AdviserService advisers) : IDemoDataSource
{
    private const string Market = "371002-SCJG", Urban = "371002-ZHZF";

    public async Task<bool> IsSeededAsync(CancellationToken ct) => await db.Set<LegalAdviser>().ForSystemJob().AnyAsync(ct);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!await db.OrgUnits.ForSystemJob().AnyAsync(o => o.Code == Market, ct))
            return;
        var today = reviews.Today;
        DateOnly Ago(int days) => today.AddDays(-days);

        // 合同: reviewed, filed, a paid node, an overdue node, a breach.
        var c = await documents.RegisterContractAsync(new ContractRequest("机关事业单位合同", "HC-SJ-2026-031", "环翠区农贸市场快检室运营服务合同", "威海某检测技术有限公司",
            460_000m, Ago(100), Ago(100).AddYears(1).AddDays(-1), "服务标准、检测频次、考核扣款、违约责任", Market, Ago(110)), true, ct);
        var mid = c.ReviewMatterId!.Value;
        await reviews.ActAsync(mid, MatterAction.Receive, new MatterActionRequest(On: Ago(109)), ct);
        await reviews.ActAsync(mid, MatterAction.Assign, new MatterActionRequest(On: Ago(109), Reviewer: "huancui-fzsh"), ct);
        await reviews.ActAsync(mid, MatterAction.IssueOpinion, new MatterActionRequest(On: Ago(105), Conclusion: "合法"), ct);
        await contracts.FileAsync(c.Id, Ago(98), Ago(101), ct);
        var paid = await contracts.AddMilestoneAsync(c.Id, new MilestoneRequest("付款节点", "首期服务费", Ago(70), 115_000m, null), ct);
        await contracts.CompleteMilestoneAsync(c.Id, paid.Milestones.Single().Id, new CompleteMilestoneRequest(Ago(68), "已支付"), ct);
        await contracts.AddMilestoneAsync(c.Id, new MilestoneRequest("履行节点", "季度检测报告报送", Ago(8), null, null), ct);
        await contracts.AddMilestoneAsync(c.Id, new MilestoneRequest("付款节点", "第二期服务费", today.AddDays(20), 115_000m, null), ct);
        await contracts.RecordBreachAsync(c.Id, new BreachRequest(Ago(40), "第六条", "快检室连续3日未按约定频次开展蔬菜农残检测", "书面催告并按第九条扣减服务费2000元"), ct);

        // 重大行政决策: this year's 目录, adopted and published; one decision through every step, one awaiting its review.
        var catalog = await decisions.CreateCatalogAsync(new CatalogRequest(today.Year, null, "371002"), ct);
        var parking = await decisions.AddDecisionAsync(catalog.Id, new DecisionRequest("环翠区城区公共停车设施收费标准调整", "调整城区路内及公共停车场收费标准", Urban), ct);
        var old = await decisions.AddDecisionAsync(catalog.Id, new DecisionRequest("环翠区老旧小区改造三年行动方案", "2027—2029年老旧小区改造计划及资金安排", "371002001"), ct);
        await decisions.CatalogStepAsync(catalog.Id, "adopt", new CatalogStepRequest(Ago(90), "区政府第5次常务会议（经区委同意）"), ct);
        await decisions.CatalogStepAsync(catalog.Id, "publish", new CatalogStepRequest(Ago(88), null), ct);
        await decisions.StepAsync(parking.Id, "record", new DecisionStepRequest(Ago(80), "公众参与", "区政府网站公开征求意见30日，收到意见26条，采纳9条；召开价格听证会", 30), ct);
        await decisions.StepAsync(parking.Id, "record", new DecisionStepRequest(Ago(60), "专家论证", "邀请交通规划、价格领域专家5人论证，形成论证报告"), ct);
        await decisions.StepAsync(parking.Id, "record", new DecisionStepRequest(Ago(58), "风险评估", "社会稳定风险评估：低风险"), ct);
        var p = await decisions.StepAsync(parking.Id, "submit-for-review", new DecisionStepRequest(Ago(55)), ct);
        await reviews.ActAsync(p.ReviewMatterId!.Value, MatterAction.Receive, new MatterActionRequest(On: Ago(54)), ct);
        await reviews.ActAsync(p.ReviewMatterId!.Value, MatterAction.Assign, new MatterActionRequest(On: Ago(54), Reviewer: "huancui-fzsh", Advisers: "王教授"), ct);
        await reviews.ActAsync(p.ReviewMatterId!.Value, MatterAction.IssueOpinion, new MatterActionRequest(On: Ago(47), Conclusion: "合法"), ct);
        await decisions.StepAsync(parking.Id, "decide", new DecisionStepRequest(Ago(40), Meeting: "区政府第11次常务会议"), ct);
        await decisions.StepAsync(parking.Id, "publish", new DecisionStepRequest(Ago(35), Record: "区政府网站、《威海日报》公布并附政策解读"), ct);
        await decisions.StepAsync(old.Id, "record", new DecisionStepRequest(Ago(20), "公众参与", "入户问卷及街道座谈会3场，公开征求意见30日", 30), ct);

        // 法律顾问: the demo communities (the Kernel's one list, added where missing), community advisers covering most of
        // them, a 政府法律顾问, a 公职律师, their work and evaluation.
        await DemoCommunities.EnsureAsync(db, ct);
        var communities = DemoCommunities.All.Select(c => c.Code).ToArray();
        var start = new DateOnly(today.Year - 1, 1, 1);
        await advisers.RegisterAsync(new AdviserRequest("村（社区）法律顾问", "刘律师", "山东海汇律师事务所", null, start, null, "371002001", [communities[0], communities[1]]), ct);
        await advisers.RegisterAsync(new AdviserRequest("村（社区）法律顾问", "陈律师", "山东威海某律师事务所", null, start, null, "371002002", [communities[2], communities[3]]), ct);
        await advisers.RegisterAsync(new AdviserRequest("村（社区）法律顾问", "赵律师", "山东威海某律师事务所", null, start, null, "371002003", [communities[4]]), ct);
        var gov = await advisers.RegisterAsync(new AdviserRequest("政府法律顾问", "王教授", "山东大学（威海）法学院", null, start, new DateOnly(today.Year + 1, 12, 31), "371002"), ct);
        var lawyer = await advisers.RegisterAsync(new AdviserRequest("公职律师", "孙律师", "环翠区司法局", null, start, null, "371002-SFJ"), ct);
        await advisers.RecordWorkAsync(gov.Id, new AdviserWorkRequest("法律意见书", Ago(50), "关于城区停车收费调整方案的法律意见书"), ct);
        await advisers.RecordWorkAsync(gov.Id, new AdviserWorkRequest("审查合同", Ago(30), "环翠区海洋生物医药产业园项目投资合同"), ct);
        await advisers.RecordWorkAsync(lawyer.Id, new AdviserWorkRequest("法律意见书", Ago(15), "关于鲸园街道征收补偿争议的法律意见书", "371002001"), ct);
        await advisers.RecordWorkAsync(lawyer.Id, new AdviserWorkRequest("诉讼代理", Ago(12), "某公司诉环翠区人民政府行政协议纠纷", "371002", "威海市中级人民法院", $"（{today.Year}）鲁10行初17号"), ct);
        await advisers.EvaluateAsync(gov.Id, new AdviserEvaluationRequest(today.Year - 1, "优秀", "全年出具法律意见书12件，列席常务会议8次"), ct);
    }
}
