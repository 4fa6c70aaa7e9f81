using System.Linq.Expressions;
using System.Text.Json;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Audit;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Orgs;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Fazhi.Web.Data;

/// <summary>
/// The one DbContext. Two cross-cutting rules live here and nowhere else:
/// <list type="bullet">
/// <item>数据权限: every <see cref="IOrgOwned"/> entity (and the org tree itself) has a global query filter to
/// the caller's scope, and every write is checked against that scope before it is saved;</item>
/// <item>操作日志: every create, update and delete is written as an <see cref="AuditEntry"/> in the same
/// transaction, chained by SM3.</item>
/// </list>
/// Provider-specific subclasses exist only so that each provider has its own migrations.
/// </summary>
public abstract class FazhiDb : IdentityDbContext<AppUser, AppRole, int>
{
    private static readonly JsonSerializerOptions AuditJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Properties never copied into the audit log.</summary>
    private static readonly HashSet<string> SecretProperties =
        [nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp)];

    private readonly ICurrentUser _user;
    private readonly TimeProvider _clock;

    protected FazhiDb(DbContextOptions options, ICurrentUser user, TimeProvider clock) : base(options)
    {
        _user = user;
        _clock = clock;
    }

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();

    // Read by the query filters; EF Core evaluates them per context instance.
    private DataScope Scope => _user.Scope;
    private bool ScopeIsAll => _user.Scope.IsAll;
    private string ScopePath => _user.Scope.PathPrefix;

    public ICurrentUser Actor => _user;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FazhiDb).Assembly, t => t.Namespace?.StartsWith("Fazhi.Web", StringComparison.Ordinal) == true);

        builder.Entity<OrgUnit>().HasQueryFilter(o => ScopeIsAll || o.Path.StartsWith(ScopePath));
        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(IOrgOwned).IsAssignableFrom(t.ClrType)))
        {
            var method = typeof(FazhiDb).GetMethod(nameof(OrgFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entity.ClrType);
            builder.Entity(entity.ClrType).HasQueryFilter((LambdaExpression)method.Invoke(this, null)!);
        }
    }

    private Expression<Func<T, bool>> OrgFilter<T>() where T : IOrgOwned =>
        e => ScopeIsAll || OrgUnits.Any(o => o.Id == e.OrgUnitId && o.Path.StartsWith(ScopePath));

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var tracked = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (tracked.Any(e => e.Entity is AuditEntry && e.State != EntityState.Added))
            throw new InvalidOperationException("操作日志只能追加，不能修改或删除。");
        var audited = tracked.Where(e => e.Entity is not AuditEntry && e.Entity is not IdentityUserToken<int>).ToList();
        if (audited.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        await EnsureWritesInScopeAsync(audited, cancellationToken);
        var pending = audited.Select(e => new PendingAudit(e, e.State, e.State == EntityState.Added ? null : Snapshot(e, original: true))).ToList();

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var entries = pending.Select(p => new AuditEntry
            {
                UserName = _user.UserName,
                UserId = _user.UserId,
                Action = p.State switch
                {
                    EntityState.Added => AuditActions.Create,
                    EntityState.Deleted => AuditActions.Delete,
                    _ => AuditActions.Update,
                },
                EntityType = EntityName(p.Entry.Metadata.ClrType),
                EntityId = KeyOf(p.Entry),
                OrgUnitId = OrgOf(p.Entry.Entity) ?? _user.OrgUnitId,
                BeforeJson = p.Before,
                AfterJson = p.State == EntityState.Deleted ? null : Snapshot(p.Entry, original: false),
                RequestId = _user.RequestId,
                ClientAddress = _user.ClientAddress,
                PrevHash = "",
                Hash = "",
            }).ToList();
            await AppendAuditAsync(entries, cancellationToken);
            if (ownTransaction is not null)
                await ownTransaction.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            if (ownTransaction is not null)
                await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>Appends security events (logins, lockouts) that change no business record.</summary>
    public async Task AppendEventAsync(string action, string entityType, string? entityId, int? orgUnitId, string? detailJson,
        string? userName = null, CancellationToken ct = default)
    {
        var entry = new AuditEntry
        {
            UserName = userName ?? _user.UserName,
            UserId = _user.UserId,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            OrgUnitId = orgUnitId,
            AfterJson = detailJson,
            RequestId = _user.RequestId,
            ClientAddress = _user.ClientAddress,
            PrevHash = "",
            Hash = "",
        };
        await using var tx = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        await AppendAuditAsync([entry], ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
    }

    /// <summary>Takes the chain lock, then links and saves the entries. The lock is held to the end of the
    /// transaction, so two writers never link to the same predecessor.</summary>
    private async Task AppendAuditAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        await LockAuditChainAsync(ct);
        var last = await AuditEntries.AsNoTracking().OrderByDescending(a => a.Seq)
            .Select(a => new { a.Seq, a.Hash }).FirstOrDefaultAsync(ct);
        var seq = last?.Seq ?? 0;
        var prev = last?.Hash ?? AuditChain.Genesis;
        var now = TruncateToMilliseconds(_clock.GetUtcNow().UtcDateTime);
        foreach (var entry in entries)
        {
            entry.Seq = ++seq;
            entry.AtUtc = now;
            entry.PrevHash = prev;
            entry.Hash = AuditChain.ComputeHash(entry);
            prev = entry.Hash;
        }
        AuditEntries.AddRange(entries);
        await base.SaveChangesAsync(true, ct);
    }

    /// <summary>Serialises writers of the audit chain. SQLite transactions already hold the write lock
    /// (Microsoft.Data.Sqlite begins them IMMEDIATE); PostgreSQL needs an advisory lock.</summary>
    protected abstract Task LockAuditChainAsync(CancellationToken ct);

    private static DateTime TruncateToMilliseconds(DateTime t) =>
        new(t.Ticks - t.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    private async Task EnsureWritesInScopeAsync(List<EntityEntry> entries, CancellationToken ct)
    {
        var scope = Scope;
        if (scope.IsAll)
            return;
        var orgIds = new HashSet<int>();
        foreach (var e in entries)
        {
            switch (e.Entity)
            {
                case OrgUnit unit:
                    if (!scope.Contains(unit.Path) ||
                        (e.State != EntityState.Added && !scope.Contains((string)e.Property(nameof(OrgUnit.Path)).OriginalValue!)))
                        throw new OutOfScopeException("机构不存在或不在您的数据权限范围内。");
                    break;
                case AppUser user when IsIdentityBookkeeping(e, user):
                    break;
                case AppUser user:
                    if (user.OrgUnitId is null)
                        throw new OutOfScopeException("只有平台管理员可以管理不属于任何机构的用户。");
                    orgIds.Add(user.OrgUnitId.Value);
                    if (e.State == EntityState.Modified && e.Property(nameof(AppUser.OrgUnitId)).OriginalValue is int oldUserOrg)
                        orgIds.Add(oldUserOrg);
                    break;
                case IOrgOwned owned:
                    orgIds.Add(owned.OrgUnitId);
                    if (e.State == EntityState.Modified && e.Property(nameof(IOrgOwned.OrgUnitId)).OriginalValue is int oldOrg)
                        orgIds.Add(oldOrg);
                    break;
            }
        }
        if (orgIds.Count == 0)
            return;
        var paths = await OrgUnits.IgnoreQueryFilters().AsNoTracking()
            .Where(o => orgIds.Contains(o.Id)).Select(o => o.Path).ToListAsync(ct);
        if (paths.Count != orgIds.Count || paths.Any(p => !scope.Contains(p)))
            throw new OutOfScopeException("记录所属机构不存在或不在您的数据权限范围内。");
    }

    /// <summary>Identity's own updates (failed-login count, lockout, a user changing their own password) are made
    /// before or without a scope and touch nothing but these columns.</summary>
    private bool IsIdentityBookkeeping(EntityEntry e, AppUser user)
    {
        if (e.State != EntityState.Modified)
            return false;
        string[] bookkeeping = user.Id == _user.UserId
            ? [nameof(AppUser.AccessFailedCount), nameof(AppUser.LockoutEnd), nameof(AppUser.ConcurrencyStamp), nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp)]
            : [nameof(AppUser.AccessFailedCount), nameof(AppUser.LockoutEnd), nameof(AppUser.ConcurrencyStamp)];
        // Identity's store calls Update(), which flags every column; compare values to see what really changed.
        return e.Properties.Where(p => !Equals(p.OriginalValue, p.CurrentValue)).All(p => bookkeeping.Contains(p.Metadata.Name));
    }

    /// <summary><c>IdentityUserRole`1</c> → <c>IdentityUserRole</c>.</summary>
    private static string EntityName(Type type) => type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;

    private static int? OrgOf(object entity) => entity switch
    {
        OrgUnit unit => unit.Id,
        AppUser user => user.OrgUnitId,
        IOrgOwned owned => owned.OrgUnitId,
        _ => null,
    };

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
            return null;
        return string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in entry.Properties)
        {
            if (SecretProperties.Contains(p.Metadata.Name))
                continue;
            values[p.Metadata.Name] = original ? p.OriginalValue : p.CurrentValue;
        }
        return JsonSerializer.Serialize(values, AuditJson);
    }

    private sealed record PendingAudit(EntityEntry Entry, EntityState State, string? Before);
}
