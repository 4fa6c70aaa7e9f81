using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>终止 (第四十一条): withdrawal, 调解, 和解 or another ground.</summary>
public sealed class Terminate : ICaseAction
{
    public CaseAction Action => CaseAction.Terminate;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) =>
        [ActionField.On(), ActionField.Select(nameof(ActionRequest.TerminationReason), "终止原因", "撤回", "调解", "和解", "其他"), ActionField.Note("说明", required: false)];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x)
    {
        var reason = ReconNames.Parse<TerminationReason>(r.TerminationReason, ReconNames.Of)
            ?? throw FazhiValidationException.For("terminationReason", "终止原因应为撤回、调解、和解或其他");
        c.Terminate(x.On, reason, r.Note, x.Actor, x.NowUtc);
    }
}
