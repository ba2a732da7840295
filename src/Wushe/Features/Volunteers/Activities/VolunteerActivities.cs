using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Activities;

/// <summary>
/// What a volunteer reads of activities (their scope holds no records: found through their own registration):
/// <see cref="Browse"/> the published activities near them with a shift still open, and <see cref="Mine"/> their sign-ups.
/// </summary>
public static class VolunteerActivities
{
    public sealed record OpenShift(Guid Id, string Name, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity, int Confirmed, int Waitlisted,
        Guid? MySignUpId, SignUpStatus? MyStatus);

    public sealed record OpenActivity(Guid Id, string Title, VolunteerServiceKind Kind, string AreaName, string Place, string TargetGroup, string Description,
        string OrganizerName, IReadOnlyList<VolunteerSkill> SkillsWanted, int CutoffHours, IReadOnlyList<OpenShift> Shifts, IReadOnlyList<string> Teams);

    /// <summary>
    /// 附近的活动: published activities held in the volunteer's county (their township's first) with a shift whose sign-up is still
    /// open, soonest first; each shift with its places and the volunteer's own sign-up. One open to chosen teams only is shown to their active
    /// members only, with the teams' names (<see cref="OpenActivity.Teams"/>; empty when open to all). <paramref name="near"/>: "township" narrows
    /// to the volunteer's township. 404 for an account without a registration.
    /// </summary>
    public static async Task<Result<PageOf<OpenActivity>>> Browse(AppDb db, CurrentUser user, TimeProvider clock, string? near, int? page, int? size, CancellationToken ct = default)
    {
        if (await SignUpForShift.MineAsync(db, user, ct) is not { } me) return Failure.NotFound();
        var now = clock.GetUtcNow();
        var prefix = near == "township" ? me.AreaCode[..9] : me.Reach();
        var township = me.AreaCode[..9];
        var shifts = db.Set<Shift>().IgnoreQueryFilters([AppDb.ScopeFilter]);
        var myTeams = await Teams.Memberships.ActiveTeamsOfAsync(db, me.Id, ct);
        var chosen = db.Set<ActivityTeam>().IgnoreQueryFilters([AppDb.ScopeFilter]);
        var activities = db.Set<Activity>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(a => a.Status == ActivityStatus.Published && a.AreaCode.StartsWith(prefix) && shifts.Any(s => s.ActivityId == a.Id && s.StartsAt > now))
            .Where(a => a.OpenTo == ActivityOpenTo.All || chosen.Any(t => t.ActivityId == a.Id && myTeams.Contains(t.TeamId)));
        var found = await activities
            .OrderBy(a => a.AreaCode.StartsWith(township) ? 0 : 1).ThenBy(a => shifts.Where(s => s.ActivityId == a.Id && s.StartsAt > now).Min(s => s.StartsAt)).ThenBy(a => a.Id)
            .ToPageAsync(page, size, ct);
        var ids = found.Items.Select(a => a.Id).ToList();
        var open = await shifts.Where(s => ids.Contains(s.ActivityId) && s.StartsAt > now).OrderBy(s => s.StartsAt).ToListAsync(ct);
        var counts = await db.Set<SignUp>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => ids.Contains(s.ActivityId) && (s.Status == SignUpStatus.Confirmed || s.Status == SignUpStatus.Waitlisted))
            .GroupBy(s => new { s.ShiftId, s.Status }).Select(g => new { g.Key.ShiftId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var mine = await db.Set<SignUp>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => ids.Contains(s.ActivityId) && s.VolunteerId == me.Id && (s.Status == SignUpStatus.Confirmed || s.Status == SignUpStatus.Waitlisted))
            .Select(s => new { s.ShiftId, s.Id, s.Status }).ToListAsync(ct);
        var teamNames = await chosen.Where(t => ids.Contains(t.ActivityId))
            .Join(db.Set<Teams.Team>().IgnoreQueryFilters([AppDb.ScopeFilter]), t => t.TeamId, x => x.Id, (t, x) => new { t.ActivityId, x.Name }).ToListAsync(ct);
        var names = await AreaNames.LookupAsync(db, found.Items.Select(a => a.AreaCode).Distinct(), ct);
        return new PageOf<OpenActivity>(found.Items.Select(a => new OpenActivity(a.Id, a.Title, a.Kind, names.GetValueOrDefault(a.AreaCode, ""), a.Place, a.TargetGroup,
            a.Description, a.OrganizerName, Volunteer.Split(a.SkillsWanted), a.CutoffHours,
            open.Where(s => s.ActivityId == a.Id && !SignUps.Closed(s, a, now)).Select(s =>
            {
                var m = mine.FirstOrDefault(x => x.ShiftId == s.Id);
                return new OpenShift(s.Id, s.Name, s.StartsAt, s.EndsAt, s.Capacity,
                    counts.Where(c => c.ShiftId == s.Id && c.Status == SignUpStatus.Confirmed).Sum(c => c.Count),
                    counts.Where(c => c.ShiftId == s.Id && c.Status == SignUpStatus.Waitlisted).Sum(c => c.Count), m?.Id, m?.Status);
            }).ToList(), teamNames.Where(t => t.ActivityId == a.Id).Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal).ToList())).ToList(), found.Total, found.Page, found.Size);
    }

    public sealed record MySignUp(Guid Id, Guid ActivityId, string Title, string Place, string OrganizerName, Guid ShiftId, string ShiftName, DateTimeOffset StartsAt,
        DateTimeOffset EndsAt, SignUpStatus Status, int? WaitlistPosition, DateTimeOffset SignedUpAt, DateTimeOffset? PromotedAt, string Note, bool CanCancel,
        string? Attendance);

    /// <summary>我的报名: the volunteer's sign-ups, upcoming first (soonest first), then past ones (latest first); waitlisted ones with their position;
    /// confirmed ones with their attendance once the shift has started (<see cref="SignUps.AttendanceLabel"/>).</summary>
    public static async Task<Result<PageOf<MySignUp>>> Mine(AppDb db, CurrentUser user, TimeProvider clock, int? page, int? size, CancellationToken ct = default)
    {
        if (await SignUpForShift.MineAsync(db, user, ct) is not { } me) return Failure.NotFound();
        var now = clock.GetUtcNow();
        var rows = await db.Set<SignUp>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => s.VolunteerId == me.Id)
            .Join(db.Set<Shift>().IgnoreQueryFilters([AppDb.ScopeFilter]), s => s.ShiftId, x => x.Id, (s, x) => new { s, x })
            .Join(db.Set<Activity>().IgnoreQueryFilters([AppDb.ScopeFilter]), p => p.s.ActivityId, a => a.Id, (p, a) => new { p.s, p.x, a })
            .OrderBy(r => r.x.EndsAt <= now).ThenBy(r => r.x.EndsAt > now ? r.x.StartsAt : DateTimeOffset.MinValue).ThenByDescending(r => r.x.StartsAt).ThenBy(r => r.s.Id)
            .ToPageAsync(page, size, ct);
        var waitShifts = rows.Items.Where(r => r.s.Status == SignUpStatus.Waitlisted).Select(r => r.x.Id).ToList();
        var waiting = await db.Set<SignUp>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => waitShifts.Contains(s.ShiftId) && s.Status == SignUpStatus.Waitlisted)
            .Select(s => new { s.ShiftId, s.Id, s.SignedUpAt }).ToListAsync(ct);
        return new PageOf<MySignUp>(rows.Items.Select(r => new MySignUp(r.s.Id, r.a.Id, r.a.Title, r.a.Place, r.a.OrganizerName, r.x.Id, r.x.Name, r.x.StartsAt, r.x.EndsAt,
            r.s.Status, r.s.Status == SignUpStatus.Waitlisted
                ? 1 + waiting.Count(w => w.ShiftId == r.x.Id && (w.SignedUpAt < r.s.SignedUpAt || (w.SignedUpAt == r.s.SignedUpAt && w.Id.CompareTo(r.s.Id) < 0)))
                : null,
            r.s.SignedUpAt, r.s.PromotedAt, r.s.Note, r.s.IsActive && r.a.Status == ActivityStatus.Published && !SignUps.Closed(r.x, r.a, now),
            SignUps.AttendanceLabel(r.s.Status, r.s.CheckedInAt, r.s.CheckedOutAt, r.x.StartsAt, r.x.EndsAt, now))).ToList(),
            rows.Total, rows.Page, rows.Size);
    }
}
