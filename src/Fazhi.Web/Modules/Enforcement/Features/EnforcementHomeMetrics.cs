using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement.Features;

internal sealed class EnforcementHomeMetrics(FazhiDb db) : IHomeMetricSource
{
    public async Task<IReadOnlyList<HomeMetric>> GetAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.Can(EnforcementPermissions.WarningView))
            return [];
        var today = DateOnly.FromDateTime(Kernel.ChinaTime.Now(db.Clock));
        var open = await db.EnforcementWarnings().CountAsync(w => w.Status != WarningStatus.Closed, ct);
        var overdue = await db.EnforcementWarnings().CountAsync(w => w.Status != WarningStatus.Closed && w.DueOn < today, ct);
        var toClose = await db.EnforcementWarnings().CountAsync(w => w.Status == WarningStatus.Rectified, ct);
        return
        [
            new HomeMetric("未销号执法预警", open, "/enforcement/warnings", EnforcementPermissions.WarningView),
            new HomeMetric("逾期未处理预警", overdue, "/enforcement/warnings?status=overdue", EnforcementPermissions.WarningView),
            new HomeMetric("待销号预警", toClose, "/enforcement/warnings?status=Rectified", EnforcementPermissions.WarningView),
        ];
    }
}
