using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Import;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Reconsideration.Pages;

[RequiresPermission(ReconPermissions.CaseView)]
[UploadLimit(LedgerImporter.MaxBytes)]
public sealed class ImportModel(LedgerImporter importer) : FazhiPageModel
{
    public ImportResult? Result { get; private set; }

    public void OnGet()
    {
    }

    [RequiresPermission(ReconPermissions.LedgerImport)]
    public async Task<IActionResult> OnPostAsync(IFormFile? file, bool dryRun, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", "请选择台账文件。");
            return Page();
        }
        await using var stream = file.OpenReadStream();
        Result = await TryAsync(() => importer.ImportAsync(stream, file.FileName, null, dryRun, ct));
        return Page();
    }
}
