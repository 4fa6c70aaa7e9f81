using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>联系当事人 (1小时速联快调): the time of the contact, Beijing time unless it carries an offset, not later than now.</summary>
public sealed class RecordContact : ICaseAction
{
    public CaseAction Action => CaseAction.RecordContact;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) =>
        [new(nameof(ActionRequest.At), "联系时间", FieldKind.DateTime), ActionField.Note("联系方式与内容", required: false)];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x)
    {
        var at = r.At is { } a ? ReconCaseService.ToUtc(a) : x.NowUtc;
        if (at > x.NowUtc.AddMinutes(5))
            throw FazhiValidationException.For("at", "联系时间不能晚于现在。");
        c.RecordContact(at, r.Note ?? "电话联系", x.Actor);
    }
}
