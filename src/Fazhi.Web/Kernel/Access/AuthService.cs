using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Audit;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Kernel.Access;

/// <summary>A token request: a person's user name, password and (when they have a second factor) <c>code</c>; or a machine
/// account's <c>grantType=client_credentials</c> with its client id and secret.</summary>
public sealed record TokenRequest(string? Username, string? Password, string? Code = null, string? GrantType = null, string? ClientId = null,
    string? ClientSecret = null);

public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

public enum SignInOutcome { Succeeded, Failed, LockedOut, Disabled }

/// <summary>Password checks for both the login page and the token endpoint, with lockout and audit.</summary>
public sealed class AuthService(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    FazhiDb db,
    IOptionsMonitor<BearerTokenOptions> bearer,
    TimeProvider clock,
    IServiceProvider services)
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    public async Task<(SignInOutcome Outcome, AppUser? User)> CheckAsync(string? username, string? password, CancellationToken ct)
    {
        var user = string.IsNullOrWhiteSpace(username) || username.Length > 64 ? null : await users.FindByNameAsync(username.Trim());
        if (user is null || string.IsNullOrEmpty(password))
        {
            await db.AppendEventAsync(AuditActions.LoginFailed, nameof(AppUser), null, null, null, username?.Trim() ?? "", ct: ct);
            return (SignInOutcome.Failed, null);
        }
        db.SigningIn = true;
        SignInResult result;
        try
        {
            result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        }
        finally
        {
            db.SigningIn = false;
        }
        var id = user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The account's state is told only to someone who knows its password.
        if (result.Succeeded && !user.IsActive)
        {
            await db.AppendEventAsync(AuditActions.LoginFailed, nameof(AppUser), id, user.OrgUnitId, """{"reason":"disabled"}""", user.UserName, ct);
            return (SignInOutcome.Disabled, user);
        }
        if (result.Succeeded)
        {
            await db.AppendEventAsync(AuditActions.Login, nameof(AppUser), id, user.OrgUnitId, null, user.UserName, ct);
            return (SignInOutcome.Succeeded, user);
        }
        var outcome = result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Failed;
        await db.AppendEventAsync(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.LoginFailed, nameof(AppUser), id, user.OrgUnitId, null, user.UserName, ct);
        return (outcome, user);
    }

    public static string MessageFor(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.LockedOut => "登录失败次数过多，账号已锁定15分钟，请稍后再试或联系管理员解锁。",
        SignInOutcome.Disabled => "该账号已停用，请联系管理员。",
        _ => "用户名或密码错误。",
    };

    /// <summary>Issues a bearer token (protected by ASP.NET Core data protection, validated by the BearerToken handler).</summary>
    public async Task<TokenResponse> IssueTokenAsync(TokenRequest request, CancellationToken ct)
    {
        if (request.GrantType == Identity.MachineAccountService.Grant)
        {
            var (machineOutcome, machine) = await services.GetRequiredService<Identity.MachineAccountService>().CheckAsync(request.ClientId, request.ClientSecret);
            return machineOutcome == SignInOutcome.Succeeded ? await IssueTokenForAsync(machine!) : throw new UnauthorizedException(MessageFor(machineOutcome));
        }
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Username))
            errors["username"] = ["用户名不能为空"];
        if (string.IsNullOrEmpty(request.Password))
            errors["password"] = ["密码不能为空"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var (outcome, user) = await CheckAsync(request.Username, request.Password, ct);
        if (outcome != SignInOutcome.Succeeded)
            throw new UnauthorizedException(MessageFor(outcome));
        await Identity.IdentityModule.RequireSecondFactorForTokenAsync(services, user!, request.Code, ct);
        return await IssueTokenForAsync(user!);
    }

    /// <summary>A token for a user whose every factor has been checked.</summary>
    public async Task<TokenResponse> IssueTokenForAsync(AppUser user)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var expires = clock.GetUtcNow() + TokenLifetime;
        var ticket = new AuthenticationTicket(principal,
            new AuthenticationProperties { IssuedUtc = clock.GetUtcNow(), ExpiresUtc = expires },
            BearerTokenDefaults.AuthenticationScheme);
        var token = bearer.Get(BearerTokenDefaults.AuthenticationScheme).BearerTokenProtector.Protect(ticket);
        return new TokenResponse(token, expires);
    }
}

public sealed class UnauthorizedException(string message) : Exception(message);
