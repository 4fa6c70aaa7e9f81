using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fazhi.Bench;

internal sealed record BatchOutcome(long? BatchId, int Accepted, int Rejected, int WarningsRaised, double Ms, string? FirstRejection);

/// <summary>A client of the public API as a department's system would be: bearer token, NDJSON batches.</summary>
internal sealed class Api : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _password;
    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private string? _token;
    private long _tokenAt;

    public Api(string baseUrl, string password)
    {
        _password = password;
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(10),
        };
    }

    /// <summary>Tokens live an hour; a run is longer, so a fresh one is taken every 30 minutes.</summary>
    private async Task<string> TokenAsync()
    {
        if (_token is { } t && Stopwatch.GetElapsedTime(_tokenAt) < TimeSpan.FromMinutes(30))
            return t;
        await _tokenLock.WaitAsync();
        try
        {
            if (_token is null || Stopwatch.GetElapsedTime(_tokenAt) >= TimeSpan.FromMinutes(30))
            {
                using var response = await _http.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = _password });
                response.EnsureSuccessStatusCode();
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                _token = body.GetProperty("accessToken").GetString();
                _tokenAt = Stopwatch.GetTimestamp();
            }
            return _token!;
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    public async Task<BatchOutcome> PostBatchAsync(Batch batch)
    {
        var token = await TokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/enforcement/records:batch?department={Uri.EscapeDataString(batch.Department)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Content = new ByteArrayContent(batch.Body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson") { CharSet = "utf-8" };
        var t0 = Stopwatch.GetTimestamp();
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"batch {batch.Department} ({batch.Rows} rows): HTTP {(int)response.StatusCode}: {Truncate(text)}");
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        var rejected = root.GetProperty("rejected");
        string? first = null;
        if (rejected.GetArrayLength() > 0)
            first = Truncate(rejected[0].ToString());
        var batchId = root.GetProperty("batchId") is { ValueKind: JsonValueKind.Number } id ? id.GetInt64() : (long?)null;
        return new BatchOutcome(batchId, root.GetProperty("accepted").GetInt32(), rejected.GetArrayLength(), root.GetProperty("warningsRaised").GetInt32(), ms, first);
    }

    /// <summary>GET as the platform administrator; returns the milliseconds until the whole body was read.</summary>
    public async Task<(double Ms, JsonElement Body)> GetAsync(string path)
    {
        var token = await TokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var t0 = Stopwatch.GetTimestamp();
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {path}: HTTP {(int)response.StatusCode}: {Truncate(text)}");
        return (ms, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string Truncate(string s) => s.Length > 600 ? s[..600] + "…" : s;

    public void Dispose()
    {
        _http.Dispose();
        _tokenLock.Dispose();
    }
}
