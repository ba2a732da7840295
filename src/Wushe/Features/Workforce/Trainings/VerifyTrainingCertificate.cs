using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Volunteers.Certificates;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce.Trainings;

/// <summary>
/// 培训证明验证: anyone, without signing in, looks a training certificate up by its number (typed, or from its QR code) and reads the
/// name, the course, its organizer and dates, the hours attended and the day of issue — no phone, nothing else. Look-ups are limited per
/// address as the volunteers' certificates are (<see cref="VerifyLimits"/>); an unknown number (or a certificate voided by unmarking the
/// attendance) is 404.
/// </summary>
public static class VerifyTrainingCertificate
{
    public sealed record Request([property: Label("证明编号", "Certificate number")] string? Number = null);

    public sealed record Verified(string Number, string Name, string Title, string OrganizerName, DateOnly StartsOn, DateOnly EndsOn, int AttendedMinutes,
        string Hours, DateOnly IssuedOn);

    public static Errors Validate(Request r)
    {
        var errors = new Errors();
        var no = TrainingRules.NormalizeNumber(r.Number);
        if (no is null) errors.Add("number", Lang.T("请输入证明编号", "Enter the certificate number"));
        else if (no.Length > 30) errors.Add("number", Lang.T("证明编号格式不正确", "The certificate number is not in the right form"));
        return errors;
    }

    public static string NotFoundMessage => Lang.T("未找到该培训证明，请核对证明编号（如 PXZM-2026-K7QP3M2A）", "No training certificate has this number: check it (e.g. PXZM-2026-K7QP3M2A)");

    public static async Task<Result<Verified>> Handle(AppDb db, VerifyLimits limits, string? origin, Request r, CancellationToken ct = default)
    {
        if (Validate(r) is { Any: true } errors) return errors.ToFailure();
        if (limits.Take(origin) is { } tooMany) return tooMany;
        var no = TrainingRules.NormalizeNumber(r.Number)!;
        var found = await (from e in db.Set<TrainingEnrolment>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
                           join t in db.Set<Training>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking() on e.TrainingId equals t.Id
                           where e.CertificateNumber == no && e.AttendedMinutes != null
                           select new { e.Name, t.Title, t.OrganizerName, t.StartsOn, t.EndsOn, Minutes = e.AttendedMinutes!.Value, e.CertificateIssuedOn }).FirstOrDefaultAsync(ct);
        if (found is null) return new Failure(FailureKind.NotFound, NotFoundMessage);
        return new Verified(no, found.Name, found.Title, found.OrganizerName, found.StartsOn, found.EndsOn, found.Minutes, WorkforceRules.Hours(found.Minutes),
            found.CertificateIssuedOn!.Value);
    }
}
