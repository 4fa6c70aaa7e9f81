using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Fazhi.Web.Kernel.Access;

/// <summary>
/// Razor Pages share one endpoint per page, so the authorization middleware sees only the page model's class-level
/// permission (what it takes to open the page). This filter checks the selected handler's own declaration: a handler
/// that is not a GET must declare its permission (or be on a public page), else it is refused — fail closed.
/// </summary>
public sealed class PermissionPageFilter(IAuthorizationService authorization) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var handler = context.HandlerMethod;
        if (handler is not null)
        {
            var declared = HandlerPermissions.Of(handler.MethodInfo, context.HandlerInstance.GetType());
            if (declared is null)
            {
                context.Result = new ForbidResult();
                return;
            }
            if (handler.MethodInfo.GetCustomAttribute<RequiresPlatformAdminAttribute>() is { } platform &&
                !(await authorization.AuthorizeAsync(context.HttpContext.User, platform.Policy)).Succeeded)
            {
                context.Result = new ForbidResult();
                return;
            }
            foreach (var permission in declared)
                if (!(await authorization.AuthorizeAsync(context.HttpContext.User, PermissionPolicies.Prefix + permission)).Succeeded)
                {
                    context.Result = new ForbidResult();
                    return;
                }
        }
        await next();
    }
}

public static class HandlerPermissions
{
    /// <summary>The permissions a page handler needs beyond the page's own, or null when it declares none and must:
    /// GET handlers inherit the page's permission; any other handler declares its own, unless the page is public.</summary>
    public static IReadOnlyList<string>? Of(MethodInfo method, Type pageModel)
    {
        var own = method.GetCustomAttributes<RequiresPermissionAttribute>().Select(a => a.Permission).ToList();
        if (own.Count > 0 || method.GetCustomAttribute<PublicEndpointAttribute>() is not null)
            return own;
        if (IsGet(method) || pageModel.GetCustomAttribute<PublicEndpointAttribute>() is not null)
            return [];
        return null;
    }

    public static bool IsGet(MethodInfo method) =>
        method.Name.StartsWith("OnGet", StringComparison.Ordinal) || method.Name.StartsWith("OnHead", StringComparison.Ordinal);
}
