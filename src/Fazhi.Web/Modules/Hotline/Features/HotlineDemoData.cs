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
    TimeProvider clock) : IDemoDataSource
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
        // Three planted disputes: the same place and matter bounced between departments.
        Plant(items, "竹岛街道海港社区海滨北路夜市", "海滨北路夜市露天烧烤油烟扰民，晚上烟雾很大", "371002-ZHZF", "371002-STHJ", 9, now, rng, today);
        Plant(items, "鲸园街道古寨社区古寨东路工地", "古寨东路工地渣土车扬尘污染，道路遗撒", "371002-ZHZF", "371002-STHJ", 6, now, rng, today);
        Plant(items, "环翠楼街道新威社区文化中路", "文化中路商铺占道经营店外经营，堵塞人行道", "371002-ZHZF", "371002-SCJG", 5, now, rng, today);
        foreach (var chunk in items.Chunk(2000))
            await ingestion.IngestAsync([.. chunk.Select((x, i) => (i, x.Item2, x.Item3))], "api", false, ct);

        var tickets = await db.HotlineTickets().ForSystemJob().Where(t => t.OrgUnitId != 0).ToListAsync(ct);
        foreach (var t in tickets.Where(t => labels.ContainsKey(t.TicketNo)))
        {
            var (enf, field) = labels[t.TicketNo];
            (t.LabelEnforcement, t.LabelField, t.LabelDepartment, t.LabelledBy) =
                (enf, field, field is null ? null : "371002-" + TriageVocabulary.DepartmentOfField[field], "示例研判员");
        }
        await db.SaveChangesAsync(ct);
        var district = await db.OrgUnits.ForSystemJob().FirstAsync(o => o.Code == "371002", ct);
        await triage.TrainAsync(district.Id, ct);

        // The night-market dispute carried through to a ruling ninety days ago, with feedback; two tickets recur after it.
        var period = new Period(today.AddDays(-365), today);
        var clusters = await disputes.MineAsync("371002", period, ct);
        var market = clusters.FirstOrDefault(c => c.TicketNos.Any(n => n.Contains('D', StringComparison.Ordinal)) && c.Topic.Contains("烧烤", StringComparison.Ordinal));
        if (market is not null)
        {
            var id = await disputes.ProposeAsync(new ProposeRequest(market.Key, period.From, period.To, null), ct);
            var c = await db.Consultations().ForSystemJob().FirstAsync(x => x.Id == id, ct);
            c.ProposedOn = today.AddDays(-100);
            await db.SaveChangesAsync(ct);
            await disputes.ConsultAsync(id, new ConsultRequest(today.AddDays(-95), "371002-ZHZF、371002-STHJ、371002003",
                "综合行政执法局认为露天烧烤油烟属大气污染防治范畴；生态环境分局认为餐饮油烟由城市管理部门负责。经对照两部门权责清单及《山东省大气污染防治条例》，形成一致意见。"), ct);
            await disputes.RuleAsync(id, new RuleRequest("371002-ZHZF", today.AddDays(-90), true,
                "夜市露天烧烤及其油烟由区综合行政执法局牵头查处，生态环境分局提供监测技术支持，竹岛街道负责日常巡查。"), ct);
            await disputes.FeedbackAsync(id, new FeedbackRequest("已开展夜市专项整治，取缔露天烧烤摊点12处，设置集中烧烤区一处。", today.AddDays(-70)), ct);
        }
        var second = clusters.FirstOrDefault(c => c != market && c.TicketNos.Any(n => n.Contains('D', StringComparison.Ordinal)));
        if (second is not null)
            await disputes.ProposeAsync(new ProposeRequest(second.Key, period.From, period.To, null), ct);

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

    private static void Plant(List<(int, TicketInput?, List<string>)> items, string place, string text, string a, string b, int count, DateTime now, Random rng, DateOnly today)
    {
        for (var i = 0; i < count; i++)
        {
            // Most of them before the ruling's date (about 90 days ago), two after it (recurrence).
            var received = i < count - 2 ? now.AddDays(-rng.Next(110, 300)) : now.AddDays(-rng.Next(10, 60));
            items.Add((items.Count, new TicketInput
            {
                TicketNo = $"WH{today.Year}D{place.GetHashCode(StringComparison.Ordinal) & 0xFFFF:X4}{i:00}", ReceivedAt = Time(received), Place = place, Text = text + "，" + (i % 2 == 0 ? "已经反映多次" : "周边居民意见很大"),
                Field = "城管执法", Department = i % 3 == 0 ? null : b, Status = "办理中", Satisfaction = "不满意",
                Reassignments =
                [
                    new(Time(received.AddHours(1)), null, a, "转办", null),
                    new(Time(received.AddHours(20)), a, null, "退单", "不属于本单位职责范围"),
                    new(Time(received.AddHours(26)), null, b, "改派", null),
                    new(Time(received.AddHours(50)), b, null, "退单", "应由" + (a.EndsWith("ZHZF", StringComparison.Ordinal) ? "综合行政执法局" : "市场监管局") + "办理"),
                ],
            }, new List<string>()));
        }
    }

    private static string Time(DateTime utc) => ChinaTime.Format(utc);
}
