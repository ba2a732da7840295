using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce.Trainings;

/// <summary>
/// A course as staff in scope read it, with its enrolments (register people first, then others, by name): phone masked, the attendance
/// and whether its hours are credited to the person's continuing education, the certificate's number. Another area's (or
/// organization's) course is 404.
/// </summary>
public static class GetTraining
{
    public sealed record Enrolment(Guid Id, Guid? SocialWorkerId, string Name, string? Phone, string Unit, int? AttendedMinutes, bool Credited,
        string? CertificateNumber, DateOnly? CertificateIssuedOn, string EnrolledByName);

    public sealed record Details(Guid Id, string Title, TrainingKind Kind, string KindName, TrainingOrganizerKind OrganizerKind, string OrganizerName,
        Guid? OrganizationId, Guid? StationId, string AreaCode, string AreaPath, DateOnly StartsOn, DateOnly EndsOn, int Minutes, string Place, int Capacity,
        IReadOnlyList<Enrolment> Enrolments, string CreatedByName, DateTimeOffset CreatedAt, int Version);

    public static async Task<Result<Details>> Handle(AppDb db, Guid id, CancellationToken ct = default)
    {
        if (await db.Set<Training>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is not { } t) return Failure.NotFound();
        var credited = db.Set<EducationRecord>().IgnoreQueryFilters([AppDb.ScopeFilter]);
        var enrolments = await db.Set<TrainingEnrolment>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(e => e.TrainingId == id)
            .OrderBy(e => e.SocialWorkerId == null).ThenBy(e => e.Name).ThenBy(e => e.Id)
            .Select(e => new Enrolment(e.Id, e.SocialWorkerId, e.Name, e.Phone == null ? null : e.Phone.Masked, e.Unit, e.AttendedMinutes,
                credited.Any(c => c.TrainingEnrolmentId == e.Id), e.CertificateNumber, e.CertificateIssuedOn, e.EnrolledByName))
            .ToListAsync(ct);
        var path = await AreaNames.PathAsync(db, t.AreaCode, ct);
        return new Details(t.Id, t.Title, t.Kind, Training.KindLabel(t.Kind), t.OrganizerKind, t.OrganizerName, t.OrganizationId, t.StationId, t.AreaCode,
            string.Join(" / ", path), t.StartsOn, t.EndsOn, t.Minutes, t.Place, t.Capacity, enrolments, t.CreatedByName, t.CreatedAt, t.Version);
    }
}
