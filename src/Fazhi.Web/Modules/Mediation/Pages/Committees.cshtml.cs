using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Mediation.Features;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Mediation.Pages;

/// <summary>人民调解委员会 and the 调解员名录 (专职/兼职, training, 选派).</summary>
[RequiresPermission(MediationPermissions.DisputeView)]
public sealed class CommitteesModel(MediationRegistry registry) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public string? Committee { get; set; }
    public IReadOnlyList<CommitteeDto> Committees { get; private set; } = [];
    public IReadOnlyList<MediatorDto> Mediators { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [RequiresPermission(MediationPermissions.OrganisationEdit)]
    public async Task<IActionResult> OnPostMediatorAsync(MediatorRequest request, CancellationToken ct)
    {
        if (await TryAsync(() => registry.AddMediatorAsync(request, ct)) is { } m)
        {
            Message = $"已将{m.Name}列入{m.Committee}调解员名录。";
            return Redirect("/mediation/committees");
        }
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPermission(MediationPermissions.OrganisationEdit)]
    public async Task<IActionResult> OnPostCommitteeAsync(CommitteeRequest request, CancellationToken ct)
    {
        if (await TryAsync(() => registry.CreateCommitteeAsync(request, ct)) is { } c)
        {
            Message = $"已新增{c.Name}。";
            return Redirect("/mediation/committees");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Committees = await registry.CommitteesAsync(ct);
        Mediators = await registry.MediatorsAsync(Committee, ct);
    }
}
