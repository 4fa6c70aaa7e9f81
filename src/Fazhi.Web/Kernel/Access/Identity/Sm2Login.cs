using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Identity;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Fazhi.Web.Kernel.Access.Identity;

public sealed record ChallengeRequest(string? Username);

public sealed record ChallengeResponse(string ChallengeId, string Challenge, DateTimeOffset ExpiresAt, string Algorithm, string SignerId);

public sealed record Sm2TokenRequest(string? Username, string? Password, string? ChallengeId, string? Signature);

public sealed record Sm2KeyInfo(string Kind, string? Subject, DateTime? NotAfterUtc, string Fingerprint);

/// <summary>
/// SM2 证书登录 for the USB keys issued to officials (密评, GB/T 39786-2021 身份鉴别 with 密码技术). Kestrel cannot take
/// SM2 client certificates (no TLCP), so the key proves itself by signing a server challenge: the server issues 32
/// random bytes (valid 2 minutes, used once), the key's client software signs them with SM2 (SM3 digest with the Z value
/// of GM/T 0009's default signer ID 1234567812345678, DER-encoded r,s), and the server verifies the signature against the
/// public key or certificate the user registered in 个人中心. Together with the password this is two factors, one of them
/// cryptographic (GB/T 22239-2019 8.1.4.1 d).
/// </summary>
public sealed class Sm2LoginService(UserManager<AppUser> users, UserTokens tokens, FazhiDb db, TimeProvider clock, TwoFactorService factors)
{
    public static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(2);
    public const string SignerId = "1234567812345678";

    private sealed record StoredKey(string Spki, string Kind, string? Subject, DateTime? NotBeforeUtc, DateTime? NotAfterUtc);

    private sealed record StoredChallenge(string Id, string Nonce, DateTime ExpiresUtc);

    /// <summary>A fresh challenge. An unknown user or one without a key gets one of the same shape that nothing accepts,
    /// so the answer does not tell which accounts exist.</summary>
    public async Task<ChallengeResponse> ChallengeAsync(string? username)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var expires = clock.GetUtcNow() + ChallengeLifetime;
        var user = string.IsNullOrWhiteSpace(username) || username.Length > 64 ? null : await users.FindByNameAsync(username.Trim());
        if (user is not null && await tokens.GetAsync(user, UserSecrets.Sm2Key) is not null)
            await tokens.SetAsync(user, UserSecrets.Sm2Challenge,
                JsonSerializer.Serialize(new StoredChallenge(id, nonce, expires.UtcDateTime)));
        return new ChallengeResponse(id, nonce, expires, "SM2-with-SM3", SignerId);
    }

    /// <summary>Checks the signature of the user's pending challenge (which is used up either way); null when accepted,
    /// else the reason in Chinese. A wrong signature counts towards lockout.</summary>
    public async Task<string?> VerifyAsync(AppUser user, string? challengeId, string? signature)
    {
        var pending = await tokens.GetAsync(user, UserSecrets.Sm2Challenge);
        if (pending is not null)
            await tokens.RemoveAsync(user, UserSecrets.Sm2Challenge);
        if (await tokens.GetAsync(user, UserSecrets.Sm2Key) is not { } keyJson)
            return "该账号未登记SM2公钥或证书，请先在个人中心登记。";
        var challenge = pending is null ? null : JsonSerializer.Deserialize<StoredChallenge>(pending);
        if (challenge is null || challenge.Id != challengeId)
            return "挑战码无效或已使用，请重新获取。";
        var now = clock.GetUtcNow().UtcDateTime;
        if (challenge.ExpiresUtc < now)
            return "挑战码已过期（2分钟内有效），请重新获取。";
        var key = JsonSerializer.Deserialize<StoredKey>(keyJson)!;
        if (key.NotAfterUtc < now)
            return "证书已过期，请联系管理员更换证书。";
        if (key.NotBeforeUtc > now)
            return "证书尚未生效。";
        byte[] sig;
        try
        {
            sig = Convert.FromBase64String(signature ?? "");
        }
        catch (FormatException)
        {
            sig = [];
        }
        var publicKey = (ECPublicKeyParameters)PublicKeyFactory.CreateKey(Convert.FromBase64String(key.Spki));
        if (sig.Length > 0 && Verify(publicKey, Convert.FromBase64String(challenge.Nonce), sig))
        {
            await users.ResetAccessFailedCountAsync(user);
            return null;
        }
        await factors.CountFailureAsync(user, "SM2签名验证失败");
        return "SM2签名验证失败：签名不是由该账号登记的密钥对本次挑战码做出的。";
    }

    public static bool Verify(ECPublicKeyParameters key, byte[] data, byte[] signature)
    {
        var signer = new SM2Signer();
        signer.Init(false, new ParametersWithID(key, System.Text.Encoding.ASCII.GetBytes(SignerId)));
        signer.BlockUpdate(data, 0, data.Length);
        try
        {
            return signer.VerifySignature(signature);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or IOException)
        {
            return false; // not a DER signature
        }
    }

    /// <summary>Registers a PEM public key (<c>BEGIN PUBLIC KEY</c>) or certificate (<c>BEGIN CERTIFICATE</c>) on the SM2 curve.</summary>
    public async Task<Sm2KeyInfo> RegisterAsync(AppUser user, string? pem, CancellationToken ct)
    {
        var stored = Parse(pem, clock.GetUtcNow().UtcDateTime);
        await tokens.SetAsync(user, UserSecrets.Sm2Key, JsonSerializer.Serialize(stored));
        await SecurityEvents.RecordAsync(db, user, SecurityEvents.Sm2KeyRegistered, ct);
        return Info(stored);
    }

    public async Task RemoveAsync(AppUser user, CancellationToken ct)
    {
        await tokens.RemoveAsync(user, UserSecrets.Sm2Key);
        await SecurityEvents.RecordAsync(db, user, SecurityEvents.Sm2KeyRemoved, ct);
    }

    public async Task<Sm2KeyInfo?> InfoAsync(AppUser user) =>
        await tokens.GetAsync(user, UserSecrets.Sm2Key) is { } json
            ? Info(JsonSerializer.Deserialize<StoredKey>(json)!) : null;

    private static Sm2KeyInfo Info(StoredKey k) =>
        new(k.Kind, k.Subject, k.NotAfterUtc, Convert.ToHexString(SHA256.HashData(Convert.FromBase64String(k.Spki)))[..16]);

    private static StoredKey Parse(string? pem, DateTime now)
    {
        object? parsed;
        try
        {
            using var reader = new StringReader(pem?.Trim() ?? "");
            parsed = new Org.BouncyCastle.OpenSsl.PemReader(reader).ReadObject();
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or FormatException or Org.BouncyCastle.Security.SecurityUtilityException)
        {
            parsed = null;
        }
        var (key, kind, subject, notBefore, notAfter) = parsed switch
        {
            X509Certificate cert => (cert.GetPublicKey(), "证书", cert.SubjectDN.ToString(), (DateTime?)cert.NotBefore.ToUniversalTime(), (DateTime?)cert.NotAfter.ToUniversalTime()),
            ECPublicKeyParameters ec => (ec, "公钥", null, null, null),
            _ => (null, "", null, null, null),
        };
        if (key is not ECPublicKeyParameters ecKey)
            throw FazhiValidationException.For("pem", "无法识别：请粘贴 PEM 格式的SM2公钥（-----BEGIN PUBLIC KEY-----）或证书（-----BEGIN CERTIFICATE-----）。");
        if (!ecKey.Parameters.Curve.Equals(GMNamedCurves.GetByName("sm2p256v1").Curve))
            throw FazhiValidationException.For("pem", "这不是SM2密钥（曲线须为 sm2p256v1）。");
        if (notAfter < now)
            throw FazhiValidationException.For("pem", $"证书已于{notAfter:yyyy-MM-dd}过期。");
        var spki = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(ecKey).GetEncoded();
        return new StoredKey(Convert.ToBase64String(spki), kind, subject, notBefore, notAfter);
    }
}

internal static class Sm2Format
{
    public static string Date(DateTime? utc) => utc is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";
}
