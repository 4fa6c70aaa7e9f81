using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>视为放弃 (第三十一条第二款): no supply within the period and no good reason.</summary>
public sealed class Abandon : ICaseAction
{
    public CaseAction Action => CaseAction.Abandon;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) => [ActionField.On(), ActionField.Note("说明", required: false)];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x) => c.Abandon(x.On, x.Actor, r.Note, x.NowUtc);
}
