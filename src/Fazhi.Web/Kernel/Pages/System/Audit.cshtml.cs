using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Audit;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Kernel.Pages.System;

[RequiresPermission(SystemPermissions.AuditView)]
public sealed class AuditModel(AuditService audit, AuditReader reader, ICurrentUser user, AuditVerifier verifier) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public new string? User { get; set; }
    [BindProperty(SupportsGet = true)] public string? Module { get; set; }
    [BindProperty(SupportsGet = true)] public string? Operation { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public bool Unmask { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }

    public AuditFilter Filter => new(From, To, User, null, EntityType, null, PageNumber, PageSizes.Of(Size), Module, Operation, Unmask && CanUnmask);
    public Page<AuditView> Result { get; private set; } = new([], 0, 1, 20);
    public AuditVerification? Verification { get; private set; }
    public int PageCount => Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);

    public IReadOnlyList<string> Modules => reader.Modules;
    public IEnumerable<string> Operations => AuditActions.All.Select(AuditActions.ChineseName);

    /// <summary>对象类型 of the chosen module (or of all), grouped by module.</summary>
    public IEnumerable<IGrouping<string, (string Module, string Code, string Name)>> EntityTypes =>
        reader.EntityTypes.Where(e => string.IsNullOrEmpty(Module) || e.Module == Module)
            .OrderBy(e => reader.Modules.ToList().IndexOf(e.Module)).GroupBy(e => e.Module);

    public bool CanUnmask => AuditReader.CanUnmask(user);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await TryAsync(() => audit.SearchAsync(Filter, ct)) ?? Result;

    public bool CanVerify => HttpContext.User.IsInRole(Access.Roles.Auditor) && HttpContext.User.FindFirst(Access.FazhiClaims.ScopePath)?.Value == "";

    [RequiresPlatformAdmin(Access.Policies.PlatformAuditor)]

    [RequiresPermission(SystemPermissions.AuditView)]
    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        if (!CanVerify)
            return Forbid();
        Verification = await verifier.VerifyAsync(ct);
        Result = await TryAsync(() => audit.SearchAsync(Filter with { Unmask = false }, ct)) ?? Result;
        return Page();
    }

    public string PageLink(int page) => Link(("p", page.ToString(global::System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>This list with one parameter replaced (or removed when its value is null).</summary>
    public string Link(params (string Key, string? Value)[] replace)
    {
        var keys = replace.Select(r => r.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var q = new QueryBuilder(Request.Query.Where(kv => !keys.Contains(kv.Key))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? ""))));
        foreach (var (key, value) in replace)
            if (value is not null)
                q.Add(key, value);
        return "/system/audit" + q.ToQueryString();
    }
}
