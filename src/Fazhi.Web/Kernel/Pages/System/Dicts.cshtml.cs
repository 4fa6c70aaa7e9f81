using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Dictionaries;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Kernel.Pages.System;

/// <summary>字典管理: the dictionary types every module declared, their items, and (for the platform administrator) edits.</summary>
[RequiresPermission(SystemPermissions.DictView)]
public sealed class DictsModel(DictionaryService dicts) : FazhiPageModel
{
    public List<DictTypeView> Types { get; private set; } = [];
    public DictTypeView? Selected { get; private set; }
    public IReadOnlyList<DictItemView> Items { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Label { get; set; }
    [BindProperty] public int? SortOrder { get; set; }
    [BindProperty] public DateOnly? ValidFrom { get; set; }
    [BindProperty] public DateOnly? ValidTo { get; set; }

    public bool CanEdit => User.Can(SystemPermissions.DictEdit) && User.FindFirst(FazhiClaims.ScopePath)?.Value == "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>新增 or 修改 (same code) an item.</summary>
    [RequiresPlatformAdmin]
    [RequiresPermission(SystemPermissions.DictEdit)]
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (await TryAsync(() => dicts.SaveAsync(Type ?? "", new DictItemRequest(Code, Label, SortOrder, null, ValidFrom, ValidTo), createOnly: false, ct)) is { } item)
        {
            Message = $"已保存字典数据“{item.Label}”。";
            return RedirectToPage(new { type = Type });
        }
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPlatformAdmin]
    [RequiresPermission(SystemPermissions.DictEdit)]
    public async Task<IActionResult> OnPostToggleAsync(string? code, bool active, CancellationToken ct)
    {
        if (await TryAsync(() => dicts.SetActiveAsync(Type ?? "", code ?? "", active, ct)) is { } item)
        {
            Message = $"已{(active ? "启用" : "停用")}“{item.Label}”。";
            return RedirectToPage(new { type = Type });
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Types = await dicts.TypesAsync(ct);
        Selected = Types.FirstOrDefault(t => t.Code == Type) ?? Types.FirstOrDefault();
        if (Selected is not null)
        {
            Type = Selected.Code;
            Items = await dicts.ItemsAsync(Selected.Code, ct);
        }
    }
}
