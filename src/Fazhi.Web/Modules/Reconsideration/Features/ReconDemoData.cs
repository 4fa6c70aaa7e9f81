using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Modules.Reconsideration.Data;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Features.CaseFile;
using Fazhi.Web.Modules.Reconsideration.Features.Committee;
using Fazhi.Web.Modules.Reconsideration.Import;
using Fazhi.Web.Modules.Reconsideration.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Reconsideration.Features;

/// <summary>
/// 示例数据 of 行政复议 for 环翠区 (recon-more, issue 15): the 复议委员会 roster, a 被申请人 name remembered for ledger
/// imports, and cases taken through the real handlers (so every date passes the statute's checks and every timer is
/// derived): a case of three applicants with their 代表人, a 第三人 and an agent, heard by a panel and awaiting the
/// committee; a case decided after the committee's opinion, its 决定书 issued, served by post and archived; cases under
/// review, 不予受理 and withdrawn. Dates are counted back from today in working days. Off with
/// <c>Fazhi:DemoReconData=false</c>; a step the calendar refuses is logged and the rest goes on.
/// </summary>
internal sealed class ReconDemoData(FazhiDb db, IConfiguration config, ReconCaseService cases, CaseFileService caseFile, DocumentService documents,
    CommitteeService committee, RespondentAliasService aliases, CalendarService calendar, ILogger<ReconDemoData> log) : IDemoDataSource
{
    public const string Switch = "Fazhi:DemoReconData";
    private const string Bureau = "371002-SFJ";
    private const string Market = "371002-SCJG";
    private const string Enforcement = "371002-ZHZF";

    public async Task<bool> IsSeededAsync(CancellationToken ct) =>
        !config.GetValue(Switch, true) || await db.ReconCases().AnyAsync(ct) || await db.CommitteeMembers().AnyAsync(ct);

    private HolidayCalendar Cal => calendar.Current;

    private DateOnly Today => DateOnly.FromDateTime(ChinaTime.Now(db.Clock));

    /// <summary>The working day <paramref name="n"/> working days before today.</summary>
    private DateOnly Back(int n)
    {
        var d = Today;
        for (var i = 0; i < n; i++)
        {
            d = d.AddDays(-1);
            while (!Cal.IsWorkingDay(d))
                d = d.AddDays(-1);
        }
        return d;
    }

    private DateOnly W(DateOnly from, int n) => n == 0 ? from : Cal.AddWorkingDays(from, n);

    private static DateTime At(DateOnly d, int hour) => d.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Unspecified);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!config.GetValue(Switch, true))
            return;
        var bureau = await db.OrgUnits.FirstOrDefaultAsync(o => o.Code == Bureau, ct);
        if (bureau is null || !await db.OrgUnits.AnyAsync(o => o.Code == Market, ct))
            return;
        foreach (var (name, affiliation, field) in new[]
        {
            ("刘振华", "山东大学（威海）法学院 教授", "行政法"),
            ("丛海燕", "山东威海某律师事务所 律师", "行政诉讼"),
            ("于志强", "威海市环翠区人民政府办公室 副主任", "政府法制"),
            ("毕文静", "环翠区自然资源局 高级工程师", "土地、规划"),
            ("谷建民", "环翠区市场监督管理局 退休干部", "市场监管"),
        })
            await Step("委员", () => committee.AddAsync(new MemberRequest(name, affiliation, field, Bureau), ct));
        await Step("对应关系", async () => (object)await aliases.SaveAsync([new AliasRequest("区市场监管局", Market, Bureau), new AliasRequest("区城管执法局", Enforcement, Bureau)], ct));

        await ArchivedCaseAsync(ct);
        await GroupCaseAsync(ct);
        await Intake("于红梅", Market, "不服区市场监管局作出的环市监罚〔" + Today.Year + "〕" + 31 + "号行政处罚决定，请求撤销", Back(1), ct);
        var rejected = await Intake("周德胜", Enforcement, "请求撤销区综合行政执法局作出的责令限期拆除决定", Back(30), ct);
        if (rejected is not null)
            await Act(rejected.Id, CaseAction.Reject, new ActionRequest(On: W(rejected.ReceivedOn, 2), Reason: "申请人提出申请时已超过法定申请期限，且无正当理由（第二十条）"), ct);
        var withdrawn = await Intake("吴淑珍", Market, "不服区市场监管局作出的警告处罚，请求撤销", Back(40), ct);
        if (withdrawn is not null)
        {
            await Act(withdrawn.Id, CaseAction.Accept, new ActionRequest(On: W(withdrawn.ReceivedOn, 1), Procedure: "简易程序", SimplifiedGround: SimplifiedProcedure.Grounds[1]), ct);
            await Act(withdrawn.Id, CaseAction.Terminate, new ActionRequest(On: W(withdrawn.ReceivedOn, 12), TerminationReason: "撤回", Note: "被申请人主动撤销处罚，申请人撤回申请"), ct);
        }
    }

    /// <summary>Three applicants and their 代表人, a 第三人 and an agent; a hearing with its panel; the committee asked.</summary>
    private async Task GroupCaseAsync(CancellationToken ct)
    {
        var received = Back(18);
        var c = await Intake("张建国", Market, "不服区市场监管局作出的环市监罚〔" + received.Year + "〕" + 27 + "号行政处罚决定，请求撤销", received, ct, agent: "孙明");
        if (c is null)
            return;
        var id = c.Id;
        await Act(id, CaseAction.AddParty, new ActionRequest(PartyRole: "申请人", PartyName: "李秀英", PartyPhone: "13863101234"), ct);
        await Act(id, CaseAction.AddParty, new ActionRequest(PartyRole: "申请人", PartyName: "王海涛", PartyPhone: "13863105678"), ct);
        await Act(id, CaseAction.AddParty, new ActionRequest(PartyRole: "代表人", PartyName: "张建国"), ct);
        await Act(id, CaseAction.AddParty, new ActionRequest(PartyRole: "第三人", PartyName: "威海海港商贸有限公司"), ct);
        await Act(id, CaseAction.AddParty, new ActionRequest(PartyRole: "委托代理人", PartyName: "孙明", ActsFor: "张建国",
            Authorisation: "特别授权：代为提出、变更复议请求，参加听证，签收法律文书；期限至本案终结"), ct);
        await Act(id, CaseAction.Accept, new ActionRequest(On: W(received, 2)), ct);
        await Act(id, CaseAction.SendCopy, new ActionRequest(On: W(received, 3)), ct);
        await Act(id, CaseAction.RecordCopyReceived, new ActionRequest(On: W(received, 4)), ct);
        await Act(id, CaseAction.RecordReply, new ActionRequest(On: W(received, 11), Note: "被申请人提交书面答复及证据材料十二份"), ct);
        var notice = W(received, 12);
        var hearingOn = W(notice, 7);
        await Step("听证", () => caseFile.SaveHearingAsync(id, new HearingRequest(notice, hearingOn, "09:30", "环翠区司法局行政复议听证室",
            "被申请人认定的违法所得数额是否准确；罚款数额是否适当", "陈立新", "赵红、孙伟", "李娜",
            "申请人代表人张建国及其委托代理人孙明；被申请人委托代理人；第三人威海海港商贸有限公司", null), ct));
        await Act(id, CaseAction.ScheduleHearing, new ActionRequest(On: notice, HearingOn: hearingOn), ct);
        if (hearingOn <= Today)
        {
            await Act(id, CaseAction.HoldHearing, new ActionRequest(On: hearingOn, Note: "申请人陈述处罚过重，被申请人出示检查笔录，第三人发表意见"), ct);
            await Act(id, CaseAction.RequestConsultation, new ActionRequest(On: hearingOn,
                ConsultationGround: CommitteeRules.Grounds[0], Note: "三名申请人共同申请，涉及违法所得计算方法，案情疑难"), ct);
        }
    }

    /// <summary>Decided on the committee's opinion, the 决定书 issued, served by post, and archived.</summary>
    private async Task ArchivedCaseAsync(CancellationToken ct)
    {
        var received = Back(75);
        var c = await Intake("毕德胜", Market, "不服区市场监管局作出的环市监罚〔" + received.Year + "〕" + 12 + "号行政处罚决定，请求撤销", received, ct,
            id: "371002197003151234", phone: "13963101111");
        if (c is null)
            return;
        var id = c.Id;
        var accepted = W(received, 1);
        await Act(id, CaseAction.Accept, new ActionRequest(On: accepted), ct);
        await Act(id, CaseAction.SendCopy, new ActionRequest(On: W(accepted, 1)), ct);
        await Act(id, CaseAction.RecordCopyReceived, new ActionRequest(On: W(accepted, 2)), ct);
        await Act(id, CaseAction.RecordReply, new ActionRequest(On: W(accepted, 9), Note: "被申请人提交答复及证据"), ct);
        await Act(id, CaseAction.HearOpinion, new ActionRequest(On: W(accepted, 10), Mode: "当面", Note: "申请人认为系初次违法且及时改正，罚款过重"), ct);
        await Act(id, CaseAction.RequestConsultation, new ActionRequest(On: W(accepted, 11), ConsultationGround: CommitteeRules.Grounds[1], Note: "过期食品货值计算与从轻处罚的适用"), ct);
        await Act(id, CaseAction.RecordConsultation, new ActionRequest(On: W(accepted, 15),
            Opinions: "刘振华：处罚事实清楚，但未考虑初次违法、及时改正的情节，罚款数额明显不当\n丛海燕：同意变更罚款数额\n谷建民：货值金额计算无误，建议从轻",
            Conclusion: "建议变更罚款数额"), ct);
        await Step("文书要素", () => caseFile.SaveWritingAsync(id, new WritingRequest(null, "撤销被申请人作出的行政处罚决定",
            "申请人系初次违法，且已及时改正，罚款五千元明显过重。", "申请人销售超过保质期的食品，事实清楚，处罚程序合法。", null,
            "申请人在其经营的超市销售超过保质期的食品两件，货值金额四十元，被申请人处以罚款五千元。",
            "被申请人认定事实清楚、程序合法，但未考虑申请人初次违法、货值金额较小并及时改正的情节，罚款数额明显不当；行政复议委员会咨询意见亦同。", null, null), ct));
        var decided = W(accepted, 20);
        await Act(id, CaseAction.Decide, new ActionRequest(On: decided, DecisionType: "变更", DecisionMode: DecisionRules.LeaderAgreed, DecidedBy: "王局长",
            Gist: "罚款数额由五千元变更为二千元"), ct, approvedBy: "王局长");
        var draft = await Step("决定书", () => documents.GenerateAsync(id, DocumentKind.DecisionDraft, ct));
        if (draft is null)
            return;
        await Step("签发", () => documents.IssueAsync(draft.Id, new IssueRequest(decided, "王局长"), ct));
        await Step("送达", () => caseFile.RecordServiceAsync(id, new ServiceRequest(draft.Id, "申请人", "毕德胜", "邮寄送达", "1190012345678", null, null,
            decided, W(decided, 2), null, "申请人本人签收"), ct));
        await Step("送达被申请人", () => caseFile.RecordServiceAsync(id, new ServiceRequest(draft.Id, "被申请人", "威海市环翠区市场监督管理局", "直接送达", null, null, null,
            decided, W(decided, 1), null, null), ct));
        await Step("归档", () => caseFile.ArchiveAsync(id, new ArchiveRequest(W(decided, 10), 30, null), ct));
    }

    private async Task<ReconCase?> Intake(string applicant, string respondent, string matter, DateOnly received, CancellationToken ct,
        string? agent = null, string? id = null, string? phone = null) =>
        await Step("收到申请", () => cases.IntakeAsync(new IntakeRequest(applicant, "自然人", id, phone, agent, respondent, matter,
            received.AddDays(-20), received.AddDays(-18), "窗口", At(received, 10), Bureau, AcknowledgeDuplicate: true), ct));

    private Task<ReconCase?> Act(long id, CaseAction action, ActionRequest r, CancellationToken ct, string? approvedBy = null) =>
        Step(CaseStateMachine.NameOf(action), () => cases.ActAsync(id, action, r, ct, approvedBy));

    /// <summary>One step; a step the rules refuse (a holiday week moving a period) is logged and skipped.</summary>
    private async Task<T?> Step<T>(string what, Func<Task<T>> step) where T : class
    {
        try
        {
            return await step();
        }
        catch (Exception e) when (e is Kernel.Web.FazhiValidationException or Kernel.Web.ConflictException)
        {
            db.ChangeTracker.Clear();
            log.LogWarning("行政复议示例数据：{Step}未能完成：{Message}", what, e.Message);
            return null;
        }
    }
}
