using Fazhi.Web.Kernel;
using Fazhi.Web.Modules.Hotline.Data;

namespace Fazhi.Web.Modules.Hotline.Jobs;

/// <summary>Keeps <c>hl_tickets</c>' monthly partitions ahead of the calendar (<see cref="TicketPartitions"/>): once at
/// start, then every night at 03:00 China time (with the Kernel's jobs: off when <c>Fazhi:Timers:Enabled</c> is false).
/// PostgreSQL only; on SQLite a pass does nothing.</summary>
public sealed class PartitionJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<PartitionJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Fazhi:Timers:Enabled", true))
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var pass = await scope.ServiceProvider.GetRequiredService<TicketPartitions>().EnsureAsync(stoppingToken);
                if (pass.Created.Count > 0 && log.IsEnabled(LogLevel.Information))
                    log.LogInformation("Hotline partitions created: {Partitions}; {Rows} rows moved out of the default partition", string.Join(", ", pass.Created), pass.RowsMoved);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Hotline partition maintenance failed; it runs again tonight");
            }
            var now = ChinaTime.Now(clock);
            var next = now.Date.AddDays(now.Hour < 3 ? 0 : 1).AddHours(3);
            await Task.Delay(next - now, clock, stoppingToken);
        }
    }
}
