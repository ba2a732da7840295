using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Activities;

/// <summary>
/// An activity as its organizer reads it (staff in scope; another area's is 404): its fields, and each shift with its places and its
/// roster (花名册) — confirmed and waitlisted in order of signing up, then those who left, with the reason; phones masked; whom it is open
/// to, with the chosen teams.
/// </summary>
public static class GetActivity
{
    /// <summary>One of a shift's roster; <paramref name="Attendance"/>: <see cref="SignUps.AttendanceLabel"/> (null before the shift or without a place).</summary>
    public sealed record Person(Guid SignUpId, Guid VolunteerId, string Name, string VolunteerNo, string Phone, SignUpStatus Status, DateTimeOffset SignedUpAt,
        DateTimeOffset? PromotedAt, DateTimeOffset? EndedAt, string Note, string? Attendance);

    public sealed record ShiftView(Guid Id, string Name, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity, int Confirmed, int Waitlisted, int Version,
        IReadOnlyList<Person> Roster);

    public sealed record Details(Guid Id, string AreaCode, string AreaName, string Title, VolunteerServiceKind Kind, string TargetGroup, string Place,
        double? Latitude, double? Longitude, int? GeofenceMeters, string Description, IReadOnlyList<VolunteerSkill> SkillsWanted, Guid? ProjectId, Guid? NeedId,
        int CutoffHours, string OrganizerName, ActivityStatus Status, string StatusReason, string CreatedByName, DateTimeOffset CreatedAt, int Version,
        IReadOnlyList<ShiftView> Shifts, ActivityOpenTo OpenTo, IReadOnlyList<ChosenTeam> Teams, string? ProjectName = null, Guid? OrganizationId = null);

    public sealed record ChosenTeam(Guid Id, string Name, string Brand);

    public static async Task<Result<Details>> Handle(AppDb db, TimeProvider clock, Guid id, CancellationToken ct = default)
    {
        if (await db.Set<Activity>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } a) return Failure.NotFound();
        var shifts = await db.Set<Shift>().AsNoTracking().Where(s => s.ActivityId == id).OrderBy(s => s.StartsAt).ThenBy(s => s.Id).ToListAsync(ct);
        // Volunteers live anywhere: named through the sign-ups of this activity, which the scope reaches.
        var roster = await db.Set<SignUp>().IgnoreQueryFilters(AppDb.Unscoped).Where(s => s.ActivityId == id)
            .Join(db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]), s => s.VolunteerId, v => v.Id, (s, v) => new
            {
                s.ShiftId, s.CheckedInAt, s.CheckedOutAt,
                P = new Person(s.Id, v.Id, v.Name, v.VolunteerNo, v.Phone.Masked, s.Status, s.SignedUpAt, s.PromotedAt, s.EndedAt, s.Note, null),
            }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var names = await AreaNames.LookupAsync(db, [a.AreaCode], ct);
        // The chosen teams may be held in another area of the organizer's scope: named by id in a query of their own.
        var teamIds = await db.Set<ActivityTeam>().Where(t => t.ActivityId == id).Select(t => t.TeamId).ToListAsync(ct);
        var teams = await db.Set<Teams.Team>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(t => teamIds.Contains(t.Id)).OrderBy(t => t.Name)
            .Select(t => new ChosenTeam(t.Id, t.Name, t.Brand)).ToListAsync(ct);
        // The project it serves, named by its number and title (the link leads to it where the reader may open it).
        var project = a.ProjectId is { } pid ? await db.Set<Projects.Project>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(p => p.Id == pid)
            .Select(p => p.ProjectNo + " " + p.Title).FirstOrDefaultAsync(ct) : null;
        return new Details(a.Id, a.AreaCode, names.GetValueOrDefault(a.AreaCode, ""), a.Title, a.Kind, a.TargetGroup, a.Place, a.Latitude, a.Longitude, a.GeofenceMeters,
            a.Description, Volunteer.Split(a.SkillsWanted), a.ProjectId, a.NeedId, a.CutoffHours, a.OrganizerName, a.Status, a.StatusReason, a.CreatedByName, a.CreatedAt,
            a.Version, shifts.Select(s =>
            {
                var people = roster.Where(r => r.ShiftId == s.Id)
                    .Select(r => r.P with { Attendance = SignUps.AttendanceLabel(r.P.Status, r.CheckedInAt, r.CheckedOutAt, s.StartsAt, s.EndsAt, now) })
                    .OrderBy(p => p.Status switch { SignUpStatus.Confirmed => 0, SignUpStatus.Waitlisted => 1, _ => 2 }).ThenBy(p => p.SignedUpAt).ToList();
                return new ShiftView(s.Id, s.Name, s.StartsAt, s.EndsAt, s.Capacity, people.Count(p => p.Status == SignUpStatus.Confirmed),
                    people.Count(p => p.Status == SignUpStatus.Waitlisted), s.Version, people);
            }).ToList(), a.OpenTo, teams, project, a.OrganizationId);
    }
}
