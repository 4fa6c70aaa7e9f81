using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using Fazhi.Web.Kernel.Sheets;
using Fazhi.Web.Kernel.Web;
using MiniExcelLibs;

namespace Fazhi.Web.Modules.Enforcement.Features.Catalogue;

/// <summary>A problem in an uploaded sheet: <see cref="Row"/> is the Excel row number (the header is row 1), 0 for the file.</summary>
public sealed record RowProblem(int Row, string? Column, string Message);

/// <summary>The answer to an import: what a commit did (or a dry run would do), or every problem found.</summary>
public sealed record SheetImportResult(bool DryRun, bool Committed, int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<RowProblem> Errors);

/// <summary>Reading and writing the plain one-sheet .xlsx lists of the catalogue and of the certificates.</summary>
public static class SheetRows
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 10_000;
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The data rows keyed by header, each with its Excel row number; blank rows are skipped. A file that is
    /// not a readable sheet, lacks a required column or is too large becomes a problem on row 0.</summary>
    public static List<(int Row, IDictionary<string, object?> Cells)> Read(Stream file, IReadOnlyList<string> required, List<RowProblem> errors)
    {
        using var buffer = new MemoryStream();
        file.CopyTo(buffer);
        if (buffer.Length > MaxBytes)
        {
            errors.Add(new RowProblem(0, null, $"文件超过{MaxBytes / 1024 / 1024}MB"));
            return [];
        }
        buffer.Position = 0;
        List<IDictionary<string, object?>> rows;
        try
        {
            rows = SheetLimits.Query(buffer);
        }
        catch (SheetTooLargeException e)
        {
            errors.Add(new RowProblem(0, null, e.Message));
            return [];
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException or ArgumentException
                                   or System.Xml.XmlException or OpenXmlPackageException or NotSupportedException or IndexOutOfRangeException)
        {
            errors.Add(new RowProblem(0, null, "无法读取该文件，请上传按导出格式填写的 .xlsx 文件"));
            return [];
        }
        if (rows.Count == 0)
        {
            errors.Add(new RowProblem(0, null, "表格中没有数据行"));
            return [];
        }
        var headers = rows[0].Keys.Select(k => k.Trim()).ToHashSet();
        var missing = required.Where(h => !headers.Contains(h)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new RowProblem(0, null, $"缺少列：{string.Join("、", missing)}（第一行应为表头，可先导出一份作为模板）"));
            return [];
        }
        if (rows.Count > MaxRows)
        {
            errors.Add(new RowProblem(0, null, $"一次最多导入{MaxRows}行，表格有{rows.Count}行，请分批导入"));
            return [];
        }
        var result = new List<(int, IDictionary<string, object?>)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].ToDictionary(kv => kv.Key.Trim(), kv => kv.Value);
            if (cells.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s))))
                continue;
            result.Add((i + 2, cells));
        }
        if (result.Count == 0)
            errors.Add(new RowProblem(0, null, "表格中没有数据行"));
        return result;
    }

    public static string? Text(IDictionary<string, object?> row, string column)
    {
        if (!row.TryGetValue(column, out var v) || v is null)
            return null;
        var s = v switch
        {
            double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
            _ => Convert.ToString(v, CultureInfo.InvariantCulture),
        };
        s = s?.Trim();
        return string.IsNullOrEmpty(s) ? null : s;
    }

    /// <summary>是/否 (also 1/0, true/false); null for an empty cell, and a problem for anything else.</summary>
    public static bool? Flag(IDictionary<string, object?> row, string column, int rowNumber, List<RowProblem> errors)
    {
        var text = Text(row, column);
        switch (text)
        {
            case null:
                return null;
            case "是" or "true" or "TRUE" or "True" or "1" or "Y" or "y":
                return true;
            case "否" or "false" or "FALSE" or "False" or "0" or "N" or "n":
                return false;
            default:
                errors.Add(new RowProblem(rowNumber, column, $"应填“是”或“否”，不是“{text}”"));
                return null;
        }
    }

    public static async Task<byte[]> WriteAsync(IEnumerable<Dictionary<string, object?>> rows, IReadOnlyList<string> headers, CancellationToken ct)
    {
        var list = rows.ToList();
        if (list.Count == 0) // an empty list still carries the headers, so it serves as the template
            list.Add(headers.ToDictionary(h => h, _ => (object?)null));
        using var ms = new MemoryStream();
        await ms.SaveAsAsync(list, excelType: ExcelType.XLSX, cancellationToken: ct);
        return ms.ToArray();
    }

    /// <summary>A failed commit answers 400 with every problem keyed by its place (第3行 事项编码).</summary>
    public static FazhiValidationException Refusal(SheetImportResult result) => new(
        result.Errors.GroupBy(e => e.Row == 0 ? "file" : $"第{e.Row}行{(e.Column is null ? "" : " " + e.Column)}")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
        $"表格有{result.Errors.Count}处错误，未导入任何数据");
}
