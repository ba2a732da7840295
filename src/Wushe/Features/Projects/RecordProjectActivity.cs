using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Validation;
using Wushe.Platform.Web;

namespace Wushe.Features.Projects;

/// <summary>
/// 记录服务: the implementing organization's staff (or a station social worker of the scope) record an activity or service of a
/// project in progress (<see cref="ProjectRules.DeliveryRefusal"/>) — its service kind, China date within the project's period and
/// not in the future, title, place, the 党工+社工+志工 who served (counts, at least one; names optional), the registered residents
/// who took part (residents of the project's area; they become the beneficiaries of a <see cref="ServiceRecord"/> of source
/// Project, so the area's statistics count them) and an open event's head count (人次); at least one participant. Failures:
/// invalid (each field named); not found; conflict (not in progress, or the user has no part in delivery). All or nothing.
/// </summary>
public static class RecordProjectActivity
{
    public sealed record Request
    {
        [Label("服务类型", "Service kind")] public ServiceKind? Kind { get; init; }
        [Label("服务日期", "Date")] public DateOnly? HeldOn { get; init; }
        [Label("活动名称", "Title")] public string? Title { get; init; }
        [Label("服务地点", "Place")] public string? Place { get; init; }
        [Label("党工人数", "Party workers")] public int? PartyWorkers { get; init; }
        [Label("社工人数", "Social workers")] public int? SocialWorkers { get; init; }
        [Label("志工人数", "Volunteers")] public int? Volunteers { get; init; }
        [Label("服务人员", "Staff names")] public string? StaffNames { get; init; }
        [Label("登记服务对象", "Registered residents")] public List<Guid>? ResidentIds { get; init; }
        [Label("开放活动参与人次", "Open-event head count")] public int? HeadCount { get; init; }
        [Label("服务情况", "Notes")] public string? Notes { get; init; }
    }

    public sealed record Recorded(Guid Id, Guid ServiceRecordId);

    public const int MaxResidents = 500;

    /// <summary>The largest head count one open event declares.</summary>
    public const int MaxHeadCount = 10_000;

    /// <summary>The kinds that may be open events, with a head count of people not registered: gatherings (场).</summary>
    public static bool OpenEvent(ServiceKind kind) => ProjectRules.UnitOf(kind) == "场";

    public static Errors Validate(Request r)
    {
        var errors = new Errors()
            .Text("title", r.Title, "活动名称", "Title", 2, 100)
            .Text("place", r.Place, "服务地点", "Place", 0, 100, required: false)
            .Text("staffNames", r.StaffNames, "服务人员", "Staff names", 0, 200, required: false)
            .Text("notes", r.Notes, "服务情况", "Notes", 0, 1000, required: false);
        if (r.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", Lang.T("请选择服务类型", "Choose the service kind"));
        if (r.HeldOn is null) errors.Add("heldOn", Lang.T("请填写服务日期", "Give the date"));
        foreach (var (field, value, zh, en) in new[] { ("partyWorkers", r.PartyWorkers, "党工人数", "Party workers"), ("socialWorkers", r.SocialWorkers, "社工人数", "Social workers"), ("volunteers", r.Volunteers, "志工人数", "Volunteers") })
            if (value is < 0 or > 1000) errors.Add(field, Lang.T($"{zh}须在 0 到 1000 之间", $"{en}: 0 to 1,000"));
        if ((r.PartyWorkers ?? 0) + (r.SocialWorkers ?? 0) + (r.Volunteers ?? 0) == 0 && !errors.Has("partyWorkers") && !errors.Has("socialWorkers") && !errors.Has("volunteers"))
            errors.Add("socialWorkers", Lang.T("请填写参与服务的党工、社工或志工人数（至少 1 人）", "Give how many party workers, social workers or volunteers served (at least 1)"));
        if (r.HeadCount is < 0 or > MaxHeadCount) errors.Add("headCount", Lang.T($"参与人次须在 0 到 {MaxHeadCount} 之间", $"The head count is 0 to {MaxHeadCount:N0}"));
        else if (r.HeadCount > 0 && r.Kind is { } k && !OpenEvent(k))
            errors.Add("headCount", Lang.T($"参与人次只用于社区活动、小组服务和赋能培训等开放活动；{ServiceRecord.KindLabel(k)}请登记服务对象",
                $"A head count is for open events (community activities, groups, trainings); for {ServiceRecord.KindLabel(k)} register the residents served"));
        if ((r.ResidentIds?.Count ?? 0) > MaxResidents) errors.Add("residentIds", Lang.T($"一次最多登记 {MaxResidents} 名服务对象", $"At most {MaxResidents} residents per record"));
        else if ((r.ResidentIds?.Count ?? 0) == 0 && (r.HeadCount ?? 0) == 0 && !errors.Has("headCount"))
            errors.Add("residentIds", Lang.T("请登记服务对象或填写开放活动参与人次", "Register the residents served or give the open event's head count"));
        return errors;
    }

    /// <param name="photos">The record form's photos, saved with the record (the photos' one rule: <see cref="Platform.Files.Photos"/>; named "photos").</param>
    public static async Task<Result<Recorded>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid projectId, Request r,
        IReadOnlyList<IFormFile>? photos = null, CancellationToken ct = default)
    {
        var project = await ProjectRules.FindAsync(db, user, projectId, ct);
        if (project is null) return Failure.NotFound();
        var errors = Validate(r);
        var today = ChinaTime.Today(clock);
        if (r.HeldOn is { } on)
        {
            if (on < project.StartOn || on > project.EndOn)
                errors.Add("heldOn", Lang.T($"服务日期须在项目周期内（{ChinaTime.Format(project.StartOn)} 至 {ChinaTime.Format(project.EndOn)}）",
                    $"The date lies within the project's period ({ChinaTime.Format(project.StartOn)} to {ChinaTime.Format(project.EndOn)})"));
            else if (on > today) errors.Add("heldOn", Lang.T("服务日期不能晚于今天", "The date cannot be after today"));
        }
        var ids = (r.ResidentIds ?? []).Distinct().ToList();
        if (ids.Count > 0 && !errors.Has("residentIds"))
        {
            // Residents of the project's area, read by that explicit predicate (an organization's staff have no household scope).
            var prefix = Platform.Areas.AreaCode.Prefix(project.AreaCode);
            var found = await db.Set<Resident>().IgnoreQueryFilters([AppDb.ScopeFilter])
                .CountAsync(x => ids.Contains(x.Id) && x.AreaCode.StartsWith(prefix), ct);
            if (found < ids.Count) errors.Add("residentIds", Lang.T("所选服务对象不存在或不在项目区划内", "A resident chosen does not exist or lives outside the project's area"));
        }
        var files = await Platform.Files.Photos.ReadAsync(photos, ProjectActivityPhoto.Kind, ProjectActivityPhoto.MaxPerRecord, project.AreaCode, clock, user.Id, errors);
        if (errors.Any) return errors.ToFailure();
        if (ProjectRules.DeliveryRefusal(project.Status, await ProjectRules.StandingAsync(db, user, project, ct)) is { } refusal) return Failure.Conflict(refusal);

        var now = clock.GetUtcNow();
        var name = await Workers.NameAsync(db, user, ct);
        var title = r.Title!.Trim();
        var staff = r.StaffNames?.Trim() ?? "";
        var record = ServiceRecords.Add(db, project.AreaCode, r.Kind!.Value, r.HeldOn!.Value, ServiceSource.Project, project.Id,
            staff.Length > 0 ? staff : name, $"{project.ProjectNo} {title}", ids);
        var activity = new ProjectActivity(project, r.Kind.Value, r.HeldOn.Value, title, r.Place?.Trim() ?? "", r.PartyWorkers ?? 0, r.SocialWorkers ?? 0,
            r.Volunteers ?? 0, staff, ids.Count, r.HeadCount ?? 0, r.Notes?.Trim() ?? "", record.Id, user.Id, name, now);
        db.Add(activity);
        foreach (var f in files)
        {
            db.StoredFiles.Add(f);
            db.Add(new ProjectActivityPhoto(activity, f.Id));
        }
        if (await SaveWhileInProgressAsync(db, project.Id, ct) is { } conflict) return conflict;
        return new Recorded(activity.Id, record.Id);
    }

    /// <summary>
    /// Saves what delivery adds (a record, its photos) only while the project is still in progress: the save and a completion or
    /// termination are serialized — in one transaction the project must still be in progress when the rows are saved (a step
    /// committed meanwhile makes the guard touch nothing; on PostgreSQL it waits for a step in flight). The guard changes nothing,
    /// so records by several staff at once never refuse each other. The conflict when the project moved on; null when saved.
    /// </summary>
    public static async Task<Failure?> SaveWhileInProgressAsync(AppDb db, Guid projectId, CancellationToken ct)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var still = await db.Set<Project>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(p => p.Id == projectId && p.Status == ProjectStatus.InProgress)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Version, p => p.Version), ct);
        if (still == 0)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict(Lang.T("项目刚被结项或终止，服务记录未保存", "The project was completed or terminated a moment ago; the record was not saved"));
        }
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return null;
    }
}
