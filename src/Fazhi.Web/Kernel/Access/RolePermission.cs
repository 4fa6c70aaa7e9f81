namespace Fazhi.Web.Kernel.Access;

/// <summary>角色权限: one permission held by one role. Edited by the platform administrator (角色管理).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A role's permission is what it is.")]
public sealed class RolePermission
{
    public int RoleId { get; set; }

    public required string Permission { get; set; }
}

/// <summary>A permission code the platform has seen. A code seen for the first time (a module that lands later) is
/// granted once to the roles that hold it by default; an administrator's later edits are never undone.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A permission the platform knows.")]
public sealed class KnownPermission
{
    public required string Code { get; set; }

    public DateTime FirstSeenUtc { get; set; }
}
