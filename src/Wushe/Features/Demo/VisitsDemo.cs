using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Features.Needs;
using Wushe.Platform;
using Wushe.Platform.Access;

namespace Wushe.Features.Demo;

/// <summary>
/// Tiered visiting in the demo, as a station's books look on any day: every household of <see cref="HouseholdsDemo"/> has been
/// visited by its township's social worker, most within their card's interval (the last visit and one before it); about one in
/// seven is overdue by a few days to a few weeks; a few fall due today or this week; a major change reported was visited within
/// 24 hours, and one reported today awaits its visit (due tomorrow); one visit in each station's township is a joint visit with
/// the community's volunteer that raises a need. All through the real use cases (<see cref="RecordVisit"/>,
/// <see cref="ReportMajorChange"/>), each with a clock set at the time of the visit, so the recorded time is the visit's day.
/// Before those last visits, each household's history back to its registration at its card's interval (a monthly household
/// about 12 a year, a weekly one 20 and more), written in bulk in one save (the same rows RecordVisit writes: the visit, its
/// visitors, its service records; the roll-ups follow in that save, <see cref="ServiceTallies"/>) to keep the seed fast:
/// what was found varies from visit to visit and fits who lives there (<see cref="HouseholdProfile"/>: no children's findings in a
/// household without a minor, no 低保 without the tag), as do the needs raised and the major changes; in the station's own township one visit in five is a joint visit with the
/// community's volunteer, and in every township some households are visited with the organization staff serving the area
/// (<see cref="Workers.VisitorCandidatesAsync"/>), so volunteers and organization staff find households they took part in.
/// Each household is visited by the worker it is assigned to (包户社工). Dated back from today (China time). Runs after the
/// households exist; does nothing when visits exist already.
/// </summary>
public static class VisitsDemo
{
    /// <summary>The volunteer of each station's township (DemoData's accounts) who joins one visit.</summary>
    static readonly Dictionary<string, string> VolunteerOf = new()
    {
        ["150207001000"] = "jiuyuan.zyz", ["370502001000"] = "volunteer", ["340603001000"] = "huaibei.zyz", ["520502001000"] = "bijie.zyz",
    };

    /// <summary>The organization staff (DemoData's accounts) serving each place's county or city, by the place's county code.</summary>
    static readonly Dictionary<string, string> OrganizationOf = new()
    {
        ["150207"] = "jiuyuan.org", ["370502"] = "dongying.org", ["340603"] = "huaibei.org", ["520502"] = "org.staff",
    };

    /// <summary>What a household's visits are, by its place in its township's list (a cycle of 15).</summary>
    enum Plan { OnTime, Overdue, DueToday, DueThisWeek, MajorChangeVisited, MajorChangeToday, RaisesNeed }

    static Plan PlanOf(int i) => (i % 15) switch
    {
        1 or 9 => Plan.Overdue,
        2 => Plan.RaisesNeed,
        3 or 12 => Plan.DueThisWeek,
        5 => Plan.MajorChangeVisited,
        6 => Plan.DueToday,
        14 => Plan.MajorChangeToday,
        _ => Plan.OnTime,
    };

    /// <summary>A clock at a time of a day (China time), never later than now: the recorded time of what happened that day.</summary>
    sealed class At(DateTimeOffset at, TimeProvider real) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at < real.GetUtcNow() ? at : real.GetUtcNow();
    }

    public static async Task SeedAsync(IServiceProvider sp)
    {
        using var scope = sp.CreateScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
        var db = services.GetRequiredService<AppDb>();
        if (await db.Set<Visit>().IgnoreQueryFilters().AnyAsync()) return;
        var clock = services.GetRequiredService<TimeProvider>();
        var today = ChinaTime.Today(clock);
        var random = new Random(20261201);
        TimeProvider On(DateOnly day) =>
            new At(new DateTimeOffset(day.ToDateTime(new TimeOnly(9 + random.Next(0, 8), random.Next(0, 60))), ChinaTime.Offset).ToUniversalTime(), clock);

        var history = new List<(Guid Household, DateOnly On, Guid WorkerId, int Finding, bool Volunteer, bool Organization)>();
        var firstVisit = new Dictionary<Guid, DateOnly>();
        foreach (var (township, _) in HouseholdsDemo.Townships())
        {
            var names = HouseholdsDemo.WorkersOf(township);
            var staff = await db.Users.IgnoreQueryFilters().Where(u => names.Contains(u.UserName!)).ToDictionaryAsync(u => u.Id, u => u.UserName!);
            if (staff.Count == 0) continue;
            var volunteer = VolunteerOf.TryGetValue(township, out var v)
                ? await db.Users.IgnoreQueryFilters().Where(u => u.UserName == v).Select(u => (Guid?)u.Id).FirstOrDefaultAsync() : null;
            var prefix = township[..9];
            var households = await db.Set<Household>().IgnoreQueryFilters()
                .Where(h => h.AreaCode.StartsWith(prefix) && h.Status == HouseholdStatus.Active)
                .OrderBy(h => h.Id).Select(h => new { h.Id, h.CreatedAt, h.VisitEveryDays, h.WorkerId }).ToListAsync();
            var profiles = await HouseholdProfile.LoadAsync(db, [.. households.Select(h => h.Id)], today);
            for (var i = 0; i < households.Count; i++)
            {
                var h = households[i];
                var profile = profiles[h.Id];
                var findings = profile.Findings();
                var changes = profile.Changes();
                var workerId = h.WorkerId is { } assigned && staff.ContainsKey(assigned) ? assigned : staff.Keys.First();
                var actor = new CurrentUser(workerId, staff[workerId], [new Assignment(Role.StationWorker, township, "", null)], null);
                var every = h.VisitEveryDays;
                var registered = DateOnly.FromDateTime(h.CreatedAt.ToOffset(ChinaTime.Offset).DateTime);
                var plan = PlanOf(i);
                var visitNo = 0;

                async Task Visit(DateOnly on, bool last, RecordVisit.NeedRequest? need = null, List<Guid>? volunteers = null)
                {
                    if (on < registered || on > today) return;
                    // What was found changes from one visit to the next.
                    var found = findings[(i + visitNo++) % findings.Count];
                    if (!firstVisit.TryGetValue(h.Id, out var earliest) || on < earliest) firstVisit[h.Id] = on;
                    db.ChangeTracker.Clear();
                    // An earlier visit of a household seen monthly or less often was at times a phone call.
                    var method = !last && every >= 30 && i % 3 == 0 ? VisitMethod.Phone : VisitMethod.InPerson;
                    var result = await RecordVisit.Handle(db, actor, On(on), h.Id, new RecordVisit.Request(on, method,
                        Volunteers: volunteers, LivingConditions: method == VisitMethod.Phone ? null : found.Living, Health: found.Health,
                        Safety: method == VisitMethod.Phone ? null : found.Safety, NeedsFound: need is null ? null : profile.NeedRaised().Found,
                        Services: [.. found.Services], ServicesNote: found.Note,
                        FollowUps: need is null ? null : profile.NeedRaised().FollowUp, FollowUpDue: need is null ? null : on.AddDays(7), RaiseNeed: need));
                    if (!result.IsOk) throw new InvalidOperationException($"The demo visit of {on} was refused: {result.Failure!.Title}");
                }

                // The last visit: how many days ago, by the plan.
                var ago = plan switch
                {
                    Plan.Overdue => every + 1 + random.Next(Math.Max(1, Math.Min(every / 2, 20))),
                    Plan.DueToday => every,
                    Plan.DueThisWeek => every - 1 - random.Next(Math.Min(6, every - 1)),
                    Plan.RaisesNeed => Math.Min(3, every - 1),
                    Plan.MajorChangeToday => 1 + random.Next(Math.Max(1, Math.Min(every - 2, 20))),
                    _ => every <= 7 ? random.Next(0, 4) : every <= 14 ? random.Next(1, 7) : random.Next(3, every - 7),
                };
                if (plan == Plan.MajorChangeVisited)
                {
                    // Reported a few days ago, visited that day or the next (within 24 h), after an earlier routine visit.
                    var changed = today.AddDays(-(2 + random.Next(Math.Max(1, Math.Min(every - 2, 20)))));
                    await Visit(changed.AddDays(-Math.Max(3, every - 3)), last: false);
                    db.ChangeTracker.Clear();
                    var reported = await ReportMajorChange.Handle(db, On(changed), h.Id, new ReportMajorChange.Request(changed, changes[i % changes.Count]));
                    if (!reported.IsOk) throw new InvalidOperationException($"The demo major change was refused: {reported.Failure!.Title}");
                    var visited = changed.AddDays(random.Next(2));
                    await Visit(visited > today ? today : visited, last: true);
                }
                else
                {
                    var lastOn = today.AddDays(-ago);
                    // The visit before, on time (a day or two early).
                    await Visit(lastOn.AddDays(-every + random.Next(0, Math.Min(3, every - 1))), last: false);
                    if (plan == Plan.RaisesNeed && volunteer is { } vol)
                        await Visit(lastOn, last: true, new RecordVisit.NeedRequest(profile.NeedRaised().Category, NeedUrgency.Urgent, profile.NeedRaised().Need), [vol]);
                    else
                        await Visit(lastOn, last: true);
                    if (plan == Plan.MajorChangeToday)
                    {
                        db.ChangeTracker.Clear();
                        var reported = await ReportMajorChange.Handle(db, clock, h.Id, new ReportMajorChange.Request(today, profile.Elderly ? "老人夜间摔伤送医，已由邻居陪护" : "户主夜间摔伤送医，已由亲属陪护"));
                        if (!reported.IsOk) throw new InvalidOperationException($"The demo major change was refused: {reported.Failure!.Title}");
                    }
                }

                // The history before: back to the registration at the card's interval (a day or two early at times).
                if (!firstVisit.TryGetValue(h.Id, out var first)) continue;
                var k = 0;
                for (var on = first.AddDays(-every + (every > 7 ? random.Next(0, 3) : 0)); on >= registered; on = on.AddDays(-every + (every > 7 ? random.Next(0, 3) : 0)), k++)
                    // Going back in time the findings go back in the household's turn (…, i - 2, i - 1 before the last visits' i, i + 1), so
                    // consecutive visits never find the same, whatever the size of the household's pool (5040: a multiple of every pool size).
                    history.Add((h.Id, on, workerId, i + 5040 - k - 1, volunteer is not null && k % 5 == 2, i % 4 == 1 && k % 4 == 1));
            }
        }
        await WriteHistory(db, clock, history, random);
    }

    /// <summary>
    /// The households' earlier visits in one save: each as RecordVisit writes it (the visit, its visitors as participants, a
    /// home-visit service record and one per service given, the household's members as the people served), recorded on its day.
    /// </summary>
    static async Task WriteHistory(AppDb db, TimeProvider clock,
        List<(Guid Household, DateOnly On, Guid WorkerId, int Finding, bool Volunteer, bool Organization)> history, Random random)
    {
        db.ChangeTracker.Clear();
        var ids = history.Select(x => x.Household).Distinct().ToList();
        var households = await db.Set<Household>().IgnoreQueryFilters().AsNoTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id);
        var profiles = await HouseholdProfile.LoadAsync(db, ids, ChinaTime.Today(clock));
        var members = (await db.Set<Resident>().IgnoreQueryFilters().Where(r => ids.Contains(r.HouseholdId) && r.Status == ResidentStatus.Active)
            .Select(r => new { r.HouseholdId, r.Id }).ToListAsync()).GroupBy(r => r.HouseholdId).ToDictionary(g => g.Key, g => g.Select(r => r.Id).ToList());
        var wanted = VolunteerOf.Values.Concat(OrganizationOf.Values).ToList();
        var people = await db.Users.IgnoreQueryFilters().Where(u => wanted.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => (u.Id, u.DisplayName));
        var workerIds = history.Select(x => x.WorkerId).Distinct().ToList();
        var workers = await db.Users.IgnoreQueryFilters().Where(u => workerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        db.SuppressEntityAudit = true;
        try
        {
            foreach (var (householdId, on, workerId, finding, withVolunteer, withOrganization) in history)
            {
                var h = households[householdId];
                var findings = profiles[householdId].Findings();
                var found = findings[finding % findings.Count];
                var phone = h.VisitEveryDays >= 30 && finding % 3 == 0;
                var method = phone ? VisitMethod.Phone : VisitMethod.InPerson;
                var township = h.AreaCode[..9] + "000";
                var organization = withOrganization && OrganizationOf.TryGetValue(h.AreaCode[..6], out var o) && people.TryGetValue(o, out var org) ? org : ((Guid, string)?)null;
                var volunteer = withVolunteer && !phone && VolunteerOf.TryGetValue(township, out var vName) && people.TryGetValue(vName, out var vol) ? vol : ((Guid, string)?)null;
                var workerName = workers[workerId];
                var names = new List<(string, ParticipantKind)> { (workerName, ParticipantKind.SocialWorker) };
                if (organization is { } og) names.Add((og.Item2, ParticipantKind.SocialWorker));
                if (volunteer is { } vo) names.Add((vo.Item2, ParticipantKind.Volunteer));
                var visitors = VisitorLine.Of(names);
                var at = new DateTimeOffset(on.ToDateTime(new TimeOnly(9 + random.Next(0, 8), random.Next(0, 60))), ChinaTime.Offset).ToUniversalTime();
                var visit = new Visit(h, on, method, visitors.Length > 200 ? visitors[..200] : visitors, phone ? "" : found.Living, found.Health,
                    phone ? "" : found.Safety, "", [.. found.Services], found.Note, "", null, workerId, workerName, at);
                db.Add(visit);
                db.Add(new VisitParticipant(visit, workerId, workerName, ParticipantKind.SocialWorker));
                if (organization is { } orgUser) db.Add(new VisitParticipant(visit, orgUser.Item1, orgUser.Item2, ParticipantKind.SocialWorker));
                if (volunteer is { } volUser) db.Add(new VisitParticipant(visit, volUser.Item1, volUser.Item2, ParticipantKind.Volunteer));
                var seen = members.GetValueOrDefault(householdId) ?? [];
                var summary = $"{h.Address}（{Households.Visit.MethodLabel(method)}）";
                ServiceRecords.Add(db, h.AreaCode, ServiceKind.HomeVisit, on, ServiceSource.Visit, visit.Id, visitors, summary, seen);
                foreach (var kind in found.Services) ServiceRecords.Add(db, h.AreaCode, kind, on, ServiceSource.Visit, visit.Id, visitors, summary, seen);
            }
            await db.SaveChangesAsync();
        }
        finally
        {
            db.SuppressEntityAudit = false;
            db.ChangeTracker.Clear();
        }
    }
}
