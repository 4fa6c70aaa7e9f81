using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Features.Office;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Legality.Pages.Office;

[RequiresPermission(LegalityPermissions.OfficeView)]
public sealed class MeetingsModel(OfficeService office, OfficeQueries queries, FazhiDb db) : OfficePage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }

    public Page<MeetingRow> Result { get; private set; } = new([], 0, 1, 20);
    public string Today => Iso(office.Today);
    public List<(string Code, string Name)> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Result = await queries.MeetingsAsync(Q, Kind, Year, PageNumber, PageSizes.Of(Size), ct);
        Units = await UnitsAsync(db, ct);
    }

    [RequiresPermission(LegalityPermissions.OfficeManage)]
    public async Task<IActionResult> OnPostCreateAsync(MeetingRequest request, string? decisionText, CancellationToken ct)
    {
        var decisions = (decisionText ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (await TryAsync(() => office.CreateMeetingAsync(request with { Decisions = decisions }, ct)) is { } m)
        {
            Message = $"已登记会议“{m.Title}”。";
            return Redirect("/legality/office/meetings");
        }
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPermission(LegalityPermissions.OfficeManage)]
    public async Task<IActionResult> OnPostTaskAsync(long meetingId, int seq, string? ownerCode, DateOnly? dueOn, CancellationToken ct)
    {
        if (await TryAsync(() => office.DecisionToTaskAsync(meetingId, seq, new TaskRequest(null, null, ownerCode, dueOn), ct)) is { } t)
        {
            Message = $"已列为工作要点任务“{t.Title}”。";
            return Redirect($"/legality/office/tasks/{t.Id}");
        }
        await LoadAsync(ct);
        return Page();
    }
}
