using Fazhi.Web.Kernel.Security;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Fazhi.Web.Kernel.Audit;

/// <summary>The audit log's two keys, both in the <see cref="KeyStore"/> (outside the database): the chain key
/// (<c>audit-hmac</c>, HMAC-SM3) and the checkpoint signing key (<c>audit-sm2</c>, an SM2 private key, GB/T 32918;
/// its public key is exported beside it as <c>audit-sm2.pub.pem</c> for auditors). Writing creates a missing key
/// (outside Production); verifying never does: a missing key is reported, not replaced.</summary>
public sealed class AuditKeys(KeyStore store)
{
    public const string SigningKeyName = "audit-sm2";
    public const int SigningKeyLength = 32;
    private const string SignedPrefix = "fazhi-audit-checkpoint";

    private static readonly X9ECParameters Curve = GMNamedCurves.GetByName("sm2p256v1");
    private static readonly ECNamedDomainParameters Domain = new(GMObjectIdentifiers.sm2p256v1, Curve);

    private byte[]? _chainKey;
    private ECPrivateKeyParameters? _signingKey;

    /// <summary>The chain key for writing (created when missing, outside Production).</summary>
    public byte[] ChainKey => _chainKey ??= store.Get(AuditChain.KeyName, AuditChain.KeyLength);

    /// <summary>The chain key for verifying, or null when its file is missing (never created here).</summary>
    public byte[]? FindChainKey() => store.Find(AuditChain.KeyName);

    public string PublicKeyPath => Path.Combine(store.Directory, SigningKeyName + ".pub.pem");

    private ECPrivateKeyParameters SigningKey
    {
        get
        {
            if (_signingKey is not null)
                return _signingKey;
            var key = ToPrivate(store.Get(SigningKeyName, SigningKeyLength));
            if (!File.Exists(PublicKeyPath))
                ExportPublicKey(key);
            return _signingKey = key;
        }
    }

    /// <summary>The scalar d in [1, n−1] from 32 random bytes (reduced, so any 32 bytes make a valid key).</summary>
    private static ECPrivateKeyParameters ToPrivate(byte[] bytes) =>
        new(new BigInteger(1, bytes).Mod(Curve.N.Subtract(BigInteger.One)).Add(BigInteger.One), Domain);

    private static ECPublicKeyParameters ToPublic(ECPrivateKeyParameters key) => new(Domain.G.Multiply(key.D).Normalize(), Domain);

    private void ExportPublicKey(ECPrivateKeyParameters key)
    {
        var der = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(ToPublic(key)).GetDerEncoded();
        var pem = "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n", StringComparison.Ordinal)
            + "\n-----END PUBLIC KEY-----\n";
        var temp = PublicKeyPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, pem);
        try
        {
            File.Move(temp, PublicKeyPath, overwrite: false);
        }
        catch (IOException)
        {
            File.Delete(temp); // another instance exported it first
        }
    }

    /// <summary>The text a checkpoint's signature covers.</summary>
    public static byte[] SignedText(long seq, string hash, string at) =>
        System.Text.Encoding.UTF8.GetBytes($"{SignedPrefix}|{seq.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{hash}|{at}");

    /// <summary>SM2 signature (DER, with the default user id of GB/T 35276) of a checkpoint.</summary>
    public byte[] Sign(byte[] text)
    {
        var signer = new SM2Signer();
        signer.Init(true, new ParametersWithRandom(SigningKey, new SecureRandom()));
        signer.BlockUpdate(text, 0, text.Length);
        return signer.GenerateSignature();
    }

    /// <summary>The public key to verify checkpoints with: from the private key when it is here, else from the exported
    /// file (an auditor's copy of the folder); null when neither exists.</summary>
    public ECPublicKeyParameters? FindPublicKey()
    {
        if (store.Find(SigningKeyName) is { Length: 32 } bytes)
            return ToPublic(ToPrivate(bytes));
        if (!File.Exists(PublicKeyPath))
            return null;
        var body = string.Concat(File.ReadAllLines(PublicKeyPath).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)));
        return (ECPublicKeyParameters)PublicKeyFactory.CreateKey(Convert.FromBase64String(body));
    }

    public static bool Verify(ECPublicKeyParameters key, byte[] text, byte[] signature)
    {
        var signer = new SM2Signer();
        signer.Init(false, key);
        signer.BlockUpdate(text, 0, text.Length);
        try
        {
            return signer.VerifySignature(signature);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Org.BouncyCastle.Asn1.Asn1Exception or IOException)
        {
            return false; // not even a DER signature
        }
    }
}
