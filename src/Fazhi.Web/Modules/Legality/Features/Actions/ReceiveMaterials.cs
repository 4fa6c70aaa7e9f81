using Fazhi.Web.Modules.Legality.Domain;

namespace Fazhi.Web.Modules.Legality.Features.Actions;

/// <summary>收到补充材料: the clock resumes the next working day.</summary>
public sealed class ReceiveMaterials : IMatterAction
{
    public MatterAction Action => MatterAction.ReceiveMaterials;
    public string Permission => LegalityPermissions.Review;
    public IReadOnlyList<MatterField> Form => [new("On", "收到日期", MatterFieldKind.Date)];
    public void Apply(ReviewMatter m, MatterActionRequest r, MatterActionContext x) => m.ReceiveMaterials(x.On, x.Actor, x.NowUtc);
}
