using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Validation;
using Wushe.Platform.Web;

namespace Wushe.Features.Accounts;

/// <summary>
/// How sign-in resists guessing without becoming a tool for locking others out (ADR 0004):
/// <list type="number">
/// <item>per client address, every sign-in POST (API token and page form) passes ASP.NET Core's rate
/// limiter first: <c>PerClientPerMinute</c> (default 30) in any minute, else 429 with Retry-After;</item>
/// <item>per account and client address, <c>LockoutFailures</c> (5) wrong passwords within
/// <c>LockoutMinutes</c> (15) lock that address out of that account only — the real user elsewhere
/// still signs in (see <see cref="SignIn"/>; counted from the audit trail, so every instance agrees);</item>
/// <item>per account name over all addresses, <c>PerAccountFailures</c> (20) wrong passwords in 15
/// minutes make further tries answer 429: this slows guessing spread over many addresses, and one
/// address alone, locked after 5, cannot reach it.</item>
/// </list>
/// Settings live under <c>Wushe:SignIn</c>. The in-memory counters (1 and 3) are per instance.
/// </summary>
public sealed class SignInLimits
{
    /// <summary>The rate-limiter policy of the sign-in endpoints.</summary>
    public const string Policy = "sign-in";

    readonly PartitionedRateLimiter<string> perAccount;
    readonly ConcurrentDictionary<string, DateTimeOffset> recorded = new();
    readonly PasswordHasher<User> hasher;
    readonly Lazy<string> dummyHash;
    static readonly User DummyUser = new("dummy", "", "", DateTimeOffset.UnixEpoch);

    public SignInLimits(IConfiguration config, Microsoft.Extensions.Options.IOptions<PasswordHasherOptions> hashing)
    {
        var section = config.GetSection("Wushe:SignIn");
        PerClientPerMinute = section.GetValue("PerClientPerMinute", 30);
        PerAccountFailures = section.GetValue("PerAccountFailures", 20);
        LockoutFailures = section.GetValue("LockoutFailures", 5);
        LockoutWindow = TimeSpan.FromMinutes(section.GetValue("LockoutMinutes", 15));
        // The same hasher (algorithm and iteration count) as the accounts', so a dummy check costs what a real one does.
        hasher = new PasswordHasher<User>(hashing);
        dummyHash = new(() => hasher.HashPassword(DummyUser, Guid.NewGuid().ToString()));
        perAccount = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = PerAccountFailures,
            Window = LockoutWindow,
            SegmentsPerWindow = 15,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public int PerClientPerMinute { get; }
    public int PerAccountFailures { get; }
    public int LockoutFailures { get; }
    public TimeSpan LockoutWindow { get; }

    /// <summary>The account's key for the per-account limit: the login as typed, normalised, whether or not such an account exists.</summary>
    public static string AccountKey(string login) =>
        Mobile.IsValid(login) ? "mobile:" + Mobile.Normalize(login) : "name:" + login.Trim().ToUpperInvariant();

    /// <summary>Null while the account may be tried; else how long to wait.</summary>
    public TimeSpan? AccountThrottled(string key)
    {
        using var lease = perAccount.AttemptAcquire(key, 0);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    /// <summary>Counts one wrong password (or unknown account) against the account's limit.</summary>
    public void CountFailure(string key)
    {
        using var _ = perAccount.AttemptAcquire(key, 1);
    }

    /// <summary>Checks a password against a hash no account has: an unknown or locked account then costs the same time as a wrong password.</summary>
    public void VerifyDummy(string password) => hasher.VerifyHashedPassword(DummyUser, dummyHash.Value, password);

    /// <summary>
    /// Whether a rate-limit refusal for this key should be written to the audit trail now: at most one a
    /// minute per key, so that a flood of refused requests cannot flood the audit table too.
    /// </summary>
    public bool ShouldRecord(string key, DateTimeOffset now)
    {
        if (recorded.Count > 10_000)
            foreach (var old in recorded.Where(r => now - r.Value > TimeSpan.FromMinutes(1)).ToList()) recorded.TryRemove(old.Key, out _);
        var last = recorded.GetOrAdd(key, DateTimeOffset.MinValue);
        return now - last >= TimeSpan.FromMinutes(1) && recorded.TryUpdate(key, now, last);
    }

    /// <summary>The per-client policy: sign-in POSTs by remote address; other methods are not limited.</summary>
    public void AddPolicy(RateLimiterOptions options)
    {
        options.AddPolicy(Policy, http => HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetSlidingWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "", _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = PerClientPerMinute,
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 6,
                QueueLimit = 0,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(""));
        options.OnRejected = OnRejectedAsync;
    }

    /// <summary>429 with Retry-After and Problem Details for the API; the sign-in page again with the message for a browser. Audited.</summary>
    static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var w) ? w : TimeSpan.FromMinutes(1);
        var limits = http.RequestServices.GetRequiredService<SignInLimits>();
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var origin = http.Connection.RemoteIpAddress?.ToString();
        if (limits.ShouldRecord("client:" + origin, clock.GetUtcNow()))
        {
            var db = http.RequestServices.GetRequiredService<AppDb>();
            db.AuditRecords.Add(new AuditRecord(clock.GetUtcNow(), db.Actor, AuditAction.SignInFailed, nameof(User), "", outcome: AuditOutcome.Denied, reason: "rate-limited: client"));
            await db.SaveChangesAsync(ct);
        }
        var failure = Failure.TooManyRequests(wait);
        if (Api.IsApi(http.Request))
        {
            http.Response.SetRetryAfter(wait);
            await Http.Problem(failure).ExecuteAsync(http);
            return;
        }
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var returnUrl = http.Request.Query["returnUrl"].ToString();
        http.Response.Redirect($"/Account/Login?retryAfter={seconds}" + (returnUrl.Length > 0 ? "&returnUrl=" + Uri.EscapeDataString(returnUrl) : ""));
    }

    /// <summary>Said after every failed sign-in, whatever the cause, so that it tells nothing about the account.</summary>
    public string Hint => Lang.T($"连续输错 {LockoutFailures} 次密码后，需等待 {LockoutWindow.TotalMinutes:0} 分钟才能再试；忘记密码请联系管理员重置。",
        $"After {LockoutFailures} wrong passwords in a row, wait {LockoutWindow.TotalMinutes:0} minutes before trying again; if you forgot your password, ask your administrator to reset it.");
}
