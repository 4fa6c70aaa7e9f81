using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Domain;
using Fazhi.Web.Modules.Legality.Rules;

namespace Fazhi.UnitTests.Modules.Legality;

/// <summary>Review periods on the official calendar (国庆 2024 with its 调休 Sunday 09-29 and Saturday 10-12; 春节 2025),
/// 补充材料 pauses at the boundaries, the 重大行政决策 floor, province settings, and the filing period.</summary>
public sealed class ReviewDeadlinesTests
{
    private static readonly HolidayCalendar Calendar = new(HolidayFile.LoadEmbedded());
    private static readonly DateTime Now = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static ReviewMatter Received(string on, MatterKind kind = MatterKind.Contract)
    {
        var m = new ReviewMatter { Title = "测试合同", Kind = kind, SubmittedOn = D(on), Status = MatterStatus.Submitted };
        m.Receive(D(on), "环翠法审〔2024〕1号", "t", Now);
        m.Assign("reviewer", null, D(on), "t", Now);
        return m;
    }

    private static DeadlineSpec Review(ReviewMatter m, string today, LegalityOptions? options = null) =>
        ReviewDeadlines.Compute(m, ReviewDeadlines.PeriodFor(m.Kind, "370000", options ?? new LegalityOptions()), 10, Calendar, D(today))
            .Single(d => d.Kind == ReviewDeadlines.Review);

    [Fact]
    public void A_contract_review_takes_five_working_days_across_national_day_with_the_make_up_sunday()
    {
        // Received Friday 2024-09-27: 09-29 (调休 Sunday) 1, 09-30 2, [10-01…10-07 holiday], 10-08 3, 10-09 4, 10-10 5.
        var d = Review(Received("2024-09-27"), "2024-09-27");
        d.DueOn.ShouldBe(D("2024-10-10"));
        d.Status.ShouldBe(DeadlineStatus.Open);
        d.Explanation.ShouldContain("5个工作日");
        // The day before, of and after the last day.
        Deadlines.IsOverdue(d.DueOn, D("2024-10-09")).ShouldBeFalse();
        Deadlines.IsOverdue(d.DueOn, D("2024-10-10")).ShouldBeFalse();
        Deadlines.IsOverdue(d.DueOn, D("2024-10-11")).ShouldBeTrue();
    }

    [Fact]
    public void A_review_across_spring_festival() =>
        // 2025-01-24 (Fri): 01-26 (调休 Sunday) 1, 01-27 2, [01-28…02-04], 02-05 3, 02-06 4, 02-07 5.
        Review(Received("2025-01-24"), "2025-01-24").DueOn.ShouldBe(D("2025-02-07"));

    [Fact]
    public void Supplementary_materials_pause_the_clock_and_it_resumes_after_they_arrive()
    {
        // Received Monday 2024-09-23; unpaused the 5th working day is the 调休 Sunday 09-29.
        var m = Received("2024-09-23");
        Review(m, "2024-09-23").DueOn.ShouldBe(D("2024-09-29"));
        // Notice on Wed 09-25 (days 1 and 2 used): 09-26 onwards stands still while awaited; as if they came today.
        m.RequestMaterials(D("2024-09-25"), "补充预算批复", "t", Now);
        var paused = Review(m, "2024-09-26");
        paused.Status.ShouldBe(DeadlineStatus.Paused);
        paused.DueOn.ShouldBe(D("2024-09-30")); // 09-26 paused; 09-27 3, 09-29 4, 09-30 5
        paused.Explanation.ShouldContain("暂停计时");
        // Arrived Fri 09-27: 09-26 and 09-27 not counted; 09-29 3, 09-30 4, [holiday], 10-08 5.
        m.ReceiveMaterials(D("2024-09-27"), "t", Now);
        var resumed = Review(m, "2024-10-08");
        resumed.Status.ShouldBe(DeadlineStatus.Open);
        resumed.DueOn.ShouldBe(D("2024-10-08"));
        resumed.Explanation.ShouldContain("2个工作日不计入");
    }

    [Fact]
    public void Materials_arriving_the_day_after_the_notice_cost_one_working_day()
    {
        var m = Received("2024-09-23");
        m.RequestMaterials(D("2024-09-24"), "补充", "t", Now);
        m.ReceiveMaterials(D("2024-09-25"), "t", Now);
        // 09-24 1 (the notice day counts), 09-25 paused, 09-26 2, 09-27 3, 09-29 4, 09-30 5.
        Review(m, "2024-09-30").DueOn.ShouldBe(D("2024-09-30"));
    }

    [Fact]
    public void A_pause_over_a_holiday_costs_only_the_working_days_it_covers()
    {
        var m = Received("2024-09-27");
        m.RequestMaterials(D("2024-09-30"), "补充", "t", Now); // used: 09-29, 09-30
        m.ReceiveMaterials(D("2024-10-08"), "t", Now);        // paused working day: 10-08 only
        // 10-09 3, 10-10 4, 10-11 5.
        var d = Review(m, "2024-10-11");
        d.DueOn.ShouldBe(D("2024-10-11"));
        d.Explanation.ShouldContain("1个工作日不计入");
    }

    [Fact]
    public void The_major_decision_period_never_falls_below_the_statutory_seven_working_days()
    {
        var options = new LegalityOptions { ReviewWorkingDays = { ["MajorDecision"] = 3 } };
        var p = ReviewDeadlines.PeriodFor(MatterKind.MajorDecision, "370000", options);
        p.WorkingDays.ShouldBe(7);
        p.Source.ShouldContain("法定下限");
        ReviewDeadlines.StatusOf(MatterKind.MajorDecision).ShouldContain("第二十六条");
        ReviewDeadlines.PeriodFor(MatterKind.MajorDecision, "370000", new LegalityOptions { ReviewWorkingDays = { ["MajorDecision"] = 10 } }).WorkingDays.ShouldBe(10);
    }

    [Fact]
    public void A_province_sets_its_own_periods()
    {
        var options = new LegalityOptions
        {
            ReviewWorkingDays = { ["Contract"] = 6 },
            Provinces = { ["370000"] = new ProvinceRules { ReviewWorkingDays = { ["Contract"] = 8 } } },
        };
        ReviewDeadlines.PeriodFor(MatterKind.Contract, "370000", options).WorkingDays.ShouldBe(8);
        ReviewDeadlines.PeriodFor(MatterKind.Contract, "120000", options).WorkingDays.ShouldBe(6);
        ReviewDeadlines.PeriodFor(MatterKind.NormativeDocument, "120000", options).WorkingDays.ShouldBe(15);
    }

    [Fact]
    public void The_review_deadline_completes_with_the_opinion_and_the_adoption_answer_starts()
    {
        var m = Received("2024-09-23");
        m.AddComment("第八条", "违约责任不对等", D("2024-09-24"), "t", Now);
        m.IssueOpinion(OpinionConclusion.LawfulAfterChanges, "环翠法审意〔2024〕1号", D("2024-09-25"), "t", Now);
        var all = ReviewDeadlines.Compute(m, ReviewDeadlines.PeriodFor(m.Kind, null, new LegalityOptions()), 10, Calendar, D("2024-09-25"));
        all.Single(d => d.Kind == ReviewDeadlines.Review).Status.ShouldBe(DeadlineStatus.Completed);
        var adoption = all.Single(d => d.Kind == ReviewDeadlines.Adoption);
        adoption.Status.ShouldBe(DeadlineStatus.Open);
        // 10 working days: 09-26, 09-27, 09-29 (调休), 09-30, 10-08 … 10-11, 10-12 (调休 Saturday), 10-14.
        adoption.DueOn.ShouldBe(D("2024-10-14"));
    }
}

/// <summary>The aggregate's refusals: the transition table, unknown comments, unanswered comments, open pauses.</summary>
public sealed class ReviewMatterTests
{
    private static readonly DateTime Now = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static ReviewMatter Reviewing()
    {
        var m = new ReviewMatter { Title = "测试", Kind = MatterKind.NormativeDocument, SubmittedOn = D("2025-03-03") };
        m.Submit("dept", Now, null);
        m.Receive(D("2025-03-04"), "环翠法审〔2025〕1号", "r", Now);
        m.Assign("reviewer", "王律师", D("2025-03-04"), "r", Now);
        return m;
    }

    [Fact]
    public void The_transition_table_refuses_an_opinion_before_assignment_and_records_every_step()
    {
        var m = new ReviewMatter { Title = "测试", SubmittedOn = D("2025-03-03") };
        m.Submit("dept", Now, null);
        Should.Throw<ConflictException>(() => m.IssueOpinion(OpinionConclusion.Lawful, "n", D("2025-03-04"), "r", Now)).Message.ShouldContain("已送审");
        m.Receive(D("2025-03-04"), "编号", "r", Now);
        Should.Throw<ConflictException>(() => m.AddComment("第一条", "x", D("2025-03-04"), "r", Now));
        m.Events.Select(e => (e.FromStatus, e.ToStatus)).ShouldBe([(null, MatterStatus.Submitted), (MatterStatus.Submitted, MatterStatus.Received)]);
        ReviewStateMachine.Table.Count.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void An_adoption_answer_for_a_comment_that_does_not_exist_is_refused_and_nothing_is_recorded()
    {
        var m = Reviewing();
        m.AddComment("第三条", "表述不清", D("2025-03-05"), "r", Now);
        m.AddComment("第五条第二款", "超越权限", D("2025-03-05"), "r", Now);
        m.IssueOpinion(OpinionConclusion.LawfulAfterChanges, "意见1号", D("2025-03-06"), "r", Now);
        var e = Should.Throw<FazhiValidationException>(() => m.RecordAdoption(
            [new AdoptionAnswer(1, Adoption.Adopted, null), new AdoptionAnswer(3, Adoption.Adopted, null)], D("2025-03-07"), "dept", Now));
        e.Errors["answers[1].seq"][0].ShouldContain("没有第3条");
        m.Comments.ShouldAllBe(c => c.Adoption == null);
        Should.Throw<FazhiValidationException>(() => m.RecordAdoption([new AdoptionAnswer(2, Adoption.NotAdopted, " ")], D("2025-03-07"), "dept", Now))
            .Errors.ShouldContainKey("answers[0].reason");
        m.RecordAdoption([new AdoptionAnswer(1, Adoption.Adopted, null)], D("2025-03-07"), "dept", Now);
        Should.Throw<ConflictException>(() => m.Close(D("2025-03-08"), "r", Now)).Message.ShouldContain("第2条");
        m.RecordAdoption([new AdoptionAnswer(2, Adoption.PartlyAdopted, "已删除超越权限的表述，保留其余")], D("2025-03-08"), "dept", Now);
        m.Close(D("2025-03-08"), "r", Now);
        m.Status.ShouldBe(MatterStatus.Closed);
        m.AdoptedCount.ShouldBe(2);
    }

    [Fact]
    public void No_opinion_while_materials_are_awaited_and_a_lawful_conclusion_has_no_comments()
    {
        var m = Reviewing();
        m.RequestMaterials(D("2025-03-05"), "起草说明", "r", Now);
        Should.Throw<ConflictException>(() => m.IssueOpinion(OpinionConclusion.Lawful, "n", D("2025-03-06"), "r", Now));
        m.ReceiveMaterials(D("2025-03-07"), "r", Now);
        m.AddComment("全文", "引用的条例已废止", D("2025-03-07"), "r", Now);
        Should.Throw<FazhiValidationException>(() => m.IssueOpinion(OpinionConclusion.Lawful, "n", D("2025-03-07"), "r", Now)).Errors.ShouldContainKey("conclusion");
    }
}

/// <summary>备案 within 30 days of publication (a last day on a holiday moves to the next working day) and 失效 after 有效期.</summary>
public sealed class DocumentDeadlinesTests
{
    private static readonly HolidayCalendar Calendar = new(HolidayFile.LoadEmbedded());
    private static readonly DateTime Now = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Filing_is_due_thirty_days_after_publication_moved_off_the_national_day_holiday()
    {
        // Published 2024-09-01: the 30th day is 10-01 (国庆), so the period ends on the first working day after it, 10-08.
        DocumentDeadlines.FilingDue(D("2024-09-01"), 30, Calendar).ShouldBe(D("2024-10-08"));
        DocumentDeadlines.FilingDue(D("2024-03-01"), 30, Calendar).ShouldBe(D("2024-04-01")); // 03-31 Sunday → Monday
    }

    [Fact]
    public void A_late_filing_is_accepted_and_flagged_and_a_government_document_files_twice()
    {
        var d = new NormativeDocument { Title = "办法", Level = DocumentLevel.Government, PlanYear = 2024, Status = DocumentStatus.Deliberated, DeliberatedOn = D("2024-08-30") };
        d.Publish("威环政规〔2024〕1号", D("2024-09-01"), D("2029-08-31"), "t", Now);
        var due = DocumentDeadlines.FilingDue(D("2024-09-01"), 30, Calendar);
        d.File(withCongress: false, D("2024-10-08"), due, "t", Now);   // the last day: in time
        d.FiledWithGovernmentLate.ShouldBeFalse();
        d.File(withCongress: true, D("2024-10-09"), due, "t", Now);    // the day after: late, accepted
        d.FiledWithCongressLate.ShouldBeTrue();
        d.Events[^1].Note!.ShouldContain("逾期备案");
        d.FullyFiled.ShouldBeTrue();
        var specs = DocumentDeadlines.Compute(d, 30, Calendar);
        specs.Where(s => s.Kind != DocumentDeadlines.Expiry).ShouldAllBe(s => s.Status == DeadlineStatus.Completed);
        specs.Single(s => s.Kind == DocumentDeadlines.Expiry).DueOn.ShouldBe(D("2029-08-31"));
    }

    [Fact]
    public void A_department_document_is_not_filed_with_the_congress_and_lapses_after_its_term()
    {
        var d = new NormativeDocument { Title = "办法", Level = DocumentLevel.Department, PlanYear = 2024, Status = DocumentStatus.Deliberated };
        d.Publish("文号", D("2024-09-01"), D("2024-12-31"), "t", Now);
        Should.Throw<ConflictException>(() => d.File(true, D("2024-09-02"), D("2024-10-08"), "t", Now));
        d.Expire("系统", Now);
        d.Status.ShouldBe(DocumentStatus.Expired);
        d.EndedOn.ShouldBe(D("2025-01-01"));
    }

    [Fact]
    public void Deliberation_is_refused_without_a_legality_review_or_after_an_unlawful_one()
    {
        var d = new NormativeDocument { Title = "办法", Level = DocumentLevel.Government, PlanYear = 2024, Status = DocumentStatus.UnderReview };
        Should.Throw<ConflictException>(() => d.Deliberate(null, "常务会议", D("2024-09-01"), "t", Now)).Message.ShouldContain("未经合法性审核");
        var m = new ReviewMatter { Title = "办法", SubmittedOn = D("2024-08-01") };
        m.Submit("d", Now, null);
        m.Receive(D("2024-08-02"), "n", "r", Now);
        m.Assign("r", null, D("2024-08-02"), "r", Now);
        m.AddComment("全文", "无上位法依据", D("2024-08-05"), "r", Now);
        m.IssueOpinion(OpinionConclusion.Unlawful, "意见", D("2024-08-06"), "r", Now);
        Should.Throw<ConflictException>(() => d.Deliberate(m, "常务会议", D("2024-09-01"), "t", Now)).Message.ShouldContain("不合法");
    }

    [Fact]
    public void A_contract_that_ends_before_it_starts_is_refused() =>
        Should.Throw<FazhiValidationException>(() => Contract.CheckTerm(D("2025-01-01"), D("2024-12-31"))).Errors.ShouldContainKey("endOn");
}
