using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Features;
using Fazhi.Web.Modules.Reconsideration.Features.Actions;
using Fazhi.Web.Modules.Reconsideration.Rules;
using static Fazhi.UnitTests.Modules.Reconsideration.CaseBuilder;

namespace Fazhi.UnitTests.Modules.Reconsideration;

/// <summary>The outer limits of the 2023 行政复议法 (issue 15 §1), each at its boundary — the day before, the day, the day
/// after — on the official calendar with 国庆 and 春节 and their 调休 days.</summary>
public sealed class LawLimitsTests
{
    private static readonly HolidayCalendar Calendar = new(HolidayFile.LoadEmbedded());
    private static readonly ReconRulesOptions Options = new();

    private static ActionContext At(string on) => new(D(on), Now, "huancui", Calendar, Options);

    private static void Act(ReconCase c, CaseAction action, ActionRequest r, string on) => CaseActions.Find(action)!.Apply(c, r, At(on));

    // ---- 第二十一条 ----------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("2019-10-10", false, "2024-10-09", true)]
    [InlineData("2019-10-10", false, "2024-10-10", true)]
    [InlineData("2019-10-10", false, "2024-10-11", false)]
    [InlineData("2004-10-10", true, "2024-10-10", true)]
    [InlineData("2004-10-10", true, "2024-10-11", false)]
    [InlineData("2004-10-11", true, "2024-10-11", true)]
    // Five years end on 2024-10-03, a 国庆 rest day: the period runs to the first working day after the holiday.
    [InlineData("2019-10-03", false, "2024-10-08", true)]
    [InlineData("2019-10-03", false, "2024-10-09", false)]
    public void Twenty_first_article_five_years_or_twenty_for_real_property(string act, bool realProperty, string received, bool within)
    {
        var refused = ApplicationLimits.AbsoluteLimitExceeded(D(act), realProperty, D(received), Calendar);
        (refused is null).ShouldBe(within);
        if (!within)
            refused!.ShouldContain("第二十一条");
    }

    [Fact]
    public void An_act_of_more_than_five_years_ago_is_not_shown_in_time_and_its_acceptance_is_refused()
    {
        var c = Received("2024-10-11");
        c.ActDate = D("2019-10-10");
        c.LearnedOn = D("2024-10-01");
        var shown = ApplicationLimits.Check(c, Calendar)!;
        shown.InTime.ShouldBeFalse();
        shown.Explanation.ShouldContain("第二十一条");
        shown.Explanation.ShouldNotContain("申请在期限内");
        Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.Accept, new ActionRequest(), "2024-10-11")).Message.ShouldContain("第二十一条");
        c.Status.ShouldBe(CaseStatus.Reviewing);
        c.RealProperty = true;
        Act(c, CaseAction.Accept, new ActionRequest(), "2024-10-11");
        c.Status.ShouldBe(CaseStatus.Hearing);
    }

    // ---- 第二十条第三款 --------------------------------------------------------------------------------------------

    [Theory]
    // Learned of the act 2024-01-10, of the right 2024-12-01: 60 days would run to 2025-01-30 (春节), the one-year cap to 2025-01-10.
    [InlineData("2024-12-01", "2025-01-09", true)]
    [InlineData("2024-12-01", "2025-01-10", true)]
    [InlineData("2024-12-01", "2025-01-11", false)]
    // Learned of the right 2024-03-01: 60 days to 2024-04-30 (a working day before the 劳动节 holiday), inside the year.
    [InlineData("2024-03-01", "2024-04-30", true)]
    [InlineData("2024-03-01", "2024-05-01", false)]
    public void Twentieth_article_third_paragraph_not_told_one_year_cap(string rightLearned, string received, bool inTime)
    {
        var c = Received(received);
        c.ActDate = D("2024-01-05");
        c.LearnedOn = D("2024-01-10");
        c.NotToldOfRight = true;
        c.RightLearnedOn = D(rightLearned);
        var r = ApplicationLimits.Check(c, Calendar)!;
        r.InTime.ShouldBe(inTime);
        r.Explanation.ShouldContain("第二十条第三款");
    }

    [Fact]
    public void Not_told_without_the_date_of_learning_the_right_counts_the_one_year_cap_and_says_the_date_is_missing()
    {
        var c = Received("2024-06-03");
        c.LearnedOn = D("2024-01-10");
        c.NotToldOfRight = true;
        var r = ApplicationLimits.Check(c, Calendar)!;
        r.LastDay.ShouldBe(D("2025-01-10"));
        r.InTime.ShouldBeTrue();
        r.Explanation.ShouldContain("未录入");
        // Told of the right: the ordinary 60 days, long over.
        c.NotToldOfRight = false;
        ApplicationLimits.Check(c, Calendar)!.InTime.ShouldBeFalse();
    }

    // ---- 第三十条 ------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("2024-10-09", true)]
    [InlineData("2024-10-10", true)]
    [InlineData("2024-10-11", false)]
    public void Thirtieth_article_acceptance_rejection_and_correction_only_within_the_review_period(string on, bool allowed)
    {
        // Received Friday 2024-09-27: 09-29 (调休 Sunday), 09-30, 10-08, 10-09, 10-10 — five working days across 国庆.
        foreach (var (action, request) in new[]
                 {
                     (CaseAction.Accept, new ActionRequest()),
                     (CaseAction.Reject, new ActionRequest(Reason: "申请人与行政行为无利害关系")),
                     (CaseAction.RequestCorrection, new ActionRequest(Note: "补充处罚决定书")),
                 })
        {
            var c = Received("2024-09-27");
            if (allowed)
            {
                Act(c, action, request, on);
                c.Status.ShouldNotBe(CaseStatus.Reviewing);
            }
            else
            {
                var e = Should.Throw<FazhiValidationException>(() => Act(c, action, request, on));
                e.Errors.ShouldContainKey("on");
                e.Message.ShouldContain(action == CaseAction.RequestCorrection ? "第三十一条第一款" : "第三十条");
                e.Message.ShouldContain("2024-10-10");
                c.Status.ShouldBe(CaseStatus.Reviewing);
            }
        }
    }

    [Fact]
    public void After_a_supply_the_review_period_starts_again_from_the_supply()
    {
        var c = Received("2024-02-05");
        Act(c, CaseAction.RequestCorrection, new ActionRequest(ReceivedOn: D("2024-02-08"), Note: "补充处罚决定书"), "2024-02-06");
        c.ReceiveCorrection(D("2024-02-20"), "t", Now);
        ReviewPeriod.LastDay(c, Calendar).ShouldBe(D("2024-02-27"));
        Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.Accept, new ActionRequest(), "2024-02-28"));
        Act(c, CaseAction.Accept, new ActionRequest(), "2024-02-27");
        c.AcceptedOn.ShouldBe(D("2024-02-27"));
    }

    [Fact]
    public void Not_accepted_for_want_of_jurisdiction_names_the_competent_body()
    {
        var c = Received("2024-09-27");
        Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.Reject, new ActionRequest(Reason: "不属于本机关管辖"), "2024-09-30"))
            .Errors.ShouldContainKey("competentBody");
        Act(c, CaseAction.Reject, new ActionRequest(Reason: "不属于本机关管辖", CompetentBody: "威海市人民政府"), "2024-09-30");
        c.CompetentBody.ShouldBe("威海市人民政府");
        c.Events[^1].Note!.ShouldContain("威海市人民政府");
    }

    // ---- 第三十一条 ----------------------------------------------------------------------------------------------

    [Fact]
    public void Thirty_first_article_one_notice_a_second_needs_its_reason()
    {
        var c = Received("2024-03-01");
        Act(c, CaseAction.RequestCorrection, new ActionRequest(Note: "补充身份证明"), "2024-03-04");
        c.ReceiveCorrection(D("2024-03-06"), "t", Now);
        var e = Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.RequestCorrection, new ActionRequest(Note: "补充授权委托书"), "2024-03-07"));
        e.Errors.ShouldContainKey("reason");
        e.Message.ShouldContain("一次性");
        Act(c, CaseAction.RequestCorrection, new ActionRequest(Note: "补充授权委托书", Reason: "补正材料显示另有代理人"), "2024-03-07");
        c.Events[^1].Note!.ShouldContain("再次通知补正");
    }

    [Theory]
    // Notice received 2024-02-08: 10 working days across 春节 (02-10…02-17, 调休 Sunday 02-18) run to 2024-02-28.
    [InlineData("2024-02-27", false)]
    [InlineData("2024-02-28", false)]
    [InlineData("2024-02-29", true)]
    public void Thirty_first_article_abandoned_only_after_ten_working_days_from_the_applicants_receipt(string on, bool allowed)
    {
        var c = Received("2024-02-05");
        Act(c, CaseAction.RequestCorrection, new ActionRequest(ReceivedOn: D("2024-02-08"), Note: "补充处罚决定书"), "2024-02-06");
        if (allowed)
        {
            Act(c, CaseAction.Abandon, new ActionRequest(), on);
            c.Status.ShouldBe(CaseStatus.Abandoned);
        }
        else
            Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.Abandon, new ActionRequest(), on)).Message.ShouldContain("2024-02-28");
    }

    [Fact]
    public void Abandonment_requires_the_receipt_date_and_the_notice_date_is_not_used_in_its_place()
    {
        var c = Received("2024-02-05");
        Act(c, CaseAction.RequestCorrection, new ActionRequest(Note: "补充处罚决定书"), "2024-02-06");
        c.CorrectionNoticeReceivedOn.ShouldBeNull();
        ReconDeadlines.Compute(c, Calendar, Options, D("2024-02-06")).ShouldNotContain(d => d.Kind == ReconDeadlines.CorrectionSupply);
        var e = Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.Abandon, new ActionRequest(), "2024-03-20"));
        e.Errors.ShouldContainKey("receivedOn");
        e.Message.ShouldContain("第三十一条第二款");
        // Received by post on 2024-03-01: 10 working days to 2024-03-15.
        Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.Abandon, new ActionRequest(ReceivedOn: D("2024-03-01")), "2024-03-15"));
        Act(c, CaseAction.Abandon, new ActionRequest(ReceivedOn: D("2024-03-01")), "2024-03-18");
        c.CorrectionNoticeReceivedOn.ShouldBe(D("2024-03-01"));
        c.Status.ShouldBe(CaseStatus.Abandoned);
    }

    // ---- 第六十二条 ----------------------------------------------------------------------------------------------

    [Theory]
    // Accepted 2024-10-08: 60 days to 2024-12-07, a Saturday → 2024-12-09.
    [InlineData("2024-12-06", true)]
    [InlineData("2024-12-09", true)]
    [InlineData("2024-12-10", false)]
    public void Sixty_second_article_extension_only_before_the_period_ran_out(string on, bool allowed)
    {
        var c = Accepted("2024-10-08");
        var r = new ActionRequest(Days: 30, ApprovedBy: "王局长");
        if (allowed)
        {
            Act(c, CaseAction.Extend, r, on);
            c.ExtensionDays.ShouldBe(30);
        }
        else
        {
            Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.Extend, r, on)).Message.ShouldContain("第六十二条");
            c.ExtensionDays.ShouldBe(0);
        }
    }

    // ---- 第四十八条、第四十九条、第六十一条 ------------------------------------------------------------------------

    private static ActionRequest Decision(string type = "维持", string? overrideReason = null, int? days = null) =>
        new(DecisionType: type, DecisionMode: "负责人同意", DecidedBy: "张副区长", OverrideReason: overrideReason, PeriodDays: days);

    [Fact]
    public void Ordinary_procedure_decision_waits_for_copy_reply_and_opinions_naming_what_is_missing()
    {
        var c = Accepted("2024-10-08");
        var e = Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.Decide, Decision(), "2024-11-01"));
        e.Errors.ShouldContainKey("overrideReason");
        e.Message.ShouldContain("未向被申请人发送申请书副本（第四十八条）");
        e.Message.ShouldContain("未听取当事人意见并记录在案（第四十九条）");

        c.SendCopy(D("2024-10-09"), "t", Now);
        c.RecordCopyReceived(D("2024-10-10"), "t", Now);
        // Reply period: 10 working days from 2024-10-10 → 2024-10-23 (10-12 is a 调休 Saturday).
        c.HearOpinion(D("2024-10-15"), OpinionMode.Phone, "申请人坚持请求", "t", Now);
        var missing = DecisionRules.MissingOrdinarySteps(c, D("2024-10-23"), Calendar);
        missing.ShouldHaveSingleItem().ShouldContain("2024-10-23");
        DecisionRules.MissingOrdinarySteps(c, D("2024-10-24"), Calendar).ShouldBeEmpty(); // the period has passed without a reply
        Act(c, CaseAction.Decide, Decision(), "2024-10-24");
        c.Status.ShouldBe(CaseStatus.Decided);
        c.DecisionMode.ShouldBe("负责人同意");
        c.DecidedBy.ShouldBe("张副区长");
        c.Events[^1].Note!.ShouldContain("第六十一条");
    }

    [Fact]
    public void A_recorded_reason_overrides_the_missing_steps_and_is_kept_with_the_decision()
    {
        var c = Accepted("2024-10-08");
        Act(c, CaseAction.Decide, Decision(overrideReason: "申请人下落不明，无法听取意见，书面审理"), "2024-11-01");
        c.Events[^1].Note!.ShouldContain("书面审理");
        c.Events[^1].Note!.ShouldContain("未完成");
    }

    [Fact]
    public void Dismissing_the_application_under_article_33_does_not_wait_for_the_reply_and_is_not_on_the_merits()
    {
        var c = Accepted("2024-10-08");
        Act(c, CaseAction.Decide, Decision("驳回申请"), "2024-10-15");
        c.DecisionType.ShouldBe(DecisionType.DismissApplication);
        ReconNames.IsOnMerits(DecisionType.DismissApplication).ShouldBeFalse();
        ReconNames.IsCorrection(DecisionType.DismissApplication).ShouldBeFalse();
        ReconNames.Of(DecisionType.Dismiss).ShouldBe("驳回复议请求");
        ReconNames.Parse<DecisionType>("驳回", ReconNames.Of).ShouldBe(DecisionType.Dismiss); // ledgers before 2023
        ReconNames.IsCorrection(DecisionType.PartialRevoke).ShouldBeTrue();
    }

    [Fact]
    public void Article_61_the_decision_records_leader_agreement_or_collective_discussion_and_who()
    {
        var c = Accepted("2024-10-08");
        Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.Decide, new ActionRequest(DecisionType: "维持", OverrideReason: "书面审理"), "2024-11-01"))
            .Errors.ShouldContainKey("decisionMode");
        Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.Decide, new ActionRequest(DecisionType: "维持", DecisionMode: "集体讨论", OverrideReason: "书面审理"), "2024-11-01"))
            .Errors["decidedBy"].ShouldBe(["请填写参加集体讨论的人员（第六十一条）"]);
        Options.DecisionApprovalRequired.ShouldBeTrue(); // 呈报审批 of decisions is on unless turned off
    }

    // ---- 第四十一条第五项, 第六十四条, 第六十六条 ---------------------------------------------------------------------

    [Fact]
    public void A_suspension_on_items_one_two_or_four_becomes_a_termination_timer_at_sixty_days()
    {
        var c = Accepted("2024-03-05");
        Act(c, CaseAction.Suspend, new ActionRequest(Article39Item: OutcomeTimers.Article39Items[0], Reason: "申请人死亡，近亲属未确定是否参加"), "2024-03-10");
        var t = ReconDeadlines.Compute(c, Calendar, Options, D("2024-04-01")).Single(d => d.Kind == OutcomeTimers.SuspensionToTermination);
        t.DueOn.ShouldBe(D("2024-05-09"));
        t.Explanation.ShouldContain("第四十一条第五项");
        c.Resume(D("2024-04-01"), "t", Now);
        ReconDeadlines.Compute(c, Calendar, Options, D("2024-04-01")).ShouldNotContain(d => d.Kind == OutcomeTimers.SuspensionToTermination);

        var other = Accepted("2024-03-05");
        Act(other, CaseAction.Suspend, new ActionRequest(Article39Item: OutcomeTimers.Article39Items[6], Reason: "法律适用问题待解释"), "2024-03-10");
        ReconDeadlines.Compute(other, Calendar, Options, D("2024-04-01")).ShouldNotContain(d => d.Kind == OutcomeTimers.SuspensionToTermination);
        OutcomeTimers.ItemOf("（四）作为申请人的法人或者其他组织终止").ShouldBe(4);
        OutcomeTimers.ItemOf("（十）需要中止行政复议的其他情形").ShouldBe(10);
        OutcomeTimers.ItemOf("其他").ShouldBeNull();
    }

    [Fact]
    public void The_period_a_decision_sets_for_redoing_or_performing_is_a_timer_from_service()
    {
        var c = Accepted("2024-10-08");
        Should.Throw<FazhiValidationException>(() => Act(c, CaseAction.Decide, Decision("维持", "书面审理", days: 30), "2024-11-01")).Errors.ShouldContainKey("periodDays");
        Act(c, CaseAction.Decide, Decision("部分撤销", "书面审理", days: 30), "2024-11-01");
        ReconDeadlines.Compute(c, Calendar, Options, D("2024-11-02")).Single(d => d.Kind == OutcomeTimers.RespondentPeriod).DueOn.ShouldBe(D("2024-12-02")); // 12-01 Sunday
        c.Serve(D("2024-11-25"), "t", Now);
        var t = ReconDeadlines.Compute(c, Calendar, Options, D("2024-11-26")).Single(d => d.Kind == OutcomeTimers.RespondentPeriod);
        t.DueOn.ShouldBe(D("2024-12-25"));
        t.Explanation.ShouldContain("第六十四条");
        t.Status.ShouldBe(DeadlineStatus.Open);
        c.RecordPerformance(D("2024-12-20"), "已履行", null, "t", Now);
        ReconDeadlines.Compute(c, Calendar, Options, D("2024-12-21")).Single(d => d.Kind == OutcomeTimers.RespondentPeriod).Status.ShouldBe(DeadlineStatus.Completed);
    }

    // ---- 1小时速联快调 ----------------------------------------------------------------------------------------------

    private static DateTime Beijing(string iso) => ReconCaseService.ToUtc(DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("2024-10-08 10:00", "2024-10-08 11:00")]
    [InlineData("2024-10-08 16:59", "2024-10-08 17:59")]
    [InlineData("2024-10-08 17:00", "2024-10-08 18:00")]
    [InlineData("2024-10-08 17:50", "2024-10-09 09:50")]
    [InlineData("2024-10-08 07:30", "2024-10-08 10:00")]
    [InlineData("2024-10-08 20:00", "2024-10-09 10:00")]
    // Friday 17:50 before 国庆 2024: the next working day is the 调休 Sunday 09-29.
    [InlineData("2024-09-27 17:50", "2024-09-29 09:50")]
    // Monday 09-30 17:50: 10-01…10-07 are rest days, the hour ends 10-08 09:50.
    [InlineData("2024-09-30 17:50", "2024-10-08 09:50")]
    // 春节 2025: Monday 01-27 17:30 → 02-05 09:30 (01-28…02-04 rest).
    [InlineData("2025-01-27 17:30", "2025-02-05 09:30")]
    // A Saturday that is a rest day: one hour after Monday's opening.
    [InlineData("2024-10-19 11:00", "2024-10-21 10:00")]
    public void The_quick_contact_hour_is_counted_in_office_hours(string received, string due) =>
        ChinaTime.Format(QuickContact.DueUtc(Beijing(received), Calendar, new TimeOnly(9, 0), new TimeOnly(18, 0))).ShouldStartWith(due);

    [Fact]
    public void Office_hours_are_configurable()
    {
        var o = new ReconRulesOptions { OfficeOpens = "08:30", OfficeCloses = "17:30" };
        ChinaTime.Format(QuickContact.DueUtc(Beijing("2024-10-08 17:00"), Calendar, o.OfficeOpensAt, o.OfficeClosesAt)).ShouldStartWith("2024-10-09 09:00");
        var c = Received("2024-10-08");
        c.ReceivedAtUtc = Beijing("2024-10-08 17:50");
        c.QuickContactDueUtc = QuickContact.DueUtc(c.ReceivedAtUtc, Calendar, new TimeOnly(9, 0), new TimeOnly(18, 0));
        c.FirstContactAtUtc = Beijing("2024-10-09 09:45");
        c.ContactedInOfficeHour.ShouldBeTrue();
        c.ContactedWithinAnHour.ShouldBeFalse(); // 16 hours by the clock
        c.FirstContactAtUtc = Beijing("2024-10-09 09:51");
        c.ContactedInOfficeHour.ShouldBeFalse();
    }
}
