using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Features.Demo;
using Wushe.Platform.Audit;

namespace Wushe.Tests.Accounts;

/// <summary>
/// Sign-in tells nobody whether an account exists or what state it is in, is rate-limited per address
/// and per account, and its lockout cannot be used to keep someone else out (ADR 0004).
/// </summary>
public sealed class SignInAbuseTests(TestApp app)
{
    static object Login(string login, string password) => new { login, password };

    /// <summary>
    /// The app again, on the same database, with small limits, taking the client's address from a test header
    /// (every in-process request has the same one otherwise).
    /// </summary>
    WebApplicationFactory<Program> LimitedHost() => app.WithWebHostBuilder(b =>
    {
        b.UseSetting("Wushe:SignIn:PerClientPerMinute", "8");
        b.UseSetting("Wushe:SignIn:PerAccountFailures", "12");
        b.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    });

    static HttpClient From(WebApplicationFactory<Program> host, string address)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
        return client;
    }

    static async Task<string> Answer(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.BadRequest) return $"{(int)response.StatusCode} {body}";
        using var doc = System.Text.Json.JsonDocument.Parse(body);
        var errors = doc.RootElement.GetProperty("errors");
        return string.Join(" | ", errors.EnumerateObject().Select(p => $"{p.Name}: {string.Join(",", p.Value.EnumerateArray().Select(v => v.GetString()))}"));
    }

    [Fact]
    public async Task Unknown_wrong_locked_and_disabled_accounts_get_one_answer_in_about_the_same_time()
    {
        using var chinese = new ChineseCulture();
        const int rounds = 7;
        var wrong = new List<string>();
        for (var i = 0; i < rounds; i++) wrong.Add(await app.CreateUserAsync());
        var locked = await app.CreateUserAsync();
        var disabled = await app.CreateUserAsync(disabled: true);
        using var client = app.Anonymous();
        for (var i = 0; i < 5; i++) (await client.PostAsJsonAsync("/api/v1/auth/token", Login(locked, "wrong-password" + i))).Dispose();

        var times = new Dictionary<string, List<double>> { ["unknown"] = [], ["wrong"] = [], ["locked"] = [], ["disabled"] = [] };
        var answers = new HashSet<string>();
        async Task Try(string kind, string login, string password)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.PostAsJsonAsync("/api/v1/auth/token", Login(login, password));
            watch.Stop();
            times[kind].Add(watch.Elapsed.TotalMilliseconds);
            answers.Add(await Answer(response));
        }
        await Try("wrong", await app.CreateUserAsync(), "warm-up1"); // the first request of a kind pays for JIT and caches
        times["wrong"].Clear();
        for (var i = 0; i < rounds; i++)
        {
            // Interleaved, so that a busy moment of the machine falls on every kind alike.
            await Try("unknown", "nobody." + Guid.NewGuid().ToString("N")[..8], "wrong-password1");
            await Try("wrong", wrong[i], "wrong-password1");
            await Try("locked", locked, DemoData.Password);     // the right password: still no hint
            await Try("disabled", disabled, DemoData.Password); // the right password: still no hint
        }

        Assert.Equal(["password: 用户名或密码错误"], answers);
        var median = times.ToDictionary(t => t.Key, t => t.Value.Order().ElementAt(t.Value.Count / 2));
        var report = string.Join(", ", median.Select(m => $"{m.Key} {m.Value:0.0} ms"));
        // A wrong password costs a password hash (tens of ms); before the fix an unknown name answered in about 1 ms.
        foreach (var kind in new[] { "unknown", "locked", "disabled" })
            Assert.True(median[kind] > median["wrong"] / 3 && median[kind] < median["wrong"] * 3, $"Medians differ by more than 3×: {report}");
    }

    [Fact]
    public async Task An_attackers_failures_lock_only_the_attackers_address_and_the_lockout_is_audited_with_the_user()
    {
        using var chinese = new ChineseCulture();
        await using var host = LimitedHost();
        var name = await app.CreateUserAsync();
        using var attacker = From(host, "10.11.0.1");
        for (var i = 1; i <= 5; i++)
            Assert.Equal("password: 用户名或密码错误", await Answer(await attacker.PostAsJsonAsync("/api/v1/auth/token", Login(name, "guess" + i))));
        // The attacker's address is locked out: even the right password gets the one answer (it is not checked).
        Assert.Equal("password: 用户名或密码错误", await Answer(await attacker.PostAsJsonAsync("/api/v1/auth/token", Login(name, DemoData.Password))));

        // The real user, elsewhere, signs in: by the API and by the page.
        using var user = From(host, "10.11.0.2");
        await (await user.PostAsJsonAsync("/api/v1/auth/token", Login(name, DemoData.Password))).Expect(HttpStatusCode.OK);
        using var page = await TestApp.PostLoginAsync(user, name, DemoData.Password);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);

        var id = await app.Query(db => db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync());
        var lockout = await app.Query(db => db.AuditRecords.SingleAsync(r => r.EntityKey == id.ToString() && r.Reason == "lockout"));
        Assert.Equal(id, lockout.UserId);
        Assert.Equal(name, lockout.UserName);
        Assert.Equal("10.11.0.1", lockout.Origin);
        Assert.Equal(AuditOutcome.Denied, lockout.Outcome);
        // Administrators see the account as 锁定 (someone is locked out of it) and can lift it.
        Assert.True(await app.Query(db => db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd > DateTimeOffset.UtcNow).SingleAsync()));
    }

    [Fact]
    public async Task One_address_is_limited_per_minute_with_429_and_Retry_After_and_the_page_says_so_in_Chinese()
    {
        using var chinese = new ChineseCulture();
        await using var host = LimitedHost();
        using var api = From(host, "10.12.0.1");
        for (var i = 0; i < 8; i++)
            (await api.PostAsJsonAsync("/api/v1/auth/token", Login("spray." + i, "Password1"))).Dispose();
        using var limited = await api.PostAsJsonAsync("/api/v1/auth/token", Login("spray.9", "Password1"));
        var problem = await limited.Expect(HttpStatusCode.TooManyRequests);
        Assert.Equal("urn:wushe:problem:too-many-requests", problem.GetProperty("type").GetString());
        Assert.Contains("过于频繁", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.True(int.Parse(limited.Headers.RetryAfter!.ToString()) > 0);

        // The page form shares the limit of its address; the browser lands on the sign-in page with the message.
        using var browser = From(host, "10.12.0.2");
        for (var i = 0; i < 8; i++) (await TestApp.PostLoginAsync(browser, "spray." + i, "Password1")).Dispose();
        using var refused = await TestApp.PostLoginAsync(browser, "spray.9", "Password1");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var html = await browser.GetStringAsync(refused.Headers.Location!.OriginalString);
        Assert.Contains("登录尝试过于频繁，请 1 分钟后再试", html, StringComparison.Ordinal);

        Assert.True(await app.Query(db => db.AuditRecords.AnyAsync(r => r.Origin == "10.12.0.1" && r.Action == AuditAction.SignInFailed && r.Reason == "rate-limited: client")));
    }

    [Fact]
    public async Task Guesses_spread_over_many_addresses_are_limited_per_account_alike_for_known_and_unknown_names()
    {
        using var chinese = new ChineseCulture();
        await using var host = LimitedHost();
        foreach (var login in new[] { await app.CreateUserAsync(), "ghost." + Guid.NewGuid().ToString("N")[..8] })
        {
            // 12 wrong passwords from three addresses (5 + 5 + 2: each address is locked out after 5).
            for (var i = 0; i < 12; i++)
            {
                using var from = From(host, $"10.13.{login.Length}.{i / 5 + 1}");
                Assert.Equal("password: 用户名或密码错误", await Answer(await from.PostAsJsonAsync("/api/v1/auth/token", Login(login, "guess" + i))));
            }
            using var fourth = From(host, $"10.13.{login.Length}.9");
            using var limited = await fourth.PostAsJsonAsync("/api/v1/auth/token", Login(login, "guess-more"));
            await limited.Expect(HttpStatusCode.TooManyRequests);
            Assert.NotNull(limited.Headers.RetryAfter);
        }
    }
}

/// <summary>Sets the request's remote address from a header: lets one test act from several addresses.</summary>
sealed class ClientAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
    {
        builder.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value)) context.Connection.RemoteIpAddress = IPAddress.Parse(value.ToString());
            return nextMiddleware(context);
        });
        next(builder);
    };
}
