using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fazhi.Web.Kernel.Access.Pages;

/// <summary>机构切换: narrows the view to a unit inside the user's own scope (never widens it).</summary>
[RequiresPermission(PermissionPolicies.SignedIn)]
public sealed class SwitchOrgModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    [RequiresPermission(PermissionPolicies.SignedIn)]
    public IActionResult OnPost(string? path, string? returnUrl)
    {
        var own = User.FindFirstValue(FazhiClaims.ScopePath);
        var scope = own is null ? DataScope.None : own.Length == 0 ? DataScope.All : DataScope.Under(own);
        if (string.IsNullOrEmpty(path) || !scope.Contains(path))
            Response.Cookies.Delete(FazhiClaims.SelectedOrgCookie);
        else
            Response.Cookies.Append(FazhiClaims.SelectedOrgCookie, path, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
