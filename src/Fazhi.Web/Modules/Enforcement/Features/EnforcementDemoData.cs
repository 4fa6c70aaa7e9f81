using Fazhi.Web.Modules.Enforcement.Features.Records;
using Fazhi.Web.Modules.Enforcement.Features.Warnings;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Modules.Enforcement.Features.Sampling;
using Fazhi.Web.Modules.Enforcement.Import;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement.Features;

/// <summary>
/// 示例数据 of 行政执法监督 for 环翠区: the district's 执法事项清单 (with 裁量基准) and 赋权镇街事项, the officers of its three
/// departments, their 涉企检查计划, and about two years of records pushed through the same ingestion as the API, so the
/// rules raise their warnings as they would in use. A handful of records break a rule on purpose (each rule a few
/// times); older warnings are then walked through 反馈 → 整改 → 销号 so the figures have a history. Two 双随机 draws of
/// 行政处罚 files are scored against a 评查模板 (案卷评查), through the same services as the pages. A fixed seed makes
/// the demo identical on every start; dates are relative to today. Off with <c>Fazhi:DemoEnforcementData=false</c>.
/// </summary>
internal sealed class EnforcementDemoData(FazhiDb db, RecordIngestion ingestion, WarningEngine engine, RecordQueries records,
    IConfiguration config, ILogger<EnforcementDemoData> log) : IDemoDataSource
{
    public const string Switch = "Fazhi:DemoEnforcementData";

    private const string Region = "371002", Bureau = "371002-SFJ", Market = "371002-SCJG", Urban = "371002-ZHZF", Ecology = "371002-STHJ";
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private const string Unregistered = "37100201999";

#pragma warning disable CA5394 // demo data: a fixed, reproducible sequence is the point, not unpredictability
    private readonly Random _rng = new(20_240_607);

    private sealed record ItemSeed(string Code, string Name, string Basis, RecordKind Act, int Lo = 0, int Hi = 0, string? TownClass = null);

    private sealed record Department(string Code, string Prefix, string Field, string Channel, int PerYear, double Inspections, double Penalties,
        double Coercions, double EnterpriseShare, string[] Industries);

    private sealed record Target(string Name, string? CreditCode, string? IdNumber);

    private sealed class Draft
    {
        public required string Dept { get; init; }
        public RecordKind Kind { get; init; }
        public required string ItemCode { get; init; }
        public required Target Target { get; init; }
        public List<string> Officers { get; set; } = [];
        public DateOnly Opened { get; init; }
        public DateOnly? Decided { get; set; }
        public DateOnly? Closed { get; set; }
        public DateOnly? Published { get; set; }
        public decimal? Amount { get; set; }
        public string? Circumstance { get; set; }
        public bool Review { get; set; }
        public bool Major { get; set; }
        public bool Lenient { get; set; }
        /// <summary>An enterprise inspection left out of the department's plan on purpose (计划外检查).</summary>
        public bool Unplanned { get; init; }
        public string SourceId { get; set; } = "";
    }

    private static readonly Department[] Departments =
    [
        new(Market, "SCJG", "市场监管", "api", 130, 0.55, 0.30, 0.08, 0.80, ["商贸", "食品", "餐饮管理", "超市", "医药连锁", "海产品", "电梯工程", "酒店管理", "广告传媒"]),
        new(Urban, "ZHZF", "综合执法", "excel", 110, 0.45, 0.40, 0.10, 0.55, ["建筑工程", "房地产开发", "物业管理", "餐饮管理", "广告传媒", "燃气", "装饰工程"]),
        new(Ecology, "STHJ", "生态环境", "api", 60, 0.60, 0.30, 0.10, 0.95, ["化工", "机械制造", "水产加工", "印染", "汽车维修", "电镀", "建材", "船舶修造"]),
    ];

    private static readonly Dictionary<string, ItemSeed[]> Catalogue = new()
    {
        ["市场监管"] =
        [
            new("SC-001", "对经营不符合食品安全标准的食品的行政处罚", "《中华人民共和国食品安全法》第一百二十四条", RecordKind.Penalty, 50_000, 100_000),
            new("SC-002", "对未取得食品经营许可从事食品经营活动的行政处罚", "《中华人民共和国食品安全法》第一百二十二条", RecordKind.Penalty, 50_000, 100_000),
            new("SC-003", "对食品经营者未按规定查验进货凭证的行政处罚", "《中华人民共和国食品安全法》第一百二十六条", RecordKind.Penalty, 5_000, 50_000),
            new("SC-004", "对经营者作虚假或者引人误解的商业宣传的行政处罚", "《中华人民共和国反不正当竞争法》第二十条", RecordKind.Penalty, 200_000, 1_000_000),
            new("SC-005", "对发布虚假广告的行政处罚", "《中华人民共和国广告法》第五十五条", RecordKind.Penalty, 200_000, 1_000_000),
            new("SC-006", "对经营者不按规定明码标价的行政处罚", "《中华人民共和国价格法》第四十二条", RecordKind.Penalty, 0, 5_000),
            new("SC-007", "对销售掺杂掺假、以假充真产品的行政处罚", "《中华人民共和国产品质量法》第五十条", RecordKind.Penalty, 10_000, 200_000),
            new("SC-008", "对使用未经定期检验的特种设备的行政处罚", "《中华人民共和国特种设备安全法》第八十四条", RecordKind.Penalty, 30_000, 300_000),
            new("SC-009", "对侵犯注册商标专用权行为的行政处罚", "《中华人民共和国商标法》第六十条第二款", RecordKind.Penalty, 5_000, 250_000),
            new("SC-010", "对从事无照经营的行政处罚", "《无证无照经营查处办法》第十三条", RecordKind.Penalty, 0, 10_000),
            new("SC-011", "对药品经营企业未遵守药品经营质量管理规范的行政处罚", "《中华人民共和国药品管理法》第一百二十六条", RecordKind.Penalty, 100_000, 500_000),
            new("SC-012", "对化妆品经营者未履行进货查验记录义务的行政处罚", "《化妆品监督管理条例》第六十二条", RecordKind.Penalty, 10_000, 30_000),
            new("SC-101", "对食品生产经营者的监督检查", "《中华人民共和国食品安全法》第一百一十条", RecordKind.Inspection),
            new("SC-102", "对特种设备使用单位的监督检查", "《中华人民共和国特种设备安全法》第六十一条", RecordKind.Inspection),
            new("SC-103", "对药品、医疗器械经营企业的监督检查", "《中华人民共和国药品管理法》第九十九条", RecordKind.Inspection),
            new("SC-104", "对经营者明码标价和价格行为的检查", "《中华人民共和国价格法》第三十四条", RecordKind.Inspection),
            new("SC-201", "查封、扣押不符合食品安全标准的食品", "《中华人民共和国食品安全法》第一百一十条第四项", RecordKind.Coercion),
            new("SC-301", "责令召回不符合食品安全标准的食品", "《中华人民共和国食品安全法》第六十三条", RecordKind.Other),
        ],
        ["综合执法"] =
        [
            new("ZH-001", "对擅自占用、挖掘城市道路的行政处罚", "《城市道路管理条例》第四十二条", RecordKind.Penalty, 0, 20_000),
            new("ZH-002", "对未取得建设工程规划许可证进行建设的行政处罚", "《中华人民共和国城乡规划法》第六十四条", RecordKind.Penalty, 10_000, 500_000),
            new("ZH-003", "对随意倾倒、抛撒、堆放生活垃圾的行政处罚", "《中华人民共和国固体废物污染环境防治法》第一百一十一条", RecordKind.Penalty, 100, 500),
            new("ZH-004", "对擅自设置大型户外广告的行政处罚", "《城市市容和环境卫生管理条例》第三十六条", RecordKind.Penalty, 0, 5_000),
            new("ZH-005", "对施工工地未采取扬尘污染防治措施的行政处罚", "《中华人民共和国大气污染防治法》第一百一十五条", RecordKind.Penalty, 10_000, 100_000),
            new("ZH-006", "对餐饮服务业经营者未安装油烟净化设施的行政处罚", "《中华人民共和国大气污染防治法》第一百一十八条", RecordKind.Penalty, 5_000, 50_000),
            new("ZH-007", "对擅自砍伐城市树木的行政处罚", "《城市绿化条例》第二十六条", RecordKind.Penalty, 0, 10_000),
            new("ZH-008", "对损坏城市绿化设施的行政处罚", "《城市绿化条例》第二十七条", RecordKind.Penalty, 0, 5_000),
            new("ZH-009", "对在城市道路两侧擅自摆摊设点的行政处罚", "《城市市容和环境卫生管理条例》第三十四条", RecordKind.Penalty, 0, 1_000),
            new("ZH-010", "对燃气经营者未按规定进行安全检查的行政处罚", "《城镇燃气管理条例》第四十五条", RecordKind.Penalty, 10_000, 100_000),
            new("ZH-101", "对市容环境卫生责任区的行政检查", "《城市市容和环境卫生管理条例》", RecordKind.Inspection),
            new("ZH-102", "对建筑施工工地扬尘防治的行政检查", "《中华人民共和国大气污染防治法》第二十九条", RecordKind.Inspection),
            new("ZH-103", "对燃气经营单位的行政检查", "《城镇燃气管理条例》", RecordKind.Inspection),
            new("ZH-201", "暂扣违法占道经营的物品", "《城市市容和环境卫生管理条例》", RecordKind.Coercion),
            new("ZH-301", "责令限期拆除违法建设", "《中华人民共和国城乡规划法》第六十四条", RecordKind.Other),
        ],
        ["生态环境"] =
        [
            new("ST-001", "对超过大气污染物排放标准排放大气污染物的行政处罚", "《中华人民共和国大气污染防治法》第九十九条", RecordKind.Penalty, 100_000, 1_000_000),
            new("ST-002", "对建设项目未依法报批环境影响评价文件擅自开工建设的行政处罚", "《中华人民共和国环境影响评价法》第三十一条", RecordKind.Penalty, 50_000, 500_000),
            new("ST-003", "对超标排放水污染物的行政处罚", "《中华人民共和国水污染防治法》第八十三条", RecordKind.Penalty, 100_000, 1_000_000),
            new("ST-004", "对未按规定设置危险废物识别标志的行政处罚", "《中华人民共和国固体废物污染环境防治法》第一百一十二条", RecordKind.Penalty, 100_000, 1_000_000),
            new("ST-005", "对工业噪声超标排放的行政处罚", "《中华人民共和国噪声污染防治法》第七十五条", RecordKind.Penalty, 10_000, 100_000),
            new("ST-006", "对未取得排污许可证排放污染物的行政处罚", "《排污许可管理条例》第三十三条", RecordKind.Penalty, 200_000, 1_000_000),
            new("ST-101", "对排污单位的现场检查", "《中华人民共和国环境保护法》第二十四条", RecordKind.Inspection),
            new("ST-102", "对危险废物产生单位的行政检查", "《中华人民共和国固体废物污染环境防治法》第二十七条", RecordKind.Inspection),
            new("ST-201", "查封、扣押造成污染物排放的设施、设备", "《中华人民共和国环境保护法》第二十五条", RecordKind.Coercion),
        ],
    };

    /// <summary>赋权镇街执法事项: handled by the 街道 that received them.</summary>
    private static readonly ItemSeed[] TownItems =
    [
        new("ZT-001", "对在城市道路两侧和公共场地擅自摆摊设点的行政处罚", "《城市市容和环境卫生管理条例》第三十四条", RecordKind.Penalty, 0, 1_000, "一类"),
        new("ZT-002", "对随意倾倒、抛撒生活垃圾的行政处罚", "《中华人民共和国固体废物污染环境防治法》第一百一十一条", RecordKind.Penalty, 100, 500, "一类"),
        new("ZT-003", "对在建筑物、构筑物外吊挂、晾晒物品的行政处罚", "《城市市容和环境卫生管理条例》第三十四条", RecordKind.Penalty, 0, 500, "一类"),
        new("ZT-004", "对损坏城市绿化设施的行政处罚", "《城市绿化条例》第二十七条", RecordKind.Penalty, 0, 5_000, "二类"),
        new("ZT-005", "对露天焚烧垃圾、落叶的行政处罚", "《中华人民共和国大气污染防治法》第一百一十九条", RecordKind.Penalty, 500, 2_000, "二类"),
        new("ZT-006", "对擅自占用城市道路堆放物料的行政处罚", "《城市道路管理条例》第四十二条", RecordKind.Penalty, 0, 20_000, "二类"),
        new("ZT-007", "对餐饮油烟直排影响周边居民的行政处罚", "《中华人民共和国大气污染防治法》第一百一十八条", RecordKind.Penalty, 5_000, 50_000, "三类"),
        new("ZT-008", "对未经批准设置门头牌匾的行政处罚", "《城市市容和环境卫生管理条例》第三十六条", RecordKind.Penalty, 0, 5_000, "三类"),
        new("ZT-009", "对未按规定分类投放生活垃圾的行政处罚", "《中华人民共和国固体废物污染环境防治法》第一百一十一条", RecordKind.Penalty, 50, 200, "三类"),
        new("ZT-010", "对违法建设的巡查检查", "《中华人民共和国城乡规划法》第五十三条", RecordKind.Inspection, TownClass: "三类"),
    ];

    private static readonly string[] Brands =
    [
        "海润", "金鼎", "鑫源", "华泰", "蓝海", "荣达", "福瑞", "东升", "瑞丰", "恒信", "宏远", "佳和", "安泰", "天成", "永盛", "凯旋",
        "金海湾", "明珠", "盛世", "万家", "新港", "远航", "康泰", "百川", "正阳", "海悦", "祥和", "德隆", "海星", "丰收", "鲁鑫", "嘉禾",
        "同和", "信达", "华宇", "天润", "隆泰", "环海", "威达", "卓越",
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"];

    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华", "慧", "建国", "志刚", "海燕", "晓东", "文博", "雪梅", "立新", "国庆", "永强", "春雨"];

    private DateOnly _today;
    private readonly Dictionary<string, List<Officer>> _officers = [];
    private readonly List<(Target Target, string Industry)> _enterprises = [];
    private readonly List<Target> _shops = [];
    private readonly Dictionary<string, List<DateOnly>> _visits = [];
    private readonly List<Draft> _drafts = [];

    /// <summary>Any record, catalogue item or officer, in any unit: the module is in use and gets no demo data.</summary>
    public async Task<bool> IsSeededAsync(CancellationToken ct) =>
        await db.EnforcementRecords().ForSystemJob().AnyAsync(ct) || await db.EnforcementItems().ForSystemJob().AnyAsync(ct) ||
        await db.Officers().ForSystemJob().AnyAsync(ct);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!config.GetValue(Switch, true))
            return;
        var units = await db.OrgUnits.ForSystemJob().Where(o => o.Code.StartsWith(Region)).ToDictionaryAsync(o => o.Code, ct);
        if (!units.TryGetValue(Bureau, out var bureau) || Departments.Any(d => !units.ContainsKey(d.Code)))
            return;
        _today = engine.Today;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();

        AddCatalogue(bureau);
        AddOfficers(units);
        await db.SaveChangesAsync(ct);

        AddTargets();
        AddRuleBreakers();
        foreach (var dept in Departments)
            AddRoutineRecords(dept);
        NumberRecords();
        await AddPlansAsync(units, ct);

        var rejected = 0;
        foreach (var dept in Departments)
        {
            var inputs = _drafts.Where(d => d.Dept == dept.Code).OrderBy(d => d.Opened).Select((d, i) => (i, (RecordInput?)ToInput(d), (IReadOnlyList<string>?)null)).ToList();
            var result = await ingestion.IngestAsync(units[dept.Code], inputs, dept.Channel, ct);
            rejected += result.Rejected.Count;
            foreach (var r in result.Rejected.Take(3))
                log.LogWarning("Demo record {SourceId} refused: {Reasons}", r.SourceId, string.Join("；", r.Reasons));
        }
        db.ChangeTracker.Clear();

        var expiring = await db.Officers().Where(o => o.Status == CertificateStatus.Valid && o.ExpiresOn <= _today.AddDays(30)).ToListAsync(ct);
        await engine.EvaluateOfficersAsync(expiring, ct);
        await db.SaveChangesAsync(ct);
        await WalkWarningsAsync(ct);
        await AddReviewsAsync(bureau, ct);

        if (log.IsEnabled(LogLevel.Information))
            log.LogInformation("Enforcement demo data: {Records} records ({Rejected} refused) in {Ms} ms", _drafts.Count, rejected,
                (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    // ---- catalogue ----

    private void AddCatalogue(OrgUnit bureau)
    {
        var responsible = new Dictionary<string, string> { ["市场监管"] = "环翠区市场监督管理局", ["综合执法"] = "环翠区综合行政执法局", ["生态环境"] = "威海市生态环境局环翠分局" };
        foreach (var (field, items) in Catalogue)
            foreach (var s in items)
                db.EnforcementItems().Add(new EnforcementItem
                {
                    OrgUnitId = bureau.Id, Code = s.Code, Name = s.Name, Field = field, LegalBasis = s.Basis, ResponsibleDepartment = responsible[field],
                    Benchmarks = s.Act == RecordKind.Penalty ? Benchmarks(s.Lo, s.Hi) : [],
                });
        foreach (var s in TownItems)
            db.EnforcementItems().Add(new EnforcementItem
            {
                OrgUnitId = bureau.Id, Code = s.Code, Name = s.Name, Field = "综合执法", LegalBasis = s.Basis, ResponsibleDepartment = "街道办事处",
                TownLevel = true, TownClass = s.TownClass,
                ReceivingTowns = s.TownClass switch { "一类" => "鲸园街道、环翠楼街道、竹岛街道", "二类" => "鲸园街道、环翠楼街道", _ => "竹岛街道" },
                Benchmarks = s.Act == RecordKind.Penalty ? Benchmarks(s.Lo, s.Hi) : [],
            });
    }

    /// <summary>轻微 up to the statutory minimum (不予处罚 or 减轻), then the range split 30/40/30 into 一般, 较重, 严重.</summary>
    private static List<DiscretionLevel> Benchmarks(int lo, int hi)
    {
        long Yuan(double v) => (long)Math.Round(v / 100) * 100 * 100;
        double a = lo, b = lo + (hi - lo) * 0.3, c = lo + (hi - lo) * 0.7;
        return
        [
            new DiscretionLevel { Level = "轻微", MinFen = 0, MaxFen = Yuan(lo > 0 ? lo : hi * 0.1), Description = "初次违法、危害后果轻微并及时改正的，可以不予处罚或者减轻处罚" },
            new DiscretionLevel { Level = "一般", MinFen = Yuan(a), MaxFen = Yuan(b), Description = "违法情节一般，未造成明显危害后果" },
            new DiscretionLevel { Level = "较重", MinFen = Yuan(b), MaxFen = Yuan(c), Description = "违法情节较重，造成一定危害后果或者经责令拒不改正" },
            new DiscretionLevel { Level = "严重", MinFen = Yuan(c), MaxFen = Yuan(hi), Description = "违法情节严重，造成严重危害后果或者多次违法" },
        ];
    }

    // ---- officers ----

    private void AddOfficers(Dictionary<string, OrgUnit> units)
    {
        var prevYear = _today.Year - 1;
        var counts = new Dictionary<string, int> { [Market] = 12, [Urban] = 11, [Ecology] = 7 };
        var n = 0;
        foreach (var (deptIndex, dept) in Departments.Index())
        {
            var list = _officers[dept.Code] = [];
            for (var i = 1; i <= counts[dept.Code]; i++, n++)
            {
                var issued = new DateOnly(prevYear, 1, 1).AddDays(-_rng.Next(60, 1500));
                var officer = new Officer
                {
                    OrgUnitId = units[dept.Code].Id, Name = Surnames[n % Surnames.Length] + GivenNames[n * 7 % GivenNames.Length],
                    IdNumber = IdNumber(new DateOnly(1968, 1, 1).AddDays(_rng.Next(0, 365 * 30))),
                    CertificateNumber = $"371002{deptIndex + 1:00}{i:000}", Field = dept.Field, IssuedOn = issued,
                    ExpiresOn = _today.AddDays(_rng.Next(120, 1500)), Status = CertificateStatus.Valid,
                };
                list.Add(officer);
            }
            foreach (var o in list)
            {
                for (var year = Math.Max(o.IssuedOn.Year, prevYear); year <= _today.Year; year++)
                {
                    var score = _rng.Next(52, 99);
                    o.Training.Add(new TrainingYear { Year = year, Hours = _rng.Next(24, 61), ExamScore = score, ExamPassed = score >= 60 });
                }
                if (o.IssuedOn.Year < prevYear)
                    o.Reviews.Add(new CertificateReview { Year = prevYear, Kind = ReviewKind.Annual, On = new DateOnly(prevYear, 12, 10), Passed = true });
            }
        }
        // The certificates the rules and the figures should show: two expiring soon, one expired but never renewed,
        // one revoked, and one newly issued this year.
        _officers[Market][10].ExpiresOn = _today.AddDays(12);
        _officers[Urban][9].ExpiresOn = _today.AddDays(26);
        _officers[Ecology][5].ExpiresOn = _today.AddDays(-20);
        var revoked = _officers[Urban][10];
        revoked.Status = CertificateStatus.Revoked;
        revoked.StatusSince = _today.AddDays(-150);
        revoked.StatusReason = "违反执法纪律，经审查撤销行政执法证件";
        var fresh = _officers[Market][11];
        fresh.IssuedOn = _today.AddDays(-60);
        fresh.Training.Clear();
        fresh.Training.Add(new TrainingYear { Year = _today.Year, Hours = 60, ExamScore = 88, ExamPassed = true });
        foreach (var o in _officers.Values.SelectMany(x => x))
            db.Officers().Add(o);
    }

    private List<string> PickOfficers(string dept, DateOnly from, DateOnly? to, int count = 2)
    {
        var pool = _officers[dept].Where(o => o.ValidOn(from) && (to is null || o.ValidOn(to.Value))).ToList();
        var picked = new List<string>();
        while (picked.Count < count && pool.Count > 0)
        {
            var o = pool[_rng.Next(pool.Count)];
            pool.Remove(o);
            picked.Add(o.CertificateNumber);
        }
        return picked;
    }

    // ---- targets ----

    private void AddTargets()
    {
        var industries = Departments.SelectMany(d => d.Industries).Distinct().ToList();
        for (var i = 0; i < 90; i++)
        {
            var industry = industries[i % industries.Count];
            var brand = Brands[(i * 13 + i / Brands.Length) % Brands.Length];
            _enterprises.Add((new Target($"威海{brand}{industry}有限公司", CreditCode('1'), null), industry));
        }
        string[] shops = ["海鲜排档", "便利店", "小吃店", "水果店", "烧烤店", "日杂店", "粮油店", "理发店"];
        for (var i = 0; i < 24; i++)
            _shops.Add(new Target($"环翠区{Brands[(i * 7 + 3) % Brands.Length]}{shops[i % shops.Length]}", CreditCode('2'), null));
    }

    private Target Person() =>
        new($"{Surnames[_rng.Next(Surnames.Length)]}某某", null, IdNumber(new DateOnly(1960, 1, 1).AddDays(_rng.Next(0, 365 * 40))));

    /// <summary>A 统一社会信用代码 of a 威海环翠 enterprise ('1') or 个体工商户 ('2'), its check character found by the validator.</summary>
    private string CreditCode(char type)
    {
        var body = "9" + type + Region + "MA" + new string([.. Enumerable.Range(0, 7).Select(_ => Alphabet[_rng.Next(Alphabet.Length)])]);
        return Alphabet.Select(c => body + c).First(UnifiedSocialCreditCode.IsValid);
    }

    private string IdNumber(DateOnly birth)
    {
        var body = $"{Region}{birth:yyyyMMdd}{_rng.Next(10, 999):000}";
        return "0123456789X".Select(c => body + c).First(IdentityNumber.IsValid);
    }

    private Target Enterprise(Department dept, DateOnly? inspectedOn)
    {
        var candidates = _enterprises.Where(e => dept.Industries.Contains(e.Industry)).Select(e => e.Target).ToList();
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var t = candidates[_rng.Next(candidates.Count)];
            if (inspectedOn is null || Free(t, inspectedOn.Value))
                return t;
        }
        return _enterprises[_rng.Next(_enterprises.Count)].Target;
    }

    /// <summary>No other inspection of the enterprise within a month either side: routine data raises no 重复检查.</summary>
    private bool Free(Target t, DateOnly day) =>
        !_visits.TryGetValue(t.CreditCode!, out var days) || days.All(d => Math.Abs(d.DayNumber - day.DayNumber) > 31);

    private void Visit(Target t, DateOnly day)
    {
        if (!_visits.TryGetValue(t.CreditCode!, out var days))
            _visits[t.CreditCode!] = days = [];
        days.Add(day);
    }

    // ---- records ----

    private Draft Inspection(string dept, Target target, DateOnly on, string item, List<string>? officers = null, bool unplanned = false)
    {
        if (target.CreditCode is not null)
            Visit(target, on);
        var d = new Draft
        {
            Dept = dept, Kind = RecordKind.Inspection, ItemCode = item, Target = target, Opened = on, Closed = on,
            Officers = officers ?? PickOfficers(dept, on, null), Unplanned = unplanned,
        };
        _drafts.Add(d);
        return d;
    }

    private Draft Penalty(string dept, Target target, DateOnly opened, string item, DateOnly? decided, string circumstance, decimal amount,
        DateOnly? published, List<string>? officers = null)
    {
        var d = new Draft
        {
            Dept = dept, Kind = RecordKind.Penalty, ItemCode = item, Target = target, Opened = opened, Decided = decided,
            Published = published, Circumstance = circumstance, Amount = decided is null ? null : amount,
            Review = amount >= 30_000, Major = amount >= 100_000, Officers = officers ?? PickOfficers(dept, opened, decided),
        };
        if (decided is { } day && day.AddDays(15) <= _today)
            d.Closed = day.AddDays(15);
        _drafts.Add(d);
        return d;
    }

    private DateOnly DaysAgo(int days) => _today.AddDays(-days);

    private DateOnly LastYear(int month, int day) => new(_today.Year - 1, month, day);

    /// <summary>The records that break a rule on purpose, each rule a few times, spread over departments and time.</summary>
    private void AddRuleBreakers()
    {
        Department scjg = Departments[0], zhzf = Departments[1], sthj = Departments[2];
        var expired = _officers[Ecology][5].CertificateNumber;
        var revoked = _officers[Urban][10].CertificateNumber;

        // 无证执法: a certificate nobody registered, a revoked one, an expired one.
        Inspection(Market, Enterprise(scjg, DaysAgo(15)), DaysAgo(15), "SC-101", [PickOfficers(Market, DaysAgo(15), null, 1)[0], Unregistered]);
        Inspection(Urban, Person(), DaysAgo(40), "ZH-101", [revoked, PickOfficers(Urban, DaysAgo(40), null, 1)[0]]);
        Inspection(Ecology, Enterprise(sthj, DaysAgo(8)), DaysAgo(8), "ST-101", [expired, PickOfficers(Ecology, DaysAgo(8), null, 1)[0]]);
        Inspection(Market, Enterprise(scjg, LastYear(5, 14)), LastYear(5, 14), "SC-102", [PickOfficers(Market, LastYear(5, 14), null, 1)[0], "37100201998"]);

        // 执法人员不足两人.
        Inspection(Market, Enterprise(scjg, LastYear(3, 19)), LastYear(3, 19), "SC-104", PickOfficers(Market, LastYear(3, 19), null, 1));
        Inspection(Urban, Person(), DaysAgo(30), "ZH-101", PickOfficers(Urban, DaysAgo(30), null, 1));
        _drafts.Add(new Draft
        {
            Dept = Urban, Kind = RecordKind.Coercion, ItemCode = "ZH-201", Target = Person(), Opened = DaysAgo(55), Decided = DaysAgo(55),
            Closed = DaysAgo(48), Officers = PickOfficers(Urban, DaysAgo(55), null, 1),
        });
        Penalty(Ecology, Enterprise(sthj, null), DaysAgo(80), "ST-005", DaysAgo(50), "一般", 20_000, DaysAgo(47), PickOfficers(Ecology, DaysAgo(80), DaysAgo(50), 1));

        // 超期未结 (第六十条): two still undecided, one decided late.
        Penalty(Urban, Person(), DaysAgo(130), "ZH-001", null, "一般", 0, null);
        Penalty(Market, _shops[3], DaysAgo(100), "SC-010", null, "一般", 0, null);
        Penalty(Market, Enterprise(scjg, null), LastYear(4, 7), "SC-003", LastYear(4, 7).AddDays(105), "一般", 12_000, LastYear(4, 7).AddDays(107));

        // 超裁量基准.
        Penalty(Market, Enterprise(scjg, null), DaysAgo(70), "SC-003", DaysAgo(35), "一般", 30_000, DaysAgo(33));
        Penalty(Urban, Enterprise(zhzf, null), LastYear(8, 4), "ZH-006", LastYear(9, 8), "较重", 45_000, LastYear(9, 10));
        Penalty(Ecology, Enterprise(sthj, null), DaysAgo(60), "ST-005", DaysAgo(22), "一般", 60_000, DaysAgo(20));

        // 重大处罚未经法制审核: flagged 重大 by the department, and one over the amount threshold.
        var major = Penalty(Ecology, Enterprise(sthj, null), DaysAgo(65), "ST-001", DaysAgo(28), "较重", 400_000, DaysAgo(26));
        major.Review = false;
        var big = Penalty(Market, Enterprise(scjg, null), LastYear(10, 9), "SC-008", LastYear(11, 20), "严重", 240_000, LastYear(11, 24));
        big.Review = false;
        big.Major = false;

        // 未按期公示: two published late, one never.
        Penalty(Urban, Enterprise(zhzf, null), LastYear(5, 20), "ZH-005", LastYear(6, 17), "一般", 20_000, LastYear(7, 7));
        Penalty(Market, Enterprise(scjg, null), DaysAgo(62), "SC-006", DaysAgo(30), "一般", 1_000, DaysAgo(5));
        Penalty(Ecology, Enterprise(sthj, null), DaysAgo(50), "ST-002", DaysAgo(20), "一般", 80_000, null);

        // 重复检查 / 多头检查: two departments at one enterprise within a month, one department twice.
        var e1 = Enterprise(scjg, DaysAgo(28));
        Inspection(Market, e1, DaysAgo(28), "SC-101");
        Inspection(Urban, e1, DaysAgo(18), "ZH-101");
        var e2 = Enterprise(scjg, DaysAgo(60));
        Inspection(Market, e2, DaysAgo(60), "SC-101");
        Inspection(Market, e2, DaysAgo(45), "SC-104");
        var e3 = Enterprise(sthj, LastYear(9, 10));
        Inspection(Ecology, e3, LastYear(9, 10), "ST-101");
        Inspection(Market, e3, LastYear(9, 25), "SC-101");

        // 计划外涉企检查.
        Inspection(Market, Enterprise(scjg, DaysAgo(10)), DaysAgo(10), "SC-102", unplanned: true);
        Inspection(Urban, Enterprise(zhzf, LastYear(11, 12)), LastYear(11, 12), "ZH-103", unplanned: true);
        Inspection(Ecology, Enterprise(sthj, DaysAgo(50)), DaysAgo(50), "ST-102", unplanned: true);

        // Earlier this year: long since answered and closed, so the year's figures show warnings being closed.
        Inspection(Ecology, Enterprise(sthj, DaysAgo(280)), DaysAgo(280), "ST-101", [PickOfficers(Ecology, DaysAgo(280), null, 1)[0], "37100203999"]);
        Inspection(Market, Enterprise(scjg, DaysAgo(200)), DaysAgo(200), "SC-101", PickOfficers(Market, DaysAgo(200), null, 1));
        Penalty(Urban, Enterprise(zhzf, null), DaysAgo(260), "ZH-005", DaysAgo(230), "一般", 15_000, DaysAgo(210));
        Penalty(Market, Enterprise(scjg, null), DaysAgo(180), "SC-007", DaysAgo(150), "一般", 90_000, DaysAgo(148));
        var e5 = Enterprise(sthj, DaysAgo(240));
        Inspection(Ecology, e5, DaysAgo(240), "ST-102");
        Inspection(Urban, e5, DaysAgo(228), "ZH-102");
        Inspection(Urban, Enterprise(zhzf, DaysAgo(170)), DaysAgo(170), "ZH-101", unplanned: true);
    }

    /// <summary>The ordinary run of a department's work, none of which breaks a rule.</summary>
    private void AddRoutineRecords(Department dept)
    {
        var items = Catalogue[dept.Field];
        foreach (var year in new[] { _today.Year - 1, _today.Year })
        {
            var start = new DateOnly(year, 1, 1);
            var end = year == _today.Year ? _today : new DateOnly(year, 12, 31);
            var span = end.DayNumber - start.DayNumber + 1;
            // The current year runs about a tenth busier than the last.
            var count = (int)Math.Round(dept.PerYear * (year == _today.Year ? 1.1 : 1.0) * span / 365.0);
            for (var i = 0; i < count; i++)
            {
                var day = start.AddDays(_rng.Next(span));
                if (day.DayOfWeek == DayOfWeek.Saturday) day = day.AddDays(-1);
                if (day.DayOfWeek == DayOfWeek.Sunday) day = day.AddDays(-2);
                if (day < start) day = start.AddDays(2);
                var roll = _rng.NextDouble();
                var kind = roll < dept.Inspections ? RecordKind.Inspection
                    : roll < dept.Inspections + dept.Penalties ? RecordKind.Penalty
                    : roll < dept.Inspections + dept.Penalties + dept.Coercions ? RecordKind.Coercion : RecordKind.Other;
                var pick = items.Where(s => s.Act == kind).ToList();
                var item = pick[_rng.Next(pick.Count)];
                var enterprise = _rng.NextDouble() < dept.EnterpriseShare;
                switch (kind)
                {
                    case RecordKind.Inspection:
                        var target = enterprise ? Enterprise(dept, day) : Person();
                        if (target.CreditCode is not null && !Free(target, day))
                            target = Person();
                        Inspection(dept.Code, target, day, item.Code);
                        break;
                    case RecordKind.Penalty:
                        AddRoutinePenalty(dept, item, day, enterprise ? (_rng.NextDouble() < 0.8 ? Enterprise(dept, null) : _shops[_rng.Next(_shops.Count)]) : Person());
                        break;
                    default:
                        var decided = day.AddDays(kind == RecordKind.Coercion ? 0 : _rng.Next(0, 6));
                        if (decided > _today) decided = _today;
                        var closed = decided.AddDays(_rng.Next(5, 30));
                        _drafts.Add(new Draft
                        {
                            Dept = dept.Code, Kind = kind, ItemCode = item.Code, Target = enterprise ? Enterprise(dept, null) : Person(), Opened = day,
                            Decided = decided, Closed = closed <= _today ? closed : null, Officers = PickOfficers(dept.Code, day, decided),
                        });
                        break;
                }
            }
        }
    }

    private void AddRoutinePenalty(Department dept, ItemSeed item, DateOnly opened, Target target)
    {
        var decided = opened.AddDays(_rng.Next(10, 76));
        var roll = _rng.NextDouble();
        var level = roll < 0.12 ? "轻微" : roll < 0.65 ? "一般" : roll < 0.9 ? "较重" : "严重";
        var band = Benchmarks(item.Lo, item.Hi).First(b => b.Level == level);
        var amount = (decimal)(Math.Round((band.MinFen + _rng.NextDouble() * (band.MaxFen - band.MinFen)) / 10_000) * 100);
        var lenient = level == "轻微";
        if (lenient && _rng.NextDouble() < 0.6)
            amount = 0; // 不予处罚
        else if (amount == 0)
            amount = 100;
        if (decided > _today)
        {
            Penalty(dept.Code, target, opened, item.Code, null, level, 0, null); // 在办: decided within 90 days, not yet due
            return;
        }
        var published = decided.AddDays(_rng.Next(1, 6));
        var d = Penalty(dept.Code, target, opened, item.Code, decided, level, amount, published <= _today ? published : null);
        d.Lenient = lenient;
        d.Review = d.Review || level is "较重" or "严重" || _rng.NextDouble() < 0.5;
        if (d.Major)
            d.Review = true;
    }

    private void NumberRecords()
    {
        foreach (var group in _drafts.GroupBy(d => (d.Dept, d.Opened.Year)))
        {
            var prefix = Departments.First(x => x.Code == group.Key.Dept).Prefix;
            var n = 0;
            foreach (var d in group.OrderBy(d => d.Opened))
                d.SourceId = $"{prefix}-{group.Key.Year}-{++n:0000}";
        }
    }

    private static RecordInput ToInput(Draft d) => new()
    {
        SourceId = d.SourceId, Kind = RecordNames.Of(d.Kind), ItemCode = d.ItemCode,
        Target = new TargetInput(d.Target.Name, d.Target.CreditCode, d.Target.IdNumber), Officers = d.Officers,
        OpenedOn = d.Opened, DecidedOn = d.Decided, ClosedOn = d.Closed, PublishedOn = d.Published, Amount = d.Amount,
        Circumstance = d.Circumstance, LegalReviewDone = d.Kind == RecordKind.Penalty ? d.Review : null, Major = d.Major ? true : null,
        Lenient = d.Lenient ? true : null,
    };

    // ---- plans ----

    /// <summary>涉企检查计划: every routine enterprise inspection was planned (filed in January); two visits were merged into a
    /// confirmed 联合检查; next month's plan has a proposed one.</summary>
    private async Task AddPlansAsync(Dictionary<string, OrgUnit> units, CancellationToken ct)
    {
        var region = units[Region];
        var planned = new HashSet<(string, string, int)>();
        void Plan(string dept, Target t, int year, int month, string item, long? joint = null)
        {
            if (!planned.Add((dept, t.CreditCode!, year * 100 + month)))
                return;
            var filed = new DateOnly(year, 1, 10);
            db.InspectionPlans().Add(new InspectionPlan
            {
                OrgUnitId = units[dept].Id, Year = year, Month = month, TargetCreditCode = t.CreditCode!, TargetName = t.Name, Items = item,
                FiledOn = filed <= _today ? filed : _today, JointInspectionId = joint,
            });
        }

        // A 联合检查 two months ago: 市场监管 and 综合执法 at one enterprise in one visit, so no 多头检查 is raised.
        var month = _today.AddMonths(-2);
        var visit = new DateOnly(month.Year, month.Month, 12);
        var e = _enterprises.Select(x => x.Target).First(t => Free(t, visit) && Free(t, visit.AddDays(1)));
        var joint = new JointInspection
        {
            OrgUnitId = region.Id, Year = visit.Year, Month = visit.Month, TargetCreditCode = e.CreditCode!, TargetName = e.Name, Departments = 2,
            Status = JointStatus.Confirmed, LeadOrgUnitId = units[Market].Id, ConfirmedOn = visit.AddDays(-20), ConfirmedBy = "huancui",
        };
        // Next month: the platform proposes merging two departments' planned visits to one enterprise.
        var next = _today.AddMonths(1);
        var e4 = _enterprises.Select(x => x.Target).Last(t => Free(t, next));
        var proposal = new JointInspection
        {
            OrgUnitId = region.Id, Year = next.Year, Month = next.Month, TargetCreditCode = e4.CreditCode!, TargetName = e4.Name, Departments = 2,
            Status = JointStatus.Proposed,
        };
        db.JointInspections().AddRange(joint, proposal);
        await db.SaveChangesAsync(ct);
        Plan(Market, e, visit.Year, visit.Month, "SC-101", joint.Id);
        Plan(Urban, e, visit.Year, visit.Month, "ZH-102", joint.Id);
        Inspection(Market, e, visit, "SC-101").SourceId = $"SCJG-{visit.Year}-J001";
        Inspection(Urban, e, visit.AddDays(1), "ZH-102").SourceId = $"ZHZF-{visit.Year}-J001";
        Plan(Market, e4, next.Year, next.Month, "SC-101", proposal.Id);
        Plan(Ecology, e4, next.Year, next.Month, "ST-101", proposal.Id);
        foreach (var t in _enterprises.Where(x => x.Industry is "食品" or "化工").Take(6).Select(x => x.Target))
            Plan(t.Name.Contains("化工", StringComparison.Ordinal) ? Ecology : Market, t, next.Year, next.Month, t.Name.Contains("化工", StringComparison.Ordinal) ? "ST-101" : "SC-101");

        foreach (var d in _drafts.Where(d => d.Kind == RecordKind.Inspection && d.Target.CreditCode is not null && !d.Unplanned))
            Plan(d.Dept, d.Target, d.Opened.Year, d.Opened.Month, d.ItemCode);
        await db.SaveChangesAsync(ct);
    }

    // ---- the warnings' history ----

    private static readonly Dictionary<string, (string Feedback, string Rectification)> Answers = new()
    {
        ["ZF01"] = ("经核查，该次执法有未持有效执法证的人员参与，已停止其执法工作，由持证人员重新履行相关程序。", "已由两名持证执法人员重新实施并补正执法记录，组织全员学习执法证件管理规定。"),
        ["ZF02"] = ("经核查，现场另有一名执法人员，报送时漏填其执法证号。", "已补报执法人员信息，报送系统增加两名执法人员的必填校验。"),
        ["ZF03"] = ("该案需委托检验鉴定，未及时履行延期审批手续。", "已作出处罚决定，并完善案件延期审批制度。"),
        ["ZF04"] = ("经复核，该案罚款金额与裁量基准不符。", "已依法撤销原决定并按裁量基准重新作出决定，相关人员已作检讨。"),
        ["ZF05"] = ("该决定作出前未经法制审核。", "已组织法制审核并完善案卷，重大执法决定一律先审核后决定。"),
        ["ZF06"] = ("因信息公示平台账号到期，未能按期公示。", "已在信用信息公示平台完成公示，明确专人负责公示工作。"),
        ["ZF07"] = ("经核查，两次检查事项不同，未事先沟通。", "已与相关部门建立检查计划会商机制，同一企业的检查纳入联合检查。"),
        ["ZF08"] = ("该次检查系投诉举报引发，未及时补报检查计划。", "已补报计划外检查说明，今后按规定先报备后检查。"),
        ["ZF09"] = ("已安排该同志参加换证培训和考试。", "该同志已通过考试，换证申请已提交。"),
        ["ZF10"] = ("该同志执法证已过期，已暂停其执法工作。", "已办理换证，期间未从事执法工作。"),
    };

    /// <summary>
    /// The engine raised every warning today; in use they would have come in over the two years. Each is dated from its
    /// record (or certificate), and moved as far along 反馈 → 整改 → 销号 as its age makes likely: old ones closed (a few
    /// left overdue), last month's in rectification or awaiting 销号, the newest waiting for the department's answer.
    /// </summary>
    private async Task WalkWarningsAsync(CancellationToken ct)
    {
        var warnings = await db.EnforcementWarnings().OrderBy(w => w.Id).ToListAsync(ct);
        var recordIds = warnings.Where(w => w.RecordId != null).Select(w => w.RecordId!.Value).ToList();
        var records = await db.EnforcementRecords().AsNoTracking().Where(r => recordIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var officerIds = warnings.Where(w => w.OfficerId != null).Select(w => w.OfficerId!.Value).ToList();
        var officers = await db.Officers().AsNoTracking().Where(o => officerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        int old = 0, recent = 0;
        foreach (var w in warnings)
        {
            var raised = Raised(w, records, officers);
            if (raised > _today) raised = _today;
            w.RaisedOn = raised;
            w.DueOn = engine.FeedbackDue(raised);
            w.StepStartedOn = raised;
            var age = _today.DayNumber - raised.DayNumber;
            var (feedback, rectification) = Answers.GetValueOrDefault(w.RuleCode, ("已收到预警，正在核查。", "已完成整改。"));
            if (age > 45)
            {
                // Every sixth warning of the last few months is still open: the dashboard shows what overdue looks like.
                var stuck = age < 150 ? old++ % 6 : 0;
                if (stuck == 5)
                    continue; // issued, never answered
                Answer(w, raised.AddDays(3), feedback);
                if (stuck == 2)
                    continue; // answered, rectification overdue
                Rectify(w, raised.AddDays(3 + _rng.Next(5, 15)), rectification);
                var closed = w.RectifiedOn!.Value.AddDays(_rng.Next(2, 7));
                Close(w, closed <= _today ? closed : _today);
            }
            else if (age > 20)
            {
                switch (recent++ % 3)
                {
                    case 0:
                        Answer(w, raised.AddDays(2), feedback);
                        Rectify(w, raised.AddDays(12), rectification);
                        break;
                    case 1:
                        Answer(w, raised.AddDays(4), feedback);
                        if (recent % 2 == 0)
                        {
                            // 退回整改: the report came in, the bureau sent it back.
                            w.Rectification = rectification;
                            w.RectifiedOn = raised.AddDays(10);
                            w.CloseNote = "退回：整改报告未附相关证明材料，请补充后重新报送。";
                            w.DueOn = engine.RectificationDue(raised.AddDays(12));
                            w.StepStartedOn = raised.AddDays(12);
                        }
                        break;
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private DateOnly Raised(EnforcementWarning w, Dictionary<long, EnforcementRecord> records, Dictionary<long, Officer> officers)
    {
        if (w.OfficerId is { } oid && officers.TryGetValue(oid, out var o))
            return w.RuleCode == "ZF10" ? o.ExpiresOn.AddDays(1) : o.ExpiresOn.AddDays(-30);
        if (w.RecordId is not { } rid || !records.TryGetValue(rid, out var r))
            return _today;
        return w.RuleCode switch
        {
            "ZF03" => r.DecidedOn?.AddDays(2) ?? r.OpenedOn.AddDays(91),
            "ZF06" => r.PublishedOn?.AddDays(2) ?? r.DecidedOn!.Value.AddDays(12),
            _ => r.CountedOn.AddDays(2),
        };
    }

    private void Answer(EnforcementWarning w, DateOnly on, string text)
    {
        w.Feedback = text;
        w.FeedbackOn = on;
        w.Status = WarningStatus.Rectifying;
        w.DueOn = engine.RectificationDue(on);
        w.StepStartedOn = on;
    }

    private static void Rectify(EnforcementWarning w, DateOnly on, string text)
    {
        w.Rectification = text;
        w.RectifiedOn = on;
        w.Status = WarningStatus.Rectified;
    }

    private static void Close(EnforcementWarning w, DateOnly on)
    {
        w.Status = WarningStatus.Closed;
        w.ClosedOn = on;
        w.ClosedBy = "huancui";
        w.CloseNote = "经核查整改到位，同意销号。";
    }

    // ---- 案卷评查 ----

    public const string ReviewTemplateName = "行政处罚案卷评查标准";

    /// <summary>The template's items (满分100) and the problem a reviewer notes when a file loses points on one.</summary>
    private static readonly (string Code, string Name, decimal Points, string Problem)[] ReviewItems =
    [
        ("ZT", "执法主体与执法人员资格", 10, "部分执法文书未载明执法人员的执法证件号码。"),
        ("SS", "违法事实认定", 20, "违法事实表述不够具体，违法行为起止时间的认定依据不足。"),
        ("ZJ", "证据收集与审查", 20, "现场检查笔录未经当事人签字确认，现场照片未注明拍摄时间和地点。"),
        ("CX", "执法程序", 20, "行政处罚告知书送达回证填写不完整，陈述申辩的过程未留存记录。"),
        ("FL", "法律适用与自由裁量", 20, "处罚决定书未写明所适用的裁量基准档次及理由。"),
        ("WS", "文书制作与立卷归档", 10, "卷内文书排列顺序与案卷目录不一致，部分文书未编页码。"),
    ];

    /// <summary>
    /// 案卷评查 by 环翠区司法局 (the demo user huancui), through <see cref="ReviewTemplateService"/> and
    /// <see cref="SamplingService"/> as on the pages: last year's 行政处罚 files (12 drawn in December, all reviewed) and
    /// the last half-year's (10 drawn, 7 reviewed so far, 3 awaiting review). The draws keep fixed seeds and explicit date
    /// ranges, so 复核 re-draws the same files. Draw and review dates are then moved to when they would have happened,
    /// as the warnings' are. Skipped if the bureau already has a draw (seeding twice adds nothing).
    /// </summary>
    private async Task AddReviewsAsync(OrgUnit bureau, CancellationToken ct)
    {
        if (await db.SamplingDraws().ForSystemJob().AnyAsync(d => d.OrgUnitId == bureau.Id, ct))
            return;
        var reviewer = new DemoReviewer(bureau.Id, "huancui");
        var templates = new ReviewTemplateService(db, reviewer);
        var sampling = new SamplingService(db, records, templates, reviewer);
        var template = await templates.CreateAsync(new TemplateRequest(ReviewTemplateName,
            [.. ReviewItems.Select(i => new TemplateItemInput(i.Code, i.Name, i.Points))]), ct);
        var scores = new Random(20_241_210);

        var lastYear = _today.Year - 1;
        var december = new DateOnly(lastYear, 12, 1);
        await DrawAndReviewAsync(sampling, template.Id, scores, $"{lastYear}年度行政处罚案卷评查",
            new RecordFilter { Org = Region, Kind = "处罚", From = new DateOnly(lastYear, 1, 1), To = new DateOnly(lastYear, 11, 30) },
            20_241_201, 12, 12, december, ct);

        // Reviewed within this year, so this year's figures show an average (early in January: in the first days).
        var yearStart = new DateOnly(_today.Year, 1, 1);
        var drawnOn = _today.AddDays(-20) < yearStart ? yearStart : _today.AddDays(-20);
        await DrawAndReviewAsync(sampling, template.Id, scores, "近半年行政处罚案卷抽查",
            new RecordFilter { Org = Region, Kind = "处罚", From = _today.AddDays(-210), To = _today.AddDays(-30) },
            20_250_601, 10, 7, drawnOn, ct);
    }

    private async Task DrawAndReviewAsync(SamplingService sampling, long templateId, Random scores, string name, RecordFilter filter,
        long seed, int count, int reviewed, DateOnly drawnOn, CancellationToken ct)
    {
        var draw = await sampling.CreateAsync(new DrawRequest(name, filter, count, null, seed, templateId), ct);
        foreach (var file in draw.Records.Take(reviewed))
        {
            var given = new Dictionary<string, decimal>();
            var problems = new List<string>();
            foreach (var (code, _, points, problem) in ReviewItems)
            {
                // Most files lose a point or two here and there; about one item in five has a real shortcoming.
                var share = scores.NextDouble() < 0.2 ? 0.55 + scores.NextDouble() * 0.25 : 0.85 + scores.NextDouble() * 0.15;
                var p = Math.Min(points, Math.Round((decimal)share * points * 2, MidpointRounding.AwayFromZero) / 2);
                given[code] = p;
                if (p < points * 0.8m)
                    problems.Add(problem);
            }
            await sampling.ScoreAsync(draw.Draw.Id, file.RecordId, new ScoreRequest(given, problems.Count == 0 ? "未发现明显问题。" : string.Join("", problems)), ct);
        }

        var stored = await db.SamplingDraws().Include(d => d.Records).FirstAsync(d => d.Id == draw.Draw.Id, ct);
        stored.AtUtc = drawnOn.ToDateTime(new TimeOnly(1, 30), DateTimeKind.Utc); // 09:30 China time
        foreach (var s in stored.Records.Where(s => s.Score != null))
        {
            var on = drawnOn.AddDays(3 + s.Rank);
            s.ReviewedOn = on <= _today ? on : _today;
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The demo's reviewer: 环翠区司法局's enforcement-supervision staff, acting during start-up seeding.</summary>
    private sealed class DemoReviewer(int orgUnitId, string userName) : ICurrentUser
    {
        public int? UserId => null;
        public string UserName => userName;
        public int? OrgUnitId => orgUnitId;
        public DataScope Scope => DataScope.All;
        public string? RequestId => null;
        public string? ClientAddress => null;
        public bool IsInRole(string role) => role == EnforcementPermissions.SupervisionRole;
        public bool Can(string permission) => EnforcementPermissions.Supervision.Contains(permission);
    }
#pragma warning restore CA5394
}
