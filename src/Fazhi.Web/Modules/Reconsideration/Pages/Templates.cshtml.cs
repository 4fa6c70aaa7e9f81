using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Features;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Reconsideration.Pages;

[RequiresPermission(ReconPermissions.CaseView)]
public sealed class TemplatesModel(DocumentService documents) : FazhiPageModel
{
    public sealed record Row(DocumentKind Kind, string Title, string Body);

    public List<Row> Templates { get; } = [];
    public IReadOnlyList<Fazhi.Web.Kernel.Documents.TemplateField> Fields => DocumentService.Fields.Fields;
    public DocumentKind? FailedKind { get; private set; }
    /// <summary>What was typed into the refused template, shown again so nothing is lost.</summary>
    public string? FailedBody { get; private set; }
    public bool CanEdit => User.IsInRole(Roles.Admin) && User.FindFirst(FazhiClaims.ScopePath)?.Value == "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [RequiresPlatformAdmin]

    [RequiresPermission(ReconPermissions.TemplateEdit)]
    public async Task<IActionResult> OnPostAsync(DocumentKind kind, string? body, CancellationToken ct)
    {
        if (!CanEdit)
            return Forbid();
        if (await TryAsync(() => documents.SaveTemplateAsync(kind, body, ct)))
        {
            Message = $"已保存《{DocumentKinds.TitleOf(kind)}》模板。";
            return RedirectToPage();
        }
        (FailedKind, FailedBody) = (kind, body);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        foreach (var k in Enum.GetValues<DocumentKind>())
            Templates.Add(new Row(k, DocumentKinds.TitleOf(k), await documents.TemplateBodyAsync(k, ct)));
    }
}
