using System.Collections.Concurrent;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Timers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>The one deadline job: a failing module handler is recorded on its own timer and retried with backoff
/// while the others fire; and a timer fires once however many instances run the job at the same moment.</summary>
public abstract class TimerJobTests(FazhiFactory app)
{
    private static readonly DateOnly Today = new(2026, 3, 16);

    /// <summary>What the test handlers did, per host.</summary>
    public sealed class HandlerLog
    {
        public ConcurrentDictionary<long, int> Fired { get; } = new();
        public ConcurrentDictionary<long, bool> Failing { get; } = new();
    }

    /// <summary>A test-only module handler: appends an audit event (so a rolled-back attempt is visible as missing),
    /// then throws for the owners marked failing.</summary>
    private sealed class TestHandler(string module, HandlerLog log, FazhiDb db) : ITimerExpiryHandler
    {
        public string Module => module;

        public async Task OnExpiredAsync(WorkTimer timer, CancellationToken ct)
        {
            await db.AppendEventAsync("TimerFired", "TestTimer", timer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), timer.OrgUnitId, null, ct: ct);
            if (log.Failing.ContainsKey(timer.OwnerId))
                throw new InvalidOperationException($"测试处理器对{timer.OwnerId}号失败");
            log.Fired.AddOrUpdate(timer.Id, 1, (_, n) => n + 1);
        }
    }

    /// <summary>The system clock moved on by <see cref="Shift"/>: the job's backoff is measured on it.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
    }

    private static WebApplicationFactory<Program> Host(FazhiFactory app, string module, HandlerLog log, TimeProvider? clock = null) =>
        app.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.AddScoped<ITimerExpiryHandler>(sp => new TestHandler(module, log, sp.GetRequiredService<FazhiDb>()));
            if (clock is not null)
                s.AddSingleton(clock);
        }));

    private async Task<List<long>> AddTimersAsync(string module, int count)
    {
        var ids = new List<WorkTimer>();
        await app.WithDbAsync(async db =>
        {
            var org = await db.OrgUnits.IgnoreQueryFilters().OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            for (var i = 1; i <= count; i++)
                ids.Add(db.WorkTimers.Add(new WorkTimer
                {
                    Module = module, OwnerId = i, OrgUnitId = org, Kind = "test", Title = "测试期限", Explanation = "测试",
                    DueOn = Today.AddDays(-2), WarnOn = Today.AddDays(-5), State = i % 2 == 0 ? TimerState.Warned : TimerState.Running,
                }).Entity);
            await db.SaveChangesAsync();
        });
        return [.. ids.Select(t => t.Id)];
    }

    private async Task<List<WorkTimer>> TimersAsync(string module)
    {
        List<WorkTimer> rows = [];
        await app.WithDbAsync(async db => rows = await db.WorkTimers.IgnoreQueryFilters().AsNoTracking().Where(t => t.Module == module).OrderBy(t => t.OwnerId).ToListAsync());
        return rows;
    }

    private async Task<int> AuditEventsAsync(long timerId)
    {
        var n = 0;
        var id = timerId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await app.WithDbAsync(async db => n = await db.AuditEntries.CountAsync(a => a.EntityType == "TestTimer" && a.EntityId == id));
        return n;
    }

    [Fact]
    public async Task A_throwing_handler_is_recorded_on_its_timer_and_retried_with_backoff_while_the_others_fire()
    {
        var log = new HandlerLog();
        var clock = new ShiftedClock();
        await using var host = Host(app, "t-fail", log, clock);
        var ids = await AddTimersAsync("t-fail", 5);
        log.Failing[2] = true; // the second timer (ids are in owner order) blows up

        var changed = await TimerJob.RunOnceAsync(host.Services.GetRequiredService<IServiceScopeFactory>(), Today, CancellationToken.None);

        changed.ShouldBe(4);
        var rows = await TimersAsync("t-fail");
        rows.Where(t => t.OwnerId != 2).ShouldAllBe(t => t.State == TimerState.Expired && t.Attempts == 1 && t.LastError == null);
        log.Fired.Keys.Order().ShouldBe([ids[0], ids[2], ids[3], ids[4]]); // the ones after the failing one fired too
        var failed = rows.Single(t => t.OwnerId == 2);
        failed.State.ShouldBe(TimerState.Warned); // the claim was rolled back with the handler's work
        failed.Attempts.ShouldBe(1);
        failed.LastError!.ShouldContain("测试处理器对2号失败");
        failed.LastError!.ShouldContain(nameof(InvalidOperationException));
        failed.NextAttemptAtUtc.ShouldNotBeNull();
        (failed.NextAttemptAtUtc!.Value - clock.GetUtcNow().UtcDateTime).ShouldBeInRange(TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(61));
        (await AuditEventsAsync(ids[1])).ShouldBe(0); // its audit event went with the savepoint
        (await AuditEventsAsync(ids[0])).ShouldBe(1);

        // Within the backoff the job leaves it alone; after it, a second failure doubles the wait.
        (await TimerJob.RunOnceAsync(host.Services.GetRequiredService<IServiceScopeFactory>(), Today, CancellationToken.None)).ShouldBe(0);
        (await TimersAsync("t-fail")).Single(t => t.OwnerId == 2).Attempts.ShouldBe(1);
        clock.Shift = TimeSpan.FromMinutes(2);
        (await TimerJob.RunOnceAsync(host.Services.GetRequiredService<IServiceScopeFactory>(), Today, CancellationToken.None)).ShouldBe(0);
        failed = (await TimersAsync("t-fail")).Single(t => t.OwnerId == 2);
        failed.Attempts.ShouldBe(2);
        (failed.NextAttemptAtUtc!.Value - clock.GetUtcNow().UtcDateTime).ShouldBeInRange(TimeSpan.FromSeconds(110), TimeSpan.FromSeconds(121));

        // The handler is fixed: after the wait the timer fires, once.
        log.Failing.Clear();
        clock.Shift = TimeSpan.FromMinutes(5);
        (await TimerJob.RunOnceAsync(host.Services.GetRequiredService<IServiceScopeFactory>(), Today, CancellationToken.None)).ShouldBe(1);
        failed = (await TimersAsync("t-fail")).Single(t => t.OwnerId == 2);
        failed.State.ShouldBe(TimerState.Expired);
        failed.Attempts.ShouldBe(3);
        failed.LastError.ShouldBeNull();
        failed.NextAttemptAtUtc.ShouldBeNull();
        log.Fired.Values.ShouldAllBe(n => n == 1);
        log.Fired.Count.ShouldBe(5);
        (await AuditEventsAsync(ids[1])).ShouldBe(1);
    }

    [Fact]
    public async Task Two_hosts_on_one_database_fire_each_expired_timer_exactly_once()
    {
        const int count = 240; // more than two batches
        var (first, second) = (new HandlerLog(), new HandlerLog());
        await using var a = Host(app, "t-race", first);
        await using var b = Host(app, "t-race", second);
        var scopesA = a.Services.GetRequiredService<IServiceScopeFactory>();
        var scopesB = b.Services.GetRequiredService<IServiceScopeFactory>();
        var ids = await AddTimersAsync("t-race", count);

        using var go = new ManualResetEventSlim();
        var runs = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            go.Wait();
            return await TimerJob.RunOnceAsync(i % 2 == 0 ? scopesA : scopesB, Today, CancellationToken.None);
        })).ToList();
        go.Set();
        var changed = await Task.WhenAll(runs);

        changed.Sum().ShouldBe(count); // every timer changed state once, in one of the runs
        var fired = first.Fired.Concat(second.Fired).ToList();
        fired.Select(f => f.Key).Order().ShouldBe(ids.Order());
        fired.ShouldAllBe(f => f.Value == 1);
        (await TimersAsync("t-race")).ShouldAllBe(t => t.State == TimerState.Expired && t.Attempts == 1);
        foreach (var id in ids.Take(10))
            (await AuditEventsAsync(id)).ShouldBe(1);
    }

    [Fact]
    public async Task Two_record_kinds_under_one_owner_id_keep_their_own_timers()
    {
        // 合法性审查 keeps a matter's and a 规范性文件's timers under one module code and the records' own ids: syncing
        // matter 7 must leave document 7's timers alone (it used to cancel them, their kinds not being the matter's).
        var org = 0;
        await app.WithDbAsync(async db => org = await db.OrgUnits.IgnoreQueryFilters().OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());
        DeadlineSpec Spec(string kind) => new(kind, "测试期限", Today.AddDays(10), DeadlineStatus.Open, "测试");
        async Task SyncAsync(string prefix, params DeadlineSpec[] specs)
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<TimerSync>().SyncAsync("prefix-test", 7, org, specs, CancellationToken.None, prefix);
            await scope.ServiceProvider.GetRequiredService<FazhiDb>().SaveChangesAsync();
        }
        await SyncAsync("document:", Spec("document:filing"), Spec("document:expiry"));
        await SyncAsync("matter:", Spec("matter:review"));
        var timers = await TimersAsync("prefix-test");
        timers.Select(t => (t.Kind, t.State)).OrderBy(t => t.Kind).ShouldBe(
            [("document:expiry", TimerState.Running), ("document:filing", TimerState.Running), ("matter:review", TimerState.Running)]);

        // A later sync of the document without its expiry cancels that one timer only.
        await SyncAsync("document:", Spec("document:filing"));
        (await TimersAsync("prefix-test")).Select(t => (t.Kind, t.State)).OrderBy(t => t.Kind).ShouldBe(
            [("document:expiry", TimerState.Cancelled), ("document:filing", TimerState.Running), ("matter:review", TimerState.Running)]);
    }
}

public sealed class TimerJobTestsOnSqlite(SqliteFactory app) : TimerJobTests(app), IClassFixture<SqliteFactory>;

public sealed class TimerJobTestsOnPostgres(PostgresFactory app) : TimerJobTests(app), IClassFixture<PostgresFactory>;
