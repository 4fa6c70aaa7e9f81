using System.Net;
using System.Net.Http.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Serilog;
using Serilog.Events;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>A refused access (403/404 from the app's own exceptions) is a warning without a stack trace, on the API
/// and on the pages; only faults are errors.</summary>
public abstract class RefusalLogTests(RefusalLogFactory app)
{
    [Fact]
    public async Task A_refused_access_is_logged_as_a_warning_without_a_stack_trace()
    {
        var scjg = await app.ApiAsAsync("huancui-scjg");
        var before = app.Sink.Events.Count; // not start-up's (EF logs its probe of a new PostgreSQL database as an error)
        await (await scjg.PostAsJsonAsync("/api/v1/enforcement/records:batch?department=371002-ZHZF", Array.Empty<object>())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await scjg.GetAsync("/api/v1/enforcement/records/999999999")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var page = await (await app.BrowserAsAsync("huancui")).GetAsync("/enforcement/warning/999999999");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var events = app.Sink.Events.Skip(before).ToList();
        string All() => string.Join("\n", events.Select(e => $"{e.Level} {e.RenderMessage()} {e.Exception?.GetType().Name}"));
        events.Where(e => e.Level >= LogEventLevel.Error || e.Exception is not null).ShouldBeEmpty(All());
        var refusals = events.Where(e => e.Level == LogEventLevel.Warning && e.MessageTemplate.Text.StartsWith("Access refused", StringComparison.Ordinal)).ToList();
        refusals.Select(e => e.RenderMessage()).ShouldContain(m => m.Contains("403") && m.Contains("records:batch"), All());
        refusals.Select(e => e.RenderMessage()).ShouldContain(m => m.Contains("404") && m.Contains("/api/v1/enforcement/records/999999999"), All());
        refusals.Select(e => e.RenderMessage()).ShouldContain(m => m.Contains("404") && m.Contains("/enforcement/warning/999999999"), All());
    }
}

/// <summary>Every log event of the app (Serilog as the app configures it, writing to a collecting sink as well).</summary>
public abstract class RefusalLogFactory(Provider provider) : FazhiFactory(provider)
{
    public RequestLogSink Sink { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSerilog(new LoggerConfiguration().MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .WriteTo.Sink(Sink).CreateLogger()));
    }
}

public sealed class RefusalLogSqliteFactory() : RefusalLogFactory(Provider.Sqlite);

public sealed class RefusalLogPostgresFactory() : RefusalLogFactory(Provider.Postgres);

public sealed class RefusalLogTestsOnSqlite(RefusalLogSqliteFactory app) : RefusalLogTests(app), IClassFixture<RefusalLogSqliteFactory>;

public sealed class RefusalLogTestsOnPostgres(RefusalLogPostgresFactory app) : RefusalLogTests(app), IClassFixture<RefusalLogPostgresFactory>;
