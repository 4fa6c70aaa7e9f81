using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Access.SignIn;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Kernel.Pages.System;

/// <summary>在线用户 (RuoYi): the live browser sessions and API tokens of the users in the administrator's scope, with 强退.</summary>
[RequiresPermission(SystemPermissions.SessionView)]
public sealed class SessionsModel(SessionStore sessions, ICurrentUser me) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    public List<SessionView> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Sessions = await sessions.LiveAsync(null, Keyword, SessionStore.CurrentId(HttpContext), ct);

    [RequiresPermission(SystemPermissions.SessionEnd)]
    public async Task<IActionResult> OnPostEndAsync(string? id, CancellationToken ct)
    {
        if (await sessions.EndAsync(id, me.UserName, "管理员强退", null, ct))
        {
            Message = "已强退该会话。";
            return RedirectToPage();
        }
        ModelState.AddModelError("", "会话不存在、已结束或不在您的数据权限范围内。");
        await OnGetAsync(ct);
        return Page();
    }
}
