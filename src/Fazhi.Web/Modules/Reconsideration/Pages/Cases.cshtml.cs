using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Features;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Reconsideration.Pages;

[RequiresPermission(ReconPermissions.CaseView)]
public sealed class CasesModel(CaseQueries queries, ReconCaseService cases, Kernel.Access.UserService users, TimeProvider clock) : FazhiPageModel
{
    public List<Kernel.Access.UserDto> Assignees { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Queue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }

    public CaseFilter Filter => new(Queue, Q, Status, null, Sort, PageNumber, PageSizes.Of(Size));
    public Page<CaseRow> Result { get; private set; } = new([], 0, 1, 20);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [RequiresPermission(ReconPermissions.CaseAssign)]
    public async Task<IActionResult> OnPostAssignAsync(List<long>? ids, string? assignee, CancellationToken ct)
    {
        var n = await TryAsync(async () => (object)await cases.AssignManyAsync(ids ?? [], assignee, ct));
        if (n is int count)
        {
            Message = string.IsNullOrEmpty(assignee) ? $"已取消{count}件案件的分配。" : $"已将{count}件案件分配给{assignee}。";
            return Redirect("/reconsideration/cases" + Request.QueryString);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Result = await queries.SearchAsync(Filter, DateOnly.FromDateTime(ChinaTime.Now(clock)), ct);
        Assignees = (await users.ListAsync(null, ct)).Where(u => u.IsActive && u.Roles.Contains(ReconPermissions.Role)).ToList();
    }

    public static string StatusTag(string status) => status switch
    {
        "Reviewing" or "AwaitingCorrection" => "tag-warn",
        "Hearing" => "tag-info",
        "Suspended" => "tag-off",
        "Decided" or "Mediated" or "Terminated" => "tag-ok",
        _ => "tag-off",
    };
}
