using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Domain;

namespace Fazhi.Web.Modules.Legality.Features.Actions;

/// <summary>出具审核意见书: the conclusion, a 文号, and the .docx (made by the service in the same transaction).</summary>
public sealed class IssueOpinion : IMatterAction
{
    public MatterAction Action => MatterAction.IssueOpinion;
    public string Permission => LegalityPermissions.Review;
    public IReadOnlyList<MatterField> Form =>
        [new("On", "出具日期", MatterFieldKind.Date), new("Conclusion", "审查结论", MatterFieldKind.Select, Options: [.. Enum.GetValues<OpinionConclusion>().Select(LegalityNames.Of)])];

    public void Apply(ReviewMatter m, MatterActionRequest r, MatterActionContext x)
    {
        var conclusion = LegalityNames.Parse<OpinionConclusion>(r.Conclusion, LegalityNames.Of)
            ?? throw FazhiValidationException.For("conclusion", "审查结论应为“合法”“修改后合法”或“不合法”");
        m.IssueOpinion(conclusion, x.Number!, x.On, x.Actor, x.NowUtc);
    }
}
