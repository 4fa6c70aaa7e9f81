using Fazhi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel.Timers;

/// <summary>
/// The one scheduled job for every module's deadlines. Each minute it raises warnings and expiries that have come
/// due. A row is claimed with a conditional update (state and attempt count still as read), so two instances never
/// fire it twice. Each timer is fired inside its own savepoint: a module handler that throws rolls back only its own
/// timer, whose row then records the attempt and the error and waits 1, 2, 4 … minutes (capped) before the next try;
/// the other timers of the run fire as usual.
/// </summary>
public sealed class TimerJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TimerJob> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between two attempts of a failing timer.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    /// <summary>Timers fired per transaction. The transaction takes the audit chain's lock once for all of them
    /// (the handlers' audited saves run inside it), so a batch should stay short enough not to hold up other writers.</summary>
    public const int BatchSize = 100;

    private const string Savepoint = "fazhi_timer";

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

    /// <summary>The wait after the <paramref name="failures"/>-th failed attempt: 1, 2, 4 … minutes, at most <see cref="MaxBackoff"/>.</summary>
    public static TimeSpan Backoff(int failures) =>
        failures <= 1 ? TimeSpan.FromMinutes(1)
        : failures > 12 ? MaxBackoff
        : TimeSpan.FromMinutes(Math.Min(Math.Pow(2, failures - 1), MaxBackoff.TotalMinutes));

    /// <summary>One pass for the given Beijing date; returns how many timers changed state.</summary>
    public static async Task<int> RunOnceAsync(IServiceScopeFactory scopes, DateOnly today, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FazhiDb>();
        var log = scope.ServiceProvider.GetRequiredService<ILogger<TimerJob>>();
        var handlers = scope.ServiceProvider.GetServices<ITimerExpiryHandler>().ToDictionary(h => h.Module);
        var now = db.Clock.GetUtcNow().UtcDateTime;

        var warned = await db.WorkTimers
            .Where(t => t.State == TimerState.Running && t.WarnOn <= today && t.DueOn >= today)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TimerState.Warned).SetProperty(t => t.WarnedAtUtc, now), ct);

        var expired = 0;
        long after = 0;
        while (true)
        {
            var due = await db.WorkTimers.AsNoTracking()
                .Where(t => (t.State == TimerState.Running || t.State == TimerState.Warned) && t.DueOn < today &&
                            (t.NextAttemptAtUtc == null || t.NextAttemptAtUtc <= now) && t.Id > after)
                .OrderBy(t => t.Id).Take(BatchSize).ToListAsync(ct);
            if (due.Count == 0)
                break;
            after = due[^1].Id;
            expired += await ExpireBatchAsync(db, handlers, due, now, log, ct);
        }
        return warned + expired;
    }

    private static async Task<int> ExpireBatchAsync(FazhiDb db, Dictionary<string, ITimerExpiryHandler> handlers, List<WorkTimer> due,
        DateTime now, ILogger log, CancellationToken ct)
    {
        var expired = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Once for the whole batch, before any row is touched (the same lock order as every other writer); the
        // handlers' audited saves run inside this transaction and find the lock already held.
        await db.AcquireWriteLockAsync(ct);
        foreach (var timer in due)
        {
            await tx.CreateSavepointAsync(Savepoint, ct);
            try
            {
                var claimed = await db.WorkTimers
                    .Where(t => t.Id == timer.Id && t.State == timer.State && t.Attempts == timer.Attempts)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(t => t.State, TimerState.Expired).SetProperty(t => t.ExpiredAtUtc, now)
                        .SetProperty(t => t.Attempts, t => t.Attempts + 1).SetProperty(t => t.LastError, (string?)null)
                        .SetProperty(t => t.NextAttemptAtUtc, (DateTime?)null), ct);
                if (claimed == 0)
                {
                    await tx.ReleaseSavepointAsync(Savepoint, ct); // another instance fired it (or the deadline moved)
                    continue;
                }
                if (handlers.TryGetValue(timer.Module, out var handler))
                    await handler.OnExpiredAsync(timer, ct);
                await tx.ReleaseSavepointAsync(Savepoint, ct);
                db.ChangeTracker.Clear(); // the next timer's handler reads afresh (its rows may have been claimed meanwhile)
                expired++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await tx.RollbackToSavepointAsync(Savepoint, ct);
                db.ChangeTracker.Clear(); // the handler's half-made changes must not ride along with the next save
                var failures = timer.Attempts + 1;
                var error = Truncate($"{e.GetType().Name}: {e.Message}", 1000);
                var next = now + Backoff(failures);
                await db.WorkTimers.Where(t => t.Id == timer.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Attempts, t => t.Attempts + 1)
                        .SetProperty(t => t.LastError, error).SetProperty(t => t.NextAttemptAtUtc, next), ct);
                log.LogError(e, "Timer {TimerId} ({Module} {Kind} of {OwnerId}) failed on attempt {Attempt}; next attempt at {Next:o}",
                    timer.Id, timer.Module, timer.Kind, timer.OwnerId, failures, next);
            }
        }
        await tx.CommitAsync(ct);
        return expired;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
