using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>作废 (e.g. a case registered twice): the number stays taken and is never reused, the case is marked void and left
/// out of every figure; its timers end.</summary>
public sealed class Void : ICaseAction
{
    public CaseAction Action => CaseAction.Void;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) => [ActionField.Reason("作废理由")];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x) => c.Void(r.Reason ?? "", x.Actor, x.NowUtc);
}
