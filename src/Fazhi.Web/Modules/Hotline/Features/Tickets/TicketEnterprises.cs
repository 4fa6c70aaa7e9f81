using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Contracts;
using Fazhi.Web.Modules.Hotline.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Hotline.Features.Tickets;

/// <summary>One department's dealings with the enterprise in the period: how many inspections and penalties, and their dates.</summary>
public sealed record EnterpriseDepartment(string DepartmentCode, string Department, int Inspections, int Penalties, IReadOnlyList<string> InspectedOn,
    IReadOnlyList<string> PenalisedOn);

/// <summary>An enterprise the ticket names, with its 行政检查 and 行政处罚 from two years before the ticket to today:
/// 重复检查 (one department many times) and silence (none at all) are visible at a glance.</summary>
public sealed record TicketEnterprise(string CreditCode, string Name, string MatchedAs, string From, string To, int Inspections, int Penalties,
    string? LastInspectedOn, string? LastPenalisedOn, IReadOnlyList<EnterpriseDepartment> Departments);

/// <summary>
/// 工单涉及企业 (issue 17 §4): the enterprises a ticket names — a valid 统一社会信用代码 in its text, or the registered name
/// (or its short form) of an enterprise that 行政执法监督 has records of in the ticket's district, through the enforcement
/// module's contract <see cref="IEnterpriseRecords"/> — each with its inspections and penalties by department.
/// </summary>
public sealed class TicketEnterprises(FazhiDb db, IEnterpriseRecords enterprises, TicketIngestion ingestion, TimeProvider clock)
{
    /// <summary>How far back from the ticket's receipt the records are read.</summary>
    public const int YearsBack = 2;

    public async Task<IReadOnlyList<TicketEnterprise>> ForTicketAsync(string ticketNo, CancellationToken ct)
    {
        var t = await db.HotlineTickets().AsNoTracking().FirstOrDefaultAsync(x => x.TicketNo == ticketNo, ct)
            ?? throw new NotFoundException($"工单“{ticketNo}”不存在或不在您的数据权限范围内。");
        var from = DateOnly.FromDateTime(ChinaTime.ToChina(t.ReceivedAtUtc)).AddYears(-YearsBack);
        var to = Kernel.Metrics.Dates.Today(clock);
        if (to < from)
            to = from;
        var orgs = await ingestion.OrgsAsync(ct);
        var district = orgs.ById(t.OrgUnitId)?.Code;
        var named = new List<EnterpriseNamed>();
        if (TicketQueries.CreditCodeIn(t.Text) is { } code)
            named.Add(new EnterpriseNamed(code, "", code));
        foreach (var n in await enterprises.NamedInAsync(t.Text, district, from, to, ct))
            if (!named.Any(x => x.CreditCode == n.CreditCode))
                named.Add(n);
        var result = new List<TicketEnterprise>();
        foreach (var n in named.Take(5))
        {
            var records = await enterprises.ForEnterpriseAsync(n.CreditCode, from, to, ct);
            var name = n.Name.Length > 0 ? n.Name : (records.Count > 0 ? records[0].EnterpriseName : null) ?? n.CreditCode;
            var inspections = records.Where(r => r.Kind == "inspection").ToList();
            var penalties = records.Where(r => r.Kind == "penalty").ToList();
            var departments = records.GroupBy(r => r.DepartmentCode)
                .Select(g => new EnterpriseDepartment(g.Key, g.First().Department, g.Count(r => r.Kind == "inspection"), g.Count(r => r.Kind == "penalty"),
                    [.. g.Where(r => r.Kind == "inspection").Select(r => Dates(r)).Order(StringComparer.Ordinal)],
                    [.. g.Where(r => r.Kind == "penalty").Select(r => Dates(r)).Order(StringComparer.Ordinal)]))
                .OrderByDescending(d => d.Inspections + d.Penalties).ThenBy(d => d.DepartmentCode, StringComparer.Ordinal).ToList();
            // The department the ticket is assigned to, when it has nothing on the enterprise: silent, and shown as such.
            if (t.DepartmentCode is { } assigned && orgs.ByCode(assigned) is { Kind: Kernel.Orgs.OrgKind.EnforcementDepartment } unit &&
                departments.All(d => d.DepartmentCode != assigned))
                departments.Add(new EnterpriseDepartment(assigned, unit.Name, 0, 0, [], []));
            result.Add(new TicketEnterprise(n.CreditCode, name, n.MatchedAs, Kernel.Metrics.Dates.Iso(from), Kernel.Metrics.Dates.Iso(to), inspections.Count,
                penalties.Count, inspections.Select(Dates).Max(StringComparer.Ordinal), penalties.Select(Dates).Max(StringComparer.Ordinal), departments));
        }
        return result;
    }

    /// <summary>The date a record counts on: decided (a penalty) or opened (an inspection).</summary>
    private static string Dates(EnterpriseRecord r) => Kernel.Metrics.Dates.Iso(r.DecidedOn ?? r.OpenedOn);
}

public static class TicketEnterpriseEndpoints
{
    public static void MapTicketEnterprises(this RouteGroupBuilder g) =>
        g.MapGet("/tickets/{ticketNo}/enterprises", (string ticketNo, TicketEnterprises svc, CancellationToken ct) => svc.ForTicketAsync(ticketNo, ct))
            .WithSummary("工单涉及的企业（内容中的统一社会信用代码，或本区县执法记录中企业的名称、简称）及其受理前两年至今的行政检查、行政处罚，按执法部门列次数与日期")
            .RequirePermission(HotlinePermissions.TicketView);
}
