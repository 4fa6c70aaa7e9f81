using Fazhi.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Kernel.Access.Identity;

/// <summary>
/// What a user's sign-in needs besides the password hash, kept as user tokens (sys_user_tokens, which the audit log
/// skips, so no secret or hash is ever copied into it): the password history, the TOTP key (protected with data
/// protection), the last TOTP time step used, the seed and serial of a bound 国密动态令牌, the recovery codes' hashes, the SM2 public key, a pending SM2 challenge
/// and a machine account's secret hash. Changes to them are written to the audit log as events without their values.
/// </summary>
public static class UserSecrets
{
    public const string Provider = "fazhi";
    public const string PasswordHistory = "password-history";
    public const string TotpKey = "totp-key";
    public const string TotpPending = "totp-pending";
    public const string TotpLastStep = "totp-last-step";
    public const string RecoveryCodes = "recovery-codes";
    public const string Sm2Key = "sm2-key";
    public const string Sm2Challenge = "sm2-challenge";
    public const string ClientSecret = "client-secret";
    /// <summary>国密动态令牌 (GB/T 38556 SM3): the seed (protected like the TOTP key), the serial, the last time factor used.</summary>
    public const string Sm3Seed = "sm3otp-seed";
    public const string Sm3Serial = "sm3otp-serial";
    public const string Sm3LastStep = "sm3otp-last-step";
}

/// <summary>
/// Identity's user manager with one addition: whenever a password hash is replaced (a change, an administrator's reset,
/// a removal), the old hash goes into the history and the change time is kept — whichever path changed it.
/// </summary>
public sealed class FazhiUserManager(IUserStore<AppUser> store, IOptions<IdentityOptions> optionsAccessor, IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators, ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger,
    FazhiDb db, TimeProvider clock, IOptionsMonitor<PasswordPolicyOptions> policy)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(AppUser user)
    {
        var entry = db.Entry(user);
        if (entry.State != Microsoft.EntityFrameworkCore.EntityState.Detached)
        {
            var before = entry.Property(u => u.PasswordHash).OriginalValue;
            if (before is not null && before != user.PasswordHash)
            {
                var tokens = (IUserAuthenticationTokenStore<AppUser>)Store;
                var history = await Identity.PasswordHistory.ReadAsync(this, user);
                await tokens.SetTokenAsync(user, UserSecrets.Provider, UserSecrets.PasswordHistory,
                    Identity.PasswordHistory.Push(history, before, policy.CurrentValue.History), CancellationToken);
            }
            if (before != user.PasswordHash && user.PasswordHash is not null)
                user.PasswordChangedAtUtc = clock.GetUtcNow().UtcDateTime;
        }
        return await base.UpdateUserAsync(user);
    }
}

/// <summary>Reads and writes the tokens of <see cref="UserSecrets"/> without touching the user row (Identity's own token
/// methods update the user, which would write an empty change to the audit log at every sign-in).</summary>
public sealed class UserTokens(FazhiDb db)
{
    public async Task<string?> GetAsync(AppUser user, string name) =>
        user.Id == 0 ? null : (await FindAsync(user, name))?.Value;

    public async Task SetAsync(AppUser user, string name, string value)
    {
        var token = await FindAsync(user, name);
        if (token is null)
            db.UserTokens.Add(new IdentityUserToken<int> { UserId = user.Id, LoginProvider = UserSecrets.Provider, Name = name, Value = value });
        else
            token.Value = value;
        await db.SaveChangesAsync();
    }

    public async Task RemoveAsync(AppUser user, string name)
    {
        if (await FindAsync(user, name) is { } token)
        {
            db.UserTokens.Remove(token);
            await db.SaveChangesAsync();
        }
    }

    private Task<IdentityUserToken<int>?> FindAsync(AppUser user, string name) =>
        db.UserTokens.FirstOrDefaultAsync(t => t.UserId == user.Id && t.LoginProvider == UserSecrets.Provider && t.Name == name);
}
