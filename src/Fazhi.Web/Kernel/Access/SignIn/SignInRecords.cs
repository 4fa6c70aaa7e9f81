using Fazhi.Web.Kernel.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Kernel.Access.SignIn;

/// <summary>登录结果 of one sign-in attempt.</summary>
public enum LoginOutcome
{
    /// <summary>登录成功</summary>
    Succeeded = 0,
    /// <summary>登录失败: a wrong password, an unknown name or a wrong second factor; counts towards delay, captcha and lock.</summary>
    Failed = 1,
    /// <summary>拒绝: refused before the password was checked (too fast, locked, captcha missing or wrong) or a disabled
    /// account; does not count, so a flood of refusals does not prolong anything.</summary>
    Refused = 2,
    /// <summary>管理员解锁: the counts for the account start again from here.</summary>
    Unlocked = 3,
}

/// <summary>登录日志: one sign-in attempt (RuoYi's 登录日志), success or failure. Also the sign-in guard's counter:
/// failures are counted from these rows, so every instance of a scaled-out deployment sees the same counts.</summary>
public sealed class LoginLogEntry : IDerivedOnCreate
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>The name as typed (truncated), shown in the log.</summary>
    public required string UserName { get; set; }

    /// <summary>The name normalised as Identity does (trimmed, upper case): what the counts are keyed on, whether or not
    /// such an account exists — so an unknown name and a real one are treated alike.</summary>
    public required string UserKey { get; set; }

    /// <summary>The account, when the name is one (for the administrator's scope); never shown to the person signing in.</summary>
    public int? UserId { get; set; }

    public string? Address { get; set; }

    public string? UserAgent { get; set; }

    /// <summary>页面 (the login page) or 接口 (the token endpoint).</summary>
    public required string Channel { get; set; }

    public LoginOutcome Outcome { get; set; }

    /// <summary>原因, in Chinese.</summary>
    public required string Reason { get; set; }

    /// <summary>The captcha this attempt answered: a captcha answers once.</summary>
    public string? CaptchaId { get; set; }

    bool IDerivedOnCreate.ChangedByRules => false;
}

/// <summary>会话类型: a browser's cookie or an API bearer token.</summary>
public enum SessionKind
{
    /// <summary>浏览器</summary>
    Cookie = 0,
    /// <summary>接口令牌</summary>
    Token = 1,
}

/// <summary>在线会话: a signed-in browser or an issued token. The cookie or token carries only its id (inside the
/// data-protected ticket); every request checks the row, so ending it here ends the session at once.</summary>
public sealed class UserSession : IDerivedOnCreate
{
    /// <summary>128 random bits, hex.</summary>
    public required string Id { get; set; }

    public int UserId { get; set; }

    public required string UserName { get; set; }

    public SessionKind Kind { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime LastSeenUtc { get; set; }

    /// <summary>The absolute end (Fazhi:Security:AbsoluteSessionHours for a browser, the token's expiry for a token).</summary>
    public DateTime ExpiresAtUtc { get; set; }

    public string? Address { get; set; }

    public string? UserAgent { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    public string? RevokedBy { get; set; }

    /// <summary>退出, 管理员强退, 用户停用 …</summary>
    public string? RevokeReason { get; set; }

    // Created at sign-in (already in the log); only its ending is audited.
    bool IDerivedOnCreate.ChangedByRules => false;
}

internal sealed class LoginLogConfiguration : IEntityTypeConfiguration<LoginLogEntry>
{
    public void Configure(EntityTypeBuilder<LoginLogEntry> b)
    {
        b.ToTable("sys_login_log");
        b.Property(l => l.UserName).HasMaxLength(SignInLimits.UserName);
        b.Property(l => l.UserKey).HasMaxLength(SignInLimits.UserName);
        b.Property(l => l.Address).HasMaxLength(SignInLimits.Address);
        b.Property(l => l.UserAgent).HasMaxLength(SignInLimits.UserAgent);
        b.Property(l => l.Channel).HasMaxLength(8);
        b.Property(l => l.Reason).HasMaxLength(64);
        b.Property(l => l.CaptchaId).HasMaxLength(32);
        b.HasIndex(l => new { l.UserKey, l.AtUtc });
        b.HasIndex(l => new { l.Address, l.AtUtc });
        b.HasIndex(l => l.AtUtc);
        b.HasIndex(l => l.CaptchaId);
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("sys_sessions");
        b.Property(s => s.Id).HasMaxLength(32);
        b.Property(s => s.UserName).HasMaxLength(SignInLimits.UserName);
        b.Property(s => s.Address).HasMaxLength(SignInLimits.Address);
        b.Property(s => s.UserAgent).HasMaxLength(SignInLimits.UserAgent);
        b.Property(s => s.RevokedBy).HasMaxLength(SignInLimits.UserName);
        b.Property(s => s.RevokeReason).HasMaxLength(32);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.UserId, s.RevokedAtUtc });
        b.HasIndex(s => new { s.RevokedAtUtc, s.ExpiresAtUtc });
    }
}

public static class SignInLimits
{
    public const int UserName = 64;
    public const int Address = 45; // an IPv6 address in text
    public const int UserAgent = 256;

    public static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
