using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Features;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Legality.Pages;

/// <summary>一项重大行政决策: its statutory steps with their records; what is still missing before 集体讨论决定.</summary>
[RequiresPermission(LegalityPermissions.View)]
public sealed class DecisionModel(DecisionService decisions) : FazhiPageModel
{
    public DecisionDto Decision { get; private set; } = null!;

    public async Task OnGetAsync(long id, CancellationToken ct) => Decision = await decisions.DtoAsync(await decisions.GetAsync(id, ct), ct);

    [RequiresPermission(LegalityPermissions.DecisionManage)]
    public async Task<IActionResult> OnPostStepAsync(long id, string action, DecisionStepRequest request, CancellationToken ct)
    {
        if (await TryAsync(() => decisions.StepAsync(id, action, request, ct)) is not null)
        {
            Message = "已登记。";
            return Redirect($"/legality/decisions/{id}");
        }
        await OnGetAsync(id, ct);
        return Page();
    }
}
