using Fazhi.Web.Kernel;
using Fazhi.Web.Modules.Hotline.Features.Triage;

namespace Fazhi.Web.Modules.Hotline.Jobs;

/// <summary>Retrains the triage models every night at 02:00 China time (with the Kernel's jobs: off when
/// <c>Fazhi:Timers:Enabled</c> is false), so the day's corrections count from the next morning.</summary>
public sealed class RetrainJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<RetrainJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Fazhi:Timers:Enabled", true))
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = ChinaTime.Now(clock);
            var next = now.Date.AddDays(now.Hour < 2 ? 0 : 1).AddHours(2);
            await Task.Delay(next - now, clock, stoppingToken);
            try
            {
                using var scope = scopes.CreateScope();
                var results = await scope.ServiceProvider.GetRequiredService<TriageService>().TrainAllAsync(stoppingToken);
                if (log.IsEnabled(LogLevel.Information))
                    log.LogInformation("Hotline triage retrained: {Results}", string.Join("; ", results));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Hotline triage retraining failed; it runs again tomorrow");
            }
        }
    }
}
