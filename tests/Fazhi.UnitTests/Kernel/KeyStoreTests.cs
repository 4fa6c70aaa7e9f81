using Fazhi.Web.Kernel.Security;

namespace Fazhi.UnitTests.Kernel;

public sealed class KeyStoreTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "fazhi-keys-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dir))
            Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void A_missing_key_is_created_once_and_read_back_the_same()
    {
        var store = new KeyStore(new KeyStoreOptions { Directory = dir });
        var first = store.Get("audit-hmac", 32);
        first.Length.ShouldBe(32);
        new KeyStore(new KeyStoreOptions { Directory = dir, CreateMissing = false }).Get("audit-hmac", 32).ShouldBe(first);
    }

    [Fact]
    public void Keys_are_readable_by_the_owner_only()
    {
        if (OperatingSystem.IsWindows())
            return;
        var store = new KeyStore(new KeyStoreOptions { Directory = dir });
        store.Get("field-sm4.v1", 16);
        (File.GetUnixFileMode(dir) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.OtherExecute)).ShouldBe(UnixFileMode.None);
        File.GetUnixFileMode(store.PathOf("field-sm4.v1")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void Without_creation_a_missing_key_is_refused_naming_its_file()
    {
        var store = new KeyStore(new KeyStoreOptions { Directory = dir, CreateMissing = false });
        Should.Throw<KeyMissingException>(() => store.Get("audit-hmac", 32)).Message.ShouldContain("audit-hmac.key");
    }

    [Fact]
    public void A_key_of_the_wrong_length_is_refused_not_used()
    {
        var store = new KeyStore(new KeyStoreOptions { Directory = dir });
        store.Get("field-sm4.v1", 16);
        Should.Throw<KeyMissingException>(() => store.Get("field-sm4.v1", 32)).Message.ShouldContain("16");
    }

    [Fact]
    public void An_existing_key_is_never_overwritten()
    {
        var store = new KeyStore(new KeyStoreOptions { Directory = dir });
        store.Get("audit-hmac", 32);
        Should.Throw<IOException>(() => store.Create("audit-hmac", 32));
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("a/b")]
    [InlineData("")]
    public void Key_names_cannot_leave_the_folder(string name) =>
        Should.Throw<ArgumentException>(() => new KeyStore(new KeyStoreOptions { Directory = dir }).PathOf(name));
}

public sealed class PlatformKeysTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "fazhi-platform-keys-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dir))
            Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void Keys_init_creates_every_key_the_platform_reads_so_production_can_start()
    {
        var create = new KeyStore(new KeyStoreOptions { Directory = dir });
        foreach (var (name, length, _) in PlatformKeys.Required)
            create.Create(name, length);
        var production = new KeyStore(new KeyStoreOptions { Directory = dir, CreateMissing = false });
        // What the audit chain, its checkpoints and the recovery-code hashes read at the first write:
        var audit = new Fazhi.Web.Kernel.Audit.AuditKeys(production);
        audit.ChainKey.Length.ShouldBe(Fazhi.Web.Kernel.Audit.AuditChain.KeyLength);
        audit.Sign("检查点"u8.ToArray()).ShouldNotBeEmpty();
        production.Get(Fazhi.Web.Kernel.Access.Identity.TwoFactorService.SecretHashKeyName, Fazhi.Web.Kernel.Access.Identity.TwoFactorService.SecretHashKeyLength).Length.ShouldBe(32);
    }
}
