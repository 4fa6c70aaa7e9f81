using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Kernel.Security;

/// <summary>
/// The ASP.NET Core data-protection key ring (the keys that sign cookies and bearer tokens, in <c>&lt;data&gt;/keys</c>)
/// is written encrypted with SM4-GCM under <c>keyring-sm4.v1</c> from the <see cref="KeyStore"/>. Chosen over
/// <c>ProtectKeysWithCertificate</c>: no certificate to create, renew and find in an X.509 store at decryption (on
/// Linux the certificate must be handed to the decryptor by hand), the same key folder and backup as the field keys,
/// and a 国密 algorithm for the 密评. Keys written before this (plaintext XML) are still read.
/// </summary>
public static class KeyRingEncryption
{
    public const string KeyName = "keyring-sm4.v1";

    public static void Add(IServiceCollection services) =>
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlEncryptor = new Sm4XmlEncryptor(sp.GetRequiredService<KeyStore>())));

    internal static byte[] Seal(byte[] key, byte[] plain, bool encrypt, byte[] nonce)
    {
        var gcm = GuoMi.Sm4Gcm(encrypt, key, nonce, Encoding.ASCII.GetBytes(KeyName));
        var output = new byte[gcm.GetOutputSize(plain.Length)];
        var n = gcm.ProcessBytes(plain, 0, plain.Length, output, 0);
        n += gcm.DoFinal(output, n);
        return output[..n];
    }
}

public sealed class Sm4XmlEncryptor(KeyStore keys) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var key = keys.Get(KeyRingEncryption.KeyName, FieldCipher.KeyLength);
        var nonce = System.Security.Cryptography.RandomNumberGenerator.GetBytes(FieldCipher.NonceLength);
        var sealedBytes = KeyRingEncryption.Seal(key, Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting)), true, nonce);
        var element = new XElement("sm4EncryptedKey",
            new XComment(" 此密钥以 SM4-GCM 加密，密钥为 KeyStore 中的 " + KeyRingEncryption.KeyName + " "),
            new XAttribute("key", KeyRingEncryption.KeyName),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(Sm4XmlDecryptor));
    }
}

/// <summary>Created by the data-protection system from the type name stored with each key.</summary>
public sealed class Sm4XmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var store = services.GetRequiredService<KeyStore>();
        var key = store.Get(KeyRingEncryption.KeyName, FieldCipher.KeyLength);
        var nonce = Convert.FromBase64String((string?)encryptedElement.Element("nonce") ?? "");
        var value = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(KeyRingEncryption.Seal(key, value, false, nonce)));
        }
        catch (Org.BouncyCastle.Crypto.InvalidCipherTextException e)
        {
            throw new FieldDecryptionException($"Cookie 密钥环解密失败：密钥 {KeyRingEncryption.KeyName}（{store.PathOf(KeyRingEncryption.KeyName)}）与密钥环不符。", e);
        }
    }
}
