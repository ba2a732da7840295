using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce.Trainings;

/// <summary>
/// 出具培训证明: an attended person's certificate gets its number (PXZM-year-…, unique platform-wide) once; asking again answers the same
/// number. <see cref="PdfAsync"/> prints it (Chinese, A4) with the QR code of the public verification page. Not attended: 409. Another
/// area's course or an unknown enrolment: 404.
/// </summary>
public static class IssueTrainingCertificate
{
    public sealed record Certificate(Guid EnrolmentId, string Number, DateOnly IssuedOn, string Name);

    public sealed record File(byte[] Content, string FileName);

    public static async Task<Result<Certificate>> Handle(AppDb db, TimeProvider clock, Guid trainingId, Guid enrolmentId, CancellationToken ct = default)
    {
        if (await db.Set<TrainingEnrolment>().FirstOrDefaultAsync(e => e.Id == enrolmentId && e.TrainingId == trainingId, ct) is not { } enrolment)
            return Failure.NotFound();
        if (enrolment.AttendedMinutes is null) return NotAttended;
        if (enrolment.CertificateNumber is { } number) return new Certificate(enrolment.Id, number, enrolment.CertificateIssuedOn!.Value, enrolment.Name);
        var today = ChinaTime.Today(clock);
        for (var attempt = 0; ; attempt++)
        {
            enrolment.Certify(TrainingRules.NewCertificateNumber(today.Year), today);
            if (await db.SaveOrFindDuplicateAsync(ct) is null) break;
            if (attempt >= 5) return UniqueKeys.Conflict();
        }
        return new Certificate(enrolment.Id, enrolment.CertificateNumber!, today, enrolment.Name);
    }

    static Failure NotAttended => Failure.Conflict(Lang.T("未记录出勤，不能出具培训证明", "No attendance recorded: no certificate"));

    /// <summary>The certificate as a PDF; 409 when none was issued (or it was voided by unmarking the attendance).</summary>
    public static async Task<Result<File>> PdfAsync(AppDb db, string verifyBase, Guid trainingId, Guid enrolmentId, CancellationToken ct = default)
    {
        var found = await (from e in db.Set<TrainingEnrolment>().AsNoTracking()
                           join t in db.Set<Training>().AsNoTracking() on e.TrainingId equals t.Id
                           where e.Id == enrolmentId && e.TrainingId == trainingId
                           select new { e.Name, e.Unit, e.SocialWorkerId, e.AttendedMinutes, e.CertificateNumber, e.CertificateIssuedOn, t.Title, t.Kind, t.OrganizerName, t.Place, t.StartsOn, t.EndsOn })
            .FirstOrDefaultAsync(ct);
        if (found is null) return Failure.NotFound();
        if (found.AttendedMinutes is not { } minutes) return NotAttended;
        if (found.CertificateNumber is not { } number)
            return Failure.Conflict(Lang.T("尚未出具培训证明，请先出具", "No certificate issued yet: issue it first"));
        var pdf = TrainingCertificatePdf.Render(new TrainingCertificateContent(number, found.CertificateIssuedOn!.Value, found.Name, found.Unit, found.Title,
            TrainingCertificatePdf.KindName(found.Kind), found.OrganizerName, found.Place, found.StartsOn, found.EndsOn, minutes, found.SocialWorkerId is not null,
            VerifyUrl(verifyBase, number)));
        return new File(pdf, $"培训证明_{number}.pdf");
    }

    public static string VerifyUrl(string verifyBase, string number) => $"{verifyBase.TrimEnd('/')}/Workforce/Trainings/Verify?no={Uri.EscapeDataString(number)}";
}
