using Fazhi.Web.Modules.Legality.Domain;

namespace Fazhi.Web.Modules.Legality.Features.Actions;

/// <summary>办结: every comment has its adoption answer.</summary>
public sealed class Close : IMatterAction
{
    public MatterAction Action => MatterAction.Close;
    public string Permission => LegalityPermissions.Review;
    public IReadOnlyList<MatterField> Form => [new("On", "办结日期", MatterFieldKind.Date)];
    public void Apply(ReviewMatter m, MatterActionRequest r, MatterActionContext x) => m.Close(x.On, x.Actor, x.NowUtc);
}
