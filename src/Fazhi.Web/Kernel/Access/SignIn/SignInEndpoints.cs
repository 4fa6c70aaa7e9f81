using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Kernel.Access.SignIn;

public sealed record CaptchaResponse(string CaptchaToken, string Image);

public static class SignInEndpoints
{
    public static void MapSignIn(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("认证");
        auth.MapGet("/captcha", (CaptchaService captcha) =>
        {
            var c = captcha.Create();
            return new CaptchaResponse(c.Token, c.ImageDataUri);
        }).AllowPublic("登录图形验证码（失败次数过多后登录需要）").WithSummary("取得图形验证码：PNG 图片（data URI）与 captchaToken，5分钟内有效，只能用一次");
        auth.MapDelete("/token", EndOwnAsync).RequirePermission(PermissionPolicies.SignedIn).WithSummary("撤销当前令牌（之后以它调用均为401）");
        auth.MapPost("/logout", EndOwnAsync).RequirePermission(PermissionPolicies.SignedIn).WithSummary("退出：结束当前会话（令牌）");
        auth.MapGet("/sessions", (SessionStore store, ICurrentUser me, HttpContext http, CancellationToken ct) =>
                store.LiveAsync(me.UserId ?? -1, null, SessionStore.CurrentId(http), ct))
            .RequirePermission(PermissionPolicies.SignedIn).WithSummary("本人的在线会话（浏览器与令牌）");
        auth.MapDelete("/sessions/{id}", async (string id, SessionStore store, ICurrentUser me, CancellationToken ct) =>
                await store.EndAsync(id, me.UserName, "本人退出该会话", me.UserId ?? -1, ct) ? Results.NoContent() : throw NotFound())
            .RequirePermission(PermissionPolicies.SignedIn).WithSummary("结束本人的一个会话");

        var sessions = api.MapGroup("/sessions").WithTags("在线用户");
        sessions.MapGet("/", (string? keyword, SessionStore store, HttpContext http, CancellationToken ct) =>
                store.LiveAsync(null, keyword, SessionStore.CurrentId(http), ct))
            .RequirePermission(SystemPermissions.SessionView).WithSummary("在线用户：本级及下级机构用户的在线会话与令牌");
        sessions.MapDelete("/{id}", async (string id, SessionStore store, ICurrentUser me, CancellationToken ct) =>
                await store.EndAsync(id, me.UserName, "管理员强退", null, ct) ? Results.NoContent() : throw NotFound())
            .RequirePermission(SystemPermissions.SessionEnd).WithSummary("强退：结束一个会话或撤销一个令牌");

        var log = api.MapGroup("/login-log").WithTags("登录日志");
        log.MapGet("/", ([AsParameters] LoginLogFilter filter, LoginLogService svc, CancellationToken ct) => svc.SearchAsync(filter, ct))
            .RequirePermission(SystemPermissions.LoginLogView).WithSummary("查询登录日志（时间、用户名、结果、地址）");
        log.MapGet("/export", async ([AsParameters] LoginLogFilter filter, LoginLogService svc, TimeProvider clock, CancellationToken ct) =>
                TypedResults.File(await svc.ExportAsync(filter, ct), Audit.AuditExport.ContentType, $"登录日志-{ChinaTime.Now(clock):yyyyMMddHHmm}.xlsx"))
            .RequirePermission(SystemPermissions.LoginLogView).WithSummary("导出登录日志（Excel）");
    }

    private static async Task<IResult> EndOwnAsync(HttpContext http, SessionStore store, ICurrentUser me, CancellationToken ct)
    {
        await store.EndAsync(SessionStore.CurrentId(http), me.UserName, "退出", me.UserId ?? -1, ct);
        return Results.NoContent();
    }

    private static NotFoundException NotFound() => new("会话不存在、已结束或不在您的数据权限范围内。");
}
