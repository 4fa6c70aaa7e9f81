using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>安排听证: the notice goes out the configured number of working days before the hearing (第五十一条).</summary>
public sealed class ScheduleHearing : ICaseAction
{
    public CaseAction Action => CaseAction.ScheduleHearing;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) =>
        [ActionField.On("通知日期"), new(nameof(ActionRequest.HearingOn), "听证日期", FieldKind.Date)];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x)
    {
        var hearingOn = r.HearingOn ?? throw FazhiValidationException.For("hearingOn", "请填写听证日期");
        var notice = hearingOn <= x.On ? 0 : x.Calendar.WorkingDaysBetween(x.On, hearingOn.AddDays(-1));
        c.ScheduleHearing(x.On, hearingOn, x.Rules.HearingNoticeWorkingDays, notice, x.Actor, x.NowUtc);
    }
}
