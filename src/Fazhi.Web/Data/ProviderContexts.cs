using Fazhi.Web.Kernel.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fazhi.Web.Data;

/// <summary>The model on SQLite (the embedded default). Migrations in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteFazhiDb : FazhiDb
{
    /// <summary>
    /// Every save runs in a transaction of its own, even a single statement. Left to EF, a one-statement save runs in
    /// autocommit mode as <c>INSERT … RETURNING</c>, which SQLite commits when the reader is disposed; a busy database at
    /// that point is not retried by Microsoft.Data.Sqlite, so concurrent sign-ins (each writing its 登录日志 row alone)
    /// failed at once with "database is locked". <c>BEGIN IMMEDIATE</c> and <c>COMMIT</c> are retried up to the command
    /// timeout.
    /// </summary>
    public SqliteFazhiDb(DbContextOptions<SqliteFazhiDb> options, ICurrentUser user, TimeProvider clock)
        : base(options, user, clock) =>
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;

    protected override Task LockAuditChainAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Migrating a new database printed six English warnings before the start-up banner, both kinds expected of SQLite
    /// and harmless in these migrations, so they are logged at Debug: SQLite cannot alter or drop a column, so EF
    /// rebuilds the table (copy, drop, rename) at the end of the migration, and (1) warns of each SQL statement of the
    /// same migration run while that rebuild is pending (EnforcementFigures drops enf_officers.training, then its
    /// statements create the plan roll-up's triggers on other tables), and (2) warns that the rebuild's
    /// <c>PRAGMA foreign_keys = 0</c> runs outside the transaction, which SQLite requires of that pragma.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ConfigureWarnings(w => w.Log(
            (SqliteEventId.TableRebuildPendingWarning, LogLevel.Debug),
            (RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug)));
}

/// <summary>The model on PostgreSQL (production). Migrations in <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresFazhiDb(DbContextOptions<PostgresFazhiDb> options, ICurrentUser user, TimeProvider clock)
    : FazhiDb(options, user, clock)
{
    /// <summary>An arbitrary constant naming the audit chain's advisory lock.</summary>
    private const long AuditChainLockKey = 0x46415A4849;

    protected override Task LockAuditChainAsync(CancellationToken ct) =>
        Database.CurrentTransaction is null
            ? Task.CompletedTask
            : Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditChainLockKey})", ct);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // "C" compares bytes: prefix LIKE can use the btree index, and '/' and '-' are not ignored when sorting paths.
        builder.Entity<Fazhi.Web.Kernel.Orgs.OrgUnit>().Property(o => o.Path).UseCollation("C");
        builder.Entity<Fazhi.Web.Kernel.Orgs.OrgUnit>().Property(o => o.Code).UseCollation("C");
    }
}

/// <summary>Used only by <c>dotnet ef migrations add --context SqliteFazhiDb</c>.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFazhiDb>
{
    public SqliteFazhiDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFazhiDb>().UseSqlite("Data Source=design.db").Options, SystemActor.Instance, TimeProvider.System);
}

/// <summary>Used only by <c>dotnet ef migrations add --context PostgresFazhiDb</c>.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFazhiDb>
{
    public PostgresFazhiDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFazhiDb>().UseNpgsql("Host=localhost;Database=fazhi_design").Options, SystemActor.Instance, TimeProvider.System);
}
