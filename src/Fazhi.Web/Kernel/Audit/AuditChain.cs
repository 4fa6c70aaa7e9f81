using System.Globalization;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace Fazhi.Web.Kernel.Audit;

/// <summary>The SM3 (GB/T 32905-2016) hash chain over the audit log.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Sm3Hex(string text)
    {
        var digest = new SM3Digest();
        var bytes = Encoding.UTF8.GetBytes(text);
        digest.BlockUpdate(bytes, 0, bytes.Length);
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return Convert.ToHexStringLower(output);
    }

    /// <summary>The hash of an entry: SM3 over its previous hash and every field, in a fixed order, each field
    /// length-prefixed so that no two different entries serialise to the same text.</summary>
    public static string ComputeHash(AuditEntry e)
    {
        var sb = new StringBuilder();
        void Field(string? value) => sb.Append(value is null ? "-1" : value.Length.ToString(CultureInfo.InvariantCulture))
            .Append(':').Append(value).Append('|');
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
        return Sm3Hex(sb.ToString());
    }

    /// <summary>Walks entries in order and returns the first whose link or hash does not hold.</summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> ordered)
    {
        var prev = Genesis;
        long expectedSeq = 1;
        long checkedCount = 0;
        foreach (var e in ordered)
        {
            if (e.Seq != expectedSeq)
                return new AuditVerification(false, checkedCount, expectedSeq, $"第{expectedSeq}条日志缺失（下一条为第{e.Seq}条）");
            if (e.PrevHash != prev)
                return new AuditVerification(false, checkedCount, e.Seq, $"第{e.Seq}条日志的前序哈希与第{e.Seq - 1}条不符");
            if (ComputeHash(e) != e.Hash)
                return new AuditVerification(false, checkedCount, e.Seq, $"第{e.Seq}条日志内容与其哈希不符（已被篡改）");
            prev = e.Hash;
            expectedSeq++;
            checkedCount++;
        }
        return new AuditVerification(true, checkedCount, null, $"共校验{checkedCount}条日志，哈希链完整");
    }
}

public sealed record AuditVerification(bool Intact, long Checked, long? FirstBrokenSeq, string Message);
