using Fazhi.Web.Data;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Fazhi.Web.Modules.Enforcement.Rules;

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
/// The rules' context on PostgreSQL: one query per kind of fact for a whole chunk of records, each an
/// <c>unnest</c> of the keys joined <c>LATERAL</c> to its index, so that every key is an index probe at any scale. (With
/// <c>= ANY(@keys)</c> and thousands of keys the planner chose sequential scans of the plans and the records; see
/// bench/README.md.)
/// </summary>
internal static class RuleContextQueries
{
    public static Task<List<Officer>> OfficersAsync(FazhiDb db, List<string> numbers, CancellationToken ct) =>
        db.Officers().FromSqlRaw("""
            SELECT o.* FROM unnest(@numbers) AS k(number)
            CROSS JOIN LATERAL (SELECT * FROM enf_officers x WHERE x."CertificateNumber" = k.number) o
            """, Text("numbers", numbers))
            .IgnoreQueryFilters().AsNoTracking()
            // Only what the rules read: the review and training lists are left in the database.
            .Select(o => new Officer
            {
                Id = o.Id, OrgUnitId = o.OrgUnitId, Name = o.Name, CertificateNumber = o.CertificateNumber, IssuedOn = o.IssuedOn,
                ExpiresOn = o.ExpiresOn, Status = o.Status, StatusSince = o.StatusSince,
            }).ToListAsync(ct);

    public static Task<List<VisitRow>> VisitsAsync(FazhiDb db, List<EnterpriseSpan> enterprises, CancellationToken ct) =>
        db.Database.SqlQueryRaw<VisitRow>("""
            SELECT r.id AS "Id", r.org_unit_id AS "OrgUnitId", r.source_id AS "SourceId", r.opened_on AS "OpenedOn",
                   r.target_credit_code AS "TargetCreditCode"
            FROM unnest(@codes, @froms, @tos) AS k(code, lo, hi)
            CROSS JOIN LATERAL (SELECT id, org_unit_id, source_id, opened_on, target_credit_code FROM enf_records x
                                WHERE x.target_credit_code = k.code AND x.opened_on >= k.lo AND x.opened_on <= k.hi AND x.kind = 'Inspection') r
            """,
            Text("codes", enterprises.Select(e => e.Code).ToList()),
            Dates("froms", enterprises.Select(e => e.From).ToList()),
            Dates("tos", enterprises.Select(e => e.To).ToList())).ToListAsync(ct);

    public static Task<List<PlanRow>> PlansAsync(FazhiDb db, List<PlanKey> keys, CancellationToken ct) =>
        db.Database.SqlQueryRaw<PlanRow>("""
            SELECT p."OrgUnitId", p."TargetCreditCode", p."Year", p."Month", p."JointInspectionId"
            FROM unnest(@orgs, @codes, @years, @months) AS k(org, code, year, month)
            CROSS JOIN LATERAL (SELECT "OrgUnitId", "TargetCreditCode", "Year", "Month", "JointInspectionId" FROM enf_inspection_plans x
                                WHERE x."OrgUnitId" = k.org AND x."Year" = k.year AND x."Month" = k.month AND x."TargetCreditCode" = k.code) p
            """,
            Ints("orgs", keys.Select(k => k.OrgUnitId)),
            Text("codes", keys.Select(k => k.Code).ToList()),
            Ints("years", keys.Select(k => k.Year)),
            Ints("months", keys.Select(k => k.Month))).ToListAsync(ct);

    private static NpgsqlParameter Ints(string name, IEnumerable<int> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = values.ToArray() };

    private static NpgsqlParameter Text(string name, List<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    private static NpgsqlParameter Dates(string name, List<DateOnly> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = values.ToArray() };
}
