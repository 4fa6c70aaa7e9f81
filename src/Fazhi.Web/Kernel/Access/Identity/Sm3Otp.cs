using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Fazhi.Web.Kernel.Security;

namespace Fazhi.Web.Kernel.Access.Identity;

/// <summary>
/// 动态口令 by SM3, as GB/T 38556-2020《信息安全技术 动态口令密码应用技术规范》 (which took over GM/T 0021-2012 of the
/// same name) defines it for the hardware 国密令牌 that vendors provision with one seed per token serial:
/// <code>
///   T  = ⌊T0 / Tc⌋             time factor, 8 bytes big-endian; T0 = UTC seconds since 1970-01-01, Tc ≤ 60 s
///   C                          optional event factor, 4 bytes big-endian
///   Q                          optional challenge factor, at least 4 bytes (ASCII)
///   ID = T | C | Q             at least 128 bits: shorter input is filled with zero bytes
///   S  = SM3(K | ID)           K = the token's seed, at least 128 bits
///   OD = Truncate(S)           for SM3: S as 8 big-endian 32-bit words S1..S8, OD = (S1 + … + S8) mod 2^32
///   P  = OD mod 10^N           N ≥ 6 digits, shown with leading zeros
/// </code>
/// Sources used (the standard's own text is not freely published; it could not be read here): the formulas and field
/// sizes above as summarised from GM/T 0021-2012 §6 (动态口令生成方式, 截位算法) in the implementation notes "国密SM3与动态密码OTP"
/// (jianshu.com/p/e1722328695e: T 8 bytes, C 4 bytes, Q ≥ 4 bytes ASCII, ID ≥ 128 bits "不足的时补零", K ≥ 128 bits,
/// OD 32 bits, Tc ≤ 60) and the truncation written out in "国密动态令牌实现 / 参考标准 GB/T 38556-2020"
/// (blog.csdn.net/liujoi/article/details/129339054: the 32-byte SM3 output read as 8 big-endian words, summed, taken
/// mod 2^32), which both say their code reproduces the standard's appendix examples.
/// NOT verified: (1) that the zero fill goes after T|C|Q (the summaries say "补零" without the side; appending is what
/// "拼接成至少128位" reads as, and it is what is implemented); (2) the standard's appendix example values (not found in any
/// stored text), so the known-answer tests derive their values independently with SM3 and a hand truncation;
/// (3) whether T0 counts from the Unix epoch or a vendor's base time (the summaries say "输入的时间"; hardware tokens
/// use UTC seconds since 1970, which is assumed). A token whose vendor differs on any of these will not verify: check one
/// token's code against <see cref="Compute"/> at binding (the 安全管理员's page does so with the code on the token).
/// </summary>
public static class Sm3Otp
{
    public const int MinSeedBytes = 16;
    public const int MaxSeedBytes = 64;
    public const int MaxStepSeconds = 60;
    public const int MinDigits = 6;
    /// <summary>OD is 32 bits (below 4 294 967 296), so more than 10 digits would only add leading zeros.</summary>
    public const int MaxDigits = 10;
    private const int MinIdBytes = 16;

    /// <summary>T = ⌊T0 / Tc⌋ with T0 in UTC seconds since 1970-01-01.</summary>
    public static long TimeFactor(DateTimeOffset now, int stepSeconds)
    {
        if (stepSeconds is < 1 or > MaxStepSeconds)
            throw new ArgumentOutOfRangeException(nameof(stepSeconds), stepSeconds, "口令变化周期 Tc 为 1–60 秒");
        var t0 = now.ToUnixTimeSeconds();
        return t0 >= 0 ? t0 / stepSeconds : -((-t0 + stepSeconds - 1) / stepSeconds);
    }

    /// <summary>ID = T | C | Q, each big-endian, then zero bytes up to 128 bits.</summary>
    public static byte[] Id(long t, uint? c = null, byte[]? q = null)
    {
        if (q is { Length: < 4 })
            throw new ArgumentException("挑战因子 Q 至少 4 字节", nameof(q));
        var length = 8 + (c is null ? 0 : 4) + (q?.Length ?? 0);
        var id = new byte[Math.Max(length, MinIdBytes)];
        BinaryPrimitives.WriteInt64BigEndian(id.AsSpan(0, 8), t);
        var at = 8;
        if (c is { } counter)
        {
            BinaryPrimitives.WriteUInt32BigEndian(id.AsSpan(at, 4), counter);
            at += 4;
        }
        q?.CopyTo(id, at);
        return id;
    }

    /// <summary>S = SM3(K | ID).</summary>
    public static byte[] S(byte[] seed, byte[] id)
    {
        CheckSeed(seed);
        return GuoMi.Sm3([.. seed, .. id]);
    }

    /// <summary>OD = (S1 + S2 + … + S8) mod 2^32, the S_i being S's big-endian 32-bit words.</summary>
    public static uint Truncate(ReadOnlySpan<byte> s)
    {
        if (s.Length != 32)
            throw new ArgumentException("SM3 输出为 256 位", nameof(s));
        uint od = 0;
        for (var i = 0; i < 8; i++)
            od = unchecked(od + BinaryPrimitives.ReadUInt32BigEndian(s.Slice(i * 4, 4)));
        return od;
    }

    /// <summary>P = OD mod 10^N, as the N digits the token shows.</summary>
    public static string Password(uint od, int digits)
    {
        CheckDigits(digits);
        var modulus = (ulong)Math.Pow(10, digits);
        return (od % modulus).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>The password for time factor <paramref name="t"/> (and optional C and Q).</summary>
    public static string Compute(byte[] seed, long t, int digits, uint? c = null, byte[]? q = null) =>
        Password(Truncate(S(seed, Id(t, c, q))), digits);

    /// <summary>The time factor whose password <paramref name="code"/> is, looked for at now's and
    /// <paramref name="window"/> steps either side (clock drift of the token); null when none matches.</summary>
    public static long? Match(byte[] seed, string? code, DateTimeOffset now, int stepSeconds, int digits, int window = 1)
    {
        CheckDigits(digits);
        if (code is null || code.Length != digits || !code.All(char.IsAsciiDigit))
            return null;
        var t = TimeFactor(now, stepSeconds);
        var given = System.Text.Encoding.ASCII.GetBytes(code);
        long? found = null;
        for (var d = -window; d <= window; d++)
        {
            // Every candidate is computed and compared in fixed time, so the answer's timing says nothing of which matched.
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Compute(seed, t + d, digits)), given))
                found ??= t + d;
        }
        return found;
    }

    private static void CheckSeed(byte[] seed)
    {
        if (seed.Length < MinSeedBytes)
            throw new ArgumentException("种子密钥 K 至少 128 位", nameof(seed));
    }

    private static void CheckDigits(int digits)
    {
        if (digits is < MinDigits or > MaxDigits)
            throw new ArgumentOutOfRangeException(nameof(digits), digits, "动态口令长度 N 为 6–10 位");
    }
}
