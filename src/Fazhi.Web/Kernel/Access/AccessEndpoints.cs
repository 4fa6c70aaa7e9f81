namespace Fazhi.Web.Kernel.Access;

public static class AccessEndpoints
{
    public static void MapAuth(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", (TokenRequest request, AuthService auth, CancellationToken ct) => auth.IssueTokenAsync(request, ct))
            .AllowPublic("登录换取令牌").RequireRateLimiting(KernelModule.SignInRateLimit).WithTags("认证").WithSummary("用户名密码（启用双因素认证的账号加动态口令 code）换取访问令牌（Bearer）；机器账号用 grantType=client_credentials、clientId、clientSecret");
        SignIn.SignInEndpoints.MapSignIn(api);
        Identity.IdentityModule.MapIdentityFlow(api);

        var users = api.MapGroup("/users").WithTags("用户管理");
        users.MapGet("/", (UserService svc, string? keyword, string? orgCode, string? role, CancellationToken ct) => svc.ListAsync(keyword, ct, orgCode, role))
            .RequirePermission(SystemPermissions.UserView).WithSummary("用户列表（本级及下级机构），可按关键字、机构、角色筛选；电话已脱敏");
        users.MapPost("/", async (SaveUserRequest request, UserService svc, CancellationToken ct) =>
        {
            var user = await svc.CreateAsync(request, ct);
            return TypedResults.Created($"/api/v1/users/{user.UserName}", new { username = user.UserName });
        }).RequirePermission(SystemPermissions.UserEdit);
        users.MapPut("/{username}", async (string username, SaveUserRequest request, UserService svc, CancellationToken ct) =>
        {
            await svc.UpdateAsync(username, request, ct);
            return TypedResults.NoContent();
        }).RequirePermission(SystemPermissions.UserEdit);
        users.MapPost("/{username}/unlock", async (string username, UserService svc, CancellationToken ct) =>
        {
            await svc.UnlockAsync(username, ct);
            return TypedResults.NoContent();
        }).RequirePermission(SystemPermissions.UserEdit);
    }
}
