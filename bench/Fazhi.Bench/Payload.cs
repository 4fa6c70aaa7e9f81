using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fazhi.Web.Modules.Enforcement.Domain;
using Npgsql;
using NpgsqlTypes;

namespace Fazhi.Bench;

/// <summary>One POST of the batch endpoint: one department's records as NDJSON (UTF-8, Chinese unescaped).</summary>
internal sealed record Batch(int District, string Department, int Rows, byte[] Body);

internal static class Payload
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>Each department's records cut into batches of at most <paramref name="max"/>, in the order sent.</summary>
    public static IEnumerable<Batch> Batches(District district, List<GenRecord> records, int max)
    {
        foreach (var group in records.GroupBy(r => r.Department))
            foreach (var chunk in group.Chunk(max))
                yield return new Batch(district.Index, group.Key.Code, chunk.Length, Ndjson(chunk));
    }

    public static byte[] Ndjson(IReadOnlyList<GenRecord> records)
    {
        var buffer = new ArrayBufferWriter<byte>(records.Count * 420);
        using var w = new Utf8JsonWriter(buffer, Options);
        foreach (var r in records)
        {
            w.WriteStartObject();
            w.WriteString("sourceId", r.SourceId);
            w.WriteString("kind", RecordNames.Of(r.Kind));
            w.WriteString("itemCode", r.Item.Code);
            w.WriteStartObject("target");
            w.WriteString("name", r.TargetName);
            if (r.CreditCode is not null) w.WriteString("creditCode", r.CreditCode);
            if (r.IdNumber is not null) w.WriteString("idNumber", r.IdNumber);
            w.WriteEndObject();
            w.WriteStartArray("officers");
            foreach (var o in r.Officers)
                w.WriteStringValue(o);
            w.WriteEndArray();
            WriteDay(w, "openedOn", r.OpenedOn);
            if (r.DecidedOn is { } decided) WriteDay(w, "decidedOn", decided);
            if (r.ClosedOn is { } closed) WriteDay(w, "closedOn", closed);
            if (r.AmountYuan is { } amount) w.WriteNumber("amount", amount);
            if (r.Circumstance is not null) w.WriteString("circumstance", r.Circumstance);
            w.WriteBoolean("legalReviewDone", r.LegalReviewDone);
            w.WriteBoolean("major", r.Major);
            if (r.PublishedOn is { } published) WriteDay(w, "publishedOn", published);
            w.WriteBoolean("lenient", r.Lenient);
            w.WriteEndObject();
            w.Flush();
            buffer.Write("\n"u8);
            w.Reset(buffer); // one root value per line: without the reset the writer would separate them with commas
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteDay(Utf8JsonWriter w, string name, DateOnly day) =>
        w.WriteString(name, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    public const string BareTable = "bench_copy_baseline";

    /// <summary>The columns of enf_records (less the identity), bare: no key, no index, no constraint.</summary>
    public const string BareTableDdl = $"""
        CREATE TABLE IF NOT EXISTS {BareTable} (org_unit_id int, source_id varchar(64), kind varchar(16), item_code varchar(64),
          item_id bigint, target_kind varchar(16), target_name varchar(200), target_credit_code varchar(18), target_id_number varchar(18),
          officers varchar(400), officer_count int, opened_on date, decided_on date, closed_on date, counted_on date, amount_fen bigint,
          circumstance varchar(32), legal_review_done boolean, major boolean, published_on date, lenient boolean, batch_id bigint,
          received_at_utc timestamptz, updated_at_utc timestamptz)
        """;

    /// <summary>Binary COPY of the rows the platform would store for these records. Returns the seconds spent in COPY.</summary>
    public static async Task<double> CopyAsync(NpgsqlConnection conn, IReadOnlyList<GenRecord> records, DateTime nowUtc)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        await using (var copy = await conn.BeginBinaryImportAsync($"COPY {BareTable} FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in records)
            {
                copy.StartRow();
                copy.Write(r.Department.Id, NpgsqlDbType.Integer);
                copy.Write(r.SourceId, NpgsqlDbType.Varchar);
                copy.Write(r.Kind.ToString(), NpgsqlDbType.Varchar);
                copy.Write(r.Item.Code, NpgsqlDbType.Varchar);
                copy.Write(r.Item.Id, NpgsqlDbType.Bigint);
                copy.Write(r.CreditCode is null ? nameof(TargetKind.Person) : nameof(TargetKind.Enterprise), NpgsqlDbType.Varchar);
                copy.Write(r.TargetName, NpgsqlDbType.Varchar);
                WriteOrNull(copy, r.CreditCode);
                WriteOrNull(copy, r.IdNumber);
                copy.Write(string.Join(EnforcementRecord.OfficerSeparator, r.Officers), NpgsqlDbType.Varchar);
                copy.Write(r.Officers.Distinct().Count(), NpgsqlDbType.Integer);
                copy.Write(r.OpenedOn, NpgsqlDbType.Date);
                WriteOrNull(copy, r.DecidedOn);
                WriteOrNull(copy, r.ClosedOn);
                copy.Write(r.CountedOn, NpgsqlDbType.Date);
                if (r.AmountYuan is { } a) copy.Write(a * 100, NpgsqlDbType.Bigint); else copy.WriteNull();
                WriteOrNull(copy, r.Circumstance);
                copy.Write(r.LegalReviewDone, NpgsqlDbType.Boolean);
                copy.Write(r.Major, NpgsqlDbType.Boolean);
                WriteOrNull(copy, r.PublishedOn);
                copy.Write(r.Lenient, NpgsqlDbType.Boolean);
                copy.Write(0L, NpgsqlDbType.Bigint);
                copy.Write(nowUtc, NpgsqlDbType.TimestampTz);
                copy.Write(nowUtc, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        return sw.Elapsed.TotalSeconds;
    }

    private static void WriteOrNull(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) copy.WriteNull(); else copy.Write(value, NpgsqlDbType.Varchar);
    }

    private static void WriteOrNull(NpgsqlBinaryImporter copy, DateOnly? value)
    {
        if (value is { } v) copy.Write(v, NpgsqlDbType.Date); else copy.WriteNull();
    }
}
