using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 删除申报材料: the organization's staff remove a document of their application while they may change it
/// (<see cref="ApplicationRules.ChangeRefusal"/>); the document and its stored file go (audited). Failures: not found (another
/// organization's application, a document not of it); conflict in words (frozen from the deadline).
/// </summary>
public static class RemoveApplicationDocument
{
    public sealed record Removed(Guid Id, Guid FileId);

    public static async Task<Result<Removed>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid applicationId, Guid documentId, CancellationToken ct = default)
    {
        if (OrganizationAccess.Own(user) is null) return Failure.NotFound();
        if (await ApplicationRules.FindAsync(db, user, applicationId, ct) is not { } application) return Failure.NotFound();
        var document = await db.Set<ApplicationDocument>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(d => d.Id == documentId && d.ApplicationId == application.Id, ct);
        if (document is null) return Failure.NotFound();
        var call = await ApplicationRules.CallAsync(db, user, application.CompetitionId, ct);
        if (ApplicationRules.ChangeRefusal(call!, application, clock.GetUtcNow()) is { } refusal) return ApplicationRules.Frozen(refusal);
        db.Remove(document);
        if (await db.StoredFiles.IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(f => f.Id == document.FileId, ct) is { } file) db.Remove(file);
        ApplicationRules.ActInCall(db, user, call!);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict(Lang.T("该材料刚被他人删除", "Someone removed the document a moment ago"));
        }
        return new Removed(document.Id, document.FileId);
    }
}
