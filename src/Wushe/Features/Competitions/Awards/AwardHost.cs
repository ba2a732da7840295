using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// Who acts on an award: its call's host — staff holding <see cref="CompetitionsPermissions.Host"/> whose scope covers the call's host
/// area. Staff of the project's area below it (a township station under a district's call) read the award, which lies in their area,
/// but sign, release, stop, claw back and close nothing: the money is the host's (review of issue 12: a station released a district's tranche).
/// </summary>
public static class AwardHost
{
    public static Failure NotHost => Failure.Forbidden(Lang.T("资助协议签订、拨付、停拨、追回和结项由公益创投的主办单位办理", "Signing, releasing, stopping, clawing back and closing an award are for the call's host"));

    /// <summary>Null when the actor (<see cref="AppDb.Actor"/>) hosts the award's call; 404 for an award out of their sight; 403 for one they only read.</summary>
    public static async Task<Failure?> RefusalAsync(AppDb db, Guid awardId, CancellationToken ct = default)
    {
        // Two reads: setting the scope filter aside for the call would set it aside for the award too, in one query.
        if (await db.Set<CompetitionAward>().Where(a => a.Id == awardId).Select(a => (Guid?)a.CompetitionId).FirstOrDefaultAsync(ct) is not { } callId)
            return Failure.NotFound();
        var area = await db.Set<Competition>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(c => c.Id == callId).Select(c => c.AreaCode).FirstOrDefaultAsync(ct);
        if (area is null) return Failure.NotFound();
        return Hosts(db, area) ? null : NotHost;
    }

    /// <summary>Whether the actor's scope covers the host area (12 digits) of an award's call: the award page shows its actions then.</summary>
    public static bool Hosts(AppDb db, string callAreaCode) => db.Actor.Has(CompetitionsPermissions.Host) && db.Actor.Scope.Covers(callAreaCode);
}
