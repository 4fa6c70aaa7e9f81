using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using OtpNet;
using QRCoder;

namespace Fazhi.Web.Kernel.Access.Identity;

/// <summary>双因素认证的安全事件 (written to the audit log without any secret).</summary>
public static class SecurityEvents
{
    public const string TotpEnrolled = "totp-enrolled";
    public const string TwoFactorReset = "two-factor-reset";
    public const string RecoveryCodesRenewed = "recovery-codes";
    public const string RecoveryCodeUsed = "recovery-code-used";
    public const string Sm2KeyRegistered = "sm2-key";
    public const string Sm2KeyRemoved = "sm2-key-removed";
    public const string ClientSecretIssued = "client-secret";
    public const string PasswordReset = "password-reset";
    public const string Sm3TokenBound = "sm3-token";
    public const string Sm3TokenRemoved = "sm3-token-removed";

    public static string ChineseName(string value) => value switch
    {
        TotpEnrolled => "绑定动态口令",
        TwoFactorReset => "重置双因素认证",
        RecoveryCodesRenewed => "重新生成恢复码",
        RecoveryCodeUsed => "使用恢复码登录",
        Sm2KeyRegistered => "登记SM2公钥或证书",
        Sm2KeyRemoved => "删除SM2公钥",
        ClientSecretIssued => "生成机器账号密钥",
        PasswordReset => "管理员重置密码",
        Sm3TokenBound => "绑定国密动态令牌",
        Sm3TokenRemoved => "解除国密动态令牌",
        _ => value,
    };

    public static Task RecordAsync(FazhiDb db, AppUser user, string what, CancellationToken ct) =>
        db.AppendEventAsync(Audit.AuditActions.Update, nameof(AppUser), user.Id.ToString(CultureInfo.InvariantCulture), user.OrgUnitId,
            JsonSerializer.Serialize(new { security = what }), ct: ct);
}

public sealed record TotpEnrolment(string Key, string Uri, string QrPngDataUri);

public enum CodeCheck { Accepted, Wrong, Replayed, LockedOut }

/// <summary>
/// 动态口令 (TOTP, RFC 6238: HMAC-SHA1, 30-second steps, 6 digits — what every authenticator app reads from an
/// <c>otpauth://</c> QR code) and recovery codes. A code is accepted one step either side of now (clock drift), and
/// never twice: the last time step used is kept, so a code seen over a shoulder or replayed inside its window is
/// refused. Wrong codes count towards the account's lockout like wrong passwords.
/// </summary>
public sealed class TwoFactorService(UserManager<AppUser> users, UserTokens tokens, FazhiDb db, TimeProvider clock, IDataProtectionProvider protection, KeyStore keys,
    SignIn.SignInGuard guard, Sm3TokenService sm3)
{
    public const int RecoveryCodeCount = 10;
    public const string SecretHashKeyName = "identity-hmac";
    public const int SecretHashKeyLength = 32;
    private const string Issuer = "法治Fazhi";
    private readonly IDataProtector _protector = protection.CreateProtector("Fazhi.Identity.Totp.v1");

    public async Task<bool> HasTotpAsync(AppUser user) => await Token(user, UserSecrets.TotpKey) is not null;

    public async Task<bool> HasSm2KeyAsync(AppUser user) => await Token(user, UserSecrets.Sm2Key) is not null;

    public Task<bool> HasSm3TokenAsync(AppUser user) => sm3.IsBoundAsync(user);

    /// <summary>Whether the user signs in with a code: a TOTP app or a bound 国密动态令牌.</summary>
    public async Task<bool> HasCodeFactorAsync(AppUser user) => await HasTotpAsync(user) || await HasSm3TokenAsync(user);

    /// <summary>Whether the user has any second factor (TOTP, a 国密动态令牌 or an SM2 key).</summary>
    public async Task<bool> IsEnrolledAsync(AppUser user) => await HasCodeFactorAsync(user) || await HasSm2KeyAsync(user);

    /// <summary>The pending key (a new one unless one is waiting for its first code), as text and as a QR code.</summary>
    public async Task<TotpEnrolment> BeginAsync(AppUser user)
    {
        var key = await Token(user, UserSecrets.TotpPending) is { } pending ? Unprotect(pending) : KeyGeneration.GenerateRandomKey(20);
        await tokens.SetAsync(user, UserSecrets.TotpPending, _protector.Protect(Convert.ToBase64String(key)));
        var text = Base32Encoding.ToString(key);
        var label = Uri.EscapeDataString($"{Issuer}:{user.UserName}");
        var uri = $"otpauth://totp/{label}?secret={text}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new TotpEnrolment(Group(text), uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>Confirms enrolment with a first code from the app; returns the recovery codes (shown once) or null.</summary>
    public async Task<IReadOnlyList<string>?> ConfirmAsync(AppUser user, string? code, CancellationToken ct)
    {
        if (await Token(user, UserSecrets.TotpPending) is not { } pending)
            return null;
        var key = Unprotect(pending);
        if (Match(key, code) is not { } step)
            return null;
        await tokens.SetAsync(user, UserSecrets.TotpKey, pending);
        await tokens.SetAsync(user, UserSecrets.TotpLastStep, step.ToString(CultureInfo.InvariantCulture));
        await tokens.RemoveAsync(user, UserSecrets.TotpPending);
        await users.SetTwoFactorEnabledAsync(user, true);
        await SecurityEvents.RecordAsync(db, user, SecurityEvents.TotpEnrolled, ct);
        return await NewRecoveryCodesAsync(user, ct, record: false);
    }

    /// <summary>Checks a code given as the second factor — the bound 国密动态令牌's when there is one, else the TOTP app's —
    /// or a recovery code; wrong ones count towards lockout.</summary>
    public async Task<CodeCheck> VerifyAsync(AppUser user, string? code, CancellationToken ct)
    {
        if (await IsLockedAsync(user))
            return CodeCheck.LockedOut;
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        var compact = (code ?? "").Trim().Replace(" ", "", StringComparison.Ordinal);
        CodeCheck result;
        if (compact.Length > 0 && compact.Length == digits.Length && await sm3.IsBoundAsync(user))
            result = await sm3.VerifyAsync(user, digits);
        else if (digits.Length == 6 && compact.Length == 6)
            result = await VerifyTotpAsync(user, digits);
        else
            result = await RedeemRecoveryCodeAsync(user, code, ct) ? CodeCheck.Accepted : CodeCheck.Wrong;
        if (result == CodeCheck.Accepted)
        {
            await users.ResetAccessFailedCountAsync(user);
            return result;
        }
        await CountFailureAsync(user, result == CodeCheck.Replayed ? "动态口令重复使用" : "动态口令或恢复码错误");
        return await IsLockedAsync(user) ? CodeCheck.LockedOut : result;
    }

    /// <summary>The one place a failed second factor is counted: in the 登录日志, like a wrong password, towards the
    /// sign-in guard's delay, 图形验证码 and lock per account and address (SignInGuard).</summary>
    public Task CountFailureAsync(AppUser user, string reason) => guard.RecordFailureAsync(user, guard.Address, reason, CancellationToken.None);

    /// <summary>Whether the guard has locked this account from the caller's address.</summary>
    public async Task<bool> IsLockedAsync(AppUser user) =>
        (await guard.AssessAsync(SignIn.SignInGuard.KeyOf(user.UserName), guard.Address, CancellationToken.None)).LockedMinutes > 0;

    private async Task<CodeCheck> VerifyTotpAsync(AppUser user, string code)
    {
        if (await Token(user, UserSecrets.TotpKey) is not { } stored)
            return CodeCheck.Wrong;
        if (Match(Unprotect(stored), code) is not { } step)
            return CodeCheck.Wrong;
        var last = long.TryParse(await Token(user, UserSecrets.TotpLastStep), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : -1;
        if (step <= last)
            return CodeCheck.Replayed;
        await tokens.SetAsync(user, UserSecrets.TotpLastStep, step.ToString(CultureInfo.InvariantCulture));
        return CodeCheck.Accepted;
    }

    private long? Match(byte[] key, string? code)
    {
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != 6)
            return null;
        var totp = new Totp(key, step: 30, mode: OtpHashMode.Sha1, totpSize: 6);
        return totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, new VerificationWindow(previous: 1, future: 1)) ? step : null;
    }

    /// <summary>Ten new recovery codes (the old ones end); only their keyed hashes are stored.</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(AppUser user, CancellationToken ct, bool record = true)
    {
        const string alphabet = "23456789abcdefghjkmnpqrstuvwxyz";
        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ =>
        {
            var chars = Enumerable.Range(0, 10).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
            return $"{new string(chars[..5])}-{new string(chars[5..])}";
        }).ToList();
        await tokens.SetAsync(user, UserSecrets.RecoveryCodes,
            JsonSerializer.Serialize(codes.Select(Hash).ToList()));
        if (record)
            await SecurityEvents.RecordAsync(db, user, SecurityEvents.RecoveryCodesRenewed, ct);
        return codes;
    }

    public async Task<int> RecoveryCodesLeftAsync(AppUser user) =>
        await Token(user, UserSecrets.RecoveryCodes) is { } json ? JsonSerializer.Deserialize<List<string>>(json)!.Count : 0;

    private async Task<bool> RedeemRecoveryCodeAsync(AppUser user, string? code, CancellationToken ct)
    {
        var normalised = new string((code ?? "").Trim().ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        if (normalised.Length != 10 || await Token(user, UserSecrets.RecoveryCodes) is not { } json)
            return false;
        var hashes = JsonSerializer.Deserialize<List<string>>(json)!;
        var hash = Hash($"{normalised[..5]}-{normalised[5..]}");
        if (!hashes.Remove(hash))
            return false;
        await tokens.SetAsync(user, UserSecrets.RecoveryCodes, JsonSerializer.Serialize(hashes));
        await SecurityEvents.RecordAsync(db, user, SecurityEvents.RecoveryCodeUsed, ct);
        return true;
    }

    /// <summary>The security administrator's reset (a lost phone or key): every second factor ends, a bound 国密动态令牌
    /// included, and the user enrols again at the next sign-in.</summary>
    public async Task ResetAsync(AppUser user, CancellationToken ct)
    {
        foreach (var name in new[] { UserSecrets.TotpKey, UserSecrets.TotpPending, UserSecrets.TotpLastStep, UserSecrets.RecoveryCodes, UserSecrets.Sm2Key })
            await tokens.RemoveAsync(user, name);
        await sm3.RemoveAllAsync(user);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.UpdateSecurityStampAsync(user);
        await SecurityEvents.RecordAsync(db, user, SecurityEvents.TwoFactorReset, ct);
    }

    /// <summary>HMAC-SM3 with a key outside the database (KeyStore <c>identity-hmac</c>): a stolen database does not
    /// let anyone test guesses of recovery codes or machine secrets offline.</summary>
    public string Hash(string secret) =>
        Convert.ToBase64String(GuoMi.HmacSm3(keys.Get(SecretHashKeyName, SecretHashKeyLength), Encoding.UTF8.GetBytes(secret)));

    private Task<string?> Token(AppUser user, string name) => tokens.GetAsync(user, name);

    private byte[] Unprotect(string stored) => Convert.FromBase64String(_protector.Unprotect(stored));

    private static string Group(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4))));
}
