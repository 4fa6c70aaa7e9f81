using System.Collections.Concurrent;
using System.Net.Http.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Audit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>Every log entry of a host, with its exception: the application logs through Serilog, so the test replaces
/// the logger factory itself (a provider added beside Serilog's would not be called).</summary>
public sealed class CapturedLogs : ILoggerFactory, ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    /// <summary>Entries whose exception is, or wraps, an <see cref="ObjectDisposedException"/>.</summary>
    public List<string> Disposed() => [.. Entries.Where(e => Chain(e.Exception).Any(x => x is ObjectDisposedException)).Select(e => $"{e.Category}: {e.Message} {e.Exception}")];

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException a)
                foreach (var inner in a.InnerExceptions.SelectMany(Chain))
                    yield return inner;
        }
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                logs.Entries.Enqueue((category, logLevel, formatter(state, exception), exception));
        }
    }
}

/// <summary>Stopping the host: the audit checkpoint job writes its last checkpoint (of the head moved since start) and
/// nothing in the shutdown touches a disposed service (issue: ObjectDisposedException from AuditCheckpoints at stop).</summary>
public abstract class HostShutdownTests(Provider provider)
{
    private sealed class Host(Provider provider, CapturedLogs logs, string checkpoints) : FazhiFactory(provider)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Fazhi:Audit:CheckpointDirectory", checkpoints);
            builder.ConfigureServices(s => s.AddSingleton<ILoggerFactory>(logs));
        }
    }

    [Fact]
    public async Task Stopping_the_host_writes_the_last_checkpoint_and_logs_no_disposed_object()
    {
        var checkpoints = Directory.CreateTempSubdirectory("fazhi-checkpoints-").FullName;
        try
        {
            var logs = new CapturedLogs();
            long headAtStop;
            await using (var host = new Host(provider, logs, checkpoints))
            {
                await host.InitializeAsync();
                var admin = await host.ApiAsAsync("admin");
                (await admin.PutAsJsonAsync("/api/v1/orgs/371082104", new { name = "俚岛镇（停机前）" })).EnsureSuccessStatusCode();

                // Two stops at once (the test host's and the application's own): when the first returns, the last
                // checkpoint is written and nothing of the job is still running for a disposal to break.
                var job = ActivatorUtilities.CreateInstance<AuditCheckpointJob>(host.Services);
                var first = job.StopAsync(CancellationToken.None);
                var second = job.StopAsync(CancellationToken.None);
                await Task.WhenAny(first, second);
                first.IsCompleted.ShouldBeTrue();
                second.IsCompleted.ShouldBeTrue();
                await Task.WhenAll(first, second);
                var written = await HeadAsync(host);
                Directory.GetFiles(checkpoints, "audit-checkpoints-*.log").SelectMany(File.ReadAllLines)
                    .ShouldContain(l => l.StartsWith($"seq={written} ", StringComparison.Ordinal));

                (await admin.PutAsJsonAsync("/api/v1/orgs/371082104", new { name = "俚岛镇（停机时）" })).EnsureSuccessStatusCode();
                headAtStop = await HeadAsync(host);
                headAtStop.ShouldBeGreaterThan(written);
                logs.Entries.ShouldNotBeEmpty(); // the capture works: the start was logged
            }

            logs.Disposed().ShouldBeEmpty();
            // (EF logs its first look for the migrations table on a new PostgreSQL database as an error: not ours.)
            logs.Entries.Where(e => e.Level >= LogLevel.Error && e.Category.StartsWith("Fazhi", StringComparison.Ordinal)).Select(e => e.Message).ShouldBeEmpty();
            // The checkpoint of the head at stop was written, to the folder and to the log.
            var lines = Directory.GetFiles(checkpoints, "audit-checkpoints-*.log").SelectMany(File.ReadAllLines).ToList();
            lines.ShouldContain(l => l.StartsWith($"seq={headAtStop} ", StringComparison.Ordinal));
            logs.Entries.ShouldContain(e => e.Category == "Fazhi.Web.Kernel.Audit.AuditCheckpoints" && e.Message.Contains($"seq={headAtStop} ", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(checkpoints, recursive: true);
        }
    }

    private static async Task<long> HeadAsync(FazhiFactory host)
    {
        long head = 0;
        await host.WithDbAsync(async db => head = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.MaxAsync(db.AuditEntries, a => a.Seq));
        return head;
    }
}

public sealed class HostShutdownTestsOnSqlite() : HostShutdownTests(Provider.Sqlite);

public sealed class HostShutdownTestsOnPostgres() : HostShutdownTests(Provider.Postgres);
