using Fazhi.Web.Kernel.Modules;

namespace Fazhi.Web.Kernel.Access;

/// <summary>What a role holds before any administrator has edited it, besides its own list.</summary>
public enum RoleBaseline
{
    /// <summary>Only the permissions listed for it.</summary>
    Listed,
    /// <summary>Every read permission of every module, plus those listed (上级查看, 局领导, 司法所).</summary>
    EveryRead,
    /// <summary>Every permission (系统管理员, as RuoYi's admin).</summary>
    Everything,
}

/// <summary>
/// Every module's declarations in one place: the permission tree (菜单/按钮权限), the roles and what each holds by default.
/// Checked when built: codes are unique and a permission's code starts with its module's code.
/// </summary>
public sealed class AccessCatalog
{
    private readonly Dictionary<string, PermissionDef> _permissions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (RoleDef Role, RoleBaseline Baseline)> _roles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _grants = new(StringComparer.Ordinal);

    public AccessCatalog(IEnumerable<ModuleManifest> manifests)
    {
        Modules = [.. manifests.OrderBy(m => m.Menu?.Order ?? int.MaxValue)];
        foreach (var m in Modules)
            foreach (var p in m.Permissions)
            {
                if (!p.Code.StartsWith(m.Code + ":", StringComparison.Ordinal))
                    throw new InvalidOperationException($"Permission {p.Code} must start with its module's code {m.Code}:");
                if (!_permissions.TryAdd(p.Code, p))
                    throw new InvalidOperationException($"Permission {p.Code} is declared twice");
            }
        foreach (var m in Modules)
            foreach (var r in m.Roles)
                if (!_roles.TryAdd(r.Code, (r, PlatformRoles.BaselineOf(r.Code))))
                    throw new InvalidOperationException($"Role {r.Code} is declared twice");
        foreach (var m in Modules)
        {
            foreach (var r in m.Roles)
                Grant(m, r.Code, r.Permissions);
            foreach (var g in m.Grants)
                Grant(m, g.Role, g.Permissions);
        }
    }

    private void Grant(ModuleManifest module, string role, IEnumerable<string> permissions)
    {
        if (!_roles.ContainsKey(role))
            throw new InvalidOperationException($"Module {module.Code} grants to unknown role {role}");
        foreach (var p in permissions)
        {
            if (!_permissions.ContainsKey(p))
                throw new InvalidOperationException($"Module {module.Code} grants unknown permission {p} to {role}");
            (_grants.TryGetValue(role, out var set) ? set : _grants[role] = new HashSet<string>(StringComparer.Ordinal)).Add(p);
        }
    }

    public IReadOnlyList<ModuleManifest> Modules { get; }

    public IEnumerable<PermissionDef> Permissions => _permissions.Values;

    public IEnumerable<RoleDef> Roles => _roles.Values.Select(r => r.Role);

    public bool IsPermission(string code) => _permissions.ContainsKey(code);

    public bool IsRole(string code) => _roles.ContainsKey(code);

    public PermissionDef? Permission(string code) => _permissions.GetValueOrDefault(code);

    public string RoleName(string code) => _roles.TryGetValue(code, out var r) ? r.Role.Name : code;

    public string RoleDescription(string code) => _roles.TryGetValue(code, out var r) ? r.Role.Description : "";

    /// <summary>What the role holds on a new database (and what a permission added later is granted to).</summary>
    public bool IsDefault(string role, PermissionDef permission)
    {
        if (!_roles.TryGetValue(role, out var r))
            return false;
        return r.Baseline switch
        {
            // 三员分立: the system administrator holds everything but what is reserved for the other two officers.
            RoleBaseline.Everything => SeparationOfDuties.MayHold(role, permission.Code),
            RoleBaseline.EveryRead when permission.Kind == PermissionKind.Read => SeparationOfDuties.MayHold(role, permission.Code),
            _ => _grants.TryGetValue(role, out var set) && set.Contains(permission.Code),
        };
    }
}
