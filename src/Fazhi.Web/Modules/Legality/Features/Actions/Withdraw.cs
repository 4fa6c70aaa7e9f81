using Fazhi.Web.Modules.Legality.Domain;

namespace Fazhi.Web.Modules.Legality.Features.Actions;

/// <summary>撤回 (送审单位) before an opinion is issued.</summary>
public sealed class Withdraw : IMatterAction
{
    public MatterAction Action => MatterAction.Withdraw;
    public string Permission => LegalityPermissions.Submit;
    public IReadOnlyList<MatterField> Form => [new("On", "撤回日期", MatterFieldKind.Date), new("Note", "撤回理由", MatterFieldKind.Text)];
    public void Apply(ReviewMatter m, MatterActionRequest r, MatterActionContext x) => m.Withdraw(x.On, r.Note ?? "", x.Actor, x.NowUtc);
}
