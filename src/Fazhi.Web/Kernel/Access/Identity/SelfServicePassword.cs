using Microsoft.AspNetCore.Identity;

namespace Fazhi.Web.Kernel.Access.Identity;

/// <summary>修改密码 by the user (个人中心 and the forced change): the old password, the new one twice, the policy and the
/// history; the pending change ends, other sessions end (new security stamp), this one is refreshed.</summary>
public sealed class SelfServicePassword(UserManager<AppUser> users, SignInManager<AppUser> signIn)
{
    /// <summary>The refusals by form field (oldPassword, newPassword, confirmPassword); empty when the password was changed.</summary>
    public async Task<List<(string Field, string Message)>> ChangeAsync(AppUser user, string? oldPassword, string? newPassword, string? confirmPassword)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrEmpty(oldPassword))
            errors.Add(("oldPassword", "请输入原密码"));
        if (string.IsNullOrEmpty(newPassword))
            errors.Add(("newPassword", "请输入新密码"));
        else if (newPassword != confirmPassword)
            errors.Add(("confirmPassword", "两次输入的新密码不一致"));
        else if (newPassword == oldPassword)
            errors.Add(("newPassword", "新密码不能与原密码相同"));
        if (errors.Count > 0)
            return errors;
        var pending = user.MustChangePassword;
        user.MustChangePassword = false; // saved with the new password, or put back
        var result = await users.ChangePasswordAsync(user, oldPassword!, newPassword!);
        if (!result.Succeeded)
        {
            user.MustChangePassword = pending;
            return [.. result.Errors.Select(e => (e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "oldPassword" : "newPassword", e.Description))];
        }
        await signIn.RefreshSignInAsync(user); // the new security stamp ends other sessions, not this one
        return errors;
    }
}
