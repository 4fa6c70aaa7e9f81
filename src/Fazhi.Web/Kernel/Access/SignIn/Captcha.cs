using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Fazhi.Web.Kernel.Access.SignIn;

/// <summary>A 图形验证码 challenge: the picture, and a data-protected token that holds its answer (so no row is kept
/// for a challenge nobody answers). A token answers once: the attempt records its id in the 登录日志.</summary>
public sealed record CaptchaChallenge(string Token, string ImageDataUri);

/// <summary>图形验证码 drawn here (no outside service, no image library): five characters from a set without look-alikes
/// (no 0/O, 1/I/L), each a few strokes turned, scaled and moved at random, over noise lines and dots, as a PNG.</summary>
public sealed class CaptchaService(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Purpose = "Fazhi.SignIn.Captcha";
    public const int Length = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private const int Width = 150, Height = 50;

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public CaptchaChallenge Create()
    {
        var answer = new string([.. Enumerable.Range(0, Length).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)])]);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var expires = clock.GetUtcNow().UtcTicks + Lifetime.Ticks;
        var token = _protector.Protect($"{id}|{answer}|{expires.ToString(CultureInfo.InvariantCulture)}");
        return new CaptchaChallenge(token, "data:image/png;base64," + Convert.ToBase64String(Draw(answer)));
    }

    /// <summary>The challenge's id when <paramref name="answer"/> is its answer and it has not expired; null otherwise
    /// (a forged, altered or expired token included). Whether it was used already is the guard's question.</summary>
    public string? Check(string? token, string? answer)
    {
        if (string.IsNullOrEmpty(token) || string.IsNullOrWhiteSpace(answer) || token.Length > 1024)
            return null;
        string plain;
        try
        {
            plain = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = plain.Split('|');
        if (parts.Length != 3 || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var expires) || clock.GetUtcNow().UtcTicks > expires)
            return null;
        var given = System.Text.Encoding.ASCII.GetBytes(answer.Trim().ToUpperInvariant());
        return CryptographicOperations.FixedTimeEquals(given, System.Text.Encoding.ASCII.GetBytes(parts[1])) ? parts[0] : null;
    }

    private const string Alphabet = "2345679ACEFHKMNPRTUVWXY";

    // Strokes on a 4×6 grid (x right, y down); each string is one polyline "x,y x,y …".
    private static readonly Dictionary<char, string[]> Glyphs = new()
    {
        ['2'] = ["0,1 1,0 3,0 4,1 4,2 0,6 4,6"],
        ['3'] = ["0,0 4,0 2,2.5 4,3.5 4,5 3,6 1,6 0,5"],
        ['4'] = ["3,6 3,0 0,4 4,4"],
        ['5'] = ["4,0 0,0 0,2.5 3,2.5 4,3.5 4,5 3,6 0,6"],
        ['6'] = ["3,0 1,0 0,1 0,5 1,6 3,6 4,5 4,3.5 3,2.5 0,2.5"],
        ['7'] = ["0,0 4,0 1.5,6"],
        ['9'] = ["4,3.5 1,3.5 0,2.5 0,1 1,0 3,0 4,1 4,5 3,6 1,6"],
        ['A'] = ["0,6 2,0 4,6", "1,3.5 3,3.5"],
        ['C'] = ["4,1 3,0 1,0 0,1 0,5 1,6 3,6 4,5"],
        ['E'] = ["4,0 0,0 0,6 4,6", "0,3 3,3"],
        ['F'] = ["4,0 0,0 0,6", "0,3 3,3"],
        ['H'] = ["0,0 0,6", "4,0 4,6", "0,3 4,3"],
        ['K'] = ["0,0 0,6", "4,0 0,3.5", "1.3,2.7 4,6"],
        ['M'] = ["0,6 0,0 2,3 4,0 4,6"],
        ['N'] = ["0,6 0,0 4,6 4,0"],
        ['P'] = ["0,6 0,0 3,0 4,1 4,2 3,3 0,3"],
        ['R'] = ["0,6 0,0 3,0 4,1 4,2 3,3 0,3", "2,3 4,6"],
        ['T'] = ["0,0 4,0", "2,0 2,6"],
        ['U'] = ["0,0 0,5 1,6 3,6 4,5 4,0"],
        ['V'] = ["0,0 2,6 4,0"],
        ['W'] = ["0,0 1,6 2,2 3,6 4,0"],
        ['X'] = ["0,0 4,6", "4,0 0,6"],
        ['Y'] = ["0,0 2,3 4,0", "2,3 2,6"],
    };

    private static float R(float min, float max) => min + (max - min) * RandomNumberGenerator.GetInt32(10_000) / 10_000f;

    internal static byte[] Draw(string text)
    {
        var rgb = new byte[Width * Height * 3];
        var bg = (R(225, 250), R(225, 250), R(225, 250));
        for (var i = 0; i < Width * Height; i++)
            (rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2]) = ((byte)bg.Item1, (byte)bg.Item2, (byte)bg.Item3);
        for (var n = 0; n < 4; n++) // noise lines, thinner than the strokes
            Line(rgb, R(0, Width), R(0, Height), R(0, Width), R(0, Height), R(0.6f, 1.2f), (R(90, 180), R(90, 180), R(90, 180)));
        for (var c = 0; c < text.Length; c++)
        {
            var scale = R(4.2f, 5.4f);
            var angle = R(-0.35f, 0.35f);
            var (cx, cy) = (14 + c * 28 + R(-3, 3), Height / 2f + R(-4, 4));
            var colour = (R(10, 110), R(10, 110), R(10, 110));
            var width = R(1.4f, 2.0f);
            foreach (var stroke in Glyphs[text[c]])
            {
                var points = stroke.Split(' ').Select(p => p.Split(','))
                    .Select(p => (X: float.Parse(p[0], CultureInfo.InvariantCulture) - 2, Y: float.Parse(p[1], CultureInfo.InvariantCulture) - 3))
                    .Select(p => (X: cx + scale * (p.X * MathF.Cos(angle) - p.Y * MathF.Sin(angle)), Y: cy + scale * (p.X * MathF.Sin(angle) + p.Y * MathF.Cos(angle))))
                    .ToList();
                for (var i = 1; i < points.Count; i++)
                    Line(rgb, points[i - 1].X, points[i - 1].Y, points[i].X, points[i].Y, width, colour);
            }
        }
        for (var n = 0; n < 250; n++) // dots
        {
            var (x, y) = (RandomNumberGenerator.GetInt32(Width), RandomNumberGenerator.GetInt32(Height));
            var v = (byte)RandomNumberGenerator.GetInt32(60, 200);
            (rgb[(y * Width + x) * 3], rgb[(y * Width + x) * 3 + 1], rgb[(y * Width + x) * 3 + 2]) = (v, v, v);
        }
        return Png(rgb);
    }

    /// <summary>A thick segment: every pixel within <paramref name="half"/> of it takes the colour.</summary>
    private static void Line(byte[] rgb, float x0, float y0, float x1, float y1, float half, (float R, float G, float B) colour)
    {
        var (minX, maxX) = ((int)MathF.Max(0, MathF.Min(x0, x1) - half - 1), (int)MathF.Min(Width - 1, MathF.Max(x0, x1) + half + 1));
        var (minY, maxY) = ((int)MathF.Max(0, MathF.Min(y0, y1) - half - 1), (int)MathF.Min(Height - 1, MathF.Max(y0, y1) + half + 1));
        var (dx, dy) = (x1 - x0, y1 - y0);
        var lengthSquared = MathF.Max(dx * dx + dy * dy, 1e-6f);
        for (var y = minY; y <= maxY; y++)
            for (var x = minX; x <= maxX; x++)
            {
                var t = Math.Clamp(((x - x0) * dx + (y - y0) * dy) / lengthSquared, 0, 1);
                var (px, py) = (x0 + t * dx - x, y0 + t * dy - y);
                if (px * px + py * py > half * half)
                    continue;
                var i = (y * Width + x) * 3;
                (rgb[i], rgb[i + 1], rgb[i + 2]) = ((byte)colour.R, (byte)colour.G, (byte)colour.B);
            }
    }

    /// <summary>A truecolour PNG (RFC 2083): signature, IHDR, one zlib IDAT of unfiltered rows, IEND.</summary>
    private static byte[] Png(byte[] rgb)
    {
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            for (var y = 0; y < Height; y++)
            {
                z.WriteByte(0);
                z.Write(rgb, y * Width * 3, Width * 3);
            }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(four, data.Length);
        png.Write(four);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(four, Crc32([.. typeBytes, .. data]));
        png.Write(four);
    }

    private static readonly uint[] CrcTable = [.. Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    })];

    private static uint Crc32(byte[] bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
            c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }
}
