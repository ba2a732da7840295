using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Features.Demo;
using Wushe.Platform.Access;

// One seeded app for the whole assembly: seeding takes seconds, the tests milliseconds.
[assembly: AssemblyFixture(typeof(Wushe.Tests.TestApp))]

namespace Wushe.Tests;

/// <summary>
/// The real app, with the demo data, on a database of its own: a fresh SQLite file in a
/// temporary folder, or a fresh PostgreSQL database when <c>WUSHE_TEST_POSTGRES</c> holds a
/// base connection string (e.g. <c>Host=127.0.0.1;Port=55432;Username=postgres</c>).
/// Tests that change shared data use their own places or users, so they can run in parallel.
/// </summary>
public class TestApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Fixed keys, so sealed values are reproducible between runs (never use these anywhere else).</summary>
    public const string EncryptionKey = "dGVzdC1lbmNyeXB0aW9uLWtleS0zMi1ieXRlcy0wMDA=";
    public const string LookupKey = "dGVzdC1sb29rdXAta2V5LTMyLWJ5dGVzLWxvbmctMDA=";

    // Lazy: parallel tests asking for the same user share one sign-in.
    readonly ConcurrentDictionary<string, Lazy<Task<string>>> tokens = new(StringComparer.OrdinalIgnoreCase);

    public TestApp() => Database = TestDatabase.Create();

    public TestDatabase Database { get; }

    public DatabaseProvider Provider => Database.Provider;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Wushe", Database.ConnectionString);
        builder.UseSetting("Wushe:Database:Provider", Database.Provider.ToString());
        builder.UseSetting("Wushe:Keys:Encryption", EncryptionKey);
        builder.UseSetting("Wushe:Keys:Lookup", LookupKey);
        builder.UseSetting("Wushe:Demo:Seed", "true");
        // Every test request comes from one (empty) address: the per-address sign-in limit would throttle the suite.
        // SignInAbuseTests checks the limits on a host of their own, with addresses of their own.
        builder.UseSetting("Wushe:SignIn:PerClientPerMinute", "1000000");
        builder.UseSetting("Wushe:Needs:ReportsPerHour", "1000000");
        builder.UseSetting("Wushe:Needs:LookupsPerHour", "1000000");
        builder.UseSetting("Wushe:Volunteers:JoinsPerHour", "1000000");
        builder.UseSetting("Wushe:Competitions:ObjectionsPerHour", "1000000");
        builder.UseSetting("Wushe:Volunteers:VerificationsPerHour", "1000000");
        builder.UseSetting("Wushe:Volunteers:FinalizeInBackground", "false");
        builder.UseSetting("Wushe:Points:ExpireInBackground", "false");
        builder.UseSetting("Wushe:Charity:Wishes:LapseInBackground", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Error");
        // Test-only: a request with the header X-Test-Crash fails inside the page, to show the error page (nothing like it ships).
        builder.ConfigureTestServices(s => s.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new CrashOnHeader())));
        // As Development would: a service registered with the wrong lifetime fails here, not in production.
        builder.UseDefaultServiceProvider(o =>
        {
            o.ValidateScopes = true;
            o.ValidateOnBuild = true;
        });
    }

    public virtual async ValueTask InitializeAsync()
    {
        await Database.CreateAsync();
        Start();
    }

    /// <summary>Builds the host: migrates the database and seeds the demo data.</summary>
    protected virtual void Start() => _ = Server;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A client without a sign-in (of the Kestrel server's address too, for a <see cref="ServerApp"/>).</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    /// <summary>A client signed in as a demo user (password <see cref="DemoData.Password"/>) with a bearer token; tokens are cached per user.</summary>
    public HttpClient CreateClient(string userName) => Task.Run(() => CreateClientAsync(userName)).GetAwaiter().GetResult();

    public async Task<HttpClient> CreateClientAsync(string userName, string password = DemoData.Password)
    {
        var token = await tokens.GetOrAdd(userName, u => new Lazy<Task<string>>(() => TokenAsync(u, password))).Value;
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Signs in through POST /api/v1/auth/token; fails the test with the server's answer when refused.</summary>
    public async Task<string> TokenAsync(string login, string password)
    {
        using var client = Anonymous();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { login, password });
        if (!response.IsSuccessStatusCode)
        {
            // Forget a failed sign-in, so the next test asking for this user tries again.
            tokens.TryRemove(login, out _);
            throw new InvalidOperationException($"Sign-in of {login} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        var body = await response.Content.ReadFromJsonAsync<AccessTokenResponse>();
        return body?.AccessToken ?? throw new InvalidOperationException("The token response had no access token.");
    }

    /// <summary>
    /// A browser-like client signed in through the sign-in page: it holds the page's cookie (and no token),
    /// keeps cookies between requests and does not follow redirects.
    /// </summary>
    public async Task<HttpClient> CookieClientAsync(string userName, string password = DemoData.Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await SignInPageAsync(client, userName, password);
        return client;
    }

    /// <summary>Posts the sign-in form (with its antiforgery token) and fails the test unless it signs in.</summary>
    public static async Task SignInPageAsync(HttpClient client, string userName, string password)
    {
        using var response = await PostLoginAsync(client, userName, password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Page sign-in of {userName} failed: {(int)response.StatusCode}");
    }

    /// <summary>The sign-in form posted as a browser would: the antiforgery token of a fresh GET, then the form.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password, string path = "/Account/Login")
    {
        var form = await client.GetStringAsync(path);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Login"] = userName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>
    /// A bureau user of Qixingguan of its own (password <see cref="DemoData.Password"/>), for tests
    /// that lock, disable or fail sign-ins: parallel failed sign-ins of one account disturb each other.
    /// Made by <see cref="Builders.TestUsers"/> (the real use case); answers its user name.
    /// </summary>
    public async Task<string> CreateUserAsync(bool disabled = false, Role role = Role.BureauStaff, string areaCode = "520502000000", string? homeAreaCode = null) =>
        (await Builders.TestUsers.CreateAsync(this, role, areaCode, homeAreaCode, disabled)).UserName;

    /// <summary>A service scope of the app whose actor is named: the system (unrestricted scope) unless told otherwise.</summary>
    public AsyncServiceScope Scope(CurrentUser? actor = null)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorOverride>().Actor = actor ?? CurrentUser.System;
        return scope;
    }

    /// <summary>Runs a query against the app's database as the system user.</summary>
    public async Task<T> Query<T>(Func<AppDb, Task<T>> query)
    {
        await using var scope = Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDb>());
    }
}

/// <summary>Test-only: throws inside a page when the request carries <see cref="Header"/>, so the error page can be seen.</summary>
public sealed class CrashOnHeader : Microsoft.AspNetCore.Mvc.Filters.IPageFilter
{
    public const string Header = "X-Test-Crash";

    public void OnPageHandlerSelected(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) { }

    public void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        // Not again while the error page itself is shown.
        if (context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null) return;
        if (context.HttpContext.Request.Headers.ContainsKey(Header)) throw new InvalidOperationException("Test crash: secret detail 4711");
    }

    public void OnPageHandlerExecuted(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutedContext context) { }
}

/// <summary>The same app served by Kestrel on a free loopback port, for the browser.</summary>
public sealed class ServerApp : TestApp
{
    public ServerApp() => UseKestrel(0);

    protected override void Start() => StartServer();

    public Uri BaseAddress => ClientOptions.BaseAddress;
}

/// <summary>A throwaway database: a SQLite file in a temporary folder, or a PostgreSQL database dropped on dispose.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "WUSHE_TEST_POSTGRES";

    public abstract DatabaseProvider Provider { get; }
    public abstract string ConnectionString { get; }

    public static bool UsesPostgres => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    public static TestDatabase Create() =>
        UsesPostgres ? new PostgresDatabase(Environment.GetEnvironmentVariable(PostgresVariable)!) : new SqliteDatabase();

    public abstract Task CreateAsync();

    public abstract ValueTask DisposeAsync();
}

sealed class SqliteDatabase : TestDatabase
{
    readonly string folder = Path.Combine(Path.GetTempPath(), "wushe-tests", Guid.NewGuid().ToString("N"));

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "wushe.db") }.ToString();

    public override Task CreateAsync()
    {
        Directory.CreateDirectory(folder);
        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a late background task: the temp folder is cleaned by the OS.
        }
        return ValueTask.CompletedTask;
    }
}

sealed class PostgresDatabase(string baseConnection) : TestDatabase
{
    readonly string name = "wushe_test_" + Guid.NewGuid().ToString("N");

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string ConnectionString => new NpgsqlConnectionStringBuilder(baseConnection) { Database = name }.ToString();

    string AdminConnection
    {
        get
        {
            var b = new NpgsqlConnectionStringBuilder(baseConnection) { Pooling = false };
            if (string.IsNullOrEmpty(b.Database)) b.Database = "postgres";
            return b.ToString();
        }
    }

    public override async Task CreateAsync()
    {
        await using var connection = new NpgsqlConnection(AdminConnection);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await cmd.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnection);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>Small helpers for reading API answers.</summary>
public static class Answers
{
    /// <summary>The API's JSON shape: web defaults (camelCase) with enums as their names.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions JsonOptions =
        new(System.Text.Json.JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static async Task<System.Text.Json.JsonElement> Json(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var doc = System.Text.Json.JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    /// <summary>Asserts the status and returns the body as JSON; on a mismatch the message shows the body.</summary>
    public static async Task<System.Text.Json.JsonElement> Expect(this HttpResponseMessage response, System.Net.HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} {status}, got {(int)response.StatusCode} {response.StatusCode} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {text}");
        if (text.Length == 0) return default;
        using var doc = System.Text.Json.JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }
}

/// <summary>Runs a piece of a test in Chinese (the product's default), whatever the machine's culture.</summary>
public sealed class ChineseCulture : IDisposable
{
    readonly System.Globalization.CultureInfo before = System.Globalization.CultureInfo.CurrentUICulture;

    public ChineseCulture() => System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");

    public void Dispose() => System.Globalization.CultureInfo.CurrentUICulture = before;
}
