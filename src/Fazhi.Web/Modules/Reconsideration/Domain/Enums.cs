namespace Fazhi.Web.Modules.Reconsideration.Domain;

/// <summary>案件状态 of a 行政复议 case.</summary>
public enum CaseStatus
{
    /// <summary>审查中：收到申请，5个工作日内审查是否受理（第三十条）</summary>
    Reviewing,
    /// <summary>补正中：已通知补正，审查期限暂停（第三十一条）</summary>
    AwaitingCorrection,
    /// <summary>审理中：已受理（含视为受理）</summary>
    Hearing,
    /// <summary>中止（第三十九条）</summary>
    Suspended,
    /// <summary>不予受理（第三十条第二款）</summary>
    NotAccepted,
    /// <summary>告知：告知向其他机关申请（旧法及台账中的结案方式）</summary>
    Referred,
    /// <summary>视为放弃：无正当理由逾期不补正（第三十一条第二款）</summary>
    Abandoned,
    /// <summary>终止（第四十一条；含撤回、和解）</summary>
    Terminated,
    /// <summary>调解结案：制作行政复议调解书（第七十三条）</summary>
    Mediated,
    /// <summary>已作出行政复议决定</summary>
    Decided,

    // ---- recon-rules (issue 15 §2) ----
    /// <summary>已作废：案号保留，不计入任何统计，不再办理</summary>
    Voided,
}

/// <summary>受理渠道</summary>
public enum ApplicationChannel { Window, Mail, Online, Transferred }

/// <summary>审理程序</summary>
public enum ProcedureKind { Ordinary, Simplified }

/// <summary>决定类型（第六十三条至第六十九条）</summary>
public enum DecisionType
{
    Uphold, Dismiss, Vary, Revoke, ConfirmIllegal, OrderPerformance, ConfirmVoid,

    // ---- recon-rules (issue 15 §1): the 2023 law's outcomes ----
    /// <summary>驳回申请（第三十三条）：受理后发现不符合受理条件</summary>
    DismissApplication,
    /// <summary>部分撤销（第六十四条）</summary>
    PartialRevoke,
}

/// <summary>终止原因</summary>
public enum TerminationReason { Withdrawn, Mediation, Settlement, Other }

public enum ApplicantKind { Person, Organisation }

/// <summary>听取意见方式（第四十九条）</summary>
public enum OpinionMode { InPerson, Phone, Online }

public static class ReconNames
{
    public static string Of(CaseStatus s) => s switch
    {
        CaseStatus.Reviewing => "审查中",
        CaseStatus.AwaitingCorrection => "补正中",
        CaseStatus.Hearing => "审理中",
        CaseStatus.Suspended => "中止",
        CaseStatus.NotAccepted => "不予受理",
        CaseStatus.Referred => "告知",
        CaseStatus.Abandoned => "视为放弃",
        CaseStatus.Terminated => "终止",
        CaseStatus.Mediated => "调解结案",
        CaseStatus.Decided => "已决定",
        CaseStatus.Voided => "已作废",
        _ => s.ToString(),
    };

    public static string Of(ApplicationChannel c) => c switch
    {
        ApplicationChannel.Window => "窗口",
        ApplicationChannel.Mail => "邮寄",
        ApplicationChannel.Online => "网上",
        ApplicationChannel.Transferred => "转送",
        _ => c.ToString(),
    };

    public static string Of(ProcedureKind p) => p == ProcedureKind.Ordinary ? "普通程序" : "简易程序";

    public static string Of(DecisionType d) => d switch
    {
        DecisionType.Uphold => "维持",
        DecisionType.Dismiss => "驳回复议请求",
        DecisionType.Vary => "变更",
        DecisionType.Revoke => "撤销",
        DecisionType.ConfirmIllegal => "确认违法",
        DecisionType.OrderPerformance => "责令履行",
        DecisionType.ConfirmVoid => "确认无效",
        DecisionType.DismissApplication => "驳回申请",
        DecisionType.PartialRevoke => "部分撤销",
        _ => d.ToString(),
    };

    public static string Of(TerminationReason r) => r switch
    {
        TerminationReason.Withdrawn => "撤回",
        TerminationReason.Mediation => "调解",
        TerminationReason.Settlement => "和解",
        _ => "其他",
    };

    public static string Of(OpinionMode m) => m switch
    {
        OpinionMode.InPerson => "当面",
        OpinionMode.Phone => "电话",
        _ => "网络",
    };

    /// <summary>Parses an enum from its code or its Chinese name (ledgers and forms use the Chinese).</summary>
    public static T? Parse<T>(string? value, Func<T, string> name) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var v = value.Trim();
        foreach (var e in Enum.GetValues<T>())
            if (string.Equals(e.ToString(), v, StringComparison.OrdinalIgnoreCase) || name(e) == v)
                return e;
        return Legacy<T>(v);
    }

    /// <summary>纠错: decisions that correct the agency (变更, 撤销, 确认违法, 责令履行, 确认无效).</summary>
    public static bool IsCorrection(DecisionType d) => d is not (DecisionType.Uphold or DecisionType.Dismiss or DecisionType.DismissApplication);

    // ---- recon-rules (issue 15) ----

    /// <summary>Names ledgers and older forms use: “驳回” (before 2023 one outcome) is read as 驳回复议请求 (第六十九条).</summary>
    private static T? Legacy<T>(string v) where T : struct, Enum =>
        typeof(T) == typeof(DecisionType) && v == "驳回" ? (T)(object)DecisionType.Dismiss : null;

    /// <summary>决定 on the merits: every decision except 驳回申请 (第三十三条), which is procedural.</summary>
    public static bool IsOnMerits(DecisionType d) => d != DecisionType.DismissApplication;
}

/// <summary>当事人的角色 (第十五条 代表人, 第十六条 第三人, 第十七条 委托代理人).</summary>
public enum PartyRole { Applicant, Representative, ThirdParty, Agent }

public static class PartyNames
{
    public static string Of(PartyRole r) => r switch
    {
        PartyRole.Applicant => "申请人",
        PartyRole.Representative => "代表人",
        PartyRole.ThirdParty => "第三人",
        _ => "委托代理人",
    };
}
