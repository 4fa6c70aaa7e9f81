using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Modules.Mediation.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Mediation.Features;

/// <summary>
/// 示例数据 of 人民调解 for 环翠区: committees of every kind on the org tree (three 街道调委会, a 社区调委会, the 商会 committee, a
/// 个人品牌调解室), their mediators, two years of disputes with sessions, agreements, 司法确认 and 回访, 排查 records, 说事点 with
/// reports, and a 以案定补 standard. A fixed seed; dates relative to today. Off with <c>Fazhi:DemoMediationData=false</c>.
/// </summary>
internal sealed class MediationDemoData(FazhiDb db, IConfiguration config) : IDemoDataSource
{
    public const string Switch = "Fazhi:DemoMediationData";

#pragma warning disable CA5394 // demo data: a fixed, reproducible sequence is the point
    private readonly Random _rng = new(20_240_630);

    public async Task<bool> IsSeededAsync(CancellationToken ct) => await db.Committees().ForSystemJob().AnyAsync(ct);

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "于", "丛", "毕", "谷"];
    private static readonly string[] Given = ["建国", "秀英", "海涛", "丽华", "志强", "桂兰", "明", "静", "伟", "芳", "军", "红梅", "德胜", "淑珍"];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!config.GetValue(Switch, true))
            return;
        if (!await db.OrgUnits.ForSystemJob().AnyAsync(o => o.Code == "371002001", ct) || !await db.OrgUnits.ForSystemJob().AnyAsync(o => o.Code == "371002-SFJ", ct))
            return;
        await DemoCommunities.EnsureAsync(db, ct); // 海港社区 and the others: the same units as the other modules' demo data
        var units = await db.OrgUnits.ForSystemJob().Where(o => o.Code.StartsWith("371002")).ToDictionaryAsync(o => o.Code, ct);
        var bureau = units["371002-SFJ"];
        var today = DateOnly.FromDateTime(ChinaTime.Now(db.Clock));
        var now = db.Clock.GetUtcNow().UtcDateTime;
        OrgUnit Add(string code, string name, OrgKind kind, string parent)
        {
            if (units.TryGetValue(code, out var existing))
                return existing;
            var p = units[parent];
            var u = new OrgUnit { Code = code, Name = name, Kind = kind, ParentId = p.Id, Parent = p, Path = OrgUnit.PathOf(p, code), Depth = p.Depth + 1, SortOrder = 900 + units.Count };
            db.OrgUnits.Add(u);
            units[code] = u;
            return u;
        }
        var specs = new (string Code, string Name, string Parent, CommitteeKind Kind, string Short, int FoundedYearsAgo, string? Field, int Weight)[]
        {
            ("371002001-TWH", "鲸园街道人民调解委员会", "371002001", CommitteeKind.TownOrStreet, "鲸园", 12, null, 5),
            ("371002002-TWH", "环翠楼街道人民调解委员会", "371002002", CommitteeKind.TownOrStreet, "环翠楼", 12, null, 4),
            ("371002003-TWH", "竹岛街道人民调解委员会", "371002003", CommitteeKind.TownOrStreet, "竹岛", 11, null, 4),
            ("371002001001-TWH", "海港社区人民调解委员会", "371002001001", CommitteeKind.VillageOrCommunity, "海港", 8, null, 2),
            ("371002-SHTWH", "环翠区商会人民调解委员会", "371002", CommitteeKind.Industry, "区商会", 3, "商事", 2),
            ("371002001-NXGZS", "暖心调解工作室", "371002001", CommitteeKind.BrandStudio, "暖心", 4, null, 1),
        };
        var committees = new List<(OrgUnit Unit, Committee Committee, int Weight, List<Mediator> Mediators)>();
        foreach (var s in specs)
        {
            var unit = Add(s.Code, s.Name, OrgKind.MediationCommittee, s.Parent);
            var c = new Committee { OrgUnitId = 0, Kind = s.Kind, FoundedOn = new DateOnly(today.Year - s.FoundedYearsAgo, 3, 1), Field = s.Field, ShortName = s.Short };
            committees.Add((unit, c, s.Weight, []));
        }
        await db.SaveChangesAsync(ct);
        foreach (var (unit, c, _, mediators) in committees)
        {
            c.OrgUnitId = unit.Id;
            db.Committees().Add(c);
            for (var i = 0; i < 3; i++)
            {
                var m = new Mediator
                {
                    OrgUnitId = unit.Id, Name = Name(), FullTime = i == 0, Phone = "1386310" + _rng.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Training = i == 0 ? "民法典集中培训；人民调解业务培训" : "人民调解业务培训", InRoster = true,
                    // The demo 人民调解员 account of the 鲸园 司法所 is this committee's full-time mediator: it sees the
                    // committee's disputes and those it mediates, not the 海港 committee's or the 暖心 studio's.
                    UserName = unit.Code == "371002001-TWH" && i == 0 ? "jingyuan-tj" : null,
                };
                mediators.Add(m);
                db.Mediators().Add(m);
            }
        }
        await db.SaveChangesAsync(ct);

        var sources = new[] { DisputeSource.Screening, DisputeSource.Screening, DisputeSource.Screening, DisputeSource.Application, DisputeSource.Application,
            DisputeSource.CourtReferral, DisputeSource.PoliceReferral, DisputeSource.PetitionReferral, DisputeSource.Hotline12345, DisputeSource.TalkPoint };
        var weights = committees.SelectMany(c => Enumerable.Repeat(c, c.Weight)).ToList();
        var counters = new Dictionary<(int, int), int>();
        var start = today.AddDays(-700);
        // Registered in date order, so each committee's numbers follow its dates.
        var days = Enumerable.Range(0, 420).Select(_ => start.AddDays(_rng.Next(0, 700))).Order().ToList();
        for (var n = 0; n < days.Count; n++)
        {
            var (unit, committee, _, mediators) = weights[_rng.Next(weights.Count)];
            var received = days[n];
            var cat = committee.Kind == CommitteeKind.Industry ? (_rng.Next(2) == 0 ? "04" : "05") : Categories.Standard[_rng.Next(Categories.Standard.Count)].Code;
            var source = committee.Kind == CommitteeKind.Industry && _rng.Next(2) == 0 ? DisputeSource.CourtReferral : sources[_rng.Next(sources.Length)];
            var key = (unit.Id, received.Year);
            counters[key] = counters.GetValueOrDefault(key) + 1;
            var mediator = mediators[_rng.Next(mediators.Count)];
            var d = new Dispute
            {
                OrgUnitId = unit.Id, Number = DisputeService.FormatNumber(committee.ShortName, received.Year, "调", counters[key]), Year = received.Year,
                Category = cat, Source = source, Summary = Summary(cat), AmountFen = _rng.Next(0, 4) == 0 ? 0 : _rng.Next(5, 800) * 100_00L,
                ReceivedOn = received, Status = DisputeStatus.Registered,
                Court = source == DisputeSource.CourtReferral ? "威海市环翠区人民法院" : null,
                CourtCaseNumber = source == DisputeSource.CourtReferral ? $"（{received.Year}）鲁1002民诉前调{1000 + n}号" : null,
                CourtDeadline = source == DisputeSource.CourtReferral ? received.AddDays(30) : null,
                Parties = [Party(), Party()],
            };
            d.Events.Add(new DisputeEvent { Action = DisputeAction.Receive, On = received, AtUtc = now, Actor = "demo", Note = $"登记（{MediationNames.Of(source)}）" });
            var age = today.DayNumber - received.DayNumber;
            if (age > 2)
            {
                var accepted = received.AddDays(_rng.Next(0, 2));
                d.Accept(accepted, mediator.Id, mediator.Name, "demo", now);
                d.RecordSession(accepted.AddDays(1) > today ? today : accepted.AddDays(1), unit.Name + "调解室", "双方陈述纠纷经过，调解员释法说理，双方同意协商。", "demo", now);
                if (age > 12)
                {
                    var closed = accepted.AddDays(_rng.Next(2, 11));
                    var roll = _rng.Next(100);
                    if (roll < 90)
                    {
                        var written = _rng.Next(100) < 70;
                        d.Succeed(closed, written ? AgreementKind.Written : AgreementKind.Oral, "乙方于协议签订之日起十日内向甲方一次性支付补偿款，双方就此纠纷再无其他争议。", closed, "demo", now);
                        if (written && _rng.Next(100) < 12)
                        {
                            d.ApplyForConfirmation(closed.AddDays(5), "威海市环翠区人民法院", "demo", now);
                            if (closed.AddDays(20) <= today)
                                d.RecordRuling(closed.AddDays(20), _rng.Next(20) == 0 ? ConfirmationResult.Dismissed : ConfirmationResult.Valid, $"（{closed.Year}）鲁1002民特{200 + n}号", "demo", now);
                        }
                        if (_rng.Next(100) < 60 && closed.AddDays(15) <= today)
                            d.FollowUp(closed.AddDays(15), "已履行", "电话回访，双方均表示协议已履行。", "demo", now);
                    }
                    else if (roll < 96)
                        d.Fail(closed, "告知当事人可向人民法院提起诉讼", "demo", now);
                    else
                        d.Terminate(closed, "一方当事人撤回调解申请", "demo", now);
                }
            }
            db.Disputes().Add(d);
        }
        foreach (var ((unitId, year), last) in counters)
            db.MediationCounters().Add(new MediationCounter { OrgUnitId = unitId, Year = year, Series = "调", Last = last });

        var grids = new[] { "第一网格", "第二网格", "第三网格", "海港路片区", "商业街片区" };
        for (var n = 0; n < 260; n++)
        {
            var (unit, _, _, mediators) = committees[_rng.Next(committees.Count)];
            var found = _rng.Next(100) < 15 ? 0 : _rng.Next(1, 4);
            db.Screenings().Add(new Screening
            {
                OrgUnitId = unit.Id, On = start.AddDays(_rng.Next(0, 700)), Place = grids[_rng.Next(grids.Length)], By = mediators[_rng.Next(mediators.Count)].Name,
                Found = found, Prevented = found == 0 ? 0 : _rng.Next(0, 2), ZeroReport = found == 0,
            });
        }
        var points = new[] { (units["371002001001"], "海港社区百姓评理说事点"), (units["371002002001"], "环翠楼社区百姓评理说事点"), (committees[0].Unit, "鲸园街道百姓评理说事点") };
        foreach (var (unit, name) in points)
        {
            var p = new TalkPoint { OrgUnitId = unit.Id, Name = name, Host = Name(), EstablishedOn = today.AddDays(-900) };
            db.TalkPoints().Add(p);
            await db.SaveChangesAsync(ct);
            for (var i = 0; i < 40; i++)
                db.TalkPointReports().Add(new TalkPointReport
                {
                    TalkPointId = p.Id, OrgUnitId = unit.Id, On = start.AddDays(_rng.Next(0, 700)), Summary = "居民反映" + Summary(Categories.Standard[_rng.Next(Categories.Standard.Count)].Code),
                    Resolved = _rng.Next(100) < 92, LegalEducation = _rng.Next(100) < 20,
                });
        }
        db.SubsidyRates().Add(new SubsidyRate { OrgUnitId = bureau.Id, Category = null, AmountFen = 200_00, WrittenBonusFen = 100_00, ValidFrom = new DateOnly(today.Year - 3, 1, 1) });
        db.SubsidyRates().Add(new SubsidyRate { OrgUnitId = bureau.Id, Category = "01", AmountFen = 300_00, WrittenBonusFen = 100_00, ValidFrom = new DateOnly(today.Year - 3, 1, 1) });
        await db.SaveChangesAsync(ct);
    }

    private string Name() => Surnames[_rng.Next(Surnames.Length)] + Given[_rng.Next(Given.Length)];

    private DisputeParty Party() => new() { Name = Name(), Kind = PartyKind.Person, Phone = "1396310" + _rng.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static string Summary(string category) => category switch
    {
        "01" => "夫妻因家庭琐事及子女抚养问题发生矛盾",
        "02" => "楼上漏水导致楼下房屋受损，双方就维修费用发生争议",
        "03" => "相邻宅基地界址不清引发争执",
        "04" => "买卖合同货款结算发生争议",
        "05" => "合伙经营利润分配发生纠纷",
        "10" => "员工与企业就拖欠工资、经济补偿发生争议",
        "13" => "交通事故赔偿数额协商不成",
        "14" => "业主与物业公司就物业费及服务质量发生争议",
        _ => "双方因财产损害赔偿问题发生纠纷",
    };
}
