using System.Data.Common;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Security;
using Fazhi.Web.Modules.Hotline.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Fazhi.Web.Modules.Hotline.Features.Tickets;

/// <summary>
/// The set-based write path of a ticket batch (ADR 0003's pattern, ADR 0010's keys): rows go into a temporary staging
/// table (PostgreSQL: binary COPY; SQLite: one prepared INSERT reused per row); one <c>INSERT … SELECT</c> keeps the
/// before-image of every changed field in <c>hl_ticket_history</c>; one <c>INSERT … ON CONFLICT (id) DO UPDATE</c> merges
/// (the key includes the month, so the statement stays valid on a table partitioned by month); the new ticket numbers go
/// into <c>hl_ticket_keys</c>. Runs inside the caller's transaction. Caller name and phone are encrypted here (ADR 0009).
/// </summary>
internal static class TicketStore
{
    internal const string Columns =
        "id, org_unit_id, ticket_no, received_at_utc, caller_name, caller_name_index, caller_phone, caller_phone_index, place, town_code, community, " +
        "text, centre_field, department_code, reassignments_json, reassignments, bounces, due_at_utc, status, reply, satisfaction, merged_into, merge_reason";

    /// <summary>Compared for the history (the encrypted ones by their blind index).</summary>
    private static readonly string[] Compared =
        ["org_unit_id", "received_at_utc", "place", "town_code", "community", "text", "centre_field", "department_code", "reassignments_json",
         "due_at_utc", "status", "reply", "satisfaction", "merged_into", "merge_reason"];

    private static readonly string[] EncryptedColumns = ["caller_name", "caller_phone"];

    public const string EncryptedBefore = "（加密保存）", EncryptedAfter = "（已更改，加密保存）";

    public static bool IsPostgres(FazhiDb db) => db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    private const int HotlineLock = 0x46_5A_10;

    /// <summary>One batch of tickets at a time (PostgreSQL): the ids of new tickets are the month's next numbers.</summary>
    public static async Task LockAsync(FazhiDb db, CancellationToken ct)
    {
        if (IsPostgres(db))
            await ExecAsync(db, $"SELECT pg_advisory_xact_lock({HotlineLock})", ct);
    }

    /// <summary>The caller's name and phone of every row, SM4-encrypted, with their blind indexes (ADR 0009).</summary>
    public static SealedCaller[] Encrypt(FieldCipher fields, IReadOnlyList<HotlineTicket> rows)
    {
        var sealedFields = new SealedCaller[rows.Count];
        // FieldCipher is thread-safe (pooled per-key state, one object per value at a time): a large batch is encrypted on all cores.
        TicketIngestion.InParallel(rows.Count, i =>
        {
            var r = rows[i];
            sealedFields[i] = new SealedCaller(r.CallerName is null ? null : fields.Encrypt(r.CallerName), fields.IndexOf(r.CallerName),
                r.CallerPhone is null ? null : fields.Encrypt(r.CallerPhone), fields.IndexOf(r.CallerPhone));
        });
        return sealedFields;
    }

    public static async Task StageAsync(FazhiDb db, IReadOnlyList<HotlineTicket> rows, SealedCaller[] sealedFields, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var tx = db.Database.CurrentTransaction!.GetDbTransaction();
        if (IsPostgres(db))
        {
            await ExecAsync(db, """
                CREATE TEMP TABLE IF NOT EXISTS hl_stage (id bigint, org_unit_id int, ticket_no varchar(64), received_at_utc timestamptz, caller_name text,
                  caller_name_index varchar(32), caller_phone text, caller_phone_index varchar(32), place varchar(200), town_code varchar(32), community varchar(64),
                  text text, centre_field varchar(32), department_code varchar(32), reassignments_json text, reassignments int, bounces int, due_at_utc timestamptz,
                  status varchar(32), reply text, satisfaction varchar(16), merged_into varchar(64), merge_reason varchar(200)) ON COMMIT DROP
                """, ct);
            await using var copy = await ((NpgsqlConnection)connection).BeginBinaryImportAsync($"COPY hl_stage ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
            for (var i = 0; i < rows.Count; i++)
                await WriteRowAsync(copy, rows[i], sealedFields[i], ct);
            await copy.CompleteAsync(ct);
            return;
        }

        await ExecAsync(db, $"CREATE TEMP TABLE IF NOT EXISTS hl_stage ({Columns})", ct);
        await ExecAsync(db, "DELETE FROM hl_stage", ct);
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        var names = Columns.Split(", ");
        insert.CommandText = $"INSERT INTO hl_stage ({Columns}) VALUES ({string.Join(", ", names.Select(n => "@" + n))})";
        var p = names.ToDictionary(n => n, n => { var x = insert.CreateParameter(); x.ParameterName = "@" + n; insert.Parameters.Add(x); return x; });
        await insert.PrepareAsync(ct);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var c = sealedFields[i];
            p["id"].Value = r.Id;
            p["org_unit_id"].Value = r.OrgUnitId;
            p["ticket_no"].Value = r.TicketNo;
            p["received_at_utc"].Value = r.ReceivedAtUtc;
            p["caller_name"].Value = (object?)c.Name ?? DBNull.Value;
            p["caller_name_index"].Value = (object?)c.NameIndex ?? DBNull.Value;
            p["caller_phone"].Value = (object?)c.Phone ?? DBNull.Value;
            p["caller_phone_index"].Value = (object?)c.PhoneIndex ?? DBNull.Value;
            p["place"].Value = r.Place;
            p["town_code"].Value = r.TownCode;
            p["community"].Value = (object?)r.Community ?? DBNull.Value;
            p["text"].Value = r.Text;
            p["centre_field"].Value = (object?)r.CentreField ?? DBNull.Value;
            p["department_code"].Value = (object?)r.DepartmentCode ?? DBNull.Value;
            p["reassignments_json"].Value = r.ReassignmentsJson;
            p["reassignments"].Value = r.Reassignments;
            p["bounces"].Value = r.Bounces;
            p["due_at_utc"].Value = (object?)r.DueAtUtc ?? DBNull.Value;
            p["status"].Value = (object?)r.Status ?? DBNull.Value;
            p["reply"].Value = (object?)r.Reply ?? DBNull.Value;
            p["satisfaction"].Value = (object?)r.Satisfaction ?? DBNull.Value;
            p["merged_into"].Value = (object?)r.MergedInto ?? DBNull.Value;
            p["merge_reason"].Value = (object?)r.MergeReason ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The id the batch row will have (reserved before the merge stamps it on the tickets).</summary>
    public static async Task<long> ReserveBatchIdAsync(FazhiDb db, CancellationToken ct) =>
        await ScalarAsync(db, IsPostgres(db)
            ? "SELECT nextval(pg_get_serial_sequence('hl_batches', 'Id'))"
            : "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'hl_batches'), 0), COALESCE((SELECT MAX(\"Id\") FROM hl_batches), 0)) + 1", ct);

    /// <summary>修改记录: one history row per field a re-sent ticket changes, before the merge overwrites it. Answers the
    /// number of tickets that changed.</summary>
    public static async Task<int> KeepBeforeImagesAsync(FazhiDb db, long batchId, DateTime nowUtc, string changedBy, CancellationToken ct)
    {
        var differs = IsPostgres(db) ? "IS DISTINCT FROM" : "IS NOT";
        const string Join = "FROM hl_stage s JOIN hl_tickets r ON r.id = s.id";
        var selects = Compared.Select(c => $"""
            SELECT r.id, s.org_unit_id, @batch, @now, @by, '{c}', CAST(r.{c} AS TEXT), CAST(s.{c} AS TEXT)
            {Join} WHERE r.{c} {differs} s.{c}
            """).Concat(EncryptedColumns.Select(c => $"""
            SELECT r.id, s.org_unit_id, @batch, @now, @by, '{c}', '{EncryptedBefore}', '{EncryptedAfter}'
            {Join} WHERE r.{c}_index {differs} s.{c}_index
            """));
        await ExecAsync(db, "INSERT INTO hl_ticket_history (ticket_id, org_unit_id, batch_id, changed_at_utc, changed_by, field, before_value, after_value)\n"
            + string.Join("\nUNION ALL\n", selects), ct, ("@batch", (object)batchId), ("@now", nowUtc), ("@by", changedBy));
        return (int)await ScalarAsync(db, "SELECT COUNT(DISTINCT ticket_id) FROM hl_ticket_history WHERE batch_id = @batch", ct, ("@batch", (object)batchId));
    }

    /// <summary>One statement: insert the new tickets, update the re-sent ones (their first receipt and the staff's labels
    /// are kept); then the new ticket numbers' keys.</summary>
    public static async Task MergeAsync(FazhiDb db, long batchId, DateTime nowUtc, CancellationToken ct)
    {
        var updates = string.Join(", ", Columns.Split(", ").Where(c => c is not ("id" or "ticket_no")).Select(c => $"{c} = excluded.{c}"));
        await ExecAsync(db, $"""
            INSERT INTO hl_tickets ({Columns}, batch_id, first_received_at_utc, updated_at_utc)
            SELECT {Columns}, @batch, @now, @now FROM hl_stage WHERE true
            ON CONFLICT (id) DO UPDATE SET {updates}, batch_id = excluded.batch_id, updated_at_utc = excluded.updated_at_utc
            """, ct, ("@batch", (object)batchId), ("@now", nowUtc));
        await ExecAsync(db, "INSERT INTO hl_ticket_keys (ticket_no, ticket_id) SELECT ticket_no, id FROM hl_stage WHERE true ON CONFLICT (ticket_no) DO NOTHING", ct);
    }

    /// <summary>PostgreSQL: the tickets of the batch that are new (their numbers have no key yet, under the batch lock) go
    /// by binary COPY straight into <c>hl_tickets</c> (routed to their month's partition), with what the merge's insert
    /// arm would have written (batch, first receipt and update time = now; staff labels at their defaults), and their keys
    /// in one statement. Nothing to compare them with, so no history: the same rows as the staging path, without staging
    /// and the merge's conflict checks.</summary>
    public static async Task InsertNewAsync(FazhiDb db, IReadOnlyList<HotlineTicket> rows, IReadOnlyList<SealedCaller> sealedFields, long batchId, DateTime nowUtc, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY hl_tickets ({Columns}, batch_id, first_received_at_utc, updated_at_utc) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                await WriteRowAsync(copy, rows[i], sealedFields[i], ct);
                await copy.WriteAsync(batchId, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(nowUtc, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(nowUtc, NpgsqlDbType.TimestampTz, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await ExecAsync(db, "INSERT INTO hl_ticket_keys (ticket_no, ticket_id) SELECT * FROM unnest(@nos, @ids) ON CONFLICT (ticket_no) DO NOTHING", ct,
            ("@nos", rows.Select(r => r.TicketNo).ToArray()), ("@ids", rows.Select(r => r.Id).ToArray()));
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter copy, HotlineTicket r, SealedCaller c, CancellationToken ct)
    {
        await copy.StartRowAsync(ct);
        await copy.WriteAsync(r.Id, NpgsqlDbType.Bigint, ct);
        await copy.WriteAsync(r.OrgUnitId, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(r.TicketNo, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(r.ReceivedAtUtc, NpgsqlDbType.TimestampTz, ct);
        await Text(copy, c.Name, ct);
        await Text(copy, c.NameIndex, ct);
        await Text(copy, c.Phone, ct);
        await Text(copy, c.PhoneIndex, ct);
        await Text(copy, r.Place, ct);
        await Text(copy, r.TownCode, ct);
        await Text(copy, r.Community, ct);
        await Text(copy, r.Text, ct);
        await Text(copy, r.CentreField, ct);
        await Text(copy, r.DepartmentCode, ct);
        await Text(copy, r.ReassignmentsJson, ct);
        await copy.WriteAsync(r.Reassignments, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(r.Bounces, NpgsqlDbType.Integer, ct);
        if (r.DueAtUtc is { } due) await copy.WriteAsync(due, NpgsqlDbType.TimestampTz, ct); else await copy.WriteNullAsync(ct);
        await Text(copy, r.Status, ct);
        await Text(copy, r.Reply, ct);
        await Text(copy, r.Satisfaction, ct);
        await Text(copy, r.MergedInto, ct);
        await Text(copy, r.MergeReason, ct);
    }

    private static async Task Text(NpgsqlBinaryImporter copy, string? value, CancellationToken ct)
    {
        if (value is null) await copy.WriteNullAsync(ct);
        else await copy.WriteAsync(value, NpgsqlDbType.Text, ct);
    }

    private static DbCommand Command(FazhiDb db, string sql, (string Name, object Value)[] parameters)
    {
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    private static async Task ExecAsync(FazhiDb db, string sql, CancellationToken ct, params (string, object)[] parameters)
    {
        await using var cmd = Command(db, sql, parameters);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ScalarAsync(FazhiDb db, string sql, CancellationToken ct, params (string, object)[] parameters)
    {
        await using var cmd = Command(db, sql, parameters);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>A caller's name and phone as stored: ciphertext and blind index.</summary>
internal readonly record struct SealedCaller(string? Name, string? NameIndex, string? Phone, string? PhoneIndex);
