using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Certificates;

/// <summary>
/// 证明验证: anyone, without signing in, looks a certificate up by its number (typed, or from the QR code) and reads whether it is valid or
/// revoked, the name, the period, the hours, the issuer and the day of issue — no ID number, no phone, no volunteer number. Look-ups are
/// limited per address (<see cref="VerifyLimits"/>); an unknown number is 404 with 未找到该证明.
/// </summary>
public static class VerifyCertificate
{
    public sealed record Request([property: Label("证明编号", "Certificate number")] string? Number = null);

    public sealed record Verified(string Number, CertificateStatus Status, string StatusLabel, string VolunteerName, DateOnly PeriodFrom, DateOnly PeriodTo,
        int Minutes, string Hours, string IssuerName, DateOnly IssuedOn, DateTimeOffset? RevokedAt);

    public static Errors Validate(Request r)
    {
        var errors = new Errors();
        var no = IssueCertificate.Normalize(r.Number);
        if (no is null) errors.Add("number", Lang.T("请输入证明编号", "Enter the certificate number"));
        else if (no.Length > 30) errors.Add("number", Lang.T("证明编号格式不正确", "The certificate number is not in the right form"));
        return errors;
    }

    public static string NotFoundMessage => Lang.T("未找到该证明，请核对证明编号（如 ZYFW-2026-000123-K7QP）", "No certificate has this number: check it (e.g. ZYFW-2026-000123-K7QP)");

    public static async Task<Result<Verified>> Handle(AppDb db, VerifyLimits limits, string? origin, Request r, CancellationToken ct = default)
    {
        if (Validate(r) is { Any: true } errors) return errors.ToFailure();
        if (limits.Take(origin) is { } tooMany) return tooMany;
        var no = IssueCertificate.Normalize(r.Number)!;
        var found = await db.Set<VolunteerCertificate>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(c => c.Number == no)
            .Select(c => new { c.Number, c.Status, c.VolunteerName, c.PeriodFrom, c.PeriodTo, c.Minutes, c.IssuerName, c.IssuedOn, c.RevokedAt }).FirstOrDefaultAsync(ct);
        if (found is null) return new Failure(FailureKind.NotFound, NotFoundMessage);
        return new Verified(found.Number, found.Status, VolunteerCertificate.StatusLabel(found.Status), found.VolunteerName, found.PeriodFrom, found.PeriodTo,
            found.Minutes, VolunteerHours.Format(found.Minutes), found.IssuerName, found.IssuedOn, found.RevokedAt);
    }
}

/// <summary>
/// How the public verification resists walking the numbers: per client address, <c>Wushe:Volunteers:VerificationsPerHour</c> (default 60)
/// look-ups in any hour, by a sliding window (in memory, per instance). A refused look-up is 429 with the wait.
/// </summary>
public sealed class VerifyLimits(IConfiguration config)
{
    readonly PartitionedRateLimiter<string> lookups = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = config.GetValue("Wushe:Volunteers:VerificationsPerHour", 60),
            Window = TimeSpan.FromHours(1),
            SegmentsPerWindow = 12,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public Failure? Take(string? origin)
    {
        using var lease = lookups.AttemptAcquire(origin ?? "", 1);
        if (lease.IsAcquired) return null;
        return Failure.TooManyRequests(lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(5));
    }
}
