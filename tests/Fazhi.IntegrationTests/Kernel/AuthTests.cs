using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;

namespace Fazhi.IntegrationTests.Kernel;

public abstract class AuthTests(FazhiFactory app)
{
    private async Task CreateUserAsync(string username, string password)
    {
        var admin = await app.ApiAsAsync("secadmin");
        var response = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            username, displayName = "测试用户", orgCode = "371002-SFJ", roles = new[] { "recon" }, password, phone = "13812345678",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_token_endpoint_answers_an_access_token_and_its_expiry()
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "huancui", password = FazhiFactory.DemoPassword });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("accessToken").GetString()!.Length.ShouldBeGreaterThan(20);
        body.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeGreaterThan(TimeProvider.System.GetUtcNow().AddMinutes(30));
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_problem_and_a_missing_one_a_400()
    {
        var client = app.CreateClient();
        await (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "huancui", password = "nope" })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "huancui" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "password");
    }

    [Theory]
    [InlineData("Short1A-x", "password")]         // 9 characters
    [InlineData("alllowercase", "password")]      // one class
    [InlineData("Password-2024", "password")]     // on the list of common passwords
    [InlineData("P@ssw0rd2024", "password")]      // the same with letters swapped for symbols
    public async Task A_weak_password_is_refused_and_no_user_is_created(string password, string field)
    {
        var admin = await app.ApiAsAsync("secadmin");
        var username = "weak" + password.Length + password[0];
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { username, displayName = "弱密码", orgCode = "371002-SFJ", roles = new[] { "recon" }, password });
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        var users = await admin.GetFromJsonAsync<List<JsonElement>>($"/api/v1/users?keyword={username}");
        users!.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_user_for_a_unit_that_does_not_exist_is_refused()
    {
        var admin = await app.ApiAsAsync("secadmin");
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { username = "ghost", displayName = "无机构", orgCode = "NO-SUCH-UNIT", roles = new[] { "recon" }, password = "Departing-Key-24" });
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "orgCode");
        (await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/users?keyword=ghost"))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task Phones_are_masked_in_the_user_list()
    {
        await CreateUserAsync("phoneuser", "Departing-Key-24");
        var admin = await app.ApiAsAsync("secadmin");
        var user = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/users?keyword=phoneuser"))!.Single();
        user.GetProperty("phoneMasked").GetString().ShouldBe("138****5678");
        (await admin.GetStringAsync("/api/v1/users")).ShouldNotContain("13812345678");
    }

    [Fact]
    public async Task A_deactivated_user_can_no_longer_sign_in()
    {
        await CreateUserAsync("leaver", "Departing-Key-24");
        var admin = await app.ApiAsAsync("secadmin");
        var update = await admin.PutAsJsonAsync("/api/v1/users/leaver", new { displayName = "已离职", orgCode = "371002-SFJ", roles = new[] { "recon" }, isActive = false });
        update.StatusCode.ShouldBe(HttpStatusCode.NoContent, await update.Content.ReadAsStringAsync());
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = "leaver", password = "Departing-Key-24" });
        (await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString()!.ShouldContain("停用");
    }
}

public sealed class AuthTestsOnSqlite(SqliteFactory app) : AuthTests(app), IClassFixture<SqliteFactory>;

public sealed class AuthTestsOnPostgres(PostgresFactory app) : AuthTests(app), IClassFixture<PostgresFactory>;

/// <summary>Password guessing is slowed down per client address.</summary>
public sealed class SignInRateLimitTests(SignInRateLimitTests.Factory app) : IClassFixture<SignInRateLimitTests.Factory>
{
    public sealed class Factory() : FazhiFactory(Provider.Sqlite)
    {
        protected override int SignInsPerMinute => 3;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Reconsideration:PublicPostsPerHour", "2");
        }
    }

    [Fact]
    public async Task The_fourth_sign_in_within_a_minute_is_refused_with_429()
    {
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
            (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "nobody", password = "x" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var fourth = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "nobody", password = "x" });
        await fourth.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
    }

    /// <summary>The public 复议 posts use the same Kernel per-address window (Reconsideration:PublicPostsPerHour), as a
    /// policy of their own: the third post of an address is refused, another address and the reads are not.</summary>
    [Fact]
    public async Task The_public_reconsideration_posts_are_limited_per_address_by_their_own_policy()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(TestPeer.Header, "198.51.100.7");
        for (var i = 0; i < 2; i++)
            (await client.PostAsJsonAsync("/api/v1/public/reconsideration/progress", new { caseNumber = "环翠复〔2099〕1号", code = "ABCDEFGH" }))
                .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync("/api/v1/public/reconsideration/progress", new { caseNumber = "环翠复〔2099〕1号", code = "ABCDEFGH" }))
            .ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        (await client.GetAsync("/api/v1/public/reconsideration/review-bodies")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var other = app.CreateClient();
        other.DefaultRequestHeaders.Add(TestPeer.Header, "198.51.100.8");
        (await other.PostAsJsonAsync("/api/v1/public/reconsideration/progress", new { caseNumber = "环翠复〔2099〕1号", code = "ABCDEFGH" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The sign-in allowance of the limited address is untouched by its 复议 posts (3 per minute here).
        (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "nobody", password = "x" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
