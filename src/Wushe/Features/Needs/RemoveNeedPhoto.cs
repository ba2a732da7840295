using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Validation;

namespace Wushe.Features.Needs;

/// <summary>
/// 删除需求照片: a photo of a need of the user's scope added by mistake — the wrong picture, or one showing what it must not (an ID
/// card, a face) — is removed with a reason by who manages needs, whatever the need's status (a resident's own photo too). The photo
/// and its stored file are deleted (no copy is kept); the removal and its reason are audited. Failures: not found (a need outside
/// the scope, a photo not of that need); invalid (reason: 2 to 200 characters).
/// </summary>
public static class RemoveNeedPhoto
{
    public sealed record Request
    {
        [Label("删除原因", "Reason")] public string? Reason { get; init; }
    }

    /// <summary>The photo's file, now gone.</summary>
    public sealed record Removed(Guid FileId);

    public static Errors Validate(Request r) => new Errors().Text("reason", r.Reason, "删除原因", "The reason", 2, 200);

    public static async Task<Result<Removed>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid id, Guid fileId, Request r, CancellationToken ct = default)
    {
        var need = await db.Set<Need>().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (need is null) return Failure.NotFound();
        var photo = await db.Set<NeedPhoto>().FirstOrDefaultAsync(p => p.NeedId == id && p.FileId == fileId, ct);
        if (photo is null) return Failure.NotFound();
        var errors = Validate(r);
        if (errors.Any) return errors.ToFailure();
        var file = await db.StoredFiles.FirstOrDefaultAsync(f => f.Id == fileId, ct);
        db.Remove(photo);
        if (file is not null) db.Remove(file);
        need.Touch();
        // One audit row says it all — the file (its key), the need it was a photo of, and why — instead of the file's and the link's
        // rows without the reason.
        db.SuppressEntityAudit = true;
        db.AuditRecords.Add(new AuditRecord(clock.GetUtcNow(), db.Actor, AuditAction.Delete, nameof(Platform.Files.StoredFile), fileId.ToString(),
            areaCode: photo.AreaCode, reason: r.Reason!.Trim(), objectName: $"{need.NeedNo} 的现场照片"));
        try
        {
            if (await NeedSaves.SaveAsync(db, ct) is { } conflict) return conflict;
        }
        finally
        {
            db.SuppressEntityAudit = false;
        }
        return new Removed(fileId);
    }
}
