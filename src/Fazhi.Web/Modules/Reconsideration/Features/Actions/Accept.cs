using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>受理 (第三十条), by 普通程序 or, in the cases of 第五十三条, 简易程序; may be 呈报审批. Refused past the absolute
/// limit of 第二十一条 and with a date after the review period (第三十条第三款: deemed accepted that day).</summary>
public sealed class Accept : IApprovableAction
{
    public CaseAction Action => CaseAction.Accept;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) =>
    [
        ActionField.On("受理日期"),
        ActionField.Select(nameof(ActionRequest.Procedure), "审理程序", "普通程序", "简易程序"),
        new(nameof(ActionRequest.SimplifiedGround), "适用简易程序的情形（第五十三条，普通程序不填）", FieldKind.Select, false, ["", .. SimplifiedProcedure.Grounds]),
    ];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x)
    {
        c.EnsureAllowed(Action);
        var procedure = ReconNames.Parse<ProcedureKind>(r.Procedure, ReconNames.Of) ?? ProcedureKind.Ordinary;
        if (ApplicationLimits.AbsoluteLimitExceeded(c.ActDate, c.RealProperty, c.ReceivedOn, x.Calendar) is { } exceeded)
            throw FazhiValidationException.For("on", exceeded + "，不能受理，请作出不予受理决定。");
        if (c.Status == CaseStatus.Reviewing)
            ReviewPeriod.EnsureAcceptInTime(c, x.On, x.Calendar);
        c.Accept(x.On, procedure, r.SimplifiedGround, x.Actor, x.NowUtc);
    }

    public string Summary(ActionRequest r) => $"{r.On:yyyy-MM-dd}受理，{r.Procedure ?? "普通程序"}";
}
