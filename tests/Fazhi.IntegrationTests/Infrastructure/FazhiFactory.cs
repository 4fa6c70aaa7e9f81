using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fazhi.IntegrationTests.Infrastructure;

public enum Provider { Sqlite, Postgres }

/// <summary>
/// The real application over a real database of its own: a SQLite file in a temp folder, or a fresh database on the
/// throwaway PostgreSQL cluster that scripts/test.sh starts (FAZHI_TEST_PG). Schema by migrations, demo data seeded.
/// </summary>
public abstract class FazhiFactory(Provider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "Chief-Pass-2024"; // a password may not contain its user name
    public const string DemoPassword = "Demo-Pass-2024";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("fazhi-test-").FullName;
    private string? _pgDatabase;

    public Provider Provider { get; } = provider;

    /// <summary>Tests sign in far more often than people do.</summary>
    protected virtual int SignInsPerMinute => 10_000;

    /// <summary>The enforcement module's demo data (catalogue, officers, ~600 records and their warnings) is off here:
    /// tests build the enforcement data they assert on, and every class would otherwise pay for seeding it.</summary>
    protected virtual bool EnforcementDemoData => false;

    /// <summary>法律援助 demo data (~800 cases, consultations) is off here for the same reason.</summary>
    protected virtual bool LegalAidDemoData => false;
    protected virtual bool LegalityOfficeDemoData => false;

    /// <summary>Tests sign in with passwords only unless a class tests the second factor (Fazhi:Security:RequireTwoFactor).</summary>
    protected virtual bool RequireTwoFactor => false;

    /// <summary>Users created by tests through the API keep their password unless a class tests the forced change.</summary>
    protected virtual bool ForceChangeAfterReset => false;

    public string ConnectionString { get; private set; } = "";

    /// <summary>Whether this class starts from a copy of a database (and data directory: key files, audit checkpoints)
    /// that a throwaway host of the same factory type migrated and seeded once in this test run, instead of migrating and
    /// seeding its own: the start-up still runs (pending migrations: none; seeding: nothing missing), in a fraction of
    /// the time. On for the two plain factories, which most classes share; a factory type with settings of its own, used
    /// by a class or two, would pay for the extra host and gain nothing.</summary>
    protected virtual bool StartsFromTemplate => GetType() == typeof(SqliteFactory) || GetType() == typeof(PostgresFactory);

    private sealed record Template(string DataDirectory, string? PgDatabase);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Lazy<Task<Template>>> Templates = new();
    private bool _buildsTemplate;
    private bool _migrated; // a copy of a template: nothing to migrate, and EF's check of that costs a second a start

    public virtual ValueTask InitializeAsync() => new(StartAsync());

    private async Task StartAsync()
    {
        var template = StartsFromTemplate && !_buildsTemplate
            ? await Templates.GetOrAdd(GetType(), type => new Lazy<Task<Template>>(() => BuildTemplateAsync(type))).Value
            : null;
        if (template is not null)
            CopyDirectory(template.DataDirectory, _dataDirectory);
        _migrated = template is not null;
        if (Provider == Provider.Postgres)
        {
            var admin = Environment.GetEnvironmentVariable("FAZHI_TEST_PG")
                ?? throw new InvalidOperationException("FAZHI_TEST_PG is not set: run the tests with scripts/test.sh, which starts a throwaway PostgreSQL cluster.");
            _pgDatabase = "fazhi_" + Guid.NewGuid().ToString("N")[..12];
            await using var conn = new NpgsqlConnection(admin);
            await conn.OpenAsync();
            var from = template is null ? "" : $" TEMPLATE {template.PgDatabase}";
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_pgDatabase}{from}", conn);
            await cmd.ExecuteNonQueryAsync();
            ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = _pgDatabase }.ConnectionString;
        }
        else
            ConnectionString = $"Data Source={Path.Combine(_dataDirectory, "fazhi.db")}";
        StartHost(); // migrations and seeding run once per class (or once per factory type, see StartsFromTemplate)
    }

    /// <summary>Starts a host of <paramref name="type"/> on a fresh database, lets it migrate and seed, stops it and keeps
    /// its database and data directory as the template; both go with the test run (the temp folder at exit, the database
    /// with the throwaway cluster).</summary>
    private static async Task<Template> BuildTemplateAsync(Type type)
    {
        var host = (FazhiFactory)Activator.CreateInstance(type)!;
        host._buildsTemplate = true;
        await host.StartAsync(); // not InitializeAsync: a subclass's own set-up (a browser, say) is not part of a template
        await host.StopHostAsync();
        if (host.Provider == Provider.Postgres)
            NpgsqlConnection.ClearPool(new NpgsqlConnection(host.ConnectionString)); // CREATE DATABASE … TEMPLATE needs it unused
        else
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(new Microsoft.Data.Sqlite.SqliteConnection(host.ConnectionString)); // the WAL checkpointed into the file
        var directory = host._dataDirectory;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(directory, recursive: true); } catch (IOException) { } };
        return new Template(directory, host._pgDatabase);
    }

    private Task StopHostAsync() => base.DisposeAsync().AsTask();

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file))); // keeps the files' modes (0600 keys)
    }

    /// <summary>Starts the in-memory test server; the browser tests start Kestrel on a real port instead.</summary>
    protected virtual void StartHost() => _ = Server;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Fazhi", ConnectionString);
        builder.UseSetting("Fazhi:DataDirectory", _dataDirectory);
        builder.UseSetting("Fazhi:MigrateOnStart", _migrated ? "false" : "true");
        builder.UseSetting("FAZHI_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("FAZHI_DEMO_PASSWORD", DemoPassword);
        builder.UseSetting("Fazhi:Timers:Enabled", "false");
        builder.UseSetting("Fazhi:DemoEnforcementData", EnforcementDemoData ? "true" : "false");
        builder.UseSetting("Fazhi:DemoLegalAidData", LegalAidDemoData ? "true" : "false");
        builder.UseSetting("Fazhi:DemoLegalityOfficeData", LegalityOfficeDemoData ? "true" : "false");
        builder.UseSetting("Fazhi:DemoMediationData", "false");
        builder.UseSetting("Fazhi:DemoReconData", "false"); // 行政复议 demo cases: on only where a class asks for them
        builder.UseSetting("Fazhi:Security:RequireTwoFactor", RequireTwoFactor ? "true" : "false");
        builder.UseSetting("Fazhi:Security:Password:ForceChangeAfterReset", ForceChangeAfterReset ? "true" : "false");
        builder.UseSetting("Fazhi:SignInsPerMinute", SignInsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Fazhi:Security:PublicApiDocs", "false"); // as in Production
        builder.UseSetting("Reconsideration:DecisionApprovalRequired", "false"); // on by default (第六十一条); tests decide directly unless they test approvals
        builder.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestPeer>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(Environment.GetEnvironmentVariable("FAZHI_TEST_PG"));
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    /// <summary>An API client authenticated with a bearer token obtained through POST /api/v1/auth/token.</summary>
    public async Task<HttpClient> ApiAsAsync(string username, string? password = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password = password ?? (username == "admin" ? AdminPassword : DemoPassword) });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Runs work against the database as the system (no scope), e.g. to tamper with a row.</summary>
    public async Task WithDbAsync(Func<FazhiDb, Task> work)
    {
        using var scope = Services.CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<FazhiDb>());
    }

    public Task<int> SqlAsync(string sql) =>
        WithDbResultAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    private async Task<T> WithDbResultAsync<T>(Func<FazhiDb, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<FazhiDb>());
    }
}

/// <summary>The TCP peer of a test request (TestServer has none): the address in <see cref="Header"/>, set before the
/// forwarded-headers middleware runs, as a client's or a proxy's connection would be.</summary>
public sealed class TestPeer : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(nextMiddleware => http =>
        {
            if (http.Request.Headers.TryGetValue(Header, out var peer) && System.Net.IPAddress.TryParse(peer.ToString(), out var address))
                http.Connection.RemoteIpAddress = address;
            return nextMiddleware(http);
        });
        next(app);
    };
}

public sealed class SqliteFactory() : FazhiFactory(Provider.Sqlite);

public sealed class PostgresFactory() : FazhiFactory(Provider.Postgres);
