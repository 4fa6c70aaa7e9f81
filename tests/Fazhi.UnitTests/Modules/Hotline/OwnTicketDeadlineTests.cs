using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Modules.Hotline.Domain;
using Fazhi.Web.Modules.Hotline.Rules;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.UnitTests.Modules.Hotline;

/// <summary>本局工单 deadlines on the working-day calendar (2026: 国庆 10-01..10-07, 10-10 a make-up working day).</summary>
public sealed class OwnTicketDeadlineTests
{
    private static readonly HolidayCalendar Calendar = new(HolidayFile.LoadEmbedded());
    private static readonly OwnTicketOptions Defaults = new();

    private static OwnDeadlines Due(string received, string? replied = null, int extension = 0, OwnTicketOptions? o = null) =>
        OwnTicketDeadlines.Compute(DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture),
            replied is null ? null : DateOnly.Parse(replied, System.Globalization.CultureInfo.InvariantCulture), extension, o ?? Defaults,
            (d, n) => Calendar.AddWorkingDays(d, n));

    [Fact]
    public void An_ordinary_week_counts_from_the_next_working_day()
    {
        var d = Due("2026-03-02", replied: "2026-03-09");            // a Monday
        d.SignBy.ShouldBe(new DateOnly(2026, 3, 3));
        d.HandleBy.ShouldBe(new DateOnly(2026, 3, 9));                 // 3,4,5,6 and Monday 9 (the weekend skipped)
        d.ReplyBy.ShouldBe(new DateOnly(2026, 3, 9));
        d.RevisitBy.ShouldBe(new DateOnly(2026, 3, 12));
        OwnTicketDeadlines.OnTime(new DateOnly(2026, 3, 8), d.ReplyBy).ShouldBeTrue();   // the day before
        OwnTicketDeadlines.OnTime(new DateOnly(2026, 3, 9), d.ReplyBy).ShouldBeTrue();   // the day itself
        OwnTicketDeadlines.OnTime(new DateOnly(2026, 3, 10), d.ReplyBy).ShouldBeFalse(); // the day after
    }

    [Fact]
    public void The_national_day_holiday_is_skipped_and_its_make_up_saturday_counts()
    {
        var d = Due("2026-09-30");
        d.SignBy.ShouldBe(new DateOnly(2026, 10, 8));                  // 10-01..10-07 are holidays
        d.HandleBy.ShouldBe(new DateOnly(2026, 10, 13));               // 8, 9, Saturday 10 (调休上班), 12, 13
        d.RevisitBy.ShouldBeNull();
    }

    [Fact]
    public void An_extension_and_configured_periods_move_the_due_days()
    {
        Due("2026-03-02", extension: 3).HandleBy.ShouldBe(new DateOnly(2026, 3, 12));
        Due("2026-03-02", o: new OwnTicketOptions { HandleWorkingDays = 10, ReplyWorkingDays = 10 }).ReplyBy.ShouldBe(new DateOnly(2026, 3, 16));
    }

    [Fact]
    public void The_steps_go_in_order_and_an_extension_has_limits()
    {
        var t = new OwnTicket { TicketNo = "T1", ReceivedOn = new DateOnly(2026, 3, 2) };
        Should.Throw<ConflictException>(() => t.Handle(new DateOnly(2026, 3, 3)));
        Should.Throw<FazhiValidationException>(() => t.Sign(new DateOnly(2026, 3, 1))).Errors.Keys.ShouldContain("on");
        t.Sign(new DateOnly(2026, 3, 2));
        Should.Throw<FazhiValidationException>(() => t.Extend(11, "材料待补", 10)).Errors.Keys.ShouldContain("workingDays");
        t.Extend(5, "需现场核实", 10);
        t.Extend(5, "仍需核实", 10);
        Should.Throw<FazhiValidationException>(() => t.Extend(1, "再延", 10));
        t.Handle(new DateOnly(2026, 3, 10));
        Should.Throw<ConflictException>(() => t.Return("不属于本局职责", new DateOnly(2026, 3, 10)));
        t.ReplyWith("已答复", new DateOnly(2026, 3, 10));
        t.Revisit("满意", new DateOnly(2026, 3, 11));
        t.Status.ShouldBe(OwnTicketStatus.Revisited);
    }
}
