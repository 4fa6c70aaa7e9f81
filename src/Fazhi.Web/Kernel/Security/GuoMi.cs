using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Fazhi.Web.Kernel.Security;

/// <summary>The 国密 primitives every part of the platform uses, through BouncyCastle, in one place: SM3 (GB/T 32905),
/// HMAC-SM3 (RFC 2104 over SM3, as GB/T 15852.2 and 密评 name it) and SM4 (GB/T 32907) in GCM mode.</summary>
public static class GuoMi
{
    public static byte[] Sm3(byte[] data)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data, 0, data.Length);
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return output;
    }

    public static string Sm3Hex(byte[] data) => Convert.ToHexStringLower(Sm3(data));

    public static byte[] HmacSm3(byte[] key, byte[] data)
    {
        var mac = new HMac(new SM3Digest());
        mac.Init(new KeyParameter(key));
        mac.BlockUpdate(data, 0, data.Length);
        var output = new byte[mac.GetMacSize()];
        mac.DoFinal(output, 0);
        return output;
    }

    /// <summary>SM4-GCM, initialised to encrypt or decrypt with a 128-bit tag.</summary>
    public static GcmBlockCipher Sm4Gcm(bool encrypt, byte[] key, byte[] nonce, byte[]? associatedData = null)
    {
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(encrypt, new AeadParameters(new KeyParameter(key), 128, nonce, associatedData));
        return gcm;
    }
}
