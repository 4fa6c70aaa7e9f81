using System.IO.Compression;
using System.Text;
using Fazhi.Web.Kernel.Sheets;
using MiniExcelLibs;

namespace Fazhi.UnitTests.Kernel;

/// <summary>The bounds every spreadsheet import keeps: inflated size and rows.</summary>
public sealed class SheetLimitsTests
{
    /// <summary>A real .xlsx whose first sheet is padded with <paramref name="padding"/> bytes of blanks: highly
    /// compressible, a few hundred KB on disk.</summary>
    public static byte[] Bomb(long padding)
    {
        using var plain = new MemoryStream();
        plain.SaveAs(new[] { new Dictionary<string, object?> { ["案号"] = "环翠复〔2026〕1号" } });
        using var result = new MemoryStream();
        plain.Position = 0;
        using (var source = new ZipArchive(plain, ZipArchiveMode.Read, leaveOpen: true))
        using (var target = new ZipArchive(result, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var from = entry.Open();
                using var to = target.CreateEntry(entry.FullName, CompressionLevel.SmallestSize).Open();
                if (entry.FullName != "xl/worksheets/sheet1.xml")
                {
                    from.CopyTo(to);
                    continue;
                }
                var xml = new StreamReader(from).ReadToEnd();
                var cut = xml.LastIndexOf('<', xml.IndexOf("sheetData", StringComparison.Ordinal));
                to.Write(Encoding.UTF8.GetBytes(xml[..cut]));
                var blanks = Encoding.UTF8.GetBytes(new string(' ', 1 << 20));
                for (long written = 0; written < padding; written += blanks.Length)
                    to.Write(blanks);
                to.Write(Encoding.UTF8.GetBytes(xml[cut..]));
            }
        }
        return result.ToArray();
    }

    [Fact]
    public void A_small_file_that_inflates_past_the_bound_is_refused()
    {
        var bomb = Bomb(SheetLimits.MaxUncompressedBytes + (1 << 20));
        bomb.Length.ShouldBeLessThan(1024 * 1024); // the file-size limit alone lets it through
        using var stream = new MemoryStream(bomb);
        var refused = Should.Throw<SheetTooLargeException>(() => SheetLimits.Query(stream));
        refused.Message.ShouldContain("解压后超过100MB");
    }

    [Fact]
    public void A_padded_file_within_the_bound_is_read()
    {
        using var stream = new MemoryStream(Bomb(8 << 20));
        SheetLimits.Query(stream).ShouldHaveSingleItem()["案号"].ShouldBe("环翠复〔2026〕1号");
    }

    [Fact]
    public void A_sheet_of_too_many_rows_is_refused_without_reading_on()
    {
        var read = 0;
        IEnumerable<dynamic> Endless()
        {
            while (true)
            {
                read++;
                yield return new Dictionary<string, object?> { ["A"] = null };
            }
        }
        Should.Throw<SheetTooLargeException>(() => SheetLimits.Rows(Endless())).Message.ShouldContain($"超过{SheetLimits.MaxSheetRows}行");
        read.ShouldBe(SheetLimits.MaxSheetRows + 1);
    }
}
