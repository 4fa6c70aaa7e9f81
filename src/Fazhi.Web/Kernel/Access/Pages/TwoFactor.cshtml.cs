using Fazhi.Web.Kernel.Access.Identity;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Kernel.Access.Pages;

/// <summary>双因素认证 in 个人中心: enrol TOTP (QR code or the key typed in, confirmed with a first code), recovery codes
/// (shown once), and the SM2 public key or certificate of the user's USB key. Users the policy requires to have a second
/// factor land here right after their password (and forced change) until they have one.</summary>
[RequiresPermission(PermissionPolicies.SignedIn)]
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, TwoFactorService factors, Sm2LoginService sm2,
    TwoFactorPolicy policy, Sm3TokenService sm3) : FazhiPageModel
{
    public bool HasTotp { get; private set; }
    /// <summary>The serial of the 国密动态令牌 the security administrator bound to this user, if any.</summary>
    public string? Sm3Serial { get; private set; }
    public bool Required { get; private set; }
    public TotpEnrolment? Enrolment { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public Sm2KeyInfo? Sm2Key { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    [RequiresPermission(PermissionPolicies.SignedIn)]
    public async Task<IActionResult> OnPostConfirmAsync(string? code, CancellationToken ct)
    {
        if (await LoadAsync() is not { } user)
            return Challenge();
        RecoveryCodes = await factors.ConfirmAsync(user, code, ct);
        if (RecoveryCodes is null)
        {
            ModelState.AddModelError("code", "动态口令不正确：请确认手机时间准确，并输入App中当前显示的6位数字。");
            return Page();
        }
        await signIn.RefreshSignInAsync(user); // the pending enrolment ends
        await LoadAsync();
        Message = "已绑定动态口令。";
        return Page(); // the recovery codes are shown this once
    }

    [RequiresPermission(PermissionPolicies.SignedIn)]
    public async Task<IActionResult> OnPostRecoveryCodesAsync(string? code, CancellationToken ct)
    {
        if (await LoadAsync() is not { } user)
            return Challenge();
        var check = await factors.VerifyAsync(user, code, ct);
        if (check != CodeCheck.Accepted)
        {
            ModelState.AddModelError("code", TwoFactorMessages.For(check));
            return Page();
        }
        RecoveryCodes = await factors.NewRecoveryCodesAsync(user, ct);
        await LoadAsync();
        return Page();
    }

    [RequiresPermission(PermissionPolicies.SignedIn)]
    public async Task<IActionResult> OnPostSm2KeyAsync(string? pem, CancellationToken ct)
    {
        if (await LoadAsync() is not { } user)
            return Challenge();
        if (await TryAsync(() => sm2.RegisterAsync(user, pem, ct)) is null)
            return Page();
        await signIn.RefreshSignInAsync(user);
        Message = "已登记SM2公钥或证书。";
        return Redirect(PendingSteps.TwoFactorPage);
    }

    [RequiresPermission(PermissionPolicies.SignedIn)]
    public async Task<IActionResult> OnPostRemoveSm2KeyAsync(CancellationToken ct)
    {
        if (await LoadAsync() is not { } user)
            return Challenge();
        await sm2.RemoveAsync(user, ct);
        await signIn.RefreshSignInAsync(user);
        Message = "已删除SM2公钥。";
        return Redirect(PendingSteps.TwoFactorPage);
    }

    private async Task<AppUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return null;
        Required = policy.AppliesTo(user);
        HasTotp = await factors.HasTotpAsync(user);
        Sm3Serial = await sm3.SerialAsync(user);
        Enrolment = HasTotp ? null : await factors.BeginAsync(user);
        RecoveryCodesLeft = HasTotp ? await factors.RecoveryCodesLeftAsync(user) : 0;
        Sm2Key = await sm2.InfoAsync(user);
        return user;
    }
}
