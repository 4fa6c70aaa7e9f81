namespace Fazhi.Web.Kernel.Access;

/// <summary>The platform's own roles (DOMAIN §1). Business lines declare theirs in their module's manifest.
/// Codes are stable; names are what the UI shows.</summary>
public static class Roles
{
    public const string Admin = "admin";
    /// <summary>安全管理员 (三员分立): users, roles, security policies, unlocking, sessions.</summary>
    public const string SecurityAdmin = "secadmin";
    /// <summary>审计管理员 (三员分立): reads and exports the audit log and the sign-in log, nothing else.</summary>
    public const string Auditor = "auditor";
    public const string Leader = "leader";
    public const string JusticeOffice = "station";
    public const string Viewer = "viewer";

    public static IReadOnlyList<RoleDef> Platform { get; } =
    [
        new(Admin, "系统管理员", "系统配置：本级及下级的机构、工作日历、字典、文书模板；默认拥有除用户、角色、日志以外的全部权限", []),
        new(SecurityAdmin, "安全管理员", "用户、角色与权限、安全策略、解锁账号", SeparationOfDuties.SecurityPermissions),
        new(Auditor, "审计管理员", "查看、导出和校验操作日志与登录日志，此外无任何权限", SeparationOfDuties.AuditPermissions),
        new(Leader, "局领导", "查看本级及下级全部业务，审批呈报事项", []),
        new(JusticeOffice, "司法所", "司法所日常业务；默认可查看本所辖区各业务数据", []),
        new(Viewer, "上级查看", "上级机关只读查看本级及下级数据与统计", []),
    ];
}

public static class PlatformRoles
{
    public static RoleBaseline BaselineOf(string role) => role switch
    {
        Roles.Admin => RoleBaseline.Everything,
        Roles.Leader or Roles.Viewer or Roles.JusticeOffice => RoleBaseline.EveryRead,
        _ => RoleBaseline.Listed,
    };
}

/// <summary>
/// 三员分立 (GB/T 22239-2019 8.1.4.2 c/d, 三级: 系统管理员、审计管理员、安全管理员 with separate duties): the system
/// administrator configures, the security administrator manages users, roles and policies, the audit administrator reads
/// the logs. No account holds two of these roles, and a permission reserved for one of them is granted to no other.
/// </summary>
public static class SeparationOfDuties
{
    public static IReadOnlyList<string> Officers { get; } = [Roles.Admin, Roles.SecurityAdmin, Roles.Auditor];

    public static IReadOnlyList<string> SecurityPermissions { get; } =
        [SystemPermissions.UserView, SystemPermissions.UserEdit, SystemPermissions.RoleView, SystemPermissions.RoleEdit,
         SystemPermissions.SessionView, SystemPermissions.SessionEnd];

    public static IReadOnlyList<string> AuditPermissions { get; } = [SystemPermissions.AuditView, SystemPermissions.AuditUnmask, SystemPermissions.LoginLogView];

    /// <summary>The officer role a permission is reserved for, or null when any role may hold it.</summary>
    public static string? ReservedFor(string permission) =>
        SecurityPermissions.Contains(permission) ? Roles.SecurityAdmin : AuditPermissions.Contains(permission) ? Roles.Auditor : null;

    /// <summary>Whether the role may hold the permission at all (a reserved permission only by its officer).</summary>
    public static bool MayHold(string role, string permission) => ReservedFor(permission) is not { } officer || officer == role;

    public static string OfficerName(string role) => role switch
    {
        Roles.Admin => "系统管理员",
        Roles.SecurityAdmin => "安全管理员",
        Roles.Auditor => "审计管理员",
        _ => role,
    };

    /// <summary>The refusal when a set of roles combines two officers, else null.</summary>
    public static string? Conflict(IEnumerable<string>? roles)
    {
        var held = Officers.Where(o => roles?.Contains(o) == true).ToList();
        return held.Count < 2 ? null
            : $"三员分立：{string.Join("、", held.Select(OfficerName))}不能由同一账号兼任，请分别设置账号。";
    }
}

public static class Policies
{
    /// <summary>The platform administrator: role admin with no unit (scope = every unit). Only they change what is
    /// national (the holiday calendar, roles' permissions) or read the whole audit chain.</summary>
    public const string PlatformAdmin = "platform-admin";

    /// <summary>The platform's security administrator (安全管理员 with no unit): changes roles' permissions.</summary>
    public const string PlatformSecurityAdmin = "platform-secadmin";

    /// <summary>The platform's audit administrator (审计管理员 with no unit): verifies the whole audit chain.</summary>
    public const string PlatformAuditor = "platform-auditor";
}

/// <summary>The platform's permission codes (系统管理). None is a read permission in the sense of
/// <see cref="PermissionKind.Read"/>: system management is the three officers' (三员) by default, not 上级查看's.</summary>
public static class SystemPermissions
{
    public const string OrgView = "system:org:view";
    public const string OrgEdit = "system:org:edit";
    public const string UserView = "system:user:view";
    public const string UserEdit = "system:user:edit";
    public const string RoleView = "system:role:view";
    public const string RoleEdit = "system:role:edit";
    public const string AuditView = "system:audit:view";
    public const string AuditUnmask = "system:audit:unmask";
    public const string CalendarView = "system:calendar:view";
    public const string CalendarEdit = "system:calendar:edit";
    public const string DictView = "system:dict:view";
    public const string DictEdit = "system:dict:edit";
    public const string SessionView = "system:session:view";
    public const string SessionEnd = "system:session:end";
    public const string LoginLogView = "system:loginlog:view";

    public static IReadOnlyList<PermissionDef> All { get; } =
    [
        new(OrgView, "组织机构：查看、导出"),
        new(OrgEdit, "组织机构：新增、改名、移动、停用"),
        new(UserView, "用户管理：查看"),
        new(UserEdit, "用户管理：新增、修改、解锁"),
        new(RoleView, "角色管理：查看"),
        new(RoleEdit, "角色管理：分配权限（仅平台安全管理员）"),
        new(AuditView, "操作日志：查看、导出、校验"),
        new(AuditUnmask, "操作日志：查看未脱敏的个人信息（每次查看均记录）"),
        new(CalendarView, "工作日历：查看"),
        new(CalendarEdit, "工作日历：录入节假日安排（仅平台管理员）"),
        new(DictView, "字典管理：查看"),
        new(DictEdit, "字典管理：新增、修改、停用字典数据（仅平台管理员）"),
        new(SessionView, "在线用户：查看本级及下级用户的会话与令牌"),
        new(SessionEnd, "在线用户：强退会话、撤销令牌"),
        new(LoginLogView, "登录日志：查看、导出"),
    ];
}
