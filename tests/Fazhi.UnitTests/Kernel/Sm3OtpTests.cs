using System.Globalization;
using System.Text;
using Fazhi.Web.Kernel.Access.Identity;
using Fazhi.Web.Kernel.Security;

namespace Fazhi.UnitTests.Kernel;

/// <summary>
/// GB/T 38556-2020 SM3 动态口令. The expected values were computed outside this code base, with OpenSSL's SM3 (Python
/// hashlib.new("sm3")) on hand-built ID bytes and the truncation written out by hand — not with the code under test:
/// K = 1234567890abcdef1234567890abcdef, T0 = 1 700 000 000 s (2023-11-14 22:13:20 UTC).
/// The standard's own appendix examples could not be found in any readable text, so they are not among these.
/// </summary>
public sealed class Sm3OtpTests
{
    private static readonly byte[] Seed = Convert.FromHexString("1234567890abcdef1234567890abcdef");
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void GuoMi_sm3_gives_the_gbt_32905_example() =>
        GuoMi.Sm3Hex(Encoding.ASCII.GetBytes("abc")).ShouldBe("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");

    [Theory]
    // Tc = 60: T = 28 333 333 = 0x01B05515; ID = T (8 bytes) then 8 zero bytes up to 128 bits.
    [InlineData(60, 6, 28_333_333, "0000000001b055150000000000000000",
        "9ce66c53f352201a526d94191ee94e50d5dae6e9115de5c92ea0c61b24525aa3", 1_002_134_598u, "134598")]
    [InlineData(60, 8, 28_333_333, "0000000001b055150000000000000000",
        "9ce66c53f352201a526d94191ee94e50d5dae6e9115de5c92ea0c61b24525aa3", 1_002_134_598u, "02134598")] // a leading zero kept
    // Tc = 30: T = 56 666 666 = 0x0360AA2A.
    [InlineData(30, 6, 56_666_666, "000000000360aa2a0000000000000000",
        "c1e0dba815a40765885d866aad91812d4b1eb2806d717273534e3155867fbc36", 2_681_339_170u, "339170")]
    [InlineData(30, 8, 56_666_666, "000000000360aa2a0000000000000000",
        "c1e0dba815a40765885d866aad91812d4b1eb2806d717273534e3155867fbc36", 2_681_339_170u, "81339170")]
    public void Known_answers_for_time_based_codes(int stepSeconds, int digits, long t, string id, string s, uint od, string password)
    {
        Sm3Otp.TimeFactor(T0, stepSeconds).ShouldBe(t);
        Convert.ToHexStringLower(Sm3Otp.Id(t)).ShouldBe(id);
        Convert.ToHexStringLower(Sm3Otp.S(Seed, Sm3Otp.Id(t))).ShouldBe(s);
        Sm3Otp.Truncate(Convert.FromHexString(s)).ShouldBe(od);
        Sm3Otp.Password(od, digits).ShouldBe(password);
        Sm3Otp.Compute(Seed, t, digits).ShouldBe(password);
    }

    [Fact]
    public void With_event_and_challenge_factors_the_id_is_t_c_q_without_padding()
    {
        // C = 1234 (4 bytes), Q = "5678" (ASCII): 8 + 4 + 4 = 16 bytes, nothing to fill.
        var id = Sm3Otp.Id(28_333_333, 1234, Encoding.ASCII.GetBytes("5678"));
        Convert.ToHexStringLower(id).ShouldBe("0000000001b05515000004d235363738");
        Convert.ToHexStringLower(Sm3Otp.S(Seed, id)).ShouldBe("8ee18777c8e180408eafc550e774a17d698dd660fade754517d133530f263a50");
        Sm3Otp.Compute(Seed, 28_333_333, 6, 1234, Encoding.ASCII.GetBytes("5678")).ShouldBe("097612");
        Sm3Otp.Id(1, 2).Length.ShouldBe(16); // T|C = 12 bytes, filled to 16
    }

    [Fact]
    public void The_truncation_by_hand_matches_for_any_time()
    {
        // The ID built byte by byte, S by GuoMi's SM3, OD summed by hand from the hex words.
        foreach (var t in new long[] { 0, 1, 28_333_333, 0x7FFF_FFFF_FFFF })
        {
            var id = new byte[16];
            for (var i = 0; i < 8; i++)
                id[i] = (byte)(t >> (56 - 8 * i));
            var hex = Convert.ToHexString(GuoMi.Sm3([.. Seed, .. id]));
            ulong sum = 0;
            for (var w = 0; w < 8; w++)
                sum += uint.Parse(hex.AsSpan(w * 8, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var expected = (sum % 0x1_0000_0000UL % 1_000_000UL).ToString("D6", CultureInfo.InvariantCulture);
            Sm3Otp.Compute(Seed, t, 6).ShouldBe(expected);
        }
    }

    [Fact]
    public void The_time_factor_changes_at_the_step_boundary()
    {
        var boundary = DateTimeOffset.FromUnixTimeSeconds(28_333_334L * 60);
        Sm3Otp.TimeFactor(boundary.AddSeconds(-1), 60).ShouldBe(28_333_333);
        Sm3Otp.TimeFactor(boundary, 60).ShouldBe(28_333_334);
        Sm3Otp.TimeFactor(boundary.AddSeconds(59), 60).ShouldBe(28_333_334);
    }

    [Theory]
    [InlineData(60, 6)]
    [InlineData(30, 6)]
    [InlineData(60, 8)]
    [InlineData(30, 8)]
    public void A_code_is_accepted_one_step_either_side_and_not_two(int stepSeconds, int digits)
    {
        var t = Sm3Otp.TimeFactor(T0, stepSeconds);
        for (var d = -1; d <= 1; d++)
            Sm3Otp.Match(Seed, Sm3Otp.Compute(Seed, t + d, digits), T0, stepSeconds, digits).ShouldBe(t + d);
        foreach (var d in new[] { -2, 2 })
        {
            var far = Sm3Otp.Compute(Seed, t + d, digits);
            // (a far code could equal a near one by chance; these do not)
            Enumerable.Range(-1, 3).Select(n => Sm3Otp.Compute(Seed, t + n, digits)).ShouldNotContain(far);
            Sm3Otp.Match(Seed, far, T0, stepSeconds, digits).ShouldBeNull();
        }
    }

    [Fact]
    public void Malformed_codes_never_match()
    {
        var code = Sm3Otp.Compute(Seed, Sm3Otp.TimeFactor(T0, 60), 6);
        Sm3Otp.Match(Seed, code, T0, 60, 6).ShouldNotBeNull();
        Sm3Otp.Match(Seed, code, T0, 60, 8).ShouldBeNull();        // the wrong length for N = 8
        Sm3Otp.Match(Seed, code + "0", T0, 60, 6).ShouldBeNull();
        Sm3Otp.Match(Seed, "12345a", T0, 60, 6).ShouldBeNull();
        Sm3Otp.Match(Seed, null, T0, 60, 6).ShouldBeNull();
        Sm3Otp.Match(Convert.FromHexString("00112233445566778899aabbccddeeff"), code, T0, 60, 6).ShouldBeNull(); // another token's seed
    }

    [Fact]
    public void The_standards_limits_are_enforced()
    {
        Should.Throw<ArgumentException>(() => Sm3Otp.S(new byte[15], Sm3Otp.Id(1)));          // K ≥ 128 bits
        Should.Throw<ArgumentOutOfRangeException>(() => Sm3Otp.TimeFactor(T0, 61));          // Tc ≤ 60 s
        Should.Throw<ArgumentOutOfRangeException>(() => Sm3Otp.Password(1, 5));              // N ≥ 6
        Should.Throw<ArgumentException>(() => Sm3Otp.Id(1, null, [1, 2, 3]));                // Q ≥ 4 bytes
        Sm3Otp.Password(uint.MaxValue, 10).ShouldBe("4294967295");
    }
}
