using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce;

/// <summary>
/// 删除职业资格: corrects a qualification entered by mistake (audited). One that has been registered is 409 (its registrations are
/// the record of a real certificate). Keeps the register's roll-ups. Another area's person, or a qualification not theirs, is 404.
/// </summary>
public static class RemoveQualification
{
    public static async Task<Result<bool>> Handle(AppDb db, Guid socialWorkerId, Guid qualificationId, CancellationToken ct = default)
    {
        if (await db.Set<SocialWorker>().FirstOrDefaultAsync(w => w.Id == socialWorkerId, ct) is not { } worker) return Failure.NotFound();
        if (await db.Set<Qualification>().FirstOrDefaultAsync(q => q.Id == qualificationId && q.SocialWorkerId == socialWorkerId, ct) is not { } qualification)
            return Failure.NotFound();
        if (await db.Set<Registration>().AnyAsync(r => r.QualificationId == qualificationId, ct))
            return Failure.Conflict(Lang.T("该职业资格已办理登记，不能删除", "This qualification has been registered and cannot be removed"));
        db.Remove(qualification);
        await WorkforceRules.Roll(db, worker, ct);
        worker.Touch();
        await db.SaveChangesAsync(ct);
        return true;
    }
}
