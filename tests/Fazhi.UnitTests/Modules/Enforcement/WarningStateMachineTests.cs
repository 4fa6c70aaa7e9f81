using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Domain;

namespace Fazhi.UnitTests.Modules.Enforcement;

/// <summary>预警's lifecycle as a table: 下发 → 反馈 → 整改 → 销号, 退回 back to 整改, and the engine's own close and re-open.</summary>
public sealed class WarningStateMachineTests
{
    private static EnforcementWarning Issued() => new()
    {
        RuleCode = "ZF01", Subject = "CF-1", Message = "m", DedupKey = "ZF01:CF-1", RaisedOn = new(2026, 3, 2), DueOn = new(2026, 3, 9),
        Status = WarningStatus.Issued,
    };

    [Fact]
    public void A_warning_goes_through_feedback_rectification_return_and_closing()
    {
        var w = Issued();
        w.GiveFeedback("已核实", new(2026, 3, 4), new(2026, 3, 18));
        w.Status.ShouldBe(WarningStatus.Rectifying);
        w.DueOn.ShouldBe(new DateOnly(2026, 3, 18));
        w.StepStartedOn.ShouldBe(new DateOnly(2026, 3, 4));
        w.ReportRectification("已整改", new(2026, 3, 10));
        w.Status.ShouldBe(WarningStatus.Rectified);
        w.SendBack("材料不全", new(2026, 3, 11), new(2026, 3, 25));
        w.Status.ShouldBe(WarningStatus.Rectifying);
        w.CloseNote.ShouldBe("退回：材料不全");
        w.ReportRectification("已补齐", new(2026, 3, 12));
        w.Close("同意销号", new(2026, 3, 13), "huancui");
        w.Status.ShouldBe(WarningStatus.Closed);
        w.ClosedBy.ShouldBe("huancui");
        w.Version.ShouldBe(5);
    }

    [Fact]
    public void A_step_from_the_wrong_state_is_refused_naming_the_state_and_changes_nothing()
    {
        var w = Issued();
        var e = Should.Throw<ConflictException>(() => w.Close("x", new(2026, 3, 4), "huancui"));
        e.Message.ShouldBe("该预警当前为“待反馈”，不能销号。");
        w.Status.ShouldBe(WarningStatus.Issued);
        w.Version.ShouldBe(0);
        w.ClosedOn.ShouldBeNull();
        Should.Throw<ConflictException>(() => w.ReportRectification("x", new(2026, 3, 4)));
        Should.Throw<ConflictException>(() => w.Reopen("m", new(2026, 3, 4), new(2026, 3, 11)));
    }

    [Fact]
    public void The_engine_closes_an_unanswered_warning_and_reopens_only_a_closed_one()
    {
        var w = Issued();
        w.AutoClose(new(2026, 3, 3));
        w.Status.ShouldBe(WarningStatus.Closed);
        w.AutoClosed.ShouldBeTrue();
        w.Reopen("again", new(2026, 4, 1), new(2026, 4, 9));
        w.Status.ShouldBe(WarningStatus.Issued);
        w.AutoClosed.ShouldBeFalse();
        w.DueOn.ShouldBe(new DateOnly(2026, 4, 9));
        w.GiveFeedback("已核实", new(2026, 4, 2), new(2026, 4, 16));
        Should.Throw<ConflictException>(() => w.AutoClose(new(2026, 4, 3)));
    }

    [Fact]
    public void Every_state_but_closed_by_a_person_has_a_way_on()
    {
        foreach (var s in Enum.GetValues<WarningStatus>())
            WarningStateMachine.AllowedFrom(s).ShouldNotBeEmpty(s.ToString());
    }
}

/// <summary>执法证's lifecycle as a table: 有效 ⇄ 暂扣, 注销 and 撤销 final.</summary>
public sealed class CertificateStateMachineTests
{
    [Fact]
    public void Suspension_and_restoration_go_both_ways_and_cancellation_is_final()
    {
        CertificateStateMachine.AllowedFrom(CertificateStatus.Valid).ShouldContain(CertificateStatus.Suspended);
        CertificateStateMachine.AllowedFrom(CertificateStatus.Suspended).ShouldContain(CertificateStatus.Valid);
        CertificateStateMachine.IsFinal(CertificateStatus.Cancelled).ShouldBeTrue();
        CertificateStateMachine.IsFinal(CertificateStatus.Revoked).ShouldBeTrue();
        Should.Throw<ConflictException>(() => CertificateStateMachine.Check(CertificateStatus.Revoked, CertificateStatus.Valid, "37100220001", new(2026, 1, 5)))
            .Message.ShouldBe("执法证37100220001已于2026-01-05撤销，不能再作任何变更。");
        Should.Throw<ConflictException>(() => CertificateStateMachine.Check(CertificateStatus.Valid, CertificateStatus.Valid, "x", null))
            .Message.ShouldContain("已是“有效”");
    }
}
