namespace Fazhi.Web.Kernel.Access;

/// <summary>The roles of DOMAIN §1. Codes are stable; names are what the UI shows.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Leader = "leader";
    public const string Reconsideration = "recon";
    public const string EnforcementSupervision = "enforcement";
    public const string LegalityReview = "legality";
    public const string Corrections = "corrections";
    public const string Mediation = "mediation";
    public const string LegalAid = "legalaid";
    public const string JusticeOffice = "station";
    public const string DataSubmitter = "submitter";
    public const string Viewer = "viewer";

    public static IReadOnlyList<(string Code, string Name)> All { get; } =
    [
        (Admin, "系统管理员"),
        (Leader, "局领导"),
        (Reconsideration, "行政复议科"),
        (EnforcementSupervision, "执法监督科"),
        (LegalityReview, "法制审核"),
        (Corrections, "社区矫正"),
        (Mediation, "人民调解"),
        (LegalAid, "法律援助中心"),
        (JusticeOffice, "司法所"),
        (DataSubmitter, "部门数据报送"),
        (Viewer, "上级查看"),
    ];

    public static string DescriptionOf(string code) => code switch
    {
        Admin => "管理本级及下级的机构、用户、工作日历，查看和导出操作日志",
        Leader => "查看本级及下级全部业务，审批呈报事项",
        Reconsideration => "行政复议案件受理、审理、决定，行政应诉",
        EnforcementSupervision => "行政执法监督、预警处理、案卷评查、执法证管理",
        LegalityReview => "规范性文件、合同、重大行政决策合法性审查与备案",
        Corrections => "社区矫正对象管理、安置帮教",
        Mediation => "人民调解案件、排查化解",
        LegalAid => "法律援助申请、审查、指派、回访",
        JusticeOffice => "司法所日常业务（调解、矫正、法律服务）",
        DataSubmitter => "执法部门通过接口或Excel报送本部门执法数据，不能浏览其他数据",
        Viewer => "上级机关只读查看本级及下级数据与统计",
        _ => "",
    };

    public static string NameOf(string code) => All.FirstOrDefault(r => r.Code == code).Name ?? code;

    /// <summary>Roles that may only read (上级查看) or only push data (数据报送) never edit through the UI.</summary>
    public static bool CanEdit(IEnumerable<string> roles) =>
        roles.Any(r => r is not (Viewer or DataSubmitter));
}

public static class Policies
{
    public const string Admin = "admin";
    public const string Editor = "editor";
    /// <summary>The platform administrator: role admin with no unit (scope = every unit). Only they change what is
    /// national (the holiday calendar) or read the whole audit chain.</summary>
    public const string PlatformAdmin = "platform-admin";
}
