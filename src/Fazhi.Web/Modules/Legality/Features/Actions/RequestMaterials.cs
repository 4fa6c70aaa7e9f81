using Fazhi.Web.Modules.Legality.Domain;

namespace Fazhi.Web.Modules.Legality.Features.Actions;

/// <summary>通知补充材料: the review clock pauses.</summary>
public sealed class RequestMaterials : IMatterAction
{
    public MatterAction Action => MatterAction.RequestMaterials;
    public string Permission => LegalityPermissions.Review;
    public IReadOnlyList<MatterField> Form => [new("On", "通知日期", MatterFieldKind.Date), new("Note", "需补充的材料", MatterFieldKind.Text)];
    public void Apply(ReviewMatter m, MatterActionRequest r, MatterActionContext x) => m.RequestMaterials(x.On, r.Note ?? "", x.Actor, x.NowUtc);
}
