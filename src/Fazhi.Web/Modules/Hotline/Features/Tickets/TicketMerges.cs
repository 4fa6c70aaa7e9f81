using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Hotline.Data;
using Fazhi.Web.Modules.Hotline.Domain;
using Fazhi.Web.Modules.Hotline.Features.Disputes;
using Fazhi.Web.Modules.Hotline.Features.Triage;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Hotline.Features.Tickets;

public sealed record MergeRequest(string? Into, string? Reason);

public sealed record UnmergeRequest(string? Reason);

/// <summary>A likely duplicate of a ticket: same 街道 (and 社区 when both name one), received within
/// <see cref="TicketMerges.SuggestDays"/> days, text overlap (<see cref="ClusterMiner.Overlap"/>) at least
/// <see cref="TicketMerges.SuggestSimilarity"/>. Score in percent.</summary>
public sealed record MergeSuggestion(string TicketNo, string ReceivedAt, string Place, string Text, string? Department, decimal Score, bool SameCommunity);

/// <summary>The merge state of a ticket after a staff action.</summary>
public sealed record MergeState(string TicketNo, string? MergedInto, string? MergeReason, string? MergedBy, string? MergedAt);

/// <summary>
/// 并单 by staff (issue 17 §1: duplicates of one matter are merged with a reason, and counted once; 国办函〔2025〕66号（五）:
/// “重复诉求事项原则上并单处理，减少重复派单” — docs/statutes/12345-hotline.md). A merged ticket is
/// left out of every figure and of mining (<c>MergedInto != null</c>); its main ticket carries the matter. Refused: merging
/// into itself, into a ticket that is itself merged, into a ticket of another 区县, a ticket others are merged into (a
/// chain), without a reason. A staff merge outlives the centre's re-sends of the ticket (<see cref="KeepOnResendAsync"/>):
/// the staff's judgement is kept and the centre's differing value is written to the ticket's 修改记录.
/// </summary>
public sealed class TicketMerges(FazhiDb db, TriageService triage, TicketIngestion ingestion, TimeProvider clock)
{
    /// <summary>Duplicates are looked for this many days either side of the ticket's receipt.</summary>
    public const int SuggestDays = 30;

    /// <summary>The miner's own similarity floor.</summary>
    public const double SuggestSimilarity = 0.4;

    /// <summary>History rows written by staff, not by a push batch.</summary>
    public const long StaffBatch = 0;

    public const string KeptField = "staff_merge_kept", UnmergeField = "unmerge_reason", NotMerged = "（未并单）";

    private async Task<HotlineTicket> LoadAsync(string ticketNo, CancellationToken ct) =>
        await db.HotlineTickets().FirstOrDefaultAsync(x => x.TicketNo == ticketNo, ct)
        ?? throw new NotFoundException($"工单“{ticketNo}”不存在或不在您的数据权限范围内。");

    private void History(HotlineTicket t, DateTime now, string field, string? before, string? after) =>
        db.TicketChanges().Add(new TicketChange
        {
            TicketId = t.Id, OrgUnitId = t.OrgUnitId, BatchId = StaffBatch, ChangedAtUtc = now, ChangedBy = db.Actor.UserName, Field = field,
            Before = before, After = after,
        });

    private static MergeState State(HotlineTicket t) =>
        new(t.TicketNo, t.MergedInto, t.MergeReason, t.MergedBy, t.MergedAtUtc is { } at ? ChinaTime.Format(at) : null);

    /// <summary>并单: the ticket becomes a duplicate of <see cref="MergeRequest.Into"/>.</summary>
    public async Task<MergeState> MergeAsync(string ticketNo, MergeRequest r, CancellationToken ct)
    {
        var t = await LoadAsync(ticketNo, ct);
        var into = r.Into?.Trim();
        var reason = r.Reason?.Trim();
        if (string.IsNullOrEmpty(into))
            throw FazhiValidationException.For("into", "请选择要并入的主工单");
        if (string.IsNullOrEmpty(reason))
            throw FazhiValidationException.For("reason", "请填写并单理由（如：同一来电人重复反映同一事项）");
        if (reason.Length > 200)
            throw FazhiValidationException.For("reason", "并单理由最长200字");
        if (into == t.TicketNo)
            throw FazhiValidationException.For("into", "工单不能并入自身");
        if (t.MergedInto is { } already)
            throw new ConflictException($"工单“{t.TicketNo}”已并入“{already}”，如需改并请先撤销并单。");
        var main = await db.HotlineTickets().FirstOrDefaultAsync(x => x.TicketNo == into, ct)
            ?? throw FazhiValidationException.For("into", $"主工单“{into}”不存在或不在您的数据权限范围内");
        if (main.OrgUnitId != t.OrgUnitId)
            throw FazhiValidationException.For("into", $"主工单“{into}”属于其他区县，不能跨区县并单");
        if (main.MergedInto is { } further)
            throw FazhiValidationException.For("into", $"主工单“{into}”本身已并入“{further}”，请直接并入“{further}”");
        var children = await db.HotlineTickets().Where(x => x.MergedInto == t.TicketNo).Select(x => x.TicketNo).Take(5).ToListAsync(ct);
        if (children.Count > 0)
            throw FazhiValidationException.For("ticketNo",
                $"已有工单（{string.Join("、", children)}）并入本工单，本工单不能再并入其他工单（会形成并单链）；请先将它们改并入“{into}”");
        var now = clock.GetUtcNow().UtcDateTime;
        History(t, now, "merged_into", null, into);
        History(t, now, "merge_reason", t.MergeReason, reason);
        (t.MergedInto, t.MergeReason, t.MergedBy, t.MergedAtUtc) = (into, reason, db.Actor.UserName, now);
        await db.SaveChangesAsync(ct);
        return State(t);
    }

    /// <summary>撤销并单: only a staff merge (the centre's merges are the centre's to undo); a reason is required.</summary>
    public async Task<MergeState> UnmergeAsync(string ticketNo, UnmergeRequest r, CancellationToken ct)
    {
        var t = await LoadAsync(ticketNo, ct);
        var reason = r.Reason?.Trim();
        if (t.MergedInto is null)
            throw new ConflictException($"工单“{t.TicketNo}”未并单，无需撤销。");
        if (t.MergedBy is null)
            throw new ConflictException($"工单“{t.TicketNo}”的并单由12345热线中心推送，请由热线中心撤销。");
        if (string.IsNullOrEmpty(reason))
            throw FazhiValidationException.For("reason", "请填写撤销并单的理由");
        if (reason.Length > 200)
            throw FazhiValidationException.For("reason", "撤销理由最长200字");
        var now = clock.GetUtcNow().UtcDateTime;
        History(t, now, "merged_into", t.MergedInto, null);
        History(t, now, UnmergeField, t.MergeReason, reason);
        (t.MergedInto, t.MergeReason, t.MergedBy, t.MergedAtUtc) = (null, null, null, null);
        await db.SaveChangesAsync(ct);
        return State(t);
    }

    /// <summary>疑似重复件 of a ticket, best first (at most <paramref name="take"/>): tickets not merged themselves, of the
    /// same district and 街道, received within <see cref="SuggestDays"/> days, whose words (the place's left out, as the
    /// miner reads them) overlap the ticket's by at least <see cref="SuggestSimilarity"/>.</summary>
    public async Task<IReadOnlyList<MergeSuggestion>> SuggestAsync(string ticketNo, int take, CancellationToken ct)
    {
        var t = await LoadAsync(ticketNo, ct);
        var from = t.ReceivedAtUtc.AddDays(-SuggestDays);
        var to = t.ReceivedAtUtc.AddDays(SuggestDays);
        var candidates = await db.HotlineTickets().AsNoTracking()
            .Where(x => x.TicketNo != t.TicketNo && x.OrgUnitId == t.OrgUnitId && x.TownCode == t.TownCode && x.MergedInto == null &&
                        x.ReceivedAtUtc >= from && x.ReceivedAtUtc <= to)
            .OrderByDescending(x => x.ReceivedAtUtc).Take(2000)
            .Select(x => new { x.TicketNo, x.ReceivedAtUtc, x.Place, x.Community, x.Text, x.DepartmentCode })
            .ToListAsync(ct);
        await triage.TermsAsync(ct); // loads the user dictionary into the segmenter
        var mine = ClusterMiner.WordsAbout(triage.Segment(t.Text), triage.Segment(t.Place)).ToHashSet(StringComparer.Ordinal);
        var orgs = await ingestion.OrgsAsync(ct);
        return [.. candidates
            .Select(c => (c, Score: ClusterMiner.Overlap(mine, [.. ClusterMiner.WordsAbout(triage.Segment(c.Text), triage.Segment(c.Place)).Distinct(StringComparer.Ordinal)])))
            .Where(x => x.Score >= SuggestSimilarity)
            .OrderByDescending(x => x.Score).ThenByDescending(x => t.Community is not null && x.c.Community == t.Community)
            .ThenBy(x => Math.Abs((x.c.ReceivedAtUtc - t.ReceivedAtUtc).TotalMinutes))
            .Take(Math.Clamp(take, 1, 20))
            .Select(x => new MergeSuggestion(x.c.TicketNo, ChinaTime.Format(x.c.ReceivedAtUtc), x.c.Place, x.c.Text,
                x.c.DepartmentCode is null ? null : orgs.NameOf(x.c.DepartmentCode), Math.Round((decimal)x.Score * 100, 1),
                t.Community is not null && x.c.Community == t.Community))];
    }

    /// <summary>Before a batch is staged: a re-sent ticket that staff merged keeps the staff's merge (the centre's
    /// mergedInto and mergeReason are replaced by the staff's), so the merge is not undone silently; answers the notes
    /// for the 修改记录 of those whose centre value differed (<see cref="AddNotes"/> writes them with the batch id).</summary>
    internal static async Task<List<(HotlineTicket Row, string? Sent)>> KeepOnResendAsync(FazhiDb db, IReadOnlyList<HotlineTicket> rows, List<long> storedIds, CancellationToken ct)
    {
        var notes = new List<(HotlineTicket, string?)>();
        if (storedIds.Count == 0)
            return notes;
        var staff = await db.HotlineTickets().AsNoTracking().Where(t => storedIds.Contains(t.Id) && t.MergedBy != null)
            .Select(t => new { t.Id, t.MergedInto, t.MergeReason }).ToDictionaryAsync(t => t.Id, ct);
        if (staff.Count == 0)
            return notes;
        foreach (var row in rows)
        {
            if (!staff.TryGetValue(row.Id, out var kept))
                continue;
            if (row.MergedInto != kept.MergedInto)
                notes.Add((row, row.MergedInto));
            (row.MergedInto, row.MergeReason) = (kept.MergedInto, kept.MergeReason);
        }
        return notes;
    }

    /// <summary>修改记录 of the staff merges a batch did not undo: what the centre sent, what was kept.</summary>
    internal static void AddNotes(FazhiDb db, List<(HotlineTicket Row, string? Sent)> notes, long batchId, DateTime now)
    {
        foreach (var (row, sent) in notes)
            db.TicketChanges().Add(new TicketChange
            {
                TicketId = row.Id, OrgUnitId = row.OrgUnitId, BatchId = batchId, ChangedAtUtc = now, ChangedBy = db.Actor.UserName, Field = KeptField,
                Before = sent ?? NotMerged, After = row.MergedInto,
            });
    }
}

public static class TicketMergeEndpoints
{
    public static void MapTicketMerges(this RouteGroupBuilder g)
    {
        g.MapPost("/tickets/{ticketNo}/merge", (string ticketNo, MergeRequest request, TicketMerges merges, CancellationToken ct) => merges.MergeAsync(ticketNo, request, ct))
            .WithSummary("并单：将重复工单并入主工单（into），须填写理由；并入的工单在统计与争议挖掘中不再计数。不能并入自身、已并单的工单、其他区县的工单，已有工单并入的不能再并出")
            .RequirePermission(HotlinePermissions.TicketMerge);
        g.MapPost("/tickets/{ticketNo}/unmerge", (string ticketNo, UnmergeRequest request, TicketMerges merges, CancellationToken ct) => merges.UnmergeAsync(ticketNo, request, ct))
            .WithSummary("撤销并单（仅限本系统人工并单；须填写理由）")
            .RequirePermission(HotlinePermissions.TicketMerge);
        g.MapGet("/tickets/{ticketNo}/duplicates", (string ticketNo, int? take, TicketMerges merges, CancellationToken ct) => merges.SuggestAsync(ticketNo, take ?? 5, ct))
            .WithSummary("疑似重复工单：同一街道（社区）、前后30日内、内容相近（与争议挖掘同一分词与相似度），按相似度排序")
            .RequirePermission(HotlinePermissions.TicketView);
    }
}
