using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Import;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Reconsideration.Pages;

[RequiresPermission(ReconPermissions.CaseView)]
[UploadLimit(LedgerImporter.MaxBytes)]
public sealed class ImportModel(LedgerImporter importer, RespondentAliasService aliases) : FazhiPageModel
{
    public ImportResult? Result { get; private set; }

    /// <summary>被申请人名称对应表: the names this bureau's ledgers use and the departments chosen for them.</summary>
    public List<AliasDto> Aliases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Aliases = await aliases.ListAsync(null, ct);

    [RequiresPermission(ReconPermissions.LedgerImport)]
    public async Task<IActionResult> OnPostAsync(IFormFile? file, bool dryRun, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", "请选择台账文件。");
            await OnGetAsync(ct);
            return Page();
        }
        await using (var stream = file.OpenReadStream())
            Result = await TryAsync(() => importer.ImportAsync(stream, file.FileName, null, dryRun, ct));
        await OnGetAsync(ct);
        return Page();
    }

    /// <summary>Remembers the departments chosen for the names no department matched; the next 预检 matches them.</summary>
    [RequiresPermission(ReconPermissions.LedgerImport)]
    public async Task<IActionResult> OnPostAliasesAsync(List<AliasRequest> choices, CancellationToken ct)
    {
        if (await TryAsync(async () => (object)await aliases.SaveAsync(choices, ct)) is { } saved)
        {
            Message = $"已记住{saved}个名称的对应部门，请重新上传台账预检。";
            return RedirectToPage();
        }
        await OnGetAsync(ct);
        return Page();
    }

    [RequiresPermission(ReconPermissions.LedgerImport)]
    public async Task<IActionResult> OnPostDeleteAliasAsync(long aliasId, CancellationToken ct)
    {
        if (await TryAsync(() => aliases.DeleteAsync(aliasId, ct)))
        {
            Message = "已删除该对应关系。";
            return RedirectToPage();
        }
        await OnGetAsync(ct);
        return Page();
    }
}
