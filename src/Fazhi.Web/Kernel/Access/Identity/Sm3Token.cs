using System.Globalization;
using System.Text.RegularExpressions;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Kernel.Access.Identity;

/// <summary><c>Fazhi:Security:Sm3Otp</c>: the 国密令牌 in use show a new code every <see cref="StepSeconds"/> seconds
/// (Tc, at most 60 by GB/T 38556) with <see cref="Digits"/> digits (N, 6 to 10). One setting for all tokens: a bureau
/// buys one model.</summary>
public sealed class Sm3OtpOptions
{
    public const string Section = "Fazhi:Security:Sm3Otp";
    public int StepSeconds { get; set; } = 60;
    public int Digits { get; set; } = 6;
}

/// <param name="Serial">令牌序列号, as printed on the token.</param>
/// <param name="Seed">种子密钥 in hex, from the vendor's seed file (at least 128 bits).</param>
/// <param name="Code">Optional: the code the token shows now, to check the seed (and the token's clock) before binding.</param>
public sealed record Sm3TokenRequest(string? Serial, string? Seed, string? Code);

public sealed record Sm3TokenInfo(string Username, string Serial, int Digits, int StepSeconds);

/// <summary>
/// 国密动态令牌 (hardware tokens computing <see cref="Sm3Otp"/>): the security administrator binds one to a user with its
/// serial and the seed the vendor delivered for that serial, and unbinds it when the token is returned or lost. The seed
/// is kept like the TOTP key — a user token protected with data protection (the key ring outside the database) — and
/// never leaves the server again. At <c>/login/2fa</c> a user with a bound token gives its code in the same 动态口令
/// field; a code is accepted one step either side of now and never twice (the last time factor used is kept).
/// </summary>
public sealed partial class Sm3TokenService(UserTokens tokens, FazhiDb db, TimeProvider clock, IDataProtectionProvider protection,
    IOptionsMonitor<Sm3OtpOptions> options, UserManager<AppUser> users)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Fazhi.Identity.Sm3Otp.v1");

    public int Digits => options.CurrentValue.Digits;

    public int StepSeconds => options.CurrentValue.StepSeconds;

    public async Task<bool> IsBoundAsync(AppUser user) => await tokens.GetAsync(user, UserSecrets.Sm3Seed) is not null;

    public async Task<string?> SerialAsync(AppUser user) => await tokens.GetAsync(user, UserSecrets.Sm3Serial);

    public async Task<Sm3TokenInfo> BindTokenAsync(AppUser user, Sm3TokenRequest request, CancellationToken ct)
    {
        if (user.IsMachine)
            throw FazhiValidationException.For("serial", "机器账号使用密钥登录，不绑定动态令牌。");
        var serial = (request.Serial ?? "").Trim().ToUpperInvariant();
        var errors = new Dictionary<string, string[]>();
        if (!SerialPattern().IsMatch(serial))
            errors["serial"] = ["令牌序列号必填，为4–32位字母、数字或连字符（以令牌背面印的为准）。"];
        var hex = new string((request.Seed ?? "").Where(ch => !char.IsWhiteSpace(ch)).ToArray());
        byte[]? seed = null;
        if (hex.Length % 2 != 0 || !hex.All(char.IsAsciiHexDigit) || hex.Length / 2 < Sm3Otp.MinSeedBytes || hex.Length / 2 > Sm3Otp.MaxSeedBytes)
            errors["seed"] = [$"种子密钥须为十六进制，长度{Sm3Otp.MinSeedBytes * 8}–{Sm3Otp.MaxSeedBytes * 8}位（{Sm3Otp.MinSeedBytes * 2}–{Sm3Otp.MaxSeedBytes * 2}个十六进制字符），以厂商种子文件为准。"];
        else
            seed = Convert.FromHexString(hex);
        long? step = null;
        if (seed is not null && !string.IsNullOrWhiteSpace(request.Code))
        {
            step = Sm3Otp.Match(seed, request.Code.Trim(), clock.GetUtcNow(), StepSeconds, Digits);
            if (step is null)
                errors["code"] = [$"令牌当前显示的{Digits}位动态口令与种子密钥不符：请核对序列号对应的种子，或令牌时钟是否准确。"];
        }
        if (errors.Count == 0 && await db.UserTokens.AnyAsync(t => t.LoginProvider == UserSecrets.Provider && t.Name == UserSecrets.Sm3Serial
                && t.Value == serial && t.UserId != user.Id, ct))
            errors["serial"] = [$"序列号为 {serial} 的令牌已绑定给其他用户，请先解除绑定。"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await tokens.SetAsync(user, UserSecrets.Sm3Seed, _protector.Protect(Convert.ToBase64String(seed!)));
        await tokens.SetAsync(user, UserSecrets.Sm3Serial, serial);
        // A new token starts afresh; a code given at binding is used up.
        if (step is { } used)
            await tokens.SetAsync(user, UserSecrets.Sm3LastStep, used.ToString(CultureInfo.InvariantCulture));
        else
            await tokens.RemoveAsync(user, UserSecrets.Sm3LastStep);
        await users.SetTwoFactorEnabledAsync(user, true);
        await SecurityEvents.RecordAsync(db, user, SecurityEvents.Sm3TokenBound, ct);
        await tx.CommitAsync(ct);
        return new Sm3TokenInfo(user.UserName!, serial, Digits, StepSeconds);
    }

    /// <summary>Unbinds the user's token; false when none was bound.</summary>
    public async Task<bool> UnbindTokenAsync(AppUser user, CancellationToken ct)
    {
        if (!await IsBoundAsync(user))
            return false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RemoveAllAsync(user);
        if (await tokens.GetAsync(user, UserSecrets.TotpKey) is null && await tokens.GetAsync(user, UserSecrets.Sm2Key) is null)
            await users.SetTwoFactorEnabledAsync(user, false);
        await SecurityEvents.RecordAsync(db, user, SecurityEvents.Sm3TokenRemoved, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    internal async Task RemoveAllAsync(AppUser user)
    {
        foreach (var name in new[] { UserSecrets.Sm3Seed, UserSecrets.Sm3Serial, UserSecrets.Sm3LastStep })
            await tokens.RemoveAsync(user, name);
    }

    /// <summary>Checks a code against the bound token: accepted once per time factor, refused when replayed.</summary>
    public async Task<CodeCheck> VerifyAsync(AppUser user, string code)
    {
        if (await tokens.GetAsync(user, UserSecrets.Sm3Seed) is not { } stored)
            return CodeCheck.Wrong;
        var seed = Convert.FromBase64String(_protector.Unprotect(stored));
        if (Sm3Otp.Match(seed, code, clock.GetUtcNow(), StepSeconds, Digits) is not { } step)
            return CodeCheck.Wrong;
        var last = long.TryParse(await tokens.GetAsync(user, UserSecrets.Sm3LastStep), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
            ? l : long.MinValue;
        if (step <= last)
            return CodeCheck.Replayed;
        await tokens.SetAsync(user, UserSecrets.Sm3LastStep, step.ToString(CultureInfo.InvariantCulture));
        return CodeCheck.Accepted;
    }

    [GeneratedRegex("^[A-Z0-9-]{4,32}$")]
    private static partial Regex SerialPattern();
}
