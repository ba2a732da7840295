using Microsoft.AspNetCore.Http.HttpResults;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Export;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Exchange;

/// <summary>全国系统对接 under <c>/api/v1/volunteers/national</c>: the two exports, the templates and the two imports of our documented layout (docs/national-exchange.md).</summary>
public static class ExchangeApi
{
    static readonly string[] Types = [Spreadsheet.XlsxContentType, Spreadsheet.CsvContentType];

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/volunteers/national").WithTags("Volunteers");
        g.MapGet("/volunteers/export", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock, [AsParameters] ExportNationalVolunteers.Query q) =>
                (await ExportNationalVolunteers.Handle(db, me, sealer, clock, q)).ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName)))
            .RequirePermission(VolunteersPermissions.View)
            .ProducesFile(Types)
            .WithName("ExportNationalVolunteers").WithSummary("按全国系统格式导出志愿者 · Export volunteers for the national system")
            .WithDescription("?area=&format=xlsx|csv&full=&reason=: the register of the area (withdrawn left out) in the national-exchange layout, by volunteer number; CSV in UTF-8 with BOM. "
                + "ID numbers and phones masked; full=true gives them in full — only with the reveal permission (403 otherwise, audited) and a reason of 2–200 characters, audited as a reveal. "
                + "More than 20,000 rows is 400 naming area.")
            .ProducesValidationProblem();
        g.MapGet("/hours/export", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock, [AsParameters] ExportNationalHours.Query q) =>
                (await ExportNationalHours.Handle(db, me, sealer, clock, q)).ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName)))
            .RequirePermission(VolunteersPermissions.View)
            .ProducesFile(Types)
            .WithName("ExportNationalHours").WithSummary("按全国系统格式导出志愿服务记录 · Export final hours for the national system")
            .WithDescription("?area=&from=&to= (China dates of the service; default this year)&format=xlsx|csv&full=&reason=: final records, corrections folded in, in the national-exchange layout. "
                + "ID numbers masked unless full=true (the rule of ExportNationalVolunteers).")
            .ProducesValidationProblem();
        g.MapGet("/{sheet}/template", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string sheet, string? format, CancellationToken ct) =>
                (await NationalTemplate.Handle(sheet, format, ct)).ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName)))
            .RequirePermission(VolunteersPermissions.View)
            .ProducesFile(Types)
            .WithName("GetNationalTemplate").WithSummary("下载全国系统对接模板 · Download a national-exchange template")
            .WithDescription("sheet volunteers or hours, ?format=xlsx|csv: the headers and one example row (marked 示例 in the first column, never imported).")
            .ProducesValidationProblem();
        // Idempotent-safe as it is (like the household import): the import saves in one transaction inside the request, and a repeat
        // of a file skips what it imported already.
        g.MapPost("/volunteers/import", async Task<Results<Ok<ImportNationalVolunteers.Imported>, ProblemHttpResult>> (HttpRequest request, AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) =>
                (await ImportNationalVolunteers.Handle(db, me, sealer, clock, await FormFileUploads.FileAsync(request, NationalLayout.FileField), request.HttpContext.RequestAborted)).ToOk())
            .RequirePermission(VolunteersPermissions.Manage)
            .AcceptsFiles([new UploadField(NationalLayout.FileField, true, "志愿者导入文件（.xlsx 或 UTF-8 .csv，不超过 10 MB、20000 行）· The file (.xlsx or UTF-8 .csv, at most 10 MB and 20,000 rows)")])
            .WithName("ImportNationalVolunteers").WithSummary("按全国系统格式导入志愿者 · Import volunteers from the national system")
            .WithDescription("multipart/form-data, field file: one volunteer a row, each by the rules of RegisterVolunteer (community in scope, age rules). An ID already registered is skipped "
                + "(answered in skippedRows, never updated). All or nothing: any bad row saves nothing; errors keyed rows[N].field, N the row as the spreadsheet numbers it (header = 1).")
            .ProducesValidationProblem();
        g.MapPost("/hours/import", async Task<Results<Ok<ImportNationalHours.Imported>, ProblemHttpResult>> (HttpRequest request, AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) =>
                (await ImportNationalHours.Handle(db, me, sealer, clock, await FormFileUploads.FileAsync(request, NationalLayout.FileField), request.HttpContext.RequestAborted)).ToOk())
            .RequirePermission(VolunteersPermissions.Organize)
            .AcceptsFiles([new UploadField(NationalLayout.FileField, true, "服务记录导入文件（.xlsx 或 UTF-8 .csv，不超过 10 MB、20000 行）· The file (.xlsx or UTF-8 .csv, at most 10 MB and 20,000 rows)")])
            .WithName("ImportNationalHours").WithSummary("按全国系统格式导入志愿服务记录 · Import hours from the national system")
            .WithDescription("multipart/form-data, field file: one record a row — a volunteer of the scope (ID number or volunteer number), activity, organizer, content, start/end (China time, yyyy-MM-dd HH:mm), "
                + "hours (the region's unit, daily cap), recorder. Posted as Imported records, final after the posting period. A row imported before is skipped. All or nothing; errors keyed rows[N].field.")
            .ProducesValidationProblem();
    }
}
