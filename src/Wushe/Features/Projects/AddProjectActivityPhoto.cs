using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Files;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Projects;

/// <summary>
/// 上传服务记录照片: whoever records delivery on the project (<see cref="ProjectRules.DeliveryRefusal"/>: the implementing
/// organization's staff, a station worker) adds a photo to one of its delivery records while the project is in progress — the
/// photos' one rule (<see cref="Photos"/>: jpg/png ≤ 5 MB, checked by content, at most <see cref="ProjectActivityPhoto.MaxPerRecord"/> per
/// record, 409 beyond), stored in the project's area. The record form sends its photos with the record
/// (<see cref="RecordProjectActivity"/>); this is the API's way, and a later photo's. Failures: not found (the project as the user
/// reaches it, the record of that project); invalid (the photo named); conflict in words (not in progress, no part in delivery, full).
/// </summary>
public static class AddProjectActivityPhoto
{
    public static async Task<Result<CreatedId>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid projectId, Guid activityId, IFormFile? photo,
        CancellationToken ct = default)
    {
        var project = await ProjectRules.FindAsync(db, user, projectId, ct);
        if (project is null) return Failure.NotFound();
        // The record by its project (reached above: an organization's staff reach it outside their scope).
        var activity = await db.Set<ProjectActivity>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(a => a.Id == activityId && a.ProjectId == project.Id, ct);
        if (activity is null) return Failure.NotFound();
        if (activity.VoidedAt is not null) return Failure.Conflict(Lang.T("该服务记录已作废，不能再添加照片", "The record is voided: no photo is added to it"));
        var errors = new Errors();
        if (photo is null) errors.Add("photo", Lang.T("请选择要上传的照片", "Please choose the photo"));
        var files = await Photos.ReadAsync(photo is null ? null : [photo], ProjectActivityPhoto.Kind, ProjectActivityPhoto.MaxPerRecord, project.AreaCode, clock,
            user.Id, errors, "photo");
        if (errors.Any) return errors.ToFailure();
        if (ProjectRules.DeliveryRefusal(project.Status, await ProjectRules.StandingAsync(db, user, project, ct)) is { } refusal) return Failure.Conflict(refusal);
        if (await db.Set<ProjectActivityPhoto>().IgnoreQueryFilters([AppDb.ScopeFilter]).CountAsync(p => p.ActivityId == activity.Id, ct) >= ProjectActivityPhoto.MaxPerRecord)
            return Failure.Conflict(Lang.T($"每条服务记录最多 {ProjectActivityPhoto.MaxPerRecord} 张照片", $"A delivery record has at most {ProjectActivityPhoto.MaxPerRecord} photos"));
        db.StoredFiles.Add(files[0]);
        db.Add(new ProjectActivityPhoto(activity, files[0].Id));
        if (await RecordProjectActivity.SaveWhileInProgressAsync(db, project.Id, ct) is { } conflict) return conflict;
        return new CreatedId(files[0].Id);
    }
}
