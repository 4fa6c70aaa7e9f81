using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Kernel.Pages.System;

/// <summary>角色管理: each role with its permissions as a tree (module → 菜单/按钮权限); the platform administrator edits.</summary>
[RequiresPermission(SystemPermissions.RoleView)]
public sealed class RolesModel(RoleService roles) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public IReadOnlyList<RoleDto> Rows { get; private set; } = [];
    public IReadOnlyList<PermissionGroupDto> Tree { get; private set; } = [];
    public RoleDto? Selected { get; private set; }
    public bool CanEdit => User.Can(SystemPermissions.RoleEdit) && User.FindFirst(FazhiClaims.ScopePath)?.Value == "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [RequiresPermission(SystemPermissions.RoleEdit)]
    public async Task<IActionResult> OnPostAsync(string code, List<string>? permissions, CancellationToken ct)
    {
        Code = code;
        if (await TryAsync(() => roles.SetPermissionsAsync(code, new SetPermissionsRequest(permissions ?? []), ct)) is not null)
        {
            Message = "已保存角色权限。该角色用户的登录和令牌已失效，需重新登录后生效。";
            return Redirect($"/system/roles?code={Uri.EscapeDataString(code)}");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await roles.ListAsync(ct);
        Tree = roles.Tree();
        Selected = Rows.FirstOrDefault(r => r.Code == Code);
    }
}
