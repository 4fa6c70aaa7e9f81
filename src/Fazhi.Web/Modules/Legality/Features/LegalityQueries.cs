using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Data;
using Fazhi.Web.Modules.Legality.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Legality.Features;

/// <summary>Matters list filter; <paramref name="MeetingType"/> is a 议题's 会议类型 (政府常务会议/专题会议/其他会议, or the code),
/// <paramref name="CommentSource"/> a 征求意见's 来源.</summary>
public sealed record MatterFilter(string? Q = null, string? Kind = null, string? Status = null, string? Queue = null, int? Page = null, int? Size = null,
    string? MeetingType = null, string? CommentSource = null);

public sealed record MatterRow(long Id, string? Number, string Kind, string Title, string Unit, string SubmittedOn, string? ReceivedOn, string Status, string StatusName,
    string? Reviewer, int Comments, int Answered, string? OpinionNumber, string? Due, string? DueState)
{
    /// <summary>会议类型 of a 议题 or 来源 of a 征求意见 (Chinese), else null.</summary>
    public string? Detail { get; init; }
}

public sealed record DocumentRow(long Id, string Title, string Level, string Unit, int PlanYear, string Status, string StatusName, string? DocumentNumber,
    string? PublishedOn, string? ValidUntil, string? FiledWithGovernmentOn, bool FiledWithGovernmentLate, string? FiledWithCongressOn, bool FiledWithCongressLate, long? ReviewMatterId,
    string Issuer = "");

public sealed record ContractRow(long Id, string Code, string Name, string Kind, string Unit, string Counterparty, decimal Amount, string StartOn, string EndOn,
    string Status, string StatusName, long? ReviewMatterId, string? FiledOn, string Level = "", int OpenMilestones = 0, int Breaches = 0)
{
    /// <summary>重点项目 (and its name).</summary>
    public bool KeyProject { get; init; }
    public string? KeyProjectName { get; init; }
}

/// <summary>Lists with search, filters and paging, and their .xlsx exports.</summary>
public sealed class LegalityQueries(FazhiDb db, DeadlinePolicy deadlines)
{
    public const int MaxExport = 10_000;

    private IQueryable<ReviewMatter> Filtered(MatterFilter f)
    {
        var q = db.Matters().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var s = f.Q.Trim();
            q = q.Where(m => m.Title.Contains(s) || (m.Number != null && m.Number.Contains(s)) || (m.OpinionNumber != null && m.OpinionNumber.Contains(s)));
        }
        if (LegalityNames.Parse<MatterKind>(f.Kind, LegalityNames.Of) is { } kind)
            q = q.Where(m => m.Kind == kind);
        if (MatterDetails.ParseMeeting(f.MeetingType) is { } meeting)
            q = q.Where(m => m.MeetingType == meeting);
        if (MatterDetails.ParseSource(f.CommentSource) is { } source)
            q = q.Where(m => m.CommentSource == source);
        if (LegalityNames.Parse<MatterStatus>(f.Status, LegalityNames.Of) is { } status)
            q = q.Where(m => m.Status == status);
        q = f.Queue switch
        {
            "open" => q.Where(m => m.Status == MatterStatus.Submitted || m.Status == MatterStatus.Received || m.Status == MatterStatus.Reviewing || m.Status == MatterStatus.AwaitingMaterials),
            "mine" => q.Where(m => m.ReviewerUserName == db.Actor.UserName && m.Status != MatterStatus.Closed && m.Status != MatterStatus.Withdrawn),
            "adoption" => q.Where(m => m.Status == MatterStatus.OpinionIssued),
            _ => q,
        };
        return q;
    }

    public async Task<Page<MatterRow>> MattersAsync(MatterFilter f, DateOnly today, CancellationToken ct)
    {
        var paging = Paging.Of(f.Page, f.Size);
        var q = Filtered(f);
        var total = await q.CountAsync(ct);
        var rows = await Rows(q.OrderByDescending(m => m.SubmittedOn).ThenByDescending(m => m.Id).Skip(paging.Skip).Take(paging.Size), today, ct);
        return new Page<MatterRow>(rows, total, paging.Number, paging.Size);
    }

    public async Task<List<MatterRow>> ExportAsync(MatterFilter f, DateOnly today, CancellationToken ct) =>
        await Rows(Filtered(f).OrderByDescending(m => m.SubmittedOn).ThenByDescending(m => m.Id).Take(MaxExport), today, ct);

    private async Task<List<MatterRow>> Rows(IQueryable<ReviewMatter> q, DateOnly today, CancellationToken ct)
    {
        var list = await q.Select(m => new
        {
            m.Id, m.Number, m.Kind, m.MeetingType, m.CommentSource, m.Title, m.OrgUnitId, m.SubmittedOn, m.ReceivedOn, m.Status, m.ReviewerUserName, m.OpinionNumber,
            Comments = m.Comments.Count, Answered = m.Comments.Count(c => c.Adoption != null),
        }).ToListAsync(ct);
        var ids = list.Select(m => m.Id).ToList();
        var kind = ReviewService.MatterTimerPrefix + Rules.ReviewDeadlines.Review;
        var timers = (await db.WorkTimers.AsNoTracking()
                .Where(t => t.Module == ReviewService.Module && t.Kind == kind && ids.Contains(t.OwnerId))
                .Select(t => new { t.OwnerId, t.DueOn, t.State }).ToListAsync(ct))
            .GroupBy(t => t.OwnerId).ToDictionary(g => g.Key, g => g.First());
        var names = await db.Orgs.NamesAsync(list.Select(m => m.OrgUnitId).Distinct(), ct);
        return [.. list.Select(m =>
        {
            var t = timers.GetValueOrDefault(m.Id);
            var state = t is null ? null : t.State switch
            {
                TimerState.Done => "已完成",
                TimerState.Paused => "暂停计时",
                TimerState.Cancelled => null,
                _ => deadlines.StateOf(t.DueOn, today).ChineseName(),
            };
            return new MatterRow(m.Id, m.Number, LegalityNames.Of(m.Kind), m.Title, names.GetValueOrDefault(m.OrgUnitId) ?? "", Iso(m.SubmittedOn), m.ReceivedOn is { } r ? Iso(r) : null,
                m.Status.ToString(), LegalityNames.Of(m.Status), m.ReviewerUserName, m.Comments, m.Answered, m.OpinionNumber,
                t is null || state is null ? null : Iso(t.DueOn), state) { Detail = MatterDetails.Describe(m.MeetingType, m.CommentSource) };
        })];
    }

    public static async Task<byte[]> MattersXlsxAsync(IEnumerable<MatterRow> rows, CancellationToken ct)
    {
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            ["收件编号"] = r.Number, ["类别"] = r.Kind, ["会议类型/征求意见来源"] = r.Detail, ["送审事项"] = r.Title, ["送审单位"] = r.Unit, ["送审日期"] = r.SubmittedOn, ["收件日期"] = r.ReceivedOn,
            ["状态"] = r.StatusName, ["审查人"] = r.Reviewer, ["意见条数"] = r.Comments, ["已反馈"] = r.Answered, ["意见书文号"] = r.OpinionNumber,
            ["审查期限"] = r.Due, ["期限状态"] = r.DueState,
        });
        using var stream = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, sheet, sheetName: "合法性审查事项", cancellationToken: ct);
        return stream.ToArray();
    }

    public async Task<Page<DocumentRow>> DocumentsAsync(string? q, string? status, bool inForceOnly, int? page, int? size, CancellationToken ct)
    {
        var paging = Paging.Of(page, size);
        var docs = db.NormativeDocuments().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
            docs = docs.Where(d => d.Title.Contains(q.Trim()) || (d.DocumentNumber != null && d.DocumentNumber.Contains(q.Trim())));
        if (LegalityNames.Parse<DocumentStatus>(status, LegalityNames.Of) is { } s)
            docs = docs.Where(d => d.Status == s);
        if (inForceOnly)
            docs = docs.Where(d => d.Status == DocumentStatus.Published);
        var total = await docs.CountAsync(ct);
        var list = await docs.OrderByDescending(d => d.PlanYear).ThenByDescending(d => d.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return new Page<DocumentRow>(await DocumentRowsAsync(list, ct), total, paging.Number, paging.Size);
    }

    public async Task<List<DocumentRow>> DocumentRowsAsync(IReadOnlyList<NormativeDocument> list, CancellationToken ct)
    {
        var names = await db.Orgs.NamesAsync(list.Select(d => d.OrgUnitId).Distinct(), ct);
        var issuers = new Dictionary<long, string>();
        foreach (var d in list)
            issuers[d.Id] = await IssuerAsync(d, ct);
        return [.. list.Select(d => new DocumentRow(d.Id, d.Title, LegalityNames.Of(d.Level), names.GetValueOrDefault(d.OrgUnitId) ?? "", d.PlanYear, d.Status.ToString(),
            LegalityNames.Of(d.Status), d.DocumentNumber, Iso(d.PublishedOn), Iso(d.ValidUntil), Iso(d.FiledWithGovernmentOn), d.FiledWithGovernmentLate,
            Iso(d.FiledWithCongressOn), d.FiledWithCongressLate, d.ReviewMatterId, issuers[d.Id]))];
    }

    /// <summary>制定机关: a 政府规范性文件 is made by the government of the drafting unit's region (its official name, e.g.
    /// 威海市环翠区人民政府), not by the department that drafted it; a 部门规范性文件 by the department (its 全称).</summary>
    private async Task<string> IssuerAsync(NormativeDocument d, CancellationToken ct)
    {
        var unit = await db.Orgs.GetAsync(d.OrgUnitId, ct);
        if (d.Level != DocumentLevel.Government)
            return unit.NameForDocuments;
        var path = unit.Path;
        while (true)
        {
            var entry = await db.Orgs.FindByPathAsync(path, ct);
            if (entry is not null && Kernel.Orgs.OrgKinds.IsRegion(entry.Kind))
                return entry.GovernmentName;
            var trimmed = path.TrimEnd('/');
            var cut = trimmed.LastIndexOf('/');
            if (cut <= 0)
                return unit.NameForDocuments;
            path = trimmed[..(cut + 1)];
        }
    }

    /// <summary>现行有效规范性文件目录 of a region, for the public: every document in force issued in it. Anonymous callers
    /// have no data scope, so this reads past the filter, and answers only published, in-force documents (公开 by law).</summary>
    public async Task<(string Region, List<DocumentRow> Rows)> PublicRegisterAsync(string regionCode, CancellationToken ct)
    {
        var region = await db.Orgs.FindByCodeAsync(regionCode, ct);
        if (region is null || !Kernel.Orgs.OrgKinds.IsRegion(region.Kind))
            throw new NotFoundException($"地区“{regionCode}”不存在。");
        var path = region.Path;
        var list = await db.NormativeDocuments().ForSystemJob().AsNoTracking()
            .Where(d => d.Status == DocumentStatus.Published && db.OrgUnits.ForSystemJob().Any(o => o.Id == d.OrgUnitId && o.Path.StartsWith(path)))
            .OrderByDescending(d => d.PublishedOn).Take(1000).ToListAsync(ct);
        return (region.Name, await DocumentRowsAsync(list, ct));
    }

    public async Task<Page<ContractRow>> ContractsAsync(string? q, string? kind, int? page, int? size, CancellationToken ct, string? status = null, string? level = null,
        bool? keyProject = null)
    {
        var paging = Paging.Of(page, size);
        var rows = db.LegContracts().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
            rows = rows.Where(c => c.Name.Contains(q.Trim()) || c.Code.Contains(q.Trim()) || c.Counterparty.Contains(q.Trim()));
        if (LegalityNames.Parse<ContractKind>(kind, LegalityNames.Of) is { } k)
            rows = rows.Where(c => c.Kind == k);
        if (LegalityNames.Parse<ContractStatus>(status, LegalityNames.Of) is { } st)
            rows = rows.Where(c => c.Status == st);
        if (LegalityNames.Parse<ContractLevel>(level, LegalityNames.Of) is { } lv)
            rows = rows.Where(c => c.Level == lv);
        if (keyProject is { } key)
            rows = rows.Where(c => c.KeyProject == key);
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderByDescending(c => c.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        var ids = list.Select(c => c.Id).ToList();
        var open = await db.Set<ContractMilestone>().AsNoTracking().Where(m => ids.Contains(m.ContractId) && m.DoneOn == null)
            .GroupBy(m => m.ContractId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var breaches = await db.Set<ContractBreach>().AsNoTracking().Where(b => ids.Contains(b.ContractId))
            .GroupBy(b => b.ContractId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var names = await db.Orgs.NamesAsync(list.Select(c => c.OrgUnitId).Distinct(), ct);
        return new Page<ContractRow>([.. list.Select(c => new ContractRow(c.Id, c.Code, c.Name, LegalityNames.Of(c.Kind), names.GetValueOrDefault(c.OrgUnitId) ?? "",
            c.Counterparty, c.AmountFen / 100m, Iso(c.StartOn)!, Iso(c.EndOn)!, c.Status.ToString(), LegalityNames.Of(c.Status), c.ReviewMatterId, Iso(c.FiledOn),
            LegalityNames.Of(c.Level), open.GetValueOrDefault(c.Id), breaches.GetValueOrDefault(c.Id)) { KeyProject = c.KeyProject, KeyProjectName = c.KeyProjectName })],
            total, paging.Number, paging.Size);
    }

    private static string Iso(DateOnly d) => HolidayFile.Iso(d);

    private static string? Iso(DateOnly? d) => d is { } x ? HolidayFile.Iso(x) : null;
}

