using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Dictionaries;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Mediation.Features;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Mediation.Pages;

[RequiresPermission(MediationPermissions.DisputeView)]
public sealed class DisputesModel(DisputeService disputes, MediationRegistry registry, IDictionaries dicts) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Source { get; set; }
    [BindProperty(SupportsGet = true)] public string? Committee { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }

    public DisputeFilter Filter => new(Q, Status, Category, Source, Committee, From, To, PageNumber, PageSizes.Of(Size));
    public Page<DisputeRow> Result { get; private set; } = new([], 0, 1, 20);
    public IReadOnlyList<DictItemView> Categories { get; private set; } = [];
    public IReadOnlyList<CommitteeDto> Committees { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Categories = await dicts.ItemsAsync(Rules.Categories.Type, ct);
        Committees = await registry.CommitteesAsync(ct);
        Result = await disputes.SearchAsync(Filter, ct);
    }

    public static string StatusTag(string status) => status switch
    {
        "Registered" => "tag-warn",
        "Mediating" => "tag-info",
        "Succeeded" => "tag-ok",
        _ => "tag-off",
    };
}
