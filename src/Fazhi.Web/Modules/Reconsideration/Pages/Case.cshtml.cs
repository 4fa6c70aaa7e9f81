using System.Globalization;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Approvals;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Features;
using Fazhi.Web.Modules.Reconsideration.Features.Actions;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Reconsideration.Pages;

/// <summary>案件详情: the case, its deadlines with how they were computed, its history, and the actions its state allows.</summary>
[RequiresPermission(ReconPermissions.CaseView)]
public sealed partial class CaseModel(ReconCaseService cases, DocumentService documents, ReconApprovalService approvals,
    Kernel.Attachments.AttachmentService attachments, Kernel.Dictionaries.IDictionaries dictionaries, ICurrentUser actor,
    Microsoft.Extensions.Options.IOptions<Rules.ReconRulesOptions> options, TimeProvider clock, UserService users) : FazhiPageModel
{
    /// <summary>One action's form as the page shows it: the handler's own declaration (<see cref="ICaseAction.Form"/>).</summary>
    public sealed record ActionForm(string Segment, string Name, IReadOnlyList<ActionField> Fields, bool Approvable);

    public CaseDto Case { get; private set; } = null!;
    public List<DocumentDto> Documents { get; private set; } = [];
    public List<(DocumentKind Kind, string Title)> DocumentKindsAvailable { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public string? FailedAction { get; private set; }

    /// <summary>承办人: the active users of 行政复议科 in scope; 批准人: the 局领导 in scope (pick lists, not free text).</summary>
    public List<UserDto> Assignees { get; private set; } = [];
    public List<UserDto> Approvers { get; private set; } = [];

    /// <summary>What the user typed into the form of <paramref name="segment"/> when it was refused, to show it again.</summary>
    public string? Typed(string segment, string field) =>
        FailedAction == segment && Request.HasFormContentType && Request.Form.TryGetValue(field, out var v) ? v.ToString() : null;
    public string Today => ChinaTime.Now(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public string NowLocal => ChinaTime.Now(clock).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>The forms of the actions the case's state allows (the state machine decides which; the handlers say what they ask).</summary>
    public IEnumerable<ActionForm> Actions => Case.AllowedActions
        .Select(CaseActions.FromSegment).OfType<ICaseAction>()
        .Select(a => new ActionForm(CaseActions.Segment(a.Action), CaseStateMachine.NameOf(a.Action), a.Form(options.Value), a is IApprovableAction));

    public List<ApprovalDto> Approvals { get; private set; } = [];
    public bool CanApprove => actor.Can(ReconPermissions.ApprovalDecide);
    public bool CanSubmit => actor.Can(ReconPermissions.ApprovalSubmit);
    public bool CanDocument => actor.Can(ReconPermissions.DocumentGenerate);
    public bool ApprovalRequired => options.Value.ApprovalRequired;

    /// <summary>Whether the action must be 呈报审批 (all approvable ones, or decisions alone by default: 第六十一条).</summary>
    public bool ApprovalRequiredFor(string segment) => options.Value.ApprovalRequired || options.Value.DecisionApprovalRequired && segment == "decide";

    [RequiresPermission(ReconPermissions.ApprovalSubmit)]
    public async Task<IActionResult> OnPostSubmitAsync(long id, string action, ActionRequest request, string? approvalNote, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (await TryAsync(() => approvals.SubmitAsync(id, new SubmitRequest(action, request, approvalNote), ct)) is not null)
        {
            Message = "已呈报，等待局领导审批。";
            return Redirect($"/reconsideration/cases/{id}");
        }
        FailedAction = action;
        return Page();
    }

    [RequiresPermission(ReconPermissions.ApprovalDecide)]
    public async Task<IActionResult> OnPostApprovalAsync(long id, long approvalId, string decision, string? opinion, CancellationToken ct) =>
        await DecideAsync(id, decision == "return"
            ? () => approvals.ReturnAsync(approvalId, opinion, ct)
            : () => approvals.ApproveAsync(approvalId, opinion, ct), ct);

    /// <summary>撤回: the submitter takes back their own 呈报.</summary>
    [RequiresPermission(ReconPermissions.ApprovalSubmit)]
    public async Task<IActionResult> OnPostWithdrawAsync(long id, long approvalId, CancellationToken ct) =>
        await DecideAsync(id, () => approvals.WithdrawAsync(approvalId, ct), ct);

    private async Task<IActionResult> DecideAsync(long id, Func<Task<Approval>> step, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var done = await TryAsync(step);
        if (done is not null)
        {
            Message = $"呈报{ApprovalNames.Of(done.Status)}。";
            return Redirect($"/reconsideration/cases/{id}");
        }
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct);

    [RequiresPermission(ReconPermissions.CaseHandle)]
    public async Task<IActionResult> OnPostActAsync(long id, string action, ActionRequest request, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (CaseActions.FromSegment(action) is not { } handler)
            return NotFound();
        if (await TryAsync(() => cases.ActAsync(id, handler.Action, request, ct)) is not null)
        {
            Message = $"已{CaseStateMachine.NameOf(handler.Action)}。";
            return Redirect($"/reconsideration/cases/{id}");
        }
        FailedAction = action;
        return Page();
    }

    [RequiresPermission(ReconPermissions.DocumentGenerate)]
    public async Task<IActionResult> OnPostDocumentAsync(long id, DocumentKind kind, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (await TryAsync(() => documents.GenerateAsync(id, kind, ct)) is { } doc)
        {
            Message = doc.Status == DocumentStatus.Draft ? $"已生成《{doc.Title}》草稿，签发时取文号。" : $"已重新生成《{doc.Title}》（{doc.Number ?? "已签发"}）。";
            return Redirect($"/reconsideration/cases/{id}");
        }
        return Page();
    }

    public List<Kernel.Attachments.AttachmentDto> Attachments { get; private set; } = [];
    public IReadOnlyList<Kernel.Dictionaries.DictItemView> AttachmentCategories { get; private set; } = [];
    public string AttachmentLimit => attachments.LimitText;
    public string AttachmentTypes => string.Join(" ", attachments.Options.AcceptedExtensions);

    [RequiresPermission(ReconPermissions.CaseHandle)]
    public async Task<IActionResult> OnPostAttachAsync(long id, IFormFile? file, string? category, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        try
        {
            if (await TryAsync(() => attachments.UploadAsync(ReconCaseService.Module, CaseAttachments.EntityTypeCode, id, file, category, ct)) is { } a)
            {
                Message = $"已上传附件“{a.FileName}”。";
                return Redirect($"/reconsideration/cases/{id}");
            }
        }
        catch (PayloadTooLargeException e)
        {
            ModelState.AddModelError("file", e.Message);
        }
        return Page();
    }

    [RequiresPermission(ReconPermissions.CaseHandle)]
    public async Task<IActionResult> OnPostDeleteAttachmentAsync(long id, long attachmentId, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (await TryAsync(() => attachments.DeleteAsync(attachmentId, ct)))
        {
            Message = "已删除附件。";
            return Redirect($"/reconsideration/cases/{id}");
        }
        return Page();
    }

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        var c = await cases.GetAsync(id, ct);
        Case = ReconEndpoints.ToDto(c, cases);
        Documents = await documents.ListAsync(id, ct);
        Approvals = await approvals.ListAsync(id, false, ct);
        DocumentKindsAvailable = [.. Enum.GetValues<DocumentKind>().Where(k => DocumentKinds.AppliesTo(k, c)).Select(k => (k, DocumentKinds.TitleOf(k)))];
        CanEdit = actor.Can(ReconPermissions.CaseHandle);
        Attachments = await attachments.ListAsync(ReconCaseService.Module, CaseAttachments.EntityTypeCode, id, ct);
        AttachmentCategories = await dictionaries.ChoicesAsync(Kernel.Attachments.AttachmentService.CategoryType, ct);
        await LoadCaseFileAsync(id, ct);
        if (CanEdit && Case.AllowedActions.Count > 0)
        {
            var active = (await users.ListAsync(null, ct)).Where(u => u.IsActive).ToList();
            Assignees = [.. active.Where(u => u.Roles.Contains(ReconPermissions.Role))];
            Approvers = [.. active.Where(u => u.Roles.Contains(Roles.Leader))];
        }
    }
}
