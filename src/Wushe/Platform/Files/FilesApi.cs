using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Platform.Files;

/// <summary>Download an uploaded file: scoped like every record (a file outside one's area is 404).</summary>
public static class FilesApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/files/{id:guid}", async (AppDb db, Guid id) =>
            await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id) is { } f
                ? Results.File(f.Content, f.ContentType, f.FileName)
                : Http.Problem(Failure.NotFound()))
            .WithTags("Files")
            .WithSummary("下载附件 · Download a file");
}
