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

    // Written by FieldCipher before its per-key state was pooled (f1044b0, `Fazhi.Bench cipher`: key
    // 0123456789ABCDEFFEDCBA9876543210, index key bytes 0..31): the stored format must stay readable byte for byte.
    private const string StoredBeforePooling = "v1:w6jeSJUJYHkJVPoRtLfmaOO2edURJMNdQ/kDm7xJI2sKpCLgyYoudGj/mMnx6g==";
    private const string IndexBeforePooling = "65cd40e78c03bce761c1d79134854369";

    private static FieldCipher Fixed() => new(
        new Dictionary<int, byte[]> { [1] = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210") },
        [.. Enumerable.Range(0, FieldCipher.IndexKeyLength).Select(b => (byte)b)], "fixed");

    [Fact]
    public void A_value_stored_by_the_earlier_code_still_decrypts_and_indexes_alike()
    {
        var cipher = Fixed();
        cipher.Decrypt(StoredBeforePooling).ShouldBe("37060219900101123X");
        cipher.IndexOf("37060219900101123X").ShouldBe(IndexBeforePooling);
        cipher.IndexOf("37060219900101123x").ShouldBe(IndexBeforePooling);
        // The format itself: nonce (12) ‖ ciphertext (18 bytes of UTF-8) ‖ tag (16), base64 after "v1:".
        Convert.FromBase64String(cipher.Encrypt("37060219900101123X")[3..]).Length.ShouldBe(12 + 18 + 16);
        // A refused value (wrong tag) leaves the cipher usable for the next ones.
        Should.Throw<FieldDecryptionException>(() => cipher.Decrypt(StoredBeforePooling[..^4] + "AAA="));
        cipher.Decrypt(StoredBeforePooling).ShouldBe("37060219900101123X");
    }

    [Fact]
    public void Many_threads_encrypt_decrypt_and_index_at_once_without_mixing_values_or_nonces()
    {
        var cipher = Fixed();
        const int threads = 8, perThread = 2_000;
        var stored = new string[threads * perThread];
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < perThread; i++)
            {
                var plain = (t % 2 == 0 ? "1380000" : "张三丰") + (t * perThread + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var s = cipher.Encrypt(plain);
                stored[t * perThread + i] = s;
                if (cipher.Decrypt(s) != plain)
                    failures.Add($"round trip {plain}");
                if (cipher.Decrypt(StoredBeforePooling) != "37060219900101123X")
                    failures.Add("constant");
                if (cipher.IndexOf("37060219900101123X") != IndexBeforePooling)
                    failures.Add("index");
                if (i % 100 == 0)
                {
                    try
                    {
                        cipher.Decrypt(s[..^4] + "AAA=");
                        failures.Add("tampered value decrypted");
                    }
                    catch (FieldDecryptionException) { }
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        failures.ShouldBeEmpty();
        // Every value got its own nonce.
        stored.Select(s => Convert.ToBase64String(Convert.FromBase64String(s[3..]).AsSpan(0, FieldCipher.NonceLength))).Distinct().Count().ShouldBe(stored.Length);
        var sequential = Fixed();
        sequential.Decrypt(stored[^1]).ShouldBe("张三丰" + (stored.Length - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
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
