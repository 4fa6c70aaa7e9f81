using Fazhi.Web.Modules.LegalAid.Domain;

namespace Fazhi.Web.Modules.LegalAid.Rules;

/// <summary>
/// 《中华人民共和国法律援助法》（2021）第二十六条 (text in docs/statutes/falv-yuanzhu.md): 对可能被判处无期徒刑、死刑的人，以及
/// 死刑复核案件的被告人，法律援助机构收到人民法院、人民检察院、公安机关通知后，应当指派具有三年以上相关执业经历的律师担任辩护人.
/// The roster's 执业年限 (<see cref="AidProvider.PracticeYears"/>) stands for the 相关执业经历 the bureau has checked when
/// entering the lawyer; the agency's own staff and 基层法律服务工作者 are not 律师 for this article.
/// </summary>
public static class SeriousCharge
{
    public const string Article = "《法律援助法》第二十六条";

    public const int MinYears = 3;

    /// <summary>Why the provider may not defend in a case of 可能被判处无期徒刑、死刑 or 死刑复核; null when they may (or the case is not such).</summary>
    public static string? Problem(bool seriousCharge, ProviderKind kind, int practiceYears, string name)
    {
        if (!seriousCharge)
            return null;
        if (kind != ProviderKind.Lawyer)
            return $"{Article}：可能被判处无期徒刑、死刑的人以及死刑复核案件的被告人，应当指派具有三年以上相关执业经历的律师担任辩护人；{name}不是律师";
        if (practiceYears < MinYears)
            return $"{Article}：可能被判处无期徒刑、死刑的人以及死刑复核案件的被告人，应当指派具有三年以上相关执业经历的律师担任辩护人；{name}的相关执业经历为{practiceYears}年";
        return null;
    }
}
