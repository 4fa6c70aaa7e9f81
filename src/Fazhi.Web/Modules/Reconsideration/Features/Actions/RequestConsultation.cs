using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>提请行政复议委员会提出咨询意见 (第五十二条第二款), naming the ground; the decision then waits for the opinion.</summary>
public sealed class RequestConsultation : ICaseAction
{
    public CaseAction Action => CaseAction.RequestConsultation;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) =>
    [
        ActionField.On("提请日期"),
        ActionField.Select(nameof(ActionRequest.ConsultationGround), "提请情形（第五十二条第二款）", CommitteeRules.Grounds),
        ActionField.Note("提请咨询的事项"),
    ];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x)
    {
        c.EnsureAllowed(Action);
        var ground = CommitteeRules.Ground(r.ConsultationGround);
        if (r.Note is { Length: > CommitteeRules.TextLimit })
            throw Kernel.Web.FazhiValidationException.For("note", $"提请咨询的事项不超过{CommitteeRules.TextLimit}字");
        c.RequestConsultation(x.On, ground, r.Note ?? "", x.Actor, x.NowUtc);
    }
}
