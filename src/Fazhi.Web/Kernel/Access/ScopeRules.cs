using Fazhi.Web.Kernel.Orgs;

namespace Fazhi.Web.Kernel.Access;

/// <summary>The access rules, pure so that they are tested without a database.</summary>
public static class ScopeRules
{
    /// <summary>
    /// The unit whose subtree a user sees: the user's own unit, except that 司法局 and 司法所 staff see the region
    /// their body serves (a 司法局 sits beside the towns and departments of its district, not above them).
    /// </summary>
    public static string ScopePathFor(OrgKind userUnitKind, string userUnitPath)
    {
        if (!userUnitKind.AdministersParentRegion())
            return userUnitPath;
        var trimmed = userUnitPath.TrimEnd('/');
        var cut = trimmed.LastIndexOf('/');
        return cut <= 0 ? userUnitPath : trimmed[..(cut + 1)];
    }

    /// <summary>A narrowed view (机构切换) is honoured only inside the user's own scope.</summary>
    public static DataScope Narrow(DataScope userScope, string? selectedPath) =>
        selectedPath is not null && userScope.Contains(selectedPath) ? DataScope.Under(selectedPath) : userScope;

    /// <summary>A unit may not be moved under itself or under one of its descendants.</summary>
    public static bool WouldCreateCycle(string movedPath, string newParentPath) =>
        newParentPath.StartsWith(movedPath, StringComparison.Ordinal);
}
