using Fazhi.Web.Modules.Mediation.Domain;

namespace Fazhi.Web.Modules.Mediation.Features.Actions;

/// <summary>受理: the committee takes the dispute and designates a mediator of its own or one from the 调解员名录 (人民调解法第十九条).</summary>
public sealed class Accept : IDisputeAction
{
    public DisputeAction Action => DisputeAction.Accept;

    public IReadOnlyList<DisputeField> Form { get; } =
        [new(nameof(DisputeActionRequest.On), "受理日期", DisputeFieldKind.Date), new(nameof(DisputeActionRequest.MediatorId), "调解员", DisputeFieldKind.Mediator)];

    public void Apply(Dispute d, DisputeActionRequest r, DisputeActionContext x)
    {
        var m = x.Mediators.FirstOrDefault(m => m.Id == r.MediatorId && m.IsActive)
            ?? throw Kernel.Web.FazhiValidationException.For("mediatorId", r.MediatorId is null ? "请指定调解员" : "所选调解员既不属于本调解委员会，也未列入调解员名录（或已停用）");
        d.Accept(x.On, m.Id, m.Name, x.Actor, x.NowUtc);
    }
}
