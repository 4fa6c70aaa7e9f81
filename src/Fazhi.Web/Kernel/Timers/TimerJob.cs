using Fazhi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel.Timers;

/// <summary>
/// The one scheduled job for every module's deadlines. Each minute it raises warnings and expiries that have come
/// due. A row is claimed with a conditional update (state still as read), so two instances never fire it twice; a
/// failure leaves the row as it was, to be retried on the next run.
/// </summary>
public sealed class TimerJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TimerJob> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticker = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(scopes, DateOnly.FromDateTime(ChinaTime.Now(clock)), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Timer run failed; it will be retried");
            }
        }
        while (await ticker.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass for the given Beijing date; returns how many timers changed state.</summary>
    public static async Task<int> RunOnceAsync(IServiceScopeFactory scopes, DateOnly today, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FazhiDb>();
        var handlers = scope.ServiceProvider.GetServices<ITimerExpiryHandler>().ToDictionary(h => h.Module);
        var now = db.Clock.GetUtcNow().UtcDateTime;

        var warned = await db.WorkTimers
            .Where(t => t.State == TimerState.Running && t.WarnOn <= today && t.DueOn >= today)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TimerState.Warned).SetProperty(t => t.WarnedAtUtc, now), ct);

        var due = await db.WorkTimers.AsNoTracking()
            .Where(t => (t.State == TimerState.Running || t.State == TimerState.Warned) && t.DueOn < today)
            .OrderBy(t => t.Id).Take(500).ToListAsync(ct);
        var expired = 0;
        foreach (var timer in due)
        {
            // Claim and handle in one transaction: if the module's handler fails, the claim is rolled back too.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.AcquireWriteLockAsync(ct); // same lock order as every other writer
            var claimed = await db.WorkTimers
                .Where(t => t.Id == timer.Id && t.State == timer.State)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TimerState.Expired).SetProperty(t => t.ExpiredAtUtc, now), ct);
            if (claimed == 0)
                continue;
            if (handlers.TryGetValue(timer.Module, out var handler))
                await handler.OnExpiredAsync(timer, ct);
            await tx.CommitAsync(ct);
            expired++;
        }
        return warned + expired;
    }
}
