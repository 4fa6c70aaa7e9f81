using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Features.Office;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Legality.Pages.Office;

[RequiresPermission(LegalityPermissions.OfficeView)]
public sealed class TasksModel(OfficeQueries queries, OfficeService office, FazhiDb db) : OfficePage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }

    public Page<TaskRow> Result { get; private set; } = new([], 0, 1, 20);
    public List<(string Code, string Name)> Units { get; private set; } = [];
    public string Today => Iso(office.Today);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Result = await queries.TasksAsync(new TaskFilter(Q, Status, Owner, Year, PageNumber, PageSizes.Of(Size)), ct);
        Units = [.. (await db.OrgUnits.AsNoTracking().Where(o => o.IsActive && (o.Kind == Kernel.Orgs.OrgKind.EnforcementDepartment || o.Kind == Kernel.Orgs.OrgKind.Town
                || o.Kind == Kernel.Orgs.OrgKind.JusticeBureau)).OrderBy(o => o.Path).Select(o => new { o.Code, o.Name }).ToListAsync(ct)).Select(o => (o.Code, o.Name))];
    }

    [RequiresPermission(LegalityPermissions.OfficeManage)]
    public async Task<IActionResult> OnPostCreateAsync(TaskRequest request, CancellationToken ct)
    {
        if (await TryAsync(() => office.CreateTaskAsync(request, ct)) is { } t)
        {
            Message = $"已下达工作要点任务“{t.Title}”。";
            return Redirect($"/legality/office/tasks/{t.Id}");
        }
        await LoadAsync(ct);
        return Page();
    }
}
