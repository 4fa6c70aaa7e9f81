using Fazhi.Web.Modules.Enforcement.Features.Warnings;
using System.Text;
using System.Text.Json;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Modules.Enforcement.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Modules.Enforcement.Import;

/// <summary>The answer to a batch: what was stored, and every refused record with all its reasons.</summary>
public sealed record BatchResult(long? BatchId, string Department, int Received, int Accepted, int Created, int Updated,
    int WarningsRaised, int WarningsClosed, IReadOnlyList<RejectedRecord> Rejected);

/// <summary>A step of ingestion that may be observed (metrics) or, in tests, made to fail mid-batch.</summary>
public interface IIngestionObserver
{
    Task OnMergedAsync(long batchId, int rows, CancellationToken ct);
}

/// <summary>
/// 数据报送: takes a department's batch (JSON array, NDJSON or Excel rows), checks every record, and stores the valid
/// ones in one transaction: staging + one merge, the monthly roll-up of the months touched, the warnings of the records
/// touched, and the batch row that the audit log records. A failure anywhere rolls the whole batch back.
/// </summary>
public sealed class RecordIngestion(FazhiDb db, WarningEngine engine, IOptions<EnforcementOptions> options, TimeProvider clock,
    IEnumerable<IIngestionObserver> observers)
{
    public int MaxBatchSize => options.Value.MaxBatchSize;

    /// <summary>Reads a JSON array, or NDJSON (one object per line). A line or element that is not valid JSON becomes a
    /// rejected record; only a body that is not an array at all is refused as a whole.</summary>
    public async Task<(List<(int Index, RecordInput? Input, IReadOnlyList<string>? Errors)> Items, bool TooMany)> ParseAsync(Stream body, string? contentType, CancellationToken ct)
    {
        var items = new List<(int, RecordInput?, IReadOnlyList<string>?)>();
        var max = MaxBatchSize;
        var ndjson = contentType?.Contains("ndjson", StringComparison.OrdinalIgnoreCase) == true ||
                     contentType?.Contains("jsonl", StringComparison.OrdinalIgnoreCase) == true;
        if (ndjson)
        {
            using var reader = new StreamReader(body, Encoding.UTF8);
            var index = 0;
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                if (items.Count >= max)
                    return (items, true);
                items.Add(ParseOne(index++, line));
            }
            return (items, false);
        }
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw FazhiValidationException.For("body", $"请求体不是合法的 JSON（第{(e.LineNumber ?? 0) + 1}行附近）。逐行报送请使用 Content-Type: application/x-ndjson");
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
                throw FazhiValidationException.For("body", "请求体应为执法记录的 JSON 数组（或 NDJSON，每行一条）");
            if (doc.RootElement.GetArrayLength() > max)
                return (items, true);
            var index = 0;
            foreach (var element in doc.RootElement.EnumerateArray())
                items.Add(ParseOne(index++, element));
        }
        return (items, false);
    }

    /// <summary>One NDJSON line, deserialized in one pass; only a line that fails is parsed again, to say why.</summary>
    private static (int, RecordInput?, IReadOnlyList<string>?) ParseOne(int index, string line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, RecordInputJson.Default.RecordInput) is { } input
                ? (index, input, null)
                : (index, null, ["不是一个 JSON 对象"]);
        }
        catch (JsonException)
        {
            try
            {
                using var doc = JsonDocument.Parse(line);
                return ParseOne(index, doc.RootElement);
            }
            catch (JsonException)
            {
                return (index, null, ["该行不是合法的 JSON"]);
            }
        }
    }

    private static (int, RecordInput?, IReadOnlyList<string>?) ParseOne(int index, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return (index, null, ["不是一个 JSON 对象"]);
        try
        {
            return (index, element.Deserialize(RecordInputJson.Default.RecordInput), null);
        }
        catch (JsonException)
        {
            return Salvage(index, element);
        }
    }

    /// <summary>A record with badly typed fields: each such field is named and left out, and the rest is read, so that
    /// the refusal keeps the record's sourceId and the checks report every other fault too.</summary>
    private static (int, RecordInput?, IReadOnlyList<string>?) Salvage(int index, JsonElement element)
    {
        var reasons = new List<string>();
        string? Fault(Action<Utf8JsonWriter> write)
        {
            try
            {
                JsonSerializer.Deserialize(Json(write), RecordInputJson.Default.RecordInput);
                return null;
            }
            catch (JsonException e)
            {
                return RecordValidator.DescribeJsonError(e.Path);
            }
        }
        var clean = Json(w =>
        {
            foreach (var p in element.EnumerateObject())
            {
                if (Fault(x => p.WriteTo(x)) is not { } fault)
                    p.WriteTo(w);
                else if (p.Value.ValueKind == JsonValueKind.Object) // e.g. target: keep its good fields
                {
                    w.WritePropertyName(p.Name);
                    w.WriteStartObject();
                    foreach (var q in p.Value.EnumerateObject())
                        if (Fault(x => { x.WritePropertyName(p.Name); x.WriteStartObject(); q.WriteTo(x); x.WriteEndObject(); }) is { } inner)
                            reasons.Add(inner);
                        else
                            q.WriteTo(w);
                    w.WriteEndObject();
                }
                else
                    reasons.Add(fault);
            }
        });
        try
        {
            return (index, JsonSerializer.Deserialize(clean, RecordInputJson.Default.RecordInput), reasons.Count == 0 ? ["不是一个 JSON 对象"] : reasons);
        }
        catch (JsonException e)
        {
            return (index, null, [.. reasons, RecordValidator.DescribeJsonError(e.Path)]);
        }
    }

    /// <summary>One JSON object of the properties <paramref name="write"/> writes.</summary>
    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            write(w);
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The department a batch is for: the caller's own, or (for bureau staff entering a department's Excel)
    /// one in the caller's scope. A department's credentials never write another department's records.</summary>
    public async Task<OrgUnit> ResolveDepartmentAsync(string? code, CancellationToken ct)
    {
        var own = db.Actor.OrgUnitId is { } id ? await db.OrgUnits.WholeOrgTree().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) : null;
        if (string.IsNullOrWhiteSpace(code) || code == own?.Code)
        {
            if (own is not { Kind: OrgKind.EnforcementDepartment })
                throw FazhiValidationException.For("department", "请指定报送的执法部门（department=部门机构代码）");
            return own;
        }
        if (own is { Kind: OrgKind.EnforcementDepartment })
            throw new ForbiddenException($"本凭证属于{own.Name}，只能报送本部门的执法记录，不能报送“{code}”的记录。");
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct)
            ?? throw new NotFoundException($"执法部门“{code}”不存在或不在您的数据权限范围内。");
        if (unit.Kind != OrgKind.EnforcementDepartment)
            throw FazhiValidationException.For("department", $"“{unit.Name}”不是执法部门");
        return unit;
    }

    /// <summary>The catalogue a department's records may name: items of the regions above it (the nearest wins), with
    /// their code, name and field only.</summary>
    public async Task<Dictionary<string, EnforcementItem>> CatalogueForAsync(OrgUnit department, CancellationToken ct)
    {
        var ancestors = department.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        var owners = await db.OrgUnits.WholeOrgTree().AsNoTracking().Where(o => ancestors.Contains(o.Code))
            .Select(o => new { o.Id, o.Depth }).ToListAsync(ct);
        var depth = owners.ToDictionary(o => o.Id, o => o.Depth);
        var ownerIds = depth.Keys.ToList();
        // Items of sibling bodies (the district's 司法局 publishes the district's catalogue) count as the region's.
        var bodies = await db.OrgUnits.WholeOrgTree().AsNoTracking()
            .Where(o => o.ParentId != null && ownerIds.Contains(o.ParentId.Value) && o.Kind == OrgKind.JusticeBureau)
            .Select(o => new { o.Id, o.ParentId }).ToListAsync(ct);
        foreach (var b in bodies)
            depth[b.Id] = depth[b.ParentId!.Value];
        var ids = depth.Keys.ToList();
        // Only what the checks read (code, id, owner): the benchmarks are read by the rules, for the items named.
        var items = await db.EnforcementItems().ForJointWork().AsNoTracking().Where(i => ids.Contains(i.OrgUnitId) && i.IsActive)
            .Select(i => new EnforcementItem { Id = i.Id, OrgUnitId = i.OrgUnitId, Code = i.Code, Name = i.Name, Field = i.Field, LegalBasis = "", IsActive = true })
            .ToListAsync(ct);
        return items.GroupBy(i => i.Code).ToDictionary(g => g.Key, g => g.OrderByDescending(i => depth[i.OrgUnitId]).First());
    }

    private static string FieldOf(string reason) => RecordSheet.InColumns(reason.Split('：')[0]);

    /// <summary>Checks and stores a batch. An item may come with faults found while reading it (a badly typed field, an
    /// unreadable cell): it is refused with those and every fault the checks find in the rest of it. Reasons for an Excel
    /// form name its rows and column headers, as the user sees them.</summary>
    public async Task<BatchResult> IngestAsync(OrgUnit department, IReadOnlyList<(int Index, RecordInput? Input, IReadOnlyList<string>? Errors)> items, string channel, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(ChinaTime.Now(clock));
        var catalogue = await CatalogueForAsync(department, ct);
        var rejected = new List<RejectedRecord>();
        var valid = new List<ValidRecord>();
        // The same sourceId twice in one batch: which copy is right is the sender's call, so no copy is stored (even
        // when the other copy is invalid on its own).
        var copies = items.Where(i => !string.IsNullOrWhiteSpace(i.Input?.SourceId))
            .GroupBy(i => i.Input!.SourceId!.Trim()).Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => g.Select(i => i.Index).ToList());
        var excel = channel == "excel";
        IReadOnlyList<string> Shown(int index, IEnumerable<string> reasons) =>
            excel ? [.. reasons.Select(r => $"第{index + 2}行 {RecordSheet.InColumns(r)}")] : [.. reasons];
        foreach (var (index, input, readErrors) in items)
        {
            if (input is null)
            {
                rejected.Add(new RejectedRecord(index, null, Shown(index, readErrors ?? ["无法解析"])));
                continue;
            }
            if (input.SourceId is { } sid && copies.TryGetValue(sid.Trim(), out var indexes))
            {
                rejected.Add(new RejectedRecord(index, sid.Trim(),
                    [$"sourceId：“{sid.Trim()}”在本批中出现{indexes.Count}次（第{string.Join("、", indexes)}条），请只报送一次"]));
                continue;
            }
            var errors = RecordValidator.Check(input, catalogue, department.Code, today, options.Value, out var record);
            if (readErrors is { Count: > 0 })
            {
                // A field that could not be read is named once, by why it could not (not also as missing).
                var unread = readErrors.Select(FieldOf).ToHashSet(StringComparer.Ordinal);
                rejected.Add(new RejectedRecord(index, input.SourceId?.Trim(), Shown(index, [.. readErrors, .. errors.Where(e => !unread.Contains(FieldOf(e)))])));
            }
            else if (record is null)
                rejected.Add(new RejectedRecord(index, input.SourceId, Shown(index, errors)));
            else
            {
                record.OrgUnitId = department.Id;
                valid.Add(new ValidRecord(index, record));
            }
        }
        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        if (valid.Count == 0)
            return new BatchResult(null, department.Code, items.Count, 0, 0, 0, 0, 0, rejected);

        var now = clock.GetUtcNow().UtcDateTime;
        var rows = valid.Select(v => v.Record).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Staging touches only this transaction's temporary table. The merge, the roll-up and the rules run under the
        // department's and the inspected enterprises' locks, so other departments' batches overlap them; only the
        // warnings and the batch row (which the audit chain records) wait for the chain's lock.
        await RecordStore.StageAsync(db, rows, ct);
        await RecordStore.LockForBatchAsync(db, department.Id, ct);
        var existing = await RecordStore.ExistingAsync(db, ct);
        var batchId = await RecordStore.ReserveBatchIdAsync(db, ct);
        if (existing.Count > 0) // the before-image of every field a re-sent record changes (修改记录), before the merge
            await RecordStore.KeepBeforeImagesAsync(db, batchId, now, db.Actor.UserName, ct);
        var ids = await RecordStore.MergeAsync(db, batchId, now, ct);
        foreach (var o in observers)
            await o.OnMergedAsync(batchId, rows.Count, ct);

        var days = rows.Select(r => r.CountedOn).Concat(existing.Select(e => e.CountedOn)).ToList();
        var first = days.Min();
        var last = days.Max();
        await RecordStore.RollUpAsync(db, department.Id, new DateOnly(first.Year, first.Month, 1), new DateOnly(last.Year, last.Month, 1), ct);

        foreach (var r in rows)
        {
            r.Id = ids[r.SourceId];
            r.BatchId = batchId;
        }
        var before = existing.ToDictionary(e => e.SourceId);
        var created = rows.Where(r => !before.ContainsKey(r.SourceId)).Select(r => r.Id).ToHashSet();
        // A re-sent visit that moved (another day or enterprise, or no longer an inspection) may have made later visits
        // repeats where it used to be: the engine looks there too.
        var moved = (from r in rows
                     let b = before.GetValueOrDefault(r.SourceId)
                     where b?.VisitedCode is not null && (r.Kind != RecordKind.Inspection || r.TargetCreditCode != b.VisitedCode || r.OpenedOn != b.OpenedOn)
                     select (b.VisitedCode!, b.OpenedOn)).ToList();
        var findings = await engine.FindAsync(rows, created, ct, moved: moved);

        await db.AcquireWriteLockAsync(ct);
        var outcome = await engine.ApplyAsync(findings, ct);
        var batch = new IngestBatch
        {
            Id = batchId, OrgUnitId = department.Id, Channel = channel, SubmittedBy = db.Actor.UserName, AtUtc = now, Received = items.Count,
            Created = created.Count, Updated = rows.Count - created.Count, Rejected = rejected.Count, WarningsRaised = outcome.Raised,
        };
        db.IngestBatches().Add(batch);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new BatchResult(batch.Id, department.Code, items.Count, rows.Count, batch.Created, batch.Updated, outcome.Raised, outcome.Closed, rejected);
    }
}
