using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Fazhi.Web.Kernel.Security;

/// <summary>
/// Marks a string property of an entity as personal data stored encrypted (身份证号, phone numbers, addresses): the
/// model builder gives every such property an SM4-GCM value converter (<see cref="FieldCipher"/>), so the column holds
/// <c>v1:</c> + base64(nonce‖ciphertext‖tag) and never the plaintext. With <see cref="BlindIndex"/> a sibling column
/// <c>&lt;Property&gt;Index</c> holds a keyed HMAC-SM3 of the normalised value for exact search
/// (<see cref="FieldCipher.IndexOf"/>; query it with <c>EF.Property&lt;string&gt;(e, nameof(X.Prop) + EncryptedAttribute.IndexSuffix)</c>).
/// A module adds a sensitive field by marking it; nothing else is needed.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class EncryptedAttribute : Attribute
{
    public const string IndexSuffix = "Index";

    /// <summary>Keep a blind index for exact search (ID and phone numbers; not free text such as addresses).</summary>
    public bool BlindIndex { get; set; }

    /// <summary>True when the property is stored encrypted: the test the audit log and exports use.</summary>
    public static bool IsOn(PropertyInfo? property) => property?.GetCustomAttribute<EncryptedAttribute>() is not null;

    public static EncryptedAttribute? Of(PropertyInfo? property) => property?.GetCustomAttribute<EncryptedAttribute>();
}

/// <summary>A stored value could not be decrypted: the key file does not belong to this data, or the value was altered.</summary>
public sealed class FieldDecryptionException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// SM4 (GB/T 32907-2016) in GCM mode (authenticated: a changed byte or the wrong key is refused, never decrypted to
/// garbage), a random 96-bit nonce per value, 128-bit tag. Keys from the <see cref="KeyStore"/>: <c>field-sm4.vN</c>
/// (16 bytes; the highest N present encrypts, every version present decrypts by the value's <c>vN:</c> prefix, so a
/// half-finished rotation still reads) and <c>field-index.v1</c> (32 bytes, HMAC-SM3 for the blind index; not rotated
/// by <c>keys rotate</c>, see ADR 0009).
/// <para>Thread-safe. The per-key state (the SM4 key schedule and GCM's multiplication tables, the keyed HMAC-SM3
/// state) is built once per key and reused through small pools: a value takes an object from the pool, re-initialises it
/// with a fresh random nonce (GCM with a null key keeps the key schedule and tables and resets everything else), uses
/// it alone, and gives it back; an object that threw is dropped, never pooled. No object is ever used by two threads
/// at once, and no nonce is reused (each value draws its own, as before; BouncyCastle also refuses an encryption with the
/// previous nonce of the same object).</para>
/// </summary>
public sealed class FieldCipher
{
    public const string KeyPrefix = "field-sm4.v";
    public const string IndexKeyName = "field-index.v1";
    public const int KeyLength = 16, IndexKeyLength = 32, NonceLength = 12, TagBits = 128;

    private readonly KeyStore? _store;
    private readonly Dictionary<int, byte[]> _keys = [];
    private readonly Lock _gate = new();
    private readonly byte[] _indexKey;
    private readonly ConcurrentDictionary<int, Pool<GcmBlockCipher>> _gcms = new();
    private readonly Pool<HMac> _macs = new();

    /// <summary>Loads the current keys (and creates them where the key store may): a missing key fails here, at start,
    /// with the key store's message naming the file.</summary>
    public FieldCipher(KeyStore store)
    {
        _store = store;
        Identity = store.Directory;
        var versions = VersionsIn(store);
        CurrentVersion = versions.Count == 0 ? 1 : versions.Max();
        _keys[CurrentVersion] = store.Get(KeyName(CurrentVersion), KeyLength);
        _indexKey = store.Get(IndexKeyName, IndexKeyLength);
    }

    /// <summary>For tests and design-time tooling: fixed keys, no key store.</summary>
    public FieldCipher(IReadOnlyDictionary<int, byte[]> keys, byte[] indexKey, string identity)
    {
        foreach (var (v, k) in keys)
            _keys[v] = k;
        CurrentVersion = keys.Count == 0 ? 0 : keys.Keys.Max();
        _indexKey = indexKey;
        Identity = identity;
    }

    /// <summary>Without keys: for contexts built outside the application (migrations tooling, model tests). Any
    /// attempt to encrypt or decrypt with it fails.</summary>
    public static FieldCipher None { get; } = new(new Dictionary<int, byte[]>(), new byte[IndexKeyLength], "none");

    /// <summary>Names the key set (the key folder): the EF model, which holds the converters, is cached per identity.</summary>
    public string Identity { get; }

    public int CurrentVersion { get; }

    public static string KeyName(int version) => KeyPrefix + version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The versions of <c>field-sm4</c> whose key files exist.</summary>
    public static List<int> VersionsIn(KeyStore store)
    {
        if (!System.IO.Directory.Exists(store.Directory))
            return [];
        return [.. System.IO.Directory.EnumerateFiles(store.Directory, KeyPrefix + "*.key")
            .Select(f => Path.GetFileNameWithoutExtension(f)[KeyPrefix.Length..])
            .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(n => n > 0)];
    }

    public static bool IsEncrypted(string? stored) => stored is not null && VersionOf(stored) is not null;

    /// <summary>The key version of a stored value (<c>v2:…</c> → 2), or null for plaintext.</summary>
    public static int? VersionOf(string stored)
    {
        var colon = stored.IndexOf(':', StringComparison.Ordinal);
        return colon is > 1 and < 6 && stored[0] == 'v' &&
               int.TryParse(stored.AsSpan(1, colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v : null;
    }

    /// <summary>The column length an encrypted value of at most <paramref name="maxChars"/> characters needs
    /// (UTF-8 up to 3 bytes a character, nonce and tag, base64, a prefix of up to 5 characters).</summary>
    public static int StoredLength(int maxChars) => 5 + 4 * (((NonceLength + TagBits / 8 + 3 * maxChars) + 2) / 3);

    public string Encrypt(string plaintext)
    {
        var version = CurrentVersion;
        var pool = GcmsFor(version);
        var nonce = System.Security.Cryptography.RandomNumberGenerator.GetBytes(NonceLength);
        var input = Encoding.UTF8.GetBytes(plaintext);
        var gcm = Init(pool, true, nonce);
        var output = new byte[NonceLength + gcm.GetOutputSize(input.Length)];
        nonce.CopyTo(output, 0);
        var n = gcm.ProcessBytes(input, 0, input.Length, output, NonceLength);
        gcm.DoFinal(output, NonceLength + n);
        pool.Return(gcm); // only after a use that did not throw
        return "v" + version.ToString(CultureInfo.InvariantCulture) + ":" + Convert.ToBase64String(output);
    }

    /// <summary>Decrypts a stored value by its version prefix. A value without a prefix is plaintext not yet encrypted
    /// (rows written before encryption, until the start-up pass has reached them) and is returned as it is.</summary>
    public string Decrypt(string stored)
    {
        if (VersionOf(stored) is not { } version)
            return stored;
        var name = KeyName(version);
        byte[] data;
        try
        {
            data = Convert.FromBase64String(stored[(stored.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        }
        catch (FormatException e)
        {
            throw new FieldDecryptionException($"加密字段的值已损坏（不是 base64），无法用密钥 {name} 解密。", e);
        }
        if (data.Length < NonceLength + TagBits / 8)
            throw new FieldDecryptionException($"加密字段的值已损坏（长度不足），无法用密钥 {name} 解密。");
        var pool = GcmsFor(version);
        var gcm = Init(pool, false, data.AsSpan(0, NonceLength).ToArray());
        var output = new byte[gcm.GetOutputSize(data.Length - NonceLength)];
        try
        {
            var n = gcm.ProcessBytes(data, NonceLength, data.Length - NonceLength, output, 0);
            n += gcm.DoFinal(output, n);
            pool.Return(gcm);
            return Encoding.UTF8.GetString(output, 0, n);
        }
        catch (InvalidCipherTextException e)
        {
            throw new FieldDecryptionException(
                $"加密字段解密失败：密钥 {name}（{_store?.PathOf(name) ?? name}）与数据不符，或数据已被篡改。请恢复与此数据库配套的密钥文件。", e);
        }
    }

    /// <summary>Upper case, without spaces and hyphens: an ID typed with a lower-case x and a phone typed as
    /// <c>0531-8888 6666</c> find the stored value.</summary>
    public static string Normalise(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
            if (!char.IsWhiteSpace(c) && c is not '-' and not '－')
                sb.Append(char.ToUpperInvariant(c));
        return sb.ToString();
    }

    /// <summary>The blind index of a value: HMAC-SM3 (GB/T 32905) with <c>field-index.v1</c> over the normalised value,
    /// first 16 bytes in hex. Null for null or blank.</summary>
    public string? IndexOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (CurrentVersion == 0)
            throw new FieldDecryptionException("没有字段密钥（此数据库上下文不是由应用创建的），无法计算检索码。");
        var data = Encoding.UTF8.GetBytes(Normalise(value));
        // HMac keeps its keyed inner and outer states: DoFinal resets it to them, ready for the next value.
        var mac = _macs.Rent() ?? NewMac();
        mac.BlockUpdate(data, 0, data.Length);
        var output = new byte[mac.GetMacSize()];
        mac.DoFinal(output, 0);
        _macs.Return(mac);
        return Convert.ToHexStringLower(output, 0, 16);
    }

    private HMac NewMac()
    {
        var mac = new HMac(new SM3Digest());
        mac.Init(new KeyParameter(_indexKey));
        return mac;
    }

    /// <summary>The pool of SM4-GCM objects of a key version (loading the key on first use, as <see cref="KeyFor"/>).</summary>
    private Pool<GcmBlockCipher> GcmsFor(int version)
    {
        if (_gcms.TryGetValue(version, out var pool))
            return pool;
        var key = KeyFor(version);
        return _gcms.GetOrAdd(version, _ => new Pool<GcmBlockCipher>(key));
    }

    /// <summary>A pooled GCM re-initialised for one value with its nonce (a null key keeps the key schedule and the
    /// GHASH tables), or a new one keyed here when the pool is empty.</summary>
    private static GcmBlockCipher Init(Pool<GcmBlockCipher> pool, bool encrypt, byte[] nonce)
    {
        if (pool.Rent() is { } gcm)
        {
            gcm.Init(encrypt, new AeadParameters(null, TagBits, nonce));
            return gcm;
        }
        return GuoMi.Sm4Gcm(encrypt, pool.Key!, nonce);
    }

    /// <summary>A small lock-free pool: at most <see cref="Capacity"/> idle objects are kept, the rest are left to the GC.</summary>
    private sealed class Pool<T>(byte[]? key = null) where T : class
    {
        private static readonly int Capacity = 4 * Environment.ProcessorCount;
        private readonly ConcurrentQueue<T> _idle = new();
        private int _count;

        public byte[]? Key { get; } = key;

        public T? Rent()
        {
            if (!_idle.TryDequeue(out var item))
                return null;
            Interlocked.Decrement(ref _count);
            return item;
        }

        public void Return(T item)
        {
            if (Interlocked.Increment(ref _count) <= Capacity)
                _idle.Enqueue(item);
            else
                Interlocked.Decrement(ref _count);
        }
    }

    /// <summary>Loads an older key version on first use (reading rows not yet re-encrypted after a rotation).</summary>
    private byte[] KeyFor(int version)
    {
        lock (_gate)
        {
            if (_keys.TryGetValue(version, out var key))
                return key;
            if (_store is null)
                throw new FieldDecryptionException($"没有密钥 {KeyName(version)}，无法解密。");
            var found = _store.Find(KeyName(version))
                ?? throw new KeyMissingException($"密钥文件 {_store.PathOf(KeyName(version))} 不存在：数据中有用此版本密钥加密的值。请恢复备份的密钥文件。");
            if (found.Length != KeyLength)
                throw new KeyMissingException($"密钥文件 {_store.PathOf(KeyName(version))} 的长度为{found.Length}字节，应为{KeyLength}字节。");
            _keys[version] = found;
            return found;
        }
    }
}
