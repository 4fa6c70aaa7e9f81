using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>听取意见 (第四十九条): in person, by phone or online, recorded.</summary>
public sealed class HearOpinion : ICaseAction
{
    public CaseAction Action => CaseAction.HearOpinion;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) =>
        [ActionField.On(), ActionField.Select(nameof(ActionRequest.Mode), "方式", "当面", "电话", "网络"), ActionField.Note("听取的意见")];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x)
    {
        var mode = ReconNames.Parse<OpinionMode>(r.Mode, ReconNames.Of) ?? throw FazhiValidationException.For("mode", "听取意见方式应为当面、电话或网络");
        c.HearOpinion(x.On, mode, r.Note ?? "", x.Actor, x.NowUtc);
    }
}
