using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce.Trainings;

/// <summary>
/// 记录出勤: whether a person attended and for how long (hours in halves, at most the course's; none given: the whole course). A social
/// worker of the register is credited with continuing education by exactly one <see cref="EducationRecord"/> (source 平台培训, dated the
/// course's last day, the course's title, the minutes attended) — recording again corrects it, unmarking (<c>attended: false</c>)
/// removes it and voids the certificate. Hours already counted by a renewal granted cannot shrink or go (409). A course that has not
/// begun is 409. Another area's course or an unknown enrolment is 404.
/// </summary>
public static class RecordAttendance
{
    public sealed record Request(
        [property: Label("是否出勤", "Attended")] bool? Attended = null,
        [property: Label("出勤学时", "Hours attended")] decimal? Hours = null);

    /// <param name="CreditedMinutes">The continuing education credited to the register person (null: none — not attended, or not on the register).</param>
    public sealed record Attendance(Guid EnrolmentId, int? AttendedMinutes, int? CreditedMinutes);

    public static async Task<Result<Attendance>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid trainingId, Guid enrolmentId, Request r, CancellationToken ct = default)
    {
        if (await db.Set<Training>().FirstOrDefaultAsync(t => t.Id == trainingId, ct) is not { } training) return Failure.NotFound();
        if (await db.Set<TrainingEnrolment>().FirstOrDefaultAsync(e => e.Id == enrolmentId && e.TrainingId == trainingId, ct) is not { } enrolment)
            return Failure.NotFound();
        var attended = r.Attended ?? true;
        int? minutes = null;
        if (attended)
        {
            minutes = r.Hours is null ? training.Minutes : TrainingRules.Minutes(r.Hours, training.Minutes / 60m);
            if (minutes is null)
                return Failure.Invalid("hours", Lang.T($"出勤学时应为0.5至{WorkforceRules.Hours(training.Minutes)}之间、以0.5为单位的数", $"Hours attended are 0.5 to {WorkforceRules.Hours(training.Minutes)}, in halves"));
        }
        if (training.StartsOn > ChinaTime.Today(clock))
            return Failure.Conflict(Lang.T("培训尚未开始，不能记录出勤", "The course has not begun: no attendance yet"));

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await TrainingRules.LockAsync(db, trainingId, ct);
        var credit = await db.Set<EducationRecord>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(e => e.TrainingEnrolmentId == enrolmentId, ct);
        if (credit is not null && (minutes is null || minutes < credit.Minutes) && await TrainingRules.CountedByRenewalAsync(db, enrolmentId, ct))
            return Failure.Conflict(Lang.T("该出勤学时已计入已办理的再登记，不能减少或取消", "These hours were counted by a renewal already granted: they cannot shrink or go"));
        enrolment.Attend(minutes);
        if (minutes is null)
        {
            if (credit is not null) db.Remove(credit);
        }
        else if (credit is not null) credit.Credit(training.EndsOn, minutes.Value, training.Title);
        else if (enrolment.SocialWorkerId is { } workerId
            && await db.Set<SocialWorker>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(w => w.Id == workerId, ct) is { } worker)
        {
            credit = new EducationRecord(worker, EducationSource.Training, training.EndsOn, minutes.Value, training.Title, enrolment.Id,
                user.Id, await Workers.NameAsync(db, user, ct), clock.GetUtcNow());
            db.Add(credit);
        }
        if (await db.SaveOrFindDuplicateAsync(ct) is not null) return UniqueKeys.Conflict();
        if (tx is not null) await tx.CommitAsync(ct);
        return new Attendance(enrolment.Id, enrolment.AttendedMinutes, minutes is null ? null : credit?.Minutes);
    }
}
