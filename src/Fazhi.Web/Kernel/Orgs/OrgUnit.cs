namespace Fazhi.Web.Kernel.Orgs;

/// <summary>组织机构：行政区划或机构（司法局、司法所、执法部门……）.</summary>
public sealed class OrgUnit
{
    public int Id { get; set; }

    /// <summary>机构代码：行政区划代码 where one exists, otherwise a code the bureau assigns. Never changes.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>
    /// 机构全称: the official full name a document is issued and signed under (威海市环翠区人民政府, 荣成市人民政府,
    /// 环翠区司法局), which the short name in trees and lists (环翠区) does not give. Null until entered.
    /// </summary>
    public string? OfficialName { get; set; }

    /// <summary>The name to print on a document: the official full name where one is entered.</summary>
    public string NameForDocuments => OfficialName ?? Name;

    public OrgKind Kind { get; set; }

    public int? ParentId { get; set; }

    public OrgUnit? Parent { get; set; }

    /// <summary>
    /// Materialised path of codes from the root, e.g. <c>/370000/371000/371002/</c>. The data scope of a user is
    /// "every unit whose path starts with my scope unit's path", which one indexed LIKE answers on both providers.
    /// </summary>
    public required string Path { get; set; }

    public int Depth { get; set; }

    public bool IsActive { get; set; } = true;

    public int SortOrder { get; set; }

    public static string PathOf(OrgUnit? parent, string code) => (parent?.Path ?? "/") + code + "/";

    /// <summary><c>/370000/371000/371002/</c> → <c>371000</c>; a root has none.</summary>
    public static string? ParentCodeOf(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 ? parts[^2] : null;
    }
}
