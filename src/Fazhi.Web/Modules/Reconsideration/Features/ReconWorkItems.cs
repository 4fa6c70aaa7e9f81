using System.Security.Claims;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Reconsideration.Features;

/// <summary>行政复议's 待办 on the home page: cases whose deadline is 即将到期 or 已逾期 (the one deadline rule, the same
/// queues as the case list), and, for those who approve, the 呈报 awaiting approval.</summary>
internal sealed class ReconWorkItems(FazhiDb db, DeadlinePolicy deadlines) : IWorkItemSource
{
    public async Task<IReadOnlyList<WorkItem>> GetAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.Can(ReconPermissions.CaseView))
            return [];
        var today = DateOnly.FromDateTime(Kernel.ChinaTime.Now(db.Clock));
        var horizon = deadlines.DueSoonHorizon(today);
        var open = db.WorkTimers.Where(t => t.Module == ReconCaseService.Module);
        var due = await db.ReconCases().CountAsync(c => open.Any(t => t.OwnerId == c.Id
            && (t.State == TimerState.Running || t.State == TimerState.Warned) && t.DueOn >= today && t.DueOn <= horizon), ct);
        var overdue = await db.ReconCases().CountAsync(c => open.Any(t => t.OwnerId == c.Id
            && (t.State == TimerState.Running || t.State == TimerState.Warned || t.State == TimerState.Expired) && t.DueOn < today), ct);
        List<WorkItem> items =
        [
            new(WorkItemKind.Deadline, "复议案件即将到期", due, "/reconsideration/cases?queue=due", ReconPermissions.CaseView, DeadlineState.DueSoon.Tag()),
            new(WorkItemKind.Deadline, "复议案件已逾期", overdue, "/reconsideration/cases?queue=overdue", ReconPermissions.CaseView, DeadlineState.Overdue.Tag()),
        ];
        if (user.Can(ReconPermissions.ApprovalDecide))
        {
            var me = user.Identity?.Name;
            var pending = await db.Set<Kernel.Approvals.Approval>().CountAsync(a => a.Module == ReconApprovalHandler.ModuleCode &&
                a.Status == Kernel.Approvals.ApprovalStatus.Submitted && a.SubmittedBy != me, ct);
            items.Add(new(WorkItemKind.Approval, "复议呈报待审批", pending, "/reconsideration/cases?queue=approval", ReconPermissions.ApprovalDecide, "tag-warn"));
        }
        return items;
    }
}
