namespace Fazhi.Web.Kernel.Access;

/// <summary>
/// 数据权限: the part of the org tree a caller may see and change. <see cref="All"/> is for the platform
/// administrator and for background work; <see cref="None"/> for anonymous callers; otherwise a path prefix.
/// </summary>
public sealed record DataScope(bool IsAll, string PathPrefix)
{
    /// <summary>A path no unit ever has, so an anonymous scope matches nothing.</summary>
    private const string NoPath = "\u0000none";

    public static DataScope All { get; } = new(true, "/");

    public static DataScope None { get; } = new(false, NoPath);

    public static DataScope Under(string path) => new(false, path);

    public bool Contains(string unitPath) => IsAll || unitPath.StartsWith(PathPrefix, StringComparison.Ordinal);
}

/// <summary>A record that belongs to an org unit (every business record does).</summary>
public interface IOrgOwned
{
    int OrgUnitId { get; }
}

/// <summary>Data that is the same for every unit (the holiday calendar, document templates): only the platform
/// administrator (scope = all) may change it.</summary>
public interface IPlatformWide;

/// <summary>Thrown when a caller touches a record or unit outside their scope; answered as 404 (not 403) so that
/// the existence of another district's records is not disclosed.</summary>
public sealed class OutOfScopeException(string message) : Exception(message);
