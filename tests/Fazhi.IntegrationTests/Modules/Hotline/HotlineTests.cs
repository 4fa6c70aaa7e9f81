using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Documents;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Hotline.Contracts;
using Fazhi.Web.Modules.Hotline.Data;
using Fazhi.Web.Modules.Hotline.Domain;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.IntegrationTests.Modules.Hotline;

/// <summary>12345 热线 through the HTTP pipeline: the centre's push, disputes to 会商 and 裁定意见, supervision, scope.</summary>
public abstract class HotlineTests(FazhiFactory app)
{
    private static readonly JsonSerializerOptions Json = FazhiFactory.Json;

    private static string No(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private static DateTime NowChina => ChinaTime.Now(TimeProvider.System);

    /// <summary>One instant per test, so a re-sent ticket's times are the same as the first time.</summary>
    private readonly DateTime _base = NowChina;

    private string At(double hoursAgo) => _base.AddHours(-hoursAgo).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The centre's machine account (city-wide, role hotline-centre), signed in with its secret.</summary>
    private async Task<HttpClient> CentreAsync()
    {
        var secadmin = await app.ApiAsAsync("secadmin");
        var name = "centre-" + Guid.NewGuid().ToString("N")[..6];
        var created = await secadmin.PostAsJsonAsync("/api/v1/machine-accounts", new { username = name, displayName = "威海市12345热线中心", orgCode = "371000", roles = new[] { "hotline-centre" } });
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
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private object Ticket(string no, string place, string text, string? department = null, double hoursAgo = 48, object[]? steps = null, string? phone = null) => new
    {
        ticketNo = no, receivedAt = At(hoursAgo), callerName = "王小明", callerPhone = phone ?? "13800001234", place, text, field = "城管执法", department,
        reassignments = steps ?? [], status = "办理中",
    };

    private object Bounce(double hoursAgo, string from) => new { at = At(hoursAgo), from, kind = "退单", reason = "不属于本单位职责" };

    [Fact]
    public async Task The_centre_pushes_tickets_idempotently_with_each_fault_named_and_personal_data_protected()
    {
        var centre = await CentreAsync();
        (await centre.GetAsync("/api/v1/hotline/tickets")).StatusCode.ShouldBe(HttpStatusCode.Forbidden); // push only
        var (a, b, c, other) = (No("A"), No("B"), No("C"), No("R"));
        var first = await PushAsync(centre, new object[]
        {
            Ticket(a, "鲸园街道海港社区新威路8号", "商铺店外经营占用人行道", "371002-ZHZF", phone: "13912345678"),
            Ticket(b, "竹岛街道海滨北路", "夜间施工噪音扰民"),
            Ticket(c, "环翠楼街道统一路", "法律援助咨询无人答复", "371002-SFJ"),
            Ticket(other, "崖头街道", "荣成的工单", "371082-ZHZF"),
            new { ticketNo = No("E"), receivedAt = At(5), place = "鲸园街道", text = "" },
            new { ticketNo = No("E"), receivedAt = At(5), place = "鲸园街道", text = "x", urgency = "高" },
            new { ticketNo = No("E"), receivedAt = At(5), place = "鲸园街道", text = "x",
                reassignments = new object[] { new { at = At(2), kind = "转办" }, new { at = At(3), kind = "退单", reason = "r" } } },
            new { ticketNo = No("E"), receivedAt = At(5), place = "火星大道1号", text = "x" },
            new { ticketNo = No("E"), receivedAt = At(5), place = "鲸园街道", text = new string('长', 5 * 1024 * 1024 / 3) },
        });
        first.GetProperty("accepted").GetInt32().ShouldBe(4);
        first.GetProperty("created").GetInt32().ShouldBe(4);
        var rejected = first.GetProperty("rejected").EnumerateArray().ToList();
        rejected.Select(r => r.GetProperty("index").GetInt32()).ShouldBe([4, 5, 6, 7, 8]);
        string Reasons(int i) => string.Join(" ", rejected[i].GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        Reasons(0).ShouldContain("text：诉求内容不能为空");
        Reasons(1).ShouldContain("未知字段“urgency”");
        Reasons(1).ShouldContain("reassignments");
        Reasons(2).ShouldContain("reassignments[1].at：流转记录时间顺序错误");
        Reasons(3).ShouldContain("未匹配到任何街道");
        Reasons(4).ShouldContain("诉求内容最长4000字");

        // Re-sent: one changed (the later version is kept, the change recorded), one unchanged; NDJSON this time.
        var ndjson = string.Join("\n", new[]
        {
            JsonSerializer.Serialize(Ticket(a, "鲸园街道海港社区新威路8号", "商铺店外经营占用人行道，已持续一周", "371002-ZHZF", phone: "13912345678"), Json),
            JsonSerializer.Serialize(Ticket(b, "竹岛街道海滨北路", "夜间施工噪音扰民"), Json),
        });
        using var body = new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson");
        var again = await (await centre.PostAsync("/api/v1/hotline/tickets", body)).Content.ReadFromJsonAsync<JsonElement>();
        (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()).ShouldBe((0, 1, 1));

        var rx = await app.ApiAsAsync("huancui-rx");
        var detail = await rx.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/tickets/{a}");
        detail.GetProperty("ticket").GetProperty("text").GetString().ShouldBe("商铺店外经营占用人行道，已持续一周");
        detail.GetProperty("ticket").GetProperty("phone").GetString().ShouldBe("139****5678");
        detail.GetProperty("ticket").GetProperty("caller").GetString().ShouldBe("王**");
        var change = detail.GetProperty("history").EnumerateArray().ShouldHaveSingleItem();
        (change.GetProperty("field").GetString(), change.GetProperty("before").GetString()).ShouldBe(("诉求内容", "商铺店外经营占用人行道"));
        // Stored encrypted, found by the whole number through its blind index.
        await app.WithDbAsync(async db =>
        {
            var raw = await db.Database.SqlQuery<string>($"SELECT caller_phone AS \"Value\" FROM hl_tickets WHERE ticket_no = {a}").SingleAsync();
            raw.ShouldNotContain("13912345678");
            (await db.Set<TicketKey>().CountAsync(k => k.TicketNo == a)).ShouldBe(1);
            (await db.HotlineTickets().IgnoreQueryFilters().SingleAsync(t => t.TicketNo == a)).Id.ShouldBeGreaterThan(HotlineTicket.FirstIdOf(202001));
        });
        var found = await rx.GetFromJsonAsync<JsonElement>("/api/v1/hotline/tickets?q=13912345678");
        found.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("ticketNo").GetString()).ShouldBe([a]);

        // Scope: 环翠区 sees its tickets, not 荣成's (which belongs to its department's district).
        var list = await rx.GetFromJsonAsync<JsonElement>("/api/v1/hotline/tickets?size=200");
        var numbers = list.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("ticketNo").GetString()).ToList();
        numbers.ShouldContain(b);
        numbers.ShouldNotContain(other);
        (await rx.GetAsync($"/api/v1/hotline/tickets/{other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The bureau's own ticket: opened on receipt, handled step by step; the steps refuse the wrong order.
        var own = (await rx.GetFromJsonAsync<JsonElement>("/api/v1/hotline/own")).EnumerateArray().Single(o => o.GetProperty("ticketNo").GetString() == c);
        var id = own.GetProperty("id").GetInt64();
        own.GetProperty("statusName").GetString().ShouldBe("待签收");
        await (await rx.PostAsJsonAsync($"/api/v1/hotline/own/{id}/handle", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await rx.PostAsJsonAsync($"/api/v1/hotline/own/{id}/sign", new { })).EnsureSuccessStatusCode();
        await (await rx.PostAsJsonAsync($"/api/v1/hotline/own/{id}/extend", new { workingDays = 3 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reason");
        var extended = await (await rx.PostAsJsonAsync($"/api/v1/hotline/own/{id}/extend", new { workingDays = 3, reason = "需调取材料" })).Content.ReadFromJsonAsync<JsonElement>();
        extended.GetProperty("extensionWorkingDays").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task A_planted_dispute_becomes_a_consultation_with_a_numbered_ruling_and_its_recurrence_is_counted()
    {
        var centre = await CentreAsync();
        var tag = Guid.NewGuid().ToString("N")[..4];
        var community = "测" + tag + "社区";
        var planted = Enumerable.Range(0, 3).Select(i => No("P")).ToList();
        var scattered = Enumerable.Range(0, 3).Select(i => No("S")).ToList();
        await PushAsync(centre, new[]
        {
            Ticket(planted[0], $"竹岛街道{community}海滨北路夜市", "海滨北路夜市露天烧烤油烟扰民，晚上烟雾很大", "371002-STHJ", 100, [Bounce(99, "371002-ZHZF")]),
            Ticket(planted[1], $"竹岛街道{community}海滨北路夜市", "夜市露天烧烤油烟扰民，居民无法开窗", null, 90, [Bounce(89, "371002-STHJ")]),
            Ticket(planted[2], $"竹岛街道{community}海滨北路", "夜市露天烧烤油烟扰民，影响休息", "371002-ZHZF", 80, [Bounce(79, "371002-STHJ")]),
            Ticket(scattered[0], $"竹岛街道{community}", "小区路灯不亮", null, 70, [Bounce(69, "371002-ZHZF")]),
            Ticket(scattered[1], $"鲸园街道{community}", "夜市露天烧烤油烟扰民", null, 60, [Bounce(59, "371002-ZHZF")]),
            Ticket(scattered[2], $"竹岛街道{community}", "商场虚假宣传价格欺诈", "371002-SCJG", 50, [Bounce(49, "371002-ZHZF")]),
        });
        var rx = await app.ApiAsAsync("huancui-rx");
        var today = DateOnly.FromDateTime(NowChina);
        var range = $"from={today.AddDays(-30):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        var clusters = (await rx.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/disputes?org=371002&{range}&size=200")).GetProperty("items").EnumerateArray()
            .Where(x => x.GetProperty("community").GetString() == community).ToList();
        var cluster = clusters.ShouldHaveSingleItem();
        cluster.GetProperty("ticketNos").EnumerateArray().Select(x => x.GetString()).ShouldBe(planted, ignoreOrder: true);
        cluster.GetProperty("bounces").GetInt32().ShouldBe(3);
        var key = cluster.GetProperty("key").GetString();

        var created = await rx.PostAsJsonAsync("/api/v1/hotline/consultations", new { key, from = today.AddDays(-30), to = today });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await (await rx.PostAsJsonAsync("/api/v1/hotline/consultations", new { key, from = today.AddDays(-30), to = today })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await rx.PostAsJsonAsync($"/api/v1/hotline/consultations/{id}/rule", new { responsible = "371002-ZHZF", ruledOn = today, issueRuling = true, rulingText = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await rx.PostAsJsonAsync($"/api/v1/hotline/consultations/{id}/consult", new { consultedOn = today, present = "371002-ZHZF、环翠区综合行政执法局" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "minutes");
        (await rx.PostAsJsonAsync($"/api/v1/hotline/consultations/{id}/consult", new { consultedOn = today, present = "371002-ZHZF、371002-STHJ", minutes = "两部门对油烟职责各执一词。" }))
            .EnsureSuccessStatusCode();
        var ruled = await (await rx.PostAsJsonAsync($"/api/v1/hotline/consultations/{id}/rule",
            new { responsible = "环翠区综合行政执法局", ruledOn = today, issueRuling = true, rulingText = "夜市露天烧烤由综合行政执法局查处。" })).Content.ReadFromJsonAsync<JsonElement>();
        var number = ruled.GetProperty("rulingNumber").GetString()!;
        number.ShouldEndWith($"〔{today.Year}〕1号");
        ruled.GetProperty("recurrences").GetInt32().ShouldBe(0);

        var docx = await rx.GetAsync($"/api/v1/hotline/consultations/{id}/ruling.docx");
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = string.Join("\n", OfficialDocument.ReadParagraphs(await docx.Content.ReadAsByteArrayAsync()));
        text.ShouldContain(number);
        text.ShouldContain("环翠区综合行政执法局负责办理");
        text.ShouldContain("关于12345热线反映事项管辖争议的裁定意见");

        var tracking = await (await rx.PostAsJsonAsync($"/api/v1/hotline/consultations/{id}/feedback", new { feedback = "已取缔摊点", feedbackOn = today }))
            .Content.ReadFromJsonAsync<JsonElement>();
        tracking.GetProperty("statusName").GetString().ShouldBe("跟踪中");

        // After the ruling: one ticket of the same place and matter recurs, another matter there does not.
        var recur = No("N");
        await PushAsync(centre, new[]
        {
            // received at this test's start, on the ruling's day (half an hour earlier is yesterday just after China's midnight)
            Ticket(recur, $"竹岛街道{community}海滨北路夜市", "海滨北路夜市露天烧烤油烟扰民又出现了", "371002-ZHZF", 0),
            Ticket(No("N"), $"竹岛街道{community}", "路灯不亮", "371002-ZHZF", 0),
        });
        var after = await rx.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/consultations/{id}");
        after.GetProperty("recurrences").GetInt32().ShouldBe(1);
        after.GetProperty("recurringTicketNos").EnumerateArray().Select(x => x.GetString()).ShouldBe([recur]);

        // The legality module's read: counted for 环翠区, nothing for 荣成.
        using var scope = app.Services.CreateScope();
        var rulings = scope.ServiceProvider.GetRequiredService<IHotlineRulings>();
        var count = await rulings.CountAsync("371002", today.AddDays(-1), today, default);
        count.RulingsIssued.ShouldBeGreaterThanOrEqualTo(1);
        count.ConsultationsHeld.ShouldBeGreaterThanOrEqualTo(1);
        (await rulings.CountAsync("371082", today.AddDays(-1), today, default)).RulingsIssued.ShouldBe(0);
        (await rulings.ListAsync("371002", today, today, default)).ShouldContain(r => r.Number == number);
    }

    [Fact]
    public async Task Seven_rulings_of_a_half_year_are_counted_as_the_report_gives_them()
    {
        // [000]: 上半年 … 出具12345热线反映难点事项裁定意见7件 — seven crafted rulings in 2025-H1, one in July, one only consulted.
        await app.WithDbAsync(async db =>
        {
            var bureau = await db.OrgUnits.IgnoreQueryFilters().SingleAsync(o => o.Code == "371002-SFJ");
            for (var i = 1; i <= 9; i++)
            {
                var ruled = i <= 7 ? new DateOnly(2025, i % 6 + 1, 10) : new DateOnly(2025, 7, 2);
                db.Consultations().Add(new Consultation
                {
                    OrgUnitId = bureau.Id, Title = "难点事项" + i, ClusterKey = "seed|" + i, TownCode = "371002001", Topic = "t", TicketNos = "", Departments = "",
                    ProposedBy = "test", ProposedOn = ruled.AddDays(-10), ConsultedOn = i <= 7 ? ruled.AddDays(-5) : new DateOnly(2025, 7, 1), Status = i == 9 ? ConsultationStatus.Consulted : ConsultationStatus.Ruled,
                    RuledOn = i == 9 ? null : ruled, RulingIssued = i != 9, RulingYear = i == 9 ? null : 2025, RulingSeq = i == 9 ? null : i, ResponsibleCode = "371002-ZHZF",
                });
            }
            await db.SaveChangesAsync();
        });
        using var scope = app.Services.CreateScope();
        var count = await scope.ServiceProvider.GetRequiredService<IHotlineRulings>().CountAsync("371002", new(2025, 1, 1), new(2025, 6, 30), default);
        count.RulingsIssued.ShouldBe(7);
        count.ConsultationsHeld.ShouldBe(7);
        await Should.ThrowAsync<Fazhi.Web.Kernel.Web.FazhiValidationException>(() =>
            scope.ServiceProvider.GetRequiredService<IHotlineRulings>().CountAsync(null, new(2025, 6, 30), new(2025, 1, 1), default));
    }

    [Fact]
    public async Task A_complaint_about_a_departments_conduct_opens_a_supervision_matter_once_and_triage_learns_from_corrections()
    {
        var centre = await CentreAsync();
        var no = No("Z");
        await PushAsync(centre, new[] { Ticket(no, "鲸园街道新威路", "市场监管局执法人员检查时乱罚款，态度恶劣", "371002-SCJG") });
        var rx = await app.ApiAsAsync("huancui-rx");
        var opened = await (await rx.PostAsJsonAsync($"/api/v1/hotline/tickets/{no}/complaint", new { })).Content.ReadFromJsonAsync<JsonElement>();
        opened.GetProperty("alreadyOpen").GetBoolean().ShouldBeFalse();
        var warning = opened.GetProperty("warningId").GetInt64();
        var again = await (await rx.PostAsJsonAsync($"/api/v1/hotline/tickets/{no}/complaint", new { })).Content.ReadFromJsonAsync<JsonElement>();
        (again.GetProperty("alreadyOpen").GetBoolean(), again.GetProperty("warningId").GetInt64()).ShouldBe((true, warning));
        await app.WithDbAsync(async db =>
        {
            var w = await db.EnforcementWarnings().IgnoreQueryFilters().SingleAsync(x => x.Id == warning);
            w.RuleCode.ShouldBe("ZF11");
            (await db.HotlineTickets().IgnoreQueryFilters().SingleAsync(t => t.TicketNo == no)).ComplaintWarningId.ShouldBe(warning);
        });
        await (await rx.PostAsJsonAsync($"/api/v1/hotline/tickets/{no}/complaint", new { department = "371002-SFJ" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "department");
        await (await rx.GetAsync($"/api/v1/hotline/tickets/{no}/enterprise-records")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "creditCode");

        // Corrections become training data; the retrained model explains itself with the words that decided.
        await (await rx.PostAsJsonAsync($"/api/v1/hotline/tickets/{no}/label", new { enforcement = true, field = "不存在的领域" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "field");
        var labelled = new List<string>();
        var batch = new List<object>();
        foreach (var (text, enforcement, field) in Fazhi.Web.Modules.Hotline.Features.Triage.TriageVocabulary.Generate(5, 60))
        {
            var n = No("L");
            labelled.Add(n);
            batch.Add(Ticket(n, "环翠楼街道统一路", text, field is null ? null : "371002-" + Fazhi.Web.Modules.Hotline.Features.Triage.TriageVocabulary.DepartmentOfField[field]));
        }
        await PushAsync(centre, batch);
        var labels = Fazhi.Web.Modules.Hotline.Features.Triage.TriageVocabulary.Generate(5, 60).ToList();
        for (var i = 0; i < labelled.Count; i++)
            (await rx.PostAsJsonAsync($"/api/v1/hotline/tickets/{labelled[i]}/label", new
            {
                enforcement = labels[i].Enforcement, field = labels[i].Field,
                department = labels[i].Field is null ? null : "371002-" + Fazhi.Web.Modules.Hotline.Features.Triage.TriageVocabulary.DepartmentOfField[labels[i].Field!],
            })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var trained = await (await rx.PostAsync("/api/v1/hotline/triage:train", null)).Content.ReadFromJsonAsync<JsonElement>();
        trained.EnumerateArray().Single(t => t.GetProperty("district").GetString() == "371002").GetProperty("examples").GetInt32().ShouldBeGreaterThanOrEqualTo(60);
        var probe = No("Q");
        await PushAsync(centre, new[] { Ticket(probe, "环翠楼街道统一路", "商业街露天烧烤油烟扰民，晚上尤其严重") });
        var triage = await rx.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/tickets/{probe}/triage");
        triage.GetProperty("enforcement").GetProperty("label").GetString().ShouldBe("是");
        triage.GetProperty("field").GetProperty("words").EnumerateArray().Select(w => w.GetString()).ShouldNotBeEmpty();
        triage.GetProperty("departments").EnumerateArray().ShouldNotBeEmpty();

        // Figures: current and previous, a heat table by street and field.
        var stats = await rx.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/stats?org=371002&from={DateOnly.FromDateTime(NowChina).AddDays(-30):yyyy-MM-dd}&to={DateOnly.FromDateTime(NowChina):yyyy-MM-dd}");
        stats.GetProperty("current").GetProperty("tickets").GetInt32().ShouldBeGreaterThanOrEqualTo(62);
        stats.GetProperty("previous").GetProperty("tickets").GetInt32().ShouldBe(0);
        stats.GetProperty("heat").GetProperty("rows").EnumerateArray().ShouldContain(r => r.GetProperty("town").GetString() == "环翠楼街道");
    }

    /// <summary>A fake 12345 centre: answers each reply push with the next status of its script (then 200).</summary>
    private sealed class FakeCentre(params HttpStatusCode[] script) : HttpMessageHandler
    {
        public List<string> Received { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            int n;
            lock (Received)
            {
                Received.Add(body);
                n = Received.Count;
            }
            var status = n <= script.Length ? script[n - 1] : HttpStatusCode.OK;
            return new HttpResponseMessage(status);
        }
    }

    [Fact]
    public async Task A_reply_to_an_own_ticket_is_pushed_to_the_centre_with_retries_and_its_outcome_kept()
    {
        var centre = await CentreAsync();
        var (ok, down) = (No("Y"), No("Y"));
        await PushAsync(centre, new[] { Ticket(ok, "环翠楼街道统一路", "咨询法律援助申请条件", "371002-SFJ"), Ticket(down, "鲸园街道新威路", "人民调解员联系方式", "371002-SFJ") });
        var fake = new FakeCentre(HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway); // two failures, then accepted
        await using var host = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Hotline:ReplyPush:Url", "http://centre.test/api/replies");
            b.UseSetting("Hotline:ReplyPush:Attempts", "3");
            b.UseSetting("Hotline:ReplyPush:RetryDelayMilliseconds", "1");
            b.ConfigureTestServices(s => s.AddHttpClient("hotline-reply").ConfigurePrimaryHttpMessageHandler(() => fake));
        });
        var rx = host.CreateClient();
        var token = (await (await rx.PostAsJsonAsync("/api/v1/auth/token", new { username = "huancui-rx", password = FazhiFactory.DemoPassword }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        rx.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var own = (await rx.GetFromJsonAsync<JsonElement>("/api/v1/hotline/own")).EnumerateArray().ToList();
        async Task<JsonElement> ReplyAsync(string no)
        {
            var id = own.Single(o => o.GetProperty("ticketNo").GetString() == no).GetProperty("id").GetInt64();
            (await rx.PostAsJsonAsync($"/api/v1/hotline/own/{id}/sign", new { })).EnsureSuccessStatusCode();
            (await rx.PostAsJsonAsync($"/api/v1/hotline/own/{id}/handle", new { })).EnsureSuccessStatusCode();
            var replied = await rx.PostAsJsonAsync($"/api/v1/hotline/own/{id}/reply", new { reply = "已电话答复来电人。" });
            replied.StatusCode.ShouldBe(HttpStatusCode.OK, await replied.Content.ReadAsStringAsync());
            return await replied.Content.ReadFromJsonAsync<JsonElement>();
        }

        var first = await ReplyAsync(ok);
        (first.GetProperty("replyPushed").GetBoolean(), first.GetProperty("replyPushAttempts").GetInt32()).ShouldBe((true, 3));
        first.GetProperty("replyPushedAt").GetString().ShouldNotBeNullOrEmpty();
        fake.Received.Count.ShouldBe(3);
        var pushed = JsonSerializer.Deserialize<JsonElement>(fake.Received[2]);
        (pushed.GetProperty("ticketNo").GetString(), pushed.GetProperty("reply").GetString()).ShouldBe((ok, "已电话答复来电人。"));

        // The centre is down for all three attempts: the reply stays saved, the failure and its cause are kept.
        var failing = new FakeCentre(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable);
        await using var downHost = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Hotline:ReplyPush:Url", "http://centre.test/api/replies");
            b.UseSetting("Hotline:ReplyPush:RetryDelayMilliseconds", "1");
            b.ConfigureTestServices(s => s.AddHttpClient("hotline-reply").ConfigurePrimaryHttpMessageHandler(() => failing));
        });
        rx = downHost.CreateClient();
        rx.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var second = await ReplyAsync(down);
        (second.GetProperty("replyPushed").GetBoolean(), second.GetProperty("replyPushAttempts").GetInt32()).ShouldBe((false, 3));
        second.GetProperty("replyPushError").GetString().ShouldBe("热线中心返回 HTTP 503");
        second.GetProperty("statusName").GetString().ShouldBe("待回访");
        failing.Received.Count.ShouldBe(3);
        await app.WithDbAsync(async db =>
        {
            var row = await db.OwnTickets().IgnoreQueryFilters().SingleAsync(o => o.TicketNo == down);
            (row.ReplyPushAttempts, row.ReplyPushedAtUtc, row.Reply).ShouldBe((3, null, "已电话答复来电人。"));
        });
    }
}

public sealed class HotlineTestsOnSqlite(SqliteFactory app) : HotlineTests(app), IClassFixture<SqliteFactory>;

public sealed class HotlineTestsOnPostgres(PostgresFactory app) : HotlineTests(app), IClassFixture<PostgresFactory>;
