using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;
using static Fazhi.UnitTests.Modules.Reconsideration.CaseBuilder;

namespace Fazhi.UnitTests.Modules.Reconsideration;

/// <summary>行政复议法 (2023) periods on the official calendar: 春节 and 国庆 with their 调休 days, pauses, extensions.</summary>
public sealed class ReconDeadlinesTests
{
    private static readonly HolidayCalendar Calendar = new(HolidayFile.LoadEmbedded());
    private static readonly ReconRulesOptions Options = new();

    private static DeadlineSpec Deadline(ReconCase c, string kind, string today = "2025-06-01", ReconRulesOptions? options = null) =>
        ReconDeadlines.Compute(c, Calendar, options ?? Options, D(today)).Single(d => d.Kind == kind);

    [Fact]
    public void The_acceptance_review_takes_five_working_days_across_national_day()
    {
        // Received Friday 2024-09-27: 09-29 (make-up Sunday), 09-30, then 10-08, 10-09, 10-10.
        var review = Deadline(Received("2024-09-27"), ReconDeadlines.Review, today: "2024-09-27");
        review.DueOn.ShouldBe(D("2024-10-10"));
        review.Status.ShouldBe(DeadlineStatus.Open);
        review.Explanation.ShouldContain("第三十条");
        review.Explanation.ShouldContain("视为受理");
    }

    [Fact]
    public void The_acceptance_review_takes_five_working_days_across_spring_festival() =>
        // Received Friday 2025-01-24: 01-26 (make-up Sunday), 01-27, then 02-05, 02-06, 02-07.
        Deadline(Received("2025-01-24"), ReconDeadlines.Review, today: "2025-01-24").DueOn.ShouldBe(D("2025-02-07"));

    [Fact]
    public void A_correction_pauses_the_review_and_a_supply_restarts_it()
    {
        var c = Received("2024-02-05");
        c.RequestCorrection(D("2024-02-06"), D("2024-02-08"), "补充行政处罚决定书复印件", "t", Now);
        Deadline(c, ReconDeadlines.Review).Status.ShouldBe(DeadlineStatus.Paused);
        // 10 working days from receiving the notice on 2024-02-08, across 春节 (02-10…02-17) with the 02-18 make-up Sunday.
        var supply = Deadline(c, ReconDeadlines.CorrectionSupply);
        supply.DueOn.ShouldBe(D("2024-02-28"));
        supply.Explanation.ShouldContain("第三十一条");

        c.ReceiveCorrection(D("2024-02-20"), "t", Now);
        var review = Deadline(c, ReconDeadlines.Review);
        review.DueOn.ShouldBe(D("2024-02-27"));
        review.Explanation.ShouldContain("补正材料");
        Deadline(c, ReconDeadlines.CorrectionSupply).Status.ShouldBe(DeadlineStatus.Completed);
    }

    [Fact]
    public void The_copy_and_the_reply_run_in_working_days_by_procedure()
    {
        var ordinary = Accepted("2024-09-27");
        Deadline(ordinary, ReconDeadlines.CopyToRespondent).DueOn.ShouldBe(D("2024-10-12")); // 7th working day is the make-up Saturday
        var simplified = Accepted("2024-09-20", ProcedureKind.Simplified);
        Deadline(simplified, ReconDeadlines.CopyToRespondent).DueOn.ShouldBe(D("2024-09-25"));
        simplified.SendCopy(D("2024-09-25"), "t", Now);
        simplified.RecordCopyReceived(D("2024-09-27"), "t", Now);
        var reply = Deadline(simplified, ReconDeadlines.RespondentReply);
        reply.DueOn.ShouldBe(D("2024-10-10"));
        reply.Explanation.ShouldContain("第五十四条");
        Deadline(simplified, ReconDeadlines.CopyToRespondent).Status.ShouldBe(DeadlineStatus.Completed);
    }

    [Fact]
    public void The_decision_is_due_sixty_days_after_acceptance_moved_off_a_weekend()
    {
        // 2024-10-08 + 60 days = Saturday 2024-12-07 → Monday 2024-12-09 (民事诉讼法第八十五条).
        var decision = Deadline(Accepted("2024-10-08"), ReconDeadlines.Decision, today: "2024-10-08");
        decision.DueOn.ShouldBe(D("2024-12-09"));
        decision.Explanation.ShouldBe("自2024-10-08受理起60日（第六十二条，普通程序），至2024-12-07，该日为休息日，顺延至2024-12-09（民事诉讼法第八十五条）");
    }

    [Fact]
    public void Suspension_is_left_out_and_an_extension_added()
    {
        var c = Accepted("2024-10-08");
        c.Suspend(D("2024-10-20"), "申请人丧失参加行政复议的行为能力，尚未确定法定代理人", "t", Now);
        c.Resume(D("2024-11-01"), "t", Now);
        var decision = Deadline(c, ReconDeadlines.Decision);
        decision.DueOn.ShouldBe(D("2024-12-19"));  // 60 + 12 days
        decision.Explanation.ShouldBe("自2024-10-08受理起60日（第六十二条，普通程序），中止12日不计入，至2024-12-19");

        c.Extend(D("2024-12-10"), 30, "复议机构负责人李四", Options.MaxExtensionDays, "t", Now);
        var extended = Deadline(c, ReconDeadlines.Decision);
        // 60 + 12 + 30 = 102 days → Saturday 2025-01-18 → Monday 2025-01-20.
        extended.DueOn.ShouldBe(D("2025-01-20"));
        extended.Explanation.ShouldContain("经批准延长30日");
        extended.Explanation.ShouldContain("顺延至2025-01-20");
    }

    [Fact]
    public void An_open_suspension_pauses_the_decision_clock_counting_to_today()
    {
        var c = Accepted("2024-10-08");
        c.Suspend(D("2024-10-20"), "案件审理需要以其他案件的审理结果为依据", "t", Now);
        var decision = Deadline(c, ReconDeadlines.Decision, today: "2024-10-30");
        decision.Status.ShouldBe(DeadlineStatus.Paused);
        decision.DueOn.ShouldBe(D("2024-12-17")); // 60 + 10 days so far
        decision.Explanation.ShouldContain("中止中，计至2024-10-30");
    }

    [Fact]
    public void Whether_suspension_counts_is_a_setting_and_the_explanation_says_so()
    {
        var c = Accepted("2024-10-08");
        c.Suspend(D("2024-10-20"), "事由", "t", Now);
        c.Resume(D("2024-11-01"), "t", Now);
        var counted = Deadline(c, ReconDeadlines.Decision, options: new ReconRulesOptions { ExcludeSuspensionFromDecisionPeriod = false });
        counted.DueOn.ShouldBe(D("2024-12-09"));
        counted.Explanation.ShouldContain("中止期间计入");
    }

    [Fact]
    public void The_simplified_procedure_has_thirty_days_and_no_extension()
    {
        // 2024-09-20 + 30 days = Sunday 2024-10-20 → Monday 2024-10-21.
        var c = Accepted("2024-09-20", ProcedureKind.Simplified);
        Deadline(c, ReconDeadlines.Decision).DueOn.ShouldBe(D("2024-10-21"));
        Should.Throw<Fazhi.Web.Kernel.Web.ConflictException>(() => c.Extend(D("2024-10-01"), 10, "负责人", 30, "t", Now))
            .Message.ShouldContain("简易程序");
        c.ConvertToOrdinary(D("2024-10-08"), "复议机构负责人", "t", Now);
        Deadline(c, ReconDeadlines.Decision).DueOn.ShouldBe(D("2024-11-19")); // now 60 days from acceptance
    }

    [Fact]
    public void Extensions_stop_at_thirty_days_in_all()
    {
        var c = Accepted("2024-10-08");
        c.Extend(D("2024-11-20"), 20, "负责人", 30, "t", Now);
        var e = Should.Throw<Fazhi.Web.Kernel.Web.FazhiValidationException>(() => c.Extend(D("2024-11-25"), 11, "负责人", 30, "t", Now));
        e.Errors.ShouldContainKey("days");
        e.Message.ShouldContain("已延长20日");
        c.ExtensionDays.ShouldBe(20);
    }

    [Fact]
    public void A_concluded_case_has_every_deadline_completed()
    {
        var c = Accepted("2024-10-08");
        c.Decide(D("2024-11-20"), DecisionType.Revoke, null, "t", Now);
        ReconDeadlines.Compute(c, Calendar, Options, D("2025-06-01")).ShouldAllBe(d => d.Status == DeadlineStatus.Completed);
    }

    [Theory]
    [InlineData(true, false, null, false, false, true)]
    [InlineData(false, false, 300000L, false, false, true)]   // exactly ¥3,000
    [InlineData(false, false, 300001L, false, false, false)]
    [InlineData(false, false, null, false, true, true)]       // all parties agree
    public void The_simplified_procedure_needs_a_ground_of_article_53(bool spot, bool warning, long? fen, bool disclosure, bool agree, bool eligible) =>
        (SimplifiedProcedure.GroundFor(spot, warning, fen, disclosure, agree) is not null).ShouldBe(eligible);
}

/// <summary>申请期限 (第二十条): 60 natural days from knowing of the act, moved off a rest day.</summary>
public sealed class ApplicationPeriodTests
{
    private static readonly HolidayCalendar Calendar = new(HolidayFile.LoadEmbedded());

    [Fact]
    public void Sixty_days_that_end_in_national_day_run_to_the_first_working_day_after_it()
    {
        // 2024-08-02 + 60 = 2024-10-01 (国庆) → 2024-10-08.
        var r = ApplicationPeriod.Check(D("2024-08-02"), D("2024-10-08"), Calendar)!;
        r.LastDay.ShouldBe(D("2024-10-08"));
        r.InTime.ShouldBeTrue();
        r.Explanation.ShouldContain("第二十条");
    }

    [Fact]
    public void A_late_application_is_flagged_for_the_reviewer_with_the_days_over()
    {
        var r = ApplicationPeriod.Check(D("2024-03-01"), D("2024-05-10"), Calendar)!; // last day Tuesday 2024-04-30
        r.InTime.ShouldBeFalse();
        r.LastDay.ShouldBe(D("2024-04-30"));
        r.Explanation.ShouldContain("已超过10日");
    }

    [Fact]
    public void Without_the_date_of_knowing_there_is_nothing_to_check() =>
        ApplicationPeriod.Check(null, D("2024-05-10"), Calendar).ShouldBeNull();
}
