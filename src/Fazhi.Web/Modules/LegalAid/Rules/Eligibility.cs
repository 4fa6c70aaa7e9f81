namespace Fazhi.Web.Modules.LegalAid.Rules;

/// <summary>
/// The categories of 中华人民共和国法律援助法 (2021年8月20日通过，2022年1月1日施行) the application records, as the
/// articles list them (text: docs/statutes/falv-yuanzhu.md):
/// 第三十二条 (no 经济困难 condition), 第四十二条 (免予核查经济困难状况, with proof), 第四十四条 (先行提供),
/// 第四十八条 (终止). The proof is an attachment on the case.
/// </summary>
public static class Eligibility
{
    /// <summary>第三十二条: 不受经济困难条件的限制.</summary>
    public static IReadOnlyList<string> NoConditionCategories { get; } =
    [
        "英雄烈士近亲属为维护英雄烈士的人格权益",
        "因见义勇为行为主张相关民事权益",
        "再审改判无罪请求国家赔偿",
        "遭受虐待、遗弃或者家庭暴力的受害人主张相关权益",
        "法律、法规、规章规定的其他情形",
    ];

    /// <summary>第四十二条: 有材料证明属于下列人员之一的，免予核查经济困难状况.</summary>
    public static IReadOnlyList<string> ExemptCategories { get; } =
    [
        "无固定生活来源的未成年人、老年人、残疾人等特定群体",
        "社会救助、司法救助或者优抚对象",
        "申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员",
        "法律、法规、规章规定的其他人员",
    ];

    /// <summary>第四十四条: 可以决定先行提供法律援助的情形.</summary>
    public static IReadOnlyList<string> UrgentGrounds { get; } =
    [
        "距法定时效或者期限届满不足七日，需要及时提起诉讼或者申请仲裁、行政复议",
        "需要立即申请财产保全、证据保全或者先予执行",
        "法律、法规、规章规定的其他情形",
    ];

    /// <summary>第四十八条: 终止法律援助的情形.</summary>
    public static IReadOnlyList<string> TerminationGrounds { get; } =
    [
        "受援人以欺骗或者其他不正当手段获得法律援助",
        "受援人故意隐瞒与案件有关的重要事实或者提供虚假证据",
        "受援人利用法律援助从事违法活动",
        "受援人的经济状况发生变化，不再符合法律援助条件",
        "案件终止审理或者已经被撤销",
        "受援人自行委托律师或者其他代理人",
        "受援人有正当理由要求终止法律援助",
        "法律法规规定的其他情形",
    ];

    /// <summary>
    /// The green channel ([002] 荣成: 农民工讨薪、低保户维权 当天受理、当天指派) is local practice, not law: it applies to a
    /// 进城务工人员 claiming wages (第四十二条第三项, exempt from verification) and to a 低保户 (社会救助对象, 第四十二条第二项).
    /// </summary>
    public static bool GreenChannelFits(Domain.GreenKind kind, Domain.EligibilityBasis basis, string? category) =>
        basis == Domain.EligibilityBasis.Exempt && category == kind switch
        {
            Domain.GreenKind.MigrantWages => ExemptCategories[2],
            _ => ExemptCategories[1],
        };
}
