using System.Globalization;

namespace Fazhi.Web.Kernel.Audit;

/// <summary>What of a record's values goes into its audit entry. A file's bytes (a generated 法律文书) do not: the log
/// keeps its SM3 digest and size, which identify the file without copying it into every entry.</summary>
public static class AuditSnapshot
{
    private const string DigestPrefix = "sm3:";

    /// <summary>The value written to the log for <paramref name="value"/>: a byte array becomes <c>sm3:&lt;hex&gt;;&lt;n&gt;</c>.</summary>
    public static object? ValueOf(object? value) => value is byte[] bytes ? Digest(bytes) : value;

    public static string Digest(byte[] bytes)
    {
        return DigestPrefix + Security.GuoMi.Sm3Hex(bytes) + ";" + bytes.Length.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Reads a file field of an entry: the digest of new entries, or the base64 bytes of entries written
    /// before digests (described the same way, the stored entry untouched).</summary>
    public static string DescribeContent(string stored)
    {
        var digest = stored;
        if (!stored.StartsWith(DigestPrefix, StringComparison.Ordinal))
        {
            try
            {
                digest = Digest(Convert.FromBase64String(stored));
            }
            catch (FormatException)
            {
                return stored;
            }
        }
        var parts = digest[DigestPrefix.Length..].Split(';');
        return parts.Length == 2 && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var size)
            ? $"文件 {size.ToString("N0", CultureInfo.InvariantCulture)} 字节，SM3 {parts[0]}"
            : stored;
    }
}
