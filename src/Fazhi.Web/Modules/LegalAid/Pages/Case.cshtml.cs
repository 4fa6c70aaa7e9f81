using System.Globalization;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Modules.LegalAid.Features;
using Fazhi.Web.Modules.LegalAid.Features.Actions;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.LegalAid.Pages;

/// <summary>案件详情: the application/case, its deadlines with how they were computed, its history, documents, attachments,
/// and one form per action its state allows (the handlers declare the forms).</summary>
[RequiresPermission(LegalAidPermissions.CaseView)]
public sealed class CaseModel(AidService cases, AidDocuments documents, AidDirectory directory, Kernel.Attachments.AttachmentService attachments,
    Kernel.Dictionaries.IDictionaries dictionaries, ICurrentUser actor, TimeProvider clock) : FazhiPageModel
{
    public sealed record ActionForm(string Segment, string Name, IReadOnlyList<AidField> Fields);

    public AidCaseDto Case { get; private set; } = null!;
    public List<AidDocumentDto> Documents { get; private set; } = [];
    public List<ProviderRow> Providers { get; private set; } = [];
    public List<Kernel.Attachments.AttachmentDto> Attachments { get; private set; } = [];
    public IReadOnlyList<Kernel.Dictionaries.DictItemView> AttachmentCategories { get; private set; } = [];
    public bool CanEdit => actor.Can(LegalAidPermissions.CaseHandle);
    public bool CanDocument => actor.Can(LegalAidPermissions.DocumentGenerate);
    public string? FailedAction { get; private set; }
    public string Today => ChinaTime.Now(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string? Typed(string segment, string field) =>
        FailedAction == segment && Request.HasFormContentType && Request.Form.TryGetValue(field, out var v) ? v.ToString() : null;

    public IEnumerable<ActionForm> Actions => Case.AllowedActions.Select(AidActions.FromSegment).OfType<IAidAction>()
        .Select(a => new ActionForm(AidActions.Segment(a.Action), AidStateMachine.NameOf(a.Action), a.Form));

    public async Task OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct);

    [RequiresPermission(LegalAidPermissions.CaseHandle)]
    public async Task<IActionResult> OnPostActAsync(long id, string action, AidActionRequest request, CancellationToken ct)
    {
        var a = AidActions.FromSegment(action);
        if (a is not null && await TryAsync(() => cases.ActAsync(id, a.Action, request, ct)) is not null)
        {
            Message = $"已{AidStateMachine.NameOf(a.Action)}。";
            return Redirect($"/legal-aid/cases/{id}");
        }
        if (a is null)
            ModelState.AddModelError("", $"没有“{action}”这一操作。");
        FailedAction = action;
        await LoadAsync(id, ct);
        return Page();
    }

    [RequiresPermission(LegalAidPermissions.DocumentGenerate)]
    public async Task<IActionResult> OnPostDocumentAsync(long id, string kind, CancellationToken ct)
    {
        if (AidDocuments.Parse(kind) is { } k && await TryAsync(() => documents.GenerateAsync(id, k, ct)) is { } d)
        {
            Message = $"已制作《{d.Title}》{d.Number}。";
            return Redirect($"/legal-aid/cases/{id}");
        }
        await LoadAsync(id, ct);
        return Page();
    }

    [RequiresPermission(LegalAidPermissions.CaseHandle)]
    public async Task<IActionResult> OnPostAttachAsync(long id, IFormFile? file, string? category, CancellationToken ct)
    {
        try
        {
            if (await TryAsync(() => attachments.UploadAsync(AidService.Module, AidAttachments.EntityTypeCode, id, file, category, ct)) is { } a)
            {
                Message = $"已上传附件“{a.FileName}”。";
                return Redirect($"/legal-aid/cases/{id}");
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
        Case = AidEndpoints.ToDto(await cases.GetAsync(id, ct), cases);
        Documents = await documents.ListAsync(id, ct);
        Attachments = await attachments.ListAsync(AidService.Module, AidAttachments.EntityTypeCode, id, ct);
        AttachmentCategories = await dictionaries.ChoicesAsync(Kernel.Attachments.AttachmentService.CategoryType, ct);
        if (CanEdit && Case.AllowedActions.Any(a => a is "assign" or "reassign"))
            Providers = await directory.ProvidersAsync(true, ct);
    }

    public static string DocumentTitle(string segment) => AidDocuments.Parse(segment) is { } k ? AidDocuments.TitleOf(k) : segment;
}
