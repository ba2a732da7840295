using System.Diagnostics;
using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wushe.Bench.Generate;
using Wushe.Data;
using Wushe.Features.Volunteers;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;
using Wushe.Features.Areas;
using Wushe.Features.Stations;
using Activity = Wushe.Features.Volunteers.Activities.Activity;

namespace Wushe.Bench.Measure;

/// <summary>
/// The HTTP side of issue 9's benchmark (<c>bench/checkin.sh</c>):
/// <list type="bullet">
/// <item><c>checkin-prepare (--db|--postgres) --out DIR [--volunteers N] [--per-shift N]</c>: on a database made by <c>generate</c> (volunteers kind),
/// publishes the benchmark's activity in 市西街道 with shifts running now (from 10 minutes ago for 4 hours, <c>--per-shift</c> (100) places each)
/// and confirmed sign-ups of <c>--volunteers</c> (20,000) active volunteers with accounts, plus the race activity (one shift of 50 places
/// tomorrow 22:00–23:00 China time, which no generated shift overlaps); and writes each volunteer's bearer token (DIR/volunteers.txt: "token
/// shift-number" a line), the shifts (DIR/shifts.txt) and the race shift (DIR/race.txt). The tokens are made as the app makes them at
/// sign-in — the same claims (ClaimsFactory's: id, name, security stamp, display name, role assignments) protected by the app's bearer-token
/// protector under the app's own data-protection key ring, which the app keeps in its database — so 20,000 volunteers need not each pay
/// a password hash at sign-in (tens of milliseconds of CPU each). Run it before starting the app (a database without a key ring gets one).</item>
/// <item><c>checkin-codes --out DIR</c>: the QR token of this minute of each shift (DIR/codes.txt, one a line), made with the app's check-in key
/// (<see cref="CheckInCodes"/> from the benchmark's keys): valid this minute and the next.</item>
/// <item><c>checkin-reset (--db|--postgres) --out DIR</c>: the benchmark's sign-ups as before any scan (no check-in), so a run can check in again.</item>
/// <item><c>signup-race (--db|--postgres) --app URL --out DIR [--count N] [--rehearsal M]</c>: first M (500) other volunteers race
/// for the rehearsal shift (then emptied), then N (2,000) volunteers, each on its own connection (opened first), POST the sign-up of the race
/// shift at the same moment; then the database is read: confirmed = the places, the rest waitlisted, no volunteer twice, and every answer's time.</item>
/// </list>
/// </summary>
static class VolunteerHttp
{
    public const string CheckInTitle = "基准测试：扫码签到";
    public const string RaceTitle = "基准测试：报名抢位";
    const string Township = "520502001000";

    public static async Task<int> PrepareAsync(Options options)
    {
        var target = BenchDb.From(options);
        var dir = options.Get("out") ?? throw new UsageException("Give --out DIR.");
        var count = options.Get("volunteers", 20_000);
        var perShift = options.Get("per-shift", 100);
        Directory.CreateDirectory(dir);
        var now = DateTimeOffset.UtcNow;
        await using var db = target.OpenAsSystem();
        db.SuppressEntityAudit = true;
        await db.Database.MigrateAsync();
        await RemoveAsync(db, CheckInTitle);
        await RemoveAsync(db, RaceTitle);

        var people = await db.Set<Volunteer>().IgnoreQueryFilters().Where(v => v.Status == VolunteerStatus.Active && v.UserId != null)
            .OrderBy(v => v.VolunteerNo).Take(count).Select(v => new { v.Id, UserId = v.UserId!.Value }).ToListAsync();
        if (people.Count < count) Console.WriteLine($"Only {people.Count:N0} active volunteers with accounts.");
        var station = await db.Stations.IgnoreQueryFilters().FirstAsync(s => s.AreaCode == Township);
        var activity = new Activity(Township, CheckInTitle, VolunteerServiceKind.CommunityService, station.Name, null, "基准测试", now.AddDays(-1));
        activity.Describe(CheckInTitle, VolunteerServiceKind.CommunityService, "辖区居民", "社工站", null, null, null, "", 0, null, null, 0, station.Name);
        db.Add(activity);
        var shifts = new List<Shift>();
        for (var i = 0; i * perShift < people.Count; i++)
            shifts.Add(new Shift(activity, $"第{i + 1}组", now.AddMinutes(-10), now.AddHours(4), perShift));
        db.AddRange(shifts);
        var race = new Activity(Township, RaceTitle, VolunteerServiceKind.CommunityService, station.Name, null, "基准测试", now.AddDays(-1));
        race.Describe(RaceTitle, VolunteerServiceKind.CommunityService, "辖区居民", "社工站", null, null, null, "", 0, null, null, 0, station.Name);
        db.Add(race);
        var tomorrow = Wushe.Platform.ChinaTime.Today(TimeProvider.System).AddDays(1);
        var raceStart = new DateTimeOffset(tomorrow.ToDateTime(new TimeOnly(22, 0)), Wushe.Platform.ChinaTime.Offset).ToUniversalTime();
        var raceShift = new Shift(race, "", raceStart, raceStart.AddHours(1), 50);
        // The rehearsal: the same race run first by other volunteers, so the race meets an app that has served sign-ups before.
        var rehearsal = new Shift(race, "预演", raceStart, raceStart.AddHours(1), 50);
        db.AddRange(raceShift, rehearsal);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var signUps = people.Select((p, i) => new SignUp(shifts[i / perShift], p.Id, SignUpStatus.Confirmed, now.AddDays(-1))).ToList();
        foreach (var chunk in signUps.Chunk(5000))
        {
            db.AddRange(chunk);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        // Bearer tokens as the app issues them (see the class).
        var protector = BearerProtector(target);
        var accounts = await db.Users.Select(u => new { u.Id, u.UserName, u.SecurityStamp, u.DisplayName }).ToDictionaryAsync(u => u.Id);
        var ids = people.Select(p => p.UserId).ToList();
        var roles = (await db.RoleAssignments.IgnoreQueryFilters().Where(a => a.Role == Role.Volunteer).Select(a => new { a.UserId, a.Role, a.AreaCode, a.OrganizationId }).ToListAsync())
            .Where(a => ids.Contains(a.UserId)).ToLookup(a => a.UserId);
        var areaNames = await db.Areas.IgnoreQueryFilters().Where(a => a.Level == Wushe.Platform.Areas.AreaLevel.Village).ToDictionaryAsync(a => a.Code, a => a.Name);
        await using (var file = new StreamWriter(Path.Combine(dir, "volunteers.txt")))
            for (var i = 0; i < people.Count; i++)
            {
                var u = accounts[people[i].UserId];
                var token = VolunteerHttp.BearerToken(protector, u.Id, u.UserName!, u.SecurityStamp!, u.DisplayName,
                    roles[u.Id].Select(a => new Assignment(a.Role, a.AreaCode, areaNames.GetValueOrDefault(a.AreaCode, ""), a.OrganizationId)), now.AddHours(1));
                await file.WriteLineAsync($"{token} {i / perShift + 1}");
            }
        await File.WriteAllLinesAsync(Path.Combine(dir, "shifts.txt"), shifts.Select(s => s.Id.ToString()));
        await File.WriteAllTextAsync(Path.Combine(dir, "race.txt"), $"{raceShift.Id} {raceShift.Capacity} {rehearsal.Id}\n");
        Console.WriteLine($"Prepared on {target.Describe}: {people.Count:N0} volunteers signed up for {shifts.Count} shifts running now ({perShift} each), "
            + $"a race shift of {raceShift.Capacity} places ({raceShift.Id}); tokens valid until {now.AddHours(1):u}; files in {dir}.");
        return 0;
    }

    /// <summary>A bearer token as the app issues one at sign-in (the user's id, name, security stamp, display name and role assignments), valid until <paramref name="expiresUtc"/>.</summary>
    internal static string BearerToken(ISecureDataFormat<AuthenticationTicket> protector, Guid id, string userName, string securityStamp, string displayName,
        IEnumerable<Assignment> assignments, DateTimeOffset expiresUtc)
    {
        var identity = new IdentityOptions().ClaimsIdentity;
        var claims = new ClaimsIdentity(IdentityConstants.ApplicationScheme, identity.UserNameClaimType, identity.RoleClaimType);
        claims.AddClaim(new Claim(identity.UserIdClaimType, id.ToString()));
        claims.AddClaim(new Claim(identity.UserNameClaimType, userName));
        claims.AddClaim(new Claim(identity.SecurityStampClaimType, securityStamp));
        claims.AddClaim(new Claim("wushe:display", displayName));
        foreach (var a in assignments) claims.AddClaim(new Claim(Assignment.ClaimType, a.ToClaim()));
        var properties = new AuthenticationProperties { ExpiresUtc = expiresUtc };
        return protector.Protect(new AuthenticationTicket(new ClaimsPrincipal(claims), properties, $"{IdentityConstants.BearerScheme}:AccessToken"));
    }

    /// <summary>The app's bearer-token protector: the same data-protection key ring (in the database, application name "Wushe") and purposes.</summary>
    internal static ISecureDataFormat<AuthenticationTicket> BearerProtector(BenchDb target)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped<AppDb>(_ => target.OpenAsSystem());
        services.AddDataProtection().PersistKeysToDbContext<AppDb>().SetApplicationName("Wushe");
        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme);
        var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme).BearerTokenProtector;
    }

    static async Task RemoveAsync(AppDb db, string title)
    {
        var ids = await db.Set<Activity>().IgnoreQueryFilters().Where(a => a.Title == title).Select(a => a.Id).ToListAsync();
        if (ids.Count == 0) return;
        await db.Set<Wushe.Features.Volunteers.Hours.HourRecord>().IgnoreQueryFilters().Where(r => r.ActivityId != null && ids.Contains(r.ActivityId.Value)).ExecuteDeleteAsync();
        await db.Set<SignUp>().IgnoreQueryFilters().Where(s => ids.Contains(s.ActivityId)).ExecuteDeleteAsync();
        await db.Set<Shift>().IgnoreQueryFilters().Where(s => ids.Contains(s.ActivityId)).ExecuteDeleteAsync();
        await db.Set<Activity>().IgnoreQueryFilters().Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync();
    }

    public static async Task<int> CodesAsync(Options options)
    {
        var dir = options.Get("out") ?? throw new UsageException("Give --out DIR.");
        var sealer = new Sealer(new SealerKeys(BenchDb.EncryptionKey, BenchDb.LookupKey));
        var codes = new CheckInCodes(sealer.DeriveKey(CheckInCodes.DeriveKey));
        var now = DateTimeOffset.UtcNow;
        var shifts = await File.ReadAllLinesAsync(Path.Combine(dir, "shifts.txt"));
        await File.WriteAllLinesAsync(Path.Combine(dir, "codes.txt"), shifts.Where(s => s.Length > 0).Select(s => codes.Token(Guid.Parse(s), now)));
        return 0;
    }

    public static async Task<int> ResetAsync(Options options)
    {
        var target = BenchDb.From(options);
        await using var db = target.OpenAsSystem();
        var ids = await db.Set<Activity>().IgnoreQueryFilters().Where(a => a.Title == CheckInTitle).Select(a => a.Id).ToListAsync();
        await db.Set<Wushe.Features.Volunteers.Hours.HourRecord>().IgnoreQueryFilters().Where(r => r.ActivityId != null && ids.Contains(r.ActivityId.Value)).ExecuteDeleteAsync();
        var n = await db.Set<SignUp>().IgnoreQueryFilters().Where(s => ids.Contains(s.ActivityId) && (s.CheckedInAt != null || s.CheckedOutAt != null))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CheckedInAt, (DateTimeOffset?)null).SetProperty(x => x.CheckedOutAt, (DateTimeOffset?)null)
                .SetProperty(x => x.CheckInMinute, (long?)null).SetProperty(x => x.AttendanceNote, ""));
        Console.WriteLine($"reset: {n:N0} check-ins undone");
        return 0;
    }

    /// <summary>
    /// <c>checkin-local (--db|--postgres) [--count N]</c>: the check-in of <c>checkin-prepare</c>'s volunteers through the use case itself
    /// (<see cref="Wushe.Features.Volunteers.Hours.ScanAttendance"/>), one after another, each with a fresh context acting as the volunteer:
    /// median and p95, SQL commands per call and the process's CPU per call — the check-in without HTTP, authentication and concurrency.
    /// The check-ins are undone at the end (as checkin-reset).
    /// </summary>
    public static async Task<int> LocalAsync(Options options)
    {
        var target = BenchDb.From(options);
        var count = options.Get("count", 500);
        var sealer = new Sealer(new SealerKeys(BenchDb.EncryptionKey, BenchDb.LookupKey));
        var codes = new CheckInCodes(sealer.DeriveKey(CheckInCodes.DeriveKey));
        var limits = new CheckInLimits(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        List<(Guid UserId, string Area, Guid ShiftId)> people;
        await using (var db = target.OpenAsSystem())
        {
            var ids = await db.Set<Activity>().IgnoreQueryFilters().Where(a => a.Title == CheckInTitle).Select(a => a.Id).ToListAsync();
            people = (await db.Set<SignUp>().IgnoreQueryFilters().Where(s => ids.Contains(s.ActivityId) && s.Status == SignUpStatus.Confirmed && s.CheckedInAt == null)
                    .Join(db.Set<Volunteer>().IgnoreQueryFilters(), s => s.VolunteerId, v => v.Id, (s, v) => new { v.UserId, v.AreaCode, s.ShiftId })
                    .Take(count).ToListAsync())
                .Select(x => (x.UserId!.Value, x.AreaCode, x.ShiftId)).ToList();
        }
        var times = new List<double>();
        var sql = new List<long>();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var failures = 0;
        foreach (var (userId, area, shiftId) in people)
        {
            var user = new CurrentUser(userId, "", [new Assignment(Role.Volunteer, area, "", null)], null);
            var sent = target.Commands.Count;
            var watch = Stopwatch.StartNew();
            await using (var db = target.Open(user))
            {
                var r = await Wushe.Features.Volunteers.Hours.ScanAttendance.Handle(db, user, codes, limits, TimeProvider.System,
                    new(codes.Token(shiftId, DateTimeOffset.UtcNow), null, null));
                if (!r.IsOk) failures++;
            }
            times.Add(watch.Elapsed.TotalMilliseconds);
            sql.Add(target.Commands.Count - sent);
        }
        var used = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var warm = new Stats("check-in", times.Skip(Math.Min(50, times.Count / 5)).ToList());
        Console.WriteLine($"Check-in in process (ScanAttendance.Handle) on {target.Describe}: {people.Count} volunteers one after another, {failures} refused; "
            + $"after the first {Math.Min(50, times.Count / 5)}: median {warm.Median:0.0} ms, p95 {warm.P95:0.0} ms; SQL commands per call {sql.DefaultIfEmpty().Average():0.0}; "
            + $"CPU per call (whole process, all calls) {used.TotalMilliseconds / Math.Max(1, people.Count):0.00} ms; load {TimedRounds.LoadAverage()}");
        await ResetAsync(options);
        return failures == 0 ? 0 : 1;
    }

    public static async Task<int> RaceAsync(Options options)
    {
        var target = BenchDb.From(options);
        var dir = options.Get("out") ?? throw new UsageException("Give --out DIR.");
        var app = options.Get("app") ?? throw new UsageException("Give --app URL.");
        var count = options.Get("count", 2000);
        var warm = options.Get("rehearsal", 500);
        var race = (await File.ReadAllTextAsync(Path.Combine(dir, "race.txt"))).Split(' ', StringSplitOptions.TrimEntries);
        var shiftId = Guid.Parse(race[0]);
        var capacity = int.Parse(race[1]);
        var tokens = (await File.ReadAllLinesAsync(Path.Combine(dir, "volunteers.txt"))).Where(l => l.Length > 0).Select(l => l.Split(' ')[0]).ToList();
        if (tokens.Count < count + (race.Length > 2 ? warm : 0)) throw new UsageException($"Only {tokens.Count} tokens in {dir}/volunteers.txt.");
        if (race.Length > 2 && warm > 0)
        {
            // The rehearsal: other volunteers race for the other shift first (then it is emptied), as a city's app has served sign-ups
            // before its busiest minute; without it the race also measures the JIT and the database connections' first opening.
            var rehearsal = Guid.Parse(race[2]);
            var (_, _, took) = await RunRaceAsync(target, app, rehearsal, tokens.Skip(count).Take(warm).ToList());
            await using (var db = target.OpenAsSystem())
                await db.Set<SignUp>().IgnoreQueryFilters().Where(s => s.ShiftId == rehearsal).ExecuteDeleteAsync();
            Console.WriteLine($"Rehearsal: {warm:N0} other volunteers for the other shift of the race activity, the last answer after {took:0} ms; emptied.");
        }
        Console.WriteLine($"Race: {count:N0} volunteers, each on an open connection, sign up at once for shift {shiftId} of {capacity} places at {app}; load {TimedRounds.LoadAverage()}");
        var (answers, wall, lastAnswer) = await RunRaceAsync(target, app, shiftId, tokens.Take(count).ToList());

        var latencies = answers.Select(a => (a.Answered - a.Sent).TotalMilliseconds).ToList();
        var stats = new Stats("race", latencies);
        Console.WriteLine($"Answers: {string.Join(", ", answers.GroupBy(a => (a.Code, a.Status)).OrderBy(g => g.Key.Code).Select(g => $"{g.Key.Code} {g.Key.Status}: {g.Count():N0}"))}");
        Console.WriteLine($"Latency per request: median {stats.Median:0} ms, p95 {stats.P95:0} ms, p99 {stats.Percentile(99):0} ms, max {stats.Max:0} ms; "
            + $"the last answer {lastAnswer:0} ms after the start ({wall.TotalMilliseconds:0} ms wall).");
        await using (var db = target.OpenAsSystem())
        {
            var rows = await db.Set<SignUp>().IgnoreQueryFilters().Where(s => s.ShiftId == shiftId).Select(s => new { s.VolunteerId, s.Status }).ToListAsync();
            var confirmed = rows.Count(r => r.Status == SignUpStatus.Confirmed);
            var waitlisted = rows.Count(r => r.Status == SignUpStatus.Waitlisted);
            var duplicates = rows.GroupBy(r => r.VolunteerId).Count(g => g.Count() > 1);
            var ok = confirmed == capacity && waitlisted == count - capacity && duplicates == 0 && rows.Count == count && answers.All(a => a.Code == 201) && lastAnswer < 2000;
            Console.WriteLine($"In the database: {rows.Count:N0} sign-ups, {confirmed:N0} confirmed, {waitlisted:N0} waitlisted, {duplicates} volunteers twice. "
                + $"Goal (exactly {capacity} confirmed, the rest waitlisted, no duplicates, all answered within 2 s): {(ok ? "MET" : "NOT MET")}.");
            return ok ? 0 : 1;
        }
    }

    /// <summary>The volunteers of <paramref name="tokens"/> (emptied of the shift's sign-ups first), each on a connection opened first, sign up at once.</summary>
    static async Task<((int Code, string Status, TimeSpan Sent, TimeSpan Answered)[] Answers, TimeSpan Wall, double LastAnswerMs)> RunRaceAsync(BenchDb target, string app, Guid shiftId, List<string> tokens)
    {
        await using (var db = target.OpenAsSystem())
            await db.Set<SignUp>().IgnoreQueryFilters().Where(s => s.ShiftId == shiftId).ExecuteDeleteAsync();

        // One client (one connection) per volunteer, opened first with a cheap request, as 2,000 phones already on the page would be.
        var clients = tokens.Select(t =>
        {
            var c = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = new Uri(app), Timeout = TimeSpan.FromSeconds(60) };
            c.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", t);
            return c;
        }).ToList();
        using (var gate = new SemaphoreSlim(64))
            await Task.WhenAll(clients.Select(async c =>
            {
                await gate.WaitAsync();
                try { (await c.GetAsync("/health/live")).EnsureSuccessStatusCode(); } finally { gate.Release(); }
            }));
        var start = new TaskCompletionSource();
        var clock = Stopwatch.StartNew();
        var calls = clients.Select(async c =>
        {
            await start.Task;
            var sent = clock.Elapsed;
            try
            {
                using var response = await c.PostAsync($"/api/v1/me/volunteer/shifts/{shiftId}/sign-up", null);
                var body = await response.Content.ReadAsStringAsync();
                var status = response.StatusCode == HttpStatusCode.Created ? JsonDocument.Parse(body).RootElement.GetProperty("status").ToString() : body.Length > 120 ? body[..120] : body;
                return (Code: (int)response.StatusCode, Status: status, Sent: sent, Answered: clock.Elapsed);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // No answer within the client's 60 s (or the connection failed): counted, not thrown.
                return (Code: 0, Status: "no answer in 60 s: " + e.GetType().Name, Sent: sent, Answered: clock.Elapsed);
            }
        }).ToList();
        clock.Restart();
        start.SetResult();
        var answers = await Task.WhenAll(calls);
        var wall = clock.Elapsed;
        foreach (var c in clients) c.Dispose();
        return (answers, wall, answers.Max(a => a.Answered).TotalMilliseconds);
    }
}
