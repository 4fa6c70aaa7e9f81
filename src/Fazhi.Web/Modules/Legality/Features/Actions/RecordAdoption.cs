using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Domain;

namespace Fazhi.Web.Modules.Legality.Features.Actions;

/// <summary>反馈采纳情况 (送审单位): per comment 采纳/部分采纳/不采纳, a reason unless adopted; a comment number the opinion does
/// not have is refused, and nothing is recorded.</summary>
public sealed class RecordAdoption : IMatterAction
{
    public MatterAction Action => MatterAction.RecordAdoption;
    public string Permission => LegalityPermissions.Submit;
    public IReadOnlyList<MatterField> Form => [new("On", "反馈日期", MatterFieldKind.Date)];

    public void Apply(ReviewMatter m, MatterActionRequest r, MatterActionContext x)
    {
        var answers = new List<AdoptionAnswer>();
        var errors = new Dictionary<string, string[]>();
        var input = r.Answers ?? [];
        for (var i = 0; i < input.Count; i++)
        {
            var a = input[i];
            if (a.Seq is null)
            {
                errors[$"answers[{i}].seq"] = ["请指明意见序号"];
                continue;
            }
            if (string.IsNullOrWhiteSpace(a.Adoption))
                continue; // not answered in this round
            var adoption = LegalityNames.Parse<Adoption>(a.Adoption, LegalityNames.Of);
            if (adoption is null)
                errors[$"answers[{i}].adoption"] = ["采纳情况应为“采纳”“部分采纳”或“不采纳”"];
            else
                answers.Add(new AdoptionAnswer(a.Seq.Value, adoption.Value, a.Reason));
        }
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        m.RecordAdoption(answers, x.On, x.Actor, x.NowUtc);
    }
}
