using System.Globalization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Modules.Hotline.Domain;
using Fazhi.Web.Modules.Hotline.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fazhi.Web.Modules.Hotline.Data;

/// <summary>What one maintenance pass did: the partitions it created and the rows it moved out of DEFAULT.</summary>
public sealed record PartitionPass(IReadOnlyList<string> Created, long RowsMoved);

/// <summary>
/// PostgreSQL: <c>hl_tickets</c> is partitioned by month on its id (ADR 0010, ADR 0011; the migration
/// <c>HotlinePartitions</c> converted it). This keeps the partitions ahead of the calendar: every month from last month to
/// <see cref="MonthsAhead"/> months ahead (China time) has its <c>hl_tickets_yyyyMM</c>, and a month that landed in
/// <c>hl_tickets_default</c> (a ticket first received long ago, imported late) gets its own partition with those rows
/// moved into it. Under the hotline advisory lock (no batch is being written meanwhile), in one transaction. Does
/// nothing on SQLite or while the table is not partitioned.
/// </summary>
public sealed class TicketPartitions(FazhiDb db, TimeProvider clock)
{
    public const int MonthsAhead = 3;
    public const string Default = "hl_tickets_default";

    public static string NameOf(int yyyymm) => "hl_tickets_" + yyyymm.ToString(CultureInfo.InvariantCulture);

    public static int NextMonth(int yyyymm) => yyyymm % 100 == 12 ? (yyyymm / 100 + 1) * 100 + 1 : yyyymm + 1;

    public static int AddMonths(int yyyymm, int months)
    {
        var d = new DateOnly(yyyymm / 100, yyyymm % 100, 1).AddMonths(months);
        return d.Year * 100 + d.Month;
    }

    public static bool IsMonth(long yyyymm) => yyyymm is >= 190001 and <= 299912 && yyyymm % 100 is >= 1 and <= 12;

    public async Task<bool> IsPartitionedAsync(CancellationToken ct) =>
        TicketStore.IsPostgres(db) && await ScalarAsync<long>(
            "SELECT COUNT(*) FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid WHERE c.relname = 'hl_tickets' AND c.relnamespace = current_schema()::regnamespace", ct) > 0;

    /// <summary>The monthly partitions present (yyyyMM), from their names.</summary>
    public async Task<SortedSet<int>> MonthsAsync(CancellationToken ct)
    {
        var names = await db.Database.SqlQueryRaw<string>("""
            SELECT c.relname AS "Value" FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
            WHERE p.relname = 'hl_tickets' AND p.relnamespace = current_schema()::regnamespace
            """).ToListAsync(ct);
        return [.. names.Where(n => n.StartsWith("hl_tickets_", StringComparison.Ordinal) && int.TryParse(n["hl_tickets_".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(n => int.Parse(n["hl_tickets_".Length..], CultureInfo.InvariantCulture))];
    }

    public async Task<PartitionPass> EnsureAsync(CancellationToken ct)
    {
        if (!await IsPartitionedAsync(ct))
            return new([], 0);
        var china = ChinaTime.ToChina(clock.GetUtcNow().UtcDateTime);
        var current = china.Year * 100 + china.Month;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await TicketStore.LockAsync(db, ct);
        var present = await MonthsAsync(ct);
        var stray = await db.Database.SqlQueryRaw<long>($"SELECT DISTINCT id / 10000000000 AS \"Value\" FROM {Default}").ToListAsync(ct); // HotlineTicket.MonthFactor
        var wanted = Enumerable.Range(-1, MonthsAhead + 2).Select(k => AddMonths(current, k))
            .Concat(stray.Where(IsMonth).Select(m => (int)m)).Where(m => !present.Contains(m)).Distinct().Order().ToList();
        var created = new List<string>();
        long moved = 0;
        foreach (var month in wanted)
        {
            var (lo, hi) = (HotlineTicket.FirstIdOf(month), HotlineTicket.FirstIdOf(NextMonth(month)));
            var name = NameOf(month);
            if (stray.Contains(month))
            {
                // Rows of this month sit in DEFAULT: a partition cannot be created over them, so DEFAULT is detached,
                // the month's partition created, its rows moved, and DEFAULT attached again (all in this transaction).
                await ExecAsync($"ALTER TABLE hl_tickets DETACH PARTITION {Default}", ct);
                await ExecAsync($"CREATE TABLE {name} PARTITION OF hl_tickets FOR VALUES FROM ({lo}) TO ({hi})", ct);
                moved += await ExecAsync($"INSERT INTO {name} SELECT * FROM {Default} WHERE id >= {lo} AND id < {hi}", ct);
                await ExecAsync($"DELETE FROM {Default} WHERE id >= {lo} AND id < {hi}", ct);
                await ExecAsync($"ALTER TABLE hl_tickets ATTACH PARTITION {Default} DEFAULT", ct);
            }
            else
                await ExecAsync($"CREATE TABLE {name} PARTITION OF hl_tickets FOR VALUES FROM ({lo}) TO ({hi})", ct);
            created.Add(name);
        }
        await tx.CommitAsync(ct);
        return new(created, moved);
    }

    private async Task<int> ExecAsync(string sql, CancellationToken ct)
    {
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = sql;
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            cmd.CommandText = sql;
            return (T)Convert.ChangeType((await cmd.ExecuteScalarAsync(ct))!, typeof(T), CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
