using System.Data.Common;
using Fazhi.Web.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Fazhi.Web.Modules.Enforcement.Import;

/// <summary>
/// The set-based write path of a batch: rows go into a temporary staging table (PostgreSQL: binary COPY; SQLite: one
/// prepared INSERT reused per row), then one <c>INSERT … SELECT … ON CONFLICT (org_unit_id, source_id) DO UPDATE</c>
/// merges them, so a re-sent record updates its row and never duplicates it. Runs inside the caller's transaction.
/// The staging bypasses EF's converters: the encrypted 身份证号 and its blind index are written here (ADR 0009).
/// </summary>
internal static class RecordStore
{
    private const string StageColumns =
        "org_unit_id, source_id, kind, item_code, item_id, target_kind, target_name, target_credit_code, target_id_number, target_id_number_index, officers, " +
        "officer_count, opened_on, decided_on, closed_on, counted_on, amount_fen, circumstance, legal_review_done, major, published_on, lenient";

    private static bool IsPostgres(FazhiDb db) => db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    public static async Task StageAsync(FazhiDb db, IReadOnlyList<EnforcementRecord> rows, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var tx = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("staging needs a transaction");
        if (IsPostgres(db))
        {
            await ExecAsync(connection, tx, """
                CREATE TEMP TABLE IF NOT EXISTS enf_stage (org_unit_id int, source_id varchar(64), kind varchar(16), item_code varchar(64),
                  item_id bigint, target_kind varchar(16), target_name varchar(200), target_credit_code varchar(18), target_id_number text,
                  target_id_number_index varchar(32), officers varchar(400), officer_count int, opened_on date, decided_on date, closed_on date, counted_on date, amount_fen bigint,
                  circumstance varchar(32), legal_review_done boolean, major boolean, published_on date, lenient boolean) ON COMMIT DROP
                """, ct);
            await using var copy = await ((NpgsqlConnection)connection).BeginBinaryImportAsync($"COPY enf_stage ({StageColumns}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var r in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(r.OrgUnitId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.SourceId, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.Kind.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.ItemCode, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, r.ItemId, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(r.TargetKind.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.TargetName, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, r.TargetCreditCode, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, r.TargetIdNumber is null ? null : db.Fields.Encrypt(r.TargetIdNumber), NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, db.Fields.IndexOf(r.TargetIdNumber), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.Officers, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.OfficerCount, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.OpenedOn, NpgsqlDbType.Date, ct);
                await WriteNullableAsync(copy, r.DecidedOn, NpgsqlDbType.Date, ct);
                await WriteNullableAsync(copy, r.ClosedOn, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(r.CountedOn, NpgsqlDbType.Date, ct);
                await WriteNullableAsync(copy, r.AmountFen, NpgsqlDbType.Bigint, ct);
                await WriteNullableAsync(copy, r.Circumstance, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.LegalReviewDone, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(r.Major, NpgsqlDbType.Boolean, ct);
                await WriteNullableAsync(copy, r.PublishedOn, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(r.Lenient, NpgsqlDbType.Boolean, ct);
            }
            await copy.CompleteAsync(ct);
            return;
        }

        await ExecAsync(connection, tx, $"CREATE TEMP TABLE IF NOT EXISTS enf_stage ({StageColumns})", ct);
        await ExecAsync(connection, tx, "DELETE FROM enf_stage", ct);
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        var names = StageColumns.Split(", ");
        insert.CommandText = $"INSERT INTO enf_stage ({StageColumns}) VALUES ({string.Join(", ", names.Select(n => "@" + n))})";
        var p = names.ToDictionary(n => n, n => { var x = insert.CreateParameter(); x.ParameterName = "@" + n; insert.Parameters.Add(x); return x; });
        await insert.PrepareAsync(ct);
        foreach (var r in rows)
        {
            p["org_unit_id"].Value = r.OrgUnitId;
            p["source_id"].Value = r.SourceId;
            p["kind"].Value = r.Kind.ToString();
            p["item_code"].Value = r.ItemCode;
            p["item_id"].Value = (object?)r.ItemId ?? DBNull.Value;
            p["target_kind"].Value = r.TargetKind.ToString();
            p["target_name"].Value = r.TargetName;
            p["target_credit_code"].Value = (object?)r.TargetCreditCode ?? DBNull.Value;
            p["target_id_number"].Value = r.TargetIdNumber is null ? DBNull.Value : (object)db.Fields.Encrypt(r.TargetIdNumber);
            p["target_id_number_index"].Value = (object?)db.Fields.IndexOf(r.TargetIdNumber) ?? DBNull.Value;
            p["officers"].Value = r.Officers;
            p["officer_count"].Value = r.OfficerCount;
            p["opened_on"].Value = Day(r.OpenedOn);
            p["decided_on"].Value = Day(r.DecidedOn);
            p["closed_on"].Value = Day(r.ClosedOn);
            p["counted_on"].Value = Day(r.CountedOn);
            p["amount_fen"].Value = (object?)r.AmountFen ?? DBNull.Value;
            p["circumstance"].Value = (object?)r.Circumstance ?? DBNull.Value;
            p["legal_review_done"].Value = r.LegalReviewDone ? 1 : 0;
            p["major"].Value = r.Major ? 1 : 0;
            p["published_on"].Value = Day(r.PublishedOn);
            p["lenient"].Value = r.Lenient ? 1 : 0;
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Namespace of the batch locks (the first key of PostgreSQL's two-key advisory locks; the audit chain's
    /// lock uses the one-key form, so the two never collide).</summary>
    private const int DepartmentLock = 0x46_5A_01, EnterpriseLock = 0x46_5A_02;

    /// <summary>
    /// The locks a batch holds from its merge to its commit, instead of the audit chain's global lock, so that batches of
    /// different departments overlap:
    /// <list type="bullet">
    /// <item>the department's: one batch at a time per department keeps its sourceIds and its monthly roll-up consistent;</item>
    /// <item>each inspected enterprise's, taken in one sorted pass (no lock-order deadlock between batches): two batches
    /// that inspect the same enterprise run one after the other, so the later one sees the earlier one's visits and the
    /// repeat-inspection rule (ZF07) cannot miss a pair that arrived at the same moment.</item>
    /// </list>
    /// The audit chain's lock is taken last, only around the warnings and the batch row. SQLite needs none of this: its
    /// transactions hold the database's write lock.
    /// </summary>
    public static async Task LockForBatchAsync(FazhiDb db, int departmentId, CancellationToken ct)
    {
        if (!IsPostgres(db))
            return;
        var connection = db.Database.GetDbConnection();
        var tx = db.Database.CurrentTransaction!.GetDbTransaction();
        await ExecAsync(connection, tx, $"SELECT pg_advisory_xact_lock({DepartmentLock}, {departmentId})", ct);
        await ExecAsync(connection, tx, $"""
            SELECT pg_advisory_xact_lock({EnterpriseLock}, k) FROM (
              SELECT DISTINCT hashtext(target_credit_code) AS k FROM enf_stage WHERE kind = 'Inspection' AND target_credit_code IS NOT NULL ORDER BY 1) s
            """, ct);
    }

    /// <summary>The id the batch row will have: the merge stamps it on the records before the row itself is written at
    /// the end (under the audit chain's lock). PostgreSQL: the identity sequence; SQLite: one past the largest (its
    /// transaction holds the write lock, so nobody else can take the same).</summary>
    public static async Task<long> ReserveBatchIdAsync(FazhiDb db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        cmd.CommandText = IsPostgres(db)
            ? "SELECT nextval(pg_get_serial_sequence('enf_batches', 'Id'))"
            : "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'enf_batches'), 0), COALESCE((SELECT MAX(\"Id\") FROM enf_batches), 0)) + 1";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A stored record that the batch re-sends, as it was before: the day it counted on (for the roll-up) and,
    /// for an enterprise inspection, the visit (for the repeat-inspection warnings it may have caused).</summary>
    public sealed record Previous(string SourceId, DateOnly CountedOn, string? VisitedCode, DateOnly OpenedOn);

    /// <summary>The staged rows that are already stored, as they are before the merge.</summary>
    public static async Task<List<Previous>> ExistingAsync(FazhiDb db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        cmd.CommandText = """
            SELECT r.source_id, r.counted_on, CASE WHEN r.kind = 'Inspection' THEN r.target_credit_code END, r.opened_on
            FROM enf_stage s JOIN enf_records r ON r.org_unit_id = s.org_unit_id AND r.source_id = s.source_id
            """;
        var result = new List<Previous>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result.Add(new Previous(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetFieldValue<DateOnly>(3)));
        return result;
    }

    private static readonly string[] FlagColumns = ["legal_review_done", "major", "lenient"];

    /// <summary>What 修改记录 shows for a changed encrypted field: that it changed, never its value.</summary>
    public const string EncryptedBefore = "（加密保存）", EncryptedAfter = "（已更改，加密保存）";

    /// <summary>修改记录: for every staged row that re-sends a stored record, one <c>enf_record_history</c> row per field
    /// whose value changes (before and after as text), in one <c>INSERT … SELECT</c> joining the staging table to the
    /// stored rows, run before the merge overwrites them. Fields that stay the same write nothing; a batch of new records
    /// does not call it.</summary>
    public static async Task<int> KeepBeforeImagesAsync(FazhiDb db, long batchId, DateTime nowUtc, string changedBy, CancellationToken ct)
    {
        var postgres = IsPostgres(db);
        // 身份证号 is stored encrypted (SM4, a new ciphertext per write): whether it changed is read from its blind index,
        // and the history says only that it changed — it must never hold what field encryption protects in the record.
        string Text(string column) => FlagColumns.Any(column.EndsWith)
            ? $"CASE WHEN {column} THEN '1' WHEN NOT {column} THEN '0' END"
            : $"CAST({column} AS TEXT)";
        var differs = postgres ? "IS DISTINCT FROM" : "IS NOT";
        const string Join = "FROM enf_stage s JOIN enf_records r ON r.org_unit_id = s.org_unit_id AND r.source_id = s.source_id";
        var selects = StageColumns.Split(", ").Where(c => c is not ("org_unit_id" or "source_id" or "target_id_number" or "target_id_number_index")).Select(c => $"""
            SELECT r.id, r.org_unit_id, @batch, @now, @by, '{c}', {Text("r." + c)}, {Text("s." + c)}
            {Join}
            WHERE r.{c} {differs} s.{c}
            """).Append($"""
            SELECT r.id, r.org_unit_id, @batch, @now, @by, 'target_id_number', '{EncryptedBefore}', '{EncryptedAfter}'
            {Join}
            WHERE r.target_id_number_index {differs} s.target_id_number_index
            """);
        var connection = db.Database.GetDbConnection();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        cmd.CommandText = "INSERT INTO enf_record_history (record_id, org_unit_id, batch_id, changed_at_utc, changed_by, field, before_value, after_value)\n"
            + string.Join("\nUNION ALL\n", selects);
        foreach (var (name, value) in new (string, object)[] { ("@batch", batchId), ("@now", nowUtc), ("@by", changedBy) })
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One statement: insert the new, update the re-sent (the first receipt time is kept). Answers the id of
    /// every merged row by its sourceId.</summary>
    public static async Task<Dictionary<string, long>> MergeAsync(FazhiDb db, long batchId, DateTime nowUtc, CancellationToken ct)
    {
        var updates = string.Join(", ", StageColumns.Split(", ").Where(c => c is not ("org_unit_id" or "source_id")).Select(c => $"{c} = excluded.{c}"));
        var connection = db.Database.GetDbConnection();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        cmd.CommandText = $"""
            INSERT INTO enf_records ({StageColumns}, batch_id, received_at_utc, updated_at_utc)
            SELECT {StageColumns}, @batch, @now, @now FROM enf_stage WHERE true
            ON CONFLICT (org_unit_id, source_id) DO UPDATE SET {updates}, batch_id = excluded.batch_id, updated_at_utc = excluded.updated_at_utc
            RETURNING id, source_id
            """;
        var batch = cmd.CreateParameter();
        batch.ParameterName = "@batch";
        batch.Value = batchId;
        cmd.Parameters.Add(batch);
        var now = cmd.CreateParameter();
        now.ParameterName = "@now";
        now.Value = nowUtc;
        cmd.Parameters.Add(now);
        var ids = new Dictionary<string, long>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            ids[reader.GetString(1)] = reader.GetInt64(0);
        return ids;
    }

    /// <summary>Recomputes the monthly roll-up of one department for the months from <paramref name="from"/> to
    /// <paramref name="to"/> (inclusive, first days of months) from the records themselves.</summary>
    public static async Task RollUpAsync(FazhiDb db, int orgUnitId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var month = IsPostgres(db)
            ? "(EXTRACT(YEAR FROM counted_on)::int * 100 + EXTRACT(MONTH FROM counted_on)::int)"
            : "(CAST(substr(counted_on, 1, 4) AS INTEGER) * 100 + CAST(substr(counted_on, 6, 2) AS INTEGER))";
        var end = to.AddMonths(1);
#pragma warning disable EF1002 // the only interpolated text is the provider's month expression above, never input
        await db.Database.ExecuteSqlRawAsync("DELETE FROM enf_record_months WHERE org_unit_id = {0} AND month >= {1} AND month <= {2}",
            [orgUnitId, from.Year * 100 + from.Month, to.Year * 100 + to.Month], ct);
        await db.Database.ExecuteSqlRawAsync($$"""
            INSERT INTO enf_record_months (org_unit_id, month, kind, records, lenient, enterprises, amount_fen)
            SELECT org_unit_id, {{month}}, kind, COUNT(*), SUM(CASE WHEN lenient THEN 1 ELSE 0 END),
                   SUM(CASE WHEN target_kind = 'Enterprise' THEN 1 ELSE 0 END), COALESCE(SUM(amount_fen), 0)
            FROM enf_records WHERE org_unit_id = {0} AND counted_on >= {1} AND counted_on < {2}
            GROUP BY org_unit_id, {{month}}, kind
            """, [orgUnitId, from, end], ct);
#pragma warning restore EF1002
    }

    private static object Day(DateOnly? d) => d is { } v ? v.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : DBNull.Value;

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct
    {
        if (value is { } v) await copy.WriteAsync(v, type, ct);
        else await copy.WriteNullAsync(ct);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is not null) await copy.WriteAsync(value, type, ct);
        else await copy.WriteNullAsync(ct);
    }

    private static async Task ExecAsync(DbConnection connection, DbTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
