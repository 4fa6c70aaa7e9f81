using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>送达 of the decision (or 不予受理, 终止, 调解书).</summary>
public sealed class Serve : ICaseAction
{
    public CaseAction Action => CaseAction.Serve;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) => [ActionField.On("送达日期")];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x) => c.Serve(x.On, x.Actor, x.NowUtc);
}
