using Fazhi.Web.Kernel.Audit;
using Fazhi.Web.Kernel.Security;
using Fazhi.Web.Kernel.Web;
using Microsoft.Extensions.Configuration;

namespace Fazhi.UnitTests.Kernel;

public sealed class AuditChainKeyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fazhi-auditkeys-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    /// <summary>Plain entries 1..plain, then keyed ones up to n (an upgraded database).</summary>
    private static List<AuditEntry> Chain(int n, int plain)
    {
        var list = new List<AuditEntry>();
        var prev = AuditChain.Genesis;
        for (var i = 1; i <= n; i++)
        {
            var e = new AuditEntry
            {
                Seq = i, AtUtc = new DateTime(2026, 12, 7, 1, 2, i, DateTimeKind.Utc), UserName = "admin", Action = AuditActions.Update,
                EntityType = "OrgUnit", EntityId = "1", AfterJson = "{}", PrevHash = prev, Hash = "",
                HashVersion = i <= plain ? AuditChain.PlainSm3 : AuditChain.KeyedSm3,
            };
            e.Hash = AuditChain.ComputeHash(e, Key)!;
            prev = e.Hash;
            list.Add(e);
        }
        return list;
    }

    [Fact]
    public void Hmac_sm3_differs_from_plain_sm3_and_depends_on_the_key()
    {
        AuditChain.HmacSm3Hex(Key, "abc").ShouldNotBe(AuditChain.Sm3Hex("abc"));
        AuditChain.HmacSm3Hex(Key, "abc").ShouldNotBe(AuditChain.HmacSm3Hex(new byte[32], "abc"));
        AuditChain.HmacSm3Hex(Key, "abc").Length.ShouldBe(64);
    }

    [Fact]
    public void An_upgraded_chain_verifies_with_the_key_and_not_without_it()
    {
        var chain = Chain(6, plain: 3);
        AuditChain.Verify(chain, Key).Intact.ShouldBeTrue();
        var withoutKey = AuditChain.Verify(chain);
        withoutKey.Intact.ShouldBeFalse();
        withoutKey.FirstBrokenSeq.ShouldBe(4);
        AuditChain.Verify(chain, new byte[32]).FirstBrokenSeq.ShouldBe(4);
    }

    [Fact]
    public void A_plain_entry_after_a_keyed_one_is_a_downgrade()
    {
        var chain = Chain(6, plain: 3);
        // Entry 5 recomputed as plain SM3, and entry 6 re-linked to it: each hash holds, the order does not.
        chain[4].HashVersion = AuditChain.PlainSm3;
        chain[4].Hash = AuditChain.ComputeHash(chain[4]);
        chain[5].PrevHash = chain[4].Hash;
        chain[5].Hash = AuditChain.ComputeHash(chain[5], Key)!;
        var result = AuditChain.Verify(chain, Key);
        result.FirstBrokenSeq.ShouldBe(5);
        result.Message.ShouldContain("HMAC-SM3");
    }

    [Fact]
    public void A_checkpoint_signature_verifies_with_the_exported_public_key_only_for_its_own_text()
    {
        var keys = new AuditKeys(new KeyStore(new KeyStoreOptions { Directory = _dir }));
        var text = AuditKeys.SignedText(42, new string('a', 64), "2026-12-07T01:02:03.000Z");
        var signature = keys.Sign(text);
        File.Exists(keys.PublicKeyPath).ShouldBeTrue();
        File.ReadAllText(keys.PublicKeyPath).ShouldStartWith("-----BEGIN PUBLIC KEY-----");
        AuditKeys.Verify(keys.FindPublicKey()!, text, signature).ShouldBeTrue();
        AuditKeys.Verify(keys.FindPublicKey()!, AuditKeys.SignedText(41, new string('a', 64), "2026-12-07T01:02:03.000Z"), signature).ShouldBeFalse();
        AuditKeys.Verify(keys.FindPublicKey()!, text, [1, 2, 3]).ShouldBeFalse();
        // An auditor with the folder's public key only (no private key) verifies the same signature.
        File.Delete(Path.Combine(_dir, AuditKeys.SigningKeyName + ".key"));
        AuditKeys.Verify(keys.FindPublicKey()!, text, signature).ShouldBeTrue();
    }

    [Theory]
    [InlineData(null, 180)]
    [InlineData("30", 180)]
    [InlineData("400", 400)]
    public void Log_files_are_kept_at_least_six_months(string? configured, int expected)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Fazhi:Logs:RetainedDays"] = configured }).Build();
        LogFiles.Options(config, _dir).RetainedDays.ShouldBe(expected);
        LogFiles.Options(config, _dir).Directory.ShouldBe(Path.Combine(_dir, "logs"));
    }

    private sealed class Sample
    {
        [Fazhi.Web.Kernel.Security.Encrypted] public string? Secret { get; set; }
        public string? Plain { get; set; }
    }

    [Fact]
    public void Personal_and_sensitive_values_never_reach_the_log_in_clear()
    {
        SensitiveProperties.Protect("11010519491231002X", typeof(Sample).GetProperty(nameof(Sample.Plain)), PersonalDataKind.IdNumber)
            .ShouldBe("1101**********002X");
        SensitiveProperties.Protect("秘密", typeof(Sample).GetProperty(nameof(Sample.Secret)), PersonalDataKind.None).ShouldBe(SensitiveProperties.Hidden);
        SensitiveProperties.Protect("公开", typeof(Sample).GetProperty(nameof(Sample.Plain)), PersonalDataKind.None).ShouldBe("公开");
        SensitiveProperties.Protect(null, typeof(Sample).GetProperty(nameof(Sample.Secret)), PersonalDataKind.None).ShouldBeNull();
    }
}
