using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>中止 (第三十九条): the decision clock pauses from this day.</summary>
public sealed class Suspend : ICaseAction
{
    public CaseAction Action => CaseAction.Suspend;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) => [ActionField.On("中止日期"), ActionField.Reason("中止事由（第三十九条）")];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x) => c.Suspend(x.On, r.Reason ?? "", x.Actor, x.NowUtc);
}
