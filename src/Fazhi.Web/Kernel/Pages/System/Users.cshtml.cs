using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Kernel.Pages.System;

public sealed class UsersModel(UserService users) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    public List<UserDto> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Users = await users.ListAsync(Keyword, ct);

    public async Task<IActionResult> OnPostUnlockAsync(string username, CancellationToken ct)
    {
        if (await TryAsync(() => users.UnlockAsync(username, ct)))
        {
            Message = $"已解锁用户“{username}”。";
            return RedirectToPage();
        }
        Users = await users.ListAsync(Keyword, ct);
        return Page();
    }
}
