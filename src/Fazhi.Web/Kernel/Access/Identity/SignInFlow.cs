using System.Security.Claims;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Kernel.Access.Identity;

/// <summary><c>Fazhi:Security:RequireTwoFactor</c>: every human account needs a second factor (TOTP or an SM2 key).
/// On by default in Production; off elsewhere (demos, automated checks), and the start-up banner says so.</summary>
public sealed class TwoFactorPolicy(bool required)
{
    public const string Key = "Fazhi:Security:RequireTwoFactor";

    public bool Required { get; } = required;

    public bool AppliesTo(AppUser user) => Required && !user.IsMachine;
}

/// <summary>What a signed-in user must do before anything else (one claim, read by <see cref="PendingStepGate"/>).</summary>
public static class PendingSteps
{
    public const string ClaimType = "fazhi:pending";
    public const string ChangePassword = "password";
    public const string EnrolTwoFactor = "enrol";

    public const string PasswordChangePage = "/account/password-change";
    public const string TwoFactorPage = "/account/two-factor";

    /// <summary>Adds the pending step to the sign-in principal (cookie and token alike).</summary>
    public static async Task AddAsync(ClaimsIdentity identity, AppUser user, IServiceProvider services)
    {
        if (user.IsMachine)
            return;
        if (PasswordExpired(user, services))
            identity.AddClaim(new Claim(ClaimType, ChangePassword));
        else if (services.GetRequiredService<TwoFactorPolicy>().AppliesTo(user) && !await services.GetRequiredService<TwoFactorService>().IsEnrolledAsync(user))
            identity.AddClaim(new Claim(ClaimType, EnrolTwoFactor));
    }

    /// <summary>须修改密码: set by an administrator, or older than the maximum age (when one is configured).</summary>
    public static bool PasswordExpired(AppUser user, IServiceProvider services)
    {
        if (user.MustChangePassword)
            return true;
        var days = services.GetRequiredService<IOptionsMonitor<PasswordPolicyOptions>>().CurrentValue.MaxAgeDays;
        return days > 0 && (user.PasswordChangedAtUtc ?? user.CreatedAtUtc).AddDays(days) < services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
    }

    public static string? Of(ClaimsPrincipal user) => user.FindFirst(ClaimType)?.Value;
}

/// <summary>
/// While a step is pending the user can do nothing else: pages redirect to the step's page, the API answers 403 with
/// the reason. Sign-out, the step's own page, errors and static files stay open.
/// </summary>
public sealed class PendingStepGate(RequestDelegate next)
{
    private static readonly string[] Open = ["/logout", "/login", "/error", "/css/", "/js/", "/lib/", "/favicon"];

    public async Task InvokeAsync(HttpContext http)
    {
        var step = http.User.Identity?.IsAuthenticated == true ? PendingSteps.Of(http.User) : null;
        var path = http.Request.Path.Value ?? "/";
        var page = step == PendingSteps.ChangePassword ? PendingSteps.PasswordChangePage : PendingSteps.TwoFactorPage;
        if (step is null || path.StartsWith(page, StringComparison.OrdinalIgnoreCase) || Open.Any(o => path.StartsWith(o, StringComparison.OrdinalIgnoreCase)))
        {
            await next(http);
            return;
        }
        if (ProblemTitles.IsApi(http))
        {
            await Results.Problem(step == PendingSteps.ChangePassword ? "请先修改密码。" : "请先在个人中心绑定动态口令（双因素认证）。",
                statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(http);
            return;
        }
        http.Response.Redirect(page);
    }
}

/// <summary>
/// What happens after a correct password: a user with a second factor gets a short pending-sign-in cookie (no session)
/// and the second step at <c>/login/2fa</c>; anyone else is signed in, and <see cref="PendingStepGate"/> then sends them
/// to the forced password change or to enrolment as needed.
/// </summary>
public sealed class SignInFlow(SignInManager<AppUser> signIn, TwoFactorService factors, UserManager<AppUser> users)
{
    /// <summary>The cookie that carries "password checked, second factor pending" for five minutes.</summary>
    public const string PendingScheme = "fazhi-2fa";

    public static void AddPendingCookie(AuthenticationBuilder auth) =>
        auth.AddCookie(PendingScheme, o =>
        {
            o.Cookie.Name = "fazhi-2fa";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            o.SlidingExpiration = false;
            o.LoginPath = "/login";
            o.Events = new CookieAuthenticationEvents();
        });

    /// <summary>Returns where to go next.</summary>
    public async Task<string> AfterPasswordAsync(HttpContext http, AppUser user, string returnUrl)
    {
        if (await factors.IsEnrolledAsync(user))
        {
            var identity = new ClaimsIdentity(PendingScheme);
            identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, await users.GetUserIdAsync(user)));
            identity.AddClaim(new Claim("stamp", await users.GetSecurityStampAsync(user)));
            await http.SignInAsync(PendingScheme, new ClaimsPrincipal(identity));
            return "/login/2fa?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return returnUrl;
    }

    /// <summary>The user whose password was checked in this browser in the last five minutes, if unchanged since.</summary>
    public async Task<AppUser?> PendingUserAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(PendingScheme);
        if (!result.Succeeded || result.Principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
            return null;
        var user = await users.FindByIdAsync(id);
        return user is not null && user.IsActive && await users.GetSecurityStampAsync(user) == result.Principal.FindFirstValue("stamp") ? user : null;
    }

    /// <summary>The second factor was accepted: the session starts now.</summary>
    public async Task CompleteAsync(HttpContext http, AppUser user)
    {
        await http.SignOutAsync(PendingScheme);
        await signIn.SignInAsync(user, isPersistent: false);
    }

    public Task AbandonAsync(HttpContext http) => http.SignOutAsync(PendingScheme);
}
