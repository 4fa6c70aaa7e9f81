using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Modules.Enforcement.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement.Stats;

public sealed record KindCounts(int Inspections, int Penalties, int Coercions, int Others, int Lenient, decimal Amount)
{
    public int Total => Inspections + Penalties + Coercions + Others;
}

public sealed record DepartmentFigures(string Code, string Name, KindCounts Counts);

public sealed record MonthFigures(string Month, KindCounts Counts);

public sealed record RuleFigures(string Code, string Name, int Raised, int Closed, int Overdue);

public sealed record CertificateFigures(int HeldAtStart, int Kept, int Revoked, int New, int HeldAtEnd, int Trained, decimal TrainingHours, int Examined, int Passed, decimal? PassRate);

public sealed record PlanFigures(int PlannedVisits, int ActualVisits, int JointInspections, int VisitsSaved);

public sealed record EnforcementFigures(KindCounts Records, IReadOnlyList<DepartmentFigures> ByDepartment, IReadOnlyList<MonthFigures> ByMonth,
    int WarningsRaised, int WarningsClosed, int WarningsOverdue, IReadOnlyList<RuleFigures> ByRule, int FilesReviewed, decimal? AverageScore,
    CertificateFigures Certificates, PlanFigures Plans);

public sealed record EnforcementStatsAnswer(string Org, string OrgName, string From, string To, EnforcementFigures Current, string PreviousFrom, string PreviousTo, EnforcementFigures Previous);

/// <summary>
/// The figures of DOMAIN §2.3 for a unit and everything below it over a period, with the same period a year earlier.
/// A record counts on its decision date, or on the date it was opened if it has none (an inspection's date). Whole
/// months are read from the monthly roll-up; a period that starts or ends inside a month is counted from the records.
/// Warnings: raised = raised in the period; closed = closed in the period; overdue = raised in the period and still
/// open past the current step's deadline today. Certificates ([004]): held at start = valid on the first day; revoked =
/// 注销 or 撤销 in the period; new = issued in the period; kept = held at start and not revoked in the period.
/// </summary>
public sealed class EnforcementStats(FazhiDb db)
{
    public async Task<EnforcementStatsAnswer> ComputeAsync(string? orgCode, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (from is null) errors["from"] = ["请提供统计起始日期 from（YYYY-MM-DD）"];
        if (to is null) errors["to"] = ["请提供统计截止日期 to（YYYY-MM-DD）"];
        if (from > to) errors["to"] = ["截止日期不能早于起始日期"];
        if (from is { } f && to is { } t && t.DayNumber - f.DayNumber > 366 * 5) errors["to"] = ["统计区间不能超过5年"];
        var unit = string.IsNullOrWhiteSpace(orgCode) ? null : await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == orgCode.Trim(), ct);
        if (!string.IsNullOrWhiteSpace(orgCode) && unit is null)
            throw new NotFoundException($"机构“{orgCode}”不存在或不在您的数据权限范围内。");
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var path = unit?.Path ?? (db.Actor.Scope.IsAll ? "/" : db.Actor.Scope.PathPrefix);
        var prevFrom = from!.Value.AddYears(-1);
        var prevTo = to!.Value.AddYears(-1);
        return new EnforcementStatsAnswer(unit?.Code ?? "", unit?.Name ?? "全部", Iso(from.Value), Iso(to.Value),
            await FiguresAsync(path, from.Value, to.Value, ct), Iso(prevFrom), Iso(prevTo), await FiguresAsync(path, prevFrom, prevTo, ct));
    }

    private sealed record Row(int OrgUnitId, int Month, RecordKind Kind, int Records, int Lenient, long AmountFen);

    private async Task<EnforcementFigures> FiguresAsync(string path, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var units = db.OrgUnits.AsNoTracking().Where(o => o.Path.StartsWith(path));
        var wholeMonths = from.Day == 1 && to.AddDays(1).Day == 1;
        List<Row> rows;
        if (wholeMonths)
        {
            int m0 = from.Year * 100 + from.Month, m1 = to.Year * 100 + to.Month;
            rows = await (from r in db.RecordMonths().AsNoTracking()
                          join o in units on r.OrgUnitId equals o.Id
                          where r.Month >= m0 && r.Month <= m1
                          select new Row(r.OrgUnitId, r.Month, r.Kind, r.Records, r.Lenient, r.AmountFen)).ToListAsync(ct);
        }
        else
        {
            var grouped = await (from r in db.EnforcementRecords().AsNoTracking()
                                 join o in units on r.OrgUnitId equals o.Id
                                 where r.CountedOn >= @from && r.CountedOn <= to
                                 group r by new { r.OrgUnitId, r.CountedOn.Year, r.CountedOn.Month, r.Kind } into g
                                 select new { g.Key.OrgUnitId, g.Key.Year, g.Key.Month, g.Key.Kind, Count = g.Count(), Lenient = g.Count(x => x.Lenient), Amount = g.Sum(x => x.AmountFen ?? 0) })
                .ToListAsync(ct);
            rows = [.. grouped.Select(g => new Row(g.OrgUnitId, g.Year * 100 + g.Month, g.Kind, g.Count, g.Lenient, g.Amount))];
        }
        var names = await units.Where(o => o.Kind == Kernel.Orgs.OrgKind.EnforcementDepartment).Select(o => new { o.Id, o.Code, o.Name }).ToListAsync(ct);
        var byDept = rows.GroupBy(r => r.OrgUnitId)
            .Select(g => (Unit: names.FirstOrDefault(n => n.Id == g.Key), Counts: Count(g)))
            .Where(x => x.Unit is not null)
            .OrderByDescending(x => x.Counts.Total)
            .Select(x => new DepartmentFigures(x.Unit!.Code, x.Unit.Name, x.Counts)).ToList();
        var byMonth = rows.GroupBy(r => r.Month).OrderBy(g => g.Key)
            .Select(g => new MonthFigures($"{g.Key / 100}-{g.Key % 100:00}", Count(g))).ToList();

        var today = DateOnly.FromDateTime(ChinaTime.Now(db.Clock));
        var warnings = from w in db.EnforcementWarnings().AsNoTracking() join o in units on w.OrgUnitId equals o.Id select w;
        var raised = await warnings.Where(w => w.RaisedOn >= from && w.RaisedOn <= to)
            .GroupBy(w => w.RuleCode)
            .Select(g => new { Rule = g.Key, Raised = g.Count(), Overdue = g.Count(w => w.Status != WarningStatus.Closed && w.DueOn < today) })
            .ToListAsync(ct);
        var closed = await warnings.Where(w => w.ClosedOn >= from && w.ClosedOn <= to).GroupBy(w => w.RuleCode)
            .Select(g => new { Rule = g.Key, Count = g.Count() }).ToListAsync(ct);
        var byRule = WarningRules.All.Select(r => new RuleFigures(r.Code, r.Name,
            raised.FirstOrDefault(x => x.Rule == r.Code)?.Raised ?? 0, closed.FirstOrDefault(x => x.Rule == r.Code)?.Count ?? 0,
            raised.FirstOrDefault(x => x.Rule == r.Code)?.Overdue ?? 0)).ToList();

        var reviewed = await (from s in db.SampledRecords().AsNoTracking() join o in units on s.OrgUnitId equals o.Id
                              where s.ReviewedOn >= @from && s.ReviewedOn <= to && s.Score != null select s.Score!.Value).ToListAsync(ct);

        return new EnforcementFigures(Count(rows), byDept, byMonth, byRule.Sum(r => r.Raised), byRule.Sum(r => r.Closed), byRule.Sum(r => r.Overdue), byRule,
            reviewed.Count, reviewed.Count == 0 ? null : Math.Round(reviewed.Average(), 2),
            await CertificatesAsync(units, from, to, ct), await PlansAsync(units, from, to, ct));
    }

    private async Task<CertificateFigures> CertificatesAsync(IQueryable<Kernel.Orgs.OrgUnit> units, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var officers = await (from x in db.Officers().AsNoTracking() join o in units on x.OrgUnitId equals o.Id
                              where x.IssuedOn <= to select x).ToListAsync(ct);
        bool Ended(Officer x) => x.Status is CertificateStatus.Cancelled or CertificateStatus.Revoked && x.StatusSince >= from && x.StatusSince <= to;
        var atStart = officers.Where(x => x.ValidOn(from)).ToList();
        var years = Enumerable.Range(from.Year, to.Year - from.Year + 1).ToHashSet();
        var training = officers.SelectMany(x => x.Training.Where(t => years.Contains(t.Year)).Select(t => (x.Id, t))).ToList();
        var examined = training.Count(t => t.t.ExamPassed is not null);
        var passed = training.Count(t => t.t.ExamPassed == true);
        return new CertificateFigures(atStart.Count, atStart.Count(x => !Ended(x)), officers.Count(Ended),
            officers.Count(x => x.IssuedOn >= from), officers.Count(x => x.ValidOn(to)),
            training.Where(t => t.t.Hours > 0).Select(t => t.Id).Distinct().Count(), training.Sum(t => t.t.Hours), examined, passed,
            examined == 0 ? null : Math.Round(100m * passed / examined, 2));
    }

    private async Task<PlanFigures> PlansAsync(IQueryable<Kernel.Orgs.OrgUnit> units, DateOnly from, DateOnly to, CancellationToken ct)
    {
        int m0 = from.Year * 100 + from.Month, m1 = to.Year * 100 + to.Month;
        var planned = await (from p in db.InspectionPlans().AsNoTracking() join o in units on p.OrgUnitId equals o.Id
                             where p.Year * 100 + p.Month >= m0 && p.Year * 100 + p.Month <= m1 select p.Id).CountAsync(ct);
        var actual = await (from r in db.EnforcementRecords().AsNoTracking() join o in units on r.OrgUnitId equals o.Id
                            where r.Kind == RecordKind.Inspection && r.TargetKind == TargetKind.Enterprise && r.OpenedOn >= @from && r.OpenedOn <= to
                            select r.Id).CountAsync(ct);
        var joint = await (from j in db.JointInspections().AsNoTracking() join o in units on j.OrgUnitId equals o.Id
                           where j.Status == JointStatus.Confirmed && j.Year * 100 + j.Month >= m0 && j.Year * 100 + j.Month <= m1
                           select j.Departments).ToListAsync(ct);
        return new PlanFigures(planned, actual, joint.Count, joint.Sum(d => d - 1));
    }

    private static KindCounts Count(IEnumerable<Row> rows)
    {
        int i = 0, p = 0, c = 0, other = 0, lenient = 0;
        long fen = 0;
        foreach (var r in rows)
        {
            switch (r.Kind)
            {
                case RecordKind.Inspection: i += r.Records; break;
                case RecordKind.Penalty: p += r.Records; break;
                case RecordKind.Coercion: c += r.Records; break;
                default: other += r.Records; break;
            }
            lenient += r.Lenient;
            fen += r.AmountFen;
        }
        return new KindCounts(i, p, c, other, lenient, fen / 100m);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public static class StatsEndpoints
{
    public static void MapStats(this RouteGroupBuilder g) =>
        g.MapGet("/stats", (string? org, DateOnly? from, DateOnly? to, EnforcementStats stats, CancellationToken ct) => stats.ComputeAsync(org, from, to, ct))
            .WithSummary("执法监督统计（含下级机构）：检查、处罚、强制按部门/类型/月份，不罚轻罚，预警（按规则：下发、销号、逾期），评查平均分，执法证，涉企检查计划与联合检查；附上年同期");
}
