using System.Xml.Linq;
using Fazhi.Web.Kernel.Security;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace Fazhi.UnitTests.Kernel;

public sealed class FieldCipherTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "fazhi-field-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dir))
            Directory.Delete(dir, recursive: true);
    }

    private KeyStore Store(bool create = true) => new(new KeyStoreOptions { Directory = dir, CreateMissing = create });

    [Fact]
    public void The_engine_matches_the_standard_example_of_GB_T_32907()
    {
        // GB/T 32907-2016 附录A 示例1 (also draft-ribose-cfrg-sm4 §A.1): key = plaintext = 0123456789ABCDEFFEDCBA9876543210.
        var key = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
        var engine = new SM4Engine();
        engine.Init(true, new KeyParameter(key));
        var output = new byte[16];
        engine.ProcessBlock(key, 0, output, 0);
        Convert.ToHexString(output).ShouldBe("681EDF34D206965E86B3E94F536E4246");
    }

    [Fact]
    public void A_value_round_trips_and_never_shows_its_plaintext()
    {
        var cipher = new FieldCipher(Store());
        var stored = cipher.Encrypt("37060219900101123X");
        stored.ShouldStartWith("v1:");
        stored.ShouldNotContain("1990");
        cipher.Decrypt(stored).ShouldBe("37060219900101123X");
        cipher.Encrypt("37060219900101123X").ShouldNotBe(stored); // a fresh nonce each time
        cipher.Decrypt(cipher.Encrypt("山东省烟台市芝罘区")).ShouldBe("山东省烟台市芝罘区");
        cipher.Encrypt(new string('地', 200)).Length.ShouldBeLessThanOrEqualTo(FieldCipher.StoredLength(200));
    }

    [Fact]
    public void A_changed_byte_is_refused_not_decrypted_to_garbage()
    {
        var cipher = new FieldCipher(Store());
        var stored = cipher.Encrypt("13812345678");
        var bytes = Convert.FromBase64String(stored[3..]);
        bytes[^1] ^= 1;
        Should.Throw<FieldDecryptionException>(() => cipher.Decrypt("v1:" + Convert.ToBase64String(bytes))).Message.ShouldContain("field-sm4.v1");
        Should.Throw<FieldDecryptionException>(() => cipher.Decrypt("v1:%%%"));
    }

    [Fact]
    public void A_wrong_key_fails_with_the_name_of_the_key()
    {
        var stored = new FieldCipher(Store()).Encrypt("13812345678");
        File.Delete(Store().PathOf("field-sm4.v1"));
        Store().Create("field-sm4.v1", 16); // the key file replaced by another
        Should.Throw<FieldDecryptionException>(() => new FieldCipher(Store()).Decrypt(stored)).Message.ShouldContain("field-sm4.v1");
    }

    [Fact]
    public void Values_decrypt_by_their_version_so_a_half_finished_rotation_reads()
    {
        var old = new FieldCipher(Store()).Encrypt("13812345678");
        Store().Create("field-sm4.v2", 16);
        var rotated = new FieldCipher(Store());
        rotated.CurrentVersion.ShouldBe(2);
        var fresh = rotated.Encrypt("13900001111");
        fresh.ShouldStartWith("v2:");
        rotated.Decrypt(old).ShouldBe("13812345678");
        rotated.Decrypt(fresh).ShouldBe("13900001111");
        FieldCipher.VersionOf(fresh).ShouldBe(2);
        FieldCipher.VersionOf("370602199001011234").ShouldBeNull();
        rotated.Decrypt("370602199001011234").ShouldBe("370602199001011234"); // not yet encrypted: passed through
    }

    [Fact]
    public void A_missing_key_is_refused_where_keys_are_not_created()
    {
        Should.Throw<KeyMissingException>(() => new FieldCipher(Store(create: false))).Message.ShouldContain("field-sm4.v1.key");
    }

    [Fact]
    public void The_blind_index_is_keyed_and_normalised()
    {
        var cipher = new FieldCipher(Store());
        cipher.IndexOf("37060219900101123x").ShouldBe(cipher.IndexOf(" 37060219900101123X "));
        cipher.IndexOf("0535-1234 5678").ShouldBe(cipher.IndexOf("053512345678"));
        cipher.IndexOf("13812345678").ShouldNotBe(cipher.IndexOf("13812345679"));
        cipher.IndexOf("13812345678")!.Length.ShouldBe(EncryptedFields.IndexLength);
        cipher.IndexOf(null).ShouldBeNull();
        cipher.IndexOf("  ").ShouldBeNull();
        var other = Path.Combine(dir, "other");
        new FieldCipher(new KeyStore(new KeyStoreOptions { Directory = other })).IndexOf("13812345678").ShouldNotBe(cipher.IndexOf("13812345678"));
    }

    [Fact]
    public void Without_application_keys_nothing_is_encrypted()
    {
        Should.Throw<FieldDecryptionException>(() => FieldCipher.None.Encrypt("x"));
        Should.Throw<FieldDecryptionException>(() => FieldCipher.None.IndexOf("x"));
    }

    [Fact]
    public void The_attribute_is_found_on_the_entity_property()
    {
        EncryptedAttribute.IsOn(typeof(Fazhi.Web.Kernel.Access.AppUser).GetProperty("PhoneNumber")).ShouldBeTrue();
        EncryptedAttribute.IsOn(typeof(Fazhi.Web.Modules.Reconsideration.Domain.ReconCase).GetProperty("ApplicantIdNumber")).ShouldBeTrue();
        EncryptedAttribute.IsOn(typeof(Fazhi.Web.Modules.Reconsideration.Domain.ReconCase).GetProperty("ApplicantName")).ShouldBeFalse();
    }

    [Fact]
    public void The_key_ring_is_written_encrypted_and_read_back()
    {
        var store = Store();
        var plain = new XElement("key", new XElement("masterKey", "c2VjcmV0LWNvb2tpZS1rZXk="));
        var encrypted = new Sm4XmlEncryptor(store).Encrypt(plain);
        encrypted.EncryptedElement.ToString().ShouldNotContain("c2VjcmV0LWNvb2tpZS1rZXk=");
        var services = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(new Microsoft.Extensions.DependencyInjection.ServiceCollection(), store));
        new Sm4XmlDecryptor(services).Decrypt(encrypted.EncryptedElement).ToString().ShouldBe(plain.ToString());
    }
}
