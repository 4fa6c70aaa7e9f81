using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Kernel.Pages.System;

[RequiresPermission(SystemPermissions.UserView)]
public sealed class UsersModel(UserService users, OrgService orgs) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true)] public string? OrgCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    public List<UserDto> Users { get; private set; } = [];
    public List<OrgDto> Tree { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Users = await users.ListAsync(Keyword, ct, OrgCode, Role);
        Tree = await orgs.ListAsync(includeInactive: false, ct);
    }

    [RequiresPermission(SystemPermissions.UserEdit)]
    public async Task<IActionResult> OnPostUnlockAsync(string username, CancellationToken ct)
    {
        if (await TryAsync(() => users.UnlockAsync(username, ct)))
        {
            Message = $"已解锁用户“{username}”。";
            return RedirectToPage();
        }
        await LoadAsync(ct);
        return Page();
    }
}
