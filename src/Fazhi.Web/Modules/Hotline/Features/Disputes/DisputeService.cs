using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Documents;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Hotline.Data;
using Fazhi.Web.Modules.Hotline.Domain;
using Fazhi.Web.Modules.Hotline.Features.Tickets;
using Fazhi.Web.Modules.Hotline.Features.Triage;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Hotline.Features.Disputes;

/// <summary>A ranked cluster as the list shows it: with names, and the 会商 already opened on it.</summary>
public sealed record ClusterView(int Rank, string Key, string Town, string? Community, string Topic, int Tickets, int Disputed, int Bounces,
    int Reassignments, int Unassigned, IReadOnlyList<string> Departments, string LastAt, double Score, long? ConsultationId, IReadOnlyList<string> TicketNos);

/// <summary>A page of the ranked clusters (the ranking is over all of them; the xlsx export stays whole).</summary>
public sealed record ClusterPage(int Total, int Page, int Size, IReadOnlyList<ClusterView> Items)
{
    public int PageCount => Math.Max(1, (Total + Size - 1) / Size);

    public static ClusterPage Of(IReadOnlyList<ClusterView> ranked, int page, int size)
    {
        size = Math.Clamp(size, 1, 200);
        page = Math.Clamp(page, 1, Math.Max(1, (ranked.Count + size - 1) / size));
        return new ClusterPage(ranked.Count, page, size, [.. ranked.Skip((page - 1) * size).Take(size)]);
    }
}

public sealed record ProposeRequest(string? Key, DateOnly? From, DateOnly? To, string? Title);

public sealed record ConsultRequest(DateOnly? ConsultedOn, string? Present, string? Minutes);

public sealed record RuleRequest(string? Responsible, DateOnly? RuledOn, bool? IssueRuling, string? RulingText);

public sealed record FeedbackRequest(string? Feedback, DateOnly? FeedbackOn);

/// <summary>A 会商事项 with its tickets and the 跟踪 figures: tickets of the same place and topic received after the ruling.</summary>
public sealed record ConsultationView(long Id, string Title, string Status, string StatusName, string Town, string? Community, string Topic,
    IReadOnlyList<string> TicketNos, IReadOnlyList<string> Departments, string ProposedOn, string ProposedBy, string? ConsultedOn, IReadOnlyList<string> Present,
    string? Minutes, string? Responsible, string? RuledOn, bool RulingIssued, string? RulingNumber, string? RulingText, string? Feedback, string? FeedbackOn,
    int? Recurrences, IReadOnlyList<string> RecurringTicketNos, IReadOnlyList<string> Actions, int Version);

/// <summary>
/// 管辖争议与会商研判: mines the ranked clusters, opens a 会商事项 on one, and walks it through 会商 → 明确责任部门 /
/// 出具裁定意见 (numbered per year and bureau: 〔2026〕N号) → 反馈 → 跟踪 (recurrence after the ruling).
/// </summary>
public sealed class DisputeService(FazhiDb db, TriageService triage, TicketIngestion ingestion, TimeProvider clock)
{
    public const string RulingPrefix = "司裁";

    private DateOnly Today => Dates.Today(clock);

    private async Task<string> ScopePathAsync(string? orgCode, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(orgCode) ? (db.Actor.Scope.IsAll ? "/" : db.Actor.Scope.PathPrefix) : await db.OrgUnits.PathOfAsync(orgCode.Trim(), ct);

    /// <summary>The tickets of a period under a unit, as the miner reads them (merged duplicates left out: counted once):
    /// the words of the text without the place's, and whether each concerns administrative enforcement.</summary>
    public async Task<List<MinedTicket>> TicketsAsync(string path, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var rows = await TicketPeriods.Received(db, fromUtc, toUtc) // prunes partitions on PostgreSQL (ADR 0011)
            .Where(t => t.MergedInto == null && db.OrgUnits.Any(o => o.Id == t.OrgUnitId && o.Path.StartsWith(path)))
            .Select(t => new { t.TicketNo, t.OrgUnitId, t.TownCode, t.Community, t.Place, t.Text, t.DepartmentCode, t.Reassignments, t.Bounces, t.ReassignmentsJson, t.ReceivedAtUtc, t.LabelEnforcement })
            .ToListAsync(ct);
        var enforcement = await triage.EnforcementJudgeAsync(rows.Select(r => r.OrgUnitId), ct);
        var seg = new List<MinedTicket>(rows.Count);
        foreach (var t in rows)
        {
            var words = triage.Segment(t.Text);
            seg.Add(new MinedTicket(t.TicketNo, t.TownCode, t.Community, ClusterMiner.WordsAbout(words, triage.Segment(t.Place)), t.DepartmentCode, t.Reassignments, t.Bounces,
                [.. ReassignmentJson.Read(t.ReassignmentsJson).SelectMany(s => new[] { s.From, s.To }).OfType<string>()], t.ReceivedAtUtc,
                enforcement(t.OrgUnitId, t.LabelEnforcement, words)));
        }
        return seg;
    }

    public async Task<List<ClusterView>> MineAsync(string? orgCode, Period period, CancellationToken ct)
    {
        var path = await ScopePathAsync(orgCode, ct);
        var tickets = await TicketsAsync(path, ChinaTime.StartOfDayUtc(period.From), ChinaTime.StartOfDayUtc(period.To.AddDays(1)), ct);
        var clusters = new ClusterMiner { Terms = await triage.TermsAsync(ct) }.Mine(tickets, clock.GetUtcNow().UtcDateTime);
        var orgs = await ingestion.OrgsAsync(ct);
        var keys = clusters.Select(c => c.Key).ToList();
        var open = await db.Consultations().AsNoTracking().Where(c => keys.Contains(c.ClusterKey)).Select(c => new { c.ClusterKey, c.Id }).ToListAsync(ct);
        return [.. clusters.Select((c, i) => new ClusterView(i + 1, c.Key, orgs.NameOf(c.TownCode), c.Community, string.Join(" ", c.Topic), c.TicketNos.Count,
            c.Disputed, c.Bounces, c.Reassignments, c.Unassigned, [.. c.Departments.Select(orgs.NameOf)], ChinaTime.Format(c.LastAtUtc), c.Score,
            open.FirstOrDefault(o => o.ClusterKey == c.Key)?.Id, c.TicketNos))];
    }

    /// <summary>提出: opens a 会商事项 on the cluster with this key (mined again over the period, so what is proposed is
    /// what the list showed). The matter belongs to the district's 司法局.</summary>
    public async Task<long> ProposeAsync(ProposeRequest r, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(r.Key))
            throw FazhiValidationException.For("key", "请选择要会商的争议聚类");
        var period = Period.Parse(r.From, r.To);
        var cluster = (await MineAsync(null, period, ct)).FirstOrDefault(c => c.Key == r.Key)
            ?? throw FazhiValidationException.For("key", "该争议聚类在所选期间内不存在（工单可能已变化），请刷新列表后重试");
        if (cluster.ConsultationId is { } existing)
            throw new ConflictException($"该争议已提出会商（事项{existing}）。");
        var orgs = await ingestion.OrgsAsync(ct);
        var parts = r.Key.Split('|');
        var town = orgs.ByCode(parts[0])!;
        var district = orgs.DistrictOf(town) ?? town;
        var bureau = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.ParentId == district.Id && o.Kind == OrgKind.JusticeBureau, ct) ?? district;
        var title = string.IsNullOrWhiteSpace(r.Title) ? $"{cluster.Town}{cluster.Community}“{cluster.Topic}”类诉求管辖争议" : r.Title.Trim();
        var c = new Consultation
        {
            OrgUnitId = bureau.Id, Title = title.Length > 200 ? title[..200] : title, ClusterKey = r.Key, TownCode = town.Code,
            Community = string.IsNullOrEmpty(parts[1]) ? null : parts[1], Topic = parts[2], TicketNos = string.Join(",", cluster.TicketNos),
            Departments = string.Join(",", (await MinedDepartmentsAsync(cluster.TicketNos, ct))), Status = ConsultationStatus.Proposed,
            ProposedOn = Today, ProposedBy = db.Actor.UserName,
        };
        db.Consultations().Add(c);
        await db.SaveChangesAsync(ct);
        return c.Id;
    }

    private async Task<List<string>> MinedDepartmentsAsync(IReadOnlyList<string> ticketNos, CancellationToken ct)
    {
        var list = ticketNos.ToList();
        var rows = await db.HotlineTickets().AsNoTracking().Where(t => list.Contains(t.TicketNo)).Select(t => new { t.DepartmentCode, t.ReassignmentsJson }).ToListAsync(ct);
        return [.. rows.SelectMany(t => ReassignmentJson.Read(t.ReassignmentsJson).SelectMany(s => new[] { s.From, s.To }).Append(t.DepartmentCode))
            .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private async Task<Consultation> LoadAsync(long id, CancellationToken ct) =>
        await db.Consultations().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException($"会商事项{id}不存在或不在您的数据权限范围内。");

    private static string Required(string? v, string field, string label, int max)
    {
        var t = v?.Trim();
        if (string.IsNullOrEmpty(t))
            throw FazhiValidationException.For(field, $"{label}不能为空");
        if (t.Length > max)
            throw FazhiValidationException.For(field, $"{label}最长{max}字");
        return t;
    }

    private async Task<List<string>> DepartmentCodesAsync(string? list, string field, CancellationToken ct)
    {
        var names = (list ?? "").Split([',', '，', '、', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (names.Count == 0)
            throw FazhiValidationException.For(field, "请填写参会部门（机构代码或名称，用顿号分隔）");
        var codes = new List<string>();
        foreach (var n in names)
            codes.Add((await db.OrgUnits.WholeOrgTree().AsNoTracking().FirstOrDefaultAsync(o => o.Code == n || o.Name == n, ct))?.Code
                ?? throw FazhiValidationException.For(field, $"部门“{n}”不存在"));
        return codes;
    }

    public async Task ConsultAsync(long id, ConsultRequest r, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        var present = await DepartmentCodesAsync(r.Present, "present", ct);
        c.Consult(r.ConsultedOn ?? throw FazhiValidationException.For("consultedOn", "请填写会商日期"), string.Join(",", present),
            Required(r.Minutes, "minutes", "会商纪要", 4000), Today);
        await db.SaveChangesAsync(ct);
    }

    public async Task RuleAsync(long id, RuleRequest r, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        var responsible = (await DepartmentCodesAsync(r.Responsible, "responsible", ct)).Single();
        var on = r.RuledOn ?? throw FazhiValidationException.For("ruledOn", "请填写裁定日期");
        var issue = r.IssueRuling ?? false;
        var text = issue ? Required(r.RulingText, "rulingText", "裁定理由", 4000) : r.RulingText?.Trim();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.AcquireWriteLockAsync(ct); // the year's numbers are taken one at a time
        var next = issue
            ? (await db.Consultations().ForUniquenessCheck().Where(x => x.OrgUnitId == c.OrgUnitId && x.RulingYear == on.Year).MaxAsync(x => x.RulingSeq, ct) ?? 0) + 1
            : 0;
        c.Rule(responsible, on, issue, text, next, Today);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task FeedbackAsync(long id, FeedbackRequest r, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        c.RecordFeedback(Required(r.Feedback, "feedback", "反馈情况", 2000), r.FeedbackOn ?? throw FazhiValidationException.For("feedbackOn", "请填写反馈日期"), Today);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>跟踪: the tickets of the matter's place and topic received from the ruling's day on that were not part of
    /// the matter (merged ones left out), segmented as the miner does.</summary>
    public async Task<List<string>> RecurrencesAsync(Consultation c, CancellationToken ct)
    {
        if (c.RuledOn is not { } ruled)
            return [];
        var from = ChinaTime.StartOfDayUtc(ruled);
        var known = c.TicketNos.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var rows = (await db.HotlineTickets().AsNoTracking().Where(t => t.TownCode == c.TownCode && t.ReceivedAtUtc >= from && t.MergedInto == null)
            .Select(t => new { t.TicketNo, t.Community, t.Place, t.Text, t.ReceivedAtUtc }).ToListAsync(ct)).Where(t => !known.Contains(t.TicketNo)).ToList();
        var topic = c.Topic.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        await triage.WordsAsync("", ct);
        var hits = new List<string>();
        foreach (var t in rows.OrderBy(t => t.ReceivedAtUtc))
            if (ClusterMiner.Recurs(c.TownCode, c.Community, topic, new MinedTicket(t.TicketNo, c.TownCode, t.Community,
                    ClusterMiner.WordsAbout(triage.Segment(t.Text), triage.Segment(t.Place)), null, 0, 0, [], t.ReceivedAtUtc, true)))
                hits.Add(t.TicketNo);
        return hits;
    }

    public async Task<ConsultationView> GetAsync(long id, CancellationToken ct)
    {
        var c = await db.Consultations().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException($"会商事项{id}不存在或不在您的数据权限范围内。");
        var orgs = await ingestion.OrgsAsync(ct);
        var recurring = await RecurrencesAsync(c, ct);
        return new ConsultationView(c.Id, c.Title, c.Status.ToString(), ConsultationMachine.Name(c.Status), orgs.NameOf(c.TownCode), c.Community, c.Topic,
            c.TicketNos.Split(',', StringSplitOptions.RemoveEmptyEntries), [.. c.Departments.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(orgs.NameOf)],
            Dates.Iso(c.ProposedOn), c.ProposedBy, c.ConsultedOn is { } co ? Dates.Iso(co) : null,
            [.. (c.Present ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(orgs.NameOf)], c.Minutes,
            c.ResponsibleCode is null ? null : orgs.NameOf(c.ResponsibleCode), c.RuledOn is { } ro ? Dates.Iso(ro) : null, c.RulingIssued,
            await RulingNumberAsync(c, ct), c.RulingText, c.Feedback, c.FeedbackOn is { } fo ? Dates.Iso(fo) : null,
            c.RuledOn is null ? null : recurring.Count, recurring, [.. ConsultationMachine.ActionsIn(c.Status).Select(a => a.ToString())], c.Version);
    }

    /// <summary>会商事项 under a unit (the bureau that holds them, or the 街道 they concern), newest first.</summary>
    public async Task<List<Consultation>> ListAsync(CancellationToken ct, string? orgCode = null)
    {
        var q = db.Consultations().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(orgCode))
        {
            var path = await db.OrgUnits.PathOfAsync(orgCode.Trim(), ct);
            q = q.Where(c => db.OrgUnits.Any(o => o.Id == c.OrgUnitId && o.Path.StartsWith(path)) || db.OrgUnits.Any(o => o.Code == c.TownCode && o.Path.StartsWith(path)));
        }
        return await q.OrderByDescending(c => c.Id).Take(500).ToListAsync(ct);
    }

    public static async Task<byte[]> ClustersXlsxAsync(IEnumerable<ClusterView> clusters, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, clusters.Select(c => new Dictionary<string, object?>
        {
            ["排名"] = c.Rank, ["街道"] = c.Town, ["社区"] = c.Community, ["主题"] = c.Topic, ["工单数"] = c.Tickets, ["争议工单"] = c.Disputed, ["退单"] = c.Bounces,
            ["转办"] = c.Reassignments, ["未派单"] = c.Unassigned, ["涉及部门"] = string.Join("、", c.Departments), ["最近受理"] = c.LastAt, ["得分"] = c.Score,
            ["会商事项"] = c.ConsultationId, ["工单编号"] = string.Join("、", c.TicketNos),
        }), sheetName: "管辖争议聚类", cancellationToken: ct);
        return stream.ToArray();
    }

    public async Task<byte[]> ConsultationsXlsxAsync(IEnumerable<Consultation> list, CancellationToken ct)
    {
        var orgs = await ingestion.OrgsAsync(ct);
        var rows = new List<Dictionary<string, object?>>();
        foreach (var c in list)
            rows.Add(new Dictionary<string, object?>
            {
                ["事项"] = c.Title, ["状态"] = ConsultationMachine.Name(c.Status), ["街道"] = orgs.NameOf(c.TownCode), ["社区"] = c.Community, ["主题"] = c.Topic,
                ["工单数"] = c.TicketNos.Split(',', StringSplitOptions.RemoveEmptyEntries).Length, ["提出日期"] = Dates.Iso(c.ProposedOn),
                ["会商日期"] = c.ConsultedOn is { } a ? Dates.Iso(a) : null, ["责任部门"] = c.ResponsibleCode is null ? null : orgs.NameOf(c.ResponsibleCode),
                ["裁定日期"] = c.RuledOn is { } b ? Dates.Iso(b) : null, ["裁定意见文号"] = await RulingNumberAsync(c, ct),
                ["反馈日期"] = c.FeedbackOn is { } f ? Dates.Iso(f) : null, ["裁定后新增工单"] = c.RuledOn is null ? null : (await RecurrencesAsync(c, ct)).Count,
            });
        using var stream = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, rows, sheetName: "会商研判事项", cancellationToken: ct);
        return stream.ToArray();
    }

    private async Task<string?> RulingNumberAsync(Consultation c, CancellationToken ct)
    {
        if (!c.RulingIssued)
            return null;
        var bureau = await db.OrgUnits.WholeOrgTree().AsNoTracking().FirstAsync(o => o.Id == c.OrgUnitId, ct);
        return c.RulingNumber(ShortOf(bureau.Name) + RulingPrefix);
    }

    /// <summary>环翠区司法局 → 环: the bureau's one-character abbreviation that opens its document numbers.</summary>
    private static string ShortOf(string bureau) => bureau.Length > 0 ? bureau[..1] : "";

    /// <summary>裁定意见 as a GB/T 9704 .docx (Kernel/Documents), addressed to the departments of the dispute.</summary>
    public async Task<(byte[] Content, string FileName)> RulingDocumentAsync(long id, CancellationToken ct)
    {
        var c = await db.Consultations().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException($"会商事项{id}不存在或不在您的数据权限范围内。");
        if (!c.RulingIssued)
            throw new ConflictException("该会商事项尚未出具裁定意见。");
        var orgs = await ingestion.OrgsAsync(ct);
        var bureau = orgs.ById(c.OrgUnitId)!;
        var number = (await RulingNumberAsync(c, ct))!;
        var departments = c.Departments.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(orgs.NameOf).ToList();
        var tickets = c.TicketNos.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var paragraphs = new List<string>
        {
            $"{orgs.NameOf(c.TownCode)}{c.Community}群众通过12345热线反映的“{c.Topic.Replace(' ', '、')}”类诉求，截至{c.ProposedOn.Year}年{c.ProposedOn.Month}月{c.ProposedOn.Day}日共{tickets.Length}件（工单编号{string.Join("、", tickets.Take(10))}{(tickets.Length > 10 ? "等" : "")}），因承办部门职责边界不清，多次转办、退单，群众诉求未能及时解决。",
            $"{c.ConsultedOn:yyyy年M月d日}，本局组织{string.Join("、", (c.Present ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(orgs.NameOf))}进行会商研判。{c.Minutes}",
            $"依据《国务院办公厅关于进一步优化政务服务提升行政效能推动“高效办成一件事”的指导意见》及国办函〔2025〕66号关于派单异议审核、职责界定的要求，结合各部门权责清单，现提出裁定意见如下：",
            $"一、此类诉求由{orgs.NameOf(c.ResponsibleCode)}负责办理，不得以职责不清为由退单。",
            $"二、{c.RulingText}",
            "三、责任部门应自收到本意见之日起办理，并将办理情况书面反馈本局。本局将对此类诉求的后续工单进行跟踪。",
        };
        var doc = OfficialDocument.Write(new OfficialDocument.Content("关于12345热线反映事项管辖争议的裁定意见", number,
            string.Join("、", departments), paragraphs, bureau.NameForDocuments, $"{c.RuledOn!.Value.Year}年{c.RuledOn.Value.Month}月{c.RuledOn.Value.Day}日"));
        return (doc, $"裁定意见-{number}.docx");
    }
}
