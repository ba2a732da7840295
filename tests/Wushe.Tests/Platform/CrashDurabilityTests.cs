using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Charity;
using Wushe.Features.Demo;
using Wushe.Features.Stations;

namespace Wushe.Tests.Platform;

/// <summary>
/// Durability as the write path promises it (docs/PERFORMANCE.md, "Write path"): the app's own executable in a
/// process of its own, concurrent writes, then SIGKILL in the middle of them. Every supervision answered 201
/// before the kill is in the database afterwards, with its audit record; every donation with its ledger entry (SQLite: WAL with synchronous=NORMAL,
/// durable against a process crash; or PostgreSQL when the suite runs on it).
/// </summary>
[Trait("Category", "Durability")]
public sealed class CrashDurabilityTests : IAsyncLifetime
{
    readonly TestApp seeded = new();

    public async ValueTask InitializeAsync() => await seeded.InitializeAsync();

    public async ValueTask DisposeAsync() => await seeded.DisposeAsync();

    [Fact]
    public async Task Every_write_answered_201_before_a_kill_is_in_the_database()
    {
        // The demo data comes from the in-process app; the process under test runs on the same database.
        var stationId = await seeded.Query(db => db.Stations.IgnoreQueryFilters()
            .Where(s => s.AreaCode.StartsWith("5205")).Select(s => s.Id).FirstAsync());
        var body = new
        {
            stationId, kind = "Supervision", visitedOn = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd"),
            supervisorName = "督导 王老师", topics = "台账与服务记录检查", findings = "服务记录不完整",
        };
        var acknowledged = await WriteUntilKilledAsync("bijie", (http, _, ct) => http.PostAsJsonAsync("/api/v1/supervisions", body, ct));

        var ids = acknowledged.ToList();
        var stored = await seeded.Query(db => db.Set<Supervision>().IgnoreQueryFilters().Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync());
        Assert.Empty(acknowledged.Except(stored));
        var keys = ids.Select(id => id.ToString()).ToList();
        var audited = await seeded.Query(db => db.AuditRecords.Where(a => a.Entity == nameof(Supervision) && keys.Contains(a.EntityKey)).Select(a => a.EntityKey).ToListAsync());
        Assert.Empty(keys.Except(audited));
    }

    /// <summary>
    /// Issue 10: donations to two funds of 市西街道 from 16 writers, each with its own idempotency key, killed mid-load. Every donation
    /// answered 201 is there with its one ledger entry and its receipt; no donation stands without its entry, and the ledger check over
    /// every fund finds nothing (no half-written movement: the roll-ups equal the entries).
    /// </summary>
    [Fact]
    public async Task Every_donation_answered_before_a_kill_is_in_the_ledger_and_the_ledger_checks()
    {
        var funds = await seeded.Query(db => db.Set<CommunityFund>().IgnoreQueryFilters()
            .Where(f => f.AreaCode.StartsWith("520502001") && f.Status == FundStatus.Active).OrderBy(f => f.FundNo).Select(f => f.Id).Take(2).ToListAsync());
        Assert.NotEmpty(funds);
        var donatedOn = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");
        var acknowledged = await WriteUntilKilledAsync("shixi", async (http, n, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/charity/funds/{funds[n % funds.Count]}/donations")
            {
                Content = JsonContent.Create(new { donorKind = "Individual", donorName = "压力测试捐赠人", channel = "WeChat", amountYuan = 10.01m, donatedOn }),
            };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            return await http.SendAsync(request, ct);
        });

        var ids = acknowledged.ToList();
        var stored = await seeded.Query(db => db.Set<Donation>().IgnoreQueryFilters().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.ReceiptNo }).ToListAsync());
        Assert.Empty(acknowledged.Except(stored.Select(d => d.Id)));
        Assert.Equal(stored.Count, stored.Select(d => d.ReceiptNo).Distinct().Count());
        var entries = await seeded.Query(db => db.Set<FundEntry>().IgnoreQueryFilters().Where(e => e.DonationId != null && ids.Contains(e.DonationId.Value)).CountAsync());
        Assert.Equal(ids.Count, entries);
        var orphans = await seeded.Query(db => db.Set<Donation>().IgnoreQueryFilters().CountAsync(d => funds.Contains(d.FundId)
            && !db.Set<FundEntry>().IgnoreQueryFilters().Any(e => e.DonationId == d.Id && e.Kind == FundEntryKind.Donation)));
        Assert.Equal(0, orphans);
        using var worker = await seeded.CreateClientAsync("shixi");
        var check = await (await worker.GetAsync("/api/v1/charity/funds/ledger-check")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, check.GetProperty("discrepancies").GetArrayLength());
    }

    /// <summary>
    /// The app's own process on the seeded database, signed in as <paramref name="login"/>; 16 writers send <paramref name="send"/> (given
    /// a running number) until about 300 writes are answered or 10 s pass, then SIGKILL. Returns the ids answered 201; any other answer
    /// before the kill fails the test.
    /// </summary>
    async Task<HashSet<Guid>> WriteUntilKilledAsync(string login, Func<HttpClient, int, CancellationToken, Task<HttpResponseMessage>> send)
    {
        var port = FreePort();
        using var process = StartWushe(port);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitUntilReady(http, process);
            var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { login, password = DemoData.Password });
            Assert.True(token.IsSuccessStatusCode, await token.Content.ReadAsStringAsync());
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());

            var answered = new System.Collections.Concurrent.ConcurrentBag<Guid>();
            var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
            using var stop = new CancellationTokenSource();
            var killed = false;
            var sent = 0;
            var writers = Enumerable.Range(0, 16).Select(async i =>
            {
                while (!Volatile.Read(ref killed))
                {
                    try
                    {
                        using var response = await send(http, Interlocked.Increment(ref sent), stop.Token);
                        if (response.StatusCode == HttpStatusCode.Created)
                            answered.Add((await response.Content.ReadFromJsonAsync<JsonElement>(stop.Token)).GetProperty("id").GetGuid());
                        else
                            failures.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(stop.Token)}");
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                    {
                        // The kill: requests in flight get no answer, and promised nothing.
                        if (Volatile.Read(ref killed)) return;
                        failures.Add(e.Message);
                    }
                }
            }).ToList();

            var started = Stopwatch.StartNew();
            while (answered.Count < 300 && started.Elapsed < TimeSpan.FromSeconds(10) && failures.IsEmpty) await Task.Delay(20);
            Volatile.Write(ref killed, true);
            process.Kill(entireProcessTree: true);   // SIGKILL: no shutdown, no flush, no disposal
            await process.WaitForExitAsync();
            await Task.WhenAll(writers);   // each ends at its first request without an answer
            stop.Cancel();

            Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(5)));
            var acknowledged = answered.ToHashSet();
            Assert.True(acknowledged.Count >= 20, $"only {acknowledged.Count} writes were answered before the kill");
            return acknowledged;
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    Process StartWushe(int port)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Wushe.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["DOTNET_ENVIRONMENT"] = start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ConnectionStrings__Wushe"] = seeded.Database.ConnectionString;
        start.Environment["Wushe__Database__Provider"] = seeded.Provider.ToString();
        start.Environment["Wushe__Keys__Encryption"] = TestApp.EncryptionKey;
        start.Environment["Wushe__Keys__Lookup"] = TestApp.LookupKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        // Drained so that a chatty process never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    static async Task WaitUntilReady(HttpClient http, Process process)
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(process.HasExited, "the app exited at start-up");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(60), "the app did not become ready within 60 s");
            await Task.Delay(100);
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
