using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fazhi.IntegrationTests.Modules;

/// <summary>Small helpers that drive the 行政复议 API as a bureau's client would.</summary>
internal static class ReconApi
{
    public static object Intake(string applicant = "张三", string received = "2024-03-01T09:00:00", string respondent = "371002-SCJG",
        string? id = "11010519491231002X", string channel = "窗口")
    {
        var day = DateOnly.Parse(received[..10], System.Globalization.CultureInfo.InvariantCulture);
        return new
        {
            applicantName = applicant, applicantKind = "自然人", applicantIdNumber = id, applicantPhone = "13912345678",
            respondentCode = respondent, matter = "不服行政处罚决定", actDate = day.AddDays(-30), learnedOn = day.AddDays(-29), channel, receivedAt = received,
            acknowledgeDuplicate = true, // tests register many alike cases; the duplicate warning has its own test
        };
    }

    public static async Task<JsonElement> CreateAsync(HttpClient client, object intake)
    {
        var response = await client.PostAsJsonAsync("/api/v1/reconsideration/cases", intake);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task<JsonElement> ActAsync(HttpClient client, long id, string action, object? body = null)
    {
        if (action == "decide")
            body = DecisionDefaults(body);
        var response = await client.PostAsJsonAsync($"/api/v1/reconsideration/cases/{id}/actions/{action}", body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{action}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static long Id(this JsonElement c) => c.GetProperty("id").GetInt64();

    /// <summary>A decision as tests that are not about 第四十八条、第四十九条、第六十一条 make it: agreed by the 负责人, the steps
    /// not taken in the test recorded as 书面审理 (fields the body gives win).</summary>
    public static Dictionary<string, object?> DecisionDefaults(object? body)
    {
        var d = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(body ?? new { }))!;
        d.TryAdd("decisionMode", "负责人同意");
        d.TryAdd("decidedBy", "区政府分管副区长");
        d.TryAdd("overrideReason", "测试：书面审理");
        return d;
    }
}
