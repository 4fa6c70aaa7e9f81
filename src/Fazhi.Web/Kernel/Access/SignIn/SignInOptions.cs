namespace Fazhi.Web.Kernel.Access.SignIn;

/// <summary>Sign-in and session settings (section <c>Fazhi:Security</c>). GB/T 22239-2019 8.1.4.1 b) asks for
/// 登录失败处理功能 (end the session, limit failed attempts, sign out after idling); these are the limits.</summary>
public sealed class SignInOptions
{
    public const string Section = "Fazhi:Security";

    /// <summary>A browser session ends this many hours after sign-in however active it was (besides the 30-minute idle timeout).</summary>
    public double AbsoluteSessionHours { get; set; } = 8;

    /// <summary>Minutes a browser session may idle (the cookie's sliding expiry).</summary>
    public int IdleMinutes { get; set; } = 30;

    /// <summary>Failures are counted over this window (and a lock lasts as long).</summary>
    public int FailureWindowMinutes { get; set; } = 15;

    /// <summary>From this many failures for an account and address, each further attempt waits 1, 2, 4 … (at most 60) seconds.</summary>
    public int DelayAfterFailures { get; set; } = 3;

    /// <summary>From this many failures for an account (from any address), the 图形验证码 is required.</summary>
    public int CaptchaAfterFailures { get; set; } = 3;

    /// <summary>From this many failures from one address (any name), the 图形验证码 is required and attempts from it are
    /// slowed down. Higher than the account's: an office shares one address behind its NAT.</summary>
    public int AddressCaptchaAfterFailures { get; set; } = 10;

    /// <summary>This many failures for an account from one address lock that account from that address only: nobody else
    /// can lock an account (the administrator's included); elsewhere the account asks for the captcha.</summary>
    public int LockAfterFailures { get; set; } = 10;

    /// <summary>Cookies always Secure and HSTS sent; set behind a TLS-terminating proxy named in Fazhi:KnownProxies.</summary>
    public bool RequireHttps { get; set; }

    /// <summary>/openapi and /api/docs answer without sign-in (default: true except in Production).</summary>
    public bool? PublicApiDocs { get; set; }

    public TimeSpan Window => TimeSpan.FromMinutes(FailureWindowMinutes);
}
