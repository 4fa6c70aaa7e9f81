using Fazhi.Web.Modules.Legality.Domain;

namespace Fazhi.Web.Modules.Legality.Features.Actions;

/// <summary>提出审查意见: one comment on one clause (so comments are counted, not typed).</summary>
public sealed class AddComment : IMatterAction
{
    public MatterAction Action => MatterAction.AddComment;
    public string Permission => LegalityPermissions.Comment;
    public IReadOnlyList<MatterField> Form =>
        [new("On", "日期", MatterFieldKind.Date), new("Clause", "针对条款（如 第五条第二款；通篇写“全文”）", MatterFieldKind.Line), new("Text", "审查意见", MatterFieldKind.Text)];
    public void Apply(ReviewMatter m, MatterActionRequest r, MatterActionContext x) => m.AddComment(r.Clause ?? "", r.Text ?? "", x.On, x.Actor, x.NowUtc);
}
