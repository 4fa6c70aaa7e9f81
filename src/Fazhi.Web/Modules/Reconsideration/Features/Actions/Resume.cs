using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>恢复审理 after 中止.</summary>
public sealed class Resume : ICaseAction
{
    public CaseAction Action => CaseAction.Resume;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) => [ActionField.On("恢复日期")];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x) => c.Resume(x.On, x.Actor, x.NowUtc);
}
