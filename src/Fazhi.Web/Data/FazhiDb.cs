using System.Linq.Expressions;
using System.Text.Json;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Audit;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Timers;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

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
    public static readonly IReadOnlySet<string> SecretProperties = new HashSet<string>(StringComparer.Ordinal)
        { nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp) };

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
    public DbSet<WorkTimer> WorkTimers => Set<WorkTimer>();
    public DbSet<RolePermission> RolePermissions => Set<RolePermission>();
    public DbSet<KnownPermission> KnownPermissions => Set<KnownPermission>();

    public TimeProvider Clock => _clock;

    /// <summary>机构目录: names, codes and paths of any unit, read once per context.</summary>
    public OrgDirectory Orgs => _orgs ??= new OrgDirectory(this);

    private OrgDirectory? _orgs;

    // Read by the query filters; EF Core evaluates them per context instance.
    private DataScope Scope => _user.Scope;
    private bool ScopeIsAll => _user.Scope.IsAll;
    private string ScopePath => _user.Scope.PathPrefix;

    public ICurrentUser Actor => _user;

    private Kernel.Security.FieldCipher? _fields;

    /// <summary>The SM4 field keys of the application that created this context (<see cref="Kernel.Security.FieldCipher.None"/>
    /// for one built by tooling): the model's converters and the blind indexes use them.</summary>
    public Kernel.Security.FieldCipher Fields => _fields ??=
        Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions>(this).FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()
            ?.ApplicationServiceProvider?.GetService<Kernel.Security.FieldCipher>() ?? Kernel.Security.FieldCipher.None;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every stored DateTime is UTC; SQLite would otherwise hand them back as Kind=Unspecified.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FazhiDb).Assembly, t => t.Namespace?.StartsWith("Fazhi.Web", StringComparison.Ordinal) == true);
        Kernel.Security.EncryptedFields.Apply(builder, Fields); // [Encrypted] properties: SM4 converter, blind index column

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
        Kernel.Security.EncryptedFields.StampIndexes(ChangeTracker, Fields);
        var tracked = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (tracked.Any(e => e.Entity is AuditEntry && e.State != EntityState.Added))
            throw new InvalidOperationException("操作日志只能追加，不能修改或删除。");
        await EnsureWritesInScopeAsync(tracked.Where(e => e.Entity is not AuditEntry).ToList(), cancellationToken);
        // Timer rows are derived from the records' audited facts by the deadline rules: auditing them would only repeat.
        var audited = tracked.Where(e => e.Entity is not AuditEntry and not IdentityUserToken<int> and not WorkTimer &&
            !(e.Entity is IDerivedOnCreate && e.State == EntityState.Added)).ToList();
        if (audited.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var pending = audited.Select(e => new PendingAudit(e, e.State, e.State == EntityState.Added ? null : Snapshot(e, original: true))).ToList();

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // Writers take the chain lock before touching any row, so two transactions never wait on each other's
            // rows while one holds the lock (no lock-order deadlock on PostgreSQL).
            await AcquireWriteLockAsync(cancellationToken);
            // Accepted at once so that the audit rows below are saved alone (a second save of un-accepted changes
            // would insert them twice). If appending fails the transaction rolls back and the request fails with it;
            // a context is never reused after a failed save (one per request or job run).
            var count = await base.SaveChangesAsync(true, cancellationToken);
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
            UserName = Truncate(userName ?? _user.UserName, 64),
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
        await AcquireWriteLockAsync(ct);
        var last = await AuditEntries.AsNoTracking().OrderByDescending(a => a.Seq)
            .Select(a => new { a.Seq, a.Hash }).FirstOrDefaultAsync(ct);
        var seq = last?.Seq ?? 0;
        var prev = last?.Hash ?? AuditChain.Genesis;
        var now = TruncateToMilliseconds(_clock.GetUtcNow().UtcDateTime);
        var key = this.GetService<AuditKeys>().ChainKey; // HMAC-SM3, key outside the database (ADR 0008)
        foreach (var entry in entries)
        {
            entry.Seq = ++seq;
            entry.AtUtc = now;
            entry.PrevHash = prev;
            entry.HashVersion = AuditChain.KeyedSm3;
            entry.Hash = AuditChain.ComputeHash(entry, key)!;
            prev = entry.Hash;
        }
        AuditEntries.AddRange(entries);
        await base.SaveChangesAsync(false, ct);
        foreach (var entry in entries)
            Entry(entry).State = EntityState.Detached; // appended for good; nothing tracks them further
    }

    /// <summary>Serialises writers of the audit chain. SQLite transactions already hold the write lock
    /// (Microsoft.Data.Sqlite begins them IMMEDIATE); PostgreSQL needs an advisory lock.</summary>
    protected abstract Task LockAuditChainAsync(CancellationToken ct);

    /// <summary>Takes the write lock of the audit chain for the current transaction (a no-op outside one on SQLite,
    /// where the transaction itself holds the database's write lock). Call it first in a transaction that mixes
    /// set-based updates with audited saves.</summary>
    public Task AcquireWriteLockAsync(CancellationToken ct)
    {
        // Once per transaction: a save inside a transaction that already holds it (a timer batch, an ingestion) makes
        // no further round trip.
        var tx = Database.CurrentTransaction;
        if (tx is not null && ReferenceEquals(tx, _chainLockedIn))
            return Task.CompletedTask;
        _chainLockedIn = tx;
        return LockAuditChainAsync(ct);
    }

    private object? _chainLockedIn;

    /// <summary>Set by the sign-in code while Identity checks a password: it may then also rehash the password
    /// (after an iteration-count upgrade) for a caller who is not signed in yet.</summary>
    public bool SigningIn { get; set; }

    private static DateTime TruncateToMilliseconds(DateTime t) =>
        new(t.Ticks - t.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    private async Task EnsureWritesInScopeAsync(List<EntityEntry> entries, CancellationToken ct)
    {
        var scope = Scope;
        if (scope.IsAll)
            return;
        var orgIds = new HashSet<int>();
        var userIds = new HashSet<int>();
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
                case IPlatformWide or AppRole or IdentityRoleClaim<int>:
                    throw new OutOfScopeException("工作日历、文书模板和角色定义对全平台生效，只有平台管理员可以修改。");
                case IdentityUserRole<int> link:
                    userIds.Add(link.UserId);
                    break;
                case IdentityUserClaim<int> or IdentityUserLogin<int>:
                    throw new OutOfScopeException("只有平台管理员可以修改用户的外部登录和声明。");
                case IDerivedOnCreate derived when e.State == EntityState.Added || derived.ChangedByRules:
                    // Raised (or closed) by the platform's rules about data already in the database (a repeat-inspection
                    // warning lands on the other department's record): not a write of the caller's.
                    break;
                case IOrgOwned owned:
                    orgIds.Add(owned.OrgUnitId);
                    if (e.State == EntityState.Modified && e.Property(nameof(IOrgOwned.OrgUnitId)).OriginalValue is int oldOrg)
                        orgIds.Add(oldOrg);
                    break;
            }
        }
        if (userIds.Count > 0)
        {
            // A role may be given or taken only for a user whose unit is in scope (never a platform-wide user).
            var tracked = entries.Select(x => x.Entity).OfType<AppUser>().ToDictionary(u => u.Id);
            var stored = await Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.OrgUnitId }).ToListAsync(ct);
            foreach (var id in userIds)
            {
                var org = tracked.TryGetValue(id, out var t) ? t.OrgUnitId : stored.FirstOrDefault(u => u.Id == id)?.OrgUnitId;
                if (org is null)
                    throw new OutOfScopeException("用户不存在或不在您的数据权限范围内。");
                orgIds.Add(org.Value);
            }
        }
        if (orgIds.Count == 0)
            return;
        var paths = await OrgUnits.WholeOrgTree().AsNoTracking()
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
        string[] bookkeeping = user.Id == _user.UserId || SigningIn
            ? [nameof(AppUser.AccessFailedCount), nameof(AppUser.LockoutEnd), nameof(AppUser.ConcurrencyStamp), nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp)]
            : [nameof(AppUser.AccessFailedCount), nameof(AppUser.LockoutEnd), nameof(AppUser.ConcurrencyStamp)];
        // Identity's store calls Update(), which flags every column; compare values to see what really changed.
        return e.Properties.Where(p => !Equals(p.OriginalValue, p.CurrentValue)).All(p => bookkeeping.Contains(p.Metadata.Name));
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    private static string EntityName(Type type) => AuditNames.EntityName(type);

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

    private string Snapshot(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        var words = entry.Context.GetService<AuditReader>().Words(EntityName(entry.Metadata.ClrType));
        foreach (var p in entry.Properties)
        {
            if (SecretProperties.Contains(p.Metadata.Name) || Kernel.Security.EncryptedFields.IsBlindIndex(p.Metadata))
                continue;
            // Never plaintext in the log: an encrypted field keeps its ciphertext (the reader decrypts to mask, or with
            // the permission to show it); another personal field is masked as lists show it (SensitiveProperties).
            var value = original ? p.OriginalValue : p.CurrentValue;
            values[p.Metadata.Name] = Kernel.Security.EncryptedAttribute.IsOn(p.Metadata.PropertyInfo)
                ? AuditCiphertext(value as string)
                : SensitiveProperties.Protect(AuditSnapshot.ValueOf(value), p.Metadata.PropertyInfo, words?.Fields.GetValueOrDefault(p.Metadata.Name)?.Personal ?? PersonalDataKind.None);
        }
        return JsonSerializer.Serialize(values, AuditJson);
    }

    /// <summary>The log keeps an encrypted field encrypted (never its plaintext; the reader decrypts to mask or, with
    /// the permission, to show it). One ciphertext per value and context, so an unchanged value reads as unchanged.</summary>
    private string? AuditCiphertext(string? value)
    {
        if (value is null)
            return null;
        _auditCiphertexts ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (!_auditCiphertexts.TryGetValue(value, out var stored))
            _auditCiphertexts[value] = stored = Fields.Encrypt(value);
        return stored;
    }

    private Dictionary<string, string>? _auditCiphertexts;

    private sealed record PendingAudit(EntityEntry Entry, EntityState State, string? Before);
}
