using System.Text.Json;
using System.Text.RegularExpressions;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Hotline.Data;
using Fazhi.Web.Modules.Hotline.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Hotline.Features.Tickets;

/// <summary>The answer to a batch: counts, and every refused ticket with all its reasons (valid ones are stored).</summary>
public sealed record TicketBatchResult(long? BatchId, int Received, int Accepted, int Created, int Updated, int Unchanged,
    IReadOnlyList<RejectedTicket> Rejected, bool DryRun = false);

/// <summary>A refused ticket: its position in the batch (from 0; in an Excel form the row), its number, why.</summary>
public sealed record RejectedTicket(int Index, string? TicketNo, IReadOnlyList<string> Errors);

/// <summary>The org tree as ticket ingestion and mining read it: 街道/镇 by name, departments by code or name, the
/// district of every unit.</summary>
public sealed class OrgIndex
{
    private readonly Dictionary<int, OrgUnit> _byId;
    private readonly Dictionary<string, OrgUnit> _byCode;
    private readonly Dictionary<string, List<OrgUnit>> _byText = new(StringComparer.Ordinal);

    public OrgIndex(IReadOnlyList<OrgUnit> units)
    {
        _byId = units.ToDictionary(u => u.Id);
        _byCode = units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        // Every unit under its code, short and official name, in the order the linear search met them (the first in
        // scope wins, as before): a ticket's department and each of its steps are one lookup, not a walk of the tree.
        foreach (var u in _byCode.Values)
            foreach (var key in new[] { u.Code, u.Name, u.OfficialName }.Where(k => k is not null).Distinct(StringComparer.Ordinal))
            {
                if (!_byText.TryGetValue(key!, out var list))
                    _byText[key!] = list = [];
                list.Add(u);
            }
        Towns = [.. units.Where(u => u.Kind == OrgKind.Town).OrderByDescending(u => u.Name.Length)];
    }

    public IReadOnlyList<OrgUnit> Towns { get; }

    public OrgUnit? ByCode(string? code) => code is null ? null : _byCode.GetValueOrDefault(code);

    public OrgUnit? ById(int id) => _byId.GetValueOrDefault(id);

    public string NameOf(string? code) => ByCode(code)?.Name ?? code ?? "";

    /// <summary>The 区/县 a unit lies in (itself when it is one).</summary>
    public OrgUnit? DistrictOf(OrgUnit unit)
    {
        for (var u = unit; u is not null; u = u.ParentId is { } p ? ById(p) : null)
            if (u.Kind == OrgKind.District)
                return u;
        return null;
    }

    /// <summary>A department named by code or by (short or official) name, within <paramref name="scope"/>.</summary>
    public OrgUnit? Department(string text, DataScope scope)
    {
        return _byText.TryGetValue(text.Trim(), out var units) ? units.FirstOrDefault(u => scope.Contains(u.Path)) : null;
    }

    /// <summary>The 街道/镇 an address names (its full name, or without 街道/镇/乡; the longest match wins), within scope.</summary>
    public OrgUnit? TownOf(string place, DataScope scope) =>
        Towns.FirstOrDefault(t => scope.Contains(t.Path) && (place.Contains(t.Name, StringComparison.Ordinal) || place.Contains(ShortName(t.Name), StringComparison.Ordinal)));

    public static string ShortName(string town) => Regex.Replace(town, "(街道|镇|乡)$", "") is { Length: >= 2 } s ? s : town;
}

/// <summary>
/// 工单接收: takes the centre's batch (one ticket, a JSON array or NDJSON; or the rows of its Excel export), checks every
/// ticket, and stores the valid ones in one transaction (staging, history, merge, keys, the bureau's own tickets, the
/// audited batch row). Idempotent by the centre's ticket number: a re-sent ticket keeps its key and the later content.
/// </summary>
public sealed partial class TicketIngestion(FazhiDb db, TimeProvider clock)
{
    public const int MaxBatchSize = 10_000;

    private static readonly string[] StepKinds = ["转办", "改派", "退单"];
    private static readonly string[] Ratings = ["满意", "基本满意", "不满意"];

    public static async Task<List<(int Index, TicketInput? Input, List<string> Errors)>> ParseAsync(Stream body, string? contentType, CancellationToken ct)
    {
        var items = new List<(int, TicketInput?, List<string>)>();
        var ndjson = contentType?.Contains("ndjson", StringComparison.OrdinalIgnoreCase) == true || contentType?.Contains("jsonl", StringComparison.OrdinalIgnoreCase) == true;
        if (ndjson)
        {
            // The body's UTF-8 bytes split at line ends and parsed as they are (no UTF-16 round trip), lines in parallel.
            using var buffer = new MemoryStream();
            await body.CopyToAsync(buffer, ct);
            ReadOnlyMemory<byte> bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
            if (bytes.Span.StartsWith(Utf8Bom))
                bytes = bytes[Utf8Bom.Length..];
            var lines = new List<ReadOnlyMemory<byte>>();
            while (!bytes.IsEmpty)
            {
                var end = bytes.Span.IndexOf((byte)'\n');
                var line = end < 0 ? bytes : bytes[..end];
                bytes = end < 0 ? ReadOnlyMemory<byte>.Empty : bytes[(end + 1)..];
                if (IsBlank(line.Span))
                    continue;
                if (lines.Count >= MaxBatchSize)
                    throw new PayloadTooLargeException($"一批最多{MaxBatchSize}张工单，请分批推送。本批未保存任何工单。");
                lines.Add(line);
            }
            var parsed = new (int, TicketInput?, List<string>)[lines.Count];
            InParallel(lines.Count, i =>
            {
                try
                {
                    using var doc = JsonDocument.Parse(lines[i]);
                    var (input, errors) = TicketJson.Read(doc.RootElement);
                    parsed[i] = (i, input, errors);
                }
                catch (JsonException)
                {
                    parsed[i] = (i, null, ["该行不是合法的 JSON"]);
                }
            });
            items.AddRange(parsed);
            return items;
        }
        JsonDocument whole;
        try
        {
            whole = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw FazhiValidationException.For("body", $"请求体不是合法的 JSON（第{(e.LineNumber ?? 0) + 1}行附近）。逐行推送请使用 Content-Type: application/x-ndjson");
        }
        using (whole)
        {
            var root = whole.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                var (input, errors) = TicketJson.Read(root);
                items.Add((0, input, errors));
                return items;
            }
            if (root.ValueKind != JsonValueKind.Array)
                throw FazhiValidationException.For("body", "请求体应为一张工单（JSON 对象）、工单数组，或 NDJSON（每行一张）");
            if (root.GetArrayLength() > MaxBatchSize)
                throw new PayloadTooLargeException($"一批最多{MaxBatchSize}张工单，请分批推送。本批未保存任何工单。");
            var i = 0;
            foreach (var e in root.EnumerateArray())
            {
                var (input, errors) = TicketJson.Read(e);
                items.Add((i++, input, errors));
            }
        }
        return items;
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or (byte)'\v'))
                return false;
        return true;
    }

    /// <summary>Runs <paramref name="body"/> for 0…count-1, in chunks on the thread pool when the batch is large enough
    /// to be worth it (parsing, checking and encrypting a ticket depend on nothing but the ticket).</summary>
    internal static void InParallel(int count, Action<int> body)
    {
        if (count < 256)
        {
            for (var i = 0; i < count; i++)
                body(i);
            return;
        }
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, count, 256), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
                body(i);
        });
    }

    public async Task<OrgIndex> OrgsAsync(CancellationToken ct) =>
        new(await db.OrgUnits.WholeOrgTree().AsNoTracking().Where(o => o.IsActive).ToListAsync(ct));

    /// <summary>Checks one ticket; answers the row to store (its id and district still to be set) or the reasons.</summary>
    internal static HotlineTicket? Check(TicketInput t, OrgIndex orgs, DataScope scope, DateTime nowUtc, List<string> errors)
    {
        var no = t.TicketNo?.Trim();
        if (string.IsNullOrEmpty(no))
            errors.Add("ticketNo：工单编号不能为空");
        else if (no.Length > 64)
            errors.Add("ticketNo：工单编号最长64个字符");
        var received = TicketJson.ParseTime(t.ReceivedAt);
        if (received is null)
            errors.Add(string.IsNullOrWhiteSpace(t.ReceivedAt) ? "receivedAt：受理时间不能为空" : $"receivedAt：无法识别的时间“{t.ReceivedAt}”（如 2026-03-01 09:30:00）");
        else if (received > nowUtc.AddHours(1))
            errors.Add("receivedAt：受理时间晚于当前时间");
        var text = t.Text?.Trim();
        if (string.IsNullOrEmpty(text))
            errors.Add("text：诉求内容不能为空");
        else if (text.Length > TicketLimits.TextLength)
            errors.Add($"text：诉求内容最长{TicketLimits.TextLength}字，收到{text.Length}字");
        var reply = t.Reply?.Trim();
        if (reply?.Length > TicketLimits.TextLength)
            errors.Add($"reply：答复内容最长{TicketLimits.TextLength}字，收到{reply.Length}字");
        var place = t.Place?.Trim();
        OrgUnit? town = null;
        if (string.IsNullOrEmpty(place))
            errors.Add("place：反映地点不能为空");
        else if (place.Length > 200)
            errors.Add("place：反映地点最长200字");
        else if ((town = orgs.TownOf(place, scope)) is null)
            errors.Add($"place：地址“{place}”未匹配到任何街道（镇），请写明所在街道，如“{orgs.Towns.FirstOrDefault(x => scope.Contains(x.Path))?.Name ?? "某某街道"}……”");
        OrgUnit? department = null;
        if (!string.IsNullOrWhiteSpace(t.Department) && (department = orgs.Department(t.Department, scope)) is null)
            errors.Add($"department：承办单位“{t.Department.Trim()}”不存在或不在本账号的范围内（填写机构代码或名称）");
        var phone = t.CallerPhone?.Trim();
        if (!string.IsNullOrEmpty(phone) && !Kernel.Ids.PersonalData.IsMobileOrLandline(phone))
            errors.Add("callerPhone：来电号码格式不正确");
        if (t.CallerName?.Trim().Length > 50)
            errors.Add("callerName：来电人姓名最长50字");
        if (t.Satisfaction is { } sat && !string.IsNullOrWhiteSpace(sat) && !Ratings.Contains(sat.Trim()))
            errors.Add($"satisfaction：满意度应为{string.Join("、", Ratings)}之一");
        var due = TicketJson.ParseTime(t.DueAt);
        if (!string.IsNullOrWhiteSpace(t.DueAt) && due is null)
            errors.Add($"dueAt：无法识别的时间“{t.DueAt}”");
        var merged = t.MergedInto?.Trim();
        if (!string.IsNullOrEmpty(merged) && merged == no)
            errors.Add("mergedInto：工单不能并入自身");
        if (!string.IsNullOrEmpty(merged) && string.IsNullOrWhiteSpace(t.MergeReason))
            errors.Add("mergeReason：并单须写明理由");

        var steps = new List<Reassignment>();
        DateTime? last = received;
        var i = 0;
        foreach (var s in t.Reassignments ?? [])
        {
            var at = TicketJson.ParseTime(s.At);
            var kind = s.Kind?.Trim();
            if (at is null)
                errors.Add($"reassignments[{i}].at：流转时间不能为空或无法识别");
            else if (last is { } l && at < l)
                errors.Add($"reassignments[{i}].at：流转记录时间顺序错误（{Kernel.ChinaTime.Format(at.Value)} 早于{(i == 0 ? "受理时间" : "上一条流转")}），请按时间先后排列");
            if (kind is null || !StepKinds.Contains(kind))
                errors.Add($"reassignments[{i}].kind：流转类型应为{string.Join("、", StepKinds)}之一");
            if (kind == "退单" && string.IsNullOrWhiteSpace(s.Reason))
                errors.Add($"reassignments[{i}].reason：退单须写明理由");
            if (at is not null)
                last = at;
            steps.Add(new Reassignment(at ?? default, Code(s.From, orgs, scope), Code(s.To, orgs, scope), kind ?? "", s.Reason?.Trim()));
            i++;
        }
        if (errors.Count > 0 || town is null)
            return null;
        // The 社区 named after the 街道 (the street's own name removed first, so it is not taken as part of the community's).
        var rest = place!.Replace(town.Name, "", StringComparison.Ordinal).Replace(OrgIndex.ShortName(town.Name), "", StringComparison.Ordinal);
        var community = CommunityPattern().Match(rest) is { Success: true } m ? m.Value : null;
        return new HotlineTicket
        {
            TicketNo = no!, ReceivedAtUtc = received!.Value, CallerName = Blank(t.CallerName), CallerPhone = Blank(phone), Place = place!,
            TownCode = town.Code, Community = community, Text = text!, CentreField = Blank(t.Field), DepartmentCode = department?.Code,
            ReassignmentsJson = JsonSerializer.Serialize(steps, ReassignmentJson.Options), Reassignments = steps.Count(s => s.Kind != "退单"),
            Bounces = steps.Count(s => s.Kind == "退单"), DueAtUtc = due, Status = Blank(t.Status), Reply = Blank(reply),
            Satisfaction = Blank(t.Satisfaction), MergedInto = Blank(merged), MergeReason = Blank(t.MergeReason),
            // The district: of the assigned department, or of the place when unassigned.
            OrgUnitId = (department is not null ? orgs.DistrictOf(department) : null)?.Id ?? orgs.DistrictOf(town)?.Id ?? town.Id,
        };
    }

    private static string? Code(string? nameOrCode, OrgIndex orgs, DataScope scope) =>
        string.IsNullOrWhiteSpace(nameOrCode) ? null : orgs.Department(nameOrCode, scope)?.Code ?? nameOrCode.Trim();

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex("[\\p{IsCJKUnifiedIdeographs}A-Za-z0-9]{1,8}?社区")]
    private static partial Regex CommunityPattern();

    /// <summary>Checks and (unless <paramref name="dryRun"/>) stores a batch; nothing of it is written when anything fails.</summary>
    public async Task<TicketBatchResult> IngestAsync(IReadOnlyList<(int Index, TicketInput? Input, List<string> Errors)> items, string channel, bool dryRun, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lap = System.Diagnostics.Stopwatch.GetTimestamp();
        var orgs = await OrgsAsync(ct);
        lap = TicketIngestionMetrics.Lap("orgs", lap);
        var scope = db.Actor.Scope;
        var rejected = new List<RejectedTicket>();
        var valid = new List<(int Index, HotlineTicket Row)>();
        var copies = items.Where(i => !string.IsNullOrWhiteSpace(i.Input?.TicketNo)).GroupBy(i => i.Input!.TicketNo!.Trim())
            .Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.Select(i => i.Index).ToList());
        // Each ticket is checked on its own (in parallel for a large batch); the answers are gathered in batch order.
        var outcomes = new (RejectedTicket? Rejected, HotlineTicket? Row)[items.Count];
        InParallel(items.Count, k =>
        {
            var (index, input, readErrors) = items[k];
            if (input is null)
            {
                outcomes[k] = (new RejectedTicket(index, null, readErrors), null);
                return;
            }
            var no = input.TicketNo?.Trim();
            if (no is not null && copies.TryGetValue(no, out var at))
            {
                outcomes[k] = (new RejectedTicket(index, no, [$"ticketNo：工单“{no}”在本批中出现{at.Count}次（第{string.Join("、", at)}条），请只推送一次（以后推送的版本为准可分批推送）"]), null);
                return;
            }
            var errors = new List<string>(readErrors);
            var row = Check(input, orgs, scope, now, errors);
            outcomes[k] = row is null || errors.Count > 0 ? (new RejectedTicket(index, no, errors), null) : (null, row);
        });
        for (var k = 0; k < items.Count; k++)
        {
            if (outcomes[k].Rejected is { } r)
                rejected.Add(r);
            else
                valid.Add((items[k].Index, outcomes[k].Row!));
        }
        lap = TicketIngestionMetrics.Lap("check", lap);

        if (valid.Count == 0)
            return new TicketBatchResult(null, items.Count, 0, 0, 0, 0, Sorted(rejected), dryRun);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await TicketStore.LockAsync(db, ct);
        var numbers = valid.Select(v => v.Row.TicketNo).ToList();
        var keys = await db.TicketKeys().AsNoTracking().Where(k => numbers.Contains(k.TicketNo)).ToDictionaryAsync(k => k.TicketNo, k => k.TicketId, ct);
        var keyIds = keys.Values.ToList();
        var storedOrg = await db.HotlineTickets().ForUniquenessCheck().AsNoTracking().Where(t => keyIds.Contains(t.Id))
            .Select(t => new { t.Id, t.OrgUnitId }).ToDictionaryAsync(t => t.Id, t => t.OrgUnitId, ct);
        // A re-sent ticket stored under another district the caller cannot see is refused, as is one the caller may not write.
        foreach (var v in valid.ToList())
        {
            var owners = new List<int> { v.Row.OrgUnitId };
            if (keys.TryGetValue(v.Row.TicketNo, out var id) && storedOrg.TryGetValue(id, out var old))
                owners.Add(old);
            if (owners.Any(o => orgs.ById(o) is not { } u || !scope.Contains(u.Path)))
            {
                valid.Remove(v);
                rejected.Add(new RejectedTicket(v.Index, v.Row.TicketNo, ["department：工单所属区县不在本账号的数据权限范围内"]));
            }
        }
        if (valid.Count == 0)
            return new TicketBatchResult(null, items.Count, 0, 0, 0, 0, Sorted(rejected), dryRun);

        // Keys: a stored ticket keeps its id; a new one takes its receipt month's next number (ADR 0010).
        var next = new Dictionary<int, long>();
        var created = 0;
        foreach (var (_, row) in valid)
        {
            if (keys.TryGetValue(row.TicketNo, out var id))
            {
                row.Id = id;
                continue;
            }
            var china = Kernel.ChinaTime.ToChina(row.ReceivedAtUtc);
            var month = china.Year * 100 + china.Month;
            if (!next.TryGetValue(month, out var n))
            {
                var lo = HotlineTicket.FirstIdOf(month);
                var hi = HotlineTicket.FirstIdOf(month + 1);
                n = await db.TicketKeys().AsNoTracking().Where(k => k.TicketId >= lo && k.TicketId < hi).MaxAsync(k => (long?)k.TicketId, ct) ?? lo;
            }
            next[month] = row.Id = n + 1;
            created++;
        }
        lap = TicketIngestionMetrics.Lap("lock+keys", lap);
        if (dryRun)
            return new TicketBatchResult(null, items.Count, valid.Count, created, valid.Count - created, 0, Sorted(rejected), true);

        var rows = valid.Select(v => v.Row).ToList();
        var keptMerges = await TicketMerges.KeepOnResendAsync(db, rows, keyIds, ct); // a staff 并单 outlives re-sends
        var sealedFields = TicketStore.Encrypt(db.Fields, rows);
        lap = TicketIngestionMetrics.Lap("encrypt", lap);
        var batchId = await TicketStore.ReserveBatchIdAsync(db, ct);
        // PostgreSQL: new tickets are copied straight into hl_tickets; only re-sent ones are staged, compared and merged.
        var direct = TicketStore.IsPostgres(db) ? rows.Select(r => !keys.ContainsKey(r.TicketNo)).ToArray() : new bool[rows.Count];
        var (resent, resentSealed) = (rows.Where((_, i) => !direct[i]).ToList(), sealedFields.Where((_, i) => !direct[i]).ToArray());
        if (resent.Count < rows.Count)
            await TicketStore.InsertNewAsync(db, [.. rows.Where((_, i) => direct[i])], [.. sealedFields.Where((_, i) => direct[i])], batchId, now, ct);
        if (resent.Count > 0)
            await TicketStore.StageAsync(db, resent, resentSealed, ct);
        lap = TicketIngestionMetrics.Lap("stage-copy", lap);
        var changed = valid.Count > created ? await TicketStore.KeepBeforeImagesAsync(db, batchId, now, db.Actor.UserName, ct) : 0;
        lap = TicketIngestionMetrics.Lap("history", lap);
        TicketMerges.AddNotes(db, keptMerges, batchId, now);
        if (resent.Count > 0)
            await TicketStore.MergeAsync(db, batchId, now, ct);
        lap = TicketIngestionMetrics.Lap("merge", lap);
        await OpenOwnTicketsAsync(rows, orgs, ct);
        lap = TicketIngestionMetrics.Lap("own-tickets", lap);
        var batch = new TicketBatch
        {
            Id = batchId, OrgUnitId = db.Actor.OrgUnitId ?? rows[0].OrgUnitId, Channel = channel, SubmittedBy = db.Actor.UserName, AtUtc = now,
            Received = items.Count, Created = created, Updated = changed, Unchanged = valid.Count - created - changed, Rejected = rejected.Count,
        };
        db.TicketBatches().Add(batch);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TicketIngestionMetrics.Lap("save+commit", lap);
        return new TicketBatchResult(batch.Id, items.Count, valid.Count, created, changed, batch.Unchanged, Sorted(rejected));
    }

    /// <summary>本局工单: a ticket assigned to a 司法局 or 司法所 is opened for handling once (its 签收 clock starts).</summary>
    private async Task OpenOwnTicketsAsync(List<HotlineTicket> rows, OrgIndex orgs, CancellationToken ct)
    {
        var own = rows.Where(r => orgs.ByCode(r.DepartmentCode)?.Kind is OrgKind.JusticeBureau or OrgKind.JusticeOffice).ToList();
        if (own.Count == 0)
            return;
        var numbers = own.Select(r => r.TicketNo).ToList();
        var open = await db.OwnTickets().ForUniquenessCheck().Where(o => numbers.Contains(o.TicketNo)).Select(o => o.TicketNo).ToListAsync(ct);
        foreach (var r in own.Where(r => !open.Contains(r.TicketNo)))
            db.OwnTickets().Add(new OwnTicket
            {
                OrgUnitId = orgs.ByCode(r.DepartmentCode)!.Id, TicketNo = r.TicketNo, TicketId = r.Id,
                ReceivedOn = DateOnly.FromDateTime(Kernel.ChinaTime.ToChina(r.ReceivedAtUtc)), Status = OwnTicketStatus.Received,
            });
    }

    private static List<RejectedTicket> Sorted(List<RejectedTicket> r) => [.. r.OrderBy(x => x.Index)];
}

public static class ReassignmentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IReadOnlyList<Reassignment> Read(string json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<Reassignment>>(json, Options) ?? [];
}
