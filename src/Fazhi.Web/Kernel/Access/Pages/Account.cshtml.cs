using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Kernel.Access.Pages;

/// <summary>个人中心: the signed-in user's account and 修改密码 (the password policy is <see cref="Identity.PolicyPasswordValidator"/>).</summary>
[RequiresPermission(PermissionPolicies.SignedIn)]
public sealed class AccountModel(UserManager<AppUser> users, RoleManager<AppRole> roles, Identity.SelfServicePassword password,
    Data.FazhiDb db, Microsoft.Extensions.Options.IOptionsMonitor<Identity.PasswordPolicyOptions> policy, Identity.TwoFactorService factors,
    SignIn.SessionStore sessions) : FazhiPageModel
{
    public string UserName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string? UnitName { get; private set; }
    public IReadOnlyList<string> RoleNames { get; private set; } = [];
    public string PasswordRule => Identity.PolicyPasswordValidator.Describe(policy.CurrentValue);
    public string TwoFactorState { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) is null ? Challenge() : Page();

    /// <summary>我的在线会话 (signin): this user's live browser sessions and tokens.</summary>
    public List<SignIn.SessionView> Sessions { get; private set; } = [];

    [RequiresPermission(PermissionPolicies.SignedIn)]
    public async Task<IActionResult> OnPostEndSessionAsync(string? id, CancellationToken ct)
    {
        var user = await LoadAsync(ct);
        if (user is null)
            return Challenge();
        Message = await sessions.EndAsync(id, user.UserName!, "本人退出该会话", user.Id, ct) ? "已退出该会话。" : "该会话不存在或已结束。";
        return Redirect("/account");
    }

    [RequiresPermission(PermissionPolicies.SignedIn)]
    public async Task<IActionResult> OnPostPasswordAsync(string? oldPassword, string? newPassword, string? confirmPassword, CancellationToken ct)
    {
        var user = await LoadAsync(ct);
        if (user is null)
            return Challenge();
        foreach (var (field, message) in await password.ChangeAsync(user, oldPassword, newPassword, confirmPassword))
            ModelState.AddModelError(field, message);
        if (!ModelState.IsValid)
            return Page();
        Message = "密码已修改，下次登录请使用新密码。";
        return Redirect("/account");
    }

    private async Task<AppUser?> LoadAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return null;
        UserName = user.UserName ?? "";
        DisplayName = user.DisplayName;
        UnitName = user.OrgUnitId is { } unit
            ? await db.Orgs.NameOfAsync(unit, ct)
            : "（全部机构）";
        var codes = await users.GetRolesAsync(user);
        TwoFactorState = string.Join("、", new[] { await factors.HasTotpAsync(user) ? "动态口令" : null, await factors.HasSm3TokenAsync(user) ? "国密动态令牌" : null,
                await factors.HasSm2KeyAsync(user) ? "SM2证书" : null }
            .OfType<string>().DefaultIfEmpty("未启用"));
        RoleNames = await roles.Roles.Where(r => codes.Contains(r.Name!)).OrderBy(r => r.Id).Select(r => r.DisplayName).ToListAsync(ct);
        Sessions = await sessions.LiveAsync(user.Id, null, Fazhi.Web.Kernel.Access.SignIn.SessionStore.CurrentId(HttpContext), ct);
        return user;
    }
}
