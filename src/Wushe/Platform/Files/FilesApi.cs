using Microsoft.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Platform.Files;

/// <summary>
/// Download an uploaded file. A file is read as its record is read: the user's scope must cover the file's area (the
/// record's: a file moves with its record) and the user must hold the permission of its <see cref="FileKind"/> (a case
/// note's attachment: the permission that reads cases). Anyone else gets 404 — a file of a case is not there for an
/// organization's staff or a fund committee member who cannot open the case — and the refusal is audited as a security
/// event. Downloads of kinds that audit their reads (<see cref="FileKind.AuditReads"/>) are written to the audit log.
/// The API serves bearer tokens at /api/v1/files/{id}; pages link to /files/{id}, the same download for a signed-in
/// browser (the API takes no cookies).
/// </summary>
public static class FilesApi
{
    static readonly Lazy<IReadOnlyDictionary<string, FileKind>> kinds = new(() =>
        Composition.FeatureModules.All.SelectMany(f => f.FileKinds).ToDictionary(k => k.Name, StringComparer.Ordinal));

    /// <summary>Every file kind the features declare, by name.</summary>
    public static IReadOnlyDictionary<string, FileKind> Kinds => kinds.Value;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/files/{id:guid}", Download)
            .WithTags("Files")
            .WithName("DownloadFile").WithSummary("下载附件 · Download a file")
            .WithDescription("An uploaded file (evidence photo or document), with its stored name and type. 404 unless the caller may read the record the file belongs to.")
            .ProducesFile(StoredFile.AllowedTypes);

    public static void MapForPages(IEndpointRouteBuilder app) =>
        app.MapGet("/files/{id:guid}", Download).RequireAuthorization().ExcludeFromDescription();

    static async Task<IResult> Download(AppDb db, CurrentUser user, TimeProvider clock, HttpContext http, Guid id)
    {
        var ct = http.RequestAborted;
        // Its kind first (outside the scope: a kind that reaches its records otherwise decides by them), then the file as the kind reads it.
        var kindName = await db.StoredFiles.IgnoreQueryFilters([AppDb.ScopeFilter]).Where(f => f.Id == id).Select(f => f.Kind).FirstOrDefaultAsync(ct);
        var reaches = kindName is not null && Kinds.TryGetValue(kindName, out var reaching) && reaching.Reaches is { } reach && user.Has(reaching.ReadBy)
            && await reach(db, user, id, ct);
        var file = await (reaches ? db.StoredFiles.IgnoreQueryFilters([AppDb.ScopeFilter]) : db.StoredFiles).AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (file is null) return Http.Problem(Failure.NotFound());
        if (!Kinds.TryGetValue(file.Kind, out var kind) || !user.Has(kind.ReadBy) || (kind.Reaches is not null && !reaches))
        {
            await db.RecordDeniedAsync(AuditAction.Download, nameof(StoredFile), file.Id.ToString(), file.AreaCode, "forbidden", ct: ct);
            return Http.Problem(Failure.NotFound());
        }
        if (kind.AuditReads)
        {
            db.AuditRecords.Add(new AuditRecord(clock.GetUtcNow(), user, AuditAction.Download, nameof(StoredFile), file.Id.ToString(),
                areaCode: file.AreaCode, objectName: file.FileName));
            await db.SaveChangesAsync(ct);
        }
        Serve(http.Response, file);
        return Results.Bytes(file.Content, file.ContentType);
    }

    /// <summary>
    /// The headers of a stored file: never sniffed (<c>nosniff</c>: its checked type is the only one a browser
    /// may use), shown in the browser only when it is an image or a PDF, downloaded otherwise, and not kept
    /// in shared caches.
    /// </summary>
    public static void Serve(HttpResponse response, StoredFile file)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        var disposition = new ContentDispositionHeaderValue(StoredFile.ShownInline(file.ContentType) ? "inline" : "attachment");
        disposition.SetHttpFileName(file.FileName);
        response.Headers.ContentDisposition = disposition.ToString();
    }
}
