using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Features.Office;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Legality.Pages.Office;

[RequiresPermission(LegalityPermissions.OfficeView)]
public sealed class InspectionsModel(OfficeService office, OfficeQueries queries, FazhiDb db) : OfficePage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }

    public Page<InspectionRow> Result { get; private set; } = new([], 0, 1, 20);
    public string Today => Iso(office.Today);
    public List<(string Code, string Name)> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Result = await queries.InspectionsAsync(Q, Kind, State, PageNumber, PageSizes.Of(Size), ct);
        Units = await UnitsAsync(db, ct);
    }

    [RequiresPermission(LegalityPermissions.OfficeManage)]
    public async Task<IActionResult> OnPostCreateAsync(InspectionRequest request, List<RectificationInput>? items, CancellationToken ct)
    {
        var list = (items ?? []).Where(i => !string.IsNullOrWhiteSpace(i.Text) || i.DueOn is not null).ToList();
        if (await TryAsync(() => office.CreateInspectionAsync(request with { Items = list }, ct)) is { } i)
        {
            Message = $"已登记督察“{i.Title}”，整改事项{i.Items.Count}项。";
            return Redirect("/legality/office/inspections");
        }
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPermission(LegalityPermissions.OfficeReport)]
    public async Task<IActionResult> OnPostDoneAsync(long inspectionId, int seq, RectifyRequest request, CancellationToken ct)
    {
        if (await TryAsync(() => office.RectifyAsync(inspectionId, seq, request, ct)) is not null)
        {
            Message = $"第{seq}项整改已完成。";
            return Redirect("/legality/office/inspections");
        }
        await LoadAsync(ct);
        return Page();
    }
}
