using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Approvals;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Features;
using Fazhi.Web.Modules.Reconsideration.Features.Desk;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Reconsideration.Pages;

/// <summary>审批台 (issue 15 §6): the 受理、延期、决定 呈报 waiting for the leader, approved or returned here with a 批示,
/// and the 呈批表 of each.</summary>
[RequiresPermission(ReconPermissions.ApprovalDecide)]
public sealed class DeskModel(DeskService desk, ReconApprovalService approvals) : FazhiPageModel
{
    public DeskView View { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken ct) => View = await desk.ViewAsync(ct);

    /// <summary>呈批表 (.docx) of one 呈报.</summary>
    public async Task<IActionResult> OnGetFormAsync(long approvalId, CancellationToken ct)
    {
        var (content, name) = await desk.FormAsync(approvalId, ct);
        return File(content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name);
    }

    [RequiresPermission(ReconPermissions.ApprovalDecide)]
    public async Task<IActionResult> OnPostAsync(long approvalId, string? decision, string? opinion, CancellationToken ct)
    {
        var done = await TryAsync(() => decision == "return" ? approvals.ReturnAsync(approvalId, opinion, ct) : approvals.ApproveAsync(approvalId, opinion, ct));
        if (done is null)
        {
            await OnGetAsync(ct);
            return Page();
        }
        Message = done.Status == ApprovalStatus.Approved
            ? $"已批准（编号{done.Id}），所呈报的操作已执行。"
            : $"已退回（编号{done.Id}）。";
        return RedirectToPage();
    }
}
