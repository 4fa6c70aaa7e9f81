using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Features;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Legality.Pages;

[RequiresPermission(LegalityPermissions.View)]
public sealed class ContractsModel(LegalityQueries queries, DocumentService documents, ContractService contracts) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public bool? KeyProject { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }

    public Page<ContractRow> Result { get; private set; } = new([], 0, 1, 20);

    public Import.ContractImportResult? Import { get; private set; }

    [RequiresPermission(LegalityPermissions.ContractManage)]
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, bool commit, [FromServices] Import.ContractImporter importer, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            ModelState.AddModelError("", "请选择合同台账文件（.xlsx）");
        else
        {
            await using var stream = file.OpenReadStream();
            Import = await importer.ImportAsync(stream, dryRun: !commit, ct);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct) => Result = await queries.ContractsAsync(Q, Kind, PageNumber, PageSizes.Of(Size), ct, keyProject: KeyProject);

    [RequiresPermission(LegalityPermissions.ContractManage)]
    public async Task<IActionResult> OnPostRegisterAsync(ContractRequest request, CancellationToken ct)
    {
        if (await TryAsync(() => documents.RegisterContractAsync(request, submitForReview: true, ct)) is { } c)
        {
            Message = $"已登记合同“{c.Name}”并送合法性审查。";
            return Redirect($"/legality/matters/{c.ReviewMatterId}");
        }
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPermission(LegalityPermissions.ContractManage)]
    public async Task<IActionResult> OnPostFileAsync(long contractId, DateOnly? on, DateOnly? signedOn, CancellationToken ct)
    {
        if (await TryAsync(() => contracts.FileAsync(contractId, on, signedOn, ct)) is { } c)
        {
            Message = $"合同“{c.Name}”已备案。";
            return Redirect("/legality/contracts");
        }
        await LoadAsync(ct);
        return Page();
    }
}
