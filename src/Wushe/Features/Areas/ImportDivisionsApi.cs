using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Areas;

/// <summary>Upload the four division CSV files; poll the job for progress and the row-by-row result.</summary>
public static class ImportDivisionsApi
{
    public const long MaxFileBytes = 20 * 1024 * 1024;

    public static async Task<Result<Guid>> Start(IFormFileCollection files, ImportJobs jobs, CurrentUser user)
    {
        var errors = new Errors();
        var contents = new Dictionary<string, byte[]>();
        foreach (var name in DivisionImport.FileNames)
        {
            var file = files.GetFile(Path.GetFileNameWithoutExtension(name)) ?? files.FirstOrDefault(f => string.Equals(f.FileName, name, StringComparison.OrdinalIgnoreCase));
            if (file is null) { errors.Add(Path.GetFileNameWithoutExtension(name), Lang.T($"请上传 {name}", $"Please upload {name}")); continue; }
            if (!file.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || file.Length > MaxFileBytes)
            {
                errors.Add(Path.GetFileNameWithoutExtension(name), Lang.T("请上传大小不超过 20MB、格式为 csv 的文件", "Please upload a csv file of at most 20 MB"));
                continue;
            }
            using var ms = new MemoryStream();
            await file.CopyToAsync(ms);
            contents[name] = ms.ToArray();
        }
        if (errors.Any) return errors.ToFailure();
        return jobs.Start(contents, user);
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/areas/import").WithTags("Areas").RequirePermission(AreasPermissions.Import);
        g.MapPost("/", async (HttpRequest request, ImportJobs jobs, CurrentUser user) =>
            {
                if (!request.HasFormContentType) return Http.Problem(Failure.Invalid("", Lang.T("请以 multipart/form-data 上传文件", "Upload the files as multipart/form-data")));
                var form = await request.ReadFormAsync();
                return (await Start(form.Files, jobs, user)).ToHttp(id => TypedResults.Accepted($"{Api.Prefix}/areas/import/{id}", new { id }));
            })
            .DisableAntiforgery()
            .WithoutIdempotency("a background job outside the request's transaction; importing the same list again changes nothing")
            .WithSummary("导入行政区划 · Import the division list")
            .WithDescription("Start an import of provinces.csv, cities.csv, areas.csv and streets.csv (form fields provinces, cities, areas, streets).");
        g.MapGet("/{id:guid}", (Guid id, ImportJobs jobs) =>
            jobs.Get(id) is { } status ? Results.Ok(status) : Http.Problem(Failure.NotFound()))
            .WithSummary("区划导入进度 · Import progress")
            .WithDescription("Progress and result of an import.");
    }
}
