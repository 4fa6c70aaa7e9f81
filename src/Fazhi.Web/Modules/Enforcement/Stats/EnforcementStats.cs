using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Metrics;
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
/// Both periods are computed together: each query below answers both (conditional sums), so an answer costs about ten
/// round trips whatever the period.
/// A record counts on its decision date, or on the date it was opened if it has none (an inspection's date). Whole
/// months are read from the monthly roll-up (enf_record_months); the days of a month the period only partly covers (at
/// most the first and the last month) are counted from the records.
/// Warnings (DOMAIN says nothing about their dating; the platform's definition): raised = raised in the period; closed =
/// closed in the period; overdue = raised in the period and still open past the current step's deadline today.
/// Certificates ([004]): held at start = valid on the first day; revoked = 注销 or 撤销 in the period; new = issued in the
/// period; kept = held at start and not revoked in the period. Training: the training years (enf_officer_training) that
/// fall in the period's calendar years, of officers whose certificate ran at some time in the period.
/// Planned visits: the plan entries of the months the period touches, from their monthly roll-up (enf_plan_months).
/// </summary>
public sealed class EnforcementStats(FazhiDb db)
{
    /// <summary>Both periods' figures; read through <see cref="EnforcementMetricSource"/> (cached), not directly.</summary>
    internal async Task<EnforcementStatsAnswer> ComputeAsync(string? orgCode, Period period, CancellationToken ct)
    {
        var unit = string.IsNullOrWhiteSpace(orgCode) ? null : await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == orgCode.Trim(), ct)
            ?? throw new NotFoundException($"机构“{orgCode}”不存在或不在您的数据权限范围内。");
        var path = unit?.Path ?? (db.Actor.Scope.IsAll ? "/" : db.Actor.Scope.PathPrefix);
        var previousPeriod = period.SamePeriodLastYear();
        var current = Span.Of(period.From, period.To);
        var previous = Span.Of(previousPeriod.From, previousPeriod.To);
        var (now, before) = await FiguresAsync(path, current, previous, ct);
        return new EnforcementStatsAnswer(unit?.Code ?? "", unit?.Name ?? "全部", period.FromIso, period.ToIso, now,
            previousPeriod.FromIso, previousPeriod.ToIso, before);
    }

    /// <summary>A period cut for the roll-ups: the months it touches (<see cref="M0"/>–<see cref="M1"/>, yyyyMM), the
    /// months read from the record roll-up (<see cref="W0"/>–<see cref="W1"/>, empty when W0 &gt; W1) and the stretches of
    /// days read from the records, each inside one month, added (+1) or taken away (−1). A month the period covers only
    /// partly is read the cheaper way: its covered days from the records, or, when they are more than half the month and
    /// run to its start or end, the whole month from the roll-up less the days not covered.</summary>
    internal sealed record Span(DateOnly From, DateOnly To, int M0, int M1, int W0, int W1, IReadOnlyList<(DateOnly From, DateOnly To, int Sign)> Stretches)
    {
        public static Span Of(DateOnly from, DateOnly to)
        {
            var firstMonth = new DateOnly(from.Year, from.Month, 1);
            var lastMonth = new DateOnly(to.Year, to.Month, 1);
            var startsWhole = from.Day == 1;
            var endsWhole = to.AddDays(1).Day == 1;
            var w0 = startsWhole ? firstMonth : firstMonth.AddMonths(1);
            var w1 = endsWhole ? lastMonth : lastMonth.AddMonths(-1);
            var stretches = new List<(DateOnly, DateOnly, int)>();
            if (firstMonth == lastMonth && !startsWhole && !endsWhole)
                stretches.Add((from, to, 1)); // inside one month, touching neither end of it
            else
            {
                if (!startsWhole)
                {
                    // From a day inside the first month to its end (or to `to`, when that is the same month's last day).
                    var end = firstMonth.AddMonths(1).AddDays(-1);
                    if (end.DayNumber - from.DayNumber + 1 > from.DayNumber - firstMonth.DayNumber)
                    {
                        stretches.Add((firstMonth, from.AddDays(-1), -1));
                        w0 = firstMonth;
                    }
                    else
                        stretches.Add((from, end, 1));
                }
                if (!endsWhole)
                {
                    var end = lastMonth.AddMonths(1).AddDays(-1);
                    var start = firstMonth == lastMonth ? from : lastMonth; // == lastMonth here unless handled above
                    if (to.DayNumber - start.DayNumber + 1 > end.DayNumber - to.DayNumber)
                    {
                        stretches.Add((to.AddDays(1), end, -1));
                        w1 = lastMonth;
                    }
                    else
                        stretches.Add((start, to, 1));
                }
            }
            return new Span(from, to, Ym(firstMonth), Ym(lastMonth), Ym(w0), Ym(w1), stretches);
        }

        private static int Ym(DateOnly d) => d.Year * 100 + d.Month;
    }

    /// <summary>One period's counts of one kind of record for a key (a department's id or a month yyyyMM).</summary>
    private sealed record Part(int Key, RecordKind Kind, int Records, int Lenient, int Enterprises, long AmountFen);

    private async Task<(EnforcementFigures Current, EnforcementFigures Previous)> FiguresAsync(string path, Span c, Span p, CancellationToken ct)
    {
        var units = db.OrgUnits.AsNoTracking().Where(o => o.Path.StartsWith(path));
        var (byUnit, byMonth) = await RecordsAsync(units, c, p, ct);
        var names = await units.Where(o => o.Kind == Kernel.Orgs.OrgKind.EnforcementDepartment).Select(o => new Dept(o.Id, o.Code, o.Name)).ToDictionaryAsync(o => o.Id, ct);
        var today = Dates.Today(db.Clock);
        var (rules0, rules1) = await WarningsAsync(units, c, p, today, ct);
        var (scores0, scores1) = await ReviewsAsync(units, c, p, ct);
        var (certificates0, certificates1) = await CertificatesAsync(units, c, p, ct);
        var (plans0, plans1) = await PlansAsync(units, c, p, byUnit.Current, byUnit.Previous, ct);
        return (Figures(byUnit.Current, byMonth.Current, names, rules0, scores0, certificates0, plans0),
            Figures(byUnit.Previous, byMonth.Previous, names, rules1, scores1, certificates1, plans1));
    }

    private sealed record Dept(int Id, string Code, string Name);

    private static EnforcementFigures Figures(List<Part> byUnit, List<Part> byMonth, Dictionary<int, Dept> names, List<RuleFigures> byRule,
        List<decimal> scores, CertificateFigures certificates, PlanFigures plans)
    {
        var byDept = byUnit.GroupBy(r => r.Key)
            .Select(g => (Unit: names.GetValueOrDefault(g.Key), Counts: Count(g)))
            .Where(x => x.Unit is not null)
            .OrderByDescending(x => x.Counts.Total)
            .Select(x => new DepartmentFigures(x.Unit!.Code, x.Unit.Name, x.Counts)).ToList();
        var months = byMonth.GroupBy(r => r.Key).OrderBy(g => g.Key)
            .Select(g => new MonthFigures($"{g.Key / 100}-{g.Key % 100:00}", Count(g))).ToList();
        return new EnforcementFigures(Count(byUnit), byDept, months, byRule.Sum(r => r.Raised), byRule.Sum(r => r.Closed), byRule.Sum(r => r.Overdue), byRule,
            scores.Count, Percent.Mean(scores), certificates, plans);
    }

    /// <summary>The records of both periods by department and by month: whole months from the roll-up, summed in SQL;
    /// the partial months from the records.</summary>
    private async Task<((List<Part> Current, List<Part> Previous) ByUnit, (List<Part> Current, List<Part> Previous) ByMonth)> RecordsAsync(
        IQueryable<Kernel.Orgs.OrgUnit> units, Span c, Span p, CancellationToken ct)
    {
        int a0 = c.W0, a1 = c.W1, b0 = p.W0, b1 = p.W1;
        var months = from r in db.RecordMonths().AsNoTracking()
                     join o in units on r.OrgUnitId equals o.Id
                     where (r.Month >= a0 && r.Month <= a1) || (r.Month >= b0 && r.Month <= b1)
                     select r;
        var unitSums = await months.GroupBy(r => new { Key = r.OrgUnitId, r.Kind })
            .Select(g => new Sums(g.Key.Key, g.Key.Kind,
                g.Sum(r => r.Month >= a0 && r.Month <= a1 ? r.Records : 0), g.Sum(r => r.Month >= a0 && r.Month <= a1 ? r.Lenient : 0),
                g.Sum(r => r.Month >= a0 && r.Month <= a1 ? r.Enterprises : 0), g.Sum(r => r.Month >= a0 && r.Month <= a1 ? r.AmountFen : 0),
                g.Sum(r => r.Month >= b0 && r.Month <= b1 ? r.Records : 0), g.Sum(r => r.Month >= b0 && r.Month <= b1 ? r.Lenient : 0),
                g.Sum(r => r.Month >= b0 && r.Month <= b1 ? r.Enterprises : 0), g.Sum(r => r.Month >= b0 && r.Month <= b1 ? r.AmountFen : 0)))
            .ToListAsync(ct);
        var monthSums = await months.GroupBy(r => new { Key = r.Month, r.Kind })
            .Select(g => new Sums(g.Key.Key, g.Key.Kind,
                g.Sum(r => r.Month >= a0 && r.Month <= a1 ? r.Records : 0), g.Sum(r => r.Month >= a0 && r.Month <= a1 ? r.Lenient : 0),
                g.Sum(r => r.Month >= a0 && r.Month <= a1 ? r.Enterprises : 0), g.Sum(r => r.Month >= a0 && r.Month <= a1 ? r.AmountFen : 0),
                g.Sum(r => r.Month >= b0 && r.Month <= b1 ? r.Records : 0), g.Sum(r => r.Month >= b0 && r.Month <= b1 ? r.Lenient : 0),
                g.Sum(r => r.Month >= b0 && r.Month <= b1 ? r.Enterprises : 0), g.Sum(r => r.Month >= b0 && r.Month <= b1 ? r.AmountFen : 0)))
            .ToListAsync(ct);
        // The stretches of days: one small query each, an index range on (org_unit_id, counted_on) per department (a
        // disjunction of ranges would make PostgreSQL scan the whole table).
        var edges = new List<(int Unit, int Month, Sums Sums)>();
        foreach (var (period, span) in new[] { (0, c), (1, p) })
            foreach (var (d0, d1, sign) in span.Stretches)
            {
                var rows = await (from r in db.EnforcementRecords().AsNoTracking()
                                  join o in units on r.OrgUnitId equals o.Id
                                  where r.CountedOn >= d0 && r.CountedOn <= d1
                                  group r by new { r.OrgUnitId, r.Kind } into g
                                  select new
                                  {
                                      g.Key.OrgUnitId, g.Key.Kind, Records = g.Count(), Lenient = g.Count(x => x.Lenient),
                                      Enterprises = g.Count(x => x.TargetKind == TargetKind.Enterprise), Amount = g.Sum(x => x.AmountFen ?? 0),
                                  }).ToListAsync(ct);
                var month = d0.Year * 100 + d0.Month;
                edges.AddRange(rows.Select(r => (r.OrgUnitId, month, period == 0
                    ? new Sums(0, r.Kind, sign * r.Records, sign * r.Lenient, sign * r.Enterprises, sign * r.Amount, 0, 0, 0, 0)
                    : new Sums(0, r.Kind, 0, 0, 0, 0, sign * r.Records, sign * r.Lenient, sign * r.Enterprises, sign * r.Amount))));
            }
        var byUnit = Merge(unitSums.Concat(edges.Select(e => e.Sums with { Key = e.Unit })));
        var byMonth = Merge(monthSums.Concat(edges.Select(e => e.Sums with { Key = e.Month })));
        return ((Current(byUnit), Previous(byUnit)), (Current(byMonth), Previous(byMonth)));

        static List<Sums> Merge(IEnumerable<Sums> sums) =>
            [.. sums.GroupBy(s => (s.Key, s.Kind)).Select(g => new Sums(g.Key.Key, g.Key.Kind,
                g.Sum(s => s.Records0), g.Sum(s => s.Lenient0), g.Sum(s => s.Enterprises0), g.Sum(s => s.Amount0),
                g.Sum(s => s.Records1), g.Sum(s => s.Lenient1), g.Sum(s => s.Enterprises1), g.Sum(s => s.Amount1)))];
        static List<Part> Current(List<Sums> sums) =>
            [.. sums.Where(s => s.Records0 > 0).Select(s => new Part(s.Key, s.Kind, s.Records0, s.Lenient0, s.Enterprises0, s.Amount0))];
        static List<Part> Previous(List<Sums> sums) =>
            [.. sums.Where(s => s.Records1 > 0).Select(s => new Part(s.Key, s.Kind, s.Records1, s.Lenient1, s.Enterprises1, s.Amount1))];
    }

    /// <summary>Both periods' counts of one kind of record for a key (0: the period asked for, 1: a year earlier).</summary>
    private sealed record Sums(int Key, RecordKind Kind, int Records0, int Lenient0, int Enterprises0, long Amount0,
        int Records1, int Lenient1, int Enterprises1, long Amount1);

    private async Task<(List<RuleFigures>, List<RuleFigures>)> WarningsAsync(IQueryable<Kernel.Orgs.OrgUnit> units, Span c, Span p, DateOnly today, CancellationToken ct)
    {
        DateOnly c0 = c.From, c1 = c.To, p0 = p.From, p1 = p.To;
        var counts = await (from w in db.EnforcementWarnings().AsNoTracking()
                            join o in units on w.OrgUnitId equals o.Id
                            where (w.RaisedOn >= c0 && w.RaisedOn <= c1) || (w.RaisedOn >= p0 && w.RaisedOn <= p1)
                                  || (w.ClosedOn >= c0 && w.ClosedOn <= c1) || (w.ClosedOn >= p0 && w.ClosedOn <= p1)
                            group w by w.RuleCode into g
                            select new
                            {
                                Rule = g.Key,
                                Raised0 = g.Count(w => w.RaisedOn >= c0 && w.RaisedOn <= c1),
                                Closed0 = g.Count(w => w.ClosedOn >= c0 && w.ClosedOn <= c1),
                                Overdue0 = g.Count(w => w.RaisedOn >= c0 && w.RaisedOn <= c1 && w.Status != WarningStatus.Closed && w.DueOn < today),
                                Raised1 = g.Count(w => w.RaisedOn >= p0 && w.RaisedOn <= p1),
                                Closed1 = g.Count(w => w.ClosedOn >= p0 && w.ClosedOn <= p1),
                                Overdue1 = g.Count(w => w.RaisedOn >= p0 && w.RaisedOn <= p1 && w.Status != WarningStatus.Closed && w.DueOn < today),
                            }).ToDictionaryAsync(x => x.Rule, ct);
        return ([.. WarningRules.All.Select(r => counts.GetValueOrDefault(r.Code) is { } x ? new RuleFigures(r.Code, r.Name, x.Raised0, x.Closed0, x.Overdue0) : new RuleFigures(r.Code, r.Name, 0, 0, 0))],
            [.. WarningRules.All.Select(r => counts.GetValueOrDefault(r.Code) is { } x ? new RuleFigures(r.Code, r.Name, x.Raised1, x.Closed1, x.Overdue1) : new RuleFigures(r.Code, r.Name, 0, 0, 0))]);
    }

    private async Task<(List<decimal>, List<decimal>)> ReviewsAsync(IQueryable<Kernel.Orgs.OrgUnit> units, Span c, Span p, CancellationToken ct)
    {
        DateOnly c0 = c.From, c1 = c.To, p0 = p.From, p1 = p.To;
        // A few hundred files a year: the scores are averaged here (SQLite cannot sum decimals).
        var reviewed = await (from s in db.SampledRecords().AsNoTracking()
                              join o in units on s.OrgUnitId equals o.Id
                              where s.Score != null && ((s.ReviewedOn >= c0 && s.ReviewedOn <= c1) || (s.ReviewedOn >= p0 && s.ReviewedOn <= p1))
                              select new { On = s.ReviewedOn!.Value, Score = s.Score!.Value }).ToListAsync(ct);
        return ([.. reviewed.Where(r => r.On >= c0 && r.On <= c1).Select(r => r.Score)], [.. reviewed.Where(r => r.On >= p0 && r.On <= p1).Select(r => r.Score)]);
    }

    private async Task<(CertificateFigures, CertificateFigures)> CertificatesAsync(IQueryable<Kernel.Orgs.OrgUnit> units, Span c, Span p, CancellationToken ct)
    {
        // Counted in SQL, both periods in one pass: a province holds some 200,000 certificates. "Held on d" is
        // Officer.ValidOn(d) written out; "ended" is 注销 or 撤销 in the period.
        DateOnly c0 = c.From, c1 = c.To, p0 = p.From, p1 = p.To;
        var officers = from x in db.Officers().AsNoTracking() join o in units on x.OrgUnitId equals o.Id select x;
        var n = (await officers.GroupBy(x => 1).Select(g => new
        {
            AtStart0 = g.Count(x => x.IssuedOn <= c0 && x.ExpiresOn >= c0 && (x.Status == CertificateStatus.Valid || x.StatusSince == null || c0 < x.StatusSince)),
            EndedAmongHeld0 = g.Count(x => x.IssuedOn <= c0 && x.ExpiresOn >= c0 && (x.Status == CertificateStatus.Valid || x.StatusSince == null || c0 < x.StatusSince)
                                           && (x.Status == CertificateStatus.Cancelled || x.Status == CertificateStatus.Revoked) && x.StatusSince >= c0 && x.StatusSince <= c1),
            Ended0 = g.Count(x => (x.Status == CertificateStatus.Cancelled || x.Status == CertificateStatus.Revoked) && x.StatusSince >= c0 && x.StatusSince <= c1),
            Issued0 = g.Count(x => x.IssuedOn >= c0 && x.IssuedOn <= c1),
            AtEnd0 = g.Count(x => x.IssuedOn <= c1 && x.ExpiresOn >= c1 && (x.Status == CertificateStatus.Valid || x.StatusSince == null || c1 < x.StatusSince)),
            AtStart1 = g.Count(x => x.IssuedOn <= p0 && x.ExpiresOn >= p0 && (x.Status == CertificateStatus.Valid || x.StatusSince == null || p0 < x.StatusSince)),
            EndedAmongHeld1 = g.Count(x => x.IssuedOn <= p0 && x.ExpiresOn >= p0 && (x.Status == CertificateStatus.Valid || x.StatusSince == null || p0 < x.StatusSince)
                                           && (x.Status == CertificateStatus.Cancelled || x.Status == CertificateStatus.Revoked) && x.StatusSince >= p0 && x.StatusSince <= p1),
            Ended1 = g.Count(x => (x.Status == CertificateStatus.Cancelled || x.Status == CertificateStatus.Revoked) && x.StatusSince >= p0 && x.StatusSince <= p1),
            Issued1 = g.Count(x => x.IssuedOn >= p0 && x.IssuedOn <= p1),
            AtEnd1 = g.Count(x => x.IssuedOn <= p1 && x.ExpiresOn >= p1 && (x.Status == CertificateStatus.Valid || x.StatusSince == null || p1 < x.StatusSince)),
        }).ToListAsync(ct)).SingleOrDefault();

        // Training: one row per officer and year, summed in SQL for the officers whose certificate ran in the period.
        int y0 = c0.Year, y1 = c1.Year, z0 = p0.Year, z1 = p1.Year;
        var training = from x in officers
                       join t in db.TrainingYears().AsNoTracking() on x.Id equals EF.Property<long>(t, "OfficerId")
                       select new
                       {
                           x.Id, t.Hours, t.ExamPassed,
                           Now = t.Year >= y0 && t.Year <= y1 && x.IssuedOn <= c1 && x.ExpiresOn >= c0,
                           Before = t.Year >= z0 && t.Year <= z1 && x.IssuedOn <= p1 && x.ExpiresOn >= p0,
                       } into r
                       where r.Now || r.Before
                       select r;
        // One row (grouped by a constant; none when nothing matches), read as a list: EF warns about First without OrderBy.
        var tr = (await training.GroupBy(r => 1).Select(g => new
        {
            Trained0 = g.Where(r => r.Now && r.Hours > 0).Select(r => r.Id).Distinct().Count(),
            Hours0 = g.Sum(r => r.Now ? r.Hours : 0),
            Examined0 = g.Count(r => r.Now && r.ExamPassed != null),
            Passed0 = g.Count(r => r.Now && r.ExamPassed == true),
            Trained1 = g.Where(r => r.Before && r.Hours > 0).Select(r => r.Id).Distinct().Count(),
            Hours1 = g.Sum(r => r.Before ? r.Hours : 0),
            Examined1 = g.Count(r => r.Before && r.ExamPassed != null),
            Passed1 = g.Count(r => r.Before && r.ExamPassed == true),
        }).ToListAsync(ct)).SingleOrDefault();
        return (Figures(n?.AtStart0 ?? 0, n?.EndedAmongHeld0 ?? 0, n?.Ended0 ?? 0, n?.Issued0 ?? 0, n?.AtEnd0 ?? 0, tr?.Trained0 ?? 0, tr?.Hours0 ?? 0, tr?.Examined0 ?? 0, tr?.Passed0 ?? 0),
            Figures(n?.AtStart1 ?? 0, n?.EndedAmongHeld1 ?? 0, n?.Ended1 ?? 0, n?.Issued1 ?? 0, n?.AtEnd1 ?? 0, tr?.Trained1 ?? 0, tr?.Hours1 ?? 0, tr?.Examined1 ?? 0, tr?.Passed1 ?? 0));

        static CertificateFigures Figures(int atStart, int endedAmongHeld, int ended, int issued, int atEnd, int trained, decimal hours, int examined, int passed) =>
            new(atStart, atStart - endedAmongHeld, ended, issued, atEnd, trained, hours, examined, passed, Percent.Of(passed, examined));
    }

    private async Task<(PlanFigures, PlanFigures)> PlansAsync(IQueryable<Kernel.Orgs.OrgUnit> units, Span c, Span p, List<Part> now, List<Part> before, CancellationToken ct)
    {
        int m0 = c.M0, m1 = c.M1, n0 = p.M0, n1 = p.M1;
        // The months the period touches, from the roll-up of the plan entries.
        var planned = (await (from x in db.PlanMonths().AsNoTracking()
                             join o in units on x.OrgUnitId equals o.Id
                             where (x.Month >= m0 && x.Month <= m1) || (x.Month >= n0 && x.Month <= n1)
                             group x by 1 into g
                             select new { Now = g.Sum(x => x.Month >= m0 && x.Month <= m1 ? x.Visits : 0), Before = g.Sum(x => x.Month >= n0 && x.Month <= n1 ? x.Visits : 0) })
            .ToListAsync(ct)).SingleOrDefault();
        int y0 = Math.Min(m0, n0) / 100, y1 = Math.Max(m1, n1) / 100;
        var joint = await (from j in db.JointInspections().AsNoTracking()
                           join o in units on j.OrgUnitId equals o.Id
                           where j.Status == JointStatus.Confirmed && j.Year >= y0 && j.Year <= y1
                           select new { Month = j.Year * 100 + j.Month, j.Departments }).ToListAsync(ct);
        // An inspection counts on the day it was opened (it has no decision), so the record counts hold the enterprise visits.
        return (Figures(planned?.Now ?? 0, now, joint.Where(j => j.Month >= m0 && j.Month <= m1).Select(j => j.Departments).ToList()),
            Figures(planned?.Before ?? 0, before, joint.Where(j => j.Month >= n0 && j.Month <= n1).Select(j => j.Departments).ToList()));

        static PlanFigures Figures(int planned, List<Part> rows, List<int> joint) =>
            new(planned, rows.Where(r => r.Kind == RecordKind.Inspection).Sum(r => r.Enterprises), joint.Count, joint.Sum(d => d - 1));
    }

    private static KindCounts Count(IEnumerable<Part> rows)
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
}

public static class StatsEndpoints
{
    public static void MapStats(this RouteGroupBuilder g) =>
        g.MapGet("/stats", (string? org, DateOnly? from, DateOnly? to, EnforcementMetricSource figures) => figures.AnswerAsync(org, Period.Parse(from, to)))
            .WithSummary("执法监督统计（含下级机构）：检查、处罚、强制按部门/类型/月份，不罚轻罚，预警（按规则：下发、销号、逾期），评查平均分，执法证，涉企检查计划与联合检查；附上年同期")
            .RequirePermission(EnforcementPermissions.StatsView);
}
