using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>延期 (第六十二条): 普通程序 only, approved by the head of the 行政复议机构, within the configured limit
/// (Reconsideration:MaxExtensionDays, 30 days by the statute), and only before the period has run out; may be 呈报审批.</summary>
public sealed class Extend : IApprovableAction
{
    public CaseAction Action => CaseAction.Extend;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) =>
        [ActionField.On("批准日期"), new(nameof(ActionRequest.Days), "延长天数", FieldKind.Number, Min: 1, Max: rules.MaxExtensionDays), ActionField.ApprovedBy()];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x)
    {
        c.EnsureAllowed(Action);
        if (c.Status == CaseStatus.Hearing)
            DecisionRules.EnsureExtensionInTime(c, x.On, x.Calendar, x.Rules);
        c.Extend(x.On, r.Days ?? 0, r.ApprovedBy ?? "", x.Rules.MaxExtensionDays, x.Actor, x.NowUtc);
    }

    public string Summary(ActionRequest r) => $"延长{r.Days}日，批准人{r.ApprovedBy}";
}
