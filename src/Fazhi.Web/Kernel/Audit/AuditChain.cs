using System.Globalization;
using System.Text;

namespace Fazhi.Web.Kernel.Audit;

/// <summary>The hash chain over the audit log. Entries written before the key was introduced are chained by plain
/// SM3 (GB/T 32905-2016), which anyone can recompute; every later entry by HMAC-SM3 with the key <c>audit-hmac</c>
/// kept outside the database (<see cref="Security.KeyStore"/>), so an edit with the later hashes recomputed cannot
/// be made to verify without that key. See docs/decisions/0008-audit-chain-key.md.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary><see cref="AuditEntry.HashVersion"/>: plain SM3, the entries written before the upgrade.</summary>
    public const int PlainSm3 = 0;

    /// <summary><see cref="AuditEntry.HashVersion"/>: HMAC-SM3 with the chain key.</summary>
    public const int KeyedSm3 = 1;

    /// <summary>The name of the chain key in the key store (32 bytes).</summary>
    public const string KeyName = "audit-hmac";

    public const int KeyLength = 32;

    public static string Sm3Hex(string text) => Security.GuoMi.Sm3Hex(Encoding.UTF8.GetBytes(text));

    /// <summary>HMAC (RFC 2104) over SM3, as GB/T 15852.2 and 密评 name HMAC-SM3.</summary>
    public static string HmacSm3Hex(byte[] key, string text) => Convert.ToHexStringLower(Security.GuoMi.HmacSm3(key, Encoding.UTF8.GetBytes(text)));

    /// <summary>The plain SM3 hash of an entry (<see cref="PlainSm3"/>): SM3 over its previous hash and every field,
    /// in a fixed order, each field length-prefixed so that no two different entries serialise to the same text.</summary>
    public static string ComputeHash(AuditEntry e) => Sm3Hex(Serialise(e, keyed: false));

    /// <summary>The hash of an entry by its own <see cref="AuditEntry.HashVersion"/>; null for a keyed entry when no
    /// key is at hand.</summary>
    public static string? ComputeHash(AuditEntry e, byte[]? key) => e.HashVersion switch
    {
        PlainSm3 => ComputeHash(e),
        KeyedSm3 when key is not null => HmacSm3Hex(key, Serialise(e, keyed: true)),
        _ => null,
    };

    private static string Serialise(AuditEntry e, bool keyed)
    {
        var sb = new StringBuilder();
        void Field(string? value) => sb.Append(value is null ? "-1" : value.Length.ToString(CultureInfo.InvariantCulture))
            .Append(':').Append(value).Append('|');
        if (keyed)
            Field("hmac-sm3"); // binds the version: a keyed entry cannot be passed off as a plain one with the same text
        Field(e.PrevHash);
        Field(e.Seq.ToString(CultureInfo.InvariantCulture));
        Field(e.AtUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        Field(e.UserId?.ToString(CultureInfo.InvariantCulture));
        Field(e.UserName);
        Field(e.OrgUnitId?.ToString(CultureInfo.InvariantCulture));
        Field(e.Action);
        Field(e.EntityType);
        Field(e.EntityId);
        Field(e.BeforeJson);
        Field(e.AfterJson);
        Field(e.RequestId);
        Field(e.ClientAddress);
        return sb.ToString();
    }

    /// <summary>Walks entries in order and returns the first whose link or hash does not hold. Plain entries may only
    /// come before keyed ones (the upgrade happens once); a plain entry after a keyed one is a downgrade.</summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> ordered, byte[]? key = null) => Walk(ordered, key, null).Result;

    /// <summary><see cref="Verify"/>, also collecting the hash at each of <paramref name="wanted"/>'s positions (the
    /// signed checkpoints' sequence numbers) and the head.</summary>
    public static (AuditVerification Result, Dictionary<long, string> Hashes, long Head) Walk(IEnumerable<AuditEntry> ordered, byte[]? key, IReadOnlySet<long>? wanted)
    {
        var hashes = new Dictionary<long, string>();
        var prev = Genesis;
        long expectedSeq = 1;
        long checkedCount = 0;
        var keyedSeen = false;
        foreach (var e in ordered)
        {
            AuditVerification Broken(long seq, string message) => new(false, checkedCount, seq, message);
            if (e.Seq != expectedSeq)
                return (Broken(expectedSeq, $"第{expectedSeq}条日志缺失（下一条为第{e.Seq}条）"), hashes, expectedSeq - 1);
            if (e.PrevHash != prev)
                return (Broken(e.Seq, $"第{e.Seq}条日志的前序哈希与第{e.Seq - 1}条不符"), hashes, e.Seq);
            if (e.HashVersion == PlainSm3 && keyedSeen)
                return (Broken(e.Seq, $"第{e.Seq}条日志未使用审计密钥（HMAC-SM3），而此前的日志已使用（已被篡改）"), hashes, e.Seq);
            if (e.HashVersion == KeyedSm3 && key is null)
                return (Broken(e.Seq, $"第{e.Seq}条日志以审计密钥（HMAC-SM3）计算，但未找到密钥文件 {KeyName}.key，无法校验"), hashes, e.Seq);
            var hash = ComputeHash(e, key);
            if (hash is null)
                return (Broken(e.Seq, $"第{e.Seq}条日志的哈希版本“{e.HashVersion}”未知（已被篡改）"), hashes, e.Seq);
            if (hash != e.Hash)
                return (Broken(e.Seq, $"第{e.Seq}条日志内容与其哈希不符（已被篡改）"), hashes, e.Seq);
            keyedSeen |= e.HashVersion == KeyedSm3;
            if (wanted?.Contains(e.Seq) == true)
                hashes[e.Seq] = e.Hash;
            prev = e.Hash;
            expectedSeq++;
            checkedCount++;
        }
        return (new AuditVerification(true, checkedCount, null, $"共校验{checkedCount}条日志，哈希链完整"), hashes, expectedSeq - 1);
    }
}

/// <summary>The outcome of a verification; <c>Checkpoints</c> counts the signed checkpoints compared with the chain.</summary>
public sealed record AuditVerification(bool Intact, long Checked, long? FirstBrokenSeq, string Message, int Checkpoints = 0);
