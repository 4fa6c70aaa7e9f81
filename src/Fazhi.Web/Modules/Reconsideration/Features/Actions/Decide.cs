using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>作出行政复议决定 (第六十三条至第六十九条); may be 呈报审批.</summary>
public sealed class Decide : IApprovableAction
{
    public CaseAction Action => CaseAction.Decide;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) =>
    [
        ActionField.On("决定日期"),
        ActionField.Select(nameof(ActionRequest.DecisionType), "决定类型", "维持", "驳回", "变更", "撤销", "确认违法", "责令履行", "确认无效"),
        ActionField.Note("决定要旨", required: false),
    ];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x)
    {
        var type = ReconNames.Parse<DecisionType>(r.DecisionType, ReconNames.Of)
            ?? throw FazhiValidationException.For("decisionType", "决定类型应为维持、驳回、变更、撤销、确认违法、责令履行或确认无效");
        c.Decide(x.On, type, r.Note, x.Actor, x.NowUtc);
    }

    public string Summary(ActionRequest r) => $"{r.On:yyyy-MM-dd}作出{r.DecisionType}决定";
}
