using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>举行听证, with a summary of the record.</summary>
public sealed class HoldHearing : ICaseAction
{
    public CaseAction Action => CaseAction.HoldHearing;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) => [ActionField.On("听证日期"), ActionField.Note("听证笔录摘要")];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x) => c.HoldHearing(x.On, r.Note ?? "", x.Actor, x.NowUtc);
}
