using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Audit;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Kernel.Access;

/// <summary>A token request: a person's user name, password, (when they have a second factor) <c>code</c> and (after
/// repeated failures) the 图形验证码; or a machine account's <c>grantType=client_credentials</c> with its client id and secret.</summary>
public sealed record TokenRequest(string? Username, string? Password, string? CaptchaToken = null, string? Captcha = null, string? Code = null,
    string? GrantType = null, string? ClientId = null, string? ClientSecret = null);

public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

public enum SignInOutcome { Succeeded, Failed, LockedOut, Disabled, Throttled, CaptchaRequired }

/// <summary>Password checks for both the login page and the token endpoint, with the sign-in guard (delay, 图形验证码,
/// lock per account and address), the 登录日志 and the audit.</summary>
public sealed class AuthService(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    FazhiDb db,
    IOptionsMonitor<BearerTokenOptions> bearer,
    TimeProvider clock,
    SignIn.SignInGuard guard,
    SignIn.CaptchaService captcha,
    SignIn.SessionStore sessions,
    IHttpContextAccessor http,
    IServiceProvider services)
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    /// <summary>A hash of a password nobody knows, checked for a name that is no account, so that an unknown name costs
    /// the same work (and time) as a real one with a wrong password.</summary>
    private static string? _dummyHash;

    /// <summary>What the guard said for the last check (the wait, the lock's minutes, whether the captcha is now needed).</summary>
    public SignIn.SignInState State { get; private set; } = SignIn.SignInState.Open;

    public async Task<(SignInOutcome Outcome, AppUser? User)> CheckAsync(string? username, string? password, CancellationToken ct,
        string? captchaToken = null, string? captchaAnswer = null)
    {
        var typed = username?.Trim() ?? "";
        var key = SignIn.SignInGuard.KeyOf(typed);
        State = await guard.AssessAsync(key, guard.Address, ct);
        if (State.LockedMinutes > 0)
            return await RefuseAsync(typed, SignInOutcome.LockedOut, "已锁定（本地址失败次数过多）", null, ct);
        if (State.WaitSeconds > 0)
            return await RefuseAsync(typed, SignInOutcome.Throttled, "尝试过于频繁", null, ct);
        string? captchaId = null;
        if (State.CaptchaRequired)
        {
            captchaId = captcha.Check(captchaToken, captchaAnswer);
            if (captchaId is null || await guard.CaptchaUsedAsync(captchaId, ct))
                return await RefuseAsync(typed, SignInOutcome.CaptchaRequired, string.IsNullOrWhiteSpace(captchaAnswer) ? "未填写验证码" : "验证码错误", null, ct);
        }

        var user = typed.Length == 0 || typed.Length > 64 ? null : await users.FindByNameAsync(typed);
        bool passwordOk;
        db.SigningIn = true;
        try
        {
            if (user is null || string.IsNullOrEmpty(password))
            {
                var dummy = new AppUser { DisplayName = "" };
                _dummyHash ??= users.PasswordHasher.HashPassword(dummy, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18)));
                _ = users.PasswordHasher.VerifyHashedPassword(dummy, _dummyHash, password ?? "");
                passwordOk = false;
            }
            else
                passwordOk = await users.CheckPasswordAsync(user, password);
        }
        finally
        {
            db.SigningIn = false;
        }
        var id = user?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!passwordOk)
        {
            await guard.RecordAsync(typed, user, SignIn.LoginOutcome.Failed, "用户名或密码错误", ct, captchaId);
            await db.AppendEventAsync(AuditActions.LoginFailed, nameof(AppUser), id, user?.OrgUnitId, null, user?.UserName ?? typed, ct);
            State = await guard.AssessAsync(key, guard.Address, ct);
            if (State.LockedMinutes > 0)
                await db.AppendEventAsync(AuditActions.LockedOut, nameof(AppUser), id, user?.OrgUnitId, null, user?.UserName ?? typed, ct);
            return (SignInOutcome.Failed, null);
        }
        // The account's state is told only to someone who knows its password.
        if (!user!.IsActive)
        {
            await guard.RecordAsync(typed, user, SignIn.LoginOutcome.Refused, "账号已停用", ct, captchaId);
            await db.AppendEventAsync(AuditActions.LoginFailed, nameof(AppUser), id, user.OrgUnitId, """{"reason":"disabled"}""", user.UserName, ct);
            return (SignInOutcome.Disabled, user);
        }
        await guard.RecordAsync(typed, user, SignIn.LoginOutcome.Succeeded, "登录成功", ct, captchaId);
        await db.AppendEventAsync(AuditActions.Login, nameof(AppUser), id, user.OrgUnitId, null, user.UserName, ct);
        return (SignInOutcome.Succeeded, user);
    }

    private async Task<(SignInOutcome, AppUser?)> RefuseAsync(string typed, SignInOutcome outcome, string reason, AppUser? user, CancellationToken ct)
    {
        await guard.RecordAsync(typed, user, SignIn.LoginOutcome.Refused, reason, ct);
        return (outcome, null);
    }

    /// <summary>The message for an outcome; the same for a name that is no account as for a real one.</summary>
    public string Message(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.LockedOut => $"登录失败次数过多，已暂停从本地址登录该账号，请{State.LockedMinutes}分钟后再试或联系管理员解锁。",
        SignInOutcome.Throttled => $"登录尝试过于频繁，请{State.WaitSeconds}秒后再试。",
        SignInOutcome.CaptchaRequired => "请输入正确的图形验证码。",
        _ => MessageFor(outcome),
    };

    public static string MessageFor(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.LockedOut => "登录失败次数过多，请稍后再试或联系管理员解锁。",
        SignInOutcome.Throttled => "登录尝试过于频繁，请稍后再试。",
        SignInOutcome.CaptchaRequired => "请输入正确的图形验证码。",
        SignInOutcome.Disabled => "该账号已停用，请联系管理员。",
        _ => "用户名或密码错误。",
    };

    /// <summary>Issues a bearer token (protected by ASP.NET Core data protection, validated by the BearerToken handler).</summary>
    public async Task<TokenResponse> IssueTokenAsync(TokenRequest request, CancellationToken ct)
    {
        if (request.GrantType == Identity.MachineAccountService.Grant)
        {
            var (machineOutcome, machine) = await services.GetRequiredService<Identity.MachineAccountService>().CheckAsync(request.ClientId, request.ClientSecret);
            return machineOutcome == SignInOutcome.Succeeded ? await IssueTokenForAsync(machine!, ct) : throw new UnauthorizedException(MessageFor(machineOutcome));
        }
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Username))
            errors["username"] = ["用户名不能为空"];
        if (string.IsNullOrEmpty(request.Password))
            errors["password"] = ["密码不能为空"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var (outcome, user) = await CheckAsync(request.Username, request.Password, ct, request.CaptchaToken, request.Captcha);
        if (outcome != SignInOutcome.Succeeded)
            throw new UnauthorizedException(Message(outcome) + (State.CaptchaRequired || outcome == SignInOutcome.CaptchaRequired
                ? "（需要图形验证码：GET /api/v1/auth/captcha 取得图片与 captchaToken，连同 captcha 一并提交）" : ""));
        await Identity.IdentityModule.RequireSecondFactorForTokenAsync(services, user!, request.Code, ct);
        return await IssueTokenForAsync(user!, ct);
    }

    /// <summary>A token for a user whose every factor has been checked.</summary>
    public async Task<TokenResponse> IssueTokenForAsync(AppUser user, CancellationToken ct)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var expires = clock.GetUtcNow() + TokenLifetime;
        // The token carries its session's id: the holder (DELETE /auth/token) or an administrator (在线用户) can end it.
        var session = await sessions.StartAsync(http.HttpContext, user.Id, user.UserName!, SignIn.SessionKind.Token, expires.UtcDateTime, ct);
        var properties = new AuthenticationProperties { IssuedUtc = clock.GetUtcNow(), ExpiresUtc = expires };
        properties.Items[SignIn.SessionStore.PropertyKey] = session;
        var ticket = new AuthenticationTicket(principal, properties, BearerTokenDefaults.AuthenticationScheme);
        var token = bearer.Get(BearerTokenDefaults.AuthenticationScheme).BearerTokenProtector.Protect(ticket);
        return new TokenResponse(token, expires);
    }
}

public sealed class UnauthorizedException(string message) : Exception(message);
