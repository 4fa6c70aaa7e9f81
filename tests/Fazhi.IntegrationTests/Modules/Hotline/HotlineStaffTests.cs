using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel;
using Microsoft.EntityFrameworkCore;
using static Fazhi.IntegrationTests.Modules.Enforcement.EnforcementApi;

namespace Fazhi.IntegrationTests.Modules.Hotline;

/// <summary>12345 热线, the staff's side: 并单 (and a re-send not undoing it), the enterprise a ticket names, the disputed
/// filter under the miner's rule, the paged cluster list, the heat table's one vocabulary, the stats page's empty rates.
/// Each test works in its own days (far back) or its own words, so the tests of one database do not count each other.</summary>
public abstract class HotlineStaffTests(FazhiFactory app)
{
    private static string No(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private readonly DateTime _base = ChinaTime.Now(TimeProvider.System);

    private string At(double hoursAgo) => _base.AddHours(-hoursAgo).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    private string Day(double hoursAgo) => _base.AddHours(-hoursAgo).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A machine account of the city (371000) with <paramref name="role"/>: the centre's, or a city-wide 研判 one.</summary>
    private async Task<HttpClient> CentreAsync(string role = "hotline-centre")
    {
        var secadmin = await app.ApiAsAsync("secadmin");
        var name = "centre-" + Guid.NewGuid().ToString("N")[..6];
        var created = await secadmin.PostAsJsonAsync("/api/v1/machine-accounts", new { username = name, displayName = "威海市12345热线中心", orgCode = "371000", roles = new[] { role } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString();
        var token = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { grantType = "client_credentials", clientId = name, clientSecret = secret });
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task<JsonElement> PushAsync(HttpClient client, object tickets)
    {
        var response = await client.PostAsJsonAsync("/api/v1/hotline/tickets", tickets);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("rejected").GetArrayLength().ShouldBe(0, body.ToString());
        return body;
    }

    private object Ticket(string no, string place, string text, string? department = "371002-ZHZF", double hoursAgo = 48, string field = "城管执法",
        string? mergedInto = null, string? mergeReason = null, object[]? steps = null) => new
    {
        ticketNo = no, receivedAt = At(hoursAgo), callerName = "王小明", callerPhone = "13800001234", place, text, field, department,
        reassignments = steps ?? [], status = "办理中", mergedInto, mergeReason,
    };

    /// <summary>Every string of a problem (title, detail, errors), to look for the words of a refusal.</summary>
    private static string Texts(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.Object => string.Join(" ", e.EnumerateObject().Select(p => Texts(p.Value))),
        JsonValueKind.Array => string.Join(" ", e.EnumerateArray().Select(Texts)),
        _ => "",
    };

    private static async Task<JsonElement> StatsAsync(HttpClient rx, string from, string to) =>
        await rx.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/stats?org=371002&from={from}&to={to}");

    [Fact]
    public async Task Staff_merge_a_duplicate_with_a_reason_it_is_counted_once_refusals_are_named_and_a_resend_does_not_undo_it()
    {
        var centre = await CentreAsync();
        const double H = 24 * 600; // their own day, 600 days back
        var (main, dup, other, loose, centreMerged, rongcheng) = (No("M"), No("D"), No("O"), No("L"), No("C"), No("R"));
        await PushAsync(centre, new[]
        {
            Ticket(main, "鲸园街道海港社区新威路8号", "新威路8号商铺店外经营占用人行道，行人无法通过", hoursAgo: H),
            Ticket(dup, "鲸园街道海港社区新威路8号", "新威路商铺店外经营占用人行道，行人只能走机动车道", hoursAgo: H - 3),
            Ticket(other, "鲸园街道海港社区新威路", "小区路灯不亮", null, hoursAgo: H - 4, field: "民生服务"),
            Ticket(loose, "鲸园街道海港社区", "商铺店外经营占用人行道", hoursAgo: H - 5),
            Ticket(centreMerged, "鲸园街道海港社区新威路8号", "商铺店外经营占用人行道", hoursAgo: H - 6, mergedInto: main, mergeReason: "中心并单：重复来电"),
            Ticket(rongcheng, "崖头街道", "荣成的店外经营", "371082-ZHZF", hoursAgo: H - 7),
        });
        var rx = await app.ApiAsAsync("huancui-rx");
        var before = (await StatsAsync(rx, Day(H), Day(H - 7))).GetProperty("current");
        (before.GetProperty("tickets").GetInt32(), before.GetProperty("merged").GetInt32()).ShouldBe((4, 1)); // the centre's merge already counted once

        // Likely duplicates: same 街道, close in time, similar text; the lamp is not one.
        var suggested = (await rx.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/tickets/{dup}/duplicates")).EnumerateArray().Select(s => s.GetProperty("ticketNo").GetString()).ToList();
        suggested.ShouldContain(main);
        suggested.ShouldNotContain(other);
        suggested.ShouldNotContain(centreMerged); // merged already: not a main ticket

        // Refusals, each naming its field in Chinese.
        async Task Refused(string ticket, object body, HttpStatusCode status, string? field, string words)
        {
            var r = await rx.PostAsJsonAsync($"/api/v1/hotline/tickets/{ticket}/merge", body);
            var problem = await r.ShouldBeProblemAsync(status, field);
            Texts(problem).ShouldContain(words);
        }
        await Refused(dup, new { into = main }, HttpStatusCode.BadRequest, "reason", "并单理由");
        await Refused(dup, new { reason = "重复" }, HttpStatusCode.BadRequest, "into", "主工单");
        await Refused(dup, new { into = dup, reason = "重复" }, HttpStatusCode.BadRequest, "into", "不能并入自身");
        await Refused(dup, new { into = rongcheng, reason = "重复" }, HttpStatusCode.BadRequest, "into", "不在您的数据权限范围内");
        await Refused(dup, new { into = centreMerged, reason = "重复" }, HttpStatusCode.BadRequest, "into", $"本身已并入“{main}”");
        await Refused(main, new { into = loose, reason = "重复" }, HttpStatusCode.BadRequest, "ticketNo", "并单链");
        (await rx.PostAsJsonAsync($"/api/v1/hotline/tickets/{rongcheng}/merge", new { into = main, reason = "重复" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Another district's ticket, seen by a city-wide account that may merge: refused as another 区县's.
        var city = await CentreAsync("hotline");
        var cross = await (await city.PostAsJsonAsync($"/api/v1/hotline/tickets/{dup}/merge", new { into = rongcheng, reason = "重复" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "into");
        Texts(cross).ShouldContain("属于其他区县");

        var merged = await (await rx.PostAsJsonAsync($"/api/v1/hotline/tickets/{dup}/merge", new { into = main, reason = "同一商铺同一事项重复来电" })).Content.ReadFromJsonAsync<JsonElement>();
        (merged.GetProperty("mergedInto").GetString(), merged.GetProperty("mergedBy").GetString()).ShouldBe((main, "huancui-rx"));
        await Refused(dup, new { into = loose, reason = "重复" }, HttpStatusCode.Conflict, null, "请先撤销并单");
        await Refused(loose, new { into = dup, reason = "重复" }, HttpStatusCode.BadRequest, "into", $"本身已并入“{main}”");

        // Counted once: one ticket fewer, one more merged.
        var after = (await StatsAsync(rx, Day(H), Day(H - 7))).GetProperty("current");
        (after.GetProperty("tickets").GetInt32(), after.GetProperty("merged").GetInt32()).ShouldBe((3, 2));
        var detail = await rx.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/tickets/{main}");
        detail.GetProperty("duplicates").EnumerateArray().Select(x => x.GetString()).ShouldBe([dup, centreMerged], ignoreOrder: true);
        await app.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.Where(a => a.EntityType == "HotlineTicket" && a.Action == "Update" && a.UserName == "huancui-rx" && a.AfterJson!.Contains(main))
                .OrderByDescending(a => a.Seq).FirstAsync();
            entry.AfterJson!.ShouldContain("同一商铺同一事项重复来电");
        });

        // The centre re-sends the duplicate, changed and without a merge: the text is updated, the staff merge stays, and the
        // history says the centre's value was not taken.
        var again = await PushAsync(centre, new[] { Ticket(dup, "鲸园街道海港社区新威路8号", "新威路商铺店外经营占用人行道，已持续一周", hoursAgo: H - 3) });
        again.GetProperty("updated").GetInt32().ShouldBe(1);
        var resent = await rx.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/tickets/{dup}");
        (resent.GetProperty("ticket").GetProperty("mergedInto").GetString(), resent.GetProperty("mergeReason").GetString()).ShouldBe((main, "同一商铺同一事项重复来电"));
        resent.GetProperty("ticket").GetProperty("text").GetString().ShouldBe("新威路商铺店外经营占用人行道，已持续一周");
        var kept = resent.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("field").GetString() == "人工并单（热线中心推送值未采用）");
        (kept.GetProperty("before").GetString(), kept.GetProperty("after").GetString()).ShouldBe(("（未并单）", main));
        (await StatsAsync(rx, Day(H), Day(H - 7))).GetProperty("current").GetProperty("tickets").GetInt32().ShouldBe(3);

        // 撤销并单: a reason is needed; the centre's own merge is the centre's to undo.
        await (await rx.PostAsJsonAsync($"/api/v1/hotline/tickets/{dup}/unmerge", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reason");
        await (await rx.PostAsJsonAsync($"/api/v1/hotline/tickets/{centreMerged}/unmerge", new { reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await rx.PostAsJsonAsync($"/api/v1/hotline/tickets/{other}/unmerge", new { reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var undone = await (await rx.PostAsJsonAsync($"/api/v1/hotline/tickets/{dup}/unmerge", new { reason = "经核实为同一路段不同商铺" })).Content.ReadFromJsonAsync<JsonElement>();
        undone.GetProperty("mergedInto").ValueKind.ShouldBe(JsonValueKind.Null);
        (await StatsAsync(rx, Day(H), Day(H - 7))).GetProperty("current").GetProperty("tickets").GetInt32().ShouldBe(4);
        var history = (await rx.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/tickets/{dup}")).GetProperty("history").EnumerateArray().ToList();
        history.ShouldContain(h => h.GetProperty("field").GetString() == "撤销并单理由" && h.GetProperty("after").GetString() == "经核实为同一路段不同商铺");

        // Permission: the centre's account may push, not merge.
        (await centre.PostAsJsonAsync($"/api/v1/hotline/tickets/{dup}/merge", new { into = main, reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_ticket_naming_an_enterprise_shows_its_inspections_and_penalties_by_department()
    {
        await SeedAsync(app);
        var n = Random.Shared.Next(100_000, 9_000_000);
        var scjg = await app.ApiAsAsync("huancui-scjg");
        var today = DateOnly.FromDateTime(_base);
        string D(int daysAgo) => today.AddDays(-daysAgo).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await PostBatchAsync(scjg,
        [
            Record(Unique("H-INS"), enterprise: n, opened: D(60)),
            Record(Unique("H-INS"), enterprise: n, opened: D(30)),
            Record(Unique("H-PEN"), kind: "处罚", item: "T-PEN", enterprise: n, opened: D(40), decided: D(35), amount: 5000m, circumstance: "一般",
                legalReview: true, published: D(33)),
            Record(Unique("H-OTHER"), enterprise: n + 1, opened: D(20)),
        ]);
        var centre = await CentreAsync();
        var (byName, byShort, none) = (No("E"), No("E"), No("E"));
        await PushAsync(centre, new[]
        {
            Ticket(byName, "鲸园街道新威路", $"威海测试企业{n}有限公司一个月内被市场监管局检查了两次，影响经营", "371002-SCJG", 2),
            Ticket(byShort, "鲸园街道新威路", $"测试企业{n}门口占道经营，反映多次无人管", "371002-ZHZF", 2),
            Ticket(none, "鲸园街道新威路", "小区门口占道经营", "371002-ZHZF", 2),
        });
        var rx = await app.ApiAsAsync("huancui-rx");
        foreach (var (ticket, matched) in new[] { (byName, $"威海测试企业{n}有限公司"), (byShort, $"测试企业{n}") })
        {
            var e = (await rx.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/tickets/{ticket}/enterprises")).EnumerateArray().ShouldHaveSingleItem();
            (e.GetProperty("creditCode").GetString(), e.GetProperty("name").GetString(), e.GetProperty("matchedAs").GetString())
                .ShouldBe((Credit(n), $"威海测试企业{n}有限公司", matched));
            (e.GetProperty("inspections").GetInt32(), e.GetProperty("penalties").GetInt32()).ShouldBe((2, 1));
            (e.GetProperty("lastInspectedOn").GetString(), e.GetProperty("lastPenalisedOn").GetString()).ShouldBe((D(30), D(35)));
            var departments = e.GetProperty("departments").EnumerateArray().ToList();
            var dept = departments[0];
            (dept.GetProperty("departmentCode").GetString(), dept.GetProperty("inspections").GetInt32()).ShouldBe(("371002-SCJG", 2));
            dept.GetProperty("inspectedOn").EnumerateArray().Select(x => x.GetString()).ShouldBe([D(60), D(30)]);
            // The department the ticket is assigned to, silent on the enterprise, is listed with nothing (byShort: 综合执法).
            string[] silent = ticket == byShort ? ["371002-ZHZF:0:0"] : [];
            departments.Skip(1).Select(d => $"{d.GetProperty("departmentCode").GetString()}:{d.GetProperty("inspections").GetInt32()}:{d.GetProperty("penalties").GetInt32()}")
                .ShouldBe(silent);
        }
        (await rx.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/tickets/{none}/enterprises")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task The_disputed_filter_counts_an_unassigned_ticket_only_when_it_concerns_enforcement_as_the_miner_does()
    {
        var centre = await CentreAsync();
        var tag = "测" + Guid.NewGuid().ToString("N")[..5];
        var (enforcement, lamp, bounced, twice, quiet, labelledNo) = (No("F"), No("F"), No("F"), No("F"), No("F"), No("F"));
        await PushAsync(centre, new[]
        {
            Ticket(enforcement, "竹岛街道海滨北路", $"{tag} 商铺占道经营堵塞人行道", null, 5),
            Ticket(lamp, "竹岛街道海滨北路", $"{tag} 小区路灯不亮好几天了", null, 5, "民生服务"),
            Ticket(bounced, "竹岛街道海滨北路", $"{tag} 路灯不亮", "371002-ZHZF", 5, steps: [new { at = At(4), from = "371002-SCJG", kind = "退单", reason = "不属于本单位职责" }]),
            Ticket(twice, "竹岛街道海滨北路", $"{tag} 噪音", "371002-ZHZF", 5, steps:
            [
                new { at = At(4.5), to = "371002-SCJG", kind = "转办" }, new { at = At(4.2), from = "371002-SCJG", to = "371002-STHJ", kind = "转办" },
                new { at = At(4), from = "371002-STHJ", to = "371002-ZHZF", kind = "转办" },
            ]),
            Ticket(quiet, "竹岛街道海滨北路", $"{tag} 商铺占道经营", "371002-ZHZF", 5),
            Ticket(labelledNo, "竹岛街道海滨北路", $"{tag} 占道经营的快递车挡住了小区大门", null, 5),
        });
        var rx = await app.ApiAsAsync("huancui-rx");
        (await rx.PostAsJsonAsync($"/api/v1/hotline/tickets/{labelledNo}/label", new { enforcement = false })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var list = await rx.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/tickets?q={Uri.EscapeDataString(tag)}&disputed=true&size=50");
        list.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("ticketNo").GetString()).ShouldBe([enforcement, bounced, twice], ignoreOrder: true);
        list.GetProperty("total").GetInt32().ShouldBe(3);
        (await rx.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/tickets?q={Uri.EscapeDataString(tag)}&size=50")).GetProperty("total").GetInt32().ShouldBe(6);
    }

    [Fact]
    public async Task The_cluster_list_is_paged_over_the_whole_ranking_and_the_heat_table_speaks_one_field_vocabulary()
    {
        var centre = await CentreAsync();
        const double H = 24 * 500; // their own days
        var batch = new List<object>();
        foreach (var (community, text, hours) in new[] { ("页一" + No("")[..3] + "社区", "夜市露天烧烤油烟扰民", H), ("页二" + No("")[..3] + "社区", "工地渣土车扬尘污染", H - 2) })
            for (var i = 0; i < 3; i++)
                batch.Add(Ticket(No("P"), $"竹岛街道{community}", text, "371002-ZHZF", hours - i * 0.1, "市容管理",
                    steps: [new { at = At(hours - i * 0.1 - 0.05), from = "371002-STHJ", kind = "退单", reason = "不属于本单位职责" }]));
        var labelled = No("V");
        batch.Add(Ticket(labelled, "竹岛街道海滨北路", "饭店后厨卫生差", "371002-SCJG", H - 3, "市场秩序"));
        batch.Add(Ticket(No("V"), "竹岛街道海滨北路", "违章建筑", "371002-ZHZF", H - 3, "城管执法"));
        batch.Add(Ticket(No("V"), "竹岛街道海滨北路", "路灯不亮", null, H - 3, "路灯照明"));
        await PushAsync(centre, batch);
        var rx = await app.ApiAsAsync("huancui-rx");
        (await rx.PostAsJsonAsync($"/api/v1/hotline/tickets/{labelled}/label", new { enforcement = true, field = "食品安全" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var range = $"org=371002&from={Day(H)}&to={Day(H - 3)}";
        var first = await rx.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/disputes?{range}&size=1");
        (first.GetProperty("total").GetInt32(), first.GetProperty("page").GetInt32(), first.GetProperty("size").GetInt32()).ShouldBe((2, 1, 1));
        var second = await rx.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/disputes?{range}&size=1&page=2");
        var (a, b) = (first.GetProperty("items").EnumerateArray().Single(), second.GetProperty("items").EnumerateArray().Single());
        (a.GetProperty("rank").GetInt32(), b.GetProperty("rank").GetInt32()).ShouldBe((1, 2));
        a.GetProperty("key").GetString().ShouldNotBe(b.GetProperty("key").GetString());
        (await rx.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/disputes?{range}&size=1&page=9")).GetProperty("page").GetInt32().ShouldBe(2); // past the end: the last page

        // Heat: the staff label (食品安全, not the centre's 市场秩序), else the centre's field mapped (市容管理 → 市容环卫,
        // 城管执法 → 城乡规划建设, 路灯照明 → 未归类); no centre word is a column.
        var heat = (await StatsAsync(rx, Day(H), Day(H - 3))).GetProperty("heat");
        var fields = heat.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).ToList();
        fields.ShouldNotContain("市容管理");
        fields.ShouldNotContain("市场秩序");
        fields.ShouldNotContain("城管执法");
        var row = heat.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("town").GetString() == "竹岛街道");
        var values = row.GetProperty("values").EnumerateArray().Select(v => v.GetInt32()).ToList();
        int Cell(string f) => values[fields.IndexOf(f)];
        (Cell("市容环卫"), Cell("食品安全"), Cell("城乡规划建设"), Cell("未归类"), Cell("市场监管")).ShouldBe((6, 1, 1, 1, 0));
        (heat.GetProperty("labelled").GetInt32(), heat.GetProperty("classified").GetInt32(), heat.GetProperty("centreMapped").GetInt32()).ShouldBe((1, 0, 8));
        heat.GetProperty("vocabulary").GetString().ShouldStartWith("执法事项清单领域（研判标注1件");

        // The stats page: no tickets a year before, so its rates print "—", never a bare "%".
        var browser = await app.BrowserAsAsync("huancui-rx");
        var html = await browser.GetStringAsync($"/hotline/stats?from={Day(H)}&to={Day(H - 3)}");
        html.ShouldContain("执法事项清单领域");
        html.ShouldNotContain("<td>%</td>");
        html.ShouldNotContain("<td>%（");
        System.Text.RegularExpressions.Regex.Count(html, "<td>—").ShouldBeGreaterThanOrEqualTo(3);
        // The 会商 page's 当前位置 leads back to the disputes list.
        var consultation = await rx.PostAsJsonAsync("/api/v1/hotline/consultations", new { key = a.GetProperty("key").GetString(), from = Day(H), to = Day(H - 3) });
        consultation.StatusCode.ShouldBe(HttpStatusCode.Created, await consultation.Content.ReadAsStringAsync());
        var id = (await consultation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var page = await browser.GetStringAsync($"/hotline/consultation/{id}");
        var crumbs = System.Text.RegularExpressions.Regex.Match(page, "<nav class=\"crumbs\"[^>]*>(.*?)</nav>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        crumbs.ShouldContain("href=\"/hotline/disputes\"");
        crumbs.ShouldNotContain("热线工单");
    }
}

public sealed class HotlineStaffTestsOnSqlite(SqliteFactory app) : HotlineStaffTests(app), IClassFixture<SqliteFactory>;

public sealed class HotlineStaffTestsOnPostgres(PostgresFactory app) : HotlineStaffTests(app), IClassFixture<PostgresFactory>;
