using Fazhi.Web.Kernel.Dictionaries;

namespace Fazhi.Web.Modules.Mediation.Rules;

/// <summary>
/// 纠纷类别: the standard code table of DOMAIN.md §5.1 (from a 司法局 statistics bulletin; no national form seen), kept as
/// the 字典 <see cref="Type"/> the bureau edits; and the bureau's report categories ([001] 家事类, 乡村振兴类, 城市生活类,
/// 营商环境类, 其他) as a second 字典 <see cref="ReportType"/> whose item codes are the standard codes and whose labels are the
/// report category each maps onto — so the report table is computed from the same records and re-mapped by editing labels.
/// </summary>
public static class Categories
{
    public const string Type = "mediation.dispute_category";
    public const string ReportType = "mediation.report_category";
    public const string ReportOther = "其他";

    public static readonly IReadOnlyList<(string Code, string Label, string Report)> Standard =
    [
        ("01", "婚姻家庭纠纷", "家事类"),
        ("02", "邻里纠纷", "城市生活类"),
        ("03", "房屋宅基地纠纷", "乡村振兴类"),
        ("04", "合同纠纷", "营商环境类"),
        ("05", "生产经营纠纷", "营商环境类"),
        ("06", "损害赔偿纠纷", "其他"),
        ("07", "山林土地纠纷", "乡村振兴类"),
        ("08", "征地拆迁纠纷", "乡村振兴类"),
        ("09", "环境污染纠纷", "其他"),
        ("10", "劳动争议纠纷", "营商环境类"),
        ("11", "消费纠纷", "城市生活类"),
        ("12", "医疗纠纷", "其他"),
        ("13", "道路交通事故纠纷", "城市生活类"),
        ("14", "物业纠纷", "城市生活类"),
        ("99", "其他纠纷", "其他"),
    ];

    /// <summary>[001]'s report categories in its order.</summary>
    public static readonly IReadOnlyList<string> ReportOrder = ["家事类", "乡村振兴类", "城市生活类", "营商环境类", "其他"];

    public static DictTypeDef Dictionary { get; } = new(Type, "人民调解纠纷类别", [.. Standard.Select(s => new DictItemDef(s.Code, s.Label))]);

    public static DictTypeDef ReportDictionary { get; } = new(ReportType, "人民调解报表类别（纠纷类别→报表类别）",
        [.. Standard.Select(s => new DictItemDef(s.Code, s.Report))]);
}
