using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Access.SignIn;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Kernel.Pages.System;

/// <summary>登录日志 (RuoYi): every sign-in attempt, filtered by period, name, outcome and address; exported to Excel.</summary>
[RequiresPermission(SystemPermissions.LoginLogView)]
public sealed class LoginLogModel(LoginLogService log) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public new string? User { get; set; }
    [BindProperty(SupportsGet = true)] public string? Outcome { get; set; }
    [BindProperty(SupportsGet = true)] public string? Address { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }

    public Page<LoginLogView> Result { get; private set; } = new([], 0, 1, 20);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await TryAsync(() => log.SearchAsync(new LoginLogFilter(From, To, User, Outcome, Address, PageNumber, PageSizes.Of(Size)), ct)) ?? Result;

    /// <summary>导出 with the filters that are filled in.</summary>
    public string ExportLink => "/api/v1/login-log/export" + FilledQuery();
}
