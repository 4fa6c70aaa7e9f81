using Fazhi.Web.Kernel.Access.Identity;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Kernel.Access.Pages;

/// <summary>国密动态令牌 of one user, for the security administrator: bind a token (serial and the vendor's seed, checked
/// with the code the token shows) or unbind it. The seed is never shown again once bound.</summary>
[RequiresPermission(SystemPermissions.UserEdit)]
public sealed class Sm3TokenModel(UserService users, Sm3TokenService sm3) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public string? Username { get; set; }
    public string? DisplayName { get; private set; }
    public string? Serial { get; private set; }
    public int Digits => sm3.Digits;
    public int StepSeconds => sm3.StepSeconds;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    [RequiresPermission(SystemPermissions.UserEdit)]
    public async Task<IActionResult> OnPostBindAsync(string? serial, string? seed, string? code, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        var bound = await TryAsync(async () => await sm3.BindTokenAsync(await users.GetAsync(Username!, ct), new Sm3TokenRequest(serial, seed, code), ct));
        if (bound is null)
            return Page();
        Message = $"已为“{DisplayName}”绑定国密动态令牌（序列号 {bound.Serial}）。";
        return RedirectToPage(new { Username });
    }

    [RequiresPermission(SystemPermissions.UserEdit)]
    public async Task<IActionResult> OnPostUnbindAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        if (await TryAsync(async () => await sm3.UnbindTokenAsync(await users.GetAsync(Username!, ct), ct)))
            Message = $"已解除“{DisplayName}”的国密动态令牌。";
        return RedirectToPage(new { Username });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Username) || await TryAsync(() => users.GetAsync(Username, ct)) is not { } user)
            return false;
        DisplayName = user.DisplayName;
        Serial = await sm3.SerialAsync(user);
        return true;
    }
}
