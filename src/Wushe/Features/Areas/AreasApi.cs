using Microsoft.AspNetCore.Http.HttpResults;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Areas;

/// <summary>Routes of the areas feature (/api/v1/areas); each calls the use case the pages call too.</summary>
public static class AreasApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/areas").WithTags("Areas").RequirePermission(AreasPermissions.View);
        g.MapGet("/", async Task<Results<Ok<List<BrowseAreas.Node>>, ProblemHttpResult>> (AppDb db, CurrentUser user, string? parent, string? q) =>
            q is { Length: > 0 } ? TypedResults.Ok(await BrowseAreas.Search(db, q))
            : parent is null ? TypedResults.Ok(await BrowseAreas.Roots(db, user))
            : (await BrowseAreas.Children(db, parent)).ToOk())
            .WithName("BrowseAreas").WithSummary("行政区划 · Browse areas").ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Roots of the user's scope; children of ?parent=CODE; or a name search with ?q=.");
        g.MapGet("/{code}", async (AppDb db, string code) => (await BrowseAreas.Get(db, code)).ToOk())
            .WithName("GetArea").WithSummary("区划详情 · Get an area")
            .WithDescription("One area with its path from the province.");
        api.MapPut("/areas/{code}/needs-station", async (AppDb db, CurrentUser user, string code, SetNeedsStation.Request request) =>
                (await SetNeedsStation.Handle(db, user, code, request)).ToOk())
            .WithTags("Areas").RequirePermission(AreasPermissions.Configure)
            .WithName("SetNeedsStation").WithSummary("设置类似乡级单位是否需建站 · Set whether a township-like unit needs a station")
            .WithDescription("Whether a township-like unit (类似乡级单位: zone, park, farm; township digits 400–599) must have a station, so coverage counts it without one. Body: { \"needsStation\": true }.");

        var i = api.MapGroup("/areas/import").WithTags("Areas").RequirePermission(AreasPermissions.Import);
        i.MapPost("/", async Task<Results<Accepted<CreatedId>, ProblemHttpResult>> (HttpRequest request, ImportJobs jobs, CurrentUser user) =>
                (await ImportDivisions.Start(await ImportDivisions.FilesOf(request), jobs, user)).ToHttp(id => TypedResults.Accepted($"{Api.Prefix}/areas/import/{id}", new CreatedId(id))))
            .AcceptsFiles(ImportDivisions.UploadFields)
            .DisableAntiforgery()
            .WithoutIdempotency("a background job outside the request's transaction; importing the same list again changes nothing")
            .WithName("ImportDivisions").WithSummary("导入行政区划 · Import the division list")
            .WithDescription("Start an import of provinces.csv, cities.csv, areas.csv and streets.csv (form fields provinces, cities, areas, streets), "
                + "with an optional old → new code mapping (field mapping: CSV old,new) that moves what hangs on re-coded places.");
        i.MapGet("/{id:guid}", Results<Ok<ImportStatus>, ProblemHttpResult> (Guid id, ImportJobs jobs) =>
            jobs.Get(id) is { } status ? TypedResults.Ok(status) : Http.Problem(Failure.NotFound()))
            .WithName("GetImportStatus").WithSummary("区划导入进度 · Import progress")
            .WithDescription("Progress and result of an import. State NeedsConfirmation: nothing is written yet; 'plan' says what would change and why it asks.");
        i.MapPost("/{id:guid}/confirm", (Guid id, ImportJobs jobs, CurrentUser user) =>
                ImportDivisions.Confirm(id, jobs, user).ToHttp(job => TypedResults.Accepted($"{Api.Prefix}/areas/import/{job}", new CreatedId(job))))
            .WithoutIdempotency("a background job outside the request's transaction; a confirmation holds only for the plan shown")
            .WithName("ConfirmImport").WithSummary("确认导入 · Confirm an import")
            .WithDescription("Confirm the plan of an import in state NeedsConfirmation; it is planned again and written, or asks again if the areas changed meanwhile.");
        i.MapPost("/{id:guid}/mapping", async Task<Results<Accepted<CreatedId>, ProblemHttpResult>> (Guid id, HttpRequest request, ImportJobs jobs, CurrentUser user) =>
                (await ImportDivisions.AddMapping(id, await ImportDivisions.FilesOf(request), jobs, user)).ToHttp(job => TypedResults.Accepted($"{Api.Prefix}/areas/import/{job}", new CreatedId(job))))
            .AcceptsFiles(ImportDivisions.MappingFields)
            .DisableAntiforgery()
            .WithoutIdempotency("a background job outside the request's transaction; it answers a new job to confirm")
            .WithName("AddImportMapping").WithSummary("上传区划代码对照表 · Add a code mapping to an import")
            .WithDescription("Plan an import waiting for confirmation again with an old → new code mapping (field mapping); answers the new job.");
    }
}
