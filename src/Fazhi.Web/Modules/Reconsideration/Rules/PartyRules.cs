using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;

namespace Fazhi.Web.Modules.Reconsideration.Rules;

/// <summary>
/// 行政复议参加人 (行政复议法2023第二章第二节; docs/statutes/xingzheng-fuyi.md): 第十五条 "同一行政复议案件申请人人数众多的，可以由
/// 申请人推选代表人参加行政复议" — a 代表人 is one of the applicants; 第十六条 第三人 (a person or organisation with an interest
/// in the act or the outcome, not an applicant); 第十七条 "申请人、第三人可以委托一至二名律师、基层法律服务工作者或者其他代理人代为
/// 参加行政复议 … 应当向行政复议机构提交授权委托书 … 授权委托书应当载明委托事项、权限和期限" — an agent acts for an applicant or a
/// 第三人, at most two each, with the authorisation recorded.
/// </summary>
public static class PartyRules
{
    public static IReadOnlyList<string> Roles => [.. Enum.GetValues<PartyRole>().Select(PartyNames.Of)];

    public static IEnumerable<string> Applicants(ReconCase c) =>
        new[] { c.ApplicantName }.Concat(c.Parties.Where(p => p.Role == PartyRole.Applicant).Select(p => p.Name));

    public static void Check(ReconCase c, CaseParty p)
    {
        var name = p.Name;
        bool Known(PartyRole role) => c.Parties.Any(x => x.Role == role && x.Name == name);
        switch (p.Role)
        {
            case PartyRole.Applicant:
                if (Applicants(c).Contains(name))
                    throw FazhiValidationException.For("partyName", $"“{name}”已是本案申请人");
                break;
            case PartyRole.Representative:
                if (!Applicants(c).Contains(name))
                    throw FazhiValidationException.For("partyName", $"代表人由申请人推选，应为本案申请人之一（行政复议法第十五条）；“{name}”不是本案申请人");
                if (Applicants(c).Count() < 2)
                    throw FazhiValidationException.For("partyRole", "申请人人数众多的，才由申请人推选代表人（第十五条）；请先录入其他申请人");
                if (Known(PartyRole.Representative))
                    throw FazhiValidationException.For("partyName", $"“{name}”已是代表人");
                break;
            case PartyRole.ThirdParty:
                if (Applicants(c).Contains(name))
                    throw FazhiValidationException.For("partyName", $"“{name}”是申请人，不能同时作为第三人（第十六条）");
                if (Known(PartyRole.ThirdParty))
                    throw FazhiValidationException.For("partyName", $"“{name}”已是第三人");
                break;
            case PartyRole.Agent:
                if (string.IsNullOrWhiteSpace(p.ActsFor) || !(Applicants(c).Contains(p.ActsFor) || c.Parties.Any(x => x.Role == PartyRole.ThirdParty && x.Name == p.ActsFor)))
                    throw FazhiValidationException.For("actsFor", "请填写委托人：本案的申请人或第三人（第十七条）");
                if (string.IsNullOrWhiteSpace(p.Authorisation))
                    throw FazhiValidationException.For("authorisation", "请填写授权委托书载明的委托事项、权限和期限（第十七条）");
                if (c.Parties.Count(x => x.Role == PartyRole.Agent && x.ActsFor == p.ActsFor) >= 2)
                    throw FazhiValidationException.For("actsFor", $"“{p.ActsFor}”已委托两名代理人，最多可委托一至二名（第十七条）");
                break;
        }
    }
}
