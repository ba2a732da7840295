using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Activities;

/// <summary>
/// 报名: the signed-in volunteer signs up for a shift of a published activity before its cut-off. Confirmed while places are free,
/// else waitlisted (候补, with the position) — never more confirmed than the capacity, however many press at once (<see cref="SignUps"/>);
/// the checks of the account and the activity run here, the decision in the shift's queue (<see cref="SignUpLanes"/>, <see cref="DecideAsync"/>).
/// Refused (409, nothing saved): a suspended or withdrawn volunteer; a shift closed or of a cancelled activity; a second active
/// sign-up for the shift; an activity open to chosen teams the volunteer is no active member of (naming the teams); a shift that overlaps one the volunteer holds (09:00–11:00 and 10:30–12:00 overlap; 09:00–11:00 and
/// 11:00–13:00 do not). 404: no such shift, or one outside the volunteer's county (<see cref="Volunteer.Reach"/>); 403: an account without a volunteer registration.
/// </summary>
public static class SignUpForShift
{
    public sealed record Answer(Guid Id, SignUpStatus Status, int? WaitlistPosition);

    public static async Task<Result<Answer>> Handle(AppDb db, CurrentUser user, TimeProvider clock, SignUpLanes lanes, Guid shiftId, CancellationToken ct = default)
    {
        if (await MineAsync(db, user, ct) is not { } volunteer)
            return Failure.Forbidden(Lang.T("您的账号还没有志愿者实名登记，不能报名", "Your account has no volunteer registration: you cannot sign up"));
        if (volunteer.Status != VolunteerStatus.Active)
            return Failure.Conflict(Lang.T($"您的志愿者身份为“{Volunteer.StatusLabel(volunteer.Status)}”，暂不能报名", $"Your registration is {Volunteer.StatusLabel(volunteer.Status)}: you cannot sign up"));
        var shift = await db.Set<Shift>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(s => s.Id == shiftId, ct);
        var activity = shift is null ? null : await db.Set<Activity>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(a => a.Id == shift.ActivityId, ct);
        // Outside the volunteer's county (where 附近的活动 shows activities): no such shift, before anything about it is told.
        if (shift is null || activity is null || !activity.AreaCode.StartsWith(volunteer.Reach(), StringComparison.Ordinal)) return Failure.NotFound();
        if (activity.Status != ActivityStatus.Published) return Failure.Conflict(Lang.T("该活动已取消", "The activity was cancelled"));
        if (activity.OpenTo == ActivityOpenTo.ChosenTeams && await NotForMeAsync(db, activity.Id, volunteer.Id, ct) is { } teams)
            return Failure.Conflict(Lang.T($"该活动仅限指定队伍（{string.Join("、", teams)}）的在队队员报名；可在“我的队伍”中申请加入",
                $"Only active members of the chosen teams ({string.Join(", ", teams)}) may sign up; apply to a team under My teams"));
        var now = clock.GetUtcNow();
        if (SignUps.Closed(shift, activity, now)) return SignUps.ClosedFailure(activity);

        var ticket = new SignUpLanes.Ticket(user, volunteer.Id);
        // A page's form runs its handler inside a transaction of its own (the replay claim, FormSubmissions), which on SQLite holds
        // the file's write gate: the lane's context would wait for it. Decided here, in that transaction, as a batch of one.
        if (db.Database.CurrentTransaction is not null) return (await DecideAsync(db, clock, shift.Id, [ticket], ct))[0];
        return await lanes.EnterAsync(shift.Id, ticket);
    }

    /// <summary>
    /// Decides a batch of sign-ups of one shift in one transaction, in the order they came (<see cref="SignUpLanes"/>): locks their
    /// volunteers and the shift, then for each a second active sign-up for the shift (also twice in the batch) or an overlapping shift
    /// the volunteer holds is refused (409), the others are confirmed while places are free, then waitlisted with their position.
    /// Each sign-up is saved as its volunteer (the audit names who signed up). Returns one answer per ticket, in their order.
    /// </summary>
    public static async Task<IReadOnlyList<Result<Answer>>> DecideAsync(AppDb db, TimeProvider clock, Guid shiftId, IReadOnlyList<SignUpLanes.Ticket> tickets, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var volunteerIds = tickets.Select(t => t.VolunteerId).Distinct().ToList();
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await SignUps.LockVolunteersAsync(db, volunteerIds, ct);
        await SignUps.LockShiftAsync(db, shiftId, ct);
        var shifts = db.Set<Shift>().IgnoreQueryFilters([AppDb.ScopeFilter]);
        var shift = await shifts.FirstAsync(s => s.Id == shiftId, ct);
        var active = db.Set<SignUp>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(s => volunteerIds.Contains(s.VolunteerId) && (s.Status == SignUpStatus.Confirmed || s.Status == SignUpStatus.Waitlisted));
        var held = (await active.Where(s => s.ShiftId == shiftId).Select(s => s.VolunteerId).ToListAsync(ct)).ToHashSet();
        var clashes = (await active.Where(s => s.ShiftId != shiftId)
                .Join(shifts, s => s.ShiftId, x => x.Id, (s, x) => new { s.VolunteerId, x.ActivityId, x.StartsAt, x.EndsAt })
                .Where(x => x.StartsAt < shift.EndsAt && shift.StartsAt < x.EndsAt)
                .Join(db.Set<Activity>().IgnoreQueryFilters([AppDb.ScopeFilter]), x => x.ActivityId, a => a.Id, (x, a) => new { x.VolunteerId, a.Title, x.StartsAt, x.EndsAt })
                .ToListAsync(ct))
            .GroupBy(c => c.VolunteerId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.StartsAt).First());
        var confirmed = await SignUps.ConfirmedAsync(db, shiftId, ct);
        var waitlisted = await db.Set<SignUp>().IgnoreQueryFilters([AppDb.ScopeFilter]).CountAsync(s => s.ShiftId == shiftId && s.Status == SignUpStatus.Waitlisted, ct);
        var answers = new Result<Answer>[tickets.Count];
        for (var i = 0; i < tickets.Count; i++)
        {
            var ticket = tickets[i];
            if (!held.Add(ticket.VolunteerId))
            {
                answers[i] = Failure.Conflict(Lang.T("您已报名该班次", "You have signed up for this shift already"));
                continue;
            }
            if (clashes.GetValueOrDefault(ticket.VolunteerId) is { } clash)
            {
                answers[i] = Failure.Conflict(Lang.T($"与您已报名的“{clash.Title}”（{SignUps.When(clash.StartsAt, clash.EndsAt)}）时间冲突",
                    $"It overlaps \"{clash.Title}\" ({SignUps.When(clash.StartsAt, clash.EndsAt)}), which you signed up for"));
                continue;
            }
            var status = confirmed < shift.Capacity ? SignUpStatus.Confirmed : SignUpStatus.Waitlisted;
            if (status == SignUpStatus.Confirmed) confirmed++;
            else waitlisted++;
            var signUp = new SignUp(shift, ticket.VolunteerId, status, now);
            // The volunteer's scope holds no records: the sign-up is written in the activity's area, as the volunteer.
            db.ActingAs(ticket.User.ActingOn(shift.AreaCode));
            db.Add(signUp);
            await db.SaveChangesAsync(ct);
            answers[i] = new Answer(signUp.Id, status, status == SignUpStatus.Waitlisted ? waitlisted : null);
        }
        if (tx is not null) await tx.CommitAsync(ct);
        return answers;
    }

    /// <summary>For an activity open to chosen teams: null when the volunteer is an active member of one of them, else the teams' names.</summary>
    static async Task<List<string>?> NotForMeAsync(AppDb db, Guid activityId, Guid volunteerId, CancellationToken ct)
    {
        var chosen = await db.Set<ActivityTeam>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(t => t.ActivityId == activityId).Select(t => t.TeamId).ToListAsync(ct);
        var mine = await Teams.Memberships.ActiveTeamsOfAsync(db, volunteerId, ct);
        if (chosen.Any(mine.Contains)) return null;
        return await db.Set<Teams.Team>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(t => chosen.Contains(t.Id)).OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(ct);
    }

    /// <summary>The signed-in user's volunteer registration (by the account, whatever the scope).</summary>
    public static Task<Volunteer?> MineAsync(AppDb db, CurrentUser user, CancellationToken ct) =>
        user.Id is { } me ? db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(v => v.UserId == me, ct) : Task.FromResult<Volunteer?>(null);
}
