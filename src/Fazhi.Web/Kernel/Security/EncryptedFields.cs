using System.Data.Common;
using Fazhi.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Fazhi.Web.Kernel.Security;

/// <summary>How <see cref="EncryptedAttribute"/> reaches the database: the converters and index columns of the model,
/// the index values written on save, and the batch pass that encrypts old plaintext rows and re-encrypts after a rotation.</summary>
public static class EncryptedFields
{
    /// <summary>On a blind-index property: the name of the encrypted property it indexes.</summary>
    public const string IndexOfAnnotation = "Fazhi:BlindIndexOf";

    /// <summary>Length of the index column: 16 bytes of HMAC-SM3 in hex.</summary>
    public const int IndexLength = 32;

    /// <summary>Gives every <see cref="EncryptedAttribute"/> property the SM4 converter and a column wide enough for the
    /// ciphertext, and adds the blind index column (indexed) next to it.</summary>
    public static void Apply(ModelBuilder builder, FieldCipher cipher)
    {
        var converter = new ValueConverter<string, string>(v => cipher.Encrypt(v), v => cipher.Decrypt(v));
        foreach (var entity in builder.Model.GetEntityTypes().ToList())
        {
            foreach (var property in entity.GetProperties().ToList())
            {
                if (EncryptedAttribute.Of(property.PropertyInfo) is not { } attribute)
                    continue;
                if (property.ClrType != typeof(string))
                    throw new InvalidOperationException($"[Encrypted] 只能用于字符串属性（{entity.ClrType.Name}.{property.Name}）。");
                property.SetValueConverter(converter);
                if (property.GetMaxLength() is { } max)
                    property.SetMaxLength(FieldCipher.StoredLength(max));
                if (!attribute.BlindIndex)
                    continue;
                var column = property.GetColumnName();
                var indexColumn = column.Contains('_', StringComparison.Ordinal) ? column + "_index" : column + EncryptedAttribute.IndexSuffix;
                builder.Entity(entity.ClrType).Property<string>(property.Name + EncryptedAttribute.IndexSuffix)
                    .HasMaxLength(IndexLength).HasColumnName(indexColumn).HasAnnotation(IndexOfAnnotation, property.Name);
                // Partial: only rows that have the value (many have none), so the index costs nothing for the others.
                builder.Entity(entity.ClrType).HasIndex(property.Name + EncryptedAttribute.IndexSuffix).HasFilter($"\"{indexColumn}\" IS NOT NULL");
            }
        }
    }

    public static bool IsBlindIndex(IReadOnlyProperty property) => property.FindAnnotation(IndexOfAnnotation) is not null;

    /// <summary>Sets the blind index of every added or changed encrypted value (called by SaveChanges before the audit
    /// snapshot; the index columns themselves are not audited).</summary>
    public static void StampIndexes(ChangeTracker tracker, FieldCipher cipher)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
                continue;
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.FindAnnotation(IndexOfAnnotation)?.Value is not string source)
                    continue;
                var value = entry.Property(source);
                if (entry.State == EntityState.Added || value.IsModified)
                    property.CurrentValue = cipher.IndexOf(value.CurrentValue as string);
            }
        }
    }

    /// <summary>The encrypted columns of one table, as the batch pass sees them.</summary>
    public sealed record Table(string Entity, string Name, string? Schema, string Key, IReadOnlyList<(string Column, string? IndexColumn)> Columns);

    public static List<Table> TablesOf(IModel model)
    {
        var tables = new List<Table>();
        foreach (var entity in model.GetEntityTypes())
        {
            var columns = entity.GetProperties().Where(p => EncryptedAttribute.IsOn(p.PropertyInfo))
                .Select(p => (p.GetColumnName(), entity.FindProperty(p.Name + EncryptedAttribute.IndexSuffix)?.GetColumnName())).ToList();
            if (columns.Count == 0 || entity.GetTableName() is not { } name)
                continue;
            var key = entity.FindPrimaryKey()?.Properties is [var single] ? single.GetColumnName()
                : throw new InvalidOperationException($"{entity.ClrType.Name} 没有单列主键，无法分批加密。");
            tables.Add(new Table(entity.ClrType.Name, name, entity.GetSchema(), key, columns));
        }
        return tables;
    }
}

/// <summary>
/// The batch pass over every encrypted column: plaintext rows (written before encryption existed) are encrypted, rows
/// under an older key version re-encrypted with the current one, missing blind indexes filled. A transaction per batch;
/// an update applies only if the value is still what was read (a concurrent edit wins; the next pass sees it); the pass is
/// idempotent, so an interrupted run is resumed by running it again. Nothing is written before every key in use has
/// been shown to decrypt a stored value (a wrong key fails first, with its name).
/// </summary>
public sealed class FieldRewriter(FazhiDb db, FieldCipher cipher)
{
    public int BatchSize { get; init; } = 500;

    /// <summary>Rows and values rewritten; tables scanned, and tables skipped because their completion marker was current.</summary>
    public sealed record Result(int Rows, int Values, int TablesScanned = 0, int TablesSkipped = 0);

    /// <summary>Key prefix of the completion markers (<see cref="SystemMarker"/>) of the start-up pass, one per table.</summary>
    public const string MarkerPrefix = "encrypt-fields:";

    /// <summary>What a table's marker records: the key version the pass encrypted to and the table's encrypted columns
    /// (with their index columns). A new [Encrypted] field, a dropped one or a key rotation changes it, so the table is
    /// scanned again at the next start; otherwise the start skips it.</summary>
    public static string MarkerValue(EncryptedFields.Table table, int keyVersion) =>
        "v" + keyVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";" +
        string.Join(",", table.Columns.Select(c => c.IndexColumn is null ? c.Column : c.Column + "+" + c.IndexColumn).Order(StringComparer.Ordinal));

    public static string MarkerKey(EncryptedFields.Table table) => MarkerPrefix + (table.Schema is null ? table.Name : table.Schema + "." + table.Name);

    /// <summary>Decrypts the newest stored value under the current key in every column: a wrong or swapped key file
    /// throws <see cref="FieldDecryptionException"/> naming the key before anything is written. (Older versions are
    /// checked by the pass itself: a batch is decrypted in full before its transaction begins.)</summary>
    public async Task CheckKeysAsync(CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var current = "v" + cipher.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":";
        foreach (var t in EncryptedFields.TablesOf(db.Model))
        {
            foreach (var (column, _) in t.Columns)
            {
                // The newest value under the current key (a backward scan of the primary key that stops at the first).
                var c = sql.DelimitIdentifier(column);
                var sample = await QueryAsync(
                    $"SELECT {c} FROM {sql.DelimitIdentifier(t.Name, t.Schema)} WHERE {c} LIKE '{current}%' ORDER BY {sql.DelimitIdentifier(t.Key)} DESC LIMIT 1", ct);
                if (sample.Count > 0)
                    cipher.Decrypt((string)sample[0][0]!);
            }
        }
    }

    /// <summary>The pass. With <paramref name="useMarkers"/> (the start-up pass) a table whose completion marker matches
    /// its encrypted columns and the current key version is not scanned, and a table scanned to its end gets its marker;
    /// the commands (<c>encrypt-fields</c>, <c>keys rotate</c>) always scan everything and leave the markers alone, so a
    /// rotation is completed by the next start whatever the running instances wrote meanwhile.</summary>
    public async Task<Result> RunAsync(Action<string>? progress, CancellationToken ct, bool useMarkers = false)
    {
        await CheckKeysAsync(ct);
        var sql = db.GetService<ISqlGenerationHelper>();
        var current = "v" + cipher.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":";
        int rows = 0, values = 0, scanned = 0, skipped = 0;
        var markers = useMarkers
            ? await db.Set<SystemMarker>().AsNoTracking().Where(m => m.Key.StartsWith(MarkerPrefix)).ToDictionaryAsync(m => m.Key, m => m.Value, StringComparer.Ordinal, ct)
            : [];
        foreach (var t in EncryptedFields.TablesOf(db.Model))
        {
            var marker = (Key: MarkerKey(t), Value: MarkerValue(t, cipher.CurrentVersion));
            if (useMarkers && markers.GetValueOrDefault(marker.Key) == marker.Value)
            {
                skipped++;
                continue;
            }
            scanned++;
            var table = sql.DelimitIdentifier(t.Name, t.Schema);
            var key = sql.DelimitIdentifier(t.Key);
            var pending = string.Join(" OR ", t.Columns.Select(c =>
                $"({sql.DelimitIdentifier(c.Column)} IS NOT NULL AND ({sql.DelimitIdentifier(c.Column)} NOT LIKE '{current}%'" +
                (c.IndexColumn is null ? "" : $" OR {sql.DelimitIdentifier(c.IndexColumn)} IS NULL") + "))"));
            var select = $"SELECT {key}, {string.Join(", ", t.Columns.Select(c => sql.DelimitIdentifier(c.Column)))} FROM {table} " +
                         $"WHERE {key} > @last AND ({pending}) ORDER BY {key} LIMIT {BatchSize}";
            long last = long.MinValue;
            var done = 0;
            while (true)
            {
                var batch = await QueryAsync(select, ct, ("@last", last));
                if (batch.Count == 0)
                    break;
                // Every value of the batch is computed (and so decrypted) before the batch's transaction begins.
                var updates = new List<(long Key, List<(int Column, string Old, string New, string? Index)> Values)>();
                foreach (var row in batch)
                {
                    var id = Convert.ToInt64(row[0], System.Globalization.CultureInfo.InvariantCulture);
                    last = id;
                    var changes = new List<(int, string, string, string?)>();
                    for (var i = 0; i < t.Columns.Count; i++)
                    {
                        if (row[i + 1] is not string stored)
                            continue;
                        var plain = cipher.Decrypt(stored);
                        var next = stored.StartsWith(current, StringComparison.Ordinal) ? stored : cipher.Encrypt(plain);
                        changes.Add((i, stored, next, t.Columns[i].IndexColumn is null ? null : cipher.IndexOf(plain)));
                    }
                    updates.Add((id, changes));
                }
                await using (var tx = await db.Database.BeginTransactionAsync(ct))
                {
                    foreach (var (id, changes) in updates)
                    {
                        if (changes.Count == 0)
                            continue;
                        var sets = new List<string>();
                        var checks = new List<string>();
                        var parameters = new List<(string, object?)> { ("@id", id) };
                        foreach (var (i, old, next, index) in changes)
                        {
                            var column = sql.DelimitIdentifier(t.Columns[i].Column);
                            sets.Add($"{column} = @n{i}");
                            checks.Add($"{column} = @o{i}");
                            parameters.Add(($"@n{i}", next));
                            parameters.Add(($"@o{i}", old));
                            if (t.Columns[i].IndexColumn is { } indexColumn)
                            {
                                sets.Add($"{sql.DelimitIdentifier(indexColumn)} = @x{i}");
                                parameters.Add(($"@x{i}", index));
                            }
                            values++;
                        }
                        await ExecuteAsync($"UPDATE {table} SET {string.Join(", ", sets)} WHERE {key} = @id AND {string.Join(" AND ", checks)}", ct, [.. parameters]);
                    }
                    await tx.CommitAsync(ct);
                }
                rows += batch.Count;
                done += batch.Count;
                progress?.Invoke($"{t.Entity}（{t.Name}）：已处理 {done} 行");
            }
            if (useMarkers)
                await MarkAsync(marker.Key, marker.Value, ct);
        }
        return new Result(rows, values, scanned, skipped);
    }

    private async Task MarkAsync(string key, string value, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (await db.Set<SystemMarker>().FindAsync([key], ct) is { } existing)
        {
            existing.Value = value;
            existing.UpdatedAtUtc = now;
        }
        else
            db.Set<SystemMarker>().Add(new SystemMarker { Key = key, Value = value, UpdatedAtUtc = now });
        await db.SaveChangesAsync(ct);
    }

    private async Task<List<object?[]>> QueryAsync(string text, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = await CommandAsync(text, parameters, ct);
        var result = new List<object?[]>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            result.Add(row);
        }
        return result;
    }

    private async Task ExecuteAsync(string text, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = await CommandAsync(text, parameters, ct);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<DbCommand> CommandAsync(string text, (string Name, object? Value)[] parameters, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        var cmd = connection.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
#pragma warning disable CA2100 // identifiers come from the EF model and are delimited; values are parameters
        cmd.CommandText = text;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }
}

/// <summary>Caches the EF model per field-key set: the model holds the converters, which hold the keys, and two
/// hosts in one process (the tests) have different keys.</summary>
public sealed class FieldKeyModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is FazhiDb db ? (context.GetType(), db.Fields.Identity, designTime) : (context.GetType(), "", designTime);
}
