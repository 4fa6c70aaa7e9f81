using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>不予受理 (第三十条第二款): within the review period, with its reason; where this 复议机关 lacks jurisdiction the
/// decision names the competent one (the 2023 law's replacement for the old 告知).</summary>
public sealed class Reject : ICaseAction
{
    public const string NoJurisdiction = "不属于本机关管辖";

    public CaseAction Action => CaseAction.Reject;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) =>
    [
        ActionField.On(),
        ActionField.Reason("理由（第三十条第一款所列不符合的情形）"),
        new(nameof(ActionRequest.CompetentBody), "有管辖权的行政复议机关（理由为不属于本机关管辖时必填）", FieldKind.Text, Required: false),
    ];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x)
    {
        c.EnsureAllowed(Action);
        if (c.Status == CaseStatus.Reviewing)
            ReviewPeriod.EnsureRejectInTime(c, x.On, x.Calendar);
        var reason = r.Reason ?? "";
        if (reason.Contains("管辖", StringComparison.Ordinal) && string.IsNullOrWhiteSpace(r.CompetentBody))
            throw FazhiValidationException.For("competentBody", "不属于本机关管辖的，应当在不予受理决定中告知申请人有管辖权的行政复议机关（行政复议法第三十条第二款），请填写该机关。");
        c.Reject(x.On, string.IsNullOrWhiteSpace(r.CompetentBody) ? reason : $"{reason}；有管辖权的行政复议机关：{r.CompetentBody.Trim()}", x.Actor, x.NowUtc);
        c.RecordCompetentBody(r.CompetentBody);
    }
}
