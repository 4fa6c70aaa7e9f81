using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Domain;
using Fazhi.Web.Modules.Legality.Rules;

namespace Fazhi.UnitTests.Modules.Legality;

/// <summary>Contract reminders at their boundaries (节点, 到期提醒 N days before the end, 届满; cancelled once the contract is
/// ended) and the 重大行政决策 steps: 公众参与 of 30 days (条例第十五条) and 集体讨论决定 refused before the legality review's
/// opinion or with a 不合法 one (条例第二十五条).</summary>
public sealed class ContractAndDecisionRulesTests
{
    private static readonly DateTime Now = new(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Contract Signed() => new()
    {
        Code = "C-1", Name = "测试合同", Counterparty = "某公司", StartOn = new(2024, 1, 1), EndOn = new(2024, 12, 31), SignedOn = new(2024, 1, 5), Status = ContractStatus.Filed,
    };

    [Fact]
    public void The_expiry_reminder_is_due_the_day_before_the_reminder_day_and_an_unsigned_contract_has_none()
    {
        var c = Signed();
        var specs = ContractDeadlines.Compute(c, 30).ToDictionary(d => d.Kind);
        specs[ContractDeadlines.ExpiryReminder].DueOn.ShouldBe(new DateOnly(2024, 11, 30)); // the job fires it on 12-01, 30 days before 12-31
        specs[ContractDeadlines.End].DueOn.ShouldBe(new DateOnly(2024, 12, 31));
        var unsigned = Signed();
        unsigned.SignedOn = null;
        ContractDeadlines.Compute(unsigned, 30).ShouldBeEmpty();
    }

    [Fact]
    public void A_node_is_open_until_done_on_its_date_and_ending_the_contract_cancels_every_timer()
    {
        var c = Signed();
        c.AddMilestone(MilestoneKind.Payment, "首期款", new DateOnly(2024, 3, 29), 1000m, null).Id = 7;
        Should.Throw<FazhiValidationException>(() => c.AddMilestone(MilestoneKind.Payment, "尾款", new DateOnly(2025, 1, 1), 1000m, null)).Errors.Keys.ShouldContain("dueOn");
        Should.Throw<FazhiValidationException>(() => c.AddMilestone(MilestoneKind.Payment, "尾款", new DateOnly(2024, 12, 31), null, null)).Errors.Keys.ShouldContain("amount");
        c.AddMilestone(MilestoneKind.Milestone, "验收", new DateOnly(2024, 12, 31), null, null).Id = 8; // the last day of the term is inside it
        var node = ContractDeadlines.Compute(c, 30).Single(d => d.Kind == "milestone:7");
        (node.DueOn, node.Status).ShouldBe((new DateOnly(2024, 3, 29), DeadlineStatus.Open));
        node.Explanation.ShouldStartWith("合同约定2024年3月29日支付1,000.00元"); // amounts with thousands separators, as on paper
        c.CompleteMilestone(7, new DateOnly(2024, 3, 29), null);
        ContractDeadlines.Compute(c, 30).Single(d => d.Kind == "milestone:7").Status.ShouldBe(DeadlineStatus.Completed);
        Should.Throw<ConflictException>(() => c.End(completed: true, new DateOnly(2024, 12, 31))).Message.ShouldContain("验收");
        c.CompleteMilestone(8, new DateOnly(2024, 12, 31), null);
        c.End(completed: true, new DateOnly(2024, 12, 31));
        c.Status.ShouldBe(ContractStatus.Completed);
        ContractDeadlines.Compute(c, 30).ShouldBeEmpty();
    }

    private static (MajorDecision Decision, ReviewMatter Review) Decision()
    {
        var d = new MajorDecision { Title = "停车收费调整", Status = DecisionStatus.InProgress };
        var m = new ReviewMatter { Title = d.Title, Kind = MatterKind.MajorDecision, SubmittedOn = new(2024, 3, 1), Status = MatterStatus.Submitted };
        return (d, m);
    }

    [Fact]
    public void Public_participation_of_29_days_needs_its_reason_30_days_do_not()
    {
        var (d, _) = Decision();
        Should.Throw<FazhiValidationException>(() => DecisionRules.CheckPreparatory(d, DecisionStep.PublicParticipation, 29, false, "网上征求意见")).Errors.Keys.ShouldContain("days");
        DecisionRules.CheckPreparatory(d, DecisionStep.PublicParticipation, 29, false, "情况紧急，缩短征求意见期限");
        DecisionRules.CheckPreparatory(d, DecisionStep.PublicParticipation, 30, false, "网上征求意见");
        Should.Throw<FazhiValidationException>(() => DecisionRules.CheckPreparatory(d, DecisionStep.ExpertArgument, null, true, " ")).Errors.Keys.ShouldContain("record");
        Should.Throw<FazhiValidationException>(() => DecisionRules.CheckPreparatory(d, DecisionStep.LegalityReview, null, false, "x"));
    }

    [Fact]
    public void Collective_decision_is_refused_without_an_issued_lawful_opinion_naming_article_25()
    {
        var (d, m) = Decision();
        foreach (var s in DecisionRules.Preparatory)
            d.Steps.Add(new DecisionStepRecord { Step = s, On = new(2024, 3, 1), Record = "已开展", Actor = "t" });
        Should.Throw<ConflictException>(() => DecisionRules.Decide(d, null, "常务会议", new(2024, 4, 1), "t", Now)).Message.ShouldContain("第二十五条");
        Should.Throw<ConflictException>(() => DecisionRules.Decide(d, m, "常务会议", new(2024, 4, 1), "t", Now)).Message.ShouldContain("尚未出具审核意见");
        m.Receive(new(2024, 3, 1), "环翠法审〔2024〕1号", "t", Now);
        m.Assign("r", null, new(2024, 3, 1), "t", Now);
        m.IssueOpinion(OpinionConclusion.Unlawful, "环翠法审意〔2024〕1号", new(2024, 3, 8), "t", Now);
        Should.Throw<ConflictException>(() => DecisionRules.Decide(d, m, "常务会议", new(2024, 4, 1), "t", Now)).Message.ShouldContain("不合法");
        m.Conclusion = OpinionConclusion.Lawful;
        Should.Throw<FazhiValidationException>(() => DecisionRules.Decide(d, m, "常务会议", new(2024, 3, 7), "t", Now)).Errors.Keys.ShouldContain("on");
        DecisionRules.Decide(d, m, "区政府第9次常务会议", new(2024, 3, 8), "t", Now); // the day of the opinion is allowed
        d.Status.ShouldBe(DecisionStatus.Decided);
        DecisionRules.MissingBeforeDecision(new MajorDecision { Title = "x" }, m).Count.ShouldBe(3);
    }
}
