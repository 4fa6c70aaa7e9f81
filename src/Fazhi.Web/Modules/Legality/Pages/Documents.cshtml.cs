using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Features;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Legality.Pages;

[RequiresPermission(LegalityPermissions.View)]
public sealed class DocumentsModel(LegalityQueries queries, DocumentService documents, ReviewService reviews) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }

    public Page<DocumentRow> Result { get; private set; } = new([], 0, 1, 20);
    public int Year => reviews.Today.Year;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct) => Result = await queries.DocumentsAsync(Q, Status, false, PageNumber, PageSizes.Of(Size), ct);

    [RequiresPermission(LegalityPermissions.DocumentManage)]
    public async Task<IActionResult> OnPostPlanAsync(string? title, string? level, int? planYear, CancellationToken ct)
    {
        if (await TryAsync(() => documents.PlanAsync(new PlanRequest(title, level, planYear), ct)) is { } d)
        {
            Message = $"已将《{d.Title}》列入{d.PlanYear}年度制定计划。";
            return Redirect($"/legality/documents/{d.Id}");
        }
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPermission(LegalityPermissions.Cleanup)]
    public async Task<IActionResult> OnPostCleanupAsync(string? title, CancellationToken ct)
    {
        if (await TryAsync(() => documents.StartCleanupAsync(title, ct)) is { } c)
        {
            Message = $"已发起“{c.Title}”，共{c.Items.Count}件现行有效文件待作出清理结论。";
            return Redirect("/legality/documents");
        }
        await LoadAsync(ct);
        return Page();
    }
}
