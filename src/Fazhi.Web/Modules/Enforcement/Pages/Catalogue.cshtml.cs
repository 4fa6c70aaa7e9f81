using System.Globalization;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Features.Catalogue;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Enforcement.Pages;

[RequiresPermission(EnforcementPermissions.CatalogueView)]
[UploadLimit(SheetRows.MaxBytes)]
public sealed class CatalogueModel(CatalogueService catalogue, ItemSheet sheet) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "field")] public string? FieldFilter { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Town { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Active { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }
    /// <summary>The item being edited (?edit=id); none: the form adds a new item.</summary>
    [BindProperty(SupportsGet = true)] public long? Edit { get; set; }

    /// <summary>Opens the form for a new item (?add=true).</summary>
    [BindProperty(SupportsGet = true)] public bool Add { get; set; }

    [BindProperty] public ItemRequest Input { get; set; } = new();

    public ItemFilter Filter => new() { Q = Q, Field = FieldFilter, TownLevel = Town, Active = Active, Page = PageNumber, PageSize = PageSizes.Of(Size) };
    public Page<ItemDto> Result { get; private set; } = new([], 0, 1, 20);
    public List<string> Fields { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public SheetImportResult? Imported { get; private set; }
    /// <summary>Opens the form panel (editing, or a new item that failed its checks).</summary>
    public bool FormOpen { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        FormOpen = Add;
        if (Edit is { } id && await TryAsync(() => catalogue.GetAsync(id, ct)) is { } item)
        {
            Input = new ItemRequest
            {
                Code = item.Code, Name = item.Name, Field = item.Field, LegalBasis = item.LegalBasis, ResponsibleDepartment = item.ResponsibleDepartment,
                TownLevel = item.TownLevel, TownClass = item.TownClass, ReceivingTowns = item.ReceivingTowns, BenchmarkText = item.BenchmarkText,
            };
            FormOpen = true;
        }
    }

    [RequiresPermission(EnforcementPermissions.CatalogueEdit)]
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!CanEdit)
            return Forbid();
        Input.Benchmarks = null; // the form edits the text form only
        var saved = await TryAsync(() => Edit is { } id ? catalogue.UpdateAsync(id, Input, ct) : catalogue.CreateAsync(Input, ct));
        if (saved is not null)
        {
            Message = $"已保存执法事项 {saved.Code} {saved.Name}。";
            return Redirect(ListLink(null));
        }
        FormOpen = true;
        return Page();
    }

    [RequiresPermission(EnforcementPermissions.CatalogueEdit)]
    public async Task<IActionResult> OnPostDeactivateAsync(long id, CancellationToken ct) => await SetActiveAsync(id, false, ct);

    [RequiresPermission(EnforcementPermissions.CatalogueEdit)]
    public async Task<IActionResult> OnPostActivateAsync(long id, CancellationToken ct) => await SetActiveAsync(id, true, ct);

    private async Task<IActionResult> SetActiveAsync(long id, bool active, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!CanEdit)
            return Forbid();
        var item = await TryAsync(() => active ? catalogue.ActivateAsync(id, ct) : catalogue.DeactivateAsync(id, ct));
        if (item is null)
            return Page();
        Message = active ? $"已重新启用执法事项 {item.Code}。" : $"已停用执法事项 {item.Code}。停用的事项保留在清单中，执法记录不能再引用它。";
        return Redirect(ListLink(null));
    }

    [RequiresPermission(EnforcementPermissions.CatalogueEdit)]
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, bool dryRun, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!CanEdit)
            return Forbid();
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", "请选择要导入的执法事项清单（.xlsx）。");
            return Page();
        }
        await using var stream = file.OpenReadStream();
        Imported = await TryAsync(() => sheet.ImportAsync(stream, null, dryRun, ct));
        if (Imported is { Committed: true })
            Result = await catalogue.SearchAsync(Filter, ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Result = await catalogue.SearchAsync(Filter, ct);
        Fields = await catalogue.FieldsAsync(ct);
        CanEdit = User.Can(EnforcementPermissions.CatalogueEdit);
    }

    /// <summary>The list with the current filters, on another page (or the same one).</summary>
    public string ListLink(int? page)
    {
        var q = new QueryBuilder(Request.Query.Where(kv => kv.Key is not ("p" or "edit" or "add" or "handler"))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? ""))));
        if (page is { } n)
            q.Add("p", n.ToString(CultureInfo.InvariantCulture));
        return "/enforcement/catalogue" + q.ToQueryString();
    }

    public string ExportLink()
    {
        var q = new QueryBuilder();
        if (!string.IsNullOrWhiteSpace(Q)) q.Add("q", Q);
        if (!string.IsNullOrWhiteSpace(FieldFilter)) q.Add("field", FieldFilter);
        if (Town is { } town) q.Add("townLevel", town ? "true" : "false");
        if (Active is { } active) q.Add("active", active ? "true" : "false");
        return "/api/v1/enforcement/items/export" + q.ToQueryString();
    }
}
