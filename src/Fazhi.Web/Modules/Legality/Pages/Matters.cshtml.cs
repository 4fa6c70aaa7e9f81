using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Features;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Legality.Pages;

[RequiresPermission(LegalityPermissions.View)]
public sealed class MattersModel(LegalityQueries queries, TimeProvider clock, Fazhi.Web.Data.FazhiDb db) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Queue { get; set; }
    [BindProperty(SupportsGet = true)] public string? MeetingType { get; set; }
    [BindProperty(SupportsGet = true)] public string? CommentSource { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }

    public Page<MatterRow> Result { get; private set; } = new([], 0, 1, 20);
    public UserNames Names { get; private set; } = UserNames.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await queries.MattersAsync(new MatterFilter(Q, Kind, Status, Queue, PageNumber, PageSizes.Of(Size), MeetingType, CommentSource), Dates.Today(clock), ct);
        Names = await UserNames.LoadAsync(db, Result.Items.Select(r => r.Reviewer), ct);
    }

    public static string StatusTag(string status) => status switch
    {
        "Submitted" or "Received" => "tag-warn",
        "Reviewing" => "tag-info",
        "AwaitingMaterials" => "tag-off",
        "OpinionIssued" => "tag-info",
        "Closed" => "tag-ok",
        _ => "tag-off",
    };

    public static string DueTag(string? state) => state switch { "已逾期" => "tag-danger", "即将到期" => "tag-warn", "已完成" => "tag-ok", "暂停计时" => "tag-off", _ => "tag-info" };
}
