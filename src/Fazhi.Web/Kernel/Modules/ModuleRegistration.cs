using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Kernel.Modules;

public static class ModuleRegistration
{
    /// <summary>The platform's own declarations (系统管理), read like any module's.</summary>
    public static ModuleManifest PlatformManifest { get; } = new()
    {
        Code = "system",
        Name = "系统管理",
        TablePrefix = "sys_",
        Namespace = "Fazhi.Web.Kernel",
        Permissions = SystemPermissions.All,
        Roles = Roles.Platform,
        Menu = new NavSection("系统管理", 900,
        [
            new NavItem("组织机构", "/system/orgs", SystemPermissions.OrgView),
            new NavItem("用户管理", "/system/users", SystemPermissions.UserView),
            new NavItem("角色管理", "/system/roles", SystemPermissions.RoleView),
            new NavItem("操作日志", "/system/audit", SystemPermissions.AuditView),
            new NavItem("在线用户", "/system/sessions", SystemPermissions.SessionView),
            new NavItem("登录日志", "/system/loginlog", SystemPermissions.LoginLogView),
            new NavItem("工作日历", "/system/calendar", SystemPermissions.CalendarView),
            new NavItem("字典管理", "/system/dicts", SystemPermissions.DictView),
        ]),
        Dictionaries =
        [
            new(Attachments.AttachmentService.CategoryType, "附件类别",
                [new("application", "申请材料"), new("evidence", "证据材料"), new("document", "法律文书"), new("other", "其他")]),
        ],
        DemoUsers =
        [
            new("weihai", "威海市司法局（查看）", "371000-SFJ", [Roles.Viewer]),
            new("huancui-admin", "环翠区司法局 管理员", "371002-SFJ", [Roles.Admin, Roles.Leader]),
            new("huancui-sec", "环翠区司法局 安全管理员", "371002-SFJ", [Roles.SecurityAdmin]),
            new("huancui-audit", "环翠区司法局 审计管理员", "371002-SFJ", [Roles.Auditor]),
            new("jingyuan", "鲸园司法所", "371002001-SFS", [Roles.JusticeOffice]),
        ],
    };

    /// <summary>Registers every module: its manifest (permissions, roles, menu, demo users) and its services.</summary>
    public static IServiceCollection AddModules(this IServiceCollection services, IReadOnlyList<IFazhiModule> modules, IConfiguration config)
    {
        services.AddSingleton(PlatformManifest);
        services.AddSingleton(PlatformManifest.Menu!);
        foreach (var module in modules)
        {
            services.AddSingleton(module.Manifest);
            if (module.Manifest.Menu is { } menu)
                services.AddSingleton(menu);
            module.Add(services, config);
        }
        services.AddSingleton<AccessCatalog>();
        return services;
    }

    public static void MapModules(this RouteGroupBuilder api, IReadOnlyList<IFazhiModule> modules)
    {
        foreach (var module in modules)
            module.Map(api);
    }
}
