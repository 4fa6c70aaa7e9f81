using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>告知: the applicant is told which body or route to turn to.</summary>
public sealed class Refer : ICaseAction
{
    public CaseAction Action => CaseAction.Refer;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) => [ActionField.On(), ActionField.Reason("告知的机关或途径")];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x) => c.Refer(x.On, r.Reason ?? "", x.Actor, x.NowUtc);
}
