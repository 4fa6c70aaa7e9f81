using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>不予受理 (第三十条第二款), naming the competent body where this one lacks jurisdiction.</summary>
public sealed class Reject : ICaseAction
{
    public CaseAction Action => CaseAction.Reject;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) => [ActionField.On(), ActionField.Reason("理由（无管辖权的写明有管辖权的机关）")];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x) => c.Reject(x.On, r.Reason ?? "", x.Actor, x.NowUtc);
}
