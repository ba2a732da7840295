using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce.Trainings;

/// <summary>
/// The trainings' rules in one place: a course's hours (0.5 h steps, at most 24 an elapsed day), attendance within them, the one
/// lock that keeps enrolments within the capacity, and the certificate's number.
/// </summary>
public static class TrainingRules
{
    /// <summary>The longest course: a year.</summary>
    public const int MaxDays = 366;

    public const int MaxCapacity = 10000;

    /// <summary>Days of a course, both ends counted.</summary>
    public static int Days(DateOnly startsOn, DateOnly endsOn) => endsOn.DayNumber - startsOn.DayNumber + 1;

    /// <summary>Hours as minutes when they are a positive multiple of 0.5 up to <paramref name="maxHours"/>; otherwise null.</summary>
    public static int? Minutes(decimal? hours, decimal maxHours) =>
        hours is { } h && h >= 0.5m && h <= maxHours && h * 2 == decimal.Truncate(h * 2) ? (int)(h * 60) : null;

    /// <summary>
    /// Takes the course's row for this transaction — a write that changes nothing: on PostgreSQL a row lock held to the commit, on SQLite
    /// the database's write lock — so that enrolments, removals, attendance and a new capacity of one course queue, and each counts what the
    /// one before it committed. Call inside the transaction, before counting.
    /// </summary>
    public static Task LockAsync(AppDb db, Guid trainingId, CancellationToken ct) =>
        db.Set<Training>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(t => t.Id == trainingId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version), ct);

    public static Task<int> EnrolledAsync(AppDb db, Guid trainingId, CancellationToken ct) =>
        db.Set<TrainingEnrolment>().IgnoreQueryFilters([AppDb.ScopeFilter]).CountAsync(e => e.TrainingId == trainingId, ct);

    public static Failure Full(int capacity) =>
        Failure.Conflict(Lang.T($"报名人数已满（计划 {capacity} 人），不能再报名", $"The course is full ({capacity} places)"));

    public static Failure Stale => Failure.Conflict(Lang.T("该培训已被他人修改，请刷新后重试", "Someone else changed this training; reload and try again"));

    const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>培训证明编号: PXZM-year-eight random characters (unique index; a collision is drawn again).</summary>
    public static string NewCertificateNumber(int year) =>
        $"PXZM-{year.ToString(CultureInfo.InvariantCulture)}-" + string.Concat(Enumerable.Range(0, 8).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]));

    /// <summary>A certificate number as typed (spaces gone, upper case), or null when empty.</summary>
    public static string? NormalizeNumber(string? number) =>
        string.IsNullOrWhiteSpace(number) ? null : string.Concat(number.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>Whether a credit of <paramref name="enrolmentId"/> was counted by a renewal already granted (then it cannot shrink or go).</summary>
    public static async Task<bool> CountedByRenewalAsync(AppDb db, Guid enrolmentId, CancellationToken ct)
    {
        var record = await db.Set<EducationRecord>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
            .Where(e => e.TrainingEnrolmentId == enrolmentId).Select(e => new { e.SocialWorkerId, e.On, e.RecordedAt }).FirstOrDefaultAsync(ct);
        return record is not null && await db.Set<Registration>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .AnyAsync(r => r.SocialWorkerId == record.SocialWorkerId && r.Renewal && r.RegisteredAt > record.RecordedAt && record.On < r.RegisteredOn, ct);
    }
}
