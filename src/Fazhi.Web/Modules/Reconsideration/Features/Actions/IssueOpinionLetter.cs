using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>制发行政复议意见书/建议书 (第七十六条): the agency is to answer within 60 days of receiving it.</summary>
public sealed class IssueOpinionLetter : ICaseAction
{
    public CaseAction Action => CaseAction.IssueOpinionLetter;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) =>
        [ActionField.On("送达日期"), ActionField.Select(nameof(ActionRequest.Mode), "文书", "意见书", "建议书"), ActionField.Reason("送达机关"), ActionField.Note("意见或建议")];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x) =>
        c.IssueOpinionLetter(x.On, r.Mode ?? "意见书", r.Reason ?? "", r.Note ?? "", x.Actor, x.NowUtc);
}
