using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Modules.Mediation.Features.Actions;
using Fazhi.Web.Modules.Mediation.Rules;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.UnitTests.Modules.Mediation;

/// <summary>人民调解法第三十三条: jointly, within 30 days of the agreement taking effect; the last day rolls off rest days
/// (民事诉讼法第八十五条) and lands on a 调休 working Sunday when that is the first working day.</summary>
public sealed class JudicialConfirmationTests
{
    private static readonly HolidayCalendar Calendar = new(HolidayFile.LoadEmbedded());

    [Theory]
    [InlineData("2024-05-13", "2024-06-12")] // an ordinary Wednesday
    [InlineData("2024-09-01", "2024-10-08")] // 2024-10-01 is 国庆: the first working day after the holiday
    [InlineData("2024-03-05", "2024-04-07")] // 2024-04-04 is 清明 (4–6 April); Sunday 7 April is a 调休 working day
    public void The_last_day_is_thirty_days_after_the_agreement_took_effect_moved_off_rest_days(string effective, string last) =>
        JudicialConfirmation.LastDay(DateOnly.Parse(effective), Calendar).ShouldBe(DateOnly.Parse(last));

    [Fact]
    public void An_application_on_the_last_day_is_accepted_and_the_day_after_is_refused_citing_the_article()
    {
        var effective = new DateOnly(2024, 5, 13);
        JudicialConfirmation.Refusal(effective, new DateOnly(2024, 6, 11), true, Calendar).ShouldBeNull();
        JudicialConfirmation.Refusal(effective, new DateOnly(2024, 6, 12), true, Calendar).ShouldBeNull();
        var late = JudicialConfirmation.Refusal(effective, new DateOnly(2024, 6, 13), true, Calendar);
        late.ShouldNotBeNull();
        late.ShouldContain("第三十三条");
        late.ShouldContain("2024-06-12");
        JudicialConfirmation.Refusal(new DateOnly(2024, 9, 1), new DateOnly(2024, 10, 8), true, Calendar).ShouldBeNull();
        JudicialConfirmation.Refusal(new DateOnly(2024, 9, 1), new DateOnly(2024, 10, 9), true, Calendar).ShouldNotBeNull();
    }

    [Fact]
    public void A_window_ending_in_a_year_without_its_holiday_notice_is_provisional_not_an_error()
    {
        // 2026-12-02 + 30 = 2027-01-01 (2027 not loaded): weekdays count as working days until the notice is entered.
        JudicialConfirmation.LastDay(new DateOnly(2026, 12, 2), Calendar).ShouldBe(new DateOnly(2027, 1, 1));
        JudicialConfirmation.IsProvisional(new DateOnly(2026, 12, 2), Calendar).ShouldBeTrue();
        JudicialConfirmation.IsProvisional(new DateOnly(2026, 11, 2), Calendar).ShouldBeFalse();
        // 2026-12-06 + 30 = 2027-01-05 (a Tuesday).
        JudicialConfirmation.Refusal(new DateOnly(2026, 12, 6), new DateOnly(2026, 12, 7), true, Calendar).ShouldBeNull();
    }

    [Fact]
    public void A_one_sided_or_premature_application_is_refused()
    {
        JudicialConfirmation.Refusal(new DateOnly(2024, 5, 13), new DateOnly(2024, 5, 20), false, Calendar)!.ShouldContain("双方当事人共同申请");
        JudicialConfirmation.Refusal(null, new DateOnly(2024, 5, 20), true, Calendar)!.ShouldContain("尚未生效");
        JudicialConfirmation.Refusal(new DateOnly(2024, 5, 13), new DateOnly(2024, 5, 12), true, Calendar)!.ShouldContain("早于");
    }

    [Theory]
    [InlineData(-1, "负数")]
    [InlineData(1_000_000_001, "10亿")]
    [InlineData(12.345, "两位小数")]
    public void Amounts_that_are_negative_absurd_or_too_precise_are_refused(double yuan, string words) =>
        Amounts.Problem((decimal)yuan)!.ShouldContain(words);

    [Fact]
    public void Ordinary_amounts_pass_and_are_stored_in_fen()
    {
        Amounts.Problem(0m).ShouldBeNull();
        Amounts.Problem(1_000_000_000m).ShouldBeNull();
        Amounts.ToFen(1234.56m).ShouldBe(123456);
    }
}

public sealed class DisputeStateMachineTests
{
    private static readonly HolidayCalendar Calendar = new(HolidayFile.LoadEmbedded());
    private static readonly DateTime Now = new(2024, 6, 30, 2, 0, 0, DateTimeKind.Utc);

    private static Dispute New() => new() { Number = "（2024）测试调字第1号", Category = "02", Summary = "漏水", ReceivedOn = new DateOnly(2024, 5, 1) };

    [Fact]
    public void The_whole_path_from_registration_to_follow_up_is_allowed_and_recorded()
    {
        var d = New();
        d.Accept(new DateOnly(2024, 5, 2), 7, "王明", "u", Now);
        d.Status.ShouldBe(DisputeStatus.Mediating);
        d.RecordSession(new DateOnly(2024, 5, 3), "调解室", "双方陈述", "u", Now);
        d.Succeed(new DateOnly(2024, 5, 6), AgreementKind.Written, "赔偿2000元", new DateOnly(2024, 5, 6), "u", Now);
        d.Status.ShouldBe(DisputeStatus.Succeeded);
        d.ApplyForConfirmation(new DateOnly(2024, 5, 10), "环翠区人民法院", "u", Now);
        d.RecordRuling(new DateOnly(2024, 5, 20), ConfirmationResult.Valid, "（2024）鲁1002民特1号", "u", Now);
        d.FollowUp(new DateOnly(2024, 6, 1), "已履行", "电话回访", "u", Now);
        d.Events.Select(e => e.Action).ShouldBe([DisputeAction.Accept, DisputeAction.RecordSession, DisputeAction.Succeed, DisputeAction.ApplyConfirmation, DisputeAction.RecordRuling, DisputeAction.FollowUp]);
        d.Version.ShouldBe(6);
    }

    [Fact]
    public void Actions_the_table_does_not_allow_are_refused_and_change_nothing()
    {
        var d = New();
        Should.Throw<ConflictException>(() => d.Succeed(new DateOnly(2024, 5, 6), AgreementKind.Oral, "x", new DateOnly(2024, 5, 6), "u", Now)).Message.ShouldContain("待受理");
        Should.Throw<ConflictException>(() => d.ApplyForConfirmation(new DateOnly(2024, 5, 6), "法院", "u", Now));
        Should.Throw<ConflictException>(() => d.FollowUp(new DateOnly(2024, 5, 6), "已履行", "x", "u", Now));
        d.Decline(new DateOnly(2024, 5, 2), "一方明确拒绝调解", "u", Now);
        Should.Throw<ConflictException>(() => d.Accept(new DateOnly(2024, 5, 3), 1, "x", "u", Now));
        d.Status.ShouldBe(DisputeStatus.Declined);
        d.Events.Count.ShouldBe(1);
    }

    [Fact]
    public void An_agreement_dated_before_the_dispute_was_registered_is_refused_naming_the_field()
    {
        var d = New();
        d.Accept(new DateOnly(2024, 5, 1), 7, "王明", "u", Now);
        var e = Should.Throw<FazhiValidationException>(() => d.Succeed(new DateOnly(2024, 4, 30), AgreementKind.Written, "x", new DateOnly(2024, 4, 30), "u", Now));
        e.Errors.Keys.ShouldContain("on");
        d.Status.ShouldBe(DisputeStatus.Mediating);
    }

    [Fact]
    public void A_ruling_needs_an_application_and_a_second_application_is_refused()
    {
        var d = New();
        d.Accept(new DateOnly(2024, 5, 1), 7, "王明", "u", Now);
        d.Succeed(new DateOnly(2024, 5, 6), AgreementKind.Written, "x", new DateOnly(2024, 5, 6), "u", Now);
        Should.Throw<ConflictException>(() => d.RecordRuling(new DateOnly(2024, 5, 7), ConfirmationResult.Valid, null, "u", Now));
        d.ApplyForConfirmation(new DateOnly(2024, 5, 10), "法院", "u", Now);
        Should.Throw<ConflictException>(() => d.ApplyForConfirmation(new DateOnly(2024, 5, 11), "法院", "u", Now));
    }

    [Fact]
    public void Every_action_the_state_machine_allows_has_exactly_one_handler()
    {
        foreach (var a in Enum.GetValues<DisputeAction>().Where(a => a != DisputeAction.Receive))
            DisputeActions.All.Count(h => h.Action == a).ShouldBe(1, a.ToString());
        foreach (var h in DisputeActions.All)
            foreach (var f in h.Form)
                typeof(DisputeActionRequest).GetProperty(f.Name).ShouldNotBeNull($"{h.Action}.{f.Name}");
    }

    [Fact]
    public void The_confirmation_handler_refuses_a_one_sided_application_and_a_late_one()
    {
        var d = New();
        d.Accept(new DateOnly(2024, 5, 1), 7, "王明", "u", Now);
        d.Succeed(new DateOnly(2024, 5, 13), AgreementKind.Written, "x", new DateOnly(2024, 5, 13), "u", Now);
        var handler = DisputeActions.Find(DisputeAction.ApplyConfirmation)!;
        var oneSided = Should.Throw<FazhiValidationException>(() => handler.Apply(d, new DisputeActionRequest(Court: "法院", Jointly: false), new DisputeActionContext(new DateOnly(2024, 5, 20), Now, "u", Calendar, [])));
        oneSided.Errors["jointly"][0].ShouldContain("第三十三条");
        var late = Should.Throw<FazhiValidationException>(() => handler.Apply(d, new DisputeActionRequest(Court: "法院", Jointly: true), new DisputeActionContext(new DateOnly(2024, 6, 13), Now, "u", Calendar, [])));
        late.Errors["on"][0].ShouldContain("三十日");
        d.ConfirmationAppliedOn.ShouldBeNull();
        handler.Apply(d, new DisputeActionRequest(Court: "法院", Jointly: true), new DisputeActionContext(new DateOnly(2024, 6, 12), Now, "u", Calendar, []));
        d.ConfirmationAppliedOn.ShouldBe(new DateOnly(2024, 6, 12));
    }

    [Fact]
    public void The_deadlines_are_the_soft_target_the_court_order_and_the_confirmation_window()
    {
        var d = New();
        d.Source = DisputeSource.CourtReferral;
        d.Court = "环翠区人民法院";
        d.CourtCaseNumber = "（2024）鲁1002民诉前调1号";
        d.CourtDeadline = new DateOnly(2024, 5, 31);
        d.Accept(new DateOnly(2024, 5, 2), 7, "王明", "u", Now);
        var open = MediationDeadlines.Compute(d, Calendar, 30);
        open.Select(x => (x.Kind, x.DueOn)).ShouldBe([(MediationDeadlines.Target, new DateOnly(2024, 6, 1)), (MediationDeadlines.Court, new DateOnly(2024, 5, 31))]);
        d.Succeed(new DateOnly(2024, 5, 13), AgreementKind.Written, "x", new DateOnly(2024, 5, 13), "u", Now);
        var after = MediationDeadlines.Compute(d, Calendar, 30);
        after.Single(x => x.Kind == MediationDeadlines.Confirmation).DueOn.ShouldBe(new DateOnly(2024, 6, 12));
        after.Where(x => x.Kind != MediationDeadlines.Confirmation).ShouldAllBe(x => x.Status == Fazhi.Web.Kernel.Timers.DeadlineStatus.Completed);
    }
}
