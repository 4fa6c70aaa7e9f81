using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Modules.Legality.Data;
using Fazhi.Web.Modules.Legality.Domain.Office;
using Fazhi.Web.Modules.Legality.Features.Office;
using Fazhi.Web.Modules.Legality.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Modules.Legality.Stats;

/// <summary>依法治区办 and 学法 figures of one period. 任务: due in the period (到期), completed in it (完成), and due in it but
/// not done by its deadline as of the period's end (超期); 督办 notices sent; 督察 held and their 整改事项, completed in the
/// period; 年度报告: reports of the years published in the period (the year before each) required and published (公开率);
/// 学法: sessions by kind, 任前考试 people, 人次 (all participants), exam pass rate.</summary>
public sealed record OfficeFigures(
    int TasksDue, int TasksDone, int TasksOverdue, int Supervisions, int Meetings, int Inspections, int Rectifications, int RectificationsDone,
    int LawReports, int ReportsRequired, int ReportsPublished, decimal? PublicationRate,
    int StudySessions, IReadOnlyDictionary<string, int> StudyByKind, int PreAppointmentPeople, int PersonTimes, int ExamParticipants, int ExamPassed, decimal? PassRate);

/// <summary>学法 since the start of the 普法 period: sessions, 任前考试 sessions and people, 人次.</summary>
public sealed record StudyCumulative(string Period, string From, string To, int Sessions, int PreAppointmentSessions, int PreAppointmentPeople, int PersonTimes,
    int AnnualExamPersonTimes);

public sealed record OfficeStatsAnswer(OfficeFigures Current, OfficeFigures Previous, StudyCumulative? Cumulative, RankingAnswer Ranking);

public sealed class OfficeStats(FazhiDb db, OfficeQueries queries, IOptions<OfficeOptions> options)
{
    public async Task<OfficeStatsAnswer> ComputeAsync(string path, Period period, CancellationToken ct)
    {
        var previous = period.SamePeriodLastYear();
        var pufa = OfficeRules.PeriodContaining(options.Value.PufaPeriods, period.To);
        return new OfficeStatsAnswer(await FiguresAsync(path, period.From, period.To, ct), await FiguresAsync(path, previous.From, previous.To, ct),
            pufa is null ? null : await CumulativeAsync(path, pufa, period.To, ct),
            await queries.RankingAsync(period.To.Year, OfficeRules.QuarterOf(period.To), path, ct));
    }

    public async Task<StudyCumulative> CumulativeAsync(string path, PufaPeriod pufa, DateOnly to, CancellationToken ct)
    {
        var from = pufa.Start;
        var s = await db.StudySessions().AsNoTracking()
            .Where(x => x.HeldOn >= from && x.HeldOn <= to && db.OrgUnits.Any(o => o.Id == x.OrgUnitId && o.Path.StartsWith(path)))
            .GroupBy(x => x.Kind).Select(g => new { g.Key, N = g.Count(), P = g.Sum(x => x.Participants) }).ToListAsync(ct);
        var pre = s.FirstOrDefault(x => x.Key == StudyKind.PreAppointmentExam);
        var annual = s.FirstOrDefault(x => x.Key == StudyKind.AnnualExam);
        return new StudyCumulative(pufa.Name + "普法", Dates.Iso(from), Dates.Iso(to), s.Sum(x => x.N), pre?.N ?? 0, pre?.P ?? 0, s.Sum(x => x.P), annual?.P ?? 0);
    }

    private async Task<OfficeFigures> FiguresAsync(string path, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var tasks = db.PlanTasks().AsNoTracking().Where(t => db.OrgUnits.Any(o => o.Id == t.OrgUnitId && o.Path.StartsWith(path)));
        var due = await tasks.CountAsync(t => t.DueOn >= from && t.DueOn <= to, ct);
        var done = await tasks.CountAsync(t => t.CompletedOn >= from && t.CompletedOn <= to, ct);
        var overdue = await tasks.CountAsync(t => t.DueOn >= from && t.DueOn <= to && (t.CompletedOn == null ? t.DueOn < to : t.CompletedOn > t.DueOn), ct);
        var supervisions = await tasks.SelectMany(t => t.Entries).CountAsync(e => e.Kind == PlanTaskEntryKind.Supervision && e.On >= from && e.On <= to, ct);
        var meetings = await db.OfficeMeetings().AsNoTracking()
            .CountAsync(m => m.HeldOn >= from && m.HeldOn <= to && db.OrgUnits.Any(o => o.Id == m.OrgUnitId && o.Path.StartsWith(path)), ct);
        var inspections = db.Inspections().AsNoTracking().Where(i => db.OrgUnits.Any(o => o.Id == i.OrgUnitId && o.Path.StartsWith(path)));
        var held = await inspections.CountAsync(i => i.HeldOn >= from && i.HeldOn <= to, ct);
        var items = await inspections.Where(i => i.HeldOn >= from && i.HeldOn <= to).SelectMany(i => i.Items).CountAsync(ct);
        var itemsDone = await inspections.SelectMany(i => i.Items).CountAsync(x => x.DoneOn >= from && x.DoneOn <= to, ct);
        var lawReports = await db.LawReports().AsNoTracking()
            .CountAsync(r => r.On >= from && r.On <= to && db.OrgUnits.Any(o => o.Id == r.OrgUnitId && o.Path.StartsWith(path)), ct);
        var reports = db.AnnualLawReports().AsNoTracking()
            .Where(a => a.Year >= from.Year - 1 && a.Year <= to.Year - 1 && db.OrgUnits.Any(o => o.Id == a.OrgUnitId && o.Path.StartsWith(path)));
        var required = await reports.CountAsync(ct);
        var published = await reports.CountAsync(a => a.PublishedOn != null && a.PublishedOn <= to, ct);
        var study = await db.StudySessions().AsNoTracking()
            .Where(s => s.HeldOn >= from && s.HeldOn <= to && db.OrgUnits.Any(o => o.Id == s.OrgUnitId && o.Path.StartsWith(path)))
            .GroupBy(s => s.Kind).Select(g => new { g.Key, N = g.Count(), P = g.Sum(x => x.Participants), Passed = g.Sum(x => x.Passed ?? 0) }).ToListAsync(ct);
        var exams = study.Where(x => x.Key is StudyKind.PreAppointmentExam or StudyKind.AnnualExam).ToList();
        return new OfficeFigures(due, done, overdue, supervisions, meetings, held, items, itemsDone, lawReports, required, published, Percent.Of(published, required),
            study.Sum(x => x.N), study.ToDictionary(x => x.Key.ToString(), x => x.N), study.FirstOrDefault(x => x.Key == StudyKind.PreAppointmentExam)?.P ?? 0,
            study.Sum(x => x.P), exams.Sum(x => x.P), exams.Sum(x => x.Passed), Percent.Of(exams.Sum(x => x.Passed), exams.Sum(x => x.P)));
    }
}
