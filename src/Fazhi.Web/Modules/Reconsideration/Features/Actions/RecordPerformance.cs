using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>履行情况 (回头看): whether the agency carried out the decision or 调解书.</summary>
public sealed class RecordPerformance : ICaseAction
{
    public CaseAction Action => CaseAction.RecordPerformance;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) =>
        [ActionField.On("了解日期"), ActionField.Select(nameof(ActionRequest.Reason), "履行情况", "已履行", "部分履行", "未履行", "正在履行"), ActionField.Note("说明", required: false)];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x) => c.RecordPerformance(x.On, r.Reason ?? "", r.Note, x.Actor, x.NowUtc);
}
