using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Kernel.Pages.System;

[RequiresPermission(SystemPermissions.UserEdit)]
public sealed class UserEditModel(UserService users, OrgService orgs, ICurrentUser actor) : FazhiPageModel
{
    public bool IsNew { get; private set; } = true;
    public SaveUserRequest Input { get; private set; } = new(null, null, null, [], null, null);
    public List<OrgDto> Orgs { get; private set; } = [];
    public bool CanChooseNoOrg => actor.Scope.IsAll;

    public async Task OnGetAsync(string? username, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(username))
        {
            var user = await users.GetAsync(username, ct);
            IsNew = false;
            Input = new SaveUserRequest(user.UserName, user.DisplayName, user.OrgUnit?.Code, await users.RolesOfAsync(user), null, user.PhoneNumber, user.IsActive);
        }
        Orgs = await orgs.ListAsync(includeInactive: true, ct);
    }

    [RequiresPermission(SystemPermissions.UserEdit)]
    public async Task<IActionResult> OnPostAsync(bool isNew, string? username, string? displayName, string? orgCode, List<string>? roles,
        string? phone, string? password, bool isActive, CancellationToken ct)
    {
        IsNew = isNew;
        Input = new SaveUserRequest(username, displayName, orgCode, roles ?? [], password, phone, isActive);
        var ok = isNew
            ? await TryAsync(() => users.CreateAsync(Input, ct)) is not null
            : await TryAsync(() => users.UpdateAsync(username ?? "", Input, ct)) is not null;
        if (ok)
        {
            Message = $"已保存用户“{username}”。";
            return RedirectToPage("/Kernel/Pages/System/Users");
        }
        Orgs = await orgs.ListAsync(includeInactive: true, ct);
        return Page();
    }
}
