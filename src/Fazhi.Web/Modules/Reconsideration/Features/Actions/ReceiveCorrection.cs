using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>收到补正材料: a new review under 第三十条 starts from this day.</summary>
public sealed class ReceiveCorrection : ICaseAction
{
    public CaseAction Action => CaseAction.ReceiveCorrection;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) => [ActionField.On("收到补正材料日期")];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x) => c.ReceiveCorrection(x.On, x.Actor, x.NowUtc);
}
