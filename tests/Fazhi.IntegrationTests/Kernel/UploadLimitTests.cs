using System.Net;
using System.Net.Sockets;
using Fazhi.IntegrationTests.Infrastructure;

namespace Fazhi.IntegrationTests.Kernel;

/// <summary>
/// An upload over its endpoint's limit is answered 413 naming the limit, on the API and on the pages. The limit is
/// enforced by the server (Kestrel), which the in-memory test server does not model, so these run on a real port.
/// </summary>
public abstract class UploadLimitTests(KestrelFactory app)
{
    private const int MB = 1024 * 1024;

    /// <summary>Sent as a browser behind a proxy or curl would: the server may refuse the body before it is sent
    /// (<c>Expect: 100-continue</c>); otherwise the client would still be writing when the server closes.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.ExpectContinue = true;
        return await client.SendAsync(request);
    }

    /// <summary>A cookie session over TCP (the factory's cookie client stands on the in-memory server).</summary>
    private async Task<HttpClient> SignedInBrowserAsync(string username)
    {
        var browser = Client();
        var login = await browser.GetStringAsync("/login");
        var response = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = username, ["Password"] = FazhiFactory.DemoPassword, ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(login),
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return browser;
    }

    /// <summary>A client over TCP that waits long enough for the server's answer to <c>Expect: 100-continue</c> (the
    /// default second is short on a loaded machine: the client then sends the body, and the server closes on it).</summary>
    private HttpClient Client() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(), Expect100ContinueTimeout = TimeSpan.FromSeconds(60),
    })
    {
        BaseAddress = app.ClientOptions.BaseAddress,
    };

    private async Task<HttpClient> ApiAsync(string username)
    {
        using var token = await app.ApiAsAsync(username);
        var client = Client();
        client.DefaultRequestHeaders.Authorization = token.DefaultRequestHeaders.Authorization;
        return client;
    }

    private static MultipartFormDataContent Upload(int bytes, string name = "big.xlsx", Dictionary<string, string>? fields = null)
    {
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields ?? [])
            form.Add(new StringContent(v), k);
        form.Add(new ByteArrayContent(new byte[bytes]), "file", name);
        return form;
    }

    [Theory]
    [InlineData("/api/v1/reconsideration/import?org=371002&dryRun=true", 21, "20MB")]
    [InlineData("/api/v1/enforcement/records:upload?department=371002-SCJG", 21, "20MB")]
    [InlineData("/api/v1/enforcement/plans/import?department=371002-SCJG", 11, "10MB")]
    public async Task An_API_upload_over_the_limit_is_a_413_naming_the_limit(string url, int megabytes, string limit)
    {
        using var admin = await ApiAsync("admin");
        var response = await PostAsync(admin, url, Upload(megabytes * MB + 1000));
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("detail").GetString()!.ShouldContain(limit);
    }

    [Fact]
    public async Task An_oversize_upload_without_sign_in_is_a_401_not_a_500()
    {
        using var anonymous = Client();
        var response = await PostAsync(anonymous, "/api/v1/reconsideration/import", Upload(31 * MB));
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/reconsideration/import", "", 21, "20MB")]
    [InlineData("/enforcement/upload", "", 21, "20MB")]
    [InlineData("/enforcement/plans", "?handler=Import", 11, "10MB")]
    public async Task A_page_upload_over_the_limit_shows_the_limit_with_a_413(string page, string handler, int megabytes, string limit)
    {
        using var browser = await SignedInBrowserAsync("huancui");
        var html = await browser.GetStringAsync(page);
        html.ShouldContain("文件最大 " + limit);
        var response = await PostAsync(browser, page + handler, Upload(megabytes * MB + 1000, fields: new() { ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(html) }));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, body.Length > 2000 ? body[..2000] : body);
        body.ShouldContain($"上传的文件超过{limit}的上限");
    }
}

/// <summary>The app on Kestrel at a free local port; clients from <c>CreateClient</c> talk to it over TCP.</summary>
public abstract class KestrelFactory(Provider provider) : FazhiFactory(provider)
{
    protected override void StartHost()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        UseKestrel(port);
        StartServer();
        ClientOptions.BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }
}

public sealed class KestrelSqliteFactory() : KestrelFactory(Provider.Sqlite);

public sealed class KestrelPostgresFactory() : KestrelFactory(Provider.Postgres);

public sealed class UploadLimitTestsOnSqlite(KestrelSqliteFactory app) : UploadLimitTests(app), IClassFixture<KestrelSqliteFactory>;

public sealed class UploadLimitTestsOnPostgres(KestrelPostgresFactory app) : UploadLimitTests(app), IClassFixture<KestrelPostgresFactory>;
