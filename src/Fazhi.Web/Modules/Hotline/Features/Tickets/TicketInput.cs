using System.Globalization;
using System.Text.Json;

namespace Fazhi.Web.Modules.Hotline.Features.Tickets;

/// <summary>One ticket as the centre sends it (JSON, camelCase). Every field but the reassignments is text, so that a
/// badly typed value is reported by name rather than failing the whole body.</summary>
public sealed record TicketInput
{
    public string? TicketNo { get; init; }
    public string? ReceivedAt { get; init; }
    public string? CallerName { get; init; }
    public string? CallerPhone { get; init; }
    public string? Place { get; init; }
    public string? Text { get; init; }
    public string? Field { get; init; }
    public string? Department { get; init; }
    public IReadOnlyList<ReassignmentInput>? Reassignments { get; init; }
    public string? DueAt { get; init; }
    public string? Status { get; init; }
    public string? Reply { get; init; }
    public string? Satisfaction { get; init; }
    public string? MergedInto { get; init; }
    public string? MergeReason { get; init; }
}

/// <summary>流转: kind 转办 (or 改派) or 退单; from/to department codes or names.</summary>
public sealed record ReassignmentInput(string? At, string? From, string? To, string? Kind, string? Reason);

public static class TicketJson
{
    /// <summary>The fields a ticket may carry, with their Chinese names (for messages and the Excel headers).</summary>
    public static readonly IReadOnlyList<(string Name, string Label)> Fields =
    [
        ("ticketNo", "工单编号"), ("receivedAt", "受理时间"), ("callerName", "来电人"), ("callerPhone", "来电号码"), ("place", "反映地点"),
        ("text", "诉求内容"), ("field", "领域"), ("department", "承办单位"), ("reassignments", "流转记录"), ("dueAt", "办理时限"),
        ("status", "办理状态"), ("reply", "答复内容"), ("satisfaction", "满意度"), ("mergedInto", "并入工单"), ("mergeReason", "并单理由"),
    ];

    private static readonly string[] StepFields = ["at", "from", "to", "kind", "reason"];

    public static string KnownList => string.Join("、", Fields.Select(f => f.Name));

    /// <summary>Reads one ticket object; every fault is named (unknown field with the known ones, wrong type).</summary>
    public static (TicketInput? Input, List<string> Errors) Read(JsonElement e)
    {
        var errors = new List<string>();
        if (e.ValueKind != JsonValueKind.Object)
            return (null, ["不是一个 JSON 对象"]);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        List<ReassignmentInput>? steps = null;
        foreach (var p in e.EnumerateObject())
        {
            if (!Fields.Any(f => f.Name == p.Name))
            {
                errors.Add($"{p.Name}：未知字段“{p.Name}”。可用字段：{KnownList}");
                continue;
            }
            if (p.Name == "reassignments")
            {
                if (p.Value.ValueKind == JsonValueKind.Null)
                    continue;
                if (p.Value.ValueKind != JsonValueKind.Array)
                {
                    errors.Add("reassignments：应为数组（每项含 at、from、to、kind、reason）");
                    continue;
                }
                steps = [];
                var i = 0;
                foreach (var s in p.Value.EnumerateArray())
                {
                    if (s.ValueKind != JsonValueKind.Object)
                    {
                        errors.Add($"reassignments[{i}]：应为对象");
                        continue;
                    }
                    var sv = new Dictionary<string, string?>(StringComparer.Ordinal);
                    foreach (var q in s.EnumerateObject())
                    {
                        if (!StepFields.Contains(q.Name))
                            errors.Add($"reassignments[{i}].{q.Name}：未知字段。可用字段：{string.Join("、", StepFields)}");
                        else
                            sv[q.Name] = Text(q.Value, $"reassignments[{i}].{q.Name}", errors);
                    }
                    steps.Add(new ReassignmentInput(sv.GetValueOrDefault("at"), sv.GetValueOrDefault("from"), sv.GetValueOrDefault("to"),
                        sv.GetValueOrDefault("kind"), sv.GetValueOrDefault("reason")));
                    i++;
                }
                continue;
            }
            values[p.Name] = Text(p.Value, p.Name, errors);
        }
        var input = new TicketInput
        {
            TicketNo = values.GetValueOrDefault("ticketNo"), ReceivedAt = values.GetValueOrDefault("receivedAt"),
            CallerName = values.GetValueOrDefault("callerName"), CallerPhone = values.GetValueOrDefault("callerPhone"),
            Place = values.GetValueOrDefault("place"), Text = values.GetValueOrDefault("text"), Field = values.GetValueOrDefault("field"),
            Department = values.GetValueOrDefault("department"), Reassignments = steps, DueAt = values.GetValueOrDefault("dueAt"),
            Status = values.GetValueOrDefault("status"), Reply = values.GetValueOrDefault("reply"), Satisfaction = values.GetValueOrDefault("satisfaction"),
            MergedInto = values.GetValueOrDefault("mergedInto"), MergeReason = values.GetValueOrDefault("mergeReason"),
        };
        return (input, errors);
    }

    private static string? Text(JsonElement v, string name, List<string> errors)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.String:
                return v.GetString();
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Number:
                return v.GetRawText();
            default:
                errors.Add($"{name}：应为文本");
                return null;
        }
    }

    /// <summary>A time as the centre writes it (ISO 8601, or "yyyy-MM-dd HH:mm[:ss]" in China time): UTC.</summary>
    public static DateTime? ParseTime(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
            return null;
        s = s.Trim();
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto) && (s.EndsWith('Z') || s.Contains('+') || s.LastIndexOf('-') > 9))
            return dto.UtcDateTime;
        string[] formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy/MM/dd HH:mm:ss", "yyyy/M/d H:mm", "yyyy-MM-dd"];
        return DateTime.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? DateTime.SpecifyKind(local.AddHours(-8), DateTimeKind.Utc)
            : null;
    }
}
