using System.Net;
using System.Text.Json;

namespace Fazhi.IntegrationTests.Infrastructure;

public static class ProblemAssertions
{
    /// <summary>Asserts an RFC 7807 answer with the status, a Chinese title, and (optionally) an error on a field.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.GetProperty("title").GetString()!.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}");
        body.ShouldNotContain("   at ");  // never a stack trace
        if (field is not null)
            problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue($"expected an error on '{field}': {body}");
        return problem;
    }
}
