using Fazhi.Web.Kernel.Access.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fazhi.Web.Kernel.Access.Pages;

/// <summary>登录第二步: after a correct password, a TOTP code or a 国密动态令牌's code (or a recovery code), or an SM2 signature of a challenge made
/// by the USB key's client software. No session exists before this step succeeds.</summary>
[PublicEndpoint("登录第二步：动态口令、恢复码或SM2签名（口令已验证，尚无会话）")]
public sealed class LoginTwoFactorModel(SignInFlow flow, TwoFactorService factors, Sm2LoginService sm2, Sm3TokenService sm3) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? ChallengeId { get; set; }
    [BindProperty] public string? Signature { get; set; }
    public string? Error { get; private set; }
    public bool HasTotp { get; private set; }
    /// <summary>Digits of the bound 国密动态令牌's codes; null when none is bound.</summary>
    public int? Sm3Digits { get; private set; }
    public ChallengeResponse? Sm2Challenge { get; private set; }
    public string? UserName { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await flow.PendingUserAsync(HttpContext) is { } user ? await ShowAsync(user) : Redirect("/login");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await flow.PendingUserAsync(HttpContext) is not { } user)
            return Redirect("/login");
        var check = await factors.VerifyAsync(user, Code, ct);
        if (check == CodeCheck.Accepted)
            return await CompleteAsync(user);
        Error = TwoFactorMessages.For(check);
        if (check == CodeCheck.LockedOut)
            await flow.AbandonAsync(HttpContext);
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostSm2Async()
    {
        if (await flow.PendingUserAsync(HttpContext) is not { } user)
            return Redirect("/login");
        Error = await sm2.VerifyAsync(user, ChallengeId, Signature);
        return Error is null ? await CompleteAsync(user) : await ShowAsync(user);
    }

    private async Task<IActionResult> CompleteAsync(AppUser user)
    {
        await flow.CompleteAsync(HttpContext, user);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private async Task<IActionResult> ShowAsync(AppUser user)
    {
        UserName = user.UserName;
        HasTotp = await factors.HasTotpAsync(user);
        Sm3Digits = await factors.HasSm3TokenAsync(user) ? sm3.Digits : null;
        if (await factors.HasSm2KeyAsync(user))
            Sm2Challenge = await sm2.ChallengeAsync(user.UserName);
        return Page();
    }
}
