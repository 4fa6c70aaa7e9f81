using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;

namespace Fazhi.IntegrationTests.Kernel;

public abstract class CalendarApiTests(FazhiFactory app)
{
    [Fact]
    public async Task Adds_working_days_across_national_day_with_the_make_up_sunday()
    {
        var client = await app.ApiAsAsync("huancui");
        var answer = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/add-working-days?from=2024-09-27&days=5");
        answer.GetProperty("from").GetString().ShouldBe("2024-09-27");
        answer.GetProperty("days").GetInt32().ShouldBe(5);
        answer.GetProperty("date").GetString().ShouldBe("2024-10-10");
    }

    [Theory]
    [InlineData("2024-02-18", true, "春节")]
    [InlineData("2024-10-01", false, "国庆节")]
    [InlineData("2024-10-14", true, null)]
    public async Task Answers_whether_a_day_is_a_working_day(string date, bool working, string? name)
    {
        var client = await app.ApiAsAsync("huancui");
        var answer = await client.GetFromJsonAsync<JsonElement>($"/api/v1/calendar/is-working-day?date={date}");
        answer.GetProperty("date").GetString().ShouldBe(date);
        answer.GetProperty("workingDay").GetBoolean().ShouldBe(working);
        if (name is null)
            answer.GetProperty("name").ValueKind.ShouldBe(JsonValueKind.Null);
        else
            answer.GetProperty("name").GetString().ShouldBe(name);
    }

    [Theory]
    [InlineData("/api/v1/calendar/is-working-day?date=2019-06-01", "date", "2020、2021")]
    [InlineData("/api/v1/calendar/is-working-day?date=2024/3/5", "date", "YYYY-MM-DD")]
    [InlineData("/api/v1/calendar/add-working-days?from=2024-01-01&days=-1", "days", null)]
    [InlineData("/api/v1/calendar/add-working-days?from=2024-01-01&days=abc", "days", null)]
    [InlineData("/api/v1/calendar/add-working-days?days=3", "from", null)]
    public async Task Bad_dates_are_a_clear_400(string url, string field, string? detailContains)
    {
        var client = await app.ApiAsAsync("huancui");
        var problem = await (await client.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        if (detailContains is not null)
            problem.GetProperty("detail").GetString()!.ShouldContain(detailContains);
    }

    [Fact]
    public async Task An_admin_enters_a_new_years_notice_and_the_calendar_uses_it_at_once()
    {
        var admin = await app.ApiAsAsync("admin");
        var put = await admin.PutAsJsonAsync("/api/v1/calendar/years/2027", new
        {
            notice = "国务院办公厅关于2027年部分节假日安排的通知",
            documentNumber = "（测试）",
            holidays = new[] { new { name = "元旦", from = "2027-01-01", to = "2027-01-03" } },
            workdays = new[] { new { date = "2027-01-09", name = "元旦" } },
        });
        put.StatusCode.ShouldBe(HttpStatusCode.NoContent, await put.Content.ReadAsStringAsync());
        var saturday = await admin.GetFromJsonAsync<JsonElement>("/api/v1/calendar/is-working-day?date=2027-01-09");
        saturday.GetProperty("workingDay").GetBoolean().ShouldBeTrue();
        var added = await admin.GetFromJsonAsync<JsonElement>("/api/v1/calendar/add-working-days?from=2026-12-31&days=1");
        added.GetProperty("date").GetString().ShouldBe("2027-01-04");
    }

    [Fact]
    public async Task A_wrong_notice_is_refused_naming_the_line()
    {
        var admin = await app.ApiAsAsync("admin");
        var put = await admin.PutAsJsonAsync("/api/v1/calendar/years/2028", new
        {
            notice = "国务院办公厅关于2028年部分节假日安排的通知",
            holidays = new[] { new { name = "元旦", from = "2028-01-01", to = "2028-01-01" } },
            workdays = new[] { new { date = "2028-01-05", name = "元旦" } }, // a Wednesday
        });
        var problem = await put.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "workdays");
        problem.GetProperty("detail").GetString()!.ShouldContain("第1行");
        await (await admin.GetAsync("/api/v1/calendar/is-working-day?date=2028-01-05")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "date");
    }
}

public sealed class CalendarApiTestsOnSqlite(SqliteFactory app) : CalendarApiTests(app), IClassFixture<SqliteFactory>;

public sealed class CalendarApiTestsOnPostgres(PostgresFactory app) : CalendarApiTests(app), IClassFixture<PostgresFactory>;
