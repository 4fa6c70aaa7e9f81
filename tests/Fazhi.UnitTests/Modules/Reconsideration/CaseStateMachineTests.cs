using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using static Fazhi.UnitTests.Modules.Reconsideration.CaseBuilder;

namespace Fazhi.UnitTests.Modules.Reconsideration;

/// <summary>Every action from every state: allowed ones reach the table's next state, the rest are refused in Chinese.</summary>
public sealed class CaseStateMachineTests
{
    public static TheoryData<CaseStatus, CaseAction> AllPairs()
    {
        var data = new TheoryData<CaseStatus, CaseAction>();
        foreach (var s in Enum.GetValues<CaseStatus>())
            foreach (var a in Enum.GetValues<CaseAction>().Where(a => a != CaseAction.Receive))
                data.Add(s, a);
        return data;
    }

    private static void Do(ReconCase c, CaseAction a)
    {
        var on = D("2024-03-28");
        switch (a)
        {
            case CaseAction.RequestCorrection: c.RequestCorrection(on, null, "补充材料", "t", Now); break;
            case CaseAction.ReceiveCorrection: c.ReceiveCorrection(on, "t", Now); break;
            case CaseAction.Abandon: c.Abandon(on, "t", null, Now); break;
            case CaseAction.Accept: c.Accept(on, ProcedureKind.Ordinary, null, "t", Now); break;
            case CaseAction.DeemAccept: c.DeemAccept(on, Now); break;
            case CaseAction.Reject: c.Reject(on, "理由", "t", Now); break;
            case CaseAction.Refer: c.Refer(on, "告知", "t", Now); break;
            case CaseAction.SendCopy: c.SendCopy(on, "t", Now); break;
            case CaseAction.RecordCopyReceived:
                if (c.CopySentOn is null && CaseStateMachine.IsAllowed(c.Status, CaseAction.SendCopy)) c.SendCopy(on, "t", Now);
                c.RecordCopyReceived(on, "t", Now);
                break;
            case CaseAction.RecordReply: c.RecordReply(on, "t", null, Now); break;
            case CaseAction.HearOpinion: c.HearOpinion(on, OpinionMode.Phone, "申请人陈述", "t", Now); break;
            case CaseAction.ScheduleHearing: c.ScheduleHearing(on, on.AddDays(10), 5, 6, "t", Now); break;
            case CaseAction.HoldHearing: c.HoldHearing(on, "听证笔录", "t", Now); break;
            case CaseAction.Suspend: c.Suspend(on, "事由", "t", Now); break;
            case CaseAction.Resume: c.Resume(on, "t", Now); break;
            case CaseAction.Extend: c.Extend(on, 10, "负责人", 30, "t", Now); break;
            case CaseAction.ConvertToOrdinary: c.ConvertToOrdinary(on, "负责人", "t", Now); break;
            case CaseAction.Terminate: c.Terminate(on, TerminationReason.Withdrawn, null, "t", Now); break;
            case CaseAction.Mediate: c.Mediate(on, null, "t", Now); break;
            case CaseAction.Decide: c.Decide(on, DecisionType.Uphold, null, "t", Now); break;
            case CaseAction.Serve: c.Serve(on, "t", Now); break;
            case CaseAction.RecordContact: c.RecordContact(c.ReceivedAtUtc.AddMinutes(30), "电话", "t"); break;
            case CaseAction.Assign: c.Assign("huancui", "t", Now); break;
            case CaseAction.RecordPerformance: c.RecordPerformance(D("2024-04-01"), "已履行", null, "t", Now); break;
            case CaseAction.IssueOpinionLetter: c.IssueOpinionLetter(on, "意见书", "环翠区市场监督管理局", "规范执法", "t", Now); break;
            case CaseAction.RecordOpinionReply:
                if (c.OpinionLetterOn is null && CaseStateMachine.IsAllowed(c.Status, CaseAction.IssueOpinionLetter))
                    c.IssueOpinionLetter(on, "意见书", "环翠区市场监督管理局", "规范执法", "t", Now);
                c.RecordOpinionReply(on.AddDays(10), null, "t", Now);
                break;
            case CaseAction.Amend: c.Amend("申请人", c.ApplicantName, "李四", x => x.ApplicantName = "李四", "录错", "t", Now); break;
            case CaseAction.Void: c.Void("重复登记", "t", Now); break;
            case CaseAction.AddParty: c.AddParty(new CaseParty { Role = PartyRole.ThirdParty, Name = "第三人" }, "t", Now); break;
            case CaseAction.RequestConsultation: c.RequestConsultation(on, Fazhi.Web.Modules.Reconsideration.Rules.CommitteeRules.Grounds[0], "事项", "t", Now); break;
            case CaseAction.RecordConsultation:
                if (c.PendingConsultation is null && CaseStateMachine.IsAllowed(c.Status, CaseAction.RequestConsultation))
                    c.RequestConsultation(on, Fazhi.Web.Modules.Reconsideration.Rules.CommitteeRules.Grounds[0], "事项", "t", Now);
                c.RecordConsultation(on, [("甲", "同意"), ("乙", "同意")], "结论", "t", Now);
                break;
            default: throw new InvalidOperationException($"the test does not know how to {a}");
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Each_action_from_each_state_follows_the_table(CaseStatus from, CaseAction action)
    {
        var c = In(from);
        var events = c.Events.Count;
        if (!CaseStateMachine.IsAllowed(from, action))
        {
            var e = Should.Throw<ConflictException>(() => Do(c, action));
            e.Message.ShouldContain(ReconNames.Of(from));
            e.Message.ShouldContain(CaseStateMachine.NameOf(action));
            c.Status.ShouldBe(from);
            c.Events.Count.ShouldBe(events);
            return;
        }
        if (action == CaseAction.ConvertToOrdinary)
        {
            Should.Throw<ConflictException>(() => Do(c, action)); // allowed state, but the case is not simplified
            return;
        }
        Do(c, action);
        c.Status.ShouldBe(CaseStateMachine.Next(from, action));
        c.Events.Count.ShouldBeGreaterThan(events);
        c.Events[^1].Actor.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void A_case_runs_from_receipt_to_service()
    {
        var c = Received("2024-03-01");
        c.RecordContact(c.ReceivedAtUtc.AddMinutes(40), "电话联系申请人，尝试速联快调", "huancui");
        c.RequestCorrection(D("2024-03-04"), D("2024-03-05"), "补充处罚决定书", "huancui", Now);
        c.ReceiveCorrection(D("2024-03-08"), "huancui", Now);
        c.Accept(D("2024-03-11"), ProcedureKind.Ordinary, null, "huancui", Now);
        c.SendCopy(D("2024-03-12"), "huancui", Now);
        c.RecordCopyReceived(D("2024-03-13"), "huancui", Now);
        c.RecordReply(D("2024-03-20"), "huancui", "被申请人提交答复及证据", Now);
        c.HearOpinion(D("2024-03-22"), OpinionMode.InPerson, "申请人认为处罚过重", "huancui", Now);
        c.ScheduleHearing(D("2024-03-25"), D("2024-04-08"), 5, 9, "huancui", Now);
        c.HoldHearing(D("2024-04-08"), "双方质证", "huancui", Now);
        c.Decide(D("2024-04-20"), DecisionType.Vary, "罚款数额变更为2000元", "huancui", Now);
        c.Serve(D("2024-04-22"), "huancui", Now);
        c.Status.ShouldBe(CaseStatus.Decided);
        c.ClosedOn.ShouldBe(D("2024-04-20"));
        c.ContactedWithinAnHour.ShouldBeTrue();
        c.Events.Select(e => e.Action).ShouldContain(CaseAction.HoldHearing);
    }

    [Fact]
    public void Dates_out_of_order_are_refused_naming_the_field()
    {
        var c = Accepted("2024-03-11", received: "2024-03-01");
        Should.Throw<FazhiValidationException>(() => c.Decide(D("2024-03-10"), DecisionType.Uphold, null, "t", Now)).Errors.ShouldContainKey("on");
        Should.Throw<FazhiValidationException>(() => c.Suspend(D("2024-03-20"), " ", "t", Now)).Errors.ShouldContainKey("reason");
        Should.Throw<FazhiValidationException>(() => c.ScheduleHearing(D("2024-03-20"), D("2024-03-22"), 5, 2, "t", Now))
            .Message.ShouldContain("第五十一条");
        Should.Throw<FazhiValidationException>(() => c.RecordContact(c.ReceivedAtUtc.AddHours(-1), "电话", "t")).Errors.ShouldContainKey("at");
        c.Status.ShouldBe(CaseStatus.Hearing);
    }

    [Fact]
    public void Deemed_acceptance_dates_the_case_from_the_expiry_day()
    {
        var c = Received("2024-09-27");
        c.DeemAccept(D("2024-10-10"), Now);
        c.Status.ShouldBe(CaseStatus.Hearing);
        c.AcceptedOn.ShouldBe(D("2024-10-10"));
        c.DeemedAccepted.ShouldBeTrue();
        c.Events[^1].Note!.ShouldContain("第三十条第三款");
    }
}
