using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>调解结案 (第七十三条): a 行政复议调解书 signed by the parties.</summary>
public sealed class Mediate : ICaseAction
{
    public CaseAction Action => CaseAction.Mediate;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) => [ActionField.On("调解书签收日期"), ActionField.Note("调解内容", required: false)];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x) => c.Mediate(x.On, r.Note, x.Actor, x.NowUtc);
}
