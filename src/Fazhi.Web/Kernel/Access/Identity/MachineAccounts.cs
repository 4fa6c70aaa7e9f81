using System.Security.Cryptography;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Identity;

namespace Fazhi.Web.Kernel.Access.Identity;

public sealed record MachineAccountRequest(string? Username, string? DisplayName, string? OrgCode, IReadOnlyList<string>? Roles);

public sealed record MachineSecretResponse(string ClientId, string ClientSecret, string Note);

/// <summary>
/// 机器账号: a department's system that pushes records (部门数据报送) signs in as itself with a client id and a long
/// random secret (256 bits, shown once, stored as a keyed hash), through <c>POST /api/v1/auth/token</c> with
/// <c>grantType=client_credentials</c>. It has no password and no second factor: it cannot use the login page.
/// </summary>
public sealed class MachineAccountService(UserManager<AppUser> users, UserTokens tokens, UserService userService, TwoFactorService factors, FazhiDb db)
{
    public const string Grant = "client_credentials";

    public async Task<MachineSecretResponse> CreateAsync(MachineAccountRequest request, CancellationToken ct)
    {
        if (request.Roles?.Any(SeparationOfDuties.Officers.Contains) == true)
            throw FazhiValidationException.For("roles", "机器账号不能担任系统、安全或审计管理员。");
        var user = await userService.CreateAsync(new SaveUserRequest(request.Username, request.DisplayName, request.OrgCode, request.Roles, null, null), ct,
            machine: true);
        return await NewSecretAsync(user, ct); // should this fail, renewing the secret repairs the account
    }

    /// <summary>A new secret (the old one ends at once, with every token issued under it).</summary>
    public async Task<MachineSecretResponse> RenewAsync(string username, CancellationToken ct)
    {
        var user = await userService.GetAsync(username, ct);
        if (!user.IsMachine)
            throw FazhiValidationException.For("username", $"“{username}”不是机器账号。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var secret = await NewSecretAsync(user, ct);
        await users.UpdateSecurityStampAsync(user);
        await tx.CommitAsync(ct);
        return secret;
    }

    private async Task<MachineSecretResponse> NewSecretAsync(AppUser user, CancellationToken ct)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await tokens.SetAsync(user, UserSecrets.ClientSecret, factors.Hash(secret));
        await SecurityEvents.RecordAsync(db, user, SecurityEvents.ClientSecretIssued, ct);
        return new MachineSecretResponse(user.UserName!, secret, "密钥只显示这一次，请立即配置到对接系统中；遗失后只能重新生成。");
    }

    /// <summary>The machine account the id and secret name, or null (the same answer for an unknown id and a wrong secret;
    /// a wrong secret counts towards the account's lockout).</summary>
    public async Task<(SignInOutcome Outcome, AppUser? User)> CheckAsync(string? clientId, string? clientSecret)
    {
        var user = string.IsNullOrWhiteSpace(clientId) || clientId.Length > 64 ? null : await users.FindByNameAsync(clientId.Trim());
        var expected = user is { IsMachine: true } ? await tokens.GetAsync(user, UserSecrets.ClientSecret) : null;
        var given = factors.Hash(clientSecret ?? "");
        if (user is null || expected is null)
            return (SignInOutcome.Failed, null);
        if (await users.IsLockedOutAsync(user))
            return (SignInOutcome.LockedOut, user);
        if (!CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(expected), Convert.FromBase64String(given)))
        {
            await factors.CountFailureAsync(user, "机器账号密钥错误");
            return (await factors.IsLockedAsync(user) ? SignInOutcome.LockedOut : SignInOutcome.Failed, user);
        }
        if (!user.IsActive)
            return (SignInOutcome.Disabled, user);
        await users.ResetAccessFailedCountAsync(user);
        return (SignInOutcome.Succeeded, user);
    }
}
