namespace Fazhi.Web.Modules.LegalAid.Rules;

/// <summary>
/// Choices the statute leaves open, made per installation (appsettings section "LegalAid"). 法律援助法 does not say
/// whether its "七日"/"三日" are working or calendar days; 办理法律援助案件程序规定 (司法部令第148号, 2023) says "日" where
/// the repealed 2012 rule said "7个工作日", so calendar days are the default (DOMAIN §5.2). Each deadline explanation
/// says which counting applies.
/// </summary>
public sealed class AidRulesOptions
{
    /// <summary>第四十三条: 审查 within 7 days of receipt.</summary>
    public int ReviewDays { get; set; } = 7;

    /// <summary>第四十三条 / 程序规定第二十四条: 指派 within 3 days of the decision to grant.</summary>
    public int AssignDays { get; set; } = 3;

    /// <summary>第三十六条: 指派 within 3 days of a court's, procuratorate's or police notice.</summary>
    public int NoticeAssignDays { get; set; } = 3;

    /// <summary>Count the periods above in working days (true) or calendar days (false, the default).</summary>
    public bool WorkingDays { get; set; }

    /// <summary>Time to supply missing materials is left out of the review period (❓ the law is silent; the 2012 rule
    /// excluded it): the review restarts from the day the materials arrive.</summary>
    public bool ExcludeSupplementTime { get; set; } = true;

    /// <summary>编号 pattern: {prefix} (the unit's short name), {year}, {seq}.</summary>
    public string NumberPattern { get; set; } = "{prefix}法援〔{year}〕{seq}号";

    /// <summary>An amount above this (yuan) is refused as absurd (挽回损失, 补贴标准).</summary>
    public long MaxAmountYuan { get; set; } = 100_000_000;
}
