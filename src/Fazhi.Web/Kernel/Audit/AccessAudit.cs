using System.Collections.Concurrent;
using System.Text.Json;
using Fazhi.Web.Data;

namespace Fazhi.Web.Kernel.Audit;

/// <summary>访问记录: what an <see cref="AccessAudit"/> entry records (not a table: the entry's detail JSON).</summary>
public sealed class AccessEvent
{
    public string Method { get; set; } = "";
    public string Path { get; set; } = "";
    public int Status { get; set; }
    public string? Reason { get; set; }
    public string? File { get; set; }
    public long? Bytes { get; set; }
}

/// <summary>
/// Reads and refusals in the 操作日志 (等保 GB/T 22239-2019 8.1.4.3 安全审计: important security events, and the use
/// of personal data): every file a signed-in user downloads — Excel exports, generated 法律文书, attachments, the
/// log's own export — (a 2xx answer with <c>Content-Disposition: attachment</c>), and every refused access: a 403 (a
/// permission the user lacks, an API or a page), and the 404 of a record that does not exist or is outside the user's
/// scope (both answer the same, ADR 0002). Refusals are coalesced so that a scanner cannot flood the chain: one entry per
/// user and path per minute, at most <see cref="RefusalsPerUserPerMinute"/> per user per minute. Unmasked views of the
/// log itself are recorded by <see cref="AuditService"/>. Sits outside the exception handler, so it sees the answer as
/// sent; the entry is written in its own scope (the request's context may hold refused changes).
/// </summary>
public sealed class AccessAudit(RequestDelegate next, IServiceScopeFactory scopes, TimeProvider clock, ILogger<AccessAudit> log)
{
    /// <summary>Set by the exception handler on a 403/404 refusal (the page then re-executes the error page).</summary>
    public const string RefusedItem = "fazhi:refused";

    public const int RefusalsPerUserPerMinute = 20;

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly ConcurrentDictionary<string, long> _recent = new(StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext http)
    {
        await next(http);
        try
        {
            var path = http.Request.Path.Value ?? "";
            if (http.User.Identity?.IsAuthenticated != true || path.StartsWith("/error", StringComparison.OrdinalIgnoreCase))
                return;
            var status = http.Response.StatusCode;
            if (status is >= 200 and < 300 && http.Response.Headers.ContentDisposition.ToString() is { } disposition &&
                disposition.StartsWith("attachment", StringComparison.OrdinalIgnoreCase))
            {
                var file = System.Net.Http.Headers.ContentDispositionHeaderValue.TryParse(disposition, out var d)
                    ? (d.FileNameStar ?? d.FileName?.Trim('"')) : null;
                var export = path.Contains("export", StringComparison.OrdinalIgnoreCase) ||
                             file?.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) == true || file?.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) == true;
                await RecordAsync(export ? AuditActions.Export : AuditActions.Download, new AccessEvent
                {
                    Method = http.Request.Method, Path = path + http.Request.QueryString, Status = status, File = file,
                    Bytes = http.Response.ContentLength,
                });
                return;
            }
            var refused = status == StatusCodes.Status403Forbidden || http.Items.ContainsKey(RefusedItem) ||
                (status == StatusCodes.Status302Found && http.Response.Headers.Location.ToString().Contains("/error/403", StringComparison.Ordinal));
            if (refused && ShouldRecord(http.User.Identity.Name ?? "", path))
                await RecordAsync(AuditActions.AccessDenied, new AccessEvent
                {
                    Method = http.Request.Method, Path = path, Status = status == StatusCodes.Status302Found ? 403 : status,
                    Reason = http.Items[RefusedItem] as string,
                });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Recording the access to {Path} in the audit log failed", http.Request.Path.Value);
        }
    }

    /// <summary>One entry per user and path per minute, and at most <see cref="RefusalsPerUserPerMinute"/> per user.</summary>
    private bool ShouldRecord(string user, string path)
    {
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        if (_recent.Count > 10_000)
            foreach (var old in _recent.Where(kv => kv.Value < minute).Select(kv => kv.Key).ToList())
                _recent.TryRemove(old, out _);
        var perUser = "user:" + user + ":" + minute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var count = _recent.AddOrUpdate(perUser, minute * 1000 + 1, (_, v) => v + 1) % 1000;
        if (count > RefusalsPerUserPerMinute)
            return false;
        var key = user + "\n" + path;
        var first = false;
        _recent.AddOrUpdate(key, _ => { first = true; return minute; }, (_, last) =>
        {
            first = last != minute;
            return minute;
        });
        return first;
    }

    private async Task RecordAsync(string action, AccessEvent e)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FazhiDb>();
        await db.AppendEventAsync(action, nameof(AccessEvent), null, db.Actor.OrgUnitId, JsonSerializer.Serialize(e, Json), ct: CancellationToken.None);
    }
}
