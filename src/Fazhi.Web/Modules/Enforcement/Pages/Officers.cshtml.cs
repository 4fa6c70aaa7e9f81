using System.Globalization;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Features.Catalogue;
using Fazhi.Web.Modules.Enforcement.Features.Officers;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Enforcement.Pages;

[RequiresPermission(EnforcementPermissions.OfficerView)]
[UploadLimit(SheetRows.MaxBytes)]
public sealed class OfficersModel(OfficerService officers, OfficerSheet sheet) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool Expiring { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }
    [BindProperty(SupportsGet = true)] public bool Add { get; set; }

    [BindProperty] public OfficerRequest Input { get; set; } = new();

    public OfficerFilter Filter => new() { Q = Q, Department = Department, Status = Status, Expiring = Expiring ? true : null, Page = PageNumber, PageSize = PageSizes.Of(Size) };
    public Page<OfficerRow> Result { get; private set; } = new([], 0, 1, 20);
    public List<OrgUnit> Departments { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool FormOpen { get; private set; }
    public SheetImportResult? Imported { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        FormOpen = Add;
    }

    [RequiresPermission(EnforcementPermissions.OfficerEdit)]
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!CanEdit)
            return Forbid();
        if (await TryAsync(() => officers.CreateAsync(Input, ct)) is { } saved)
        {
            Message = $"已登记 {saved.Officer.Name} 的执法证 {saved.Officer.CertificateNumber}。";
            return Redirect($"/enforcement/officer/{saved.Officer.Id}");
        }
        FormOpen = true;
        return Page();
    }

    [RequiresPermission(EnforcementPermissions.OfficerEdit)]
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, bool dryRun, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!CanEdit)
            return Forbid();
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", "请选择要导入的执法证台账（.xlsx）。");
            return Page();
        }
        await using var stream = file.OpenReadStream();
        Imported = await TryAsync(() => sheet.ImportAsync(stream, dryRun, ct));
        if (Imported is { Committed: true })
            Result = await officers.SearchAsync(Filter, ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Departments = await officers.DepartmentsAsync(ct);
        CanEdit = User.Can(EnforcementPermissions.OfficerEdit);
        if (await TryAsync(() => officers.SearchAsync(Filter, ct)) is { } page)
            Result = page;
    }

    public static string StatusTag(string status) => status switch
    {
        "Valid" => "tag-ok",
        "Suspended" => "tag-warn",
        "Revoked" => "tag-danger",
        _ => "tag-off",
    };

    public string ListLink(int page)
    {
        var q = new QueryBuilder(Request.Query.Where(kv => kv.Key is not ("p" or "add" or "handler"))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? ""))))
        {
            { "p", page.ToString(CultureInfo.InvariantCulture) },
        };
        return "/enforcement/officers" + q.ToQueryString();
    }

    public string ExportLink()
    {
        var q = new QueryBuilder();
        if (!string.IsNullOrWhiteSpace(Q)) q.Add("q", Q);
        if (!string.IsNullOrWhiteSpace(Department)) q.Add("department", Department);
        if (!string.IsNullOrWhiteSpace(Status)) q.Add("status", Status);
        if (Expiring) q.Add("expiring", "true");
        return "/api/v1/enforcement/officers/export" + q.ToQueryString();
    }
}
