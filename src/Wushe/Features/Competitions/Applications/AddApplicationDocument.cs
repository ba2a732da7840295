using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Files;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 上传申报材料: the organization's staff add a document to their application while they may change it
/// (<see cref="ApplicationRules.ChangeRefusal"/>) — as one of the call's required documents by its name, or 其他材料; a jpg, png or pdf of
/// at most 5 MB checked by its content (<see cref="StoredFile.FromUpload"/>), stored in the application's area as
/// <see cref="ApplicationRules.DocumentKind"/>; at most <see cref="ApplicationRules.MaxDocuments"/> files (409 beyond). Failures: not found
/// (another organization's application); invalid (name, file named); conflict in words (frozen, full).
/// </summary>
public static class AddApplicationDocument
{
    public sealed record Request
    {
        /// <summary>One of the call's required documents by its name, or 其他材料.</summary>
        [Label("材料名称", "Document")] public string? Name { get; init; }
    }

    public sealed record Added(Guid Id, Guid FileId, string Name, string FileName);

    /// <summary>The names a document of the call may carry: its required documents, then 其他材料.</summary>
    public static IReadOnlyList<string> Names(Competition call) => [.. call.RequiredDocuments, ApplicationRules.OtherDocument];

    public static async Task<Result<Added>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid applicationId, Request r, IFormFile? file, CancellationToken ct = default)
    {
        if (Organizations.OrganizationAccess.Own(user) is null) return Failure.NotFound();
        if (await ApplicationRules.FindAsync(db, user, applicationId, ct) is not { } application) return Failure.NotFound();
        var call = await ApplicationRules.CallAsync(db, user, application.CompetitionId, ct);
        var errors = new Errors();
        var names = Names(call!);
        var chosen = r.Name?.Trim();
        if (string.IsNullOrEmpty(chosen)) errors.Add("name", Lang.T("请选择材料名称", "Choose which document it is"));
        else if (!names.Contains(chosen)) errors.Add("name", Lang.T($"材料名称须为以下之一：{string.Join("、", names)}", $"The document is one of: {string.Join(", ", names)}"));
        StoredFile? stored = null;
        if (file is null) errors.Add("file", Lang.T("请选择要上传的文件", "Choose the file to upload"));
        else
        {
            var (f, error) = await StoredFile.FromUpload(file, ApplicationRules.DocumentKind, application.AreaCode, clock.GetUtcNow(), user.Id);
            errors.Add("file", error);
            stored = f;
        }
        if (errors.Any) return errors.ToFailure();
        if (ApplicationRules.ChangeRefusal(call!, application, clock.GetUtcNow()) is { } refusal) return ApplicationRules.Frozen(refusal);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // The count under the application's row (an update that changes nothing): two uploads at once cannot both take the last place.
        await db.Set<CompetitionApplication>().IgnoreQueryFilters().Where(a => a.Id == application.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version), ct);
        if (await db.Set<ApplicationDocument>().IgnoreQueryFilters().CountAsync(d => d.ApplicationId == application.Id, ct) >= ApplicationRules.MaxDocuments)
            return Failure.Conflict(Lang.T($"每份申报最多上传 {ApplicationRules.MaxDocuments} 个文件", $"An application holds at most {ApplicationRules.MaxDocuments} files"));
        db.StoredFiles.Add(stored!);
        var document = new ApplicationDocument(application, chosen!, stored!.Id, stored.FileName, clock.GetUtcNow());
        db.Add(document);
        ApplicationRules.ActInCall(db, user, call!);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return new Added(document.Id, stored.Id, document.Name, document.FileName);
    }
}
