using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.LegalAid.Features;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.LegalAid.Pages;

/// <summary>咨询登记: a quick-entry form over the log (来电、来信、来访、网上); a row may become an application.</summary>
[RequiresPermission(LegalAidPermissions.CaseView)]
public sealed class ConsultationsModel(AidDirectory directory) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Mode { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }

    public ConsultationRequest Input { get; private set; } = new("来电", null, null, "民事", null, null);
    public Page<ConsultationRow> Result { get; private set; } = new([], 0, 1, 20);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [RequiresPermission(LegalAidPermissions.ConsultationRecord)]
    public async Task<IActionResult> OnPostAsync(ConsultationRequest input, CancellationToken ct)
    {
        Input = input;
        if (await TryAsync(() => directory.AddConsultationAsync(input with { At = null, OrgCode = null, ReferralSource = null, ReferralRef = null }, ct)) is { } c)
        {
            Message = $"已登记{input.Name}的咨询。";
            return Redirect("/legal-aid/consultations");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => Result = await directory.ConsultationsAsync(Q, Mode, From, To, PageNumber, PageSizes.Of(Size), ct);
}
