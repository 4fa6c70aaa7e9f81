using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fazhi.Web.Kernel.Access.Pages;

[PublicEndpoint("登录页")]
public sealed class LoginModel(AuthService auth, Identity.SignInFlow flow, SignIn.SignInGuard guard, SignIn.CaptchaService captcha) : PageModel
{
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }
    public bool TimedOut => ReturnUrl is not null && ReturnUrl != "/";

    // 图形验证码 (signin): asked for after repeated failures for the name or from the address.
    [BindProperty] public string? CaptchaToken { get; set; }
    [BindProperty] public string? Captcha { get; set; }
    public SignIn.CaptchaChallenge? CaptchaChallenge { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await guard.AddressNeedsCaptchaAsync(ct))
            CaptchaChallenge = captcha.Create();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Username) || string.IsNullOrEmpty(Password))
        {
            Error = "请输入用户名和密码。";
            return Page();
        }
        var (outcome, user) = await auth.CheckAsync(Username, Password, ct, CaptchaToken, Captcha);
        if (outcome != SignInOutcome.Succeeded)
        {
            Error = auth.Message(outcome);
            if (auth.State.CaptchaRequired || outcome == SignInOutcome.CaptchaRequired)
                CaptchaChallenge = captcha.Create();
            return Page();
        }
        // The second factor, forced password change and enrolment follow (Identity.SignInFlow).
        return LocalRedirect(await flow.AfterPasswordAsync(HttpContext, user!, Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/"));
    }
}
