using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Fazhi.IntegrationTests.Infrastructure;

public static partial class CookieLogin
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static string AntiforgeryToken(string html) => TokenPattern().Match(html).Groups[1].Value;

    /// <summary>Signs in through the Chinese login page, as a browser would; the client keeps the cookie.</summary>
    public static async Task<HttpClient> BrowserAsAsync(this FazhiFactory app, string username, string? password = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/login");
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = username,
            ["Password"] = password ?? (username == "admin" ? FazhiFactory.AdminPassword : FazhiFactory.DemoPassword),
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }
}
