namespace Fazhi.Web.Modules.LegalAid.Domain;

/// <summary>法律援助申请/案件的状态.</summary>
public enum AidStatus
{
    /// <summary>审查中：收到申请，7日内决定是否给予（法律援助法第四十三条）</summary>
    Reviewing,
    /// <summary>补充材料中：已一次性告知须补充的材料（第四十三条第二款）</summary>
    AwaitingMaterials,
    /// <summary>决定给予（含先行提供、通知辩护/代理），待指派</summary>
    Granted,
    /// <summary>已指派，办理中</summary>
    Assigned,
    /// <summary>已结案</summary>
    Closed,
    /// <summary>不予法律援助</summary>
    Refused,
    /// <summary>视为撤回申请（未按要求补充材料）</summary>
    Withdrawn,
    /// <summary>终止法律援助（第四十八条）</summary>
    Terminated,
}

/// <summary>案件类别.</summary>
public enum AidCaseType { Civil, Criminal, Administrative, NonLitigation }

/// <summary>申请渠道（公检法通知 = 通知辩护/通知代理，第三十六条）.</summary>
public enum AidChannel { Window, Workstation, Online, Phone, Notice }

/// <summary>How the applicant qualifies: 经济困难核查, 免予核查 (第四十二条), 不受经济困难条件限制 (第三十二条), or a notice.</summary>
public enum EligibilityBasis { HardshipChecked, Exempt, NoCondition, Notice }

/// <summary>绿色通道: 农民工讨薪 and 低保户 ([002]: 当天受理、当天指派).</summary>
public enum GreenKind { MigrantWages, Dibao }

/// <summary>承办人员类别.</summary>
public enum ProviderKind { Lawyer, CenterStaff, GrassrootsWorker }

/// <summary>咨询方式.</summary>
public enum ConsultationMode { Call, Letter, Visit, Online }

/// <summary>结案结果.</summary>
public enum AidResult { Won, PartlyWon, Mediated, Settled, Lost, CriminalDefenceAdopted, Other }

/// <summary>质量监督方式（法律援助法第五十九条；[001] 庭审旁听、案卷评查、电话回访）.</summary>
public enum OversightKind { CourtObservation, FileReview, PhoneCallback }

public static class AidNames
{
    public static string Of(AidStatus s) => s switch
    {
        AidStatus.Reviewing => "审查中",
        AidStatus.AwaitingMaterials => "补充材料中",
        AidStatus.Granted => "待指派",
        AidStatus.Assigned => "办理中",
        AidStatus.Closed => "已结案",
        AidStatus.Refused => "不予援助",
        AidStatus.Withdrawn => "视为撤回",
        AidStatus.Terminated => "终止援助",
        _ => s.ToString(),
    };

    public static string Of(AidCaseType t) => t switch
    {
        AidCaseType.Civil => "民事",
        AidCaseType.Criminal => "刑事",
        AidCaseType.Administrative => "行政",
        _ => "非诉讼",
    };

    public static string Of(AidChannel c) => c switch
    {
        AidChannel.Window => "窗口",
        AidChannel.Workstation => "工作站",
        AidChannel.Online => "网上",
        AidChannel.Phone => "电话",
        _ => "公检法通知",
    };

    public static string Of(EligibilityBasis b) => b switch
    {
        EligibilityBasis.HardshipChecked => "经济困难审查",
        EligibilityBasis.Exempt => "免予核查经济困难（第四十二条）",
        EligibilityBasis.NoCondition => "不受经济困难条件限制（第三十二条）",
        _ => "通知辩护/通知代理（第三十六条）",
    };

    public static string Of(GreenKind g) => g == GreenKind.MigrantWages ? "农民工讨薪" : "低保户";

    public static string Of(ProviderKind k) => k switch
    {
        ProviderKind.Lawyer => "律师",
        ProviderKind.CenterStaff => "法律援助机构工作人员",
        _ => "基层法律服务工作者",
    };

    public static string Of(ConsultationMode m) => m switch
    {
        ConsultationMode.Call => "来电",
        ConsultationMode.Letter => "来信",
        ConsultationMode.Visit => "来访",
        _ => "网上",
    };

    public static string Of(AidResult r) => r switch
    {
        AidResult.Won => "胜诉",
        AidResult.PartlyWon => "部分胜诉",
        AidResult.Mediated => "调解结案",
        AidResult.Settled => "和解",
        AidResult.Lost => "败诉",
        AidResult.CriminalDefenceAdopted => "辩护意见被采纳",
        _ => "其他",
    };

    public static string Of(OversightKind k) => k switch
    {
        OversightKind.CourtObservation => "庭审旁听",
        OversightKind.FileReview => "案卷评查",
        _ => "电话回访",
    };

    /// <summary>Parses an enum from its code or its Chinese name (forms and the API use the Chinese).</summary>
    public static T? Parse<T>(string? value, Func<T, string> name) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var v = value.Trim();
        foreach (var e in Enum.GetValues<T>())
            if (string.Equals(e.ToString(), v, StringComparison.OrdinalIgnoreCase) || name(e) == v || name(e).StartsWith(v + "（", StringComparison.Ordinal))
                return e;
        return null;
    }

    public static IReadOnlyList<string> Names<T>(Func<T, string> name) where T : struct, Enum => [.. Enum.GetValues<T>().Select(name)];
}
