using System.Security.Claims;

namespace Fazhi.Web.Kernel.Access;

/// <summary>Who is acting, from where, and what they may see. Background work acts as <see cref="SystemActor"/>.</summary>
public interface ICurrentUser
{
    int? UserId { get; }
    string UserName { get; }
    int? OrgUnitId { get; }
    DataScope Scope { get; }
    string? RequestId { get; }
    string? ClientAddress { get; }
    bool IsInRole(string role);

    /// <summary>Whether the actor holds the permission (through any role); the system actor holds every one.</summary>
    bool Can(string permission);
}

public static class FazhiClaims
{
    public const string OrgUnitId = "fazhi:org";
    /// <summary>The path prefix of the user's own scope; empty for the platform administrator (all units).</summary>
    public const string ScopePath = "fazhi:scope";
    public const string DisplayName = "fazhi:name";
    /// <summary>Cookie holding the path of the unit chosen in the org switcher (机构切换).</summary>
    public const string SelectedOrgCookie = "fazhi-org";
}

/// <summary>The caller of the current HTTP request. Reads only claims, never the database, so the DbContext can
/// depend on it. Claims are refreshed by the security-stamp validator, so a moved unit is seen within a minute.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    private bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public int? UserId =>
        int.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) && IsAuthenticated ? id : null;

    public string UserName => IsAuthenticated ? Principal!.Identity!.Name ?? "?" : accessor.HttpContext is null ? "system" : "anonymous";

    public int? OrgUnitId =>
        int.TryParse(Principal?.FindFirstValue(FazhiClaims.OrgUnitId), out var id) && IsAuthenticated ? id : null;

    public DataScope Scope
    {
        get
        {
            var http = accessor.HttpContext;
            if (http is null)
                return DataScope.All; // background jobs, start-up seeding and migrations
            if (!IsAuthenticated)
                return DataScope.None;
            var path = Principal!.FindFirstValue(FazhiClaims.ScopePath);
            if (path is null)
                return DataScope.None;
            var own = path.Length == 0 ? DataScope.All : DataScope.Under(path);
            http.Request.Cookies.TryGetValue(FazhiClaims.SelectedOrgCookie, out var selected);
            return ScopeRules.Narrow(own, string.IsNullOrEmpty(selected) ? null : selected);
        }
    }

    public string? RequestId => accessor.HttpContext?.TraceIdentifier;

    public string? ClientAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;

    public bool Can(string permission) => Principal?.Can(permission) == true;
}

/// <summary>The actor for start-up seeding, jobs and command-line tools: sees everything.</summary>
public sealed class SystemActor : ICurrentUser
{
    public static SystemActor Instance { get; } = new();
    public int? UserId => null;
    public string UserName => "system";
    public int? OrgUnitId => null;
    public DataScope Scope => DataScope.All;
    public string? RequestId => null;
    public string? ClientAddress => null;
    public bool IsInRole(string role) => true;
    public bool Can(string permission) => true;
}
