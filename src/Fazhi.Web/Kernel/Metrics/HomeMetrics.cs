using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel.Metrics;

/// <summary>A count on the home page; each module publishes its own (e.g. 待办复议案件, 未销号预警). It shows only to a
/// user holding <paramref name="Permission"/>, the permission of the list it links to.</summary>
public sealed record HomeMetric(string Label, long Value, string? Href, string Permission);

public interface IHomeMetricSource
{
    /// <summary>The counts <paramref name="user"/> may see: a source counts only what the user holds the permission for.</summary>
    Task<IReadOnlyList<HomeMetric>> GetAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken ct);
}

/// <summary>The kernel's own counts, all within the caller's scope.</summary>
public sealed class KernelHomeMetrics(FazhiDb db, TimeProvider clock) : IHomeMetricSource
{
    public async Task<IReadOnlyList<HomeMetric>> GetAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var metrics = new List<HomeMetric>();
        if (user.Can(SystemPermissions.OrgView))
            metrics.Add(new HomeMetric("可见机构", await db.OrgUnits.CountAsync(o => o.IsActive, ct), "/system/orgs", SystemPermissions.OrgView));
        if (user.Can(SystemPermissions.UserView))
            metrics.Add(new HomeMetric("在用账号", await db.VisibleUsers().CountAsync(u => u.IsActive, ct), "/system/users", SystemPermissions.UserView));
        if (user.Can(SystemPermissions.AuditView))
        {
            var since = ChinaTime.StartOfTodayUtc(clock);
            var scope = db.Actor.Scope;
            metrics.Add(new HomeMetric("今日操作记录", await db.AuditEntries.CountAsync(a => a.AtUtc >= since &&
                (scope.IsAll || db.OrgUnits.Any(o => o.Id == a.OrgUnitId && o.Path.StartsWith(scope.PathPrefix))), ct), "/system/audit", SystemPermissions.AuditView));
        }
        return metrics;
    }
}
