using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>通知补正 (第三十一条): the notice lists everything to supply at once; the review period pauses.</summary>
public sealed class RequestCorrection : ICaseAction
{
    public CaseAction Action => CaseAction.RequestCorrection;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) =>
        [ActionField.On("通知日期"), new(nameof(ActionRequest.ReceivedOn), "申请人收到通知日期", FieldKind.Date), ActionField.Note("需补正的全部事项")];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x) => c.RequestCorrection(x.On, r.ReceivedOn, r.Note ?? "", x.Actor, x.NowUtc);
}
