using System.Linq.Expressions;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Fazhi.Web.Modules.Enforcement.Features.Warnings;

/// <summary>An enterprise named by the records being evaluated, and days around its visits that matter.</summary>
internal sealed record EnterpriseSpan(string Code, DateOnly From, DateOnly To)
{
    /// <summary>For each enterprise, the days within <paramref name="window"/> of each of its visits, overlapping
    /// windows merged (so no stored visit is read twice).</summary>
    public static List<EnterpriseSpan> Around(IEnumerable<(string Code, DateOnly Day)> visits, int window)
    {
        var spans = new List<EnterpriseSpan>();
        foreach (var g in visits.GroupBy(v => v.Code))
        {
            DateOnly? from = null, to = null;
            foreach (var day in g.Select(v => v.Day).Order())
            {
                if (to is { } t && day.AddDays(-window) <= t.AddDays(1))
                {
                    to = day.AddDays(window);
                    continue;
                }
                if (from is { } f)
                    spans.Add(new EnterpriseSpan(g.Key, f, to!.Value));
                from = day.AddDays(-window);
                to = day.AddDays(window);
            }
            spans.Add(new EnterpriseSpan(g.Key, from!.Value, to!.Value));
        }
        return spans;
    }
}

/// <summary>A plan entry's key: department, enterprise, month.</summary>
internal sealed record PlanKey(int OrgUnitId, string Code, int Year, int Month);

/// <summary>Another inspection of an enterprise, as stored.</summary>
internal sealed class VisitRow
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public string SourceId { get; set; } = "";
    public DateOnly OpenedOn { get; set; }
    public string TargetCreditCode { get; set; } = "";
}

/// <summary>A filed plan entry for an enterprise.</summary>
internal sealed class PlanRow
{
    public int OrgUnitId { get; set; }
    public string TargetCreditCode { get; set; } = "";
    public int Year { get; set; }
    public int Month { get; set; }
    public long? JointInspectionId { get; set; }
}

/// <summary>
/// The facts the rules consult, one query per kind of fact for a whole chunk of records.
/// <para>
/// PostgreSQL: each an <c>unnest</c> of the keys joined <c>LATERAL</c> to its index, so that every key is an index probe at
/// any scale (with <c>= ANY(@keys)</c> and thousands of keys the planner chose sequential scans of the plans and the
/// records; see bench/README.md). SQLite (one office's data): <c>IN</c> lists of a few hundred keys, the answers narrowed
/// in memory.
/// </para>
/// </summary>
internal static class RuleContextQueries
{
    /// <summary>Keys per <c>IN</c> list on SQLite.</summary>
    private const int LookupChunk = 250;

    /// <summary>Only what the rules read of an officer (with its status history for 无证执法): the review list (JSON) is left in the database.</summary>
    private static readonly Expression<Func<Officer, Officer>> RuleView = o => new Officer
    {
        Id = o.Id, OrgUnitId = o.OrgUnitId, Name = o.Name, CertificateNumber = o.CertificateNumber, IssuedOn = o.IssuedOn,
        ExpiresOn = o.ExpiresOn, Status = o.Status, StatusSince = o.StatusSince, StatusHistory = o.StatusHistory,
    };

    public static async Task<List<Officer>> OfficersAsync(FazhiDb db, List<string> numbers, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            return await db.Officers().FromSqlRaw("""
                    SELECT o.* FROM unnest(@numbers) AS k(number)
                    CROSS JOIN LATERAL (SELECT * FROM enf_officers x WHERE x."CertificateNumber" = k.number) o
                    """, Text("numbers", numbers))
                .ForSystemJob().AsNoTracking().Select(RuleView).ToListAsync(ct);
        var result = new List<Officer>();
        foreach (var part in numbers.Chunk(LookupChunk))
            result.AddRange(await db.Officers().ForSystemJob().AsNoTracking().Where(o => part.Contains(o.CertificateNumber)).Select(RuleView).ToListAsync(ct));
        return result;
    }

    /// <summary>The inspections of each enterprise within its spans.</summary>
    public static async Task<List<VisitRow>> VisitsAsync(FazhiDb db, List<EnterpriseSpan> spans, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            return await db.Database.SqlQueryRaw<VisitRow>("""
                    SELECT r.id AS "Id", r.org_unit_id AS "OrgUnitId", r.source_id AS "SourceId", r.opened_on AS "OpenedOn",
                           r.target_credit_code AS "TargetCreditCode"
                    FROM unnest(@codes, @froms, @tos) AS k(code, lo, hi)
                    CROSS JOIN LATERAL (SELECT id, org_unit_id, source_id, opened_on, target_credit_code FROM enf_records x
                                        WHERE x.target_credit_code = k.code AND x.opened_on >= k.lo AND x.opened_on <= k.hi AND x.kind = 'Inspection') r
                    """,
                    Text("codes", spans.Select(e => e.Code).ToList()),
                    Dates("froms", spans.Select(e => e.From).ToList()),
                    Dates("tos", spans.Select(e => e.To).ToList())).ToListAsync(ct);
        var visits = new List<VisitRow>();
        foreach (var part in spans.GroupBy(s => s.Code).Chunk(LookupChunk))
        {
            var codes = part.Select(g => g.Key).ToList();
            var from = part.Min(g => g.Min(s => s.From));
            var to = part.Max(g => g.Max(s => s.To));
            var found = await db.EnforcementRecords().ForSystemJob()
                .Where(r => r.Kind == RecordKind.Inspection && r.TargetCreditCode != null && codes.Contains(r.TargetCreditCode) && r.OpenedOn >= from && r.OpenedOn <= to)
                .Select(r => new VisitRow { Id = r.Id, OrgUnitId = r.OrgUnitId, SourceId = r.SourceId, OpenedOn = r.OpenedOn, TargetCreditCode = r.TargetCreditCode! })
                .ToListAsync(ct);
            var bySpan = part.ToDictionary(g => g.Key, g => g.ToList());
            visits.AddRange(found.Where(v => bySpan[v.TargetCreditCode].Any(s => v.OpenedOn >= s.From && v.OpenedOn <= s.To)));
        }
        return visits;
    }

    /// <summary>The plan entries filed under the keys.</summary>
    public static async Task<List<PlanRow>> PlansAsync(FazhiDb db, List<PlanKey> keys, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            return await db.Database.SqlQueryRaw<PlanRow>("""
                    SELECT p."OrgUnitId", p."TargetCreditCode", p."Year", p."Month", p."JointInspectionId"
                    FROM unnest(@orgs, @codes, @years, @months) AS k(org, code, year, month)
                    CROSS JOIN LATERAL (SELECT "OrgUnitId", "TargetCreditCode", "Year", "Month", "JointInspectionId" FROM enf_inspection_plans x
                                        WHERE x."OrgUnitId" = k.org AND x."Year" = k.year AND x."Month" = k.month AND x."TargetCreditCode" = k.code) p
                    """,
                    Ints("orgs", keys.Select(k => k.OrgUnitId)),
                    Text("codes", keys.Select(k => k.Code).ToList()),
                    Ints("years", keys.Select(k => k.Year)),
                    Ints("months", keys.Select(k => k.Month))).ToListAsync(ct);
        var plans = new List<PlanRow>();
        foreach (var part in keys.Chunk(LookupChunk))
        {
            var codes = part.Select(k => k.Code).Distinct().ToList();
            var years = part.Select(k => k.Year).Distinct().ToList();
            var wanted = part.ToHashSet();
            plans.AddRange((await db.InspectionPlans().ForSystemJob().AsNoTracking()
                    .Where(p => codes.Contains(p.TargetCreditCode) && years.Contains(p.Year))
                    .Select(p => new PlanRow { OrgUnitId = p.OrgUnitId, TargetCreditCode = p.TargetCreditCode, Year = p.Year, Month = p.Month, JointInspectionId = p.JointInspectionId })
                    .ToListAsync(ct))
                .Where(p => wanted.Contains(new PlanKey(p.OrgUnitId, p.TargetCreditCode, p.Year, p.Month))));
        }
        return plans;
    }

    private static NpgsqlParameter Ints(string name, IEnumerable<int> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = values.ToArray() };

    private static NpgsqlParameter Text(string name, List<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    private static NpgsqlParameter Dates(string name, List<DateOnly> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = values.ToArray() };
}
