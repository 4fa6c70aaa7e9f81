namespace Fazhi.Web.Modules.Enforcement.Features.Plans;

/// <summary>One planned visit: a department's plan entry, with the region (the department's parent unit) it belongs to.</summary>
public sealed record PlannedVisit(long PlanId, int DepartmentId, int RegionId, int Year, int Month, string CreditCode, string TargetName);

/// <summary>A proposed 联合检查: the visits of <see cref="Departments"/> departments of one region to one enterprise in
/// one month.</summary>
public sealed record JointGroup(int RegionId, int Year, int Month, string CreditCode, string TargetName, int Departments, IReadOnlyList<long> PlanIds);

/// <summary>
/// "进一次门、查多项事": visits that several departments of the same district plan to the same enterprise in the same month
/// are proposed as one joint inspection. Departments of different districts are not merged: a joint inspection is
/// organised by the district that owns it.
/// </summary>
public static class JointGrouping
{
    public static IReadOnlyList<JointGroup> Group(IEnumerable<PlannedVisit> visits) =>
        [.. visits
            .GroupBy(v => (v.RegionId, v.Year, v.Month, v.CreditCode))
            .Select(g => (Key: g.Key, Visits: g.OrderBy(v => v.PlanId).ToList()))
            .Where(g => g.Visits.Select(v => v.DepartmentId).Distinct().Count() >= 2)
            .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Month).ThenBy(g => g.Key.RegionId).ThenBy(g => g.Key.CreditCode, StringComparer.Ordinal)
            // The name the first plan gave: plans name one enterprise (one credit code), possibly spelled differently.
            .Select(g => new JointGroup(g.Key.RegionId, g.Key.Year, g.Key.Month, g.Key.CreditCode, g.Visits[0].TargetName,
                g.Visits.Select(v => v.DepartmentId).Distinct().Count(), [.. g.Visits.Select(v => v.PlanId)]))];
}
