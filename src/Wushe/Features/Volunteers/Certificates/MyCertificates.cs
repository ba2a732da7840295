using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Certificates;

/// <summary>我的志愿服务证明: the signed-in volunteer's certificates, newest first; <see cref="PdfAsync"/> one of them. 404 for an account without a registration.</summary>
public static class MyCertificates
{
    public sealed record Row(Guid Id, string Number, DateOnly PeriodFrom, DateOnly PeriodTo, int Minutes, string IssuerName, DateTimeOffset IssuedAt,
        CertificateStatus Status, string RevokeReason);

    public sealed record Response(string Name, string VolunteerNo, int FinalMinutes, PageOf<Row> Certificates);

    public static async Task<Result<Response>> Handle(AppDb db, CurrentUser user, int? page, int? size, CancellationToken ct = default)
    {
        if (await SignUpForShift.MineAsync(db, user, ct) is not { } me) return Failure.NotFound();
        var found = await db.Set<VolunteerCertificate>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(c => c.VolunteerId == me.Id)
            .OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id)
            .Select(c => new Row(c.Id, c.Number, c.PeriodFrom, c.PeriodTo, c.Minutes, c.IssuerName, c.IssuedAt, c.Status, c.RevokeReason)).ToPageAsync(page, size, ct);
        return new Response(me.Name, me.VolunteerNo, me.FinalMinutes, found);
    }

    /// <summary>The PDF of one of my certificates (another's is 404).</summary>
    public static async Task<Result<CertificateFile>> PdfAsync(AppDb db, CurrentUser user, Guid id, CancellationToken ct = default)
    {
        if (await SignUpForShift.MineAsync(db, user, ct) is not { } me) return Failure.NotFound();
        return await db.Set<VolunteerCertificate>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.VolunteerId == me.Id, ct)
            is { } c ? CertificateFile.Of(c) : Failure.NotFound();
    }
}

/// <summary>A certificate's PDF, rendered from what was printed (<see cref="VolunteerCertificate.Snapshot"/>): a reprint is the same document.</summary>
public sealed record CertificateFile(byte[] Content, string FileName)
{
    public const string ContentType = "application/pdf";

    public static CertificateFile Of(VolunteerCertificate c) => new(CertificatePdf.Render(c.Printed()), $"志愿服务证明_{c.Number}.pdf");

    /// <summary>A certificate of the scope as a PDF (404 outside it).</summary>
    public static async Task<Result<CertificateFile>> OfScopeAsync(AppDb db, Guid id, CancellationToken ct = default) =>
        await db.Set<VolunteerCertificate>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } c ? Of(c) : Failure.NotFound();
}
