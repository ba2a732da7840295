using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Activities;

/// <summary>
/// 修改志愿活动: staff in the activity's scope correct a published activity — title, category, target group, place, coordinates and
/// check-in radius, description, skills, sign-up cut-off, organizer, and who may sign up (all volunteers or chosen teams of the scope).
/// Shifts keep their times and places (capacity has its own action); the project and need it serves stay. The rules of
/// <see cref="PublishActivity"/>; a cancelled activity is 409, a stale <c>version</c> 409. Narrowing it to teams ends no sign-up made
/// before: the organizer removes, with a reason, whom they must. Audited field by field. An organization's staff edit their
/// organization's activities only (another's is 404); the organizer of an activity an organization holds stays its registered name,
/// whoever edits it; a suspended or deregistered organization changes nothing (409).
/// </summary>
public static class EditActivity
{
    public sealed record Request
    {
        [Label("活动名称", "Title")] public string? Title { get; init; }
        [Label("服务类别", "Service category")] public VolunteerServiceKind? Kind { get; init; }
        [Label("服务对象", "Target group")] public string? TargetGroup { get; init; }
        [Label("活动地点", "Place")] public string? Place { get; init; }
        [Label("纬度", "Latitude")] public double? Latitude { get; init; }
        [Label("经度", "Longitude")] public double? Longitude { get; init; }
        [Label("签到范围（米）", "Check-in radius (m)")] public int? GeofenceMeters { get; init; }
        [Label("活动内容", "Description")] public string? Description { get; init; }
        [Label("所需技能", "Skills wanted")] public IReadOnlyList<VolunteerSkill>? SkillsWanted { get; init; }
        [Label("报名截止（开始前小时数）", "Sign-up closes (hours before)")] public int? CutoffHours { get; init; }
        [Label("组织单位", "Organizer")] public string? OrganizerName { get; init; }
        [Label("报名范围", "Open to")] public ActivityOpenTo? OpenTo { get; init; }
        [Label("指定队伍", "Teams")] public IReadOnlyList<Guid>? TeamIds { get; init; }
        public int? Version { get; init; }

        public PublishActivity.Request AsPublished() => new()
        {
            Title = Title, Kind = Kind, TargetGroup = TargetGroup, Place = Place, Latitude = Latitude, Longitude = Longitude, GeofenceMeters = GeofenceMeters,
            Description = Description, SkillsWanted = SkillsWanted, CutoffHours = CutoffHours, OrganizerName = OrganizerName, OpenTo = OpenTo, TeamIds = TeamIds,
        };
    }

    public static async Task<Result<int>> Handle(AppDb db, CurrentUser user, Guid id, Request r, CancellationToken ct = default)
    {
        if (await db.Set<Activity>().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } activity) return Failure.NotFound();
        var (asPublished, refusal) = await ActivityOrganizers.AsOrganizerAsync(db, user, r.AsPublished(), ct, activity.OrganizationId);
        if (refusal is not null) return Failure.Conflict(refusal);
        var errors = PublishActivity.ValidateFields(asPublished);
        var teams = await PublishActivity.CheckTeamsAsync(db, asPublished, errors, ct);
        if (errors.Any) return errors.ToFailure();
        if (activity.Status != ActivityStatus.Published) return Failure.Conflict(Lang.T("该活动已取消，不能修改", "The activity was cancelled: it cannot be changed"));
        var stale = Failure.Conflict(Lang.T("该活动已被他人修改，请刷新后重试", "Someone else changed this activity: reload and try again"));
        if (r.Version is { } version && version != activity.Version) return stale;
        activity.Describe(r.Title!.Trim(), r.Kind!.Value, r.TargetGroup?.Trim() ?? "", r.Place!.Trim(), r.Latitude, r.Longitude, r.GeofenceMeters, r.Description?.Trim() ?? "",
            Volunteer.Join(r.SkillsWanted), activity.ProjectId, activity.NeedId, r.CutoffHours ?? activity.CutoffHours, asPublished.OrganizerName!.Trim());
        activity.Open(r.OpenTo ?? ActivityOpenTo.All);
        var chosen = await db.Set<ActivityTeam>().Where(t => t.ActivityId == id).ToListAsync(ct);
        db.RemoveRange(chosen.Where(c => !teams.Contains(c.TeamId)));
        db.AddRange(teams.Where(t => chosen.All(c => c.TeamId != t)).Select(t => new ActivityTeam(activity, t)));
        activity.Touch();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return stale;
        }
        return activity.Version;
    }
}
