using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Casework;
using Wushe.Features.Stations;
using Wushe.Platform.Access;

namespace Wushe.Features.Home;

/// <summary>
/// 待我审批的个案步骤: on a station head's home page, the cases of the head's scope with a step (assessment, plan, closure)
/// submitted and waiting for a decision — the head's one duty of issue 7 — the same cases as the case list's
/// <c>/Casework?pending=true</c>, which the figure opens. Null for anyone who heads no station (<see cref="StationStaff.IsHead"/>
/// of an active station social worker role, <see cref="CaseRules.IsHeadAsync"/>'s rule).
/// </summary>
public static class ApprovalFigures
{
    public static async Task<int?> WaitingAsync(AppDb db, CurrentUser user, CancellationToken ct = default)
    {
        if (user.Id is not { } id || user.Active?.Role != Role.StationWorker) return null;
        if (!await db.Set<StationStaff>().AnyAsync(m => m.UserId == id && m.IsHead, ct)) return null;
        return await db.Set<Case>().CountAsync(c => db.Set<CaseStep>().Any(s => s.CaseId == c.Id && s.Status == StepStatus.Submitted), ct);
    }
}
