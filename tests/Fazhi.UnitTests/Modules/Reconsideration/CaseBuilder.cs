using Fazhi.Web.Modules.Reconsideration.Domain;

namespace Fazhi.UnitTests.Modules.Reconsideration;

/// <summary>Builds a case and walks it to a state through the aggregate's own methods.</summary>
internal static class CaseBuilder
{
    public static readonly DateTime Now = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static ReconCase Received(string on = "2024-09-27") => new()
    {
        CaseNumber = "环翠复〔2024〕1号", ApplicantName = "张三", RespondentName = "环翠区市场监督管理局", Matter = "不服行政处罚决定",
        ReceivedOn = D(on), ReceivedAtUtc = D(on).ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc), Status = CaseStatus.Reviewing, Year = D(on).Year,
    };

    public static ReconCase Accepted(string on, ProcedureKind procedure = ProcedureKind.Ordinary, string? received = null)
    {
        var c = Received(received ?? on);
        c.Accept(D(on), procedure, procedure == ProcedureKind.Simplified ? "案件涉及款额三千元以下" : null, "tester", Now);
        return c;
    }

    /// <summary>A case in the given state, reached legally.</summary>
    public static ReconCase In(CaseStatus status)
    {
        var c = Received("2024-03-01");
        switch (status)
        {
            case CaseStatus.Reviewing: break;
            case CaseStatus.AwaitingCorrection: c.RequestCorrection(D("2024-03-04"), null, "补充身份证明", "t", Now); break;
            case CaseStatus.Abandoned:
                c.RequestCorrection(D("2024-03-04"), null, "补充身份证明", "t", Now);
                c.Abandon(D("2024-03-20"), "t", null, Now);
                break;
            case CaseStatus.NotAccepted: c.Reject(D("2024-03-05"), "超过申请期限", "t", Now); break;
            case CaseStatus.Referred: c.Refer(D("2024-03-05"), "告知向威海市人民政府申请", "t", Now); break;
            case CaseStatus.Voided: c.Void("重复登记", "t", Now); break;
            default:
                c.Accept(D("2024-03-05"), ProcedureKind.Ordinary, null, "t", Now);
                if (status == CaseStatus.Suspended) c.Suspend(D("2024-03-10"), "案件涉及法律适用问题需有权机关作出解释", "t", Now);
                if (status == CaseStatus.Terminated) c.Terminate(D("2024-03-10"), TerminationReason.Withdrawn, null, "t", Now);
                if (status == CaseStatus.Mediated) c.Mediate(D("2024-03-10"), "达成调解协议", "t", Now);
                if (status == CaseStatus.Decided) c.Decide(D("2024-03-10"), DecisionType.Uphold, null, "t", Now);
                break;
        }
        c.Status.ShouldBe(status);
        return c;
    }
}
