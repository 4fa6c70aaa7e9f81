using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Microsoft.EntityFrameworkCore;
using static Fazhi.IntegrationTests.Modules.Enforcement.EnforcementApi;

namespace Fazhi.IntegrationTests.Modules.Enforcement;

/// <summary>Every rule raised by a record that breaks it and not by one that keeps it, through the real batch endpoint;
/// the warning's lifecycle; the corrected record that closes its warning; the daily sweep.</summary>
public abstract class WarningTests(FazhiFactory app) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await SeedAsync(app);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private static async Task ShouldRaiseAsync(HttpClient bureau, string rule, string sourceId, bool raised)
    {
        var found = await WarningsAsync(bureau, rule, sourceId);
        found.Count.ShouldBe(raised ? 1 : 0, $"{rule} on {sourceId}");
    }

    [Fact]
    public async Task Each_record_rule_fires_on_a_breach_and_stays_quiet_otherwise()
    {
        var scjg = await app.ApiAsAsync("huancui-scjg");
        var bureau = await app.ApiAsAsync("huancui");
        await app.WithDbAsync(async db =>
        {
            var dept = await db.OrgUnits.IgnoreQueryFilters().FirstAsync(o => o.Code == "371002-SCJG");
            db.InspectionPlans().Add(new InspectionPlan { OrgUnitId = dept.Id, Year = 2024, Month = 3, TargetCreditCode = Credit(300), TargetName = "计划内企业", Items = "T-INS", FiledOn = new(2024, 1, 5) });
            await db.SaveChangesAsync();
        });
        string S(string p) => Unique(p);
        var (licensed, unlicensed, expired, two, one, onTime, overdue, open, inRange, over, reviewed, major, published, late, planned, unplanned) =
            (S("LIC"), S("UNLIC"), S("EXP"), S("TWO"), S("ONE"), S("ONTIME"), S("OVERDUE"), S("OPEN"), S("INRANGE"), S("OVER"), S("REVIEWED"), S("MAJOR"), S("PUB"), S("LATE"), S("PLAN"), S("UNPLAN"));
        var result = await PostBatchAsync(scjg,
        [
            Record(licensed, enterprise: 300, opened: "2024-03-04"),
            Record(unlicensed, enterprise: 201, officers: ["C-A", "NOBODY"]),
            Record(expired, enterprise: 202, officers: ["C-A", "C-EXP"], opened: "2024-02-01"),
            Record(two, enterprise: 203),
            Record(one, enterprise: 204, officers: ["C-A"]),
            Record(onTime, kind: "处罚", item: "T-PEN", opened: "2024-01-01", decided: "2024-04-01", amount: 5000m, circumstance: "一般", published: "2024-04-02", legalReview: true),
            Record(overdue, kind: "处罚", item: "T-PEN", opened: "2024-01-01", decided: "2024-04-02", amount: 5000m, circumstance: "一般", published: "2024-04-02", legalReview: true),
            Record(open, kind: "处罚", item: "T-PEN", opened: "2024-01-01"),
            Record(inRange, kind: "处罚", item: "T-PEN", opened: "2024-03-01", decided: "2024-03-10", amount: 10_000m, circumstance: "一般", published: "2024-03-12", legalReview: true),
            Record(over, kind: "处罚", item: "T-PEN", opened: "2024-03-01", decided: "2024-03-10", amount: 10_000.01m, circumstance: "一般", published: "2024-03-12", legalReview: true),
            Record(reviewed, kind: "处罚", item: "T-PEN", opened: "2024-03-01", decided: "2024-03-10", major: true, legalReview: true, published: "2024-03-12"),
            Record(major, kind: "处罚", item: "T-PEN", opened: "2024-03-01", decided: "2024-03-10", major: true, published: "2024-03-12"),
            Record(published, kind: "处罚", item: "T-PEN", opened: "2024-09-01", decided: "2024-09-27", published: "2024-10-12", legalReview: true),
            Record(late, kind: "处罚", item: "T-PEN", opened: "2024-09-01", decided: "2024-09-27", published: "2024-10-14", legalReview: true),
            Record(planned, enterprise: 300, opened: "2024-03-25"),
            Record(unplanned, enterprise: 299, opened: "2024-05-06"),
        ]);
        result.GetProperty("accepted").GetInt32().ShouldBe(16, result.ToString());

        await ShouldRaiseAsync(bureau, "ZF01", licensed, false);
        await ShouldRaiseAsync(bureau, "ZF01", unlicensed, true);
        await ShouldRaiseAsync(bureau, "ZF01", expired, true);
        await ShouldRaiseAsync(bureau, "ZF02", two, false);
        await ShouldRaiseAsync(bureau, "ZF02", one, true);
        await ShouldRaiseAsync(bureau, "ZF03", onTime, false);
        await ShouldRaiseAsync(bureau, "ZF03", overdue, true);
        await ShouldRaiseAsync(bureau, "ZF03", open, true);
        await ShouldRaiseAsync(bureau, "ZF04", inRange, false);
        await ShouldRaiseAsync(bureau, "ZF04", over, true);
        await ShouldRaiseAsync(bureau, "ZF05", reviewed, false);
        await ShouldRaiseAsync(bureau, "ZF05", major, true);
        await ShouldRaiseAsync(bureau, "ZF06", published, false);
        await ShouldRaiseAsync(bureau, "ZF06", late, true);
        await ShouldRaiseAsync(bureau, "ZF08", planned, false);
        await ShouldRaiseAsync(bureau, "ZF08", unplanned, true);
        // The second visit to enterprise 300 in March by the same department, 21 days after the first: 重复检查.
        await ShouldRaiseAsync(bureau, "ZF07", licensed, false);
        await ShouldRaiseAsync(bureau, "ZF07", planned, true);

        var detail = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/records/{await RecordIdAsync(app, one)}");
        detail.GetProperty("warnings").EnumerateArray().ShouldContain(w => w.GetProperty("ruleCode").GetString() == "ZF02" && w.GetProperty("legalBasis").GetString()!.Contains("第四十二条"));
    }

    [Fact]
    public async Task A_repeat_inspection_lands_on_the_later_visit_whichever_arrives_first()
    {
        var scjg = await app.ApiAsAsync("huancui-scjg");
        var bureau = await app.ApiAsAsync("huancui");
        var (early, laterFromOther) = (Unique("EARLY"), Unique("LATER"));
        // 综合执法局 (entered by the bureau) reports its 03-10 visit first; 市场监管局's 03-01 visit arrives afterwards.
        await PostBatchAsync(bureau, [Record(laterFromOther, enterprise: 400, opened: "2024-03-10", officers: ["C-Z1", "C-Z2"])], "371002-ZHZF");
        await ShouldRaiseAsync(bureau, "ZF07", laterFromOther, false);
        await PostBatchAsync(scjg, [Record(early, enterprise: 400, opened: "2024-03-01")]);
        await ShouldRaiseAsync(bureau, "ZF07", early, false);
        var warning = (await WarningsAsync(bureau, "ZF07", laterFromOther)).Single();
        warning.GetProperty("message").GetString()!.ShouldStartWith("多头检查");
        warning.GetProperty("department").GetString().ShouldBe("环翠区综合行政执法局");
        // Re-sending either record does not raise a second warning.
        await PostBatchAsync(scjg, [Record(early, enterprise: 400, opened: "2024-03-01")]);
        (await WarningsAsync(bureau, "ZF07", laterFromOther)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Two_departments_sending_at_the_same_moment_still_see_each_others_visits()
    {
        // Batches of different departments overlap (no global lock); the enterprises they both inspect are what
        // serialises them, so a repeat inspection is found however the two batches interleave.
        var scjg = await app.ApiAsAsync("huancui-scjg");
        var bureau = await app.ApiAsAsync("huancui");
        for (var round = 0; round < 5; round++)
        {
            var shared = 600 + round;
            var (first, second) = (Unique("RACE-1"), Unique("RACE-2"));
            // Filler (other enterprises) makes each batch long enough for the two to overlap.
            IEnumerable<object> Filler(int offset) => Enumerable.Range(0, 150)
                .Select(i => (object)Record(Unique("FILL"), enterprise: 100_000 + round * 1_000 + offset + i, opened: "2024-06-02"));
            await Task.WhenAll(
                PostBatchAsync(scjg, [Record(first, enterprise: shared, opened: "2024-06-01"), .. Filler(0)]),
                PostBatchAsync(bureau, [.. Filler(500), Record(second, enterprise: shared, opened: "2024-06-11", officers: ["C-Z1", "C-Z2"])], "371002-ZHZF"));
            await ShouldRaiseAsync(bureau, "ZF07", first, false);
            await ShouldRaiseAsync(bureau, "ZF07", second, true);
        }
    }

    [Fact]
    public async Task A_warning_goes_from_issued_to_closed_and_each_step_is_audited()
    {
        var scjg = await app.ApiAsAsync("huancui-scjg");
        var bureau = await app.ApiAsAsync("huancui");
        var id = Unique("LIFE");
        await PostBatchAsync(scjg, [Record(id, enterprise: 500, officers: ["C-A"])]);
        var warning = (await WarningsAsync(bureau, "ZF02", id)).Single();
        var wid = warning.GetProperty("id").GetInt64();
        warning.GetProperty("status").GetString().ShouldBe("Issued");
        DateOnly.Parse(warning.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThan(DateOnly.Parse(warning.GetProperty("raisedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        // Steps out of order are refused; empty text is refused; the department cannot close its own warning.
        await (await scjg.PostAsJsonAsync($"/api/v1/enforcement/warnings/{wid}/rectify", new { text = "已整改" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await scjg.PostAsJsonAsync($"/api/v1/enforcement/warnings/{wid}/feedback", new { text = " " })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "text");
        var fed = await (await scjg.PostAsJsonAsync($"/api/v1/enforcement/warnings/{wid}/feedback", new { text = "该次检查另一名执法人员漏录" })).Content.ReadFromJsonAsync<JsonElement>();
        fed.GetProperty("status").GetString().ShouldBe("Rectifying");
        (await scjg.PostAsJsonAsync($"/api/v1/enforcement/warnings/{wid}/rectify", new { text = "已补录执法人员并组织学习" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await scjg.PostAsJsonAsync($"/api/v1/enforcement/warnings/{wid}/close", new { text = "同意销号" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var returned = await (await bureau.PostAsJsonAsync($"/api/v1/enforcement/warnings/{wid}/return", new { text = "请附检查记录" })).Content.ReadFromJsonAsync<JsonElement>();
        returned.GetProperty("status").GetString().ShouldBe("Rectifying");
        (await scjg.PostAsJsonAsync($"/api/v1/enforcement/warnings/{wid}/rectify", new { text = "已附检查记录" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var closed = await (await bureau.PostAsJsonAsync($"/api/v1/enforcement/warnings/{wid}/close", new { text = "同意销号" })).Content.ReadFromJsonAsync<JsonElement>();
        closed.GetProperty("status").GetString().ShouldBe("Closed");
        closed.GetProperty("closedBy").GetString().ShouldBe("huancui");

        // Another district cannot see it.
        (await (await app.ApiAsAsync("rongcheng")).GetAsync($"/api/v1/enforcement/warnings/{wid}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var steps = new List<string>();
        await app.WithDbAsync(async db => steps = await db.AuditEntries.Where(a => a.EntityType == "EnforcementWarning" && a.EntityId == wid.ToString())
            .OrderBy(a => a.Seq).Select(a => a.UserName).ToListAsync());
        steps.ShouldBe(["huancui-scjg", "huancui-scjg", "huancui", "huancui-scjg", "huancui"]);
    }

    [Fact]
    public async Task A_certificate_suspended_on_the_day_and_restored_since_makes_the_act_unlicensed()
    {
        var scjg = await app.ApiAsAsync("huancui-scjg");
        var bureau = await app.ApiAsAsync("huancui");
        var cert = Unique("C-SUS");
        long officerId = 0;
        await app.WithDbAsync(async db =>
        {
            var dept = await db.OrgUnits.IgnoreQueryFilters().FirstAsync(o => o.Code == "371002-SCJG");
            var officer = new Officer { OrgUnitId = dept.Id, Name = "周暂扣", CertificateNumber = cert, IssuedOn = new(2020, 1, 1), ExpiresOn = new(2030, 12, 31) };
            db.Officers().Add(officer);
            await db.SaveChangesAsync();
            officerId = officer.Id;
        });
        (await bureau.PostAsJsonAsync($"/api/v1/enforcement/officers/{officerId}/status", new { status = "暂扣", on = "2024-03-05", reason = "涉嫌违法执法，调查期间暂扣" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bureau.PostAsJsonAsync($"/api/v1/enforcement/officers/{officerId}/status", new { status = "有效", on = "2024-03-20" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (during, after, before) = (Unique("SUS-DURING"), Unique("SUS-AFTER"), Unique("SUS-BEFORE"));
        await PostBatchAsync(scjg,
        [
            Record(during, enterprise: 501, officers: ["C-A", cert], opened: "2024-03-10"),
            Record(after, enterprise: 502, officers: ["C-A", cert], opened: "2024-03-20"),
            Record(before, enterprise: 503, officers: ["C-A", cert], opened: "2024-03-04"),
        ]);
        await ShouldRaiseAsync(bureau, "ZF01", during, true);
        await ShouldRaiseAsync(bureau, "ZF01", after, false);
        await ShouldRaiseAsync(bureau, "ZF01", before, false);
        (await WarningsAsync(bureau, "ZF01", during)).Single().GetProperty("message").GetString()!.ShouldContain("处于暂扣期间（2024-03-05至2024-03-19）");
    }

    [Fact]
    public async Task A_fine_below_the_benchmark_is_not_beyond_it()
    {
        var scjg = await app.ApiAsAsync("huancui-scjg");
        var bureau = await app.ApiAsAsync("huancui");
        var (below, above) = (Unique("BELOW"), Unique("ABOVE"));
        await PostBatchAsync(scjg,
        [
            Record(below, kind: "处罚", item: "T-PEN", opened: "2024-03-01", decided: "2024-03-10", amount: 1000m, circumstance: "一般", published: "2024-03-12", legalReview: true),
            Record(above, kind: "处罚", item: "T-PEN", opened: "2024-03-01", decided: "2024-03-10", amount: 20_000m, circumstance: "一般", published: "2024-03-12", legalReview: true),
        ]);
        await ShouldRaiseAsync(bureau, "ZF04", below, false);
        await ShouldRaiseAsync(bureau, "ZF04", above, true);
    }

    [Fact]
    public async Task A_corrected_record_closes_the_warning_nobody_has_answered()
    {
        var scjg = await app.ApiAsAsync("huancui-scjg");
        var bureau = await app.ApiAsAsync("huancui");
        var id = Unique("FIX");
        await PostBatchAsync(scjg, [Record(id, kind: "处罚", item: "T-PEN", opened: "2024-06-03", decided: "2024-06-20", legalReview: true)]);
        (await WarningsAsync(bureau, "ZF06", id, "open")).Count.ShouldBe(1);
        var result = await PostBatchAsync(scjg, [Record(id, kind: "处罚", item: "T-PEN", opened: "2024-06-03", decided: "2024-06-20", legalReview: true, published: "2024-06-21")]);
        result.GetProperty("warningsClosed").GetInt32().ShouldBe(1);
        var closed = (await WarningsAsync(bureau, "ZF06", id)).Single();
        closed.GetProperty("status").GetString().ShouldBe("Closed");
        closed.GetProperty("autoClosed").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Correcting_the_earlier_visit_closes_the_repeat_warning_on_another_departments_later_one()
    {
        var scjg = await app.ApiAsAsync("huancui-scjg");
        var bureau = await app.ApiAsAsync("huancui");
        var (earlier, later, third) = (Unique("EARLIER"), Unique("LATER"), Unique("THIRD"));
        await PostBatchAsync(scjg, [Record(earlier, enterprise: 700, opened: "2024-07-01")]);
        await PostBatchAsync(bureau, [Record(later, enterprise: 700, opened: "2024-07-10", officers: ["C-Z1", "C-Z2"])], "371002-ZHZF");
        (await WarningsAsync(bureau, "ZF07", later, "open")).Count.ShouldBe(1);

        // 市场监管局 corrects its visit's date: 05-01 is more than 30 days before 综合执法局's visit.
        var result = await PostBatchAsync(scjg, [Record(earlier, enterprise: 700, opened: "2024-05-01")]);
        result.GetProperty("warningsClosed").GetInt32().ShouldBe(1);
        var closed = (await WarningsAsync(bureau, "ZF07", later)).Single();
        closed.GetProperty("status").GetString().ShouldBe("Closed");
        closed.GetProperty("autoClosed").GetBoolean().ShouldBeTrue();

        // A visit 19 days after the corrected one is a repeat; the visit moved to another enterprise, it is not.
        await PostBatchAsync(bureau, [Record(third, enterprise: 700, opened: "2024-05-20", officers: ["C-Z1", "C-Z2"])], "371002-ZHZF");
        (await WarningsAsync(bureau, "ZF07", third, "open")).Count.ShouldBe(1);
        await PostBatchAsync(scjg, [Record(earlier, enterprise: 702, opened: "2024-05-01")]);
        (await WarningsAsync(bureau, "ZF07", third, "open")).Count.ShouldBe(0);
    }

    [Fact]
    public async Task The_daily_sweep_raises_what_time_alone_has_made_due()
    {
        var scjg = await app.ApiAsAsync("huancui-scjg");
        var bureau = await app.ApiAsAsync("huancui");
        var id = Unique("SWEEP");
        await PostBatchAsync(scjg, [Record(id, kind: "处罚", item: "T-PEN", opened: "2024-01-02")]);
        // Drop the warning the batch raised, as if the record had arrived before its 90 days ran out.
        await app.WithDbAsync(async db =>
        {
            var recordId = await db.EnforcementRecords().IgnoreQueryFilters().Where(r => r.SourceId == id).Select(r => r.Id).SingleAsync();
            await db.EnforcementWarnings().IgnoreQueryFilters().Where(w => w.RecordId == recordId).ExecuteDeleteAsync();
        });
        (await WarningsAsync(bureau, "ZF03", id)).Count.ShouldBe(0);
        var admin = await app.ApiAsAsync("admin");
        var sweep = await (await admin.PostAsync("/api/v1/enforcement/warnings:sweep", null)).Content.ReadFromJsonAsync<JsonElement>();
        sweep.GetProperty("raised").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        (await WarningsAsync(bureau, "ZF03", id)).Count.ShouldBe(1);
        // C-EXP expired in 2023 and is still recorded as valid: the sweep flags it (ZF10) for its department.
        var expired = await bureau.GetFromJsonAsync<JsonElement>("/api/v1/enforcement/warnings?rule=ZF10&q=C-EXP");
        expired.GetProperty("total").GetInt32().ShouldBe(1);
        // A second sweep raises nothing new.
        var again = await (await admin.PostAsync("/api/v1/enforcement/warnings:sweep", null)).Content.ReadFromJsonAsync<JsonElement>();
        again.GetProperty("raised").GetInt32().ShouldBe(0);
        (await scjg.PostAsync("/api/v1/enforcement/warnings:sweep", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class WarningTestsOnSqlite(SqliteFactory app) : WarningTests(app), IClassFixture<SqliteFactory>;

public sealed class WarningTestsOnPostgres(PostgresFactory app) : WarningTests(app), IClassFixture<PostgresFactory>;
