using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>被申请人收到副本: the reply period of the respondent runs from here (第四十八条).</summary>
public sealed class RecordCopyReceived : ICaseAction
{
    public CaseAction Action => CaseAction.RecordCopyReceived;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) => [ActionField.On("被申请人收到日期")];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x) => c.RecordCopyReceived(x.On, x.Actor, x.NowUtc);
}
