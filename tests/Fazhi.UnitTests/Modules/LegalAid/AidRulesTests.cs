using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Modules.LegalAid.Features.Actions;
using Fazhi.Web.Modules.LegalAid.Rules;

namespace Fazhi.UnitTests.Modules.LegalAid;

/// <summary>法律援助法 periods (第四十三条 7 days to decide, 3 to assign; 第三十六条 3 days from a notice) on the official
/// calendar, calendar-day default and the working-day option, at their boundaries; the state machine's refusals.</summary>
public sealed class AidRulesTests
{
    private static readonly HolidayCalendar Calendar = new(HolidayFile.LoadEmbedded());
    private static readonly DateTime Now = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static AidCase Received(string on, AidChannel channel = AidChannel.Window, AidCaseType type = AidCaseType.Civil) => new()
    {
        Number = "t", ApplicantName = "申请人", Matter = "追索劳动报酬", CaseType = type, Channel = channel, ReceivedOn = D(on),
        Status = channel == AidChannel.Notice ? AidStatus.Granted : AidStatus.Reviewing, DecidedOn = channel == AidChannel.Notice ? D(on) : null,
        NoticeAuthority = channel == AidChannel.Notice ? "环翠区人民法院" : null,
    };

    private static DeadlineSpec Deadline(AidCase c, string kind, AidRulesOptions? o = null) =>
        AidDeadlines.Compute(c, Calendar, o ?? new AidRulesOptions()).Single(d => d.Kind == kind);

    [Theory]
    // 7 calendar days from the day after receipt; a last day that is a rest day moves to the next working day.
    [InlineData("2025-03-03", "2025-03-10")] // Monday → Monday
    [InlineData("2025-03-01", "2025-03-10")] // Saturday + 7 = Saturday 03-08 → Monday 03-10
    [InlineData("2024-09-23", "2024-09-30")] // Monday → Monday 09-30 (a working day before 国庆)
    [InlineData("2024-09-24", "2024-10-08")] // + 7 = 10-01 (国庆) → 10-08, the first working day after the holiday
    public void The_review_takes_seven_calendar_days_by_default(string received, string due)
    {
        var review = Deadline(Received(received), AidDeadlines.Review);
        review.DueOn.ShouldBe(D(due));
        review.Status.ShouldBe(DeadlineStatus.Open);
        review.Explanation.ShouldContain("第四十三条");
        review.Explanation.ShouldContain("自然日");
    }

    [Fact]
    public void Configured_as_working_days_the_review_counts_the_make_up_days_of_national_day()
    {
        // Friday 2024-09-27: 09-29 (调休 Sunday), 09-30, 10-08, 10-09, 10-10, 10-11, 10-12 (调休 Saturday).
        var review = Deadline(Received("2024-09-27"), AidDeadlines.Review, new AidRulesOptions { WorkingDays = true });
        review.DueOn.ShouldBe(D("2024-10-12"));
        review.Explanation.ShouldContain("工作日");
    }

    [Fact]
    public void Missing_materials_pause_the_review_and_their_arrival_restarts_it()
    {
        var c = Received("2025-03-03");
        c.RequestMaterials(D("2025-03-05"), "劳动合同、工资欠条复印件", "t", Now);
        Deadline(c, AidDeadlines.Review).Status.ShouldBe(DeadlineStatus.Paused);
        c.SupplyMaterials(D("2025-03-12"), "t", null, Now);
        var review = Deadline(c, AidDeadlines.Review);
        review.DueOn.ShouldBe(D("2025-03-19"));
        review.Explanation.ShouldContain("补充材料");
        // Without the exclusion the original period stands.
        Deadline(c, AidDeadlines.Review, new AidRulesOptions { ExcludeSupplementTime = false }).DueOn.ShouldBe(D("2025-03-10"));
    }

    [Fact]
    public void The_missing_materials_are_listed_once()
    {
        var c = Received("2025-03-03");
        c.RequestMaterials(D("2025-03-04"), "身份证复印件", "t", Now);
        c.SupplyMaterials(D("2025-03-05"), "t", null, Now);
        Should.Throw<ConflictException>(() => c.RequestMaterials(D("2025-03-06"), "户口簿", "t", Now)).Message.ShouldContain("一次性告知");
    }

    [Theory]
    [InlineData("2025-03-04", "2025-03-07")] // Tuesday → Friday
    [InlineData("2025-03-05", "2025-03-10")] // Wednesday + 3 = Saturday → Monday
    public void Assignment_is_due_three_days_after_the_grant(string granted, string due)
    {
        var c = Received("2025-03-03");
        c.Grant(D(granted), "t", null, Now);
        var assign = Deadline(c, AidDeadlines.Assign);
        assign.DueOn.ShouldBe(D(due));
        assign.Explanation.ShouldContain("第四十三条");
        Deadline(c, AidDeadlines.Review).Status.ShouldBe(DeadlineStatus.Completed);
    }

    [Fact]
    public void A_notice_must_be_assigned_within_three_days_across_spring_festival()
    {
        // Notice Monday 2025-01-27: + 3 = 01-30 (春节, 01-28…02-04 off) → 02-05.
        var c = Received("2025-01-27", AidChannel.Notice, AidCaseType.Criminal);
        AidDeadlines.Compute(c, Calendar, new AidRulesOptions()).ShouldNotContain(d => d.Kind == AidDeadlines.Review);
        var assign = Deadline(c, AidDeadlines.Assign);
        assign.DueOn.ShouldBe(D("2025-02-05"));
        assign.Explanation.ShouldContain("第三十六条");
        c.Assign(D("2025-01-27"), 1, "李律师", "t", Now);
        Deadline(c, AidDeadlines.Assign).Status.ShouldBe(DeadlineStatus.Completed);
    }

    [Fact]
    public void A_case_cannot_close_before_it_was_assigned()
    {
        var c = Received("2025-03-03");
        c.Grant(D("2025-03-03"), "t", null, Now);
        Should.Throw<ConflictException>(() => c.Close(D("2025-03-04"), AidResult.Won, 0, null, 0, null, "t", Now)).Message.ShouldContain("尚未指派");
        c.Status.ShouldBe(AidStatus.Granted);
        c.Assign(D("2025-03-03"), 7, "王律师", "t", Now);
        Should.Throw<FazhiValidationException>(() => c.Close(D("2025-03-02"), AidResult.Won, 0, null, 0, null, "t", Now)).Errors.Keys.ShouldContain("on");
        c.Close(D("2025-04-01"), AidResult.Won, 1_234_500, "仲裁", 150_000, null, "t", Now);
        c.Status.ShouldBe(AidStatus.Closed);
        c.SameDay.ShouldBeTrue();
    }

    [Fact]
    public void A_refusal_needs_written_reasons_and_urgent_aid_one_of_article_44s_grounds()
    {
        var c = Received("2025-03-03");
        Should.Throw<FazhiValidationException>(() => c.Refuse(D("2025-03-04"), "  ", "t", Now)).Errors.Keys.ShouldContain("reason");
        c.Status.ShouldBe(AidStatus.Reviewing);
        Should.Throw<FazhiValidationException>(() => c.ProvideFirst(D("2025-03-04"), "领导交办", "t", Now)).Errors.Keys.ShouldContain("reason");
        c.ProvideFirst(D("2025-03-04"), Eligibility.UrgentGrounds[0], "t", Now);
        c.Status.ShouldBe(AidStatus.Granted);
        c.ProvidedFirst.ShouldBeTrue();
    }

    [Fact]
    public void Scores_and_satisfaction_are_bounded()
    {
        var c = Received("2025-03-03");
        c.Grant(D("2025-03-03"), "t", null, Now);
        c.Assign(D("2025-03-04"), 7, "王律师", "t", Now);
        Should.Throw<FazhiValidationException>(() => c.Callback(D("2025-03-05"), 6, null, "t", Now)).Errors.Keys.ShouldContain("score");
        c.Close(D("2025-03-20"), AidResult.Mediated, 0, null, 0, null, "t", Now);
        Should.Throw<FazhiValidationException>(() => c.ReviewFile(D("2025-03-21"), 101, null, "t", Now)).Errors.Keys.ShouldContain("score");
        c.ReviewFile(D("2025-03-21"), 92, null, "t", Now);
        c.FileScore.ShouldBe(92);
    }

    [Theory]
    [InlineData("-1", "不能为负数")]
    [InlineData("100000001", "超出合理范围")]
    [InlineData("12.345", "两位小数")]
    public void Bad_amounts_are_refused_naming_the_field(string yuan, string message) =>
        Should.Throw<FazhiValidationException>(() => AidActions.Fen(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture), "recoveredYuan", 100_000_000))
            .Errors["recoveredYuan"].Single().ShouldContain(message);

    [Fact]
    public void Amounts_are_kept_in_fen() => AidActions.Fen(4_350_000.55m, "x", 100_000_000).ShouldBe(435_000_055L);

    [Fact]
    public void Every_action_of_the_table_but_receipt_has_exactly_one_handler()
    {
        foreach (var (action, _, _) in AidStateMachine.Rows.Where(r => r.Action != AidAction.Receive))
            AidActions.All.Count(a => a.Action == action).ShouldBe(1, action.ToString());
        AidActions.FromSegment("request-materials")!.Action.ShouldBe(AidAction.RequestMaterials);
        AidStateMachine.IsAllowed(AidStatus.Granted, AidAction.Close).ShouldBeFalse();
        AidStateMachine.IsAllowed(AidStatus.Refused, AidAction.Assign).ShouldBeFalse();
    }

    [Fact]
    public void The_green_channel_requires_the_matching_article_42_category()
    {
        Eligibility.GreenChannelFits(GreenKind.MigrantWages, EligibilityBasis.Exempt, Eligibility.ExemptCategories[2]).ShouldBeTrue();
        Eligibility.GreenChannelFits(GreenKind.MigrantWages, EligibilityBasis.HardshipChecked, null).ShouldBeFalse();
        Eligibility.GreenChannelFits(GreenKind.Dibao, EligibilityBasis.Exempt, Eligibility.ExemptCategories[1]).ShouldBeTrue();
        Eligibility.GreenChannelFits(GreenKind.Dibao, EligibilityBasis.Exempt, Eligibility.ExemptCategories[2]).ShouldBeFalse();
    }
}
