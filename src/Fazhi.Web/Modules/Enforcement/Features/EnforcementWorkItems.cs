using System.Security.Claims;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement.Features;

/// <summary>行政执法监督's 待办 on the home page: warnings awaiting the department's 反馈, awaiting 销号, and overdue;
/// each card links to the tab of the warning list that shows them.</summary>
internal sealed class EnforcementWorkItems(FazhiDb db) : IWorkItemSource
{
    public async Task<IReadOnlyList<WorkItem>> GetAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.Can(EnforcementPermissions.WarningView))
            return [];
        var today = DateOnly.FromDateTime(Kernel.ChinaTime.Now(db.Clock));
        var warnings = db.EnforcementWarnings();
        List<WorkItem> items = [];
        if (user.Can(EnforcementPermissions.WarningRespond))
            items.Add(new(WorkItemKind.Warning, "预警待反馈", await warnings.CountAsync(w => w.Status == WarningStatus.Issued, ct),
                "/enforcement/warnings?status=Issued", EnforcementPermissions.WarningRespond, "tag-warn"));
        if (user.Can(EnforcementPermissions.WarningClose))
            items.Add(new(WorkItemKind.Warning, "预警待销号", await warnings.CountAsync(w => w.Status == WarningStatus.Rectified, ct),
                "/enforcement/warnings?status=Rectified", EnforcementPermissions.WarningClose, "tag-warn"));
        items.Add(new(WorkItemKind.Deadline, "预警已逾期", await warnings.CountAsync(w => w.Status != WarningStatus.Closed && w.DueOn < today, ct),
            "/enforcement/warnings?status=overdue", EnforcementPermissions.WarningView, DeadlineState.Overdue.Tag()));
        return items;
    }
}
