using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Fazhi.Web.Modules.Enforcement.Import;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Bench;

/// <summary>
/// Fazhi.Web itself (its Program, configuration and DI) on Kestrel, on a loopback port, over the benchmark's database:
/// requests go through real sockets and the whole middleware pipeline. In-process only so that the benchmark can also
/// reach the host's services (the warning engine, the sweep) in a DI scope.
/// </summary>
internal sealed class BenchHost(string connectionString, string dataDirectory, string adminPassword, bool demoOrgs = false) : WebApplicationFactory<Program>
{
    public string BaseUrl { get; private set; } = "";

    public ServerTimings Timings { get; } = new();

    public void Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        UseKestrel(port);
        StartServer();
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // WebApplicationFactory looks for its manifest in the working directory (a test runner's is the output folder;
        // `dotnet run`'s is wherever it was started), so the content root is set from the manifest explicitly.
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        if (File.Exists(manifest) &&
            JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest))?.Values.FirstOrDefault() is { } root)
            builder.UseContentRoot(root);
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:Fazhi", connectionString);
        builder.UseSetting("Fazhi:DataDirectory", dataDirectory);
        builder.UseSetting("Fazhi:MigrateOnStart", "true");
        builder.UseSetting("FAZHI_ADMIN_PASSWORD", adminPassword);
        builder.UseSetting("Fazhi:DemoData", demoOrgs ? "true" : "false"); // the 12345 bench uses the demo org tree (威海市: 环翠区, 荣成市)
        foreach (var module in new[] { "Enforcement", "LegalAid", "Mediation" })
            builder.UseSetting($"Fazhi:Demo{module}Data", "false");
        builder.UseSetting("FAZHI_DEMO_PASSWORD", adminPassword);
        if (demoOrgs)
            builder.UseSetting("Fazhi:Security:RequireTwoFactor", "false"); // a throwaway host signs in with a password only
        builder.UseSetting("Fazhi:Timers:Enabled", "false");
        builder.UseSetting("Fazhi:Security:CreateMissingKeys", "true"); // Production refuses to create keys; a throwaway host makes its own
        builder.UseSetting("Fazhi:SignInsPerMinute", "10000");
        // One log line per request would be thousands of lines; warnings and errors still show.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
        builder.UseSetting("Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware", "Warning");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(Timings);
            services.AddTransient<IStartupFilter, TimingStartupFilter>();
            services.AddScoped<IIngestionObserver, TimingObserver>();
        });
    }
}

/// <summary>Where a batch's time goes on the server: until its rows are merged (parse, checks, catalogue, the write
/// lock, staging, merge) and after (roll-up, warning rules, save, commit, response).</summary>
internal sealed class ServerTimings
{
    public const string StartKey = "bench:t0";
    public const string MergedKey = "bench:merged";

    public ConcurrentBag<(long BatchId, int Rows, double UntilMergedMs, double TotalMs)> Batches { get; } = [];
}

internal sealed class TimingStartupFilter(ServerTimings timings) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (HttpContext http, RequestDelegate nextStep) =>
        {
            var t0 = Stopwatch.GetTimestamp();
            http.Items[ServerTimings.StartKey] = t0;
            await nextStep(http);
            if (http.Items[ServerTimings.MergedKey] is (long batchId, int rows, double merged))
                timings.Batches.Add((batchId, rows, merged, Stopwatch.GetElapsedTime(t0).TotalMilliseconds));
        });
        next(app);
    };
}

internal sealed class TimingObserver(IHttpContextAccessor accessor) : IIngestionObserver
{
    public Task OnMergedAsync(long batchId, int rows, CancellationToken ct)
    {
        if (accessor.HttpContext is { } http && http.Items[ServerTimings.StartKey] is long t0)
            http.Items[ServerTimings.MergedKey] = (batchId, rows, Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        return Task.CompletedTask;
    }
}
