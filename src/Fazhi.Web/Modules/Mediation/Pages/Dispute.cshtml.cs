using System.Globalization;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Modules.Mediation.Features;
using Fazhi.Web.Modules.Mediation.Features.Actions;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Mediation.Pages;

/// <summary>纠纷详情: the dispute, its deadlines, its history, its documents, and the forms of the actions its state allows.</summary>
[RequiresPermission(MediationPermissions.DisputeView)]
public sealed class DisputeModel(DisputeService disputes, MediationDocuments documents, MediationRegistry registry, ICurrentUser actor, TimeProvider clock,
    Kernel.Attachments.AttachmentService attachments, Kernel.Dictionaries.IDictionaries dictionaries) : FazhiPageModel
{
    public sealed record ActionForm(string Segment, string Name, IReadOnlyList<DisputeField> Fields);

    public DisputeDto Dispute { get; private set; } = null!;
    public IReadOnlyList<MediationDocumentDto> Documents { get; private set; } = [];
    public IReadOnlyList<RosterEntry> Mediators { get; private set; } = [];
    public string? FailedAction { get; private set; }
    public List<Kernel.Attachments.AttachmentDto> Attachments { get; private set; } = [];
    public IReadOnlyList<Kernel.Dictionaries.DictItemView> AttachmentCategories { get; private set; } = [];
    public bool CanEdit => actor.Can(MediationPermissions.DisputeHandle);
    public bool CanDocument => actor.Can(MediationPermissions.DocumentGenerate);
    public string Today => ChinaTime.Now(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public IEnumerable<ActionForm> Actions => Dispute.AllowedActions.Select(DisputeActions.FromSegment).OfType<IDisputeAction>()
        .Select(a => new ActionForm(DisputeActions.Segment(a.Action), DisputeStateMachine.NameOf(a.Action), a.Form));

    public static IReadOnlyList<(MediationDocumentKind Kind, string Segment)> DocumentKinds { get; } =
        [.. Enum.GetValues<MediationDocumentKind>().Select(k => (k, MediationDocuments.SegmentOf(k)))];

    public string? Typed(string segment, string field) =>
        FailedAction == segment && Request.HasFormContentType && Request.Form.TryGetValue(field, out var v) ? v.ToString() : null;

    public async Task OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct);

    [RequiresPermission(MediationPermissions.DisputeHandle)]
    public async Task<IActionResult> OnPostActAsync(long id, string action, DisputeActionRequest request, CancellationToken ct)
    {
        var a = DisputeActions.FromSegment(action);
        if (a is not null && await TryAsync(() => disputes.ActAsync(id, a.Action, request, ct)) is not null)
        {
            Message = $"已{DisputeStateMachine.NameOf(a.Action)}。";
            return Redirect($"/mediation/disputes/{id}");
        }
        FailedAction = action;
        await LoadAsync(id, ct);
        return Page();
    }

    [RequiresPermission(MediationPermissions.DocumentGenerate)]
    public async Task<IActionResult> OnPostDocumentAsync(long id, string kind, CancellationToken ct)
    {
        if (MediationDocuments.ParseKind(kind) is { } k && await TryAsync(() => documents.GenerateAsync(id, k, ct)) is { } doc)
        {
            Message = $"已制作{doc.Title}（{doc.Number}）。";
            return Redirect($"/mediation/disputes/{id}");
        }
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>附件: 调解笔录、协议书的签字扫描件，委托调解函，裁定书.</summary>
    [RequiresPermission(MediationPermissions.DisputeHandle)]
    public async Task<IActionResult> OnPostAttachAsync(long id, IFormFile? file, string? category, CancellationToken ct)
    {
        try
        {
            if (await TryAsync(() => attachments.UploadAsync(DisputeService.Module, DisputeAttachments.EntityTypeCode, id, file, category, ct)) is { } a)
            {
                Message = $"已上传附件“{a.FileName}”。";
                return Redirect($"/mediation/disputes/{id}");
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
        var d = await disputes.GetAsync(id, ct);
        Dispute = await disputes.ToDtoAsync(d, ct);
        Documents = await documents.ListAsync(id, ct);
        Mediators = await registry.RosterAsync(Dispute.CommitteeCode, ct);
        Attachments = await attachments.ListAsync(DisputeService.Module, DisputeAttachments.EntityTypeCode, id, ct);
        AttachmentCategories = await dictionaries.ChoicesAsync(Kernel.Attachments.AttachmentService.CategoryType, ct);
    }
}
