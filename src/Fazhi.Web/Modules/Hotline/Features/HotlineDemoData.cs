using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Modules.Hotline.Data;
using Fazhi.Web.Modules.Hotline.Features.Disputes;
using Fazhi.Web.Modules.Hotline.Features.Tickets;
using Fazhi.Web.Modules.Hotline.Features.Triage;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Hotline.Features;

/// <summary>
/// 示例数据 of 12345 热线 for 环翠区: about a year of tickets (generated text of the five fields and of non-enforcement
/// matters) pushed through the same ingestion as the API, most of them labelled by staff (training data), three planted
/// jurisdiction disputes (tickets bounced between departments at one place), one carried through 会商 → 裁定意见 → 反馈
/// with recurrences after it, and the bureau's own tickets at each step. Fixed seed; dates relative to today. Off with
/// <c>Fazhi:DemoEnforcementData=false</c> (the supervision demo's switch: the tests keep both off).
/// </summary>
internal sealed class HotlineDemoData(FazhiDb db, TicketIngestion ingestion, TriageService triage, DisputeService disputes, IConfiguration config,
    TimeProvider clock, Enforcement.Contracts.IEnterpriseRecords enterprises) : IDemoDataSource
{
    private static readonly string[] Towns = ["鲸园街道", "环翠楼街道", "竹岛街道"];
    private static readonly string[] Communities = ["海港社区", "古寨社区", "河北社区", "新威社区", "塔山社区"];
    private static readonly string[] Roads = ["新威路", "统一路", "海滨北路", "古寨东路", "文化中路", "青岛北路"];

    public async Task<bool> IsSeededAsync(CancellationToken ct) => await db.HotlineTickets().ForSystemJob().AnyAsync(ct);

#pragma warning disable CA5394 // demo data: a fixed, reproducible sequence is the point
    public async Task SeedAsync(CancellationToken ct)
    {
        if (!config.GetValue("Fazhi:DemoEnforcementData", true) || !await db.OrgUnits.ForSystemJob().AnyAsync(o => o.Code == "371002-SFJ", ct))
            return;
        var rng = new Random(20_261_207);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Dates.Today(clock);
        var items = new List<(int, TicketInput?, List<string>)>();
        var labels = new Dictionary<string, (bool, string?)>();
        var n = 0;
        foreach (var (text, enforcement, field) in TriageVocabulary.Generate(7, 900))
        {
            var no = $"WH{today.Year}{++n:000000}";
            var received = now.AddDays(-rng.Next(1, 360)).AddMinutes(-rng.Next(0, 600));
            var town = Towns[rng.Next(Towns.Length)];
            string? dept = field is null ? null : "371002-" + TriageVocabulary.DepartmentOfField[field];
            if (field is null && rng.NextDouble() < 0.15)
                dept = rng.NextDouble() < 0.5 ? "371002-SFJ" : "371002001-SFS";
            var steps = new List<ReassignmentInput>();
            if (dept is not null && rng.NextDouble() < 0.12)
            {
                var other = dept.EndsWith("ZHZF", StringComparison.Ordinal) ? "371002-SCJG" : "371002-ZHZF";
                steps.Add(new(Time(received.AddHours(2)), null, other, "转办", null));
                steps.Add(new(Time(received.AddHours(30)), other, null, "退单", "不属于本单位职责"));
                steps.Add(new(Time(received.AddHours(40)), null, dept, "改派", null));
            }
            items.Add((items.Count, new TicketInput
            {
                TicketNo = no, ReceivedAt = Time(received), CallerName = "张" + "伟芳娜敏静丽强磊军洋"[rng.Next(10)], CallerPhone = $"13{rng.Next(100000000, 999999999)}",
                Place = $"{town}{Communities[rng.Next(Communities.Length)]}{Roads[rng.Next(Roads.Length)]}{rng.Next(1, 200)}号", Text = text,
                Field = field switch { "市容环卫" => "市容管理", "城乡规划建设" => "城管执法", "市场监管" or "食品安全" => "市场秩序", "生态环境" => "生态环境", _ => "民生服务" },
                Department = dept, Reassignments = steps, Status = rng.NextDouble() < 0.85 ? "已办结" : "办理中",
                Satisfaction = rng.NextDouble() switch { < 0.6 => "满意", < 0.8 => "基本满意", < 0.88 => "不满意", _ => null },
            }, new List<string>()));
            if (rng.NextDouble() < 0.7)
                labels[no] = (enforcement, field);
        }
        // Planted disputes: the same place and matter, in the callers' own words, bounced between two departments (退单) or
        // left unassigned. Dates are days ago; the night market's last two come after its ruling (recurrence).
        Plant(items, "NM", "竹岛街道海港社区海滨北路", "371002-ZHZF", "371002-STHJ", [300, 280, 250, 230, 200, 180, 160, 130, 40, 12], rng, now, today,
            "海滨北路夜市露天烧烤油烟扰民，晚上烟雾很大，窗户都不敢开", "夜市的露天烧烤摊油烟扰民，反映给城管说归环保，环保说归城管", "夜市露天烧烤一直到凌晨，油烟扰民，老人咳嗽");
        Plant(items, "ZT", "鲸园街道古寨社区古寨东路", "371002-ZHZF", "371002-STHJ", [220, 190, 170, 120, 95, 70, 55], rng, now, today,
            "古寨东路工地渣土车不苫盖，扬尘污染严重，道路遗撒", "工地进出的渣土车带泥上路，扬尘污染，洒水车也不来", "渣土车夜里从工地出来，扬尘污染，路面全是泥");
        Plant(items, "ZD", "环翠楼街道新威社区文化中路", "371002-ZHZF", "371002-SCJG", [150, 120, 60, 33, 20, 9], rng, now, today,
            "文化中路商铺占道经营，货架摆到人行道上", "商铺占道经营，人行道堆满货物，轮椅过不去", "文化中路几家商铺占道经营，城管和市场监管互相推");
        Plant(items, "WJ", "竹岛街道塔山社区青岛北路", "371002-ZHZF", "371002-SCJG", [140, 110, 90, 80, 75], rng, now, today,
            "塔山社区楼顶违章建筑，邻居加盖阳光房", "楼顶私自加盖的违章建筑漏水到我家", "违章建筑占用楼顶公共部位，物业不管");
        Plant(items, "HQ", "鲸园街道河北社区统一路", "371002-SCJG", "371002-ZHZF", [45, 38, 30, 18, 7], rng, now, today,
            "菜市场外宰杀活禽，血水流到路上", "菜市场外宰杀活禽，气味难闻，不知道归谁管", "菜市场外宰杀活禽，污水横流");
        // 并单: one caller rang three times about one shop's 店外经营 within two days; staff merged the second (below), the
        // third is left for the journey to merge from the suggested duplicates.
        for (var i = 1; i <= 3; i++)
            items.Add((items.Count, new TicketInput
            {
                TicketNo = $"WH{today.Year}CF{i:00}", ReceivedAt = Time(now.AddDays(-6).AddHours(i * 9)), CallerName = "赵建华", CallerPhone = "13706311234",
                Place = "鲸园街道海港社区新威路18号", Text = i == 1 ? "新威路18号水果店店外经营，货筐摆满人行道，行人只能走机动车道" : "新威路18号水果店又在店外经营，人行道被货筐占满，之前反映过",
                Field = "市容管理", Department = "371002-ZHZF", Status = "办理中", Reassignments = [],
            }, new List<string>()));
        // 涉企工单: a shop of the supervision demo (its records read through the enforcement contract) named by its short
        // name; planted only when that demo has records of it.
        const string Shop = "正阳水果店";
        if ((await enterprises.NamedInAsync(Shop, "371002", today.AddYears(-2), today, ct)).Count > 0)
            items.Add((items.Count, new TicketInput
            {
                TicketNo = $"WH{today.Year}QY01", ReceivedAt = Time(now.AddDays(-3)), CallerName = "孙丽", CallerPhone = "13906315678",
                Place = "环翠楼街道新威社区统一路", Text = $"{Shop}长期店外经营占用人行道，执法部门来查过，问题一直没有解决", Field = "市容管理",
                Department = "371002-ZHZF", Status = "办理中", Reassignments = [],
            }, new List<string>()));
        foreach (var chunk in items.Chunk(2000))
            await ingestion.IngestAsync([.. chunk.Select((x, i) => (i, x.Item2, x.Item3))], "api", false, ct);

        var tickets = await db.HotlineTickets().ForSystemJob().Where(t => t.OrgUnitId != 0).ToListAsync(ct);
        foreach (var t in tickets.Where(t => labels.ContainsKey(t.TicketNo)))
        {
            var (enf, field) = labels[t.TicketNo];
            (t.LabelEnforcement, t.LabelField, t.LabelDepartment, t.LabelledBy) =
                (enf, field, field is null ? null : "371002-" + TriageVocabulary.DepartmentOfField[field], "示例研判员");
        }
        if (tickets.FirstOrDefault(t => t.TicketNo == $"WH{today.Year}CF02") is { } duplicate)
            (duplicate.MergedInto, duplicate.MergeReason, duplicate.MergedBy, duplicate.MergedAtUtc) =
                ($"WH{today.Year}CF01", "同一来电人就同一店铺店外经营重复来电", "示例研判员", duplicate.ReceivedAtUtc.AddHours(2));
        await db.SaveChangesAsync(ct);
        var district = await db.OrgUnits.ForSystemJob().FirstAsync(o => o.Code == "371002", ct);
        await triage.TrainAsync(district.Id, ct);

        // 会商研判 from the ranked list: the night market ruled (裁定意见) with feedback and tracked since; the 渣土车 dispute
        // ruled last month, feedback awaited; the 违章建筑 one settled at the meeting; the 占道经营 one proposed; the rest open.
        var year = new Period(today.AddDays(-365), today);
        await CarryAsync("NM", "烧烤", year with { To = today.AddDays(-100) }, -100, (-95, "371002-ZHZF、371002-STHJ、371002003",
            "综合行政执法局认为露天烧烤油烟属大气污染防治范畴；生态环境分局认为露天烧烤由城市管理部门负责。经对照两部门权责清单及《中华人民共和国大气污染防治法》第一百一十八条，形成一致意见。"),
            (-90, "371002-ZHZF", "夜市露天烧烤及其油烟由区综合行政执法局牵头查处，生态环境分局提供监测技术支持，竹岛街道负责日常巡查。"),
            (-70, "已开展夜市专项整治，取缔露天烧烤摊点12处，设置集中烧烤区一处。"), ct);
        await CarryAsync("ZT", "渣土车", year with { To = today.AddDays(-40) }, -40, (-30, "371002-ZHZF、371002-STHJ、371002001",
            "生态环境分局认为渣土车遗撒属道路运输管理；综合行政执法局认为工地扬尘属施工扬尘监管。经研判，源头在工地出入口管理。"),
            (-25, "371002-ZHZF", "工地出入口冲洗、渣土车苫盖及道路遗撒由区综合行政执法局查处；工地内扬尘防治由生态环境分局依法监管。"), null, ct);
        await CarryAsync("WJ", "违章建筑", year with { To = today.AddDays(-60) }, -60, (-50, "371002-ZHZF、371002-SCJG、371002003",
            "两部门一致认为楼顶加盖属违法建设，由综合行政执法局依法查处，会上明确，不再出具书面裁定意见。"),
            (-50, "371002-ZHZF", null), (-35, "已对三处楼顶违章建筑下达限期拆除决定书，一处已自行拆除。"), ct);
        await CarryAsync("ZD", "占道经营", year with { To = today.AddDays(-8) }, -8, null, null, null, ct);

        // The bureau's own tickets at each step.
        var own = await db.OwnTickets().ForSystemJob().OrderBy(o => o.ReceivedOn).ToListAsync(ct);
        foreach (var o in own.Where(o => o.ReceivedOn < today.AddDays(-20)))
        {
            o.Sign(o.ReceivedOn.AddDays(1));
            o.Handle(o.ReceivedOn.AddDays(rng.Next(2, 9)));
            o.ReplyWith("已电话联系当事人并作出答复。", o.HandledOn!.Value.AddDays(1));
            o.Revisit(rng.NextDouble() < 0.85 ? "满意" : "基本满意", o.RepliedOn!.Value.AddDays(2));
        }
        foreach (var o in own.Where(o => o.ReceivedOn >= today.AddDays(-20)).Take(3))
            o.Sign(o.ReceivedOn.AddDays(1) > today ? today : o.ReceivedOn.AddDays(1));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Takes the planted cluster <paramref name="tag"/> as mined over <paramref name="period"/> to 会商: proposed on
    /// day <paramref name="proposed"/> (relative to today), then as far as the steps given go.</summary>
    private async Task CarryAsync(string tag, string topicWord, Period period, int proposed, (int Day, string Present, string Minutes)? consult,
        (int Day, string Responsible, string? Ruling)? rule, (int Day, string Text)? feedback, CancellationToken ct)
    {
        var today = Dates.Today(clock);
        var prefix = $"WH{today.Year}{tag}";
        var cluster = (await disputes.MineAsync("371002", period, ct))
            .FirstOrDefault(c => c.TicketNos.Any(n => n.StartsWith(prefix, StringComparison.Ordinal)) && c.Topic.Contains(topicWord, StringComparison.Ordinal));
        if (cluster is null || cluster.ConsultationId is not null)
            return;
        var id = await disputes.ProposeAsync(new ProposeRequest(cluster.Key, period.From, period.To, null), ct);
        var c = await db.Consultations().ForSystemJob().FirstAsync(x => x.Id == id, ct);
        c.ProposedOn = today.AddDays(proposed);
        await db.SaveChangesAsync(ct);
        if (consult is { } m)
            await disputes.ConsultAsync(id, new ConsultRequest(today.AddDays(m.Day), m.Present, m.Minutes), ct);
        if (rule is { } r)
            await disputes.RuleAsync(id, new RuleRequest(r.Responsible, today.AddDays(r.Day), r.Ruling is not null, r.Ruling), ct);
        if (feedback is { } f)
            await disputes.FeedbackAsync(id, new FeedbackRequest(f.Text, today.AddDays(f.Day)), ct);
    }

    /// <summary>Plants one dispute: a ticket on each of <paramref name="daysAgo"/>, its text one of <paramref name="texts"/>,
    /// first sent to <paramref name="a"/>, returned (退单), sent to <paramref name="b"/>, returned again; every third one
    /// left unassigned at the end (the centre gave up). Numbered WH{year}{tag}nn.</summary>
    private static void Plant(List<(int, TicketInput?, List<string>)> items, string tag, string place, string a, string b, int[] daysAgo, Random rng,
        DateTime now, DateOnly today, params string[] texts)
    {
        string Name(string code) => code switch { "371002-ZHZF" => "综合行政执法局", "371002-SCJG" => "市场监管局", _ => "生态环境分局" };
        for (var i = 0; i < daysAgo.Length; i++)
        {
            var received = now.AddDays(-daysAgo[i]).AddMinutes(-rng.Next(0, 600));
            items.Add((items.Count, new TicketInput
            {
                TicketNo = $"WH{today.Year}{tag}{i + 1:00}", ReceivedAt = Time(received), CallerName = "李" + "明华红梅建国"[rng.Next(6)], CallerPhone = $"15{rng.Next(100000000, 999999999)}",
                Place = place + $"{rng.Next(1, 80)}号附近", Text = texts[i % texts.Length], Field = i % 2 == 0 ? "城管执法" : "生态环境",
                Department = i % 3 == 2 ? null : a, Status = "办理中", Satisfaction = i % 2 == 0 ? "不满意" : null,
                Reassignments =
                [
                    new(Time(received.AddHours(1)), null, a, "转办", null),
                    new(Time(received.AddHours(20)), a, null, "退单", $"不属于本单位职责，建议转{Name(b)}"),
                    new(Time(received.AddHours(26)), null, b, "改派", null),
                    new(Time(received.AddHours(50)), b, null, "退单", $"应由{Name(a)}办理"),
                    .. i % 3 == 2 ? Array.Empty<ReassignmentInput>() : [new(Time(received.AddHours(60)), null, a, "改派", null)],
                ],
            }, new List<string>()));
        }
    }

    private static string Time(DateTime utc) => ChinaTime.Format(utc);
}
