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

    public static string NameOf(string code) => All.FirstOrDefault(r => r.Code == code).Name ?? code;

    /// <summary>Roles that may only read (上级查看) or only push data (数据报送) never edit through the UI.</summary>
    public static bool CanEdit(IEnumerable<string> roles) =>
        roles.Any(r => r is not (Viewer or DataSubmitter));
}

public static class Policies
{
    public const string Admin = "admin";
    public const string Editor = "editor";
}
