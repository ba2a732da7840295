using Microsoft.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Platform.Files;

/// <summary>
/// Download an uploaded file: scoped like every record (a file outside one's area is 404). The API
/// serves it to bearer tokens at /api/v1/files/{id}; pages link to /files/{id}, the same download for
/// a signed-in browser (the API takes no cookies).
/// </summary>
public static class FilesApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/files/{id:guid}", Download)
            .WithTags("Files")
            .WithName("DownloadFile").WithSummary("下载附件 · Download a file")
            .WithDescription("An uploaded file (evidence photo or document), with its stored name and type.")
            .ProducesFile(StoredFile.AllowedTypes);

    public static void MapForPages(IEndpointRouteBuilder app) =>
        app.MapGet("/files/{id:guid}", Download).RequireAuthorization().ExcludeFromDescription();

    static async Task<IResult> Download(AppDb db, HttpContext http, Guid id)
    {
        var file = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, http.RequestAborted);
        if (file is null) return Http.Problem(Failure.NotFound());
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
