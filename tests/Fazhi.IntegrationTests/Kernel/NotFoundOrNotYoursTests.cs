using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Kernel;
using static Fazhi.IntegrationTests.Modules.ReconApi;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>
/// Another unit's record answers exactly like one that does not exist, and a number that must be unique on the whole
/// platform (执法证号, 法院案号) is refused in one wording whether the caller's own unit or another holds it: the two answers
/// are compared byte for byte, but for the requestId and the value the caller sent (which the message repeats).
/// </summary>
public abstract class NotFoundOrNotYoursTests(FazhiFactory app)
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Status, content type and body as sent, but for the ids of the request (requestId, traceId) and the
    /// values the caller sent, which the messages repeat: those are replaced in string values only, members kept in order.</summary>
    private static async Task<string> AnswerAsync(HttpResponseMessage response, params string[] sent)
    {
        var body = await response.Content.ReadAsStringAsync();
        var node = JsonNode.Parse(body)!.AsObject();
        foreach (var id in new[] { "requestId", "traceId" })
            if (node.ContainsKey(id))
                node[id] = "";
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}\n{Blank(node, sent)!.ToJsonString(Relaxed)}";
    }

    private static JsonNode? Blank(JsonNode? node, string[] sent)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).Where(k => k != "type").ToList()) // the type is a link with digits of its own
                    o[key] = Blank(o[key]?.DeepClone(), sent);
                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    a[i] = Blank(a[i]?.DeepClone(), sent);
                return a;
            case JsonValue v when v.TryGetValue<string>(out var text):
                return sent.Aggregate(text, (t, value) => t.Replace(value, "{sent}", StringComparison.Ordinal));
            default:
                return node;
        }
    }

    private static string JsonEscaped(string value) => JsonSerializer.Serialize(value)[1..^1];

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Today => DateOnly.FromDateTime(ChinaTime.Now(TimeProvider.System));

    private static object Officer(string certificate, string department) => new
    {
        name = "范围测试", certificateNumber = certificate, department, field = "市场监管",
        issuedOn = Iso(Today.AddYears(-1)), expiresOn = Iso(Today.AddYears(3)),
    };

    private static object Suit(string number, string defendant, string? recon = null) => new
    {
        court = "威海市中级人民法院", courtCaseNumber = number, instance = "一审", plaintiff = "某某公司", defendantCode = defendant,
        cause = "不服行政处罚", reconCaseNumber = recon, filedOn = "2024-04-01", complaintServedOn = "2024-04-03",
    };

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    [Fact]
    public async Task A_case_of_another_unit_answers_like_one_that_does_not_exist()
    {
        var rongcheng = await app.ApiAsAsync("rongcheng");
        var theirs = await CreateAsync(rongcheng, Intake("范围测试申请人", respondent: "371082-SCJG"));
        var id = theirs.Id();
        var number = theirs.GetProperty("caseNumber").GetString()!;
        var missing = id + 10_000_000;
        var huancui = await app.ApiAsAsync("huancui");

        var notYours = await AnswerAsync(await huancui.GetAsync($"/api/v1/reconsideration/cases/{id}"), id.ToString(CultureInfo.InvariantCulture));
        var notFound = await AnswerAsync(await huancui.GetAsync($"/api/v1/reconsideration/cases/{missing}"), missing.ToString(CultureInfo.InvariantCulture));
        notYours.ShouldStartWith("404 application/problem+json");
        notYours.ShouldBe(notFound);

        var actNotYours = await AnswerAsync(await huancui.PostAsJsonAsync($"/api/v1/reconsideration/cases/{id}/actions/accept", new { on = "2024-03-05" }),
            id.ToString(CultureInfo.InvariantCulture));
        var actNotFound = await AnswerAsync(await huancui.PostAsJsonAsync($"/api/v1/reconsideration/cases/{missing}/actions/accept", new { on = "2024-03-05" }),
            missing.ToString(CultureInfo.InvariantCulture));
        actNotYours.ShouldStartWith("404 ");
        actNotYours.ShouldBe(actNotFound);

        // A 案号 named by number (a suit's 复议案件): another unit's answers like a number never given.
        var fake = number.Replace("复", "复假", StringComparison.Ordinal);
        var byNumber = await AnswerAsync(await huancui.PostAsJsonAsync("/api/v1/litigation/cases", Suit(Unique("（2024）鲁10行初"), "371002-SCJG", number)), number);
        var byFake = await AnswerAsync(await huancui.PostAsJsonAsync("/api/v1/litigation/cases", Suit(Unique("（2024）鲁10行初"), "371002-SCJG", fake)), fake);
        byNumber.ShouldStartWith("400 ");
        byNumber.ShouldContain("reconCaseNumber");
        byNumber.ShouldBe(byFake);
        var found = await huancui.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases?q={Uri.EscapeDataString(number)}");
        found.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task An_officer_of_another_unit_answers_like_one_that_does_not_exist()
    {
        var rongcheng = await app.ApiAsAsync("rongcheng");
        var created = await rongcheng.PostAsJsonAsync("/api/v1/enforcement/officers", Officer(Unique("37RC"), "371082-SCJG"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("officer").GetProperty("id").GetInt64();
        var missing = id + 10_000_000;
        var huancui = await app.ApiAsAsync("huancui");
        var notYours = await AnswerAsync(await huancui.GetAsync($"/api/v1/enforcement/officers/{id}"), id.ToString(CultureInfo.InvariantCulture));
        var notFound = await AnswerAsync(await huancui.GetAsync($"/api/v1/enforcement/officers/{missing}"), missing.ToString(CultureInfo.InvariantCulture));
        notYours.ShouldStartWith("404 application/problem+json");
        notYours.ShouldBe(notFound);
    }

    [Fact]
    public async Task A_certificate_number_held_by_another_unit_is_refused_as_one_held_by_the_callers_own()
    {
        var rongcheng = await app.ApiAsAsync("rongcheng");
        var huancui = await app.ApiAsAsync("huancui");
        var theirs = Unique("37RC");
        var ours = Unique("37HC");
        (await rongcheng.PostAsJsonAsync("/api/v1/enforcement/officers", Officer(theirs, "371082-SCJG"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await huancui.PostAsJsonAsync("/api/v1/enforcement/officers", Officer(ours, "371002-SCJG"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var elsewhere = await AnswerAsync(await huancui.PostAsJsonAsync("/api/v1/enforcement/officers", Officer(theirs, "371002-SCJG")), theirs);
        var here = await AnswerAsync(await huancui.PostAsJsonAsync("/api/v1/enforcement/officers", Officer(ours, "371002-SCJG")), ours);
        elsewhere.ShouldStartWith("400 application/problem+json");
        elsewhere.ShouldContain("certificateNumber");
        elsewhere.ShouldBe(here);
        elsewhere.ShouldNotContain("荣成");
        elsewhere.ShouldNotContain(JsonEscaped("荣成"));
    }

    [Fact]
    public async Task A_court_case_number_held_by_another_unit_is_refused_as_one_held_by_the_callers_own()
    {
        var rongcheng = await app.ApiAsAsync("rongcheng");
        var huancui = await app.ApiAsAsync("huancui");
        var theirs = Unique("（2024）鲁10行初荣");
        var ours = Unique("（2024）鲁10行初环");
        (await rongcheng.PostAsJsonAsync("/api/v1/litigation/cases", Suit(theirs, "371082-SCJG"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await huancui.PostAsJsonAsync("/api/v1/litigation/cases", Suit(ours, "371002-SCJG"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        // Before, another unit's number passed the scoped check and hit the unique index: a 409 told it apart.
        var elsewhere = await AnswerAsync(await huancui.PostAsJsonAsync("/api/v1/litigation/cases", Suit(theirs, "371002-SCJG")), theirs);
        var here = await AnswerAsync(await huancui.PostAsJsonAsync("/api/v1/litigation/cases", Suit(ours, "371002-SCJG")), ours);
        elsewhere.ShouldStartWith("400 application/problem+json");
        elsewhere.ShouldContain("courtCaseNumber");
        elsewhere.ShouldBe(here);
    }
}

public sealed class NotFoundOrNotYoursTestsOnSqlite(SqliteFactory app) : NotFoundOrNotYoursTests(app), IClassFixture<SqliteFactory>;

public sealed class NotFoundOrNotYoursTestsOnPostgres(PostgresFactory app) : NotFoundOrNotYoursTests(app), IClassFixture<PostgresFactory>;
