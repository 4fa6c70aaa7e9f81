using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Audit;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Kernel.Pages.System;

[RequiresPermission(SystemPermissions.AuditView)]
public sealed class AuditModel(AuditService audit) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public new string? User { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public AuditFilter Filter => new(From, To, User, Action, EntityType, null, PageNumber, 20);
    public Page<AuditRow> Result { get; private set; } = new([], 0, 1, 20);
    public AuditVerification? Verification { get; private set; }
    public int PageCount => Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);

    public async Task OnGetAsync(CancellationToken ct) => Result = await audit.SearchAsync(Filter, ct);

    public bool CanVerify => HttpContext.User.IsInRole(Access.Roles.Admin) && HttpContext.User.FindFirst(Access.FazhiClaims.ScopePath)?.Value == "";

    [RequiresPlatformAdmin]

    [RequiresPermission(SystemPermissions.AuditView)]
    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        if (!CanVerify)
            return Forbid();
        Verification = await audit.VerifyAsync(ct);
        Result = await audit.SearchAsync(Filter, ct);
        return Page();
    }

    public string PageLink(int page)
    {
        var q = new QueryBuilder(Request.Query.Where(kv => kv.Key != "p").SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? ""))))
        {
            { "p", page.ToString(global::System.Globalization.CultureInfo.InvariantCulture) },
        };
        return "/system/audit" + q.ToQueryString();
    }
}
