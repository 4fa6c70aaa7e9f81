using Fazhi.Web.Modules.Mediation.Domain;

namespace Fazhi.Web.Modules.Mediation.Features.Actions;

/// <summary>选派: a mediator from the 调解员名录 (any committee in the caller's scope, with their current load shown on the
/// form) or another of the committee's own takes over an open dispute ([003] 调解员名录 with 选派; 人民调解法第十九条).</summary>
public sealed class Designate : IDisputeAction
{
    public DisputeAction Action => DisputeAction.Designate;

    public IReadOnlyList<DisputeField> Form { get; } =
    [
        new(nameof(DisputeActionRequest.On), "选派日期", DisputeFieldKind.Date),
        new(nameof(DisputeActionRequest.MediatorId), "调解员（名录）", DisputeFieldKind.Mediator),
        new(nameof(DisputeActionRequest.Reason), "选派理由", DisputeFieldKind.Text, Required: false),
    ];

    public void Apply(Dispute d, DisputeActionRequest r, DisputeActionContext x)
    {
        var m = x.Mediators.FirstOrDefault(m => m.Id == r.MediatorId && m.IsActive && (m.InRoster || m.OrgUnitId == d.OrgUnitId))
            ?? throw Kernel.Web.FazhiValidationException.For("mediatorId", r.MediatorId is null ? "请选择调解员" : "所选调解员未列入调解员名录、不在您的数据权限范围内或已停用");
        if (r.Reason?.Length > 200)
            throw Kernel.Web.FazhiValidationException.For("reason", "选派理由不能超过200个字符");
        d.Designate(x.On, m.Id, m.Name, r.Reason, x.Actor, x.NowUtc);
    }
}
