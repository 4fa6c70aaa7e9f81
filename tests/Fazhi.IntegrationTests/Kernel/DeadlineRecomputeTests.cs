using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Modules.Enforcement.Domain;
using Microsoft.EntityFrameworkCore;
using static Fazhi.IntegrationTests.Modules.ReconApi;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>Entering a year's holiday notice recomputes every module's deadlines: the 复议 and 应诉 timer rows and the
/// enforcement warnings' deadline columns (set-based), in the same request.</summary>
public abstract class DeadlineRecomputeTests(FazhiFactory app)
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>2024 as published, but with 中秋节 moved from 09-15…09-17 (make-up Saturday 09-14) to the given days.</summary>
    private static object Notice2024WithMidAutumnMoved(string from = "2024-09-23", string to = "2024-09-25") => new
    {
        notice = "国务院办公厅关于2024年部分节假日安排的通知", documentNumber = "国办发明电〔2023〕7号（测试更正）", published = "2023-10-25",
        holidays = new[]
        {
            new { name = "元旦", from = "2024-01-01", to = "2024-01-01" }, new { name = "春节", from = "2024-02-10", to = "2024-02-17" },
            new { name = "清明节", from = "2024-04-04", to = "2024-04-06" }, new { name = "劳动节", from = "2024-05-01", to = "2024-05-05" },
            new { name = "端午节", from = "2024-06-10", to = "2024-06-10" }, new { name = "中秋节", from, to },
            new { name = "国庆节", from = "2024-10-01", to = "2024-10-07" },
        },
        workdays = new[]
        {
            new { date = "2024-02-04", name = "春节" }, new { date = "2024-02-18", name = "春节" }, new { date = "2024-04-07", name = "清明节" },
            new { date = "2024-04-28", name = "劳动节" }, new { date = "2024-05-11", name = "劳动节" }, new { date = "2024-09-29", name = "国庆节" },
            new { date = "2024-10-12", name = "国庆节" },
        },
    };

    private async Task<long> AddWarningAsync(string key, WarningStatus status, DateOnly raised, DateOnly? stepStarted, DateOnly due, DateOnly? feedbackOn = null)
    {
        long id = 0;
        await app.WithDbAsync(async db =>
        {
            var dept = await db.OrgUnits.IgnoreQueryFilters().Where(o => o.Code == "371002-SCJG").Select(o => o.Id).SingleAsync();
            var w = new EnforcementWarning
            {
                OrgUnitId = dept, RuleCode = "ZF01", Subject = key, Message = "测试预警", DedupKey = "ZF01:" + key, RaisedOn = raised,
                StepStartedOn = stepStarted, DueOn = due, Status = status, FeedbackOn = feedbackOn,
                Feedback = feedbackOn is null ? null : "已反馈", ClosedOn = status == WarningStatus.Closed ? raised.AddDays(1) : null,
            };
            db.Set<EnforcementWarning>().Add(w);
            await db.SaveChangesAsync();
            id = w.Id;
        });
        return id;
    }

    private async Task<WorkTimer> TimerAsync(string module, long owner, string kind)
    {
        WorkTimer? timer = null;
        await app.WithDbAsync(async db => timer = await db.WorkTimers.IgnoreQueryFilters().AsNoTracking().SingleAsync(t => t.Module == module && t.OwnerId == owner && t.Kind == kind));
        return timer!;
    }

    [Fact]
    public async Task A_corrected_notice_moves_case_timers_suit_timers_and_warning_deadlines()
    {
        var staff = await app.ApiAsAsync("huancui");
        // 复议: received Tuesday 2024-09-10; 5 working days are 09-11, 09-12, 09-13, the make-up Saturday 09-14, and
        // 09-18 after 中秋. With 中秋 moved: 09-11, 12, 13, 16, 17.
        var c = await CreateAsync(staff, Intake(applicant: "日历变更", received: "2024-09-10T09:00:00"));
        (await TimerAsync("recon", c.Id(), "review")).DueOn.ShouldBe(D("2024-09-18"));
        // 应诉: served Sunday 2024-09-08; 15 days end Monday 09-23, a working day until 中秋 moves onto it (then 09-26).
        var suit = await staff.PostAsJsonAsync("/api/v1/litigation/cases", new
        {
            court = "威海市环翠区人民法院", courtCaseNumber = "（2024）鲁1002行初900号", instance = "一审", plaintiff = "某某公司",
            defendantCode = "371002-SCJG", cause = "不服行政处罚", filedOn = "2024-09-05", complaintServedOn = "2024-09-08",
        });
        suit.StatusCode.ShouldBe(HttpStatusCode.Created, await suit.Content.ReadAsStringAsync());
        var suitId = (await suit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        (await TimerAsync("litigation", suitId, "answer")).DueOn.ShouldBe(D("2024-09-23"));
        // 预警: issued Friday 09-20, 5 working days to answer: 09-23 … 09-27. With 中秋 moved: 09-26, 27, the make-up
        // Sunday 09-29, 09-30 and, after 国庆, 10-08. One row from before StepStartedOn existed moves the same way; a
        // closed one stays.
        var issued = await AddWarningAsync("W-ISSUED", WarningStatus.Issued, D("2024-09-20"), D("2024-09-20"), D("2024-09-27"));
        var legacy = await AddWarningAsync("W-LEGACY", WarningStatus.Issued, D("2024-09-20"), null, D("2024-09-27"));
        var closed = await AddWarningAsync("W-CLOSED", WarningStatus.Closed, D("2024-09-20"), D("2024-09-20"), D("2024-09-27"));
        var untouched = await AddWarningAsync("W-EARLY", WarningStatus.Issued, D("2024-08-01"), D("2024-08-01"), D("2024-08-08"));

        var admin = await app.ApiAsAsync("admin");
        var put = await admin.PutAsJsonAsync("/api/v1/calendar/years/2024", Notice2024WithMidAutumnMoved());
        put.StatusCode.ShouldBe(HttpStatusCode.NoContent, await put.Content.ReadAsStringAsync());

        (await TimerAsync("recon", c.Id(), "review")).DueOn.ShouldBe(D("2024-09-17"));
        var dto = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases/{c.Id()}");
        dto.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "review")
            .GetProperty("due").GetString().ShouldBe("2024-09-17");
        (await TimerAsync("litigation", suitId, "answer")).DueOn.ShouldBe(D("2024-09-26"));
        (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/litigation/cases/{suitId}")).GetProperty("answerDue").GetString().ShouldBe("2024-09-26");
        foreach (var (id, due) in new[] { (issued, "2024-10-08"), (legacy, "2024-10-08"), (closed, "2024-09-27"), (untouched, "2024-08-08") })
            (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/warnings/{id}")).GetProperty("dueOn").GetString().ShouldBe(due, $"warning {id}");
        await app.WithDbAsync(async db =>
            (await db.Set<EnforcementWarning>().IgnoreQueryFilters().SingleAsync(w => w.Id == legacy)).StepStartedOn.ShouldBe(D("2024-09-20")));
    }

    private sealed class FailingListener : Fazhi.Web.Kernel.Calendar.ICalendarChangeListener
    {
        public Task OnCalendarChangedAsync(IReadOnlyList<int> changedYears, CancellationToken ct) =>
            throw new InvalidOperationException("测试：重算失败");
    }

    [Fact]
    public async Task A_recompute_that_fails_leaves_the_year_and_every_deadline_as_they_were()
    {
        var staff = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(staff, Intake(applicant: "日历未变", received: "2024-09-19T09:00:00"));
        var before = (await TimerAsync("recon", c.Id(), "review")).DueOn; // (whether the other test moved 中秋 already or not)
        await using var host = app.WithWebHostBuilder(b => b.ConfigureServices(s =>
            Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddScoped<Fazhi.Web.Kernel.Calendar.ICalendarChangeListener, FailingListener>(s)));
        var client = await SignInAsync(host, "admin", FazhiFactory.AdminPassword);

        // 中秋 on Thursday 09-26 and Friday 09-27 would move the review's end (received 09-19) by two working days.
        var put = await client.PutAsJsonAsync("/api/v1/calendar/years/2024", Notice2024WithMidAutumnMoved("2024-09-26", "2024-09-27"));
        put.IsSuccessStatusCode.ShouldBeFalse();

        // The 复议 listener ran before the failing one; its timer change went back with the year.
        (await TimerAsync("recon", c.Id(), "review")).DueOn.ShouldBe(before);
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/is-working-day?date=2024-09-26")).GetProperty("workingDay").GetBoolean().ShouldBeTrue();
        await app.WithDbAsync(async db => (await db.CalendarYears.SingleAsync(y => y.Year == 2024)).DaysJson.ShouldNotContain("2024-09-26"));
    }

    private static async Task<HttpClient> SignInAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host, string user, string password)
    {
        var client = host.CreateClient();
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = user, password }))
            .Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    [Fact]
    public async Task Case_page_case_list_and_warnings_state_deadlines_by_the_one_configurable_rule()
    {
        // A case received now has its review end 5 working days ahead: 正常 with the default 3, 即将到期 with 30.
        var now = Fazhi.Web.Kernel.ChinaTime.Now(TimeProvider.System).AddMinutes(-5);
        var staff = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(staff, Intake(applicant: "期限状态", received: now.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)));
        await using var wide = app.WithWebHostBuilder(b => b.UseSetting("Deadlines:DueSoonWorkingDays", "30"));
        var wideStaff = await SignInAsync(wide, "huancui", FazhiFactory.DemoPassword);
        foreach (var (client, expected, queued) in new[] { (staff, "正常", 0), (wideStaff, "即将到期", 1) })
        {
            var dto = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases/{c.Id()}");
            dto.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "review")
                .GetProperty("stateName").GetString().ShouldBe(expected);
            var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/cases?q=期限状态");
            all.GetProperty("items")[0].GetProperty("nextDeadlineState").GetString().ShouldBe(expected);
            var due = await client.GetFromJsonAsync<JsonElement>("/api/v1/reconsideration/cases?queue=due&q=期限状态");
            due.GetProperty("total").GetInt32().ShouldBe(queued);
        }

        // Warnings: past their day 已逾期, on it 即将到期, two months ahead 正常; a closed one has no state.
        var today = DateOnly.FromDateTime(Fazhi.Web.Kernel.ChinaTime.Now(TimeProvider.System)); // not now-5 min: just after China's midnight that is yesterday
        var late = await AddWarningAsync("S-LATE", WarningStatus.Issued, today.AddDays(-9), today.AddDays(-9), today.AddDays(-1));
        var dueToday = await AddWarningAsync("S-TODAY", WarningStatus.Issued, today.AddDays(-7), today.AddDays(-7), today);
        var later = await AddWarningAsync("S-LATER", WarningStatus.Issued, today, today, today.AddDays(60));
        var done = await AddWarningAsync("S-DONE", WarningStatus.Closed, today.AddDays(-9), today.AddDays(-9), today.AddDays(-1));
        var admin = await app.ApiAsAsync("admin");
        foreach (var (id, state, overdue) in new[] { (late, "已逾期", true), (dueToday, "即将到期", false), (later, "正常", false), (done, (string?)null, false) })
        {
            var w = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/warnings/{id}");
            (w.GetProperty("dueState").ValueKind == JsonValueKind.Null ? null : w.GetProperty("dueState").GetString()).ShouldBe(state, $"warning {id}");
            w.GetProperty("overdue").GetBoolean().ShouldBe(overdue);
        }
    }
}

public sealed class DeadlineRecomputeTestsOnSqlite(SqliteFactory app) : DeadlineRecomputeTests(app), IClassFixture<SqliteFactory>;

public sealed class DeadlineRecomputeTestsOnPostgres(PostgresFactory app) : DeadlineRecomputeTests(app), IClassFixture<PostgresFactory>;
