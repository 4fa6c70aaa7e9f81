namespace Fazhi.Web.Modules.Hotline.Features.Triage;

/// <summary>The default user dictionary, the fields of the 执法事项清单 the classifier names, and a generator of labelled
/// tickets (demo data, the accuracy test, the benchmark) built from how 12345 tickets of each field read.</summary>
public static class TriageVocabulary
{
    public static readonly IReadOnlyList<string> DefaultTerms =
    [
        "占道经营", "店外经营", "流动摊贩", "露天烧烤", "油烟扰民", "噪音扰民", "渣土车", "违章建筑", "私搭乱建", "乱堆乱放", "乱贴乱画",
        "违规停车", "建筑垃圾", "夜间施工", "无证经营", "过期食品", "缺斤少两", "虚假宣传", "价格欺诈", "预付卡", "排污口", "偷排废水",
        "异味扰民", "扬尘污染", "乱罚款", "不作为", "执法态度", "重复检查", "多头执法", "职责不清", "推诿扯皮",
    ];

    public static readonly IReadOnlyList<string> DefaultFields = ["市容环卫", "城乡规划建设", "市场监管", "食品安全", "生态环境"];

    /// <summary>Field → the department of a district responsible for it (suffix of the org code: 371002-ZHZF).</summary>
    public static readonly IReadOnlyDictionary<string, string> DepartmentOfField = new Dictionary<string, string>
    {
        ["市容环卫"] = "ZHZF", ["城乡规划建设"] = "ZHZF", ["市场监管"] = "SCJG", ["食品安全"] = "SCJG", ["生态环境"] = "STHJ",
    };

    private static readonly IReadOnlyDictionary<string, string[]> Subjects = new Dictionary<string, string[]>
    {
        ["市容环卫"] = ["占道经营", "流动摊贩", "露天烧烤", "乱堆乱放", "店外经营", "乱贴乱画", "垃圾清运不及时", "广告牌破损"],
        ["城乡规划建设"] = ["违章建筑", "私搭乱建", "夜间施工", "渣土车", "建筑垃圾", "楼顶加盖", "围墙私拆"],
        ["市场监管"] = ["缺斤少两", "虚假宣传", "价格欺诈", "预付卡", "无证经营", "商品质量", "电梯年检"],
        ["食品安全"] = ["过期食品", "后厨卫生", "餐馆卫生", "食物中毒", "无健康证", "变质食品"],
        ["生态环境"] = ["油烟扰民", "异味扰民", "偷排废水", "扬尘污染", "排污口", "噪音扰民", "锅炉冒黑烟"],
    };

    private static readonly string[] NonEnforcement =
        ["路灯不亮", "供暖温度低", "社保咨询", "公交线路调整", "孩子入学咨询", "自来水停水", "医保报销", "公积金提取", "小区绿化", "快递丢失"];

    private static readonly string[] Places = ["小区门口", "商业街", "菜市场旁", "学校附近", "路口", "居民楼下", "广场东侧", "沿街商铺"];

    private static readonly string[] Frames =
    [
        "市民来电反映{place}{subject}，{extra}，希望相关部门处理。",
        "{place}存在{subject}问题，{extra}，请求尽快解决。",
        "来电人称{place}{subject}，已经多次反映，{extra}。",
        "反映{subject}：{place}，{extra}，要求查处。",
    ];

    private static readonly string[] Extras =
    [
        "影响居民休息", "晚上尤其严重", "持续一个多月", "周边群众意见很大", "存在安全隐患", "之前反映过没有结果", "白天也有", "老人孩子出行不便",
    ];

    /// <summary>A labelled ticket text; <paramref name="noise"/> is the chance a subject of another field is mixed in
    /// (real tickets mention several things).</summary>
    public static IEnumerable<(string Text, bool Enforcement, string? Field)> Generate(int seed, int count, double noise = 0.15)
    {
        var rng = new Random(seed);
        var fields = Subjects.Keys.ToArray();
        for (var i = 0; i < count; i++)
        {
            var enforcement = rng.NextDouble() < 0.8;
            var field = enforcement ? fields[rng.Next(fields.Length)] : null;
            var subject = field is null ? NonEnforcement[rng.Next(NonEnforcement.Length)] : Subjects[field][rng.Next(Subjects[field].Length)];
            var extra = Extras[rng.Next(Extras.Length)];
            if (rng.NextDouble() < noise)
            {
                var other = fields[rng.Next(fields.Length)];
                extra += "，另有" + Subjects[other][rng.Next(Subjects[other].Length)];
            }
            var text = Frames[rng.Next(Frames.Length)].Replace("{place}", Places[rng.Next(Places.Length)], StringComparison.Ordinal)
                .Replace("{subject}", subject, StringComparison.Ordinal).Replace("{extra}", extra, StringComparison.Ordinal);
            yield return (text, enforcement, field);
        }
    }
}
