using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>意见书反馈: the answer of the agency to a 意见书/建议书.</summary>
public sealed class RecordOpinionReply : ICaseAction
{
    public CaseAction Action => CaseAction.RecordOpinionReply;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) => [ActionField.On("收到反馈日期"), ActionField.Note("反馈内容", required: false)];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x) => c.RecordOpinionReply(x.On, r.Note, x.Actor, x.NowUtc);
}
