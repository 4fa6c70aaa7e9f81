namespace Fazhi.Web.Kernel.Access;

public static class RoleEndpoints
{
    public static void MapRoles(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/roles").WithTags("角色管理");
        g.MapGet("/", (RoleService roles, CancellationToken ct) => roles.ListAsync(ct))
            .RequirePermission(PermissionPolicies.SignedIn).WithSummary("角色及其权限（用户数按本级及下级机构计）");
        g.MapGet("/{code}", (string code, RoleService roles, CancellationToken ct) => roles.GetAsync(code, ct))
            .RequirePermission(PermissionPolicies.SignedIn).WithSummary("一个角色及其权限");
        g.MapPut("/{code}/permissions", (string code, SetPermissionsRequest request, RoleService roles, CancellationToken ct) =>
                roles.SetPermissionsAsync(code, request, ct))
            .RequirePermission(SystemPermissions.RoleEdit).RequireAuthorization(Policies.PlatformSecurityAdmin)
            .WithSummary("设置角色的权限（整组替换；仅平台安全管理员；该角色用户的会话和令牌随即失效，须重新登录）");
        api.MapGet("/permissions", (RoleService roles) => roles.Tree())
            .RequirePermission(PermissionPolicies.SignedIn).WithTags("角色管理").WithSummary("权限树：各模块的菜单与按钮权限");
    }
}
