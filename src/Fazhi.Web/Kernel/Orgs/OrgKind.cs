namespace Fazhi.Web.Kernel.Orgs;

/// <summary>机构类型. Stored by name, so reordering the enum never changes data.</summary>
public enum OrgKind
{
    /// <summary>省（含直辖市）</summary>
    Province,
    /// <summary>市</summary>
    City,
    /// <summary>区/县（市）</summary>
    District,
    /// <summary>街道/镇</summary>
    Town,
    /// <summary>村/社区</summary>
    Community,
    /// <summary>司法局（司法厅）</summary>
    JusticeBureau,
    /// <summary>司法所</summary>
    JusticeOffice,
    /// <summary>公共法律服务中心/站/室</summary>
    LegalServiceCenter,
    /// <summary>执法部门</summary>
    EnforcementDepartment,
    /// <summary>人民调解委员会</summary>
    MediationCommittee,
}

public static class OrgKinds
{
    public static string ChineseName(this OrgKind kind) => kind switch
    {
        OrgKind.Province => "省",
        OrgKind.City => "市",
        OrgKind.District => "区县",
        OrgKind.Town => "街镇",
        OrgKind.Community => "村社区",
        OrgKind.JusticeBureau => "司法局",
        OrgKind.JusticeOffice => "司法所",
        OrgKind.LegalServiceCenter => "公共法律服务中心",
        OrgKind.EnforcementDepartment => "执法部门",
        OrgKind.MediationCommittee => "调解委员会",
        _ => kind.ToString(),
    };

    public static bool IsRegion(this OrgKind kind) =>
        kind is OrgKind.Province or OrgKind.City or OrgKind.District or OrgKind.Town or OrgKind.Community;

    /// <summary>
    /// Which kinds of unit a unit of this kind may sit under. Regions follow 省 → 市 → 区县 → 街镇 → 村社区
    /// (a 直辖市 district sits directly under its province-level city); bodies sit under the region they serve.
    /// </summary>
    public static IReadOnlyList<OrgKind> AllowedParents(this OrgKind kind) => kind switch
    {
        OrgKind.Province => [],
        OrgKind.City => [OrgKind.Province],
        OrgKind.District => [OrgKind.City, OrgKind.Province],
        OrgKind.Town => [OrgKind.District],
        OrgKind.Community => [OrgKind.Town],
        OrgKind.JusticeBureau => [OrgKind.Province, OrgKind.City, OrgKind.District],
        OrgKind.JusticeOffice => [OrgKind.Town],
        OrgKind.LegalServiceCenter => [OrgKind.District, OrgKind.Town, OrgKind.Community],
        OrgKind.EnforcementDepartment => [OrgKind.Province, OrgKind.City, OrgKind.District, OrgKind.Town],
        OrgKind.MediationCommittee => [OrgKind.District, OrgKind.Town, OrgKind.Community],
        _ => [],
    };

    /// <summary>
    /// 司法局 and 司法所 administer the judicial work of the region they sit in, so their staff see that whole
    /// region (its towns, departments and committees). Every other body sees only itself and what lies below it.
    /// </summary>
    public static bool AdministersParentRegion(this OrgKind kind) =>
        kind is OrgKind.JusticeBureau or OrgKind.JusticeOffice;

    /// <summary>Units at or above district level may switch their view to a unit below them (机构切换).</summary>
    public static bool IsAboveTown(this OrgKind kind) =>
        kind is OrgKind.Province or OrgKind.City or OrgKind.District;
}
