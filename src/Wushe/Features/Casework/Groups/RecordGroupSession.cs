using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Casework;

/// <summary>
/// 记录小组活动: a session of a group (or the community activity itself) on a China date not in the future and not before
/// the group's start, with its theme, notes and attendance. Attendance counts as service to those people (issue 7): in one
/// save, the session, the group's sessions held, and a service record (<see cref="ServiceRecords.Add"/>, kind group service or
/// community activity) with the attendees as its beneficiaries. A group's attendees are its members; an activity's, any
/// active resident in the user's scope. A finished group, or one that has held its planned sessions, takes no more (409).
/// </summary>
public static class RecordGroupSession
{
    public sealed record Request(
        [Label("开展日期", "Date")] DateOnly? HeldOn,
        [Label("主题", "Theme")] string? Theme,
        [Label("活动记录", "Notes")] string? Notes,
        [Label("出席居民", "Attendance")] List<Guid>? Attendees);

    public sealed record Recorded(Guid Id, int Number, Guid ServiceRecordId, int Attendance);

    public const int MaxAttendees = 500;

    /// <summary>The request's own rules, without the database.</summary>
    public static Errors Validate(Request r, DateOnly today)
    {
        var errors = new Errors();
        if (r.HeldOn is not { } d) errors.Add("heldOn", Lang.T("开展日期不能为空", "Date is required"));
        else if (d > today) errors.Add("heldOn", Lang.T("开展日期不能晚于今天", "The date cannot be in the future"));
        errors.Text("theme", r.Theme, "主题", "Theme", 2, 200);
        errors.Text("notes", r.Notes, "活动记录", "Notes", 0, 2000, required: false);
        if (r.Attendees is not { Count: > 0 }) errors.Add("attendees", Lang.T("请至少勾选一名出席居民", "Tick at least one resident who attended"));
        else if (r.Attendees.Distinct().Count() > MaxAttendees) errors.Add("attendees", Lang.T($"出席居民不能超过 {MaxAttendees} 人", $"At most {MaxAttendees} attendees"));
        return errors;
    }

    public static async Task<Result<Recorded>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid groupId, Request r, CancellationToken ct = default)
    {
        var group = await db.Set<Group>().FirstOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is null) return Failure.NotFound();
        var errors = Validate(r, ChinaTime.Today(clock));
        if (r.HeldOn is { } held && !errors.Has("heldOn") && held < group.StartsOn)
            errors.Add("heldOn", Lang.T($"开展日期不能早于开始日期 {ChinaTime.Format(group.StartsOn)}", $"The date cannot be before the start date ({ChinaTime.Format(group.StartsOn)})"));
        var attendees = (r.Attendees ?? []).Distinct().ToList();
        List<GroupMember> members = [];
        if (!errors.Has("attendees"))
        {
            if (group.Kind == GroupKind.Group)
            {
                members = await db.Set<GroupMember>().Where(m => m.GroupId == groupId && attendees.Contains(m.ResidentId)).ToListAsync(ct);
                if (members.Count != attendees.Count) errors.Add("attendees", Lang.T("出席居民须为本小组成员", "Attendees must be members of the group"));
            }
            else
            {
                // The scope filter answers for "in the user's scope".
                var found = await HouseholdLookups.ActiveResidents(db).Where(x => attendees.Contains(x.Id)).CountAsync(ct);
                if (found != attendees.Count) errors.Add("attendees", Lang.T("所选出席居民不存在、已迁出或不在您的管辖范围内", "An attendee does not exist, has left, or lives outside your area"));
            }
        }
        // No one attends before their household was registered (visits, cards and assessments keep the same rule).
        if (!errors.Has("attendees") && !errors.Has("heldOn") && r.HeldOn is { } day && attendees.Count > 0)
        {
            var registered = await (from x in db.Set<Resident>().Where(x => attendees.Contains(x.Id))
                                    join h in db.Set<Household>() on x.HouseholdId equals h.Id
                                    select new { x.Name, h.CreatedAt }).ToListAsync(ct);
            var late = registered.Where(x => HouseholdLookups.RegisteredOn(x.CreatedAt) > day).Select(x => x.Name).ToList();
            if (late.Count > 0)
                errors.Add("attendees", Lang.T($"{string.Join("、", late)} 的家庭户在 {ChinaTime.Format(day)} 之后才登记，不能记为当天出席",
                    $"{string.Join(", ", late)}: the household was registered after {ChinaTime.Format(day)}, so cannot have attended that day"));
        }
        if (errors.Any) return errors.ToFailure();
        if (group.Status == GroupStatus.Finished) return Failure.Conflict(Lang.T("小组已结束，不能再记录活动", "The group is finished; no more sessions can be recorded"));
        if (group.SessionsHeld >= group.PlannedSessions)
            return Failure.Conflict(Lang.T($"已开展 {group.SessionsHeld} 节，达到计划节数；如需增加，请先修改计划节数", $"All {group.PlannedSessions} planned sessions are held; raise the planned sessions first"));

        var number = group.SessionsHeld + 1;
        var session = new GroupSession(group, number, r.HeldOn!.Value, r.Theme!.Trim(), r.Notes?.Trim() ?? "", attendees.Count, clock.GetUtcNow());
        db.Add(session);
        foreach (var member in members) member.Attended(session.HeldOn);
        group.SessionHeld();
        group.Touch();
        var workers = group.WorkerName.Length > 0 ? group.WorkerName : await Workers.NameAsync(db, user, ct);
        var kind = group.Kind == GroupKind.Group ? ServiceKind.GroupService : ServiceKind.CommunityActivity;
        var record = ServiceRecords.Add(db, group.AreaCode, kind, session.HeldOn, ServiceSource.GroupSession, session.Id, workers,
            group.Kind == GroupKind.Group ? $"{group.Title} 第{number}节：{session.Theme}" : $"{group.Title}：{session.Theme}", attendees);
        // Two sessions recorded at one moment: the group's version (or the unique session number) lets one through.
        try
        {
            if (await db.SaveOrFindDuplicateAsync(ct) is not null)
                return Failure.Conflict(Lang.T("该节活动已被他人记录，请刷新后重试", "Someone else recorded this session; reload and try again"));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict(Lang.T("该节活动已被他人记录，请刷新后重试", "Someone else recorded this session; reload and try again"));
        }
        return new Recorded(session.Id, number, record.Id, attendees.Count);
    }
}
