using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Audit;
using Fazhi.Web.Kernel.Modules;
using Fazhi.Web.Kernel.Timers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;

namespace Fazhi.Web.Kernel.Metrics;

/// <summary>
/// Write counters the figures cache is keyed by: one per module (its table prefix) and one for the Kernel tables the
/// figures read (org units, the holiday calendar…). <see cref="MetricWriteInterceptor"/> bumps them after every
/// committed write; a cached figure whose counters moved is never read again.
/// </summary>
public sealed class MetricVersions(IEnumerable<ModuleManifest> manifests)
{
    private const string Kernel = "";
    private readonly string[] _prefixes = [.. manifests.Where(m => m != ModuleRegistration.PlatformManifest).Select(m => m.TablePrefix)];
    private readonly ConcurrentDictionary<string, long> _versions = new(StringComparer.Ordinal);

    /// <summary>The counters a module's figures depend on: its own and the Kernel's.</summary>
    public string Of(string tablePrefix) => $"{_versions.GetValueOrDefault(tablePrefix)}.{_versions.GetValueOrDefault(Kernel)}";

    /// <summary>Marks the figures over these tables stale.</summary>
    public void Bump(IEnumerable<string> tables)
    {
        foreach (var key in tables.Select(t => _prefixes.FirstOrDefault(p => t.StartsWith(p, StringComparison.Ordinal)) ?? Kernel).Distinct())
            _versions.AddOrUpdate(key, 1, (_, v) => v + 1);
    }

    /// <summary>The counters as they stand (for tests and diagnostics).</summary>
    public long this[string tablePrefix] => _versions.GetValueOrDefault(tablePrefix);
}

/// <summary>
/// Notes the tables each save writes and bumps their counters once the write is committed (its own transaction or
/// the caller's), so a figure computed before the commit is cached under the old counters and never served after it.
/// Raw SQL writes (<c>ExecuteSqlRaw</c>, <c>ExecuteUpdate</c>, the ingestion's merge) name no entity: the tables they
/// write are read from the statement (<see cref="WrittenTables"/>); a write whose target cannot be read makes every
/// module's figures stale. Writes to tables no figure reads (timers, the audit chain, sign-in state) change nothing.
/// </summary>
public sealed partial class MetricWriteInterceptor(MetricVersions versions) : SaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    /// <summary>Stands for "some table" when a raw SQL statement wrote.</summary>
    private const string AnyTable = "*";

    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = [];

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(INSERT|UPDATE|DELETE|MERGE|TRUNCATE)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Writes();

    [System.Text.RegularExpressions.GeneratedRegex(
        @"\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|MERGE\s+INTO|TRUNCATE(?:\s+TABLE)?)\s+(?:ONLY\s+)?(?:[""`\[]?\w+[""`\]]?\.)?[""`\[]?(?<table>\w+)[""`\]]?",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Targets();

    /// <summary>The tables a raw statement writes (<c>UPDATE "sys_timers" …</c>, <c>INSERT INTO enf_records …</c>,
    /// <c>DELETE FROM …</c>, <c>MERGE INTO …</c>); null when it writes but its target cannot be read.</summary>
    public static IReadOnlyList<string>? WrittenTables(string sql)
    {
        if (!Writes().IsMatch(sql))
            return [];
        var tables = Targets().Matches(sql).Select(m => m.Groups["table"].Value).Distinct(StringComparer.Ordinal).ToList();
        return tables.Count == 0 ? null : tables;
    }

    private static readonly ConditionalWeakTable<Microsoft.EntityFrameworkCore.Metadata.IModel, HashSet<string>> IrrelevantTables = [];

    private static HashSet<string> IrrelevantTablesOf(DbContext context) => IrrelevantTables.GetValue(context.Model, model =>
        [.. model.GetEntityTypes().Where(t => IrrelevantType(t.ClrType)).Select(t => t.GetTableName()).OfType<string>()]);

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Raw(command, eventData.Context);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Raw(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Raw(DbCommand command, DbContext? context)
    {
        if (context is null)
            return;
        var written = WrittenTables(command.CommandText);
        if (written is { Count: 0 })
            return;
        var irrelevant = IrrelevantTablesOf(context);
        var tables = written is null ? [AnyTable] : written.Where(t => !irrelevant.Contains(t)).ToList();
        if (tables.Count == 0)
            return;
        lock (_pending)
            _pending.GetOrCreateValue(context).UnionWith(tables);
        FlushIfCommitted(context);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        FlushIfCommitted(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        FlushIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null)
            return;
        var tables = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !Irrelevant(e.Entity))
            .Select(e => e.Metadata.GetTableName())
            .OfType<string>();
        lock (_pending)
        {
            var set = _pending.GetOrCreateValue(context);
            set.UnionWith(tables);
        }
    }

    /// <summary>Rows no figure reads: the audit chain, sign-in state, sessions and the 登录日志, timers, role grants.</summary>
    private static bool Irrelevant(object entity) => IrrelevantType(entity.GetType());

    private static bool IrrelevantType(Type t) =>
        t == typeof(AuditEntry) || t == typeof(AppUser) || t == typeof(AppRole) || t == typeof(WorkTimer) || t == typeof(RolePermission)
        || t == typeof(KnownPermission) || t == typeof(IdentityUserToken<int>) || t == typeof(IdentityUserClaim<int>)
        || t == typeof(IdentityUserRole<int>) || t == typeof(IdentityUserLogin<int>) || t == typeof(IdentityRoleClaim<int>)
        || t == typeof(Access.SignIn.UserSession) || t == typeof(Access.SignIn.LoginLogEntry); // a session's last-seen time, sign-in attempts

    private void FlushIfCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
            Flush(context);
    }

    private void Flush(DbContext? context)
    {
        if (context is null)
            return;
        string[] tables;
        lock (_pending)
        {
            if (!_pending.TryGetValue(context, out var set) || set.Count == 0)
                return;
            tables = [.. set];
            set.Clear();
        }
        versions.Bump(tables);
    }
}

/// <summary>
/// The figures cache: one entry per (module, the caller's data scope, unit, period, today, write counters). The
/// caller's scope path is part of the key, so a figure is never served to a caller of another scope (the unit code
/// alone would not do: the same code names a different set of records for callers who see less). Concurrent misses
/// of one key share one computation. Entries expire after <see cref="Lifetime"/> even without a write: another
/// instance's writes do not reach this instance's counters, so that is how stale a figure can be with several instances.
/// </summary>
public sealed class MetricCache(MetricVersions versions, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 20_000, Clock = null });

    public async Task<T> GetOrComputeAsync<T>(string tablePrefix, ICurrentUser user, string key, Func<Task<T>> compute)
    {
        var scope = user.Scope.IsAll ? "*" : user.Scope.PathPrefix;
        var today = Dates.Today(clock);
        var fullKey = $"{tablePrefix}|{versions.Of(tablePrefix)}|{scope}|{Dates.Iso(today)}|{key}";
        Lazy<Task<T>> lazy;
        lock (_cache)
        {
            if (!_cache.TryGetValue(fullKey, out lazy!))
            {
                lazy = new Lazy<Task<T>>(compute);
                _cache.Set(fullKey, lazy, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
            }
        }
        try
        {
            return await lazy.Value;
        }
        catch
        {
            lock (_cache)
            {
                if (_cache.TryGetValue(fullKey, out Lazy<Task<T>>? current) && ReferenceEquals(current, lazy))
                    _cache.Remove(fullKey); // a failure (bad unit, cancelled request) is not kept
            }
            throw;
        }
    }

    public void Dispose() => _cache.Dispose();
}

public static class MetricRegistration
{
    /// <summary>The figures cache and the write counters that invalidate it (the interceptor is added to the DbContext).</summary>
    public static IServiceCollection AddMetricCache(this IServiceCollection services) =>
        services.AddSingleton<MetricVersions>().AddSingleton<MetricWriteInterceptor>().AddSingleton<MetricCache>();
}
