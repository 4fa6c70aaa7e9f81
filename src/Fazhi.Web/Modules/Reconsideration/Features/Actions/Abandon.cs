using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>视为放弃 (第三十一条第二款): only after 10 working days from the applicant's receipt of the notice, which must be
/// recorded (here, if it was not with the notice).</summary>
public sealed class Abandon : ICaseAction
{
    public CaseAction Action => CaseAction.Abandon;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) =>
    [
        ActionField.On(),
        new(nameof(ActionRequest.ReceivedOn), "申请人收到补正通知日期（已录入的可不填）", FieldKind.Date, Required: false),
        ActionField.Note("说明", required: false),
    ];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x)
    {
        c.EnsureAllowed(Action);
        if (c.Status == CaseStatus.AwaitingCorrection)
            CorrectionRules.EnsureAbandonAllowed(c, r.ReceivedOn, x.On, x.Calendar);
        if (r.ReceivedOn is { } received)
        {
            if (received > x.On)
                throw Kernel.Web.FazhiValidationException.For("receivedOn", "申请人收到补正通知的日期不能晚于视为放弃的日期");
            c.CorrectionNoticeReceivedOn = received;
        }
        c.Abandon(x.On, x.Actor, r.Note, x.NowUtc);
    }
}
