using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>收到答复 and the evidence of the respondent.</summary>
public sealed class RecordReply : ICaseAction
{
    public CaseAction Action => CaseAction.RecordReply;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) => [ActionField.On("收到答复日期"), ActionField.Note("答复及证据摘要", required: false)];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x) => c.RecordReply(x.On, x.Actor, r.Note, x.NowUtc);
}
