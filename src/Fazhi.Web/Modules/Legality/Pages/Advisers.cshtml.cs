using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Features;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Legality.Pages;

/// <summary>法律顾问名册: 政府法律顾问、公职律师、村（社区）法律顾问, their work counted, and the community coverage.</summary>
[RequiresPermission(LegalityPermissions.View)]
public sealed class AdvisersModel(AdviserService advisers) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }

    public Page<AdviserRow> Result { get; private set; } = new([], 0, 1, 20);
    public CoverageDto Coverage { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await advisers.ListAsync(Q, Kind, PageNumber, PageSizes.Of(Size), ct);
        Coverage = await advisers.CoverageAsync(advisers.ScopePath, advisers.TodayDate, ct);
    }

    [RequiresPermission(LegalityPermissions.AdviserManage)]
    public async Task<IActionResult> OnPostWorkAsync(long adviserId, AdviserWorkRequest request, CancellationToken ct)
    {
        if (await TryAsync(() => advisers.RecordWorkAsync(adviserId, request, ct)) is not null)
        {
            Message = "已登记。";
            return Redirect("/legality/advisers");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
