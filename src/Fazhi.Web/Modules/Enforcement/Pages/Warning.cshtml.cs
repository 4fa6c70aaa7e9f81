using Fazhi.Web.Modules.Enforcement.Features.Warnings;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Enforcement.Pages;

/// <summary>
/// One warning and its handling: the department answers (反馈) and reports what it fixed (整改); the bureau closes it
/// (销号) or sends it back (退回整改). Every step goes through <see cref="WarningService"/>, as the API does, so the
/// checks (state, role, scope) and the Chinese messages are the same.
/// </summary>
[RequiresPermission(EnforcementPermissions.WarningView)]
public sealed class WarningModel(WarningService warnings, TimeProvider clock) : FazhiPageModel
{
    public WarningRow W { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool CanAct => EnforcementView.CanAct(User);
    public bool CanClose => EnforcementView.CanClose(User);

    /// <summary>The form that failed, so its text and error are shown again.</summary>
    public string? FailedStep { get; private set; }
    public string? Text { get; private set; }

    /// <summary>退回整改 leaves its reason in the close note while the warning is open again.</summary>
    public string? ReturnNote => W.Status != "Closed" && W.CloseNote?.StartsWith("退回：", StringComparison.Ordinal) == true ? W.CloseNote["退回：".Length..] : null;

    public async Task OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct);

    [RequiresPermission(EnforcementPermissions.WarningRespond)]
    public Task<IActionResult> OnPostFeedbackAsync(long id, string? text, CancellationToken ct) =>
        StepAsync(id, "feedback", text, () => warnings.FeedbackAsync(id, new StepRequest(text), ct), "已反馈，请在整改期限内报送整改情况。", ct);

    [RequiresPermission(EnforcementPermissions.WarningRespond)]
    public Task<IActionResult> OnPostRectifyAsync(long id, string? text, CancellationToken ct) =>
        StepAsync(id, "rectify", text, () => warnings.RectifyAsync(id, new StepRequest(text), ct), "已报送整改情况，等待执法监督科销号。", ct);

    [RequiresPermission(EnforcementPermissions.WarningClose)]
    public Task<IActionResult> OnPostCloseAsync(long id, string? text, CancellationToken ct) =>
        StepAsync(id, "close", text, () => warnings.CloseAsync(id, new StepRequest(text), ct), "已销号。", ct);

    [RequiresPermission(EnforcementPermissions.WarningClose)]
    public Task<IActionResult> OnPostReturnAsync(long id, string? text, CancellationToken ct) =>
        StepAsync(id, "return", text, () => warnings.ReturnAsync(id, new StepRequest(text), ct), "已退回整改，部门需重新报送整改情况。", ct);

    private async Task<IActionResult> StepAsync(long id, string step, string? text, Func<Task<WarningRow>> action, string done, CancellationToken ct)
    {
        if (await TryAsync(action) is not null)
        {
            Message = done;
            return Redirect($"/enforcement/warning/{id}");
        }
        FailedStep = step;
        Text = text;
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(ChinaTime.Now(clock));
        W = await warnings.GetRowAsync(id, ct); // not found or out of scope: the 404 page
    }
}
