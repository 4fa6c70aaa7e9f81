using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Features;
using Fazhi.Web.Modules.Reconsideration.Features.Actions;
using Fazhi.Web.Modules.Reconsideration.Rules;
using static Fazhi.UnitTests.Modules.Reconsideration.CaseBuilder;

namespace Fazhi.UnitTests.Modules.Reconsideration;

/// <summary>A case record that can be corrected but not duplicated (issue 15 §2) and 行政应诉 (§5).</summary>
public sealed class CaseRecordTests
{
    private static readonly HolidayCalendar Calendar = new(HolidayFile.LoadEmbedded());

    private static void Act(ReconCase c, CaseAction action, ActionRequest r, string on = "2024-03-28") =>
        CaseActions.Find(action)!.Apply(c, r, new ActionContext(D(on), Now, "huancui", Calendar, new ReconRulesOptions()));

    [Fact]
    public void An_amendment_changes_one_field_and_records_old_new_and_reason()
    {
        var c = In(CaseStatus.Hearing);
        Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.Amend, new ActionRequest(Field: "申请人", Value: "张叁"))).Errors.ShouldContainKey("reason");
        Act(c, CaseAction.Amend, new ActionRequest(Field: "申请人", Value: "张叁", Reason: "登记时姓名录错"));
        c.ApplicantName.ShouldBe("张叁");
        c.Events[^1].Action.ShouldBe(CaseAction.Amend);
        c.Events[^1].Note.ShouldBe("申请人：“张三”改为“张叁”；理由：登记时姓名录错");
        Act(c, CaseAction.Amend, new ActionRequest(Field: "行政行为作出日期", Value: "2024-02-20", Reason: "按处罚决定书更正"));
        c.ActDate.ShouldBe(D("2024-02-20"));
        Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.Amend, new ActionRequest(Field: "行政行为作出日期", Value: "2024-13-01", Reason: "x"))).Errors.ShouldContainKey("value");
        Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.Amend, new ActionRequest(Field: "案号", Value: "x", Reason: "x"))).Errors.ShouldContainKey("field");
        Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.Amend, new ActionRequest(Field: "申请人", Value: "张叁", Reason: "x"))).Message.ShouldContain("未改变");
        Act(c, CaseAction.Amend, new ActionRequest(Field: "涉及不动产", Value: "是", Reason: "涉及房屋征收"));
        c.RealProperty.ShouldBeTrue();
    }

    [Fact]
    public void A_void_case_keeps_its_number_and_allows_nothing_further()
    {
        var c = In(CaseStatus.Hearing);
        Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.Void, new ActionRequest())).Errors.ShouldContainKey("reason");
        Act(c, CaseAction.Void, new ActionRequest(Reason: "重复登记，与环翠复〔2024〕2号为同一申请"));
        c.Status.ShouldBe(CaseStatus.Voided);
        c.CaseNumber.ShouldBe("环翠复〔2024〕1号");
        c.VoidReason!.ShouldContain("重复登记");
        CaseStateMachine.AllowedFrom(CaseStatus.Voided).ShouldBeEmpty();
        CaseStateMachine.IsOpen(CaseStatus.Voided).ShouldBeFalse();
        Should.Throw<ConflictException>(() => Act(c, CaseAction.Amend, new ActionRequest(Field: "申请人", Value: "李四", Reason: "x")));
        ReconDeadlines.Compute(c, Calendar, new ReconRulesOptions(), D("2024-03-28")).ShouldAllBe(d => d.Status == DeadlineStatus.Completed);
    }

    [Fact]
    public void Parties_follow_articles_15_to_17()
    {
        var c = In(CaseStatus.Hearing);
        ActionRequest Party(string role, string name, string? actsFor = null, string? auth = null) => new(PartyRole: role, PartyName: name, ActsFor: actsFor, Authorisation: auth);
        Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.AddParty, Party("代表人", "张三"))).Message.ShouldContain("第十五条"); // only one applicant
        Act(c, CaseAction.AddParty, Party("申请人", "李四"));
        Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.AddParty, Party("代表人", "王五"))).Message.ShouldContain("不是本案申请人");
        Act(c, CaseAction.AddParty, Party("代表人", "张三"));
        Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.AddParty, Party("第三人", "李四"))).Message.ShouldContain("第十六条");
        Act(c, CaseAction.AddParty, Party("第三人", "威海某建材有限公司"));
        Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.AddParty, Party("委托代理人", "赵律师", "张三"))).Errors.ShouldContainKey("authorisation");
        Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.AddParty, Party("委托代理人", "赵律师", "路人", "特别授权"))).Errors.ShouldContainKey("actsFor");
        Act(c, CaseAction.AddParty, Party("委托代理人", "赵律师", "张三", "特别授权：代为承认、放弃、变更复议请求，期限至结案"));
        Act(c, CaseAction.AddParty, Party("委托代理人", "钱律师", "张三", "一般授权"));
        Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.AddParty, Party("委托代理人", "孙律师", "张三", "一般授权"))).Message.ShouldContain("一至二名");
        Act(c, CaseAction.AddParty, Party("委托代理人", "周律师", "威海某建材有限公司", "一般授权"));
        c.Parties.Select(p => p.Role).ShouldBe([PartyRole.Applicant, PartyRole.Representative, PartyRole.ThirdParty, PartyRole.Agent, PartyRole.Agent, PartyRole.Agent]);
        Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.AddParty, new ActionRequest(PartyRole: "申请人", PartyName: "吴六", PartyIdNumber: "123"))).Errors.ShouldContainKey("partyIdNumber");
    }

    // ---- 行政应诉 (§5) ----------------------------------------------------------------------------------------------

    private static LitigationCase Suit(RulingKind kind, string served) => new()
    {
        Court = "环翠区人民法院", CourtCaseNumber = "（2024）鲁1002行初1号", Plaintiff = "张三", DefendantName = "环翠区市场监督管理局", Cause = "行政处罚",
        Instance = LitigationInstance.First, FiledOn = D("2024-06-01"), JudgmentKind = kind, JudgmentServedOn = D(served),
    };

    [Theory]
    // Judgment served 2024-09-20: 15 days to 10-05 (国庆) → 10-08. Ruling: 10 days to 09-30, a working day.
    [InlineData(RulingKind.Judgment, "2024-09-20", "2024-10-08")]
    [InlineData(RulingKind.Ruling, "2024-09-20", "2024-09-30")]
    // Judgment served 2025-01-13: 15 days to 01-28 (春节) → 02-05.
    [InlineData(RulingKind.Judgment, "2025-01-13", "2025-02-05")]
    [InlineData(RulingKind.Judgment, "2024-10-21", "2024-11-05")]
    public void The_appeal_period_is_fifteen_days_for_a_judgment_ten_for_a_ruling(RulingKind kind, string served, string due)
    {
        var suit = Suit(kind, served);
        var appeal = LitigationDeadlines.Compute(suit, Calendar).Single(d => d.Kind == LitigationRules.Appeal);
        appeal.DueOn.ShouldBe(D(due));
        appeal.Explanation.ShouldContain("第八十五条");
        appeal.Status.ShouldBe(DeadlineStatus.Open);
        suit.Appealed = true;
        LitigationDeadlines.Compute(suit, Calendar).Single(d => d.Kind == LitigationRules.Appeal).Status.ShouldBe(DeadlineStatus.Completed);
        suit.Instance = LitigationInstance.Second;
        LitigationDeadlines.Compute(suit, Calendar).ShouldNotContain(d => d.Kind == LitigationRules.Appeal);
    }

    [Fact]
    public void The_reconsideration_body_is_co_defendant_when_it_upheld_the_act()
    {
        LitigationRules.CoDefendantRequired(DecisionType.Uphold).ShouldBe(true);
        LitigationRules.CoDefendantRequired(DecisionType.Revoke).ShouldBe(false);
        LitigationRules.CoDefendantRequired(DecisionType.Vary).ShouldBe(false);
        LitigationRules.CoDefendantRequired(null).ShouldBeNull();
        LitigationRules.LossReasons.Code.ShouldStartWith("recon.");
        LitigationRules.LossReasons.Items.Select(i => i.Code).ShouldBeUnique();
    }
}
