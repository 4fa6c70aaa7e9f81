using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Modules.Enforcement.Domain;

namespace Fazhi.Bench;

// The synthetic province. Everything here is derived from the seed alone (never from the clock), so two runs with the
// same flags send byte-identical batches; only the certificates "expiring soon" are placed relative to today.

/// <summary>One of the ~25 kinds of 执法部门 a district has, with its share of the district's records.</summary>
internal sealed record DepartmentKind(string Abbr, string Name, string Field, double Weight);

internal sealed class Department
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required int KindIndex { get; init; }
    public required double Share { get; init; }
    public int Id { get; set; }
    public List<OfficerSpec> Officers { get; } = [];
    /// <summary>Certificates valid all year (what ordinary records name).</summary>
    public List<string> Valid { get; } = [];
    /// <summary>Certificates that stop being valid during the year (expired or revoked), with the first invalid day.</summary>
    public List<(string Number, DateOnly InvalidFrom)> Lapsing { get; } = [];
}

internal sealed class District
{
    public required int Index { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string CityCode { get; init; }
    public List<Department> Departments { get; } = [];
    /// <summary>赋权镇街 items published by the district's 司法局 (used by its 综合行政执法局).</summary>
    public List<ItemSpec> LocalItems { get; } = [];
}

internal sealed record ItemSpec(string Code, string Name, string Field, int KindIndex, long BaseYuan, bool TownLevel)
{
    public long Id { get; set; }

    /// <summary>轻微 / 一般 / 严重, in yuan: [0.2b, b], [b, 5b], [5b, 20b].</summary>
    public (long Min, long Max) Range(int level) => level switch
    {
        0 => (BaseYuan / 5, BaseYuan),
        1 => (BaseYuan, BaseYuan * 5),
        _ => (BaseYuan * 5, BaseYuan * 20),
    };

    public static readonly string[] Levels = ["轻微", "一般", "严重"];
}

internal sealed record OfficerSpec(string Name, string IdNumber, string Certificate, string Field, DateOnly IssuedOn, DateOnly ExpiresOn,
    CertificateStatus Status, DateOnly? StatusSince, bool Trained);

internal sealed class World
{
    public const string ProvinceCode = "370000";

    public static readonly DepartmentKind[] Kinds =
    [
        new("SCJG", "市场监督管理局", "市场监管", 0.28), new("ZHZF", "综合行政执法局", "城市管理", 0.20),
        new("STHJ", "生态环境分局", "生态环境", 0.06), new("JTYS", "交通运输局", "交通运输", 0.06),
        new("YJGL", "应急管理局", "应急管理", 0.05), new("WSJK", "卫生健康局", "卫生健康", 0.05),
        new("WHLY", "文化和旅游局", "文化旅游", 0.03), new("NYNC", "农业农村局", "农业农村", 0.03),
        new("ZRZY", "自然资源局", "自然资源", 0.03), new("ZJJ", "住房和城乡建设局", "住房建设", 0.03),
        new("SWJ", "水务局", "水利", 0.02), new("RSJ", "人力资源和社会保障局", "人力社保", 0.02),
        new("JYJ", "教育和体育局", "教育", 0.015), new("GAJ", "公安分局", "治安管理", 0.02),
        new("XFJY", "消防救援大队", "消防", 0.02), new("SWU", "税务局", "税务", 0.015),
        new("YBJ", "医疗保障局", "医疗保障", 0.015), new("SWJU", "商务局", "商务", 0.01),
        new("LYJ", "林业局", "林业", 0.01), new("MZJ", "民政局", "民政", 0.01),
        new("FGJ", "发展和改革局", "发展改革", 0.005), new("TJJ", "统计局", "统计", 0.005),
        new("YCJ", "烟草专卖局", "烟草专卖", 0.01), new("QXJ", "气象局", "气象", 0.005),
        new("DAJ", "档案馆", "档案", 0.005),
    ];

    private static readonly string[] CityNames =
        ["济南市", "青岛市", "淄博市", "枣庄市", "东营市", "烟台市", "潍坊市", "济宁市", "泰安市", "威海市", "日照市", "临沂市", "德州市", "聊城市", "滨州市", "菏泽市"];

    private static readonly string[] DistrictSuffixes = ["东区", "西区", "南区", "北区", "中区", "新区", "高新区", "经开区", "港区", "湖区"];

    public const int ItemsPerKind = 12; // 25 kinds × 12 = 300 province items

    public int Seed { get; }
    public int Year { get; }
    public int RecordsPerDistrict { get; }
    public List<(string Code, string Name)> Cities { get; } = [];
    public List<District> Districts { get; } = [];
    /// <summary>Items of the province's 司法厅, by kind of department.</summary>
    public List<ItemSpec>[] ProvinceItems { get; } = [.. Kinds.Select(_ => new List<ItemSpec>())];

    public World(int seed, int districts, int recordsPerDistrict, int officersPerDistrict, int year, DateOnly today)
    {
        Seed = seed;
        Year = year;
        RecordsPerDistrict = recordsPerDistrict;
        var rng = new Random(seed);
        for (var k = 0; k < Kinds.Length; k++)
            for (var n = 1; n <= ItemsPerKind; n++)
            {
                var baseYuan = new long[] { 500, 1_000, 2_000, 5_000 }[rng.Next(4)];
                ProvinceItems[k].Add(new ItemSpec($"37-{Kinds[k].Abbr}-{n:000}", $"{Kinds[k].Field}执法事项{n:000}", Kinds[k].Field, k, baseYuan, false));
            }

        var cities = (districts + 9) / 10;
        for (var c = 0; c < cities; c++)
            Cities.Add(($"37{c + 1:00}00", c < CityNames.Length ? CityNames[c] : $"第{c + 1}市"));
        for (var d = 0; d < districts; d++)
        {
            var (cityCode, cityName) = Cities[d / 10];
            var district = new District
            {
                Index = d, Code = $"37{d / 10 + 1:00}{d % 10 + 1:00}", CityCode = cityCode,
                Name = cityName[..^1] + DistrictSuffixes[d % 10],
            };
            // Department sizes vary ±25% around the kind's weight from district to district.
            var weights = Kinds.Select(k => k.Weight * (0.75 + 0.5 * rng.NextDouble())).ToArray();
            var sum = weights.Sum();
            for (var k = 0; k < Kinds.Length; k++)
                district.Departments.Add(new Department
                {
                    Code = $"{district.Code}-{Kinds[k].Abbr}", Name = district.Name + Kinds[k].Name, KindIndex = k, Share = weights[k] / sum,
                });
            for (var n = 1; n <= 4; n++)
                district.LocalItems.Add(new ItemSpec($"{district.Code}-ZJ-{n:00}", $"赋权镇街执法事项{n:00}", "城市管理", 1, 200, true));
            AddOfficers(district, officersPerDistrict, today, new Random(Mix(seed, d, 1)));
            Districts.Add(district);
        }
    }

    public static int Mix(int seed, int a, int b) => unchecked((seed * 1_000_003) ^ (a * 7_919) ^ (b * 104_729));

    private void AddOfficers(District district, int total, DateOnly today, Random rng)
    {
        foreach (var dept in district.Departments)
        {
            var count = Math.Max(4, (int)Math.Round(total * dept.Share));
            for (var n = 0; n < count; n++)
            {
                var cert = $"{district.Code}{dept.KindIndex:00}{n:0000}";
                var name = Names.Person(rng);
                var id = Names.IdNumber(rng, district.Code, 1965, 2000);
                var roll = n < 3 ? 0.5 : rng.NextDouble(); // the first three of each department are valid all year and beyond
                OfficerSpec officer;
                if (roll < 0.010)
                {
                    // 1%: expired during the year and still recorded as valid (not renewed).
                    var expires = new DateOnly(Year, 2, 1).AddDays(rng.Next(270));
                    officer = new OfficerSpec(name, id, cert, Kinds[dept.KindIndex].Field, expires.AddYears(-6).AddDays(1), expires, CertificateStatus.Valid, null, rng.NextDouble() < 0.5);
                    dept.Lapsing.Add((cert, expires.AddDays(1)));
                }
                else if (roll < 0.015)
                {
                    // 0.5%: revoked during the year.
                    var since = new DateOnly(Year, 2, 1).AddDays(rng.Next(270));
                    var issued = new DateOnly(Year - 4, 1, 1).AddDays(rng.Next(1_000));
                    officer = new OfficerSpec(name, id, cert, Kinds[dept.KindIndex].Field, issued, issued.AddYears(6), CertificateStatus.Revoked, since, false);
                    dept.Lapsing.Add((cert, since));
                }
                else
                {
                    var issued = new DateOnly(Year - 5, 1, 1).AddDays(rng.Next(5 * 365 - 30));
                    var expires = issued.AddYears(7).AddDays(-1);
                    // 0.3%: valid all year but expiring within the notice window from today (执法证即将到期).
                    if (roll > 0.997)
                        expires = today.AddDays(1 + rng.Next(28));
                    officer = new OfficerSpec(name, id, cert, Kinds[dept.KindIndex].Field, issued, expires, CertificateStatus.Valid, null, rng.NextDouble() < 0.92);
                    dept.Valid.Add(cert);
                }
                dept.Officers.Add(officer);
            }
        }
    }

    public IEnumerable<Department> AllDepartments => Districts.SelectMany(d => d.Departments);
}

/// <summary>Names and identifiers that pass the platform's checks (校验位 included).</summary>
internal static class Names
{
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private const string Given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁欣怡晨阳雪琳晶颖倩婷慧巧美";
    private static readonly string[] Trades = ["商贸", "餐饮", "科技", "建材", "物流", "食品", "医药", "机械", "化工", "纺织", "印刷", "汽修", "酒店", "超市", "装饰", "农业"];
    private static readonly string[] Words = ["鑫", "恒", "泰", "华", "盛", "宏", "兴", "隆", "通", "达", "源", "德", "信", "诚", "瑞", "祥", "丰", "海", "山", "安"];
    private const string CreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public static string Person(Random rng) =>
        $"{Surnames[rng.Next(Surnames.Length)]}{Given[rng.Next(Given.Length)]}{(rng.Next(3) == 0 ? "" : Given[rng.Next(Given.Length)].ToString())}";

    public static string Enterprise(Random rng, string place) =>
        $"{place}{Words[rng.Next(Words.Length)]}{Words[rng.Next(Words.Length)]}{Trades[rng.Next(Trades.Length)]}有限公司";

    /// <summary>A valid 公民身份号码 registered in the district.</summary>
    public static string IdNumber(Random rng, string region, int fromYear, int toYear)
    {
        var birth = new DateOnly(fromYear, 1, 1).AddDays(rng.Next((toYear - fromYear) * 365));
        var body = $"{region}{birth:yyyyMMdd}{rng.Next(1000):000}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (body[i] - '0') * weights[i];
        return body + "10X98765432"[sum % 11];
    }

    /// <summary>A valid, unique 统一社会信用代码 for enterprise <paramref name="n"/> of the district.</summary>
    public static string CreditCode(string region, int district, int n)
    {
        var body = new char[17];
        "91".CopyTo(0, body, 0, 2);
        region.CopyTo(0, body, 2, 6);
        var v = (long)district * 10_000_000 + n;
        for (var i = 16; i >= 8; i--)
        {
            body[i] = CreditAlphabet[(int)(v % 31)];
            v /= 31;
        }
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += CreditAlphabet.IndexOf(body[i], StringComparison.Ordinal) * weights[i];
        var check = 31 - sum % 31;
        var code = new string(body) + CreditAlphabet[check == 31 ? 0 : check];
        System.Diagnostics.Debug.Assert(UnifiedSocialCreditCode.IsValid(code));
        return code;
    }
}
