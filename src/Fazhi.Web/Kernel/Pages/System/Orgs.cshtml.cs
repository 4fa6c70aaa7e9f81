using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;

namespace Fazhi.Web.Kernel.Pages.System;

[RequiresPermission(SystemPermissions.OrgView)]
public sealed class OrgsModel(OrgService orgs) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>机构全称 from the rename form, which always sends it: an emptied box clears it.</summary>
    [BindProperty] public string? OfficialName { get; set; }
    public CreateOrgRequest Input { get; private set; } = new(null, null, null, null);
    /// <summary>Which form failed ("create", "rename", "move"), so its field errors show beside it and not elsewhere.</summary>
    public string? FailedForm { get; private set; }
    public bool CreateFailed => FailedForm == "create";
    public string? ErrorIn(string form, string field) => FailedForm == form ? ErrorFor(field) : null;
    public List<OrgDto> Tree { get; private set; } = [];
    public List<OrgDto> AllActive { get; private set; } = [];
    public List<OrgDto> Children { get; private set; } = [];
    public List<OrgDto> ParentOptions { get; private set; } = [];
    public OrgDto? Selected { get; private set; }
    public string? ParentName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Code is not null && Selected is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var all = await orgs.ListAsync(includeInactive: true, ct);
        var rows = all.Select(o => new Dictionary<string, object?>
        {
            ["机构代码"] = o.Code, ["机构名称"] = o.Name, ["机构全称"] = o.OfficialName, ["机构类型"] = o.KindName, ["上级机构代码"] = o.ParentCode, ["状态"] = o.IsActive ? "启用" : "停用",
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "组织机构", cancellationToken: ct);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "组织机构.xlsx");
    }

    [RequiresPermission(SystemPermissions.OrgEdit)]
    public async Task<IActionResult> OnPostCreateAsync(CreateOrgRequest input, CancellationToken ct)
    {
        Input = input;
        if (await TryAsync(() => orgs.CreateAsync(input, ct)) is { } unit)
            return Done($"已新增机构“{unit.Name}”。", unit.Code);
        FailedForm = "create";
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPermission(SystemPermissions.OrgEdit)]
    public async Task<IActionResult> OnPostRenameAsync(string code, string? name, CancellationToken ct)
    {
        Code = code;
        if (await TryAsync(() => orgs.RenameAsync(code, new RenameOrgRequest(name, OfficialName ?? ""), ct)) is { } unit)
            return Done($"已保存“{unit.Name}”的名称和全称。", code);
        FailedForm = "rename";
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPermission(SystemPermissions.OrgEdit)]
    public async Task<IActionResult> OnPostMoveAsync(string code, string? parentCode, CancellationToken ct)
    {
        Code = code;
        if (await TryAsync(() => orgs.MoveAsync(code, new MoveOrgRequest(parentCode), ct)) is { } unit)
            return Done($"已将“{unit.Name}”移到新的上级机构下。", code);
        FailedForm = "move";
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPermission(SystemPermissions.OrgEdit)]
    public async Task<IActionResult> OnPostToggleAsync(string code, bool active, CancellationToken ct)
    {
        Code = code;
        if (await TryAsync(() => orgs.SetActiveAsync(code, active, ct)) is { } unit)
            return Done(active ? $"已启用“{unit.Name}”。" : $"已停用“{unit.Name}”。", code);
        await LoadAsync(ct);
        return Page();
    }

    private RedirectToPageResult Done(string message, string code)
    {
        Message = message;
        return RedirectToPage(new { code });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await orgs.ListAsync(includeInactive: true, ct);
        AllActive = [.. all.Where(o => o.IsActive)];
        Tree = string.IsNullOrWhiteSpace(Q) ? all : FilterWithAncestors(all, Q.Trim());
        Selected = Code is null ? all.FirstOrDefault() : all.FirstOrDefault(o => o.Code == Code);
        if (Code is not null && Selected is null)
            ModelState.AddModelError("", $"机构“{Code}”不存在或不在您的数据权限范围内。");
        if (Selected is null)
            return;
        ParentName = all.FirstOrDefault(o => o.Code == Selected.ParentCode)?.Name;
        Children = [.. all.Where(o => o.ParentCode == Selected.Code)];
        var kind = Enum.Parse<OrgKind>(Selected.Kind);
        ParentOptions = [.. AllActive.Where(o => kind.AllowedParents().Contains(Enum.Parse<OrgKind>(o.Kind)))];
    }

    private static List<OrgDto> FilterWithAncestors(List<OrgDto> all, string q)
    {
        var byCode = all.ToDictionary(o => o.Code);
        var keep = new HashSet<string>();
        foreach (var o in all.Where(o => o.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || o.Code.Contains(q, StringComparison.OrdinalIgnoreCase)))
            for (var x = o; x is not null && keep.Add(x.Code); x = x.ParentCode is null ? null : byCode.GetValueOrDefault(x.ParentCode)) { }
        return [.. all.Where(o => keep.Contains(o.Code))];
    }
}
