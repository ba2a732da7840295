using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Validation;

namespace Wushe.Features.Projects;

/// <summary>
/// 删除服务记录照片: a photo added by mistake — the wrong picture, or one showing what it must not (an ID card, a child's face, another
/// family) — is removed with a reason by the implementing organization's staff or a station worker (<see cref="ProjectRules.PhotoRemovalRefusal"/>),
/// whatever the project's status (a wrong picture never stays because the project ended). The photo and its stored file are
/// deleted (no copy is kept); the removal and its reason are audited. Failures: not found (the project as the user reaches it, a
/// photo of that project); invalid (reason: 2 to 200 characters); conflict in words (no part in delivery, a halted organization).
/// </summary>
public static class RemoveProjectActivityPhoto
{
    public sealed record Request
    {
        [Label("删除原因", "Reason")] public string? Reason { get; init; }
    }

    /// <summary>The photo's file, now gone.</summary>
    public sealed record Removed(Guid FileId);

    public static Errors Validate(Request r) => new Errors().Text("reason", r.Reason, "删除原因", "The reason", 2, 200);

    public static async Task<Result<Removed>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid projectId, Guid fileId, Request r, CancellationToken ct = default)
    {
        var project = await ProjectRules.FindAsync(db, user, projectId, ct);
        if (project is null) return Failure.NotFound();
        // The photo by its project (reached above: an organization's staff reach it outside their scope).
        var photo = await db.Set<ProjectActivityPhoto>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(p => p.ProjectId == project.Id && p.FileId == fileId, ct);
        if (photo is null) return Failure.NotFound();
        var errors = Validate(r);
        if (errors.Any) return errors.ToFailure();
        if (ProjectRules.PhotoRemovalRefusal(await ProjectRules.StandingAsync(db, user, project, ct)) is { } refusal) return Failure.Conflict(refusal);
        var file = await db.StoredFiles.IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(f => f.Id == fileId, ct);
        db.Remove(photo);
        if (file is not null) db.Remove(file);
        // One audit row says it all — the file (its key), the record it was a photo of, and why — instead of the file's and the
        // link's rows without the reason.
        var heldOn = await db.Set<ProjectActivity>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => a.Id == photo.ActivityId).Select(a => (DateOnly?)a.HeldOn).FirstOrDefaultAsync(ct);
        db.SuppressEntityAudit = true;
        db.AuditRecords.Add(new AuditRecord(clock.GetUtcNow(), db.Actor, AuditAction.Delete, nameof(Platform.Files.StoredFile), fileId.ToString(),
            areaCode: photo.AreaCode, reason: r.Reason!.Trim(),
            objectName: heldOn is { } day ? $"{project.ProjectNo} 服务记录（{Platform.ChinaTime.Format(day)}）的照片" : project.ProjectNo));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict(Lang.T("照片刚被他人删除", "Someone removed the photo a moment ago"));
        }
        finally
        {
            db.SuppressEntityAudit = false;
        }
        return new Removed(fileId);
    }
}
