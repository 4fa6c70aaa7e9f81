using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.IntegrationTests.Modules.Mediation;

/// <summary>
/// 人民调解 through the real pipeline: the workflow 登记 → 受理 → 调解 → 协议 → 司法确认 → 回访 with its refusals, documents,
/// scope (a committee's mediator sees only their committee; another district sees nothing), [001]'s category table from
/// crafted records, the ledger import (dry run, per-row errors, all-or-nothing, idempotent) and the stats endpoint.
/// </summary>
public abstract class MediationTests(FazhiFactory app) : IAsyncLifetime
{
    private const string CommitteeA = "371002001-TWH", CommitteeB = "371002002-TWH", CommitteeC = "371002003-TWH";
    private const string Password = "Mediator-Pass-2024";
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly HashSet<Provider> Ready = [];
    private static readonly Dictionary<Provider, (long A, long B, long C)> MediatorIds = [];
    private const string CommitteeD = "371002001-CWH";
    private static readonly Dictionary<Provider, long> RosterMediatorIds = [];

    private static string Day(int daysAgo) => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8)).AddDays(-daysAgo).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask InitializeAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (Ready.Contains(app.Provider))
                return;
            var section = await app.ApiAsAsync("huancui-tj");
            var ids = new List<long>();
            foreach (var (code, name, parent, shortName) in new[] { (CommitteeA, "鲸园街道人民调解委员会", "371002001", "鲸园"), (CommitteeB, "环翠楼街道人民调解委员会", "371002002", "环翠楼"), (CommitteeC, "竹岛街道人民调解委员会", "371002003", "竹岛") })
            {
                (await section.PostAsJsonAsync("/api/v1/mediation/committees", new { code, name, parentCode = parent, kind = "乡镇（街道）人民调解委员会", foundedOn = "2015-03-01", shortName }))
                    .StatusCode.ShouldBe(HttpStatusCode.Created);
                var m = await section.PostAsJsonAsync("/api/v1/mediation/mediators", new { committeeCode = code, name = shortName + "调解员", fullTime = true, idNumber = "11010519491231002X", phone = "13863101234" });
                m.StatusCode.ShouldBe(HttpStatusCode.Created, await m.Content.ReadAsStringAsync());
                ids.Add((await m.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
            }
            MediatorIds[app.Provider] = (ids[0], ids[1], ids[2]);
            // A village committee in 鲸园's town, whose mediator (in the 名录) signs in from the 司法所 as med-s.
            (await section.PostAsJsonAsync("/api/v1/mediation/committees", new { code = CommitteeD, name = "戚家庄社区人民调解委员会", parentCode = "371002001", kind = "村（居）人民调解委员会", foundedOn = "2012-05-01", shortName = "戚家庄" }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
            var rm = await section.PostAsJsonAsync("/api/v1/mediation/mediators", new { committeeCode = CommitteeD, name = "名录调解员", fullTime = false, inRoster = true, userName = "med-s" });
            rm.StatusCode.ShouldBe(HttpStatusCode.Created, await rm.Content.ReadAsStringAsync());
            RosterMediatorIds[app.Provider] = (await rm.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
            var sec = await app.ApiAsAsync("secadmin");
            foreach (var (user, org, role) in new[] { ("med-a", CommitteeA, "mediator"), ("med-b", CommitteeB, "mediator"), ("rc-tj", "371082-SFJ", "mediation"), ("med-s", "371002001-SFS", "mediator") })
                (await sec.PostAsJsonAsync("/api/v1/users", new { username = user, displayName = user, orgCode = org, roles = new[] { role }, password = Password }))
                    .StatusCode.ShouldBe(HttpStatusCode.Created);
            Ready.Add(app.Provider);
        }
        finally
        {
            Once.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private static object Dispute(string received, string? committee = null, decimal amount = 2000m, string category = "02", string source = "排查发现") => new
    {
        committeeCode = committee, category, source, summary = "楼上漏水致楼下受损", amount, receivedOn = received,
        parties = new[] { new { name = "张三", idNumber = (string?)"11010519491231002X", phone = (string?)"13912345678" }, new { name = "李四", idNumber = (string?)null, phone = (string?)null } },
    };

    private static async Task<JsonElement> Ok(HttpResponseMessage r, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(status, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static Task<HttpResponseMessage> Act(HttpClient c, long id, string action, object body) => c.PostAsJsonAsync($"/api/v1/mediation/disputes/{id}/actions/{action}", body);

    [Fact]
    public async Task A_mediator_takes_a_dispute_from_registration_to_judicial_confirmation_and_follow_up()
    {
        var med = await app.ApiAsAsync("med-a", Password);
        var mediator = MediatorIds[app.Provider].A;
        var d = await Ok(await med.PostAsJsonAsync("/api/v1/mediation/disputes", Dispute(Day(10))), HttpStatusCode.Created);
        var id = d.GetProperty("id").GetInt64();
        d.GetProperty("number").GetString()!.ShouldStartWith($"（{Day(10)[..4]}）鲸园调字第");
        d.GetProperty("parties")[0].GetProperty("idNumberMasked").GetString().ShouldBe("1101**********002X");
        d.GetProperty("allowedActions").EnumerateArray().Select(x => x.GetString()).ShouldBe(["accept", "decline", "refer-to-legal-aid"]);

        // Illegal transition: 409 with the state's Chinese name; nothing changes.
        var early = await Act(med, id, "succeed", new { on = Day(9), agreementKind = "书面协议", content = "赔偿" });
        (await early.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("待受理");
        // Another committee's mediator cannot be designated.
        await (await Act(med, id, "accept", new { on = Day(9), mediatorId = MediatorIds[app.Provider].B })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "mediatorId");
        await Ok(await Act(med, id, "accept", new { on = Day(9), mediatorId = mediator }));
        await Ok(await Act(med, id, "record-session", new { on = Day(8), place = "鲸园司法所调解室", record = "双方陈述，调解员释法说理。" }));
        // An agreement dated before the dispute was registered.
        await (await Act(med, id, "succeed", new { on = Day(11), agreementKind = "书面协议", content = "赔偿2000元" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "on");
        var done = await Ok(await Act(med, id, "succeed", new { on = Day(7), agreementKind = "书面协议", content = "李四于十日内赔偿张三2000元", effectiveOn = Day(7) }));
        done.GetProperty("statusName").GetString().ShouldBe("调解成功");
        done.GetProperty("deadlines").EnumerateArray().Single(x => x.GetProperty("kind").GetString() == "med.confirmation").GetProperty("state").GetString().ShouldNotBe("已完成");

        // 司法确认: one party alone is refused citing the article; jointly within 30 days is accepted.
        var oneSided = await (await Act(med, id, "apply-confirmation", new { on = Day(5), court = "威海市环翠区人民法院", jointly = false })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "jointly");
        oneSided.GetProperty("errors").GetProperty("jointly")[0].GetString()!.ShouldContain("人民调解法》第三十三条");
        await Ok(await Act(med, id, "apply-confirmation", new { on = Day(5), court = "威海市环翠区人民法院", jointly = true }));
        await (await Act(med, id, "apply-confirmation", new { on = Day(4), court = "威海市环翠区人民法院", jointly = true })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await Ok(await Act(med, id, "record-ruling", new { on = Day(2), result = "裁定调解协议有效", caseNumber = "（2026）鲁1002民特1号" }));
        var final = await Ok(await Act(med, id, "follow-up", new { on = Day(1), performance = "已履行", note = "电话回访，已履行" }));
        final.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString())
            .ShouldBe(["receive", "accept", "record-session", "succeed", "apply-confirmation", "record-ruling", "follow-up"]);
        final.GetProperty("confirmationResult").GetString().ShouldBe("裁定调解协议有效");

        // Every transition is in the 操作日志 (audited by the SaveChanges interceptor).
        await app.WithDbAsync(async db =>
            (await db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.EntityType == nameof(Fazhi.Web.Modules.Mediation.Domain.DisputeEvent))).ShouldBeGreaterThanOrEqualTo(7));

        // Documents: the 协议书 is numbered per committee and year, and is a .docx.
        var doc = await Ok(await med.PostAsync($"/api/v1/mediation/disputes/{id}/documents/agreement", null), HttpStatusCode.Created);
        doc.GetProperty("number").GetString()!.ShouldContain("鲸园调协字第1号");
        var bytes = await med.GetByteArrayAsync($"/api/v1/mediation/documents/{doc.GetProperty("id").GetInt64()}");
        Encoding.ASCII.GetString(bytes, 0, 2).ShouldBe("PK");
        (await Ok(await med.PostAsync($"/api/v1/mediation/disputes/{id}/documents/agreement", null), HttpStatusCode.Created)).GetProperty("number").GetString()!.ShouldContain("第2号");
        foreach (var kind in new[] { "application", "registration", "session-record", "confirmation-application", "follow-up-record" })
            await Ok(await med.PostAsync($"/api/v1/mediation/disputes/{id}/documents/{kind}", null), HttpStatusCode.Created);

        // A late application: the agreement took effect 40 days ago.
        var old = (await Ok(await med.PostAsJsonAsync("/api/v1/mediation/disputes", Dispute(Day(50))), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await Ok(await Act(med, old, "accept", new { on = Day(49), mediatorId = mediator }));
        await Ok(await Act(med, old, "succeed", new { on = Day(40), agreementKind = "口头协议", content = "互相谅解" }));
        var late = await (await Act(med, old, "apply-confirmation", new { court = "威海市环翠区人民法院", jointly = true })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "on");
        late.GetProperty("errors").GetProperty("on")[0].GetString()!.ShouldContain("已超过申请期限");
        // An oral agreement has no 协议书.
        await (await med.PostAsync($"/api/v1/mediation/disputes/{old}/documents/agreement", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_written()
    {
        var med = await app.ApiAsAsync("med-a", Password);
        var before = await Ok(await med.GetAsync("/api/v1/mediation/disputes?size=1"));
        await (await med.PostAsJsonAsync("/api/v1/mediation/disputes", Dispute(Day(1), amount: -5))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "amount");
        await (await med.PostAsJsonAsync("/api/v1/mediation/disputes", Dispute(Day(1), amount: 5_000_000_000m))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "amount");
        var unknown = await (await med.PostAsJsonAsync("/api/v1/mediation/disputes", Dispute(Day(1), category: "宠物纠纷"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "category");
        unknown.GetProperty("errors").GetProperty("category")[0].GetString()!.ShouldContain("婚姻家庭纠纷");
        await (await med.PostAsJsonAsync("/api/v1/mediation/disputes", Dispute(Day(1), source: "诉调对接"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "courtCaseNumber");
        await (await med.PostAsJsonAsync("/api/v1/mediation/disputes", Dispute(Day(-3)))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "receivedOn");
        await (await med.PostAsJsonAsync("/api/v1/mediation/disputes", new { category = "02", source = "排查发现", summary = "x", receivedOn = Day(1),
            parties = new[] { new { name = "张三", idNumber = "110105194912310021", phone = "1" } } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "parties");
        await (await med.PostAsJsonAsync("/api/v1/mediation/screenings", new { on = Day(1), place = "第一网格", by = "王", found = 2, zeroReport = true })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "zeroReport");
        (await Ok(await med.GetAsync("/api/v1/mediation/disputes?size=1"))).GetProperty("total").GetInt32().ShouldBe(before.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_committees_mediator_sees_only_its_own_disputes_and_another_district_sees_nothing()
    {
        var a = await app.ApiAsAsync("med-a", Password);
        var b = await app.ApiAsAsync("med-b", Password);
        var id = (await Ok(await a.PostAsJsonAsync("/api/v1/mediation/disputes", Dispute(Day(3))), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        (await b.GetAsync($"/api/v1/mediation/disputes/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Act(b, id, "accept", new { mediatorId = MediatorIds[app.Provider].B })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // med-b may not register into committee A either.
        await (await b.PostAsJsonAsync("/api/v1/mediation/disputes", Dispute(Day(3), CommitteeA))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "committeeCode");
        var listB = await Ok(await b.GetAsync("/api/v1/mediation/disputes?size=200"));
        listB.GetProperty("items").EnumerateArray().ShouldAllBe(x => x.GetProperty("committee").GetString() == "环翠楼街道人民调解委员会");
        // The district's section sees both committees' disputes.
        var section = await app.ApiAsAsync("huancui-tj");
        (await section.GetAsync($"/api/v1/mediation/disputes/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Another district (荣成) sees nothing of 环翠.
        var rc = await app.ApiAsAsync("rc-tj", Password);
        (await Ok(await rc.GetAsync("/api/v1/mediation/disputes"))).GetProperty("total").GetInt32().ShouldBe(0);
        (await rc.GetAsync($"/api/v1/mediation/disputes/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await rc.GetAsync($"/api/v1/mediation/stats?org={CommitteeA}&from=2024-01-01&to=2024-06-30")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Ok(await rc.GetAsync("/api/v1/mediation/committees"))).GetArrayLength().ShouldBe(0);
        // Without the module's permission the API refuses outright.
        (await (await app.ApiAsAsync("rongcheng")).GetAsync("/api/v1/mediation/disputes")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>
    /// A mediator signed in with their 名录 account (med-s, at the 司法所, mediator of committee D) sees D's disputes and the
    /// ones they were 选派 to, and not the rest of the town; 选派 shows the load; the dispute's attachments follow the same
    /// scope; when the 调结期限 runs out the mediator gets a 站内消息.
    /// </summary>
    [Fact]
    public async Task A_roster_mediator_sees_their_committee_and_the_disputes_they_are_designated_to_only()
    {
        var section = await app.ApiAsAsync("huancui-tj");
        var s = await app.ApiAsAsync("med-s", Password);
        var rosterId = RosterMediatorIds[app.Provider];
        var inA = (await Ok(await section.PostAsJsonAsync("/api/v1/mediation/disputes", Dispute(Day(40), CommitteeA)), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var other = (await Ok(await section.PostAsJsonAsync("/api/v1/mediation/disputes", Dispute(Day(40), CommitteeA)), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        // Registering without a committee files it under med-s's own committee; committee A is refused by name.
        var own = await Ok(await s.PostAsJsonAsync("/api/v1/mediation/disputes", Dispute(Day(40))), HttpStatusCode.Created);
        own.GetProperty("committee").GetString().ShouldBe("戚家庄社区人民调解委员会");
        (await (await s.PostAsJsonAsync("/api/v1/mediation/disputes", Dispute(Day(40), CommitteeA))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "committeeCode"))
            .GetProperty("errors").GetProperty("committeeCode")[0].GetString()!.ShouldContain("鲸园街道人民调解委员会");
        (await s.GetAsync($"/api/v1/mediation/disputes/{inA}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var before = await Ok(await s.GetAsync("/api/v1/mediation/disputes?size=200"));
        before.GetProperty("items").EnumerateArray().ShouldAllBe(x => x.GetProperty("committee").GetString() == "戚家庄社区人民调解委员会");

        // 受理 by committee A's own mediator, then 选派 to the roster mediator of committee D; the roster shows the load.
        await Ok(await Act(section, inA, "accept", new { on = Day(40), mediatorId = MediatorIds[app.Provider].A }));
        await Ok(await Act(section, other, "accept", new { on = Day(40), mediatorId = MediatorIds[app.Provider].A }));
        (await Act(section, inA, "designate", new { on = Day(39), mediatorId = MediatorIds[app.Provider].A })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var designated = await Ok(await Act(section, inA, "designate", new { on = Day(39), mediatorId = rosterId, reason = "当事人选择" }));
        designated.GetProperty("mediator").GetString().ShouldBe("名录调解员");
        var roster = await Ok(await section.GetAsync($"/api/v1/mediation/roster?committee={CommitteeA}"));
        var entry = roster.EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == rosterId);
        entry.GetProperty("openDisputes").GetInt32().ShouldBe(1);
        entry.GetProperty("ownCommittee").GetBoolean().ShouldBeFalse();
        roster.EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == MediatorIds[app.Provider].A).GetProperty("ownCommittee").GetBoolean().ShouldBeTrue();

        // Now med-s sees the dispute they mediate (and may record on it), still not the other one of committee A.
        (await Ok(await s.GetAsync($"/api/v1/mediation/disputes/{inA}"))).GetProperty("number").GetString()!.ShouldContain("鲸园调字");
        await Ok(await Act(s, inA, "record-session", new { on = Day(38), place = "戚家庄调解室", record = "背对背调解" }));
        (await s.GetAsync($"/api/v1/mediation/disputes/{other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var after = await Ok(await s.GetAsync("/api/v1/mediation/disputes?size=200"));
        after.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetInt64()).ShouldContain(inA);
        after.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetInt64()).ShouldNotContain(other);

        // Attachments (协议书 scan) follow the dispute's scope: med-s may add and read them, committee B's mediator sees nothing.
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4 agreement scan")), "file", "调解协议书签字页.pdf");
            await Ok(await s.PostAsync($"/api/v1/attachments/mediation/dispute/{inA}", form), HttpStatusCode.Created);
        }
        (await Ok(await s.GetAsync($"/api/v1/attachments/mediation/dispute/{inA}"))).GetArrayLength().ShouldBe(1);
        (await (await app.ApiAsAsync("med-b", Password)).GetAsync($"/api/v1/attachments/mediation/dispute/{inA}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // 调结期限 (30 days from 受理 on Day(40)) has run out: the sweep sends med-s a 站内消息 naming the dispute.
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8));
        await Fazhi.Web.Kernel.Timers.TimerJob.RunOnceAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), today, CancellationToken.None);
        var number = designated.GetProperty("number").GetString()!;
        await app.WithDbAsync(async db =>
        {
            var msgs = await db.Set<Fazhi.Web.Kernel.Messages.Message>().Where(m => m.Recipient == "med-s" && m.Module == "mediation").Select(m => m.Title).ToListAsync();
            msgs.ShouldContain($"纠纷{number}调结期限已届满");
        });
    }

    /// <summary>以案定补 marked paid: the amounts are fixed at the rate of the day, a later rate leaves them alone, and a second
    /// marking of the same period is refused.</summary>
    [Fact]
    public async Task A_paid_subsidy_list_keeps_its_amounts()
    {
        var section = await app.ApiAsAsync("huancui-tj");
        var med = await app.ApiAsAsync("med-a", Password);
        var id = (await Ok(await med.PostAsJsonAsync("/api/v1/mediation/disputes", Dispute(Day(60), category: "12")), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await Ok(await Act(med, id, "accept", new { on = Day(60), mediatorId = MediatorIds[app.Provider].A }));
        await Ok(await Act(med, id, "succeed", new { on = Day(59), agreementKind = "书面协议", content = "赔偿800元", effectiveOn = Day(59) }));
        await Ok(await section.PostAsJsonAsync("/api/v1/mediation/subsidy/rates", new { amount = 200m, writtenBonus = 50m, validFrom = "2000-01-01" }), HttpStatusCode.Created);
        var period = $"from={Day(59)}&to={Day(59)}";
        var list = await Ok(await section.GetAsync($"/api/v1/mediation/subsidy/payments?{period}"));
        var total = list.GetProperty("total").GetDecimal();
        total.ShouldBeGreaterThan(0m);
        list.GetProperty("paidTotal").GetDecimal().ShouldBe(0m);
        await (await section.PostAsJsonAsync("/api/v1/mediation/subsidy/payments/paid", new { from = Day(59), to = Day(59), paidOn = Day(-1) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "paidOn");
        (await med.PostAsJsonAsync("/api/v1/mediation/subsidy/payments/paid", new { from = Day(59), to = Day(59), paidOn = Day(1) })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var paid = await Ok(await section.PostAsJsonAsync("/api/v1/mediation/subsidy/payments/paid", new { from = Day(59), to = Day(59), paidOn = Day(1) }));
        paid.GetProperty("amount").GetDecimal().ShouldBe(total);
        // A new, higher rate for the category does not change what was paid.
        await Ok(await section.PostAsJsonAsync("/api/v1/mediation/subsidy/rates", new { category = "12", amount = 900m, validFrom = "2000-01-01" }), HttpStatusCode.Created);
        var again = await Ok(await section.GetAsync($"/api/v1/mediation/subsidy/payments?{period}"));
        again.GetProperty("total").GetDecimal().ShouldBe(total);
        again.GetProperty("paidTotal").GetDecimal().ShouldBe(total);
        (await section.PostAsJsonAsync("/api/v1/mediation/subsidy/payments/paid", new { from = Day(59), to = Day(59), paidOn = Day(1) })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    /// <summary>[001] 镜湖区 2024 H1: 排查 1,963 = 家事类 697 + 乡村振兴类 15 + 城市生活类 834 + 营商环境类 91 + 其他 326; all 1,963 resolved.</summary>
    [Fact]
    public async Task The_category_table_of_001_comes_out_of_the_records()
    {
        var mediator = MediatorIds[app.Provider].C;
        await app.WithDbAsync(async db =>
        {
            var unit = await db.OrgUnits.IgnoreQueryFilters().SingleAsync(o => o.Code == CommitteeC);
            // Standard categories whose report category (字典 mediation.report_category) is the [001] one.
            var spec = new (string Category, int Count)[] { ("01", 697), ("03", 10), ("07", 5), ("02", 500), ("14", 334), ("04", 60), ("10", 31), ("06", 200), ("99", 126) };
            var n = 0;
            var list = new List<Dispute>();
            foreach (var (category, count) in spec)
                for (var i = 0; i < count; i++)
                {
                    n++;
                    var received = new DateOnly(2024, 1, 1).AddDays(n % 180);
                    list.Add(new Dispute
                    {
                        OrgUnitId = unit.Id, Number = $"（2024）竹岛调字第{n}号", Year = 2024, Category = category, Source = DisputeSource.Screening, Summary = "排查发现",
                        ReceivedOn = received, AcceptedOn = received, MediatorId = mediator, Status = DisputeStatus.Succeeded, Agreement = n % 3 == 0 ? AgreementKind.Written : AgreementKind.Oral,
                        AgreementOn = received, EffectiveOn = received, ClosedOn = received, AmountFen = 100_00,
                    });
                }
            // Not 排查: must not enter the table.
            list.Add(new Dispute { OrgUnitId = unit.Id, Number = "（2024）竹岛调字第9999号", Year = 2024, Category = "01", Source = DisputeSource.Application, Summary = "申请", ReceivedOn = new DateOnly(2024, 3, 1), Status = DisputeStatus.Registered });
            db.Disputes().AddRange(list);
            await db.SaveChangesAsync();
        });
        var section = await app.ApiAsAsync("huancui-tj");
        var stats = await Ok(await section.GetAsync($"/api/v1/mediation/stats?org={CommitteeC}&from=2024-01-01&to=2024-06-30"));
        var table = stats.GetProperty("current").GetProperty("reportTable").EnumerateArray()
            .Select(r => (r.GetProperty("category").GetString(), r.GetProperty("found").GetInt32(), r.GetProperty("resolved").GetInt32())).ToList();
        table.ShouldBe([("家事类", 697, 697), ("乡村振兴类", 15, 15), ("城市生活类", 834, 834), ("营商环境类", 91, 91), ("其他", 326, 326)]);
        table.Sum(t => t.Item2).ShouldBe(1963);
        var current = stats.GetProperty("current");
        current.GetProperty("received").GetInt32().ShouldBe(1964);
        current.GetProperty("succeeded").GetInt32().ShouldBe(1963);
        current.GetProperty("successRate").GetDecimal().ShouldBe(100m);
        current.GetProperty("amount").GetDecimal().ShouldBe(196_300m);
        current.GetProperty("bySource").GetProperty("排查发现").GetInt32().ShouldBe(1963);
        stats.GetProperty("previous").GetProperty("received").GetInt32().ShouldBe(0);
        stats.GetProperty("foundedOn").GetString().ShouldBe("2015-03-01");
        stats.GetProperty("sinceFounding").GetProperty("succeeded").GetInt32().ShouldBe(1963);
        // The same figures through the metric contract.
        var metrics = await section.GetAsync($"/api/v1/metrics?org={CommitteeC}&from=2024-01-01&to=2024-06-30");
        (await metrics.Content.ReadAsStringAsync()).ShouldContain("mediation.succeeded");
        // The dashboard shows the table.
        var page = await section.GetStringAsync($"/mediation?org={CommitteeC}&from=2024-01-01&to=2024-06-30");
        page.ShouldContain("report-table");
        page.ShouldContain("834");
    }

    [Fact]
    public async Task The_ledger_import_checks_every_row_imports_all_or_nothing_and_is_idempotent()
    {
        var section = await app.ApiAsAsync("huancui-tj");
        const string header = "编号,登记日期,纠纷类别,纠纷来源,纠纷简要情况,当事人,涉及金额（元）,调解结果,结案日期,协议形式,司法确认\n";
        const string good = "（2023）环翠楼调字第1号,2023-03-01,邻里纠纷,排查发现,漏水,张三、李四,2000,调解成功,2023-03-05,书面,有效\n" +
                            "（2023）环翠楼调字第2号,2023-04-01,物业纠纷,当事人申请,物业费,王五、某物业公司,,调解不成,2023-04-09,,\n";
        const string bad = "（2023）环翠楼调字第3号,2023-05-01,宠物纠纷,排查发现,狗咬人,赵六、钱七,-10,调解成功,2023-04-01,,\n";
        async Task<HttpResponseMessage> Post(string csv, bool dryRun)
        {
            using var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "ledger.csv");
            return await section.PostAsync($"/api/v1/mediation/import?org={CommitteeB}&dryRun={(dryRun ? "true" : "false")}", form);
        }
        var dry = await Ok(await Post(header + good + bad, true));
        var errors = dry.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("message").GetString()!)).ToList();
        errors.ShouldContain(e => e.Item1 == 4 && e.Item2 == "纠纷类别" && e.Item3.Contains("宠物纠纷") && e.Item3.Contains("物业纠纷"));
        errors.ShouldContain(e => e.Item1 == 4 && e.Item2 == "涉及金额（元）");
        errors.ShouldContain(e => e.Item1 == 4 && e.Item2 == "结案日期");
        errors.ShouldContain(e => e.Item1 == 4 && e.Item2 == "协议形式");
        errors.ShouldAllBe(e => e.Item1 == 4);
        await (await Post(header + good + bad, false)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await Ok(await section.GetAsync($"/api/v1/mediation/disputes?committee={CommitteeB}&from=2023-01-01&to=2023-12-31"))).GetProperty("total").GetInt32().ShouldBe(0);
        var first = await Ok(await Post(header + good, false));
        first.GetProperty("created").GetInt32().ShouldBe(2);
        var again = await Ok(await Post(header + good, false));
        (again.GetProperty("created").GetInt32(), again.GetProperty("unchanged").GetInt32()).ShouldBe((0, 2));
        var stats = await Ok(await section.GetAsync($"/api/v1/mediation/stats?org={CommitteeB}&from=2023-01-01&to=2023-12-31"));
        stats.GetProperty("current").GetProperty("confirmed").GetInt32().ShouldBe(1);
        stats.GetProperty("current").GetProperty("written").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Screenings_talk_points_and_the_subsidy_list_feed_the_figures()
    {
        var section = await app.ApiAsAsync("huancui-tj");
        var from = Day(30);
        var to = Day(0);
        await Ok(await section.PostAsJsonAsync("/api/v1/mediation/screenings", new { orgCode = CommitteeC, on = Day(2), place = "第一网格", by = "竹岛调解员", found = 3, prevented = 1 }), HttpStatusCode.Created);
        var zero = await Ok(await section.PostAsJsonAsync("/api/v1/mediation/screenings", new { orgCode = CommitteeC, on = Day(1), place = "第二网格", by = "竹岛调解员" }), HttpStatusCode.Created);
        zero.GetProperty("zeroReport").GetBoolean().ShouldBeTrue();
        var point = await Ok(await section.PostAsJsonAsync("/api/v1/mediation/talk-points", new { orgCode = CommitteeC, name = "竹岛评理说事点", host = "孙" }), HttpStatusCode.Created);
        await Ok(await section.PostAsJsonAsync($"/api/v1/mediation/talk-points/{point.GetProperty("id").GetInt64()}/reports", new { on = Day(1), summary = "邻里噪音", resolved = true }));
        await Ok(await section.PostAsJsonAsync($"/api/v1/mediation/talk-points/{point.GetProperty("id").GetInt64()}/reports", new { on = Day(1), summary = "普法", legalEducation = true }));
        var stats = await Ok(await section.GetAsync($"/api/v1/mediation/stats?org={CommitteeC}&from={from}&to={to}"));
        var c = stats.GetProperty("current");
        (c.GetProperty("screenings").GetInt32(), c.GetProperty("found").GetInt32(), c.GetProperty("prevented").GetInt32(), c.GetProperty("zeroReports").GetInt32()).ShouldBe((1, 3, 1, 1));
        (c.GetProperty("pointReports").GetInt32(), c.GetProperty("pointResolved").GetInt32(), c.GetProperty("pointEducation").GetInt32()).ShouldBe((2, 1, 1));

        // 以案定补: 200 per success, +100 for a written agreement, 300 for 婚姻家庭.
        await Ok(await section.PostAsJsonAsync("/api/v1/mediation/subsidy/rates", new { amount = 200, writtenBonus = 100, validFrom = "2020-01-01" }), HttpStatusCode.Created);
        await Ok(await section.PostAsJsonAsync("/api/v1/mediation/subsidy/rates", new { category = "01", amount = 300, writtenBonus = 100, validFrom = "2020-01-01" }), HttpStatusCode.Created);
        await (await section.PostAsJsonAsync("/api/v1/mediation/subsidy/rates", new { amount = -1 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "amount");
        var med = await app.ApiAsAsync("med-b", Password);
        var id = (await Ok(await med.PostAsJsonAsync("/api/v1/mediation/disputes", Dispute(Day(6), category: "01")), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await Ok(await Act(med, id, "accept", new { on = Day(6), mediatorId = MediatorIds[app.Provider].B }));
        await Ok(await Act(med, id, "succeed", new { on = Day(5), agreementKind = "书面协议", content = "和好" }));
        var pay = await Ok(await section.GetAsync($"/api/v1/mediation/subsidy/payments?from={from}&to={to}"));
        var line = pay.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("committee").GetString() == "环翠楼街道人民调解委员会");
        (line.GetProperty("disputes").GetInt32(), line.GetProperty("amount").GetDecimal()).ShouldBe((1, 400m));
        (await section.GetAsync($"/api/v1/mediation/subsidy/payments/export?from={from}&to={to}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await section.GetAsync("/api/v1/mediation/disputes/export")).Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var screeningsXlsx = await section.GetAsync("/api/v1/mediation/screenings/export");
        screeningsXlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await screeningsXlsx.Content.ReadAsByteArrayAsync())[..2].ShouldBe("PK"u8.ToArray());
    }
}

public sealed class MediationTestsOnSqlite(SqliteFactory app) : MediationTests(app), IClassFixture<SqliteFactory>;

public sealed class MediationTestsOnPostgres(PostgresFactory app) : MediationTests(app), IClassFixture<PostgresFactory>;
