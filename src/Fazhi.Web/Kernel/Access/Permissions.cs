using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Fazhi.Web.Kernel.Access;

/// <summary>Whether a permission reads (菜单/查看) or changes something (按钮/操作). Read permissions are granted by
/// default to the read-only platform roles (上级查看, 局领导, 司法所).</summary>
public enum PermissionKind { Read, Write }

/// <summary>A permission (权限标识) in RuoYi's <c>module:object:action</c> form, e.g. <c>recon:case:intake</c>.</summary>
public sealed record PermissionDef(string Code, string Name, PermissionKind Kind = PermissionKind.Write)
{
    public string Module => Code.Split(':')[0];
}

/// <summary>A role and the permissions it holds by default (the platform administrator may change them later).</summary>
public sealed record RoleDef(string Code, string Name, string Description, IReadOnlyList<string> Permissions);

/// <summary>Permissions granted by default to a role declared by another module or the platform.</summary>
public sealed record RoleGrant(string Role, IReadOnlyList<string> Permissions);

/// <summary>
/// The permission an endpoint or a page handler needs. On an endpoint (via <see cref="PermissionEndpoints.RequirePermission{T}"/>)
/// or a page model class it is enforced by the authorization middleware (it is an <see cref="IAuthorizeData"/>); on a
/// page handler method it is enforced by <see cref="PermissionPageFilter"/>. Both end in <see cref="PermissionHandler"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequiresPermissionAttribute(string permission) : Attribute, IAuthorizeData
{
    public string Permission { get; } = permission;
    public string? Policy { get => PermissionPolicies.Prefix + Permission; set { } }
    public string? Roles { get => null; set { } }
    public string? AuthenticationSchemes { get => null; set { } }
}

/// <summary>Only the platform administrator (no unit: every unit) may run this page handler — what is national (the
/// calendar, document templates, the whole audit chain). Checked by <see cref="PermissionPageFilter"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresPlatformAdminAttribute(string policy = Policies.PlatformAdmin) : Attribute
{
    /// <summary>Which platform officer (三员): <see cref="Policies.PlatformAdmin"/>, <see cref="Policies.PlatformSecurityAdmin"/>
    /// or <see cref="Policies.PlatformAuditor"/>.</summary>
    public string Policy { get; } = policy;
}

/// <summary>Answers without sign-in (login, health, public registers). Each use is listed and reviewed by a test.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PublicEndpointAttribute(string why) : Attribute, IAllowAnonymous
{
    public string Why { get; } = why;
}

public static class PermissionEndpoints
{
    /// <summary>Declares (and enforces) the permission an endpoint needs.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresPermissionAttribute(permission));

    /// <summary>Declares an endpoint that answers without sign-in, with the reason.</summary>
    public static TBuilder AllowPublic<TBuilder>(this TBuilder builder, string why) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PublicEndpointAttribute(why));
}

public static class PermissionPolicies
{
    public const string Prefix = "perm:";

    /// <summary>Any signed-in user: for what every role needs (the org list for pick lists, the calendar, one's own account).</summary>
    public const string SignedIn = "signed-in";
}

public static class PermissionClaims
{
    /// <summary>The user's permissions, space-separated, in one claim (one claim per code would triple the cookie).</summary>
    public const string Type = "fazhi:perms";

    /// <summary>Whether the user holds the permission (through any of their roles).</summary>
    public static bool Can(this ClaimsPrincipal user, string permission)
    {
        if (user.Identity?.IsAuthenticated != true)
            return false;
        if (permission == PermissionPolicies.SignedIn)
            return true;
        var claim = user.FindFirst(Type)?.Value;
        return claim is not null && claim.Split(' ').Contains(permission, StringComparer.Ordinal);
    }
}

public sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;
}

/// <summary>The one place a permission is checked, for the API and the pages alike.</summary>
public sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.Can(requirement.Permission))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>Builds the policy <c>perm:CODE</c> on demand; other policy names fall through to the configured ones.</summary>
public sealed class PermissionPolicyProvider(Microsoft.Extensions.Options.IOptions<AuthorizationOptions> options)
    : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!policyName.StartsWith(PermissionPolicies.Prefix, StringComparison.Ordinal))
            return await base.GetPolicyAsync(policyName);
        return new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(policyName[PermissionPolicies.Prefix.Length..])).Build();
    }
}
