using System.Globalization;
using Fazhi.Web.Kernel.Sheets;
using Fazhi.Web.Kernel.Web;
using MiniExcelLibs;

namespace Fazhi.Web.Modules.Enforcement.Import;

/// <summary>
/// 执法记录报送表: the Excel form for departments without a system of their own. One row per record, Chinese headers;
/// each row becomes the same <see cref="RecordInput"/> the API takes, so both paths share every check.
/// </summary>
public static class RecordSheet
{
    public static readonly string[] Headers =
    [
        "来源编号", "类型", "事项编码", "对象名称", "统一社会信用代码", "身份证号", "执法证号", "立案日期", "决定日期", "结案日期",
        "罚没金额（元）", "违法情节", "法制审核", "重大决定", "公示日期", "不罚轻罚",
    ];

    /// <summary>The largest 报送表 the upload (page and API) takes.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>The API's field names as the form's column headers, for the reasons shown to whoever filled the form.</summary>
    private static readonly Dictionary<string, string> Columns = new(StringComparer.Ordinal)
    {
        ["sourceId"] = "来源编号", ["kind"] = "类型", ["itemCode"] = "事项编码", ["target.name"] = "对象名称",
        ["target.creditCode"] = "统一社会信用代码", ["target.idNumber"] = "身份证号", ["target"] = "统一社会信用代码/身份证号",
        ["officers"] = "执法证号", ["openedOn"] = "立案日期", ["decidedOn"] = "决定日期", ["closedOn"] = "结案日期",
        ["amount"] = "罚没金额（元）", ["circumstance"] = "违法情节", ["legalReviewDone"] = "法制审核", ["major"] = "重大决定",
        ["publishedOn"] = "公示日期", ["lenient"] = "不罚轻罚",
    };

    /// <summary>“target.creditCode：…” as “统一社会信用代码：…”; a reason naming no field is left as it is.</summary>
    public static string InColumns(string reason)
    {
        var cut = reason.IndexOf('：', StringComparison.Ordinal);
        var field = cut < 0 ? reason : reason[..cut];
        return Columns.TryGetValue(field, out var column) ? column + reason[field.Length..] : reason;
    }

    private static readonly string[] Required = ["来源编号", "类型", "事项编码", "对象名称", "执法证号", "立案日期"];

    public static byte[] Template()
    {
        var row = new Dictionary<string, object?>
        {
            ["来源编号"] = "SCJG-2026-0001", ["类型"] = "处罚", ["事项编码"] = "SC-001", ["对象名称"] = "威海某某商贸有限公司",
            ["统一社会信用代码"] = "91371002MA3C5KXX1Y", ["身份证号"] = null, ["执法证号"] = "37100200001、37100200002",
            ["立案日期"] = "2026-03-02", ["决定日期"] = "2026-04-10", ["结案日期"] = "2026-04-20", ["罚没金额（元）"] = 5000m,
            ["违法情节"] = "一般", ["法制审核"] = "是", ["重大决定"] = "否", ["公示日期"] = "2026-04-14", ["不罚轻罚"] = "否",
        };
        using var ms = new MemoryStream();
        ms.SaveAs(new[] { row }, excelType: ExcelType.XLSX);
        return ms.ToArray();
    }

    /// <summary>Reads the rows; an unreadable cell is named by its column and left empty, so that the row is refused with
    /// it and every other fault the checks find.</summary>
    public static List<(int Index, RecordInput? Input, IReadOnlyList<string>? Errors)> Read(Stream stream, int maxRows)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            buffer.Position = 0;
            // Read one row past the limit and stop: a sheet of a million rows is refused without being held in memory.
            rows = [.. SheetLimits.Query(buffer).Take(maxRows + 1)];
        }
        catch (SheetTooLargeException e)
        {
            throw FazhiValidationException.For("file", e.Message);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or System.Xml.XmlException or NotSupportedException or IndexOutOfRangeException or ArgumentException)
        {
            throw FazhiValidationException.For("file", "无法读取该文件，请上传按模板填写的 .xlsx 文件");
        }
        if (rows.Count == 0)
            throw FazhiValidationException.For("file", "表格中没有数据行");
        var missing = Required.Where(h => !rows[0].ContainsKey(h)).ToList();
        if (missing.Count > 0)
            throw FazhiValidationException.For("file", $"缺少列：{string.Join("、", missing)}（请下载模板）");
        if (rows.Count > maxRows)
            throw new PayloadTooLargeException($"一次最多报送{maxRows}条，表格超过{maxRows}行，请分批上传");
        var result = new List<(int, RecordInput?, IReadOnlyList<string>?)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s))))
                continue;
            var errors = new List<string>();
            DateOnly? Date(string column)
            {
                var cell = row.TryGetValue(column, out var v) ? v : null;
                if (SheetDates.TryParse(cell, out var d, out var error))
                    return d;
                if (error is not null)
                    errors.Add($"{column}：{error}");
                return null;
            }
            bool? Flag(string column)
            {
                var text = Text(row, column);
                return text switch
                {
                    null => null,
                    "是" or "true" or "TRUE" or "1" or "Y" or "y" => true,
                    "否" or "false" or "FALSE" or "0" or "N" or "n" => false,
                    _ => Error($"{column}：应填“是”或“否”，不是“{text}”"),
                };
            }
            bool? Error(string message)
            {
                errors.Add(message);
                return null;
            }
            decimal? amount = null;
            if (row.TryGetValue("罚没金额（元）", out var a) && a is not null && !(a is string sa && string.IsNullOrWhiteSpace(sa)))
            {
                if (decimal.TryParse(Convert.ToString(a, CultureInfo.InvariantCulture), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                    amount = value;
                else
                    errors.Add($"罚没金额（元）：“{a}”不是数字");
            }
            var input = new RecordInput
            {
                SourceId = Text(row, "来源编号"), Kind = Text(row, "类型"), ItemCode = Text(row, "事项编码"),
                Target = new TargetInput(Text(row, "对象名称"), Text(row, "统一社会信用代码"), Text(row, "身份证号")),
                Officers = (Text(row, "执法证号") ?? "").Split(['、', ';', '；', ',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                OpenedOn = Date("立案日期"), DecidedOn = Date("决定日期"), ClosedOn = Date("结案日期"), PublishedOn = Date("公示日期"),
                Amount = amount, Circumstance = Text(row, "违法情节"),
                LegalReviewDone = Flag("法制审核"), Major = Flag("重大决定"), Lenient = Flag("不罚轻罚"),
            };
            // Rows are numbered as Excel shows them (the header is row 1) when the batch is checked.
            result.Add((i, input, errors.Count == 0 ? null : errors));
        }
        return result;
    }

    private static string? Text(IDictionary<string, object?> row, string column)
    {
        if (!row.TryGetValue(column, out var v) || v is null)
            return null;
        var s = Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim();
        return string.IsNullOrEmpty(s) ? null : s;
    }
}
