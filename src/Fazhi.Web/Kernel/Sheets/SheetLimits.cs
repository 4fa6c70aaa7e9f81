using System.IO.Compression;
using MiniExcelLibs;

namespace Fazhi.Web.Kernel.Sheets;

/// <summary>A spreadsheet past the bounds every import keeps; the message says which, in Chinese.</summary>
public sealed class SheetTooLargeException(string message) : Exception(message);

/// <summary>
/// The bounds every spreadsheet import keeps, whatever its own file-size and row limits. A .xlsx is a zip: a few hundred
/// KB of it can inflate to gigabytes (a 540 KB ledger made the import allocate 1.1 GB), so the file-size limit bounds
/// nothing. Every import reads its sheets through <see cref="Query"/> (or <see cref="Check"/> and <see cref="Rows"/>).
/// </summary>
public static class SheetLimits
{
    /// <summary>All parts of the .xlsx together, inflated. A 20,000-row ledger inflates to about 15 MB.</summary>
    public const long MaxUncompressedBytes = 100L * 1024 * 1024;

    /// <summary>Rows read from one sheet, blank ones included; each import's own (smaller) limit counts data rows.</summary>
    public const int MaxSheetRows = 100_000;

    /// <summary>Refuses a .xlsx that inflates past <see cref="MaxUncompressedBytes"/>, counting the bytes as they inflate
    /// (the sizes a zip declares may lie) and stopping there. A file that is not a zip is left to the reader to refuse.</summary>
    public static void Check(Stream xlsx)
    {
        var start = xlsx.Position;
        try
        {
            using var zip = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
            var buffer = new byte[81_920];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > MaxUncompressedBytes - total)
                    throw TooLarge();
                using var part = entry.Open();
                int n;
                while ((n = part.Read(buffer)) > 0)
                    if ((total += n) > MaxUncompressedBytes)
                        throw TooLarge();
            }
        }
        catch (InvalidDataException)
        {
            // Not a zip (or a damaged one): the reader refuses it with its own message.
        }
        finally
        {
            xlsx.Position = start;
        }
    }

    /// <summary>The rows, stopping with a refusal once a sheet has more than <see cref="MaxSheetRows"/>.</summary>
    public static List<IDictionary<string, object?>> Rows(IEnumerable<dynamic> query)
    {
        var rows = new List<IDictionary<string, object?>>();
        foreach (IDictionary<string, object?> row in query)
        {
            if (rows.Count == MaxSheetRows)
                throw new SheetTooLargeException($"表格超过{MaxSheetRows}行（含空行），无法导入。请删除多余的空行，或分批导入。");
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>A sheet's rows keyed by header, within both bounds (<see cref="Check"/> for a .xlsx, then <see cref="Rows"/>).</summary>
    public static List<IDictionary<string, object?>> Query(Stream file, string? sheetName = null, ExcelType type = ExcelType.XLSX)
    {
        if (type == ExcelType.XLSX)
            Check(file);
        return Rows(MiniExcel.Query(file, useHeaderRow: true, sheetName: sheetName, excelType: type));
    }

    private static SheetTooLargeException TooLarge() =>
        new($"表格解压后超过{MaxUncompressedBytes / 1024 / 1024}MB（可能含有大量空行、格式或隐藏内容），无法导入。请只保留数据行后另存，或分批导入。");
}
