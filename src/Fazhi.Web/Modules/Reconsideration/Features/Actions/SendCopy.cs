using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>发送申请书副本 to the respondent (第四十八条).</summary>
public sealed class SendCopy : ICaseAction
{
    public CaseAction Action => CaseAction.SendCopy;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) => [ActionField.On("发送日期")];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x) => c.SendCopy(x.On, x.Actor, x.NowUtc);
}
