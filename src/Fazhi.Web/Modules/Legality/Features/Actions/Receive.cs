using Fazhi.Web.Modules.Legality.Domain;

namespace Fazhi.Web.Modules.Legality.Features.Actions;

/// <summary>收件: the reviewing body takes the matter in, numbers it and the review period starts the next day.</summary>
public sealed class Receive : IMatterAction
{
    public MatterAction Action => MatterAction.Receive;
    public string Permission => LegalityPermissions.Review;
    public IReadOnlyList<MatterField> Form => [new("On", "收件日期", MatterFieldKind.Date)];
    public void Apply(ReviewMatter m, MatterActionRequest r, MatterActionContext x) => m.Receive(x.On, x.Number!, x.Actor, x.NowUtc);
}
