using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Certificates;

/// <summary>
/// 作废志愿服务证明: staff with <see cref="VolunteersPermissions.Organize"/> revoke a certificate of their scope with a reason (the
/// verification page then shows 已作废); audited. Revoked already is 409; a stale version 409; another area's 404.
/// </summary>
public static class RevokeCertificate
{
    public sealed record Request([property: Label("作废原因", "Reason")] string? Reason = null, int? Version = null);

    public sealed record Revoked(Guid Id, string Number, int Version);

    public static async Task<Result<Revoked>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        var errors = new Errors().Text("reason", r.Reason, "作废原因", "Reason", 2, 200);
        if (errors.Any) return errors.ToFailure();
        if (await db.Set<VolunteerCertificate>().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } certificate) return Failure.NotFound();
        if (certificate.Status == CertificateStatus.Revoked) return Failure.Conflict(Lang.T("该证明已作废", "This certificate is revoked already"));
        if (r.Version is { } version && version != certificate.Version) return Stale;
        certificate.Revoke(r.Reason!.Trim(), await Workers.NameAsync(db, user, ct) is { Length: > 0 and <= 50 } name ? name : "", clock.GetUtcNow());
        certificate.Touch();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale;
        }
        return new Revoked(certificate.Id, certificate.Number, certificate.Version);
    }

    static Failure Stale => Failure.Conflict(Lang.T("该证明已被他人修改，请刷新后重试", "Someone else changed this certificate; reload and try again"));
}
