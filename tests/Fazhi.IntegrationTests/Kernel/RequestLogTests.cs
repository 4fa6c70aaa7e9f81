using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Fazhi.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.AspNetCore;
using Serilog.Core;
using Serilog.Events;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>The request log's line for a request refused through an exception carries the status the client got.</summary>
public abstract class RequestLogTests(RequestLogFactory app)
{
    [Fact]
    public async Task A_refused_request_is_logged_with_the_status_the_client_receives()
    {
        var scjg = await app.ApiAsAsync("huancui-scjg");
        var forbidden = await scjg.PostAsJsonAsync("/api/v1/enforcement/records:batch?department=371002-ZHZF", Array.Empty<object>());
        await forbidden.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var empty = await scjg.PostAsJsonAsync("/api/v1/enforcement/records:batch", Array.Empty<object>());
        await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "body");
        var broken = await scjg.PostAsync("/api/v1/enforcement/records:batch", new StringContent("[{\"sourceId\": ", Encoding.UTF8, "application/json"));
        await broken.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "body");
        var missing = await scjg.GetAsync("/api/v1/enforcement/records/999999999");
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await app.Sink.StatusesOfAsync("/api/v1/enforcement/records", 4)).ShouldBe([403, 400, 400, 404], string.Join("\n", app.Sink.Events.Select(e => e.RenderMessage())));
        app.Sink.Events.Where(e => e.Properties.ContainsKey("StatusCode") && e.Level >= LogEventLevel.Error).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_refused_page_request_is_logged_with_the_status_the_page_shows()
    {
        var browser = await app.BrowserAsAsync("huancui");
        var response = await browser.GetAsync("/enforcement/record/999999999");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Sink.StatusesOfAsync("/enforcement/record/999999999", 1)).ShouldBe([404]);
    }
}

/// <summary>Collects the request log's events (the lines written by Serilog's request-logging middleware).</summary>
public sealed class RequestLogSink : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>The statuses logged for paths starting so, once <paramref name="expected"/> lines are in: the line is
    /// written when the pipeline unwinds, which may be just after the client has read the answer.</summary>
    public async Task<int[]> StatusesOfAsync(string pathPrefix, int expected)
    {
        for (var i = 0; i < 50 && StatusesOf(pathPrefix).Length < expected; i++)
            await Task.Delay(100);
        return StatusesOf(pathPrefix);
    }

    private int[] StatusesOf(string pathPrefix) => Events
        .Where(e => e.Properties.TryGetValue("RequestPath", out var p) && p is ScalarValue { Value: string s } && s.StartsWith(pathPrefix, StringComparison.Ordinal))
        .Select(e => e.Properties["StatusCode"] is ScalarValue { Value: int code } ? code : -1)
        .ToArray();
}

public abstract class RequestLogFactory(Provider provider) : FazhiFactory(provider)
{
    public RequestLogSink Sink { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.Configure<RequestLoggingOptions>(o =>
            o.Logger = new LoggerConfiguration().MinimumLevel.Information().WriteTo.Sink(Sink).CreateLogger()));
    }
}

public sealed class RequestLogSqliteFactory() : RequestLogFactory(Provider.Sqlite);

public sealed class RequestLogPostgresFactory() : RequestLogFactory(Provider.Postgres);

public sealed class RequestLogTestsOnSqlite(RequestLogSqliteFactory app) : RequestLogTests(app), IClassFixture<RequestLogSqliteFactory>;

public sealed class RequestLogTestsOnPostgres(RequestLogPostgresFactory app) : RequestLogTests(app), IClassFixture<RequestLogPostgresFactory>;
