using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Kernel.Approvals.Pages;

/// <summary>待审批: every module's pending 呈报 the user may decide, approved or returned here.</summary>
[RequiresPermission(PermissionPolicies.SignedIn)]
public sealed class IndexModel(ApprovalService approvals) : FazhiPageModel
{
    public List<ApprovalRow> Pending { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Pending = await approvals.PendingForMeAsync(ct);

    [RequiresPermission(PermissionPolicies.SignedIn)]
    public async Task<IActionResult> OnPostAsync(long approvalId, string decision, string? opinion, CancellationToken ct)
    {
        var done = await TryAsync(() => decision == "return"
            ? approvals.ReturnAsync(approvalId, opinion, ct)
            : approvals.ApproveAsync(approvalId, opinion, ct));
        if (done is null)
        {
            await OnGetAsync(ct);
            return Page();
        }
        Message = $"呈报（编号{done.Id}）{ApprovalNames.Of(done.Status)}。";
        return RedirectToPage();
    }
}
