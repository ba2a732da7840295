using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Stations;
using Wushe.Platform.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;

namespace Wushe.Features.Home;

/// <summary>
/// The home page of community staff and fund-committee members (scope: one village or community):
/// their community, and — as read-only context kept above their scope — the social-work station of
/// their township: its basics with the contact masked, its staff (names and positions only), its
/// "五有五统一" standing, its latest published rating and its supervision visits.
/// <para>
/// Every query over a scoped set outside the user's scope is a query of its own, opted out of the scope
/// filter and narrowed to that one station (ARCHITECTURE.md: IgnoreQueryFilters applies to a whole query).
/// Nothing here can be changed by these users: they have no write permission on stations.
/// </para>
/// </summary>
public static class CommunityHome
{
    public sealed record Response(Community Place, StationContext? Station, IReadOnlyList<AccountCount> Accounts);

    public sealed record Community(string Code, string Name, string Kind, string Path, string? TownshipCode, string? TownshipName);

    public sealed record StationContext(Guid Id, string Name, string Address, string ContactName, string? ContactPhone, DateOnly? OpenedOn,
        bool IsCivilizationPracticeStation, StationStatus Status, int StandardMet, IReadOnlyList<StaffRow> Staff, IReadOnlyList<CheckRow> Checklist,
        Rating? Rating, int SupervisionsThisYear, IReadOnlyList<Visit> Supervisions);

    public sealed record StaffRow(string DisplayName, string Position, DateOnly JoinedOn);

    public sealed record CheckRow(StandardItem Item, bool? Met, DateOnly? CheckedOn);

    public sealed record Rating(string RoundName, int Year, string LevelName, int Stars);

    public sealed record Visit(DateOnly VisitedOn, SupervisionKind Kind, string SupervisorName, string Topics, DateOnly? FollowUpDue);

    /// <summary>How many accounts belong to the community, by role (no names).</summary>
    public sealed record AccountCount(Role Role, int Count);

    /// <summary>
    /// Null when the active role is not at a village or community, or is one that does not work for it (a volunteer,
    /// donor or merchant lives there: their home is their own, not the community's console).
    /// </summary>
    public static async Task<Response?> Handle(AppDb db, CurrentUser user, TimeProvider clock, CancellationToken ct = default)
    {
        if (user.Active is not { } active || active.AreaCode == Scope.Country || AreaCode.LevelOf(active.AreaCode) != AreaLevel.Village
            || Roles.IsSelfService(active.Role)) return null;
        var code = active.AreaCode;
        var township = AreaCode.ParentOf(code);
        var area = await db.Areas.Where(a => a.Code == code).Select(a => new { a.Name, a.Kind }).FirstOrDefaultAsync(ct);
        var path = await AreaNames.PathAsync(db, code, ct);
        var townshipName = township is null ? null : (await AreaNames.LookupAsync(db, [township], ct)).GetValueOrDefault(township);
        var place = new Community(code, area?.Name ?? active.AreaName, area is null ? "" : BrowseAreas.KindLabel(area.Kind), string.Join(" / ", path), township, townshipName);

        // Roles held at the community (volunteers, donors and merchants take their home area): one row per person and role.
        var accounts = (await db.RoleAssignments.Where(a => a.AreaCode == code && !db.Users.Any(u => u.Id == a.UserId && u.IsDisabled))
                .GroupBy(a => a.Role).Select(g => new { Role = g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(x => x.Role).Select(x => new AccountCount(x.Role, x.Count)).ToList();

        return new Response(place, township is null ? null : await StationOf(db, township, clock, ct), accounts);
    }

    /// <summary>The active township station of a township, read across the scope filter, fields for display only.</summary>
    static async Task<StationContext?> StationOf(AppDb db, string township, TimeProvider clock, CancellationToken ct)
    {
        var s = await db.Stations.IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
            .Where(x => x.AreaCode == township && x.Level == StationLevel.TownshipStation)
            .OrderBy(x => x.Status)
            .Select(x => new
            {
                x.Id, x.Name, x.Address, x.ContactName, Phone = x.ContactPhone == null ? null : x.ContactPhone.Masked, x.OpenedOn,
                x.IsCivilizationPracticeStation, x.Status, x.StandardMet,
            })
            .FirstOrDefaultAsync(ct);
        if (s is null) return null;

        var staff = await (from m in db.Set<StationStaff>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(m => m.StationId == s.Id)
                           join u in db.Users on m.UserId equals u.Id
                           orderby m.JoinedOn
                           select new StaffRow(u.DisplayName, m.Position, m.JoinedOn)).ToListAsync(ct);

        var checks = await db.Set<StandardCheck>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(c => c.StationId == s.Id)
            .Select(c => new { c.Item, c.Met, c.CheckedOn, c.RecordedAt }).ToListAsync(ct);
        var checklist = StandardCheck.Items.Select(i => checks.Where(c => c.Item == i).OrderByDescending(c => c.CheckedOn).ThenByDescending(c => c.RecordedAt).FirstOrDefault() is { } c
            ? new CheckRow(i, c.Met, c.CheckedOn)
            : new CheckRow(i, null, null)).ToList();

        // The newest published level: rounds are kept at the city or county above (RatingRounds.Visible for the township).
        var above = AreaNames.SelfAndAncestors(township);
        var rounds = await db.Set<RatingRound>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(r => r.Status == RatingRoundStatus.Published && above.Contains(r.AreaCode))
            .Select(r => new { r.Id, r.Name, r.Year }).ToDictionaryAsync(r => r.Id, ct);
        var roundIds = rounds.Keys.ToList();
        var results = await db.Set<StationRating>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(r => r.StationId == s.Id && roundIds.Contains(r.RoundId) && r.LevelName != null)
            .Select(r => new { r.RoundId, r.LevelName, r.Stars }).ToListAsync(ct);
        var rating = results.OrderByDescending(r => rounds[r.RoundId].Year).Select(r => new Rating(rounds[r.RoundId].Name, rounds[r.RoundId].Year, r.LevelName!, r.Stars)).FirstOrDefault();

        var visits = db.Set<Supervision>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(v => v.StationId == s.Id);
        var yearStart = new DateOnly(ChinaTime.Today(clock).Year, 1, 1);
        var thisYear = await visits.CountAsync(v => v.VisitedOn >= yearStart, ct);
        var recent = await visits.OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id).Take(5)
            .Select(v => new Visit(v.VisitedOn, v.Kind, v.SupervisorName, v.Topics, v.FollowUpDue)).ToListAsync(ct);

        return new StationContext(s.Id, s.Name, s.Address, s.ContactName, s.Phone, s.OpenedOn, s.IsCivilizationPracticeStation, s.Status,
            checklist.Count(c => c.Met == true), staff, checklist, rating, thisYear, recent);
    }
}
