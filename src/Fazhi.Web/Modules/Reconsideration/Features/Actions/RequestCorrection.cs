using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>通知补正 (第三十一条): within the review period; one notice listing everything (a second needs its reason); the
/// review period pauses. The applicant's receipt date may follow later (it is required before 视为放弃).</summary>
public sealed class RequestCorrection : ICaseAction
{
    public CaseAction Action => CaseAction.RequestCorrection;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) =>
    [
        ActionField.On("通知日期"),
        new(nameof(ActionRequest.ReceivedOn), "申请人收到通知日期（尚未收到的，视为放弃前补录）", FieldKind.Date, Required: false),
        ActionField.Note("需补正的全部事项"),
        new(nameof(ActionRequest.Reason), "再次通知补正的理由（第二次及以后必填）", FieldKind.Text, Required: false),
    ];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x)
    {
        c.EnsureAllowed(Action);
        if (c.Status == CaseStatus.Reviewing)
            ReviewPeriod.EnsureCorrectionInTime(c, x.On, x.Calendar);
        CorrectionRules.EnsureSecondNoticeJustified(c, r.Reason);
        if (r.ReceivedOn is { } received && received < x.On)
            throw Kernel.Web.FazhiValidationException.For("receivedOn", $"申请人收到通知的日期不能早于通知日期（{x.On:yyyy-MM-dd}）。");
        var items = r.Note ?? "";
        c.RequestCorrection(x.On, r.ReceivedOn, CorrectionRules.NoticesIssued(c) > 0 && !string.IsNullOrWhiteSpace(items) ? $"{items}（再次通知补正，理由：{r.Reason}）" : items, x.Actor, x.NowUtc);
    }
}
