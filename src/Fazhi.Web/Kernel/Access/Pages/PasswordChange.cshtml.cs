using Fazhi.Web.Kernel.Access.Identity;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Kernel.Access.Pages;

/// <summary>须修改密码: the first sign-in with a password an administrator set (a new account, a reset, a generated one),
/// or a password older than the configured maximum age. Until it is done every page leads here (<see cref="PendingStepGate"/>).</summary>
[RequiresPermission(PermissionPolicies.SignedIn)]
public sealed class PasswordChangeModel(UserManager<AppUser> users, SelfServicePassword password, IOptionsMonitor<PasswordPolicyOptions> policy) : FazhiPageModel
{
    public string Reason { get; private set; } = "";
    public string PasswordRule => PolicyPasswordValidator.Describe(policy.CurrentValue);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    [RequiresPermission(PermissionPolicies.SignedIn)]
    public async Task<IActionResult> OnPostAsync(string? oldPassword, string? newPassword, string? confirmPassword)
    {
        if (await LoadAsync() is not { } user)
            return Challenge();
        foreach (var (field, message) in await password.ChangeAsync(user, oldPassword, newPassword, confirmPassword))
            ModelState.AddModelError(field, message);
        if (!ModelState.IsValid)
            return Page();
        Message = "密码已修改。";
        return Redirect("/"); // next: enrolment of a second factor, if the policy asks for one
    }

    private async Task<AppUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return null;
        var days = policy.CurrentValue.MaxAgeDays;
        Reason = user.MustChangePassword
            ? "您正在使用管理员设置的初始密码或重置后的密码。为保证账号安全，请先设置只有您自己知道的新密码。"
            : days > 0 ? $"您的密码已超过{days}天未修改（密码有效期由安全管理员设定），请设置新密码。" : "请设置新密码。";
        return user;
    }
}
