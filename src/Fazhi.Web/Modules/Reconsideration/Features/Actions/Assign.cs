using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>分配承办人 (or 取消分配 when none is given).</summary>
public sealed class Assign : ICaseAction
{
    public CaseAction Action => CaseAction.Assign;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) => [new(nameof(ActionRequest.Assignee), "承办人", FieldKind.Assignee, false)];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x) =>
        c.Assign(string.IsNullOrWhiteSpace(r.Assignee) ? null : r.Assignee.Trim(), x.Actor, x.NowUtc);
}
