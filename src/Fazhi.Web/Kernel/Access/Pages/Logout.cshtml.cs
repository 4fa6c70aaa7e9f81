using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fazhi.Web.Kernel.Access.Pages;

[RequiresPermission(PermissionPolicies.SignedIn)]
public sealed class LogoutModel(SignInManager<AppUser> signIn, SignIn.SessionStore sessions) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    [RequiresPermission(PermissionPolicies.SignedIn)]
    public async Task<IActionResult> OnPostAsync()
    {
        // The session row ends here, so the old cookie, replayed, no longer signs anybody in.
        await sessions.EndAsync(Fazhi.Web.Kernel.Access.SignIn.SessionStore.CurrentId(HttpContext), User.Identity?.Name ?? "?", "退出",
            int.TryParse(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var me) ? me : -1, HttpContext.RequestAborted);
        await signIn.SignOutAsync();
        Response.Cookies.Delete(FazhiClaims.SelectedOrgCookie);
        return Redirect("/login");
    }
}
