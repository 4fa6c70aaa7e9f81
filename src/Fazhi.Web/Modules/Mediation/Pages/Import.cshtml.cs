using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Mediation.Features;
using Fazhi.Web.Modules.Mediation.Import;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Mediation.Pages;

/// <summary>台账导入: check first (dry run, every row's problems by column), then import all or nothing.</summary>
[RequiresPermission(MediationPermissions.DisputeView)]
public sealed class ImportModel(DisputeLedgerImporter importer, MediationRegistry registry) : FazhiPageModel
{
    public IReadOnlyList<CommitteeDto> Committees { get; private set; } = [];
    public LedgerResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Committees = await registry.CommitteesAsync(ct);

    [RequiresPermission(MediationPermissions.LedgerImport)]
    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? org, bool? commit, CancellationToken ct)
    {
        Committees = await registry.CommitteesAsync(ct);
        if (file is null || file.Length == 0 || file.Length > DisputeLedgerImporter.MaxBytes)
        {
            ModelState.AddModelError("file", "请上传不超过20MB的台账文件（.xlsx 或 .csv）");
            return Page();
        }
        Result = await TryAsync(async () =>
        {
            await using var s = file.OpenReadStream();
            return await importer.ImportAsync(s, file.FileName, org, commit != true, ct);
        });
        if (Result is { Committed: true })
            Message = $"已导入：新增{Result.Created}件，更新{Result.Updated}件，未变{Result.Unchanged}件。";
        return Page();
    }
}
