using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Features;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Legality.Pages;

/// <summary>重大行政决策事项目录 by year: 编制、列入事项、审定、公布, each item's steps at a glance.</summary>
[RequiresPermission(LegalityPermissions.View)]
public sealed class DecisionsModel(DecisionService decisions, ReviewService reviews, FazhiDb db) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public List<CatalogDto> Catalogs { get; private set; } = [];

    /// <summary>承办单位 choices (部门、镇街).</summary>
    public List<(string Code, string Name)> Units { get; private set; } = [];

    public int ThisYear => reviews.Today.Year;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Catalogs = await decisions.CatalogsAsync(Year, ct);
        Units = await Office.OfficePage.UnitsAsync(db, ct);
    }

    private async Task<IActionResult> DoAsync(Func<Task<object>> action, string done, CancellationToken ct)
    {
        if (await TryAsync(action) is not null)
        {
            Message = done;
            return Redirect($"/legality/decisions{(Year is { } y ? $"?year={y}" : "")}");
        }
        await OnGetAsync(ct);
        return Page();
    }

    [RequiresPermission(LegalityPermissions.DecisionCatalog)]
    public Task<IActionResult> OnPostCatalogAsync(int? catalogYear, CancellationToken ct) =>
        DoAsync(async () => await decisions.CreateCatalogAsync(new CatalogRequest(catalogYear, null), ct), "已建立年度目录。", ct);

    [RequiresPermission(LegalityPermissions.DecisionCatalog)]
    public Task<IActionResult> OnPostAddAsync(long catalogId, DecisionRequest request, CancellationToken ct) =>
        DoAsync(async () => await decisions.AddDecisionAsync(catalogId, request, ct), "已列入目录。", ct);

    [RequiresPermission(LegalityPermissions.DecisionCatalog)]
    public Task<IActionResult> OnPostCatalogStepAsync(long catalogId, string step, CatalogStepRequest request, CancellationToken ct) =>
        DoAsync(async () => await decisions.CatalogStepAsync(catalogId, step, request, ct), step == "adopt" ? "目录已审定。" : "目录已公布。", ct);
}
