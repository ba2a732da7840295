using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce.Trainings;

/// <summary>
/// 移除报名: a person enrolled by mistake or who withdrew leaves the course (audited), freeing a place. One whose attendance is recorded
/// is 409: unmark the attendance first (which takes back the hours credited). Another area's course or an unknown enrolment is 404.
/// </summary>
public static class RemoveEnrolment
{
    public static async Task<Result<bool>> Handle(AppDb db, Guid trainingId, Guid enrolmentId, CancellationToken ct = default)
    {
        if (await db.Set<TrainingEnrolment>().FirstOrDefaultAsync(e => e.Id == enrolmentId && e.TrainingId == trainingId, ct) is not { } enrolment)
            return Failure.NotFound();
        if (enrolment.AttendedMinutes is not null)
            return Failure.Conflict(Lang.T("已记录出勤的报名不能移除，请先取消出勤", "Attendance is recorded for this person: unmark it first"));
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await TrainingRules.LockAsync(db, trainingId, ct);
        db.Remove(enrolment);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return true;
    }
}
