using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Needs;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// 入户探访: record a visit to a household — the day, the method, who went (social workers of the household's township or
/// community, or of an organization serving the area, <see cref="Workers.VisitorCandidatesAsync"/>; volunteers living in the
/// township for a "社工+志愿者" joint visit), what was found, services given on the spot,
/// follow-ups, the residents seen, and optionally a need raised from a finding (急难愁盼: a <see cref="Need"/> with source
/// Visit). One save writes the visit, its participants, a home-visit service record plus one per on-the-spot service (the
/// residents seen are their beneficiaries, <see cref="ServiceRecords.Add"/>), the household's next-due date
/// (<see cref="Household.Visited"/>) and the need. Failures: 404 for a household out of scope, 409 for a closed household,
/// 400 naming each field at fault (nothing saved).
/// </summary>
public static class RecordVisit
{
    public sealed record NeedRequest(
        [Label("需求类别", "Need category")] NeedCategory? Category,
        [Label("紧急程度", "Urgency")] NeedUrgency? Urgency,
        [Label("需求描述", "Need description")] string? Description);

    public sealed record Request(
        [Label("探访日期", "Visit date")] DateOnly? VisitedOn,
        [Label("探访方式", "Method")] VisitMethod? Method,
        [Label("探访社工", "Social workers")] List<Guid>? SocialWorkers = null,
        [Label("参与志愿者", "Volunteers")] List<Guid>? Volunteers = null,
        [Label("生活状况", "Living conditions")] string? LivingConditions = null,
        [Label("健康状况", "Health")] string? Health = null,
        [Label("安全状况", "Safety")] string? Safety = null,
        [Label("发现需求", "Needs found")] string? NeedsFound = null,
        [Label("现场服务", "Services given")] List<ServiceKind>? Services = null,
        [Label("服务说明", "Services note")] string? ServicesNote = null,
        [Label("后续跟进", "Follow-ups")] string? FollowUps = null,
        [Label("跟进期限", "Follow-up due")] DateOnly? FollowUpDue = null,
        [Label("见到的家庭成员", "Residents seen")] List<Guid>? ResidentsSeen = null,
        [Label("提交需求", "Raise a need")] NeedRequest? RaiseNeed = null);

    public sealed record Recorded(Guid Id, DateOnly? NextDueOn, Guid? NeedId);

    public const int MaxText = 1000, MaxPeople = 10;

    /// <summary>The request's own rules, without the database: dates, method, lengths, services, the need's fields.</summary>
    public static Errors Validate(Request r, DateOnly today)
    {
        var errors = new Errors()
            .Text("livingConditions", r.LivingConditions, "生活状况", "Living conditions", 0, MaxText, required: false)
            .Text("health", r.Health, "健康状况", "Health", 0, MaxText, required: false)
            .Text("safety", r.Safety, "安全状况", "Safety", 0, MaxText, required: false)
            .Text("needsFound", r.NeedsFound, "发现需求", "Needs found", 0, MaxText, required: false)
            .Text("servicesNote", r.ServicesNote, "服务说明", "Services note", 0, MaxText, required: false)
            .Text("followUps", r.FollowUps, "后续跟进", "Follow-ups", 0, MaxText, required: false);
        HouseholdLookups.CheckDay(errors, "visitedOn", "探访日期", "The visit date", r.VisitedOn, today);
        if (r.Method is null || !Enum.IsDefined(r.Method.Value)) errors.Add("method", Lang.T("请选择探访方式", "Please choose the method"));
        if (r.Services is { } services && services.Any(s => !Enum.IsDefined(s))) errors.Add("services", Lang.T("现场服务类型不正确", "A service kind is not valid"));
        if (r.FollowUpDue is { } due && r.VisitedOn is { } on && due < on) errors.Add("followUpDue", Lang.T("跟进期限不能早于探访日期", "The follow-up date cannot be before the visit"));
        if (r.FollowUpDue is not null && string.IsNullOrWhiteSpace(r.FollowUps)) errors.Add("followUps", Lang.T("填写跟进期限时，后续跟进不能为空", "Say what to follow up when a follow-up date is given"));
        if (r.SocialWorkers is { Count: > MaxPeople }) errors.Add("socialWorkers", Lang.T($"探访社工不能超过 {MaxPeople} 人", $"At most {MaxPeople} social workers"));
        if (r.Volunteers is { Count: > MaxPeople }) errors.Add("volunteers", Lang.T($"参与志愿者不能超过 {MaxPeople} 人", $"At most {MaxPeople} volunteers"));
        if (r.RaiseNeed is { } need)
        {
            if (need.Category is null || !Enum.IsDefined(need.Category.Value)) errors.Add("raiseNeed.category", Lang.T("请选择需求类别", "Please choose the need's category"));
            if (need.Urgency is null || !Enum.IsDefined(need.Urgency.Value)) errors.Add("raiseNeed.urgency", Lang.T("请选择紧急程度", "Please choose the urgency"));
            errors.Text("raiseNeed.description", need.Description, "需求描述", "Need description", 2, 500);
        }
        return errors;
    }

    public static async Task<Result<Recorded>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid householdId, Request r, CancellationToken ct = default)
    {
        var household = await HouseholdLookups.Household(db, householdId, ct);
        if (household is null) return Failure.NotFound();
        if (household.Status == HouseholdStatus.Closed) return Failure.Conflict(Lang.T("该家庭户已注销，不能记录探访", "This household is closed: no visits are recorded"));
        var errors = Validate(r, ChinaTime.Today(clock));
        HouseholdLookups.NotBeforeRegistration(errors, "visitedOn", "探访日期", "The visit date", r.VisitedOn, household);

        // Social workers: visitor candidates of the household's area. The list is required: an empty list (every box unticked
        // on the form, "socialWorkers": [] in the API) is refused; only a request that leaves the field out (API: null)
        // means the recorder, when they are a candidate (as residentsSeen left out means every member).
        var candidates = await Workers.VisitorCandidatesAsync(db, household.AreaCode, ct);
        var wanted = r.SocialWorkers is { } chosen ? chosen.Distinct().ToList() : user.Id is { } me && candidates.Any(c => c.Id == me) ? [me] : [];
        var workers = wanted.Select(id => candidates.FirstOrDefault(c => c.Id == id)).ToList();
        if (wanted.Count == 0) errors.Add("socialWorkers", Lang.T("请至少选择一名探访社工", "Choose at least one social worker"));
        else if (workers.Any(w => w is null))
            errors.Add("socialWorkers", Lang.T("探访社工须为本镇（街道）社工站社工、本社区工作人员或服务本地的社会组织工作人员",
                "Social workers are station workers of the township, staff of the community, or staff of an organization serving the area"));

        var volunteers = r.Volunteers is { Count: > 0 } ? await VolunteersAsync(db, household.AreaCode, r.Volunteers, ct) : [];
        if (r.Volunteers is { Count: > 0 } asked && volunteers.Count != asked.Distinct().Count())
            errors.Add("volunteers", Lang.T("参与志愿者须为居住在本镇（街道）的志愿者", "Volunteers are volunteers living in the household's township"));

        var members = await HouseholdLookups.ActiveMemberIds(db, household.Id, ct);
        var seen = r.ResidentsSeen is { } listed ? listed.Distinct().ToList() : members;
        if (seen.Any(id => !members.Contains(id))) errors.Add("residentsSeen", Lang.T("见到的家庭成员须为本户在册成员", "Residents seen are active members of the household"));
        if (errors.Any) return errors.ToFailure();
        if (await ExactCopyAsync(db, household.Id, r, workers.Select(w => w!.Id), volunteers.Select(v => v.Id), ct) is { } earlier)
            return Failure.Conflict(Lang.T($"该户当天已有相同的探访记录（{ChinaTime.Format(earlier.RecordedAt)} {earlier.RecordedByName}录入），未重复保存",
                $"This household already has the same visit on that day (recorded {ChinaTime.Format(earlier.RecordedAt)} by {earlier.RecordedByName}); nothing was saved"))
                with { Extensions = new Dictionary<string, object?> { ["visitId"] = earlier.Id } };

        var now = clock.GetUtcNow();
        var recorderName = candidates.FirstOrDefault(c => c.Id == user.Id)?.Name ?? await Workers.NameAsync(db, user, ct);
        var visitors = VisitorLine.Of(workers.Select(w => (w!.Name, ParticipantKind.SocialWorker)).Concat(volunteers.Select(v => (v.Name, ParticipantKind.Volunteer))));
        var services = (r.Services ?? []).Where(s => s != ServiceKind.HomeVisit).Distinct().ToList();
        var visit = new Visit(household, r.VisitedOn!.Value, r.Method!.Value, visitors.Length > 200 ? visitors[..200] : visitors,
            Clean(r.LivingConditions), Clean(r.Health), Clean(r.Safety), Clean(r.NeedsFound), services, Clean(r.ServicesNote), Clean(r.FollowUps),
            r.FollowUpDue, user.Id, recorderName, now);
        db.Add(visit);
        foreach (var w in workers) db.Add(new VisitParticipant(visit, w!.Id, w.Name, ParticipantKind.SocialWorker));
        foreach (var v in volunteers) db.Add(new VisitParticipant(visit, v.Id, v.Name, ParticipantKind.Volunteer));

        var summary = Visit.Summary(household.Address, visit.Method);
        ServiceRecords.Add(db, household.AreaCode, ServiceKind.HomeVisit, visit.VisitedOn, ServiceSource.Visit, visit.Id, visitors, summary, seen);
        foreach (var kind in services)
            ServiceRecords.Add(db, household.AreaCode, kind, visit.VisitedOn, ServiceSource.Visit, visit.Id, visitors, summary, seen);
        household.Visited(visit.VisitedOn);

        Need? need = null;
        if (r.RaiseNeed is { } n)
        {
            need = await NeedRules.AddAsync(db, household.AreaCode, household.Id, null, n.Category!.Value, n.Urgency!.Value, NeedRules.TitleFrom(n.Description!),
                n.Description!.Trim(), NeedSource.Visit, visit.Id, user.Id, recorderName, now, ct);
        }
        await db.SaveChangesAsync(ct);
        return new Recorded(visit.Id, household.NextDueOn, need?.Id);
    }

    static string Clean(string? text) => text?.Trim() ?? "";

    /// <summary>
    /// The visit already recorded that this request copies exactly: the same household and day, method, social workers and
    /// volunteers, and the same findings — living conditions, health, safety, needs found, services given and their note,
    /// follow-ups and their date — or null. Such a copy is a replay or a double entry (review7c 6: five visits the same day
    /// through the API, the last a copy of the third), and would count twice in the service figures; it is refused with a 409
    /// naming the earlier visit (<c>visitId</c>), on the page and the API alike. A different visit the same day (a morning
    /// call and an afternoon visit, another worker, other findings) is recorded.
    /// </summary>
    static async Task<Visit?> ExactCopyAsync(AppDb db, Guid householdId, Request r, IEnumerable<Guid> workerIds, IEnumerable<Guid> volunteerIds, CancellationToken ct)
    {
        var on = r.VisitedOn!.Value;
        var method = r.Method!.Value;
        var sameDay = await db.Set<Visit>().AsNoTracking().Where(v => v.HouseholdId == householdId && v.VisitedOn == on && v.Method == method)
            .OrderBy(v => v.RecordedAt).ThenBy(v => v.Id).ToListAsync(ct);
        if (sameDay.Count == 0) return null;
        var services = (r.Services ?? []).Where(s => s != ServiceKind.HomeVisit).Distinct().Order().ToList();
        var texts = new[] { r.LivingConditions, r.Health, r.Safety, r.NeedsFound, r.ServicesNote, r.FollowUps }.Select(Clean).ToList();
        var candidates = sameDay.Where(v => new[] { v.LivingConditions, v.Health, v.Safety, v.NeedsFound, v.ServicesNote, v.FollowUps }.SequenceEqual(texts)
            && v.FollowUpDue == r.FollowUpDue && v.Services.Distinct().Order().SequenceEqual(services)).ToList();
        if (candidates.Count == 0) return null;
        var ids = candidates.Select(v => v.Id).ToList();
        var participants = (await db.Set<VisitParticipant>().AsNoTracking().Where(p => ids.Contains(p.VisitId))
            .Select(p => new { p.VisitId, p.UserId, p.Kind }).ToListAsync(ct)).ToLookup(p => p.VisitId);
        var workers = workerIds.ToHashSet();
        var volunteers = volunteerIds.ToHashSet();
        return candidates.FirstOrDefault(v =>
            participants[v.Id].Where(p => p.Kind == ParticipantKind.SocialWorker).Select(p => p.UserId ?? Guid.Empty).ToHashSet().SetEquals(workers)
            && participants[v.Id].Where(p => p.Kind == ParticipantKind.Volunteer).Select(p => p.UserId ?? Guid.Empty).ToHashSet().SetEquals(volunteers));
    }

    /// <summary>
    /// Visits of the household already recorded on <paramref name="on"/> (a China day). A second visit the same day is allowed
    /// (a morning call and an afternoon visit), but the visit form asks the user to confirm it ("该户今日已有探访记录"): a replayed
    /// or mistaken second entry would count twice in the service figures.
    /// </summary>
    public static Task<int> SameDayVisitsAsync(AppDb db, Guid householdId, DateOnly on, CancellationToken ct = default) =>
        db.Set<Visit>().CountAsync(v => v.HouseholdId == householdId && v.VisitedOn == on, ct);

    /// <summary>
    /// Accounts holding the volunteer role whose home area lies in the household's township (the first nine digits), among
    /// <paramref name="ids"/>. Accounts are not area-scoped records of the user: read with the township as the explicit rule.
    /// </summary>
    public static async Task<List<Workers.Worker>> VolunteersAsync(AppDb db, string areaCode, IEnumerable<Guid>? ids, CancellationToken ct = default)
    {
        var township = areaCode[..9];
        var low = township + "000";
        var high = township + "999";
        var users = db.Users.IgnoreQueryFilters().Where(u => !u.IsDisabled && string.Compare(u.HomeAreaCode, low) >= 0 && string.Compare(u.HomeAreaCode, high) <= 0
            && db.RoleAssignments.IgnoreQueryFilters().Any(a => a.UserId == u.Id && a.Role == Role.Volunteer));
        if (ids is not null)
        {
            var list = ids.Distinct().ToList();
            users = users.Where(u => list.Contains(u.Id));
        }
        return await users.OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Take(200).Select(u => new Workers.Worker(u.Id, u.DisplayName)).ToListAsync(ct);
    }
}
