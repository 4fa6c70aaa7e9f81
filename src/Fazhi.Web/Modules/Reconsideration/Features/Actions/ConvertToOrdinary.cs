using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>简易程序转普通程序 (第五十五条), approved by the head of the 行政复议机构.</summary>
public sealed class ConvertToOrdinary : ICaseAction
{
    public CaseAction Action => CaseAction.ConvertToOrdinary;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) => [ActionField.On("批准日期"), ActionField.ApprovedBy()];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x) => c.ConvertToOrdinary(x.On, r.ApprovedBy ?? "", x.Actor, x.NowUtc);
}
