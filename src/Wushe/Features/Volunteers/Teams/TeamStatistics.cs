using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform;

namespace Wushe.Features.Volunteers.Teams;

/// <summary>
/// 队伍统计 (issue 9, organizer views): members now, active members (an active member with a confirmed sign-up for a shift that started
/// in the last 12 months), activities published for the team this year (China year, not cancelled), and hours this year (<see cref="HoursThisYearAsync"/>:
/// the final hour records of its present members).
/// </summary>
public static class TeamStatistics
{
    /// <param name="HoursThisYearMinutes">Null until hours records exist (<see cref="HoursThisYearAsync"/>).</param>
    public sealed record Figures(int Members, int ActiveMembers, int Pending, int ActivitiesThisYear, int? HoursThisYearMinutes);

    /// <summary>The figures of one team (checked in scope by the caller); each figure its own query.</summary>
    public static async Task<Figures> OfAsync(AppDb db, Guid teamId, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var members = await db.Set<TeamMember>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(m => m.TeamId == teamId && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Pending))
            .Select(m => new { m.VolunteerId, m.Status }).ToListAsync(ct);
        var active = members.Where(m => m.Status == MembershipStatus.Active).Select(m => m.VolunteerId).ToList();
        var since = now.AddMonths(-12);
        // Sign-ups are held where each activity is: a query of its own over the members' ids.
        var served = await db.Set<SignUp>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => active.Contains(s.VolunteerId) && s.Status == SignUpStatus.Confirmed)
            .Join(db.Set<Shift>().IgnoreQueryFilters([AppDb.ScopeFilter]), s => s.ShiftId, x => x.Id, (s, x) => new { s.VolunteerId, x.StartsAt })
            .Where(x => x.StartsAt >= since && x.StartsAt <= now).Select(x => x.VolunteerId).Distinct().CountAsync(ct);
        // PostgreSQL takes instants in UTC only.
        var yearStart = new DateTimeOffset(ChinaTime.Today(clock).Year, 1, 1, 0, 0, 0, ChinaTime.Offset).ToUniversalTime();
        var activities = await db.Set<ActivityTeam>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(t => t.TeamId == teamId)
            .Join(db.Set<Activity>().IgnoreQueryFilters([AppDb.ScopeFilter]), t => t.ActivityId, a => a.Id, (t, a) => a)
            .CountAsync(a => a.CreatedAt >= yearStart && a.Status == ActivityStatus.Published, ct);
        return new Figures(active.Count, served, members.Count - active.Count, activities, await HoursThisYearAsync(db, teamId, yearStart, ct));
    }

    /// <summary>
    /// The final service hours this China year of the team's present members, in minutes (their final hour records, wherever served; corrections
    /// counted). One query over the members' ids (a team holds hundreds at most).
    /// </summary>
    public static async Task<int?> HoursThisYearAsync(AppDb db, Guid teamId, DateTimeOffset yearStart, CancellationToken ct)
    {
        var from = DateOnly.FromDateTime(yearStart.ToOffset(ChinaTime.Offset).DateTime);
        var members = db.Set<TeamMember>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(m => m.TeamId == teamId && m.Status == MembershipStatus.Active).Select(m => m.VolunteerId);
        var ids = await members.ToListAsync(ct);
        return await db.Set<Hours.HourRecord>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(r => ids.Contains(r.VolunteerId) && r.Status == Hours.HourRecordStatus.Final && r.ServiceDate >= from).SumAsync(r => r.Minutes, ct);
    }
}
