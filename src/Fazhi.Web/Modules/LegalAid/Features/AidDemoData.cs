using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Modules.LegalAid.Data;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Modules.LegalAid.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.LegalAid.Features;

/// <summary>
/// 示例数据 of 法律援助 for 环翠区 (the 法律援助中心 of 环翠区司法局): its seven workstations (the court, the procuratorate,
/// 妇联, 孙家疃边防派出所 [000] …), a roster of lawyers (duty lawyers at the workstations), centre staff and 基层法律服务工作者,
/// the 办案补贴 standard table, about eighteen months of applications and notices walked through review, assignment,
/// closure and 回访 (green-channel ones mostly the same day, a few not), and the consultation log. A fixed seed makes
/// it identical on every start; dates are relative to today. Off with <c>Fazhi:DemoLegalAidData=false</c>.
/// </summary>
internal sealed class AidDemoData(FazhiDb db, AidService cases, IConfiguration config) : IDemoDataSource
{
    public const string Switch = "Fazhi:DemoLegalAidData";

#pragma warning disable CA5394 // demo data: a fixed, reproducible sequence is the point
    private readonly Random _rng = new(20_240_701);

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "于", "丛", "林", "姜", "曲", "谷", "毕", "宋"];
    private static readonly string[] Given = ["建国", "秀英", "桂兰", "海涛", "志强", "丽娜", "明", "红梅", "磊", "静", "晓东", "玉珍", "国庆", "春燕", "立新", "翠花", "文斌", "海燕", "成", "雪"];

    private static readonly (string Matter, AidCaseType Type, string Stage, GreenKind? Green, int Weight, long MaxRecoveredYuan)[] Matters =
    [
        ("追索劳动报酬（建筑工地欠薪）", AidCaseType.Civil, "仲裁", GreenKind.MigrantWages, 10, 60_000),
        ("追索劳动报酬（水产加工厂欠薪）", AidCaseType.Civil, "一审", GreenKind.MigrantWages, 5, 40_000),
        ("工伤事故人身损害赔偿", AidCaseType.Civil, "一审", null, 6, 200_000),
        ("交通事故人身损害赔偿", AidCaseType.Civil, "一审", null, 8, 150_000),
        ("离婚纠纷（家庭暴力）", AidCaseType.Civil, "一审", null, 5, 0),
        ("请求给付赡养费", AidCaseType.Civil, "一审", null, 5, 30_000),
        ("请求给付抚养费", AidCaseType.Civil, "一审", null, 4, 40_000),
        ("医疗损害赔偿", AidCaseType.Civil, "一审", null, 2, 120_000),
        ("确认劳动关系", AidCaseType.Civil, "仲裁", null, 3, 0),
        ("请求发给抚恤金（低保户）", AidCaseType.Civil, "调解", GreenKind.Dibao, 3, 20_000),
        ("民间借贷纠纷（低保户被诉）", AidCaseType.Civil, "二审", GreenKind.Dibao, 2, 0),
        ("涉嫌盗窃罪（审查起诉阶段辩护）", AidCaseType.Criminal, "审查起诉", null, 6, 0),
        ("涉嫌诈骗罪（审判阶段辩护）", AidCaseType.Criminal, "审判", null, 5, 0),
        ("涉嫌故意伤害罪（侦查阶段辩护）", AidCaseType.Criminal, "侦查", null, 4, 0),
        ("未成年人涉嫌寻衅滋事罪（审判阶段辩护）", AidCaseType.Criminal, "审判", null, 3, 0),
        ("强制猥亵案被害人代理", AidCaseType.Criminal, "审判", null, 1, 0),
        ("不服工伤认定行政诉讼", AidCaseType.Administrative, "一审", null, 1, 50_000),
        ("代写劳动仲裁申请书及调解", AidCaseType.NonLitigation, "全程", null, 2, 10_000),
    ];

    public async Task<bool> IsSeededAsync(CancellationToken ct) =>
        !config.GetValue(Switch, true) || await db.AidCases().ForSystemJob().AnyAsync(ct);

    public async Task SeedAsync(CancellationToken ct)
    {
        var unit = await db.OrgUnits.ForSystemJob().FirstOrDefaultAsync(o => o.Code == "371002-SFJ", ct);
        if (unit is null)
            return;
        var today = DateOnly.FromDateTime(ChinaTime.Now(db.Clock));
        var stations = new (string Name, string Host, int MonthsAgo)[]
        {
            ("环翠区人民法院法律援助工作站", "环翠区人民法院", 60), ("环翠区人民检察院法律援助工作站", "环翠区人民检察院", 60),
            ("环翠区妇联法律援助工作站", "环翠区妇女联合会", 48), ("环翠区看守所法律援助工作站", "威海市看守所", 40),
            ("环翠区总工会法律援助工作站", "环翠区总工会", 30), ("鲸园街道法律援助工作站", "鲸园街道公共法律服务站", 20),
            ("孙家疃边防派出所法律援助工作站", "孙家疃边防派出所", 8),
        }.Select(s => new AidWorkstation { OrgUnitId = unit.Id, Name = s.Name, Host = s.Host, OpenedOn = today.AddMonths(-s.MonthsAgo), Address = "威海市环翠区" }).ToList();
        db.AidWorkstations().AddRange(stations);
        await db.SaveChangesAsync(ct);

        var firms = new[] { "山东威海环翠律师事务所", "山东海诺律师事务所", "山东明德律师事务所" };
        var providers = new List<AidProvider>();
        for (var i = 0; i < 14; i++)
            providers.Add(new AidProvider
            {
                OrgUnitId = unit.Id, Name = Name(), Kind = ProviderKind.Lawyer, Firm = firms[i % 3], PracticeYears = 2 + _rng.Next(18),
                Phone = "1356310" + (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                DutyLawyer = i < 9, WorkstationId = i < 9 ? stations[i % stations.Count].Id : null,
            });
        for (var i = 0; i < 3; i++)
            providers.Add(new AidProvider { OrgUnitId = unit.Id, Name = Name(), Kind = ProviderKind.CenterStaff, Firm = "环翠区法律援助中心", PracticeYears = 5 + i });
        for (var i = 0; i < 3; i++)
            providers.Add(new AidProvider { OrgUnitId = unit.Id, Name = Name(), Kind = ProviderKind.GrassrootsWorker, Firm = "鲸园法律服务所", PracticeYears = 8 + i });
        db.AidProviders().AddRange(providers);
        (AidCaseType, string, long)[] standards =
        [
            (AidCaseType.Civil, "一审", 2000), (AidCaseType.Civil, "二审", 1500), (AidCaseType.Civil, "仲裁", 1500), (AidCaseType.Civil, "调解", 800),
            (AidCaseType.Criminal, "侦查", 1000), (AidCaseType.Criminal, "审查起诉", 1200), (AidCaseType.Criminal, "审判", 2000),
            (AidCaseType.Administrative, "一审", 2000), (AidCaseType.NonLitigation, "全程", 600),
        ];
        db.AidSubsidyStandards().AddRange(standards.Select(s => new AidSubsidyStandard { OrgUnitId = unit.Id, CaseType = s.Item1, Stage = s.Item2, AmountFen = s.Item3 * 100 }));
        await db.SaveChangesAsync(ct);

        var lawyers = providers.Where(p => p.Kind == ProviderKind.Lawyer).ToList();
        var weights = Matters.Sum(m => m.Weight);
        var seqByYear = new Dictionary<int, int>();
        var created = new List<AidCase>();
        var consultations = new List<AidConsultation>();
        for (var day = today.AddDays(-540); day < today; day = day.AddDays(1)) // today is left to the users (nothing later than now)
        {
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var n = weekend ? (_rng.Next(4) == 0 ? 1 : 0) : _rng.Next(3);
            for (var k = 0; k < n; k++)
            {
                var pick = _rng.Next(weights);
                var m = Matters.First(x => (pick -= x.Weight) < 0);
                created.Add(Case(unit.Id, day, today, m, lawyers, providers, stations, seqByYear));
            }
            var calls = weekend ? _rng.Next(2) : 2 + _rng.Next(4);
            for (var k = 0; k < calls; k++)
                consultations.Add(Consultation(unit.Id, day, k));
        }
        db.AidCases().AddRange(created);
        db.AidConsultations().AddRange(consultations);
        foreach (var (year, last) in seqByYear)
            db.AidCounters().Add(new AidCounter { OrgUnitId = unit.Id, Year = year, Series = "case", Last = last });
        await db.SaveChangesAsync(ct);
        // A few consultations became the applications.
        foreach (var (c, i) in created.Where(c => c.Channel is AidChannel.Window or AidChannel.Phone).Take(40).Select((c, i) => (c, i)))
        {
            var con = consultations.FirstOrDefault(x => x.On == c.ReceivedOn && x.CaseId == null);
            if (con is not null)
            {
                con.CaseId = c.Id;
                c.ConsultationId = con.Id;
            }
        }
        foreach (var c in created.Where(c => AidStateMachine.IsOpen(c.Status)))
            await cases.SyncTimersAsync(c, ct);
        await db.SaveChangesAsync(ct);
    }

    private string Name() => Surnames[_rng.Next(Surnames.Length)] + Given[_rng.Next(Given.Length)];

    private AidCase Case(int unitId, DateOnly day, DateOnly today, (string Matter, AidCaseType Type, string Stage, GreenKind? Green, int Weight, long MaxRecoveredYuan) m,
        List<AidProvider> lawyers, List<AidProvider> all, List<AidWorkstation> stations, Dictionary<int, int> seq)
    {
        var criminal = m.Type == AidCaseType.Criminal;
        var notice = criminal && _rng.Next(10) < 8;
        var channel = notice ? AidChannel.Notice : m.Green is not null ? AidChannel.Window
            : (AidChannel)new[] { 0, 0, 0, 1, 2, 3 }[_rng.Next(6)];
        var number = seq[day.Year] = seq.GetValueOrDefault(day.Year) + 1;
        var at = day.ToDateTime(new TimeOnly(8 + _rng.Next(8), _rng.Next(60))) - ChinaTime.Offset;
        var c = new AidCase
        {
            OrgUnitId = unitId,
            Number = AidService.FormatNumber("{prefix}法援〔{year}〕{seq}号", "环翠", day.Year, number),
            Year = day.Year,
            ApplicantName = Name(),
            ApplicantPhone = "139" + _rng.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ApplicantAddress = "威海市环翠区" + new[] { "鲸园街道", "环翠楼街道", "竹岛街道", "孙家疃街道" }[_rng.Next(4)] + _rng.Next(1, 200) + "号",
            Matter = m.Matter,
            CaseType = m.Type,
            Stage = m.Stage,
            Channel = channel,
            WorkstationId = channel == AidChannel.Workstation ? stations[_rng.Next(stations.Count)].Id : null,
            Eligibility = notice ? EligibilityBasis.Notice : m.Green is not null ? EligibilityBasis.Exempt
                : m.Matter.Contains("家庭暴力", StringComparison.Ordinal) ? EligibilityBasis.NoCondition : EligibilityBasis.HardshipChecked,
            EligibilityCategory = m.Green switch
            {
                GreenKind.MigrantWages => Eligibility.ExemptCategories[2],
                GreenKind.Dibao => Eligibility.ExemptCategories[1],
                _ => m.Matter.Contains("家庭暴力", StringComparison.Ordinal) ? Eligibility.NoConditionCategories[3] : null,
            },
            Green = m.Green,
            NoticeAuthority = notice ? new[] { "环翠区人民法院", "环翠区人民检察院", "威海市公安局环翠分局" }[_rng.Next(3)] : null,
            NoticeNumber = notice ? $"环法援通〔{day.Year}〕{number}号" : null,
            ReceivedAtUtc = at,
            ReceivedOn = day,
            Status = notice ? AidStatus.Granted : AidStatus.Reviewing,
            DecidedOn = notice ? day : null,
        };
        const string actor = "huancui-fy";
        void Event(AidAction a, DateOnly on, string? note) => c.Events.Add(new AidEvent { Action = a, On = on, AtUtc = on.ToDateTime(new TimeOnly(10, 0)) - ChinaTime.Offset, Actor = actor, Note = note });
        Event(AidAction.Receive, day, notice ? $"收到{c.NoticeAuthority}通知" : $"收到申请（{AidNames.Of(channel)}）");
        var age = today.DayNumber - day.DayNumber;
        DateOnly Clamp(DateOnly d) => d > today ? today : d;
        if (!notice)
        {
            if (_rng.Next(100) < 5 && age > 10)
            {
                c.Status = AidStatus.Refused;
                c.DecidedOn = c.ClosedOn = Clamp(day.AddDays(3));
                c.RefusalReason = m.Green is null ? "经核查，申请人家庭经济状况不符合本省法律援助经济困难标准" : "申请事项已由用人单位全额支付，不属于法律援助事项范围";
                Event(AidAction.Refuse, c.DecidedOn.Value, c.RefusalReason);
                return c;
            }
            if (age < 2 && _rng.Next(2) == 0)
                return c; // still in review
            var sameDay = m.Green is not null && _rng.Next(100) < 92;
            c.DecidedOn = Clamp(day.AddDays(sameDay ? 0 : 1 + _rng.Next(4)));
            c.Status = AidStatus.Granted;
            Event(AidAction.Grant, c.DecidedOn.Value, m.Green is { } g ? $"绿色通道（{AidNames.Of(g)}）" : null);
        }
        if (age < 1 && _rng.Next(2) == 0)
            return c;
        var provider = criminal || _rng.Next(5) > 0 ? lawyers[_rng.Next(lawyers.Count)] : all[lawyers.Count + _rng.Next(all.Count - lawyers.Count)];
        var sameDayAssign = m.Green is not null && c.DecidedOn == day && _rng.Next(100) < 95;
        c.AssignedOn = Clamp(sameDayAssign ? c.DecidedOn!.Value : c.DecidedOn!.Value.AddDays(1 + _rng.Next(2)));
        c.ProviderId = provider.Id;
        c.ProviderName = provider.Name;
        c.Status = AidStatus.Assigned;
        Event(AidAction.Assign, c.AssignedOn.Value, $"指派{provider.Name}承办");
        var duration = 20 + _rng.Next(100);
        if (age > 25 && _rng.Next(3) == 0)
        {
            Event(AidAction.RecordProgress, Clamp(c.AssignedOn.Value.AddDays(3)), criminal ? "会见犯罪嫌疑人，查阅案卷" : "与受援人签订委托协议，收集证据");
        }
        if (age > duration)
        {
            if (_rng.Next(100) < 3)
            {
                c.Status = AidStatus.Terminated;
                c.ClosedOn = c.AssignedOn.Value.AddDays(duration / 2);
                c.TerminationReason = Eligibility.TerminationGrounds[5];
                Event(AidAction.Terminate, c.ClosedOn.Value, c.TerminationReason);
                return c;
            }
            var hearing = c.AssignedOn.Value.AddDays(duration - 10);
            if (m.Stage is "一审" or "二审" or "审判")
            {
                c.HearingsAttended = 1;
                Event(AidAction.AttendHearing, hearing, "出庭参加庭审");
            }
            c.ClosedOn = c.AssignedOn.Value.AddDays(duration);
            c.Status = AidStatus.Closed;
            c.Result = criminal ? (_rng.Next(3) == 0 ? AidResult.CriminalDefenceAdopted : AidResult.Other)
                : (AidResult)new[] { 0, 0, 1, 2, 2, 3, 4 }[_rng.Next(7)];
            c.RecoveredFen = m.MaxRecoveredYuan == 0 || c.Result == AidResult.Lost ? 0 : (m.MaxRecoveredYuan / 4 + _rng.NextInt64(m.MaxRecoveredYuan)) * 100;
            c.SubsidyFen = m.Type switch
            {
                AidCaseType.Civil => m.Stage switch { "二审" => 1500, "仲裁" => 1500, "调解" => 800, _ => 2000 },
                AidCaseType.Criminal => m.Stage switch { "侦查" => 1000, "审查起诉" => 1200, _ => 2000 },
                AidCaseType.Administrative => 2000,
                _ => 600,
            } * 100L;
            Event(AidAction.Close, c.ClosedOn.Value, $"{AidNames.Of(c.Result.Value)}{(c.RecoveredFen > 0 ? $"，挽回损失{c.RecoveredFen / 100m:0.00}元" : "")}");
            if (age > duration + 7 && _rng.Next(10) < 7)
            {
                c.CallbackOn = c.ClosedOn.Value.AddDays(5);
                c.Satisfaction = _rng.Next(100) < 93 ? 5 - _rng.Next(2) : 3;
                Event(AidAction.Callback, c.CallbackOn.Value, $"满意度{c.Satisfaction}分");
            }
            if (age > duration + 20 && _rng.Next(4) == 0)
            {
                c.FileScore = 80 + _rng.Next(21);
                Event(AidAction.ReviewFile, c.ClosedOn.Value.AddDays(15), $"评查得分{c.FileScore}");
            }
        }
        return c;
    }

    private AidConsultation Consultation(int unitId, DateOnly day, int k)
    {
        string[] questions =
        [
            "工地老板拖欠工资三个月，怎么讨要？", "离婚时孩子抚养权怎么判？", "交通事故对方不赔偿怎么办？", "父母年老子女不给赡养费可以起诉吗？",
            "被公司辞退没有补偿，能申请仲裁吗？", "邻居占用宅基地怎么处理？", "网购被骗能报警吗？", "工伤认定需要哪些材料？",
            "借钱不还只有微信聊天记录可以起诉吗？", "申请法律援助需要什么条件？",
        ];
        var mode = (ConsultationMode)new[] { 0, 0, 0, 1, 2, 2, 3 }[_rng.Next(7)];
        var q = questions[_rng.Next(questions.Length)];
        return new AidConsultation
        {
            OrgUnitId = unitId, AtUtc = day.ToDateTime(new TimeOnly(9 + k % 8, _rng.Next(60))) - ChinaTime.Offset, On = day, Mode = mode, Name = Name(),
            Phone = mode == ConsultationMode.Letter ? null : "158" + _rng.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            CaseType = q.Contains("报警", StringComparison.Ordinal) ? AidCaseType.Criminal : AidCaseType.Civil,
            Question = q, Answer = "已解答相关法律规定，告知申请法律援助的条件和所需材料。", Handler = "huancui-fy",
        };
    }
#pragma warning restore CA5394
}
