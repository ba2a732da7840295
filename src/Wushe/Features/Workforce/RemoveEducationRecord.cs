using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce;

/// <summary>
/// 删除继续教育记录: removes a record entered by mistake (audited). A training's credit is removed by correcting its attendance,
/// not here (409); a record counted by a renewal already granted stays (409). Another area's person or record is 404.
/// </summary>
public static class RemoveEducationRecord
{
    public static async Task<Result<bool>> Handle(AppDb db, Guid socialWorkerId, Guid recordId, CancellationToken ct = default)
    {
        if (await db.Set<EducationRecord>().FirstOrDefaultAsync(e => e.Id == recordId && e.SocialWorkerId == socialWorkerId, ct) is not { } record)
            return Failure.NotFound();
        if (record.Source == EducationSource.Training)
            return Failure.Conflict(Lang.T("培训学时随出勤记录生成，请在培训的出勤中更正", "A training's hours follow its attendance; correct the attendance"));
        if (await db.Set<Registration>().AnyAsync(r => r.SocialWorkerId == socialWorkerId && r.Renewal && r.RegisteredAt > record.RecordedAt
                && record.On < r.RegisteredOn, ct))
            return Failure.Conflict(Lang.T("该学时已计入已办理的再登记，不能删除", "These hours were counted by a renewal already granted"));
        db.Remove(record);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
