using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fazhi.Web.Kernel.Access.Pages;

[RequiresPermission(PermissionPolicies.SignedIn)]
public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    [RequiresPermission(PermissionPolicies.SignedIn)]
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        Response.Cookies.Delete(FazhiClaims.SelectedOrgCookie);
        return Redirect("/login");
    }
}
