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
        if (from is { Year: < 2000 or > 2100 }) errors["from"] = ["统计起始日期应在2000至2100年之间"];
        if (to is { Year: < 2000 or > 2100 }) errors["to"] = ["统计截止日期应在2000至2100年之间"];
        var unit = string.IsNullOrWhiteSpace(orgCode) ? null : await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == orgCode.Trim(), ct);
        if (!string.IsNullOrWhiteSpace(orgCode) && unit is null)
            throw new NotFoundException($"机构“{orgCode}”不存在或不在您的数据权限范围内。");
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var path = unit?.Path ?? (db.Actor.Scope.IsAll ? "/" : db.Actor.Scope.PathPrefix);
        var prevFrom = from!.Value.AddYears(-1);
        var prevTo = PreviousYear(to!.Value);
        return new EnforcementStatsAnswer(unit?.Code ?? "", unit?.Name ?? "全部", Iso(from.Value), Iso(to.Value),
            await FiguresAsync(path, from.Value, to.Value, ct), Iso(prevFrom), Iso(prevTo), await FiguresAsync(path, prevFrom, prevTo, ct));
    }

    /// <summary>The same day a year earlier; a month's last day maps to that month's last day (2025-02-28 → 2024-02-29),
    /// so a whole-month period stays whole.</summary>
    public static DateOnly PreviousYear(DateOnly d) =>
        d.AddDays(1).Day == 1 ? new DateOnly(d.Year - 1, d.Month, DateTime.DaysInMonth(d.Year - 1, d.Month)) : d.AddYears(-1);

    private sealed record Row(int OrgUnitId, int Month, RecordKind Kind, int Records, int Lenient, int Enterprises, long AmountFen);

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
                          select new Row(r.OrgUnitId, r.Month, r.Kind, r.Records, r.Lenient, r.Enterprises, r.AmountFen)).ToListAsync(ct);
        }
        else
        {
            var grouped = await (from r in db.EnforcementRecords().AsNoTracking()
                                 join o in units on r.OrgUnitId equals o.Id
                                 where r.CountedOn >= @from && r.CountedOn <= to
                                 group r by new { r.OrgUnitId, r.CountedOn.Year, r.CountedOn.Month, r.Kind } into g
                                 select new { g.Key.OrgUnitId, g.Key.Year, g.Key.Month, g.Key.Kind, Count = g.Count(), Lenient = g.Count(x => x.Lenient), Enterprises = g.Count(x => x.TargetKind == TargetKind.Enterprise), Amount = g.Sum(x => x.AmountFen ?? 0) })
                .ToListAsync(ct);
            rows = [.. grouped.Select(g => new Row(g.OrgUnitId, g.Year * 100 + g.Month, g.Kind, g.Count, g.Lenient, g.Enterprises, g.Amount))];
        }
        var names = await units.Where(o => o.Kind == Kernel.Orgs.OrgKind.EnforcementDepartment).Select(o => new { o.Id, o.Code, o.Name }).ToDictionaryAsync(o => o.Id, ct);
        var byDept = rows.GroupBy(r => r.OrgUnitId)
            .Select(g => (Unit: names.GetValueOrDefault(g.Key), Counts: Count(g)))
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
            await CertificatesAsync(units, from, to, ct), await PlansAsync(units, from, to, rows, ct));
    }

    private async Task<CertificateFigures> CertificatesAsync(IQueryable<Kernel.Orgs.OrgUnit> units, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // Counted in SQL: a province holds some 200,000 certificates. The conditions are Officer.ValidOn written out.
        var officers = from x in db.Officers().AsNoTracking() join o in units on x.OrgUnitId equals o.Id select x;
        var atStart = officers.Where(x => x.IssuedOn <= from && x.ExpiresOn >= from && (x.Status == CertificateStatus.Valid || x.StatusSince == null || from < x.StatusSince));
        var ended = officers.Where(x => (x.Status == CertificateStatus.Cancelled || x.Status == CertificateStatus.Revoked) && x.StatusSince >= from && x.StatusSince <= to);
        var heldAtStart = await atStart.CountAsync(ct);
        var endedAmongHeld = await atStart.CountAsync(x => (x.Status == CertificateStatus.Cancelled || x.Status == CertificateStatus.Revoked) && x.StatusSince >= from && x.StatusSince <= to, ct);
        var revoked = await ended.CountAsync(ct);
        var issued = await officers.CountAsync(x => x.IssuedOn >= from && x.IssuedOn <= to, ct);
        var heldAtEnd = await officers.CountAsync(x => x.IssuedOn <= to && x.ExpiresOn >= to && (x.Status == CertificateStatus.Valid || x.StatusSince == null || to < x.StatusSince), ct);
        // Training is a JSON list per officer: read only that column, of officers who held a certificate in the period.
        var years = Enumerable.Range(from.Year, to.Year - from.Year + 1).ToHashSet();
        var lists = await officers.Where(x => x.IssuedOn <= to && x.ExpiresOn >= from).Select(x => x.Training).ToListAsync(ct);
        var training = lists.SelectMany((list, i) => list.Where(t => years.Contains(t.Year)).Select(t => (Officer: i, t))).ToList();
        var examined = training.Count(t => t.t.ExamPassed is not null);
        var passed = training.Count(t => t.t.ExamPassed == true);
        return new CertificateFigures(heldAtStart, heldAtStart - endedAmongHeld, revoked, issued, heldAtEnd,
            training.Where(t => t.t.Hours > 0).Select(t => t.Officer).Distinct().Count(), training.Sum(t => t.t.Hours), examined, passed,
            examined == 0 ? null : Math.Round(100m * passed / examined, 2));
    }

    private async Task<PlanFigures> PlansAsync(IQueryable<Kernel.Orgs.OrgUnit> units, DateOnly from, DateOnly to, List<Row> rows, CancellationToken ct)
    {
        int m0 = from.Year * 100 + from.Month, m1 = to.Year * 100 + to.Month, y0 = from.Year, y1 = to.Year;
        // The year bounds let the (department, year, month) index narrow the scan; the month bounds make it exact.
        var planned = await (from p in db.InspectionPlans().AsNoTracking() join o in units on p.OrgUnitId equals o.Id
                             where p.Year >= y0 && p.Year <= y1 && p.Year * 100 + p.Month >= m0 && p.Year * 100 + p.Month <= m1 select p.Id).CountAsync(ct);
        // An inspection counts on the day it was opened (it has no decision), so the rows already hold the enterprise visits.
        var actual = rows.Where(r => r.Kind == RecordKind.Inspection).Sum(r => r.Enterprises);
        var joint = await (from j in db.JointInspections().AsNoTracking() join o in units on j.OrgUnitId equals o.Id
                           where j.Status == JointStatus.Confirmed && j.Year >= y0 && j.Year <= y1 && j.Year * 100 + j.Month >= m0 && j.Year * 100 + j.Month <= m1
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
