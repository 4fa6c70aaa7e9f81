using Fazhi.Web.Modules.Legality.Domain;

namespace Fazhi.Web.Modules.Legality.Features.Actions;

/// <summary>分配审查人, inviting 法律顾问/公职律师 (重大行政决策程序暂行条例第二十八条).</summary>
public sealed class Assign : IMatterAction
{
    public MatterAction Action => MatterAction.Assign;
    public string Permission => LegalityPermissions.Review;
    public IReadOnlyList<MatterField> Form =>
        [new("On", "日期", MatterFieldKind.Date), new("Reviewer", "审查人", MatterFieldKind.Reviewer), new("Advisers", "邀请法律顾问（可不填）", MatterFieldKind.Line, Required: false)];
    public void Apply(ReviewMatter m, MatterActionRequest r, MatterActionContext x) => m.Assign(r.Reviewer ?? "", r.Advisers, x.On, x.Actor, x.NowUtc);
}
