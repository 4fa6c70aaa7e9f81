using System.Security.Claims;
using System.Security.Cryptography;
using Fazhi.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Kernel.Access.SignIn;

/// <summary>A session as 在线用户 and 个人中心 list it.</summary>
public sealed record SessionView(string Id, string UserName, string? DisplayName, string? OrgName, SessionKind Kind, DateTime CreatedAtUtc,
    DateTime LastSeenUtc, DateTime ExpiresAtUtc, string? Address, string? UserAgent, bool Current)
{
    public string KindName => Kind == SessionKind.Cookie ? "浏览器" : "接口令牌";

    /// <summary>The first characters of the id, enough to tell sessions apart on screen.</summary>
    public string ShortId => Id[..8];
}

/// <summary>
/// 会话管理: every browser sign-in and every issued token is a row of <c>sys_sessions</c>; the cookie's and the token's
/// data-protected ticket carries the row's id (<see cref="PropertyKey"/>) and every request checks the row. So 退出,
/// 强退, deactivation and the absolute lifetime end a session at once, and a replayed old cookie or token is refused.
/// GB/T 22239-2019 8.1.4.1 b) (结束会话、登录连接超时自动退出).
/// </summary>
public sealed class SessionStore(FazhiDb db, IOptionsMonitor<SignInOptions> options, TimeProvider clock)
{
    /// <summary>Key of the session id in the ticket's properties (cookie and bearer token alike).</summary>
    public const string PropertyKey = "fazhi.sid";

    private static readonly TimeSpan SeenGranularity = TimeSpan.FromMinutes(1);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The session the current request was authenticated with (set by <see cref="ValidateAsync"/>).</summary>
    public static string? CurrentId(HttpContext http) => http.Items[PropertyKey] as string;

    public async Task<string> StartAsync(HttpContext? http, int userId, string userName, SessionKind kind, DateTime expiresAtUtc, CancellationToken ct)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        db.Set<UserSession>().Add(new UserSession
        {
            Id = id,
            UserId = userId,
            UserName = SignInLimits.Truncate(userName, SignInLimits.UserName)!,
            Kind = kind,
            CreatedAtUtc = Now,
            LastSeenUtc = Now,
            ExpiresAtUtc = expiresAtUtc,
            Address = SignInLimits.Truncate(http?.Connection.RemoteIpAddress?.ToString(), SignInLimits.Address),
            UserAgent = SignInLimits.Truncate(http?.Request.Headers.UserAgent.ToString(), SignInLimits.UserAgent),
        });
        await db.SaveChangesAsync(ct);
        return id;
    }

    /// <summary>The end of a browser session that starts now (Fazhi:Security:AbsoluteSessionHours).</summary>
    public DateTime BrowserSessionEnd => Now + TimeSpan.FromHours(options.CurrentValue.AbsoluteSessionHours);

    /// <summary>Whether the session may go on: it exists, was not ended, has not reached its absolute end, its user is
    /// active, and (a browser's) it has not idled out. Notes when it was last seen, at most once a minute.</summary>
    public async Task<bool> ValidateAsync(HttpContext http, string? id, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 32)
            return false;
        var now = Now;
        var row = await db.Set<UserSession>().AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.RevokedAtUtc, s.ExpiresAtUtc, s.LastSeenUtc, s.Kind, Active = db.Users.Any(u => u.Id == s.UserId && u.IsActive) })
            .FirstOrDefaultAsync(ct);
        if (row is null || row.RevokedAtUtc is not null || now >= row.ExpiresAtUtc || !row.Active)
            return false;
        if (row.Kind == SessionKind.Cookie && now - row.LastSeenUtc > TimeSpan.FromMinutes(options.CurrentValue.IdleMinutes) + SeenGranularity)
            return false;
        if (now - row.LastSeenUtc >= SeenGranularity)
            await db.Set<UserSession>().Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenUtc, now), ct);
        http.Items[PropertyKey] = id;
        return true;
    }

    /// <summary>Ends one session. <paramref name="ownerId"/> limits it to that user's own sessions (个人中心); otherwise the
    /// session's user must be within the caller's data scope (在线用户). False when there is no such live session.</summary>
    public async Task<bool> EndAsync(string? id, string by, string reason, int? ownerId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 32)
            return false;
        var query = db.Set<UserSession>().Where(s => s.Id == id && s.RevokedAtUtc == null);
        query = ownerId is { } owner ? query.Where(s => s.UserId == owner) : query.Where(s => db.VisibleUsers().Any(u => u.Id == s.UserId));
        var row = await query.FirstOrDefaultAsync(ct);
        if (row is null)
            return false;
        row.RevokedAtUtc = Now;
        row.RevokedBy = SignInLimits.Truncate(by, SignInLimits.UserName);
        row.RevokeReason = reason;
        await db.SaveChangesAsync(ct); // audited: 会话 结束时间/结束人/结束原因
        return true;
    }

    /// <summary>Ends every live session of a user (deactivation).</summary>
    public Task<int> EndAllAsync(int userId, string by, string reason, CancellationToken ct)
    {
        var now = Now;
        var who = SignInLimits.Truncate(by, SignInLimits.UserName);
        return db.Set<UserSession>().Where(s => s.UserId == userId && s.RevokedAtUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAtUtc, now).SetProperty(s => s.RevokedBy, who).SetProperty(s => s.RevokeReason, reason), ct);
    }

    /// <summary>Live sessions: of one user (<paramref name="userId"/>), or of every user in the caller's scope.</summary>
    public async Task<List<SessionView>> LiveAsync(int? userId, string? keyword, string? currentId, CancellationToken ct)
    {
        var now = Now;
        var idleCut = now - TimeSpan.FromMinutes(options.CurrentValue.IdleMinutes) - SeenGranularity;
        var query = db.Set<UserSession>().AsNoTracking()
            .Where(s => s.RevokedAtUtc == null && s.ExpiresAtUtc > now && (s.Kind == SessionKind.Token || s.LastSeenUtc > idleCut));
        query = userId is { } id ? query.Where(s => s.UserId == id) : query.Where(s => db.VisibleUsers().Any(u => u.Id == s.UserId));
        if (!string.IsNullOrWhiteSpace(keyword))
            query = query.Where(s => s.UserName.Contains(keyword.Trim()) || (s.Address != null && s.Address.Contains(keyword.Trim())));
        var rows = await query.OrderByDescending(s => s.LastSeenUtc).Take(500)
            .Select(s => new
            {
                s,
                Name = db.Users.Where(u => u.Id == s.UserId).Select(u => u.DisplayName).FirstOrDefault(),
                Org = db.Users.Where(u => u.Id == s.UserId).Select(u => u.OrgUnit == null ? null : u.OrgUnit.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new SessionView(r.s.Id, r.s.UserName, r.Name, r.Org, r.s.Kind, r.s.CreatedAtUtc, r.s.LastSeenUtc, r.s.ExpiresAtUtc,
            r.s.Address, r.s.UserAgent, r.s.Id == currentId))];
    }
}

/// <summary>The cookie's and the bearer token's hooks into <see cref="SessionStore"/>.</summary>
public static class SessionEvents
{
    /// <summary>Every cookie sign-in (the login page, and any later step that signs in) starts a session row, unless the
    /// sign-in renews one (RefreshSignInAsync keeps the ticket's properties and so its session).</summary>
    public static async Task SigningInAsync(CookieSigningInContext ctx)
    {
        if (ctx.Properties.Items.ContainsKey(SessionStore.PropertyKey) || ctx.Principal is null)
            return;
        if (!int.TryParse(ctx.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            return;
        var store = ctx.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        var end = store.BrowserSessionEnd;
        ctx.Properties.Items[SessionStore.PropertyKey] = await store.StartAsync(ctx.HttpContext, userId, ctx.Principal.Identity?.Name ?? "?",
            SessionKind.Cookie, end, ctx.HttpContext.RequestAborted);
        ctx.HttpContext.Items[SessionStore.PropertyKey] = ctx.Properties.Items[SessionStore.PropertyKey];
    }

    /// <summary>Every request with a cookie: the session must be live; then the security stamp as before.</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext ctx)
    {
        var store = ctx.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        ctx.Properties.Items.TryGetValue(SessionStore.PropertyKey, out var id);
        if (!await store.ValidateAsync(ctx.HttpContext, id, ctx.HttpContext.RequestAborted))
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(ctx);
    }
}
