using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>记录行政复议委员会的咨询意见 (第五十二条第三款): the date, each member's opinion (members from the unit's
/// roster) and the conclusion.</summary>
public sealed class RecordConsultation : ICaseAction
{
    public CaseAction Action => CaseAction.RecordConsultation;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) =>
    [
        ActionField.On("咨询日期"),
        new(nameof(ActionRequest.Opinions), "各委员的意见（每行一位：姓名：意见；委员须在名册中）", FieldKind.Text),
        new(nameof(ActionRequest.Conclusion), "咨询意见结论", FieldKind.Text),
    ];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x)
    {
        c.EnsureAllowed(Action);
        var opinions = CommitteeRules.Opinions(r.Opinions, x.Roster);
        if (r.Conclusion is { Length: > CommitteeRules.TextLimit })
            throw FazhiValidationException.For("conclusion", $"咨询意见结论不超过{CommitteeRules.TextLimit}字");
        c.RecordConsultation(x.On, opinions, r.Conclusion ?? "", x.Actor, x.NowUtc);
    }
}
