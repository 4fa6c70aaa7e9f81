using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Domain;
using Fazhi.Web.Modules.Legality.Features;
using Fazhi.Web.Modules.Legality.Features.Actions;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Legality.Pages;

[RequiresPermission(LegalityPermissions.View)]
public sealed class MatterModel(ReviewService reviews, Kernel.Attachments.AttachmentService attachments, Kernel.Dictionaries.IDictionaries dictionaries,
    UserService users, Fazhi.Web.Data.FazhiDb db) : FazhiPageModel
{
    public MatterDto Matter { get; private set; } = null!;
    public List<IMatterAction> Actions { get; } = [];
    public List<UserDto> Reviewers { get; private set; } = [];
    public string? FailedAction { get; private set; }
    public string Today => reviews.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    public List<Kernel.Attachments.AttachmentDto> Attachments { get; private set; } = [];
    public IReadOnlyList<Kernel.Dictionaries.DictItemView> AttachmentCategories { get; private set; } = [];
    public bool CanAttach => User.Can(LegalityPermissions.Submit);
    public UserNames Names { get; private set; } = UserNames.Empty;

    public async Task OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct);

    [RequiresPermission(LegalityPermissions.Review)]
    public Task<IActionResult> OnPostReviewAsync(long id, string? action, MatterActionRequest request, CancellationToken ct) => ActAsync(id, action, LegalityPermissions.Review, request, ct);

    [RequiresPermission(LegalityPermissions.Comment)]
    public Task<IActionResult> OnPostCommentAsync(long id, string? action, MatterActionRequest request, CancellationToken ct) => ActAsync(id, action, LegalityPermissions.Comment, request, ct);

    [RequiresPermission(LegalityPermissions.Submit)]
    public Task<IActionResult> OnPostSubmitterAsync(long id, string? action, MatterActionRequest request, List<AdoptionInput>? answers, CancellationToken ct) =>
        ActAsync(id, action, LegalityPermissions.Submit, request with { Answers = answers }, ct);

    private async Task<IActionResult> ActAsync(long id, string? action, string permission, MatterActionRequest request, CancellationToken ct)
    {
        var handler = MatterActions.FromSegment(action);
        if (handler is null || handler.Permission != permission)
            return NotFound();
        if (await TryAsync(() => reviews.ActAsync(id, handler.Action, request, ct)) is not null)
        {
            Message = $"已{ReviewStateMachine.NameOf(handler.Action)}。";
            return Redirect($"/legality/matters/{id}");
        }
        FailedAction = action;
        await LoadAsync(id, ct);
        return Page();
    }

    [RequiresPermission(LegalityPermissions.Submit)]
    public async Task<IActionResult> OnPostAttachAsync(long id, IFormFile? file, string? category, CancellationToken ct)
    {
        try
        {
            if (await TryAsync(() => attachments.UploadAsync(ReviewService.Module, "matter", id, file, category, ct)) is { } a)
            {
                Message = $"已上传送审材料“{a.FileName}”。";
                return Redirect($"/legality/matters/{id}");
            }
        }
        catch (PayloadTooLargeException e)
        {
            ModelState.AddModelError("file", e.Message);
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        Matter = await LegalityEndpoints.ToDtoAsync(await reviews.GetAsync(id, ct), reviews, ct);
        var allowed = Matter.AllowedActions.ToHashSet();
        Actions.AddRange(MatterActions.All.Where(a => allowed.Contains(MatterActions.Segment(a.Action)) && User.Can(a.Permission)));
        Attachments = await attachments.ListAsync(ReviewService.Module, "matter", id, ct);
        AttachmentCategories = await dictionaries.ChoicesAsync(Kernel.Attachments.AttachmentService.CategoryType, ct);
        Names = await UserNames.LoadAsync(db, [Matter.Reviewer, Matter.SubmittedBy, .. Matter.Comments.Select(c => c.Author), .. Matter.Events.Select(e => e.Actor), .. Attachments.Select(a => a.UploadedBy)], ct);
        if (Actions.Any(a => a.Action == MatterAction.Assign))
            Reviewers = [.. (await users.ListAsync(null, ct)).Where(u => u.IsActive && u.Roles.Contains(LegalityPermissions.ReviewerRole))];
    }

    public string Segment(IMatterAction a) => MatterActions.Segment(a.Action);

    public static string HandlerOf(IMatterAction a) => a.Permission switch
    {
        LegalityPermissions.Review => "Review",
        LegalityPermissions.Comment => "Comment",
        _ => "Submitter",
    };
}
