using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Needs;
using Wushe.Features.Projects;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Activities;

/// <summary>
/// 发布志愿活动: a station or community publishes an activity held in its scope (a township or community), with 1–20 shifts
/// (each starting in the future and within <see cref="MaxDaysAhead"/> days, ending after it starts, at most 24 hours, 1–10,000 places). A geofence (50–5,000 m) needs the
/// place's coordinates. The project or need it serves must be in scope. All or nothing.
/// A social organization's staff publish for their organization (<see cref="CurrentUser.ActingOrganization"/>): the activity is held by
/// it (<see cref="Activity.OrganizationId"/>), its organizer is the organization's registered name whatever was typed, the project it
/// serves is one the organization implements and the need one of those projects answers; a suspended or deregistered organization
/// publishes nothing (409).
/// </summary>
public static class PublishActivity
{
    public sealed record ShiftRequest([property: Label("班次名称", "Shift name")] string? Name,
        [property: Label("开始时间", "Starts")] DateTimeOffset? StartsAt, [property: Label("结束时间", "Ends")] DateTimeOffset? EndsAt,
        [property: Label("名额", "Places")] int? Capacity);

    public sealed record Request
    {
        /// <summary>12-digit code of the township or community where it is held (in scope).</summary>
        [Label("活动地点所在区划", "Area")] public string? AreaCode { get; init; }
        [Label("活动名称", "Title")] public string? Title { get; init; }
        [Label("服务类别", "Service category")] public VolunteerServiceKind? Kind { get; init; }
        [Label("服务对象", "Target group")] public string? TargetGroup { get; init; }
        [Label("活动地点", "Place")] public string? Place { get; init; }
        [Label("纬度", "Latitude")] public double? Latitude { get; init; }
        [Label("经度", "Longitude")] public double? Longitude { get; init; }
        [Label("签到范围（米）", "Check-in radius (m)")] public int? GeofenceMeters { get; init; }
        [Label("活动内容", "Description")] public string? Description { get; init; }
        [Label("所需技能", "Skills wanted")] public IReadOnlyList<VolunteerSkill>? SkillsWanted { get; init; }
        [Label("关联项目", "Project")] public Guid? ProjectId { get; init; }
        [Label("关联需求", "Need")] public Guid? NeedId { get; init; }
        [Label("报名截止（开始前小时数）", "Sign-up closes (hours before)")] public int? CutoffHours { get; init; }
        [Label("组织单位", "Organizer")] public string? OrganizerName { get; init; }
        [Label("班次", "Shifts")] public IReadOnlyList<ShiftRequest>? Shifts { get; init; }
        /// <summary>All (default) or ChosenTeams: then only active members of <see cref="TeamIds"/> (1–20 active teams of the scope) sign up.</summary>
        [Label("报名范围", "Open to")] public ActivityOpenTo? OpenTo { get; init; }
        [Label("指定队伍", "Teams")] public IReadOnlyList<Guid>? TeamIds { get; init; }
    }

    public sealed record Published(Guid Id, IReadOnlyList<Guid> Shifts);

    public const int MaxShifts = 20, MaxCapacity = 10_000;

    /// <summary>A shift starts at most this many days ahead: activities are planned within a year (and a date such as 9999-12-31 is a typing slip).</summary>
    public const int MaxDaysAhead = 366;

    public const int MaxTeams = 20;

    /// <summary>组织单位 in characters: an organization's registered name fits (OrganizationsModel: 100).</summary>
    public const int MaxOrganizerName = 100;

    /// <summary>Whether <paramref name="user"/> may link project <paramref name="projectId"/>: one of the scope, or for organization staff one their organization implements.</summary>
    static Task<bool> ProjectReachableAsync(AppDb db, CurrentUser user, Guid projectId, CancellationToken ct) =>
        ProjectRules.Readable(db, user).AnyAsync(p => p.Id == projectId, ct);

    /// <summary>Whether <paramref name="user"/> may link need <paramref name="needId"/>: one of the scope, or for organization staff one a project of their organization answers.</summary>
    static Task<bool> NeedReachableAsync(AppDb db, CurrentUser user, Guid needId, CancellationToken ct)
    {
        if (user.ActingOrganization is null) return db.Set<Need>().AnyAsync(n => n.Id == needId, ct);
        var projects = ProjectRules.Readable(db, user);
        return db.Set<ProjectNeed>().IgnoreQueryFilters([AppDb.ScopeFilter]).AnyAsync(x => x.NeedId == needId && projects.Any(p => p.Id == x.ProjectId), ct);
    }

    /// <summary>The activity's own fields (not its area, shifts or teams): what publishing and editing (<see cref="EditActivity"/>) share.</summary>
    public static Errors ValidateFields(Request r)
    {
        var errors = new Errors()
            .Text("title", r.Title, "活动名称", "Title", 2, 60)
            .Text("targetGroup", r.TargetGroup, "服务对象", "Target group", 0, 60, required: false)
            .Text("place", r.Place, "活动地点", "Place", 2, 100)
            .Text("description", r.Description, "活动内容", "Description", 0, 2000, required: false)
            .Text("organizerName", r.OrganizerName, "组织单位", "Organizer", 2, MaxOrganizerName);
        if (r.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", Lang.T("请选择服务类别", "Choose a service category"));
        if ((r.SkillsWanted ?? []).Any(s => !Volunteer.AllSkills.Contains(s))) errors.Add("skillsWanted", Lang.T("所需技能不在可选范围内", "A skill is not one of the choices"));
        if (r.Latitude is < -90 or > 90) errors.Add("latitude", Lang.T("纬度应在 -90 至 90 之间", "Latitude is between -90 and 90"));
        if (r.Longitude is < -180 or > 180) errors.Add("longitude", Lang.T("经度应在 -180 至 180 之间", "Longitude is between -180 and 180"));
        if ((r.Latitude is null) != (r.Longitude is null)) errors.Add(r.Latitude is null ? "latitude" : "longitude", Lang.T("经度和纬度须同时填写", "Give both latitude and longitude"));
        if (r.GeofenceMeters is { } fence)
        {
            if (fence is < 50 or > 5000) errors.Add("geofenceMeters", Lang.T("签到范围应在 50 至 5000 米之间", "The check-in radius is 50 to 5,000 metres"));
            else if (r.Latitude is null || r.Longitude is null) errors.Add("geofenceMeters", Lang.T("设置签到范围须填写活动地点的经纬度", "A check-in radius needs the place's coordinates"));
        }
        if (r.CutoffHours is < 0 or > 168) errors.Add("cutoffHours", Lang.T("报名截止应为开始前 0 至 168 小时", "Sign-up closes 0 to 168 hours before the start"));
        if (r.OpenTo is { } openTo && !Enum.IsDefined(openTo)) errors.Add("openTo", Lang.T("报名范围不在可选范围内", "Open to is not one of the choices"));
        return errors;
    }

    public static Errors Validate(Request r, DateTimeOffset now)
    {
        var errors = ValidateFields(r);
        if (string.IsNullOrWhiteSpace(r.AreaCode)) errors.Add("areaCode", Lang.T("请选择活动地点所在的乡镇（街道）或社区（村）", "Choose the township or community where it is held"));
        var shifts = r.Shifts ?? [];
        if (shifts.Count == 0) errors.Add("shifts", Lang.T("请至少添加一个班次", "Add at least one shift"));
        if (shifts.Count > MaxShifts) errors.Add("shifts", Lang.T($"班次不能超过 {MaxShifts} 个", $"At most {MaxShifts} shifts"));
        for (var i = 0; i < Math.Min(shifts.Count, MaxShifts); i++)
        {
            var s = shifts[i];
            var at = $"shifts[{i}].";
            errors.Text(at + "name", s?.Name, "班次名称", "Shift name", 0, 20, required: false);
            if (s?.StartsAt is not { } start) errors.Add(at + "startsAt", Lang.T("请填写班次开始时间", "Give the shift's start"));
            else if (start <= now) errors.Add(at + "startsAt", Lang.T("班次开始时间应晚于现在", "The shift starts in the future"));
            else if (start > now.AddDays(MaxDaysAhead)) errors.Add(at + "startsAt", Lang.T($"班次开始时间不能晚于 {MaxDaysAhead} 天以后", $"A shift starts within {MaxDaysAhead} days"));
            if (s?.EndsAt is not { } end) errors.Add(at + "endsAt", Lang.T("请填写班次结束时间", "Give the shift's end"));
            else if (s.StartsAt is { } st && end <= st) errors.Add(at + "endsAt", Lang.T("结束时间应晚于开始时间", "The end is after the start"));
            else if (s.StartsAt is { } st2 && end - st2 > TimeSpan.FromHours(24)) errors.Add(at + "endsAt", Lang.T("一个班次不能超过 24 小时，请分为多个班次", "A shift is at most 24 hours; split it"));
            if (s?.Capacity is not { } c || c < 1 || c > MaxCapacity) errors.Add(at + "capacity", Lang.T($"名额应为 1 至 {MaxCapacity} 之间的整数", $"Places are a whole number from 1 to {MaxCapacity}"));
        }
        return errors;
    }

    /// <summary>
    /// The teams of an activity open to chosen teams: 1–20 distinct active teams of the user's scope (else an error on <c>teamIds</c>);
    /// none for one open to all (any teams given are ignored).
    /// </summary>
    public static async Task<List<Guid>> CheckTeamsAsync(AppDb db, Request r, Errors errors, CancellationToken ct)
    {
        if (r.OpenTo != ActivityOpenTo.ChosenTeams) return [];
        var ids = (r.TeamIds ?? []).Distinct().ToList();
        if (ids.Count == 0) { errors.Add("teamIds", Lang.T("请选择至少一支志愿服务队", "Choose at least one team")); return []; }
        if (ids.Count > MaxTeams) { errors.Add("teamIds", Lang.T($"指定队伍不能超过 {MaxTeams} 支", $"At most {MaxTeams} teams")); return []; }
        var found = await db.Set<Teams.Team>().Where(t => ids.Contains(t.Id) && t.Status == Teams.TeamStatus.Active).Select(t => t.Id).ToListAsync(ct);
        if (found.Count != ids.Count) errors.Add("teamIds", Lang.T("所选队伍不存在、已解散或不在您的管辖范围内", "A team chosen does not exist, was dissolved or lies outside your area"));
        return found;
    }

    public static async Task<Result<Published>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Request request, CancellationToken ct = default)
    {
        var (r, refusal) = await ActivityOrganizers.AsOrganizerAsync(db, user, request, ct);
        if (refusal is not null) return Failure.Conflict(refusal);
        var now = clock.GetUtcNow();
        var errors = Validate(r, now);
        var code = AreaCode.Normalize(r.AreaCode);
        if (!errors.Has("areaCode"))
        {
            var area = code is null ? null : await db.Areas.Where(a => a.Code == code && a.ValidTo == null).Select(a => new { a.Level }).FirstOrDefaultAsync(ct);
            if (area is null || !user.Scope.Covers(code)) errors.Add("areaCode", Lang.T("区划不存在或不在您的管辖范围内", "The area does not exist or lies outside your area"));
            else if (area.Level is not (AreaLevel.Township or AreaLevel.Village)) errors.Add("areaCode", Lang.T("活动地点应选到乡镇（街道）或社区（村）", "Choose a township or a community"));
        }
        if (r.ProjectId is { } projectId && !await ProjectReachableAsync(db, user, projectId, ct))
            errors.Add("projectId", user.ActingOrganization is null
                ? Lang.T("关联项目不存在或不在您的管辖范围内", "The project does not exist or lies outside your area")
                : Lang.T("关联项目不存在或不是本机构承接的项目", "The project does not exist or is not one your organization implements"));
        if (r.NeedId is { } needId && !await NeedReachableAsync(db, user, needId, ct))
            errors.Add("needId", user.ActingOrganization is null
                ? Lang.T("关联需求不存在或不在您的管辖范围内", "The need does not exist or lies outside your area")
                : Lang.T("关联需求不存在或不是本机构承接项目所回应的需求", "The need does not exist or is not answered by a project your organization implements"));
        var teams = await CheckTeamsAsync(db, r, errors, ct);
        if (errors.Any) return errors.ToFailure();

        var activity = new Activity(code!, r.Title!.Trim(), r.Kind!.Value, r.OrganizerName!.Trim(), user.Id, await Households.Workers.NameAsync(db, user, ct), now,
            user.ActingOrganization);
        activity.Describe(r.Title!.Trim(), r.Kind!.Value, r.TargetGroup?.Trim() ?? "", r.Place!.Trim(), r.Latitude, r.Longitude, r.GeofenceMeters,
            r.Description?.Trim() ?? "", Volunteer.Join(r.SkillsWanted), r.ProjectId, r.NeedId, r.CutoffHours ?? 2, r.OrganizerName!.Trim());
        activity.Open(r.OpenTo ?? ActivityOpenTo.All);
        db.Add(activity);
        db.AddRange(teams.Select(t => new ActivityTeam(activity, t)));
        var shifts = r.Shifts!.Select(s => new Shift(activity, s.Name?.Trim() ?? "", s.StartsAt!.Value.ToUniversalTime(), s.EndsAt!.Value.ToUniversalTime(), s.Capacity!.Value)).ToList();
        db.AddRange(shifts);
        await db.SaveChangesAsync(ct);
        return new Published(activity.Id, shifts.Select(s => s.Id).ToList());
    }
}
