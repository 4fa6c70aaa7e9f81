using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Modules.Mediation.Features;
using Fazhi.Web.Modules.Mediation.Rules;

namespace Fazhi.UnitTests.Modules.Mediation;

/// <summary>选派 is a step of an open mediation only; the expiry reminders name the dispute and the rule they come from.</summary>
public sealed class DesignateAndReminderTests
{
    private static readonly DateTime Now = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Dispute Mediating() => new()
    {
        Number = "（2025）鲸园调字第1号", Category = "02", Summary = "漏水", ReceivedOn = new DateOnly(2025, 3, 3), Status = DisputeStatus.Mediating,
        AcceptedOn = new DateOnly(2025, 3, 4), MediatorId = 1,
    };

    [Theory]
    [InlineData(DisputeStatus.Registered, false)]
    [InlineData(DisputeStatus.Mediating, true)]
    [InlineData(DisputeStatus.Succeeded, false)]
    [InlineData(DisputeStatus.Failed, false)]
    public void Designate_is_allowed_only_while_mediating(DisputeStatus status, bool allowed) =>
        DisputeStateMachine.IsAllowed(status, DisputeAction.Designate).ShouldBe(allowed);

    [Fact]
    public void Designating_records_the_new_mediator_and_refuses_the_same_one_or_a_day_before_acceptance()
    {
        var d = Mediating();
        Should.Throw<Fazhi.Web.Kernel.Web.FazhiValidationException>(() => d.Designate(new DateOnly(2025, 3, 5), 1, "甲", null, "t", Now));
        Should.Throw<Fazhi.Web.Kernel.Web.FazhiValidationException>(() => d.Designate(new DateOnly(2025, 3, 3), 2, "乙", null, "t", Now));
        d.Designate(new DateOnly(2025, 3, 4), 2, "乙", "当事人选择", "t", Now);
        (d.MediatorId, d.Status, d.Events[^1].Note).ShouldBe((2L, DisputeStatus.Mediating, "选派调解员乙：当事人选择"));
    }

    [Theory]
    [InlineData(MediationDeadlines.Target, "人民调解工作若干规定第三十三条")]
    [InlineData(MediationDeadlines.Court, "委托调解")]
    [InlineData(MediationDeadlines.Confirmation, "人民调解法第三十三条")]
    public void Each_deadline_has_a_reminder_naming_the_dispute_and_its_rule(string kind, string rule)
    {
        var (title, body) = MediationTimerHandler.Text(kind, "（2025）鲸园调字第1号", "环翠区人民法院", "（2025）鲁1002民初1号", new DateOnly(2025, 4, 3));
        title!.ShouldContain("（2025）鲸园调字第1号");
        body!.ShouldContain(rule);
        body!.ShouldContain("2025-04-03");
    }

    [Fact]
    public void A_kind_without_a_reminder_sends_nothing() =>
        MediationTimerHandler.Text("other", "n", null, null, new DateOnly(2025, 1, 1)).Title.ShouldBeNull();
}
