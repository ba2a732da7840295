using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;

namespace Wushe.Features.Competitions;

/// <summary>
/// 可申报的公益创投: the calls an organization's staff may apply to now — published and accepting (<see cref="Competition.Accepting"/>),
/// whose host area the organization serves: a host area covering one of its service areas (or its own area), or lying inside one of
/// them (<see cref="ServingOrganizations"/>' rule of "serves"), or any host area when the call does not ask the organization to serve the
/// project's area (<see cref="Competition.MustServeArea"/> off); the deadline first; each with the organization's application to it, if any.
/// </summary>
public static class MyCompetitions
{
    public sealed record Row(Guid Id, string CallNo, string Title, string HostName, string AreaCode, string AreaName, IReadOnlyList<FocusArea> Focuses, long PoolFen, long CapFen,
        CoFundingRule CoFunding, int CoFundingMinPercent, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, IReadOnlyList<string> RequiredDocuments,
        Guid? ApplicationId, string? ApplicationNo, ApplicationStatus? ApplicationStatus);

    public static async Task<List<Row>> Handle(AppDb db, CurrentUser user, TimeProvider clock, CancellationToken ct = default)
    {
        if (OrganizationAccess.Own(user) is not { } organizationId) return [];
        var now = clock.GetUtcNow();
        var own = await db.Set<Organization>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(o => o.Id == organizationId).Select(o => o.AreaCode).FirstOrDefaultAsync(ct);
        var served = await db.Set<OrganizationServiceArea>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => s.OrganizationId == organizationId).Select(s => s.ServedAreaCode).ToListAsync(ct);
        if (own is not null) served.Add(own);
        served = [.. served.Distinct()];
        var open = db.Set<Competition>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
            .Where(c => c.Status == CompetitionStatus.Published && c.OpensAt <= now && c.ClosesAt > now);
        // Calls open to organizations from anywhere (not asking them to serve the project's area) …
        var calls = await open.Where(c => !c.MustServeArea).ToListAsync(ct);
        // … host areas covering a served area (a county's call for an organization serving one of its townships) …
        var above = served.SelectMany(ServingOrganizations.Covering).Distinct().ToList();
        calls.AddRange(await open.Where(c => above.Contains(c.AreaCode)).ToListAsync(ct));
        // … and host areas inside a served area (a township's micro-venture call for an organization serving the whole county).
        foreach (var code in served)
        {
            var (low, high) = AreaCode.Range(code);
            calls.AddRange(await open.WhereWithin(c => AreaRange.Within(c.AreaCode, low, high)).ToListAsync(ct));
        }
        calls = [.. calls.DistinctBy(c => c.Id).OrderBy(c => c.ClosesAt).ThenBy(c => c.Id)];
        var ids = calls.Select(c => c.Id).ToList();
        var mine = await db.Set<CompetitionApplication>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
            .Where(a => ids.Contains(a.CompetitionId) && a.Status != ApplicationStatus.Withdrawn)
            .Select(a => new { a.CompetitionId, a.Id, a.ApplicationNo, a.Status }).ToListAsync(ct);
        var names = await AreaNames.LookupAsync(db, calls.Select(c => c.AreaCode).Distinct(), ct);
        var rows = new List<Row>();
        foreach (var c in calls)
        {
            var a = mine.FirstOrDefault(m => m.CompetitionId == c.Id);
            rows.Add(new Row(c.Id, c.CallNo, c.Title, c.HostName, c.AreaCode, names.GetValueOrDefault(c.AreaCode, c.AreaCode), c.Focuses, c.PoolFen, c.CapFen, c.CoFunding,
                c.CoFundingMinPercent, c.OpensAt, c.ClosesAt, c.RequiredDocuments, a?.Id, a?.ApplicationNo, a?.Status));
        }
        return rows;
    }
}
