using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce;

/// <summary>
/// A social worker's record as staff in scope read it (ID and phone masked; in full only by <see cref="RevealSocialWorkerField"/>):
/// the person, employer and post, qualifications, registrations with the state on today's China date, the continuing-education
/// records (newest first) and the current period's time against what renewal needs (<see cref="WorkforceRules.RequiredMinutes"/>).
/// Another area's (or organization's) person is 404.
/// </summary>
public static class GetSocialWorker
{
    public sealed record QualificationRow(Guid Id, SocialWorkLevel Level, QualificationRoute Route, DateOnly ObtainedOn, string CertificateNo, bool Registered);

    public sealed record RegistrationRow(Guid Id, SocialWorkLevel Level, bool Renewal, DateOnly RegisteredOn, DateOnly ValidUntil, string RegistrationNo,
        int PeriodMinutes, string RegisteredByName);

    public sealed record EducationRow(Guid Id, EducationSource Source, DateOnly On, int Minutes, string Content, string RecordedByName);

    /// <summary>The period whose hours count now: the latest registration of the highest level (or, unregistered, the three years to today).</summary>
    public sealed record Period(DateOnly From, DateOnly To, int Minutes, int RequiredMinutes);

    /// <summary>
    /// One exam sitting of the person (职业水平考试, scoped by the exam's area); <paramref name="Uncertified"/>: the level was achieved
    /// but no qualification of that level is on the record yet (the certificate is to be entered).
    /// </summary>
    public sealed record ExamRow(Guid Id, int Year, SocialWorkLevel Level, bool Sat, bool Passed, bool Uncertified);

    /// <remarks>The age, never the birth date: with the masked ID (its first and last four digits) and the area, the birth date would give the ID back.</remarks>
    public sealed record Details(Guid Id, string Name, Sex Sex, int Age, string IdNumber, string? Phone, Education? Education,
        string AreaCode, string AreaPath, EmployerKind? EmployerKind, Guid? StationId, Guid? OrganizationId, string EmployerName, string Post,
        DateOnly? StartedOn, SocialWorkerStatus Status, string StatusReason, bool HasAccount, SocialWorkLevel? Level, RegistrationState State,
        DateOnly? QualifiedOn, DateOnly? RegisterBy, DateOnly? RegisteredUntil, Period? Hours, IReadOnlyList<QualificationRow> Qualifications,
        IReadOnlyList<RegistrationRow> Registrations, IReadOnlyList<EducationRow> EducationRecords, string CreatedByName, DateTimeOffset CreatedAt, int Version, string? AccountName = null,
        IReadOnlyList<ExamRow>? Exams = null);

    public static async Task<Result<Details>> Handle(AppDb db, TimeProvider clock, Guid id, CancellationToken ct = default)
    {
        if (await db.Set<SocialWorker>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct) is not { } w) return Failure.NotFound();
        var today = ChinaTime.Today(clock);
        var registrations = await db.Set<Registration>().Where(r => r.SocialWorkerId == id).OrderByDescending(r => r.RegisteredOn)
            .Select(r => new RegistrationRow(r.Id, r.Level, r.Renewal, r.RegisteredOn, r.ValidUntil, r.RegistrationNo, r.PeriodMinutes, r.RegisteredByName)).ToListAsync(ct);
        var registered = await db.Set<Registration>().Where(r => r.SocialWorkerId == id).Select(r => r.QualificationId).Distinct().ToListAsync(ct);
        var qualifications = (await db.Set<Qualification>().Where(q => q.SocialWorkerId == id).OrderByDescending(q => q.Level)
            .Select(q => new { q.Id, q.Level, q.Route, q.ObtainedOn, q.CertificateNo }).ToListAsync(ct))
            .Select(q => new QualificationRow(q.Id, q.Level, q.Route, q.ObtainedOn, q.CertificateNo, registered.Contains(q.Id))).ToList();
        var education = await db.Set<EducationRecord>().Where(e => e.SocialWorkerId == id).OrderByDescending(e => e.On).ThenByDescending(e => e.Id).Take(200)
            .Select(e => new EducationRow(e.Id, e.Source, e.On, e.Minutes, e.Content, e.RecordedByName)).ToListAsync(ct);
        Period? period = null;
        if (w.Level is { } level)
        {
            var current = registrations.Where(r => r.Level == level).MaxBy(r => r.RegisteredOn);
            var (from, to) = current is null ? (today.AddYears(-WorkforceRules.ValidYears).AddDays(1), today) : (current.RegisteredOn, current.ValidUntil);
            var minutes = await WorkforceRules.MinutesAsync(db, id, from, to, ct);
            period = new Period(from, to, minutes, WorkforceRules.RequiredMinutes(level));
        }
        var held = qualifications.Select(q => q.Level).ToHashSet();
        var exams = (await db.Set<Exams.ExamCandidate>().AsNoTracking().Where(c => c.SocialWorkerId == id).OrderByDescending(c => c.Year).ThenByDescending(c => c.Level)
            .Select(c => new { c.Id, c.Year, c.Level, c.Sat, c.Passed, c.ReviewPassed }).ToListAsync(ct))
            .Select(c => new ExamRow(c.Id, c.Year, c.Level, c.Sat, c.Passed, Exams.ExamRules.Qualifies(c.Level, c.Passed, c.ReviewPassed) && !held.Contains(c.Level))).ToList();
        var path = await AreaNames.PathAsync(db, w.AreaCode, ct);
        var user = w.UserId is { } userId ? await db.Users.Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.UserName }).FirstOrDefaultAsync(ct) : null;
        var account = user is null ? null : Lang.T($"{user.DisplayName}（{user.UserName}）", $"{user.DisplayName} ({user.UserName})");
        return new Details(w.Id, w.Name, w.Sex, ChinaTime.AgeOn(w.BirthDate, today), w.IdNumber.Masked, w.Phone?.Masked, w.Education,
            w.AreaCode, string.Join(" / ", path), w.EmployerKind, w.StationId, w.OrganizationId, w.EmployerName, w.Post, w.StartedOn, w.Status,
            w.StatusReason, w.UserId is not null, w.Level, WorkforceRules.StateOf(w, today), w.QualifiedOn,
            w.QualifiedOn is { } q && w.RegisteredUntil is null ? WorkforceRules.FirstRegistrationBy(q) : null, w.RegisteredUntil, period,
            qualifications, registrations, education, w.CreatedByName, w.CreatedAt, w.Version, account, exams);
    }
}
