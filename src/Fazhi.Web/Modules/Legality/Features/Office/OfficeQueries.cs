using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Data;
using Fazhi.Web.Modules.Legality.Domain.Office;
using Fazhi.Web.Modules.Legality.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Legality.Features.Office;

public sealed record TaskFilter(string? Q = null, string? Status = null, string? Owner = null, int? Year = null, int? Page = null, int? Size = null);

public sealed record TaskRow(long Id, int Year, int Seq, string Title, string Owner, string DueOn, string Status, string StatusName, int Progress, int Supervisions,
    string? LastSupervisedOn, string? CompletedOn, bool Overdue, bool FromMeeting);

public sealed record TaskEntryDto(string Kind, string KindName, string On, int? Progress, string Text, string Actor);

public sealed record TaskDto(TaskRow Row, string? Detail, IReadOnlyList<TaskEntryDto> Entries);

public sealed record RankingRow(int Rank, int UnitId, string Code, string Unit, decimal Total, decimal? PreviousTotal, int Indicators, int Evidence);

public sealed record RankingAnswer(int Year, int Quarter, decimal MaxTotal, IReadOnlyList<RankingRow> Rows);

public sealed record ScoreDto(long Id, long IndicatorId, string Indicator, decimal MaxScore, decimal Score, string? Note, string ScoredBy, string ScoredOn);

public sealed record MeetingRow(long Id, string Kind, string Title, string HeldOn, string? Place, string Attendees, string Agenda, IReadOnlyList<DecisionDto> Decisions);

public sealed record DecisionDto(int Seq, string Text, long? TaskId);

public sealed record InspectionRow(long Id, string Kind, string Title, string Unit, string HeldOn, string Findings, int Items, int Done, int Overdue,
    IReadOnlyList<RectificationDto> Rectifications);

public sealed record RectificationDto(int Seq, string Text, string DueOn, string? DoneOn, string? Result, bool Overdue);

public sealed record LawReportRow(long Id, string Unit, string Person, string Position, string Occasion, string On, string? Evaluation);

public sealed record AnnualReportRow(long Id, string Unit, string Code, int Year, string? SubmittedOn, string? PublishedOn, string? Url, bool Late);

public sealed record StudyRow(long Id, string Kind, string KindName, string Title, string Unit, string HeldOn, int Participants, int? Passed, decimal? PassRate);

/// <summary>The office's lists (search, filters, paging) and their .xlsx exports, and the quarter's ranking.</summary>
public sealed class OfficeQueries(FazhiDb db)
{
    public const int MaxExport = 10_000;

    private DateOnly Today => Dates.Today(db.Clock);

    private static string Iso(DateOnly d) => HolidayFile.Iso(d);

    private static string? Iso(DateOnly? d) => d is { } x ? HolidayFile.Iso(x) : null;

    private IQueryable<PlanTask> Filtered(TaskFilter f)
    {
        var q = db.PlanTasks().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var s = f.Q.Trim();
            q = q.Where(t => t.Title.Contains(s) || (t.Detail != null && t.Detail.Contains(s)));
        }
        if (f.Year is { } y)
            q = q.Where(t => t.Year == y);
        if (!string.IsNullOrWhiteSpace(f.Owner))
            q = q.Where(t => db.OrgUnits.Any(o => o.Id == t.OrgUnitId && o.Code == f.Owner.Trim()));
        var today = Today;
        q = f.Status switch
        {
            "open" or "推进中" => q.Where(t => t.Status == PlanTaskStatus.Open),
            "done" or "已完成" => q.Where(t => t.Status == PlanTaskStatus.Done),
            "overdue" or "超期" => q.Where(t => t.Status == PlanTaskStatus.Open && t.DueOn < today),
            "supervised" or "督办" => q.Where(t => t.Supervisions > 0),
            _ => q,
        };
        return q;
    }

    public async Task<Page<TaskRow>> TasksAsync(TaskFilter f, CancellationToken ct)
    {
        var paging = Paging.Of(f.Page, f.Size);
        var q = Filtered(f);
        var total = await q.CountAsync(ct);
        var list = await q.OrderByDescending(t => t.Year).ThenBy(t => t.Seq).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return new Page<TaskRow>(await TaskRowsAsync(list, ct), total, paging.Number, paging.Size);
    }

    public async Task<List<TaskRow>> TasksExportAsync(TaskFilter f, CancellationToken ct) =>
        await TaskRowsAsync(await Filtered(f).OrderByDescending(t => t.Year).ThenBy(t => t.Seq).Take(MaxExport).ToListAsync(ct), ct);

    public async Task<List<TaskRow>> TaskRowsAsync(IReadOnlyList<PlanTask> list, CancellationToken ct)
    {
        var names = await db.Orgs.NamesAsync(list.Select(t => t.OrgUnitId).Distinct(), ct);
        var today = Today;
        return [.. list.Select(t => new TaskRow(t.Id, t.Year, t.Seq, t.Title, names.GetValueOrDefault(t.OrgUnitId) ?? "", Iso(t.DueOn), t.Status.ToString(), Names.Of(t.Status),
            t.Progress, t.Supervisions, Iso(t.LastSupervisedOn), Iso(t.CompletedOn), t.IsOverdue(today), t.MeetingDecisionId is not null))];
    }

    public async Task<TaskDto> TaskDtoAsync(PlanTask t, CancellationToken ct) =>
        new((await TaskRowsAsync([t], ct))[0], t.Detail,
            [.. t.Entries.OrderBy(e => e.AtUtc).Select(e => new TaskEntryDto(e.Kind.ToString(), Names.Of(e.Kind), Iso(e.On), e.Progress, e.Text, e.Actor))]);

    public static byte[] Xlsx(string sheet, IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows, sheetName: sheet);
        return stream.ToArray();
    }

    public static byte[] TasksXlsx(IEnumerable<TaskRow> rows) => Xlsx("工作要点任务", rows.Select(r => new Dictionary<string, object?>
    {
        ["年度"] = r.Year, ["序号"] = r.Seq, ["任务"] = r.Title, ["牵头单位"] = r.Owner, ["完成时限"] = r.DueOn, ["状态"] = r.StatusName, ["进度（%）"] = r.Progress,
        ["督办次数"] = r.Supervisions, ["最近督办"] = r.LastSupervisedOn, ["完成日期"] = r.CompletedOn, ["超期"] = r.Overdue ? "是" : "否",
    }));

    // ---- 考核

    public async Task<List<ScoreDto>> ScoresAsync(string? orgCode, int year, int quarter, CancellationToken ct)
    {
        var indicators = (await OfficeService.VisibleIndicatorsAsync(db, year, ct)).ToDictionary(i => i.Id);
        var q = db.Scores().AsNoTracking().Where(s => s.Year == year && s.Quarter == quarter);
        if (!string.IsNullOrWhiteSpace(orgCode))
            q = q.Where(s => db.OrgUnits.Any(o => o.Id == s.OrgUnitId && o.Code == orgCode.Trim()));
        return [.. (await q.ToListAsync(ct)).Where(s => indicators.ContainsKey(s.IndicatorId)).OrderBy(s => indicators[s.IndicatorId].Seq)
            .Select(s => new ScoreDto(s.Id, s.IndicatorId, indicators[s.IndicatorId].Name, indicators[s.IndicatorId].MaxScore, s.Score, s.Note, s.ScoredBy, Iso(s.ScoredOn)))];
    }

    /// <summary>A quarter's ranking of the units scored (in the caller's scope, under <paramref name="path"/>), with the
    /// same quarter's totals a year earlier beside (同比, as every figure here is compared).</summary>
    public async Task<RankingAnswer> RankingAsync(int year, int quarter, string? path, CancellationToken ct)
    {
        if (quarter is < 1 or > 4)
            throw FazhiValidationException.For("quarter", "季度应为1至4");
        var (py, pq) = (year - 1, quarter);
        var scores = db.Scores().AsNoTracking();
        if (path is not null)
            scores = scores.Where(s => db.OrgUnits.Any(o => o.Id == s.OrgUnitId && o.Path.StartsWith(path)));
        var rows = await scores.Where(s => (s.Year == year && s.Quarter == quarter) || (s.Year == py && s.Quarter == pq))
            .Select(s => new { s.Id, s.OrgUnitId, s.Year, s.Quarter, s.Score }).ToListAsync(ct);
        var current = rows.Where(r => r.Year == year && r.Quarter == quarter).ToList();
        var ids = current.Select(r => r.Id).ToList();
        var evidence = await db.Set<Kernel.Attachments.Attachment>().AsNoTracking()
            .Where(a => a.Module == ReviewService.Module && a.EntityType == ScoreAttachments.Entity && ids.Contains(a.EntityId))
            .GroupBy(a => a.EntityId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var units = await db.Orgs.ByIdsAsync(current.Select(r => r.OrgUnitId).Distinct(), ct);
        var totals = current.GroupBy(r => r.OrgUnitId).Select(g => (g.Key, units.TryGetValue(g.Key, out var u) ? u.Name : "", g.Sum(x => x.Score))).ToList();
        var previous = rows.Where(r => r.Year == py && r.Quarter == pq).GroupBy(r => r.OrgUnitId).ToDictionary(g => g.Key, g => g.Sum(x => x.Score));
        var ranked = OfficeRules.Rank(totals);
        // 满分 of the quarter: the indicators it is scored on (one disabled later still counts for the quarters before).
        return new RankingAnswer(year, quarter, IndicatorRules.QuarterTotal(await OfficeService.VisibleIndicatorsAsync(db, year, ct), quarter), [.. ranked.Select(r => new RankingRow(r.Rank, r.UnitId, units.TryGetValue(r.UnitId, out var u) ? u.Code : "",
            r.Name, r.Total, previous.TryGetValue(r.UnitId, out var p) ? p : null, current.Count(c => c.OrgUnitId == r.UnitId),
            current.Where(c => c.OrgUnitId == r.UnitId).Sum(c => evidence.FirstOrDefault(e => e.Key == c.Id)?.N ?? 0)))]);
    }

    public static byte[] RankingXlsx(RankingAnswer a) => Xlsx($"{a.Year}年第{a.Quarter}季度", a.Rows.Select(r => new Dictionary<string, object?>
    {
        ["名次"] = r.Rank, ["单位"] = r.Unit, ["得分"] = r.Total, ["上年同季度得分"] = r.PreviousTotal, ["已评指标"] = r.Indicators, ["佐证材料"] = r.Evidence,
    }));

    // ---- 会议、督察、述法、年度报告、学法

    public async Task<Page<MeetingRow>> MeetingsAsync(string? q, string? kind, int? year, int? page, int? size, CancellationToken ct)
    {
        var paging = Paging.Of(page, size);
        var rows = MeetingsFiltered(q, kind, year);
        var total = await rows.CountAsync(ct);
        var list = await rows.Include(m => m.Decisions).OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return new Page<MeetingRow>([.. list.Select(MeetingRowOf)], total, paging.Number, paging.Size);
    }

    public IQueryable<OfficeMeeting> MeetingsFiltered(string? q, string? kind, int? year)
    {
        var rows = db.OfficeMeetings().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
            rows = rows.Where(m => m.Title.Contains(q.Trim()) || m.Agenda.Contains(q.Trim()));
        if (Names.Parse<MeetingKind>(kind) is { } k)
            rows = rows.Where(m => m.Kind == k);
        if (year is { } y)
            rows = rows.Where(m => m.HeldOn >= new DateOnly(y, 1, 1) && m.HeldOn <= new DateOnly(y, 12, 31));
        return rows;
    }

    public static MeetingRow MeetingRowOf(OfficeMeeting m) => new(m.Id, Names.Of(m.Kind), m.Title, Iso(m.HeldOn), m.Place, m.Attendees, m.Agenda,
        [.. m.Decisions.OrderBy(d => d.Seq).Select(d => new DecisionDto(d.Seq, d.Text, d.TaskId))]);

    public async Task<Page<InspectionRow>> InspectionsAsync(string? q, string? kind, string? state, int? page, int? size, CancellationToken ct)
    {
        var paging = Paging.Of(page, size);
        var rows = InspectionsFiltered(q, kind, state);
        var total = await rows.CountAsync(ct);
        var list = await rows.Include(i => i.Items).OrderByDescending(i => i.HeldOn).ThenByDescending(i => i.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return new Page<InspectionRow>(await InspectionRowsAsync(list, ct), total, paging.Number, paging.Size);
    }

    public IQueryable<OfficeInspection> InspectionsFiltered(string? q, string? kind, string? state)
    {
        var rows = db.Inspections().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
            rows = rows.Where(i => i.Title.Contains(q.Trim()) || i.Findings.Contains(q.Trim()));
        if (Names.Parse<InspectionKind>(kind) is { } k)
            rows = rows.Where(i => i.Kind == k);
        var today = Today;
        if (state == "open")
            rows = rows.Where(i => i.Items.Any(x => x.DoneOn == null));
        else if (state == "overdue")
            rows = rows.Where(i => i.Items.Any(x => x.DoneOn == null && x.DueOn < today));
        return rows;
    }

    public async Task<List<InspectionRow>> InspectionRowsAsync(IReadOnlyList<OfficeInspection> list, CancellationToken ct)
    {
        var names = await db.Orgs.NamesAsync(list.Select(i => i.OrgUnitId).Distinct(), ct);
        var today = Today;
        return [.. list.Select(i =>
        {
            var items = i.Items.OrderBy(x => x.Seq).Select(x => new RectificationDto(x.Seq, x.Text, Iso(x.DueOn), Iso(x.DoneOn), x.Result,
                x.DoneOn is { } done ? done > x.DueOn : today > x.DueOn)).ToList();
            return new InspectionRow(i.Id, Names.Of(i.Kind), i.Title, names.GetValueOrDefault(i.OrgUnitId) ?? "", Iso(i.HeldOn), i.Findings, items.Count,
                items.Count(x => x.DoneOn is not null), items.Count(x => x.DoneOn is null && x.Overdue), items);
        })];
    }

    public async Task<Page<LawReportRow>> LawReportsAsync(string? q, int? year, int? page, int? size, CancellationToken ct, string? org = null)
    {
        var paging = Paging.Of(page, size);
        var rows = LawReportsFiltered(q, year, org);
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderByDescending(r => r.On).ThenByDescending(r => r.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        var names = await db.Orgs.NamesAsync(list.Select(r => r.OrgUnitId).Distinct(), ct);
        return new Page<LawReportRow>([.. list.Select(r => new LawReportRow(r.Id, names.GetValueOrDefault(r.OrgUnitId) ?? "", r.Person, r.Position, r.Occasion, Iso(r.On), r.Evaluation))],
            total, paging.Number, paging.Size);
    }

    /// <summary>述法 by keyword, 年度 and 单位 (the unit's code).</summary>
    public IQueryable<LawReport> LawReportsFiltered(string? q, int? year, string? org = null)
    {
        var rows = db.LawReports().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
            rows = rows.Where(r => r.Person.Contains(q.Trim()) || r.Occasion.Contains(q.Trim()) || r.Position.Contains(q.Trim()));
        if (year is { } y)
            rows = rows.Where(r => r.On >= new DateOnly(y, 1, 1) && r.On <= new DateOnly(y, 12, 31));
        if (!string.IsNullOrWhiteSpace(org))
        {
            var code = org.Trim();
            rows = rows.Where(r => db.OrgUnits.Any(o => o.Id == r.OrgUnitId && o.Code == code));
        }
        return rows;
    }

    public async Task<List<AnnualReportRow>> AnnualReportsAsync(int year, CancellationToken ct)
    {
        var list = await db.AnnualLawReports().AsNoTracking().Where(a => a.Year == year).ToListAsync(ct);
        var units = await db.Orgs.ByIdsAsync(list.Select(a => a.OrgUnitId).Distinct(), ct);
        return [.. list.Select(a => new AnnualReportRow(a.Id, units.TryGetValue(a.OrgUnitId, out var u) ? u.Name : "", units.TryGetValue(a.OrgUnitId, out var u2) ? u2.Code : "",
            a.Year, Iso(a.SubmittedOn), Iso(a.PublishedOn), a.Url, a.PublishedLate)).OrderBy(r => r.Code, StringComparer.Ordinal)];
    }

    private IQueryable<StudySession> StudyFiltered(string? q, string? kind, int? year)
    {
        var rows = db.StudySessions().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
            rows = rows.Where(s => s.Title.Contains(q.Trim()) || (s.Names != null && s.Names.Contains(q.Trim())));
        if (Names.Parse<StudyKind>(kind) is { } k)
            rows = rows.Where(s => s.Kind == k);
        if (year is { } y)
            rows = rows.Where(s => s.HeldOn >= new DateOnly(y, 1, 1) && s.HeldOn <= new DateOnly(y, 12, 31));
        return rows;
    }

    public async Task<Page<StudyRow>> StudyAsync(string? q, string? kind, int? year, int? page, int? size, CancellationToken ct)
    {
        var paging = Paging.Of(page, size);
        var rows = StudyFiltered(q, kind, year);
        var total = await rows.CountAsync(ct);
        return new Page<StudyRow>(await StudyRowsAsync(await rows.OrderByDescending(s => s.HeldOn).ThenByDescending(s => s.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct), ct),
            total, paging.Number, paging.Size);
    }

    public async Task<List<StudyRow>> StudyExportAsync(string? q, string? kind, int? year, CancellationToken ct) =>
        await StudyRowsAsync(await StudyFiltered(q, kind, year).OrderByDescending(s => s.HeldOn).ThenByDescending(s => s.Id).Take(MaxExport).ToListAsync(ct), ct);

    private async Task<List<StudyRow>> StudyRowsAsync(List<StudySession> list, CancellationToken ct)
    {
        var names = await db.Orgs.NamesAsync(list.Select(s => s.OrgUnitId).Distinct(), ct);
        return [.. list.Select(s => new StudyRow(s.Id, s.Kind.ToString(), Names.Of(s.Kind), s.Title, names.GetValueOrDefault(s.OrgUnitId) ?? "", Iso(s.HeldOn), s.Participants, s.Passed,
            s.Passed is { } p ? Percent.Of(p, s.Participants) : null))];
    }

    public static byte[] StudyXlsx(IEnumerable<StudyRow> rows) => Xlsx("学法考法", rows.Select(r => new Dictionary<string, object?>
    {
        ["类别"] = r.KindName, ["名称"] = r.Title, ["组织单位"] = r.Unit, ["日期"] = r.HeldOn, ["参加人数"] = r.Participants, ["合格人数"] = r.Passed,
        ["合格率（%）"] = r.PassRate,
    }));
}

/// <summary>考核佐证材料 attach to a score: seen by who sees the score (the unit and the office), added by the unit or the office.</summary>
public sealed class ScoreAttachments(FazhiDb db) : Kernel.Attachments.IAttachmentOwner
{
    public const string Entity = "score";

    public string Module => ReviewService.Module;

    public string EntityType => Entity;

    public string ViewPermission => LegalityPermissions.OfficeView;

    public string AttachPermission => LegalityPermissions.OfficeReport;

    public async Task<int?> FindAsync(long entityId, CancellationToken ct) =>
        await db.Scores().AsNoTracking().Where(s => s.Id == entityId).Select(s => (int?)s.OrgUnitId).FirstOrDefaultAsync(ct);
}
