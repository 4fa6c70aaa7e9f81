using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel.Metrics;

/// <summary>A count on the home page; each module publishes its own (e.g. 待办复议案件, 未销号预警).</summary>
public sealed record HomeMetric(string Label, long Value, string? Href = null);

public interface IHomeMetricSource
{
    Task<IReadOnlyList<HomeMetric>> GetAsync(CancellationToken ct);
}

/// <summary>The kernel's own counts, all within the caller's scope.</summary>
public sealed class KernelHomeMetrics(FazhiDb db, TimeProvider clock) : IHomeMetricSource
{
    public async Task<IReadOnlyList<HomeMetric>> GetAsync(CancellationToken ct)
    {
        var units = await db.OrgUnits.CountAsync(o => o.IsActive, ct);
        var users = await db.VisibleUsers().CountAsync(u => u.IsActive, ct);
        var since = ChinaTime.StartOfTodayUtc(clock);
        var scope = db.Actor.Scope;
        var audit = await db.AuditEntries.CountAsync(a => a.AtUtc >= since &&
            (scope.IsAll || db.OrgUnits.Any(o => o.Id == a.OrgUnitId && o.Path.StartsWith(scope.PathPrefix))), ct);
        return
        [
            new HomeMetric("可见机构", units, "/system/orgs"),
            new HomeMetric("在用账号", users, "/system/users"),
            new HomeMetric("今日操作记录", audit, "/system/audit"),
        ];
    }
}
