using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.LegalAid.Features;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.LegalAid.Pages;

[RequiresPermission(LegalAidPermissions.CaseView)]
public sealed class CasesModel(AidQueries queries, TimeProvider clock) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Green { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Queue { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }

    public AidFilter Filter => new(Q, Status, Type, Channel, Green, From, To, Queue, PageNumber, PageSizes.Of(Size));
    public Page<AidRow> Result { get; private set; } = new([], 0, 1, 20);

    public async Task OnGetAsync(CancellationToken ct) => Result = await queries.SearchAsync(Filter, DateOnly.FromDateTime(ChinaTime.Now(clock)), ct);

    public static string StatusTag(string status) => status switch
    {
        "Reviewing" or "AwaitingMaterials" or "Granted" => "tag-warn",
        "Assigned" => "tag-info",
        "Closed" => "tag-ok",
        _ => "tag-off",
    };
}
