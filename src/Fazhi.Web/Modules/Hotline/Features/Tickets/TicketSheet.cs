using System.Globalization;
using Fazhi.Web.Kernel.Sheets;
using Fazhi.Web.Kernel.Web;
using MiniExcelLibs;

namespace Fazhi.Web.Modules.Hotline.Features.Tickets;

/// <summary>
/// The centre's Excel export (工单导出表): one ticket per row, Chinese headers as <see cref="TicketJson.Fields"/> names
/// them (工单编号, 受理时间, 来电人 …); 流转记录 as lines "时间|原单位|新单位|转办或退单|理由". Read into the same
/// <see cref="TicketInput"/> the API takes, so both go through one check.
/// </summary>
public static class TicketSheet
{
    public const long MaxBytes = 20L * 1024 * 1024;

    public static List<(int Index, TicketInput? Input, List<string> Errors)> Read(Stream xlsx)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            rows = SheetLimits.Query(xlsx);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or FormatException or System.Xml.XmlException)
        {
            throw FazhiValidationException.For("file", "无法读取该文件，请上传热线中心导出的 .xlsx 工单表");
        }
        if (rows.Count > TicketIngestion.MaxBatchSize)
            throw FazhiValidationException.For("file", $"一次最多导入{TicketIngestion.MaxBatchSize}张工单，请分批导入");
        var labels = TicketJson.Fields.ToDictionary(f => f.Label, f => f.Name);
        var items = new List<(int, TicketInput?, List<string>)>();
        var index = 0;
        foreach (var row in rows)
        {
            var errors = new List<string>();
            var v = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (header, cell) in row)
            {
                if (string.IsNullOrWhiteSpace(header) || header.StartsWith('_'))
                    continue;
                if (!labels.TryGetValue(header.Trim(), out var name))
                {
                    if (cell is not null && !string.IsNullOrWhiteSpace(Convert.ToString(cell, CultureInfo.InvariantCulture)))
                        errors.Add($"第{index + 2}行 未知列“{header}”。可用列：{string.Join("、", labels.Keys)}");
                    continue;
                }
                v[name] = cell switch
                {
                    null => null,
                    DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    _ => Convert.ToString(cell, CultureInfo.InvariantCulture),
                };
            }
            if (v.Values.All(string.IsNullOrWhiteSpace))
            {
                index++;
                continue; // a blank row
            }
            var steps = (v.GetValueOrDefault("reassignments") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(l => l.Split('|')).Select(p => new ReassignmentInput(p.ElementAtOrDefault(0), p.ElementAtOrDefault(1), p.ElementAtOrDefault(2),
                    p.ElementAtOrDefault(3), p.ElementAtOrDefault(4))).ToList();
            var input = new TicketInput
            {
                TicketNo = v.GetValueOrDefault("ticketNo"), ReceivedAt = v.GetValueOrDefault("receivedAt"), CallerName = v.GetValueOrDefault("callerName"),
                CallerPhone = v.GetValueOrDefault("callerPhone"), Place = v.GetValueOrDefault("place"), Text = v.GetValueOrDefault("text"),
                Field = v.GetValueOrDefault("field"), Department = v.GetValueOrDefault("department"), Reassignments = steps, DueAt = v.GetValueOrDefault("dueAt"),
                Status = v.GetValueOrDefault("status"), Reply = v.GetValueOrDefault("reply"), Satisfaction = v.GetValueOrDefault("satisfaction"),
                MergedInto = v.GetValueOrDefault("mergedInto"), MergeReason = v.GetValueOrDefault("mergeReason"),
            };
            items.Add((index, input, errors));
            index++;
        }
        return items;
    }

    /// <summary>Reasons as the user sees them: the row number (data from row 2) and the column header, not the JSON name.</summary>
    public static string Shown(int index, string reason)
    {
        if (reason.StartsWith('第'))
            return reason;
        var field = reason.Split('：')[0];
        var root = field.Split('[', '.')[0];
        var label = TicketJson.Fields.FirstOrDefault(f => f.Name == root).Label;
        return $"第{index + 2}行 {(label is null ? reason : label + reason[root.Length..])}";
    }

    public static byte[] Template()
    {
        using var ms = new MemoryStream();
        var row = TicketJson.Fields.ToDictionary(f => f.Label, f => (object?)(f.Name switch
        {
            "ticketNo" => "WH20260301001", "receivedAt" => "2026-03-01 09:30:00", "place" => "鲸园街道某某社区某某路12号", "text" => "（诉求内容）",
            "reassignments" => "2026-03-01 10:00:00|371002-SCJG|371002-ZHZF|退单|不属于本单位职责", _ => null,
        }));
        MiniExcel.SaveAs(ms, new[] { row });
        return ms.ToArray();
    }
}
