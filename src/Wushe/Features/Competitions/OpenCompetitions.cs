using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 可申报的创投: for organization staff, the published calls taking applications now (<see cref="Competition.Accepting"/>) whose host area
/// and one of the acting organization's service areas (<see cref="OrganizationServiceArea.ServedAreaCode"/>) meet — the host area covers
/// the served area (a county's call, an organization serving one of its townships) or lies within it (a township's call, an organization
/// serving the whole county). Read without the area scope (calls are public once published); the deadline first. Anyone else: none.
/// </summary>
public static class OpenCompetitions
{
    /// <param name="ClosesAt">The deadline (an instant; shown in China time).</param>
    public sealed record Row(Guid Id, string CallNo, string Title, string HostName, string AreaCode, string AreaName, IReadOnlyList<FocusArea> Focuses,
        IReadOnlyList<string> FocusNames, long PoolFen, long CapFen, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string Phase);

    public static async Task<IReadOnlyList<Row>> Handle(AppDb db, CurrentUser user, TimeProvider clock, CancellationToken ct = default)
    {
        if (user.ActingOrganization is not { } organization) return [];
        var now = clock.GetUtcNow();
        var served = await db.Set<OrganizationServiceArea>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => s.OrganizationId == organization)
            .Select(s => s.ServedAreaCode).ToListAsync(ct);
        if (served.Count == 0) return [];
        // The calls open now are few (a city has a handful a year): read them, then keep those meeting a service area.
        var open = await db.Set<Competition>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
            .Where(c => c.Status == CompetitionStatus.Published && c.OpensAt <= now && c.ClosesAt > now)
            .OrderBy(c => c.ClosesAt).ThenBy(c => c.Id).Take(500).ToListAsync(ct);
        var meeting = open.Where(c => served.Any(s => AreaCode.Covers(c.AreaCode, s) || AreaCode.Covers(s, c.AreaCode))).ToList();
        var names = await AreaNames.LookupAsync(db, meeting.Select(c => c.AreaCode).Distinct(), ct);
        return [.. meeting.Select(c => new Row(c.Id, c.CallNo, c.Title, c.HostName, c.AreaCode, names.GetValueOrDefault(c.AreaCode, c.AreaCode), c.Focuses,
            [.. c.Focuses.Select(Organization.FocusLabel)], c.PoolFen, c.CapFen, c.OpensAt, c.ClosesAt, c.PhaseLabel(now)))];
    }
}
