using System.Text.Json;

namespace Fazhi.Web.Kernel.Audit;

/// <summary>What an entry changed, field by field, for reading; the entry itself keeps the full snapshots.</summary>
public static class AuditDiff
{
    public sealed record Change(string Field, string? Before, string? After);

    public static IReadOnlyList<Change> Of(string? beforeJson, string? afterJson)
    {
        var before = Parse(beforeJson);
        var after = Parse(afterJson);
        return [.. before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(k => new Change(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .Where(c => c.Before != c.After)];
    }

    /// <summary>An entry's snapshot as field → text (strings unquoted, other values as JSON).</summary>
    public static Dictionary<string, string?> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind != JsonValueKind.Object
                ? new Dictionary<string, string?> { ["值"] = json }
                : doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => p.Value.GetString(),
                    _ => p.Value.GetRawText(),
                });
        }
        catch (JsonException)
        {
            return new Dictionary<string, string?> { ["值"] = json }; // a tampered or foreign entry is still shown
        }
    }
}
