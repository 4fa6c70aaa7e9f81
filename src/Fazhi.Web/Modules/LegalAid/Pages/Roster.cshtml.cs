using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.LegalAid.Features;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.LegalAid.Pages;

/// <summary>人员名册 with current load, and the workstations with their duty lawyers.</summary>
[RequiresPermission(LegalAidPermissions.CaseView)]
public sealed class RosterModel(AidDirectory directory) : FazhiPageModel
{
    public List<ProviderRow> Providers { get; private set; } = [];
    public List<WorkstationRow> Stations { get; private set; } = [];
    public ProviderRequest Input { get; private set; } = new(null, "律师", null, null, null, false, null);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [RequiresPermission(LegalAidPermissions.RosterEdit)]
    public async Task<IActionResult> OnPostAsync(ProviderRequest input, CancellationToken ct)
    {
        Input = input;
        if (await TryAsync(() => directory.AddProviderAsync(input, ct)) is not null)
        {
            Message = $"已将{input.Name}加入名册。";
            return Redirect("/legal-aid/roster");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Providers = await directory.ProvidersAsync(true, ct);
        Stations = await directory.WorkstationsAsync(ct);
    }
}
