using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fazhi.Web.Kernel.Access.Pages;

[PublicEndpoint("登录页")]
public sealed class LoginModel(AuthService auth, Identity.SignInFlow flow) : PageModel
{
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }
    public bool TimedOut => ReturnUrl is not null && ReturnUrl != "/";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Username) || string.IsNullOrEmpty(Password))
        {
            Error = "请输入用户名和密码。";
            return Page();
        }
        var (outcome, user) = await auth.CheckAsync(Username, Password, ct);
        if (outcome != SignInOutcome.Succeeded)
        {
            Error = AuthService.MessageFor(outcome);
            return Page();
        }
        // The second factor, forced password change and enrolment follow (Identity.SignInFlow).
        return LocalRedirect(await flow.AfterPasswordAsync(HttpContext, user!, Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/"));
    }
}
