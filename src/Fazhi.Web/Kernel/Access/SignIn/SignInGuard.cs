using Fazhi.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Kernel.Access.SignIn;

/// <summary>What the guard says before a password is checked. Keyed on the name as typed and the client address only,
/// never on whether the account exists, so an unknown name and a real one get the same answers.</summary>
public sealed record SignInState(bool CaptchaRequired, int WaitSeconds, int LockedMinutes)
{
    public static SignInState Open { get; } = new(false, 0, 0);
}

/// <summary>
/// 登录失败处理 (GB/T 22239-2019 8.1.4.1 b: 应具有登录失败处理功能，应配置并启用结束会话、限制非法登录次数和当登录连接超时
/// 自动退出等相关措施). Failures are counted from the 登录日志 over a window:
/// per account and address, attempts are slowed down progressively and then locked — from that address only;
/// per account (from anywhere) and per address (any name), the 图形验证码 is required. So nobody can lock another
/// person's account (the administrator's included) from elsewhere; an administrator can unlock an account.
/// </summary>
public sealed class SignInGuard(FazhiDb db, IHttpContextAccessor http, IOptionsMonitor<SignInOptions> options, TimeProvider clock)
{
    private SignInOptions O => options.CurrentValue;

    /// <summary>The client address after the trusted forwarded headers (see Fazhi:KnownProxies).</summary>
    public string? Address => SignInLimits.Truncate(http.HttpContext?.Connection.RemoteIpAddress?.ToString(), SignInLimits.Address);

    /// <summary>The name as Identity normalises it (trimmed, upper case), truncated: what the counts are keyed on.</summary>
    public static string KeyOf(string? typedName)
    {
        var key = (typedName ?? "").Trim().ToUpperInvariant();
        return key.Length > SignInLimits.UserName ? key[..SignInLimits.UserName] : key;
    }

    public async Task<SignInState> AssessAsync(string userKey, string? address, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - O.Window;
        var rows = await db.Set<LoginLogEntry>().AsNoTracking()
            .Where(l => l.AtUtc > since && (l.UserKey == userKey || l.Address == address))
            .OrderByDescending(l => l.AtUtc).Take(5000)
            .Select(l => new { l.AtUtc, l.UserKey, l.Address, l.Outcome })
            .ToListAsync(ct);
        var mine = rows.Where(r => r.UserKey == userKey).ToList();
        var unlocked = mine.Where(r => r.Outcome == LoginOutcome.Unlocked).Select(r => r.AtUtc).DefaultIfEmpty(DateTime.MinValue).Max();
        var accountSince = Max(unlocked, mine.Where(r => r.Outcome == LoginOutcome.Succeeded).Select(r => r.AtUtc).DefaultIfEmpty(DateTime.MinValue).Max());
        var accountFailures = mine.Count(r => r.Outcome == LoginOutcome.Failed && r.AtUtc > accountSince);
        var here = mine.Where(r => r.Address == address).ToList();
        var hereSince = Max(unlocked, here.Where(r => r.Outcome == LoginOutcome.Succeeded).Select(r => r.AtUtc).DefaultIfEmpty(DateTime.MinValue).Max());
        var hereFailures = here.Where(r => r.Outcome == LoginOutcome.Failed && r.AtUtc > hereSince).Select(r => r.AtUtc).ToList(); // newest first
        var addressFailures = rows.Where(r => r.Address == address && r.Outcome == LoginOutcome.Failed).Select(r => r.AtUtc).ToList();

        var locked = 0;
        if (hereFailures.Count >= O.LockAfterFailures)
            locked = Math.Max(1, (int)Math.Ceiling((hereFailures[O.LockAfterFailures - 1] + O.Window - now).TotalMinutes));
        var wait = Math.Max(Wait(hereFailures, O.DelayAfterFailures, now), Wait(addressFailures, O.AddressCaptchaAfterFailures, now));
        var captcha = accountFailures >= O.CaptchaAfterFailures || addressFailures.Count >= O.AddressCaptchaAfterFailures;
        return new SignInState(captcha, wait, locked);
    }

    /// <summary>Seconds still to wait: from <paramref name="after"/> failures, 1, 2, 4 … (at most 60) seconds after the last.</summary>
    private static int Wait(List<DateTime> failuresNewestFirst, int after, DateTime now)
    {
        if (failuresNewestFirst.Count < after || after <= 0)
            return 0;
        var delay = TimeSpan.FromSeconds(Math.Min(60, 1 << Math.Min(6, failuresNewestFirst.Count - after)));
        var left = failuresNewestFirst[0] + delay - now;
        return left > TimeSpan.Zero ? (int)Math.Ceiling(left.TotalSeconds) : 0;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    /// <summary>Whether a sign-in from the caller's address shows the captcha before any name is typed.</summary>
    public async Task<bool> AddressNeedsCaptchaAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - O.Window;
        var address = Address;
        return await db.Set<LoginLogEntry>().CountAsync(l => l.AtUtc > since && l.Address == address && l.Outcome == LoginOutcome.Failed, ct)
            >= O.AddressCaptchaAfterFailures;
    }

    public Task<bool> CaptchaUsedAsync(string captchaId, CancellationToken ct) =>
        db.Set<LoginLogEntry>().AnyAsync(l => l.CaptchaId == captchaId, ct);

    /// <summary>Writes one row of the 登录日志 (every attempt, whatever its outcome).</summary>
    public async Task RecordAsync(string? typedName, AppUser? user, LoginOutcome outcome, string reason, CancellationToken ct, string? captchaId = null)
    {
        var context = http.HttpContext;
        db.Set<LoginLogEntry>().Add(new LoginLogEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserName = SignInLimits.Truncate(typedName?.Trim() ?? user?.UserName ?? "", SignInLimits.UserName)!,
            UserKey = KeyOf(typedName ?? user?.UserName),
            UserId = user?.Id,
            Address = Address,
            UserAgent = SignInLimits.Truncate(context?.Request.Headers.UserAgent.ToString(), SignInLimits.UserAgent),
            Channel = context is not null && Web.ProblemTitles.IsApi(context) ? "接口" : "页面",
            Outcome = outcome,
            Reason = SignInLimits.Truncate(reason, 64)!,
            CaptchaId = captchaId,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A failure after the password (a wrong 动态口令 / TOTP code, a wrong key signature): counted like a wrong
    /// password towards delay, captcha and lock. For the second-factor step of the login flow.</summary>
    public Task RecordFailureAsync(AppUser user, string? address, string reason, CancellationToken ct)
    {
        _ = address; // the address is the request's (Address); the parameter documents what the count is keyed on
        return RecordAsync(user.UserName, user, LoginOutcome.Failed, reason, ct);
    }

    /// <summary>管理员解锁: the account's counts (every address) start again; written to the 登录日志.</summary>
    public async Task UnlockAsync(AppUser user, string by, CancellationToken ct)
    {
        db.Set<LoginLogEntry>().Add(new LoginLogEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserName = user.UserName ?? "",
            UserKey = KeyOf(user.UserName),
            UserId = user.Id,
            Address = Address,
            UserAgent = null,
            Channel = http.HttpContext is { } c && Web.ProblemTitles.IsApi(c) ? "接口" : "页面",
            Outcome = LoginOutcome.Unlocked,
            Reason = SignInLimits.Truncate($"管理员解锁（{by}）", 64)!,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Of the given accounts, those whose sign-in is restricted now (locked from some address, or asking for the
    /// captcha): what 用户管理 shows as 登录受限 with a 解锁 button.</summary>
    public async Task<HashSet<string>> RestrictedAsync(IReadOnlyCollection<string> userNames, CancellationToken ct)
    {
        var keys = userNames.Select(KeyOf).ToList();
        var since = clock.GetUtcNow().UtcDateTime - O.Window;
        var rows = await db.Set<LoginLogEntry>().AsNoTracking()
            .Where(l => l.AtUtc > since && keys.Contains(l.UserKey) && l.Outcome != LoginOutcome.Refused)
            .Select(l => new { l.UserKey, l.Address, l.AtUtc, l.Outcome }).ToListAsync(ct);
        var restricted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in rows.GroupBy(r => r.UserKey))
        {
            // As AssessAsync: a success resets the account's count and that address's; an unlock resets all.
            var unlocked = g.Where(r => r.Outcome == LoginOutcome.Unlocked).Select(r => r.AtUtc).DefaultIfEmpty(DateTime.MinValue).Max();
            var reset = Max(unlocked, g.Where(r => r.Outcome == LoginOutcome.Succeeded).Select(r => r.AtUtc).DefaultIfEmpty(DateTime.MinValue).Max());
            var captcha = g.Count(r => r.Outcome == LoginOutcome.Failed && r.AtUtc > reset) >= O.CaptchaAfterFailures;
            var locked = g.GroupBy(r => r.Address).Any(a =>
            {
                var since = Max(unlocked, a.Where(r => r.Outcome == LoginOutcome.Succeeded).Select(r => r.AtUtc).DefaultIfEmpty(DateTime.MinValue).Max());
                return a.Count(r => r.Outcome == LoginOutcome.Failed && r.AtUtc > since) >= O.LockAfterFailures;
            });
            if (captcha || locked)
                restricted.Add(g.Key);
        }
        return [.. userNames.Where(n => restricted.Contains(KeyOf(n)))];
    }
}
