using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Web;

namespace Wushe.Features.Households;

/// <summary>Routes of the service records and their summary (/api/v1/service-records …); the pages call the same use cases.</summary>
public static class ServicesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/service-records").WithTags("Households").RequirePermission(HouseholdsPermissions.View);
        g.MapGet("/", async (AppDb db, TimeProvider clock, [Microsoft.AspNetCore.Http.AsParameters] ListServiceRecords.Query q) => (await ListServiceRecords.Handle(db, clock, q)).ToOk())
            .WithName("ListServiceRecords").WithSummary("服务记录列表 · List service records")
            .WithDescription("?area=&kind=&from=&to= (China dates, inclusive; default this year; at most 5 years)&keyword= (part of a served person's or a worker's name)&sort=date|oldest|kind|area (default date: newest first)&source=Visit|Case|GroupSession|GuardianshipAssessment|Project|Other (one source's records)&page=&size=.");
        g.MapExport<ListServiceRecords.Query>("/export", (db, clock, q) => ExportServiceRecords.Handle(db, clock, q with { Page = null, Size = null }))
            .WithName("ExportServiceRecords").WithSummary("导出服务记录 · Export service records")
            .WithDescription("The service records as ListServiceRecords finds and orders them (the same conditions, all pages, at most 10,000 rows), as an Excel file; no resident's name, ID or phone; audited.");
        g.MapGet("/people", async (AppDb db, TimeProvider clock, [Microsoft.AspNetCore.Http.AsParameters] ListServedPeople.Query q) => (await ListServedPeople.Handle(db, clock, q)).ToOk())
            .WithName("ListServedPeople").WithSummary("服务对象（去重） · People served")
            .WithDescription("The people behind the summary's unique people: ?area=&kind=&from=&to= as the records list, &source= (one source's records: Project gives the outcomes' registered residents), &keyword= (part of the person's name), &sort=date|oldest|services|area (default date: most recently served first); each person once (masked name, services, last day); without a keyword, total = the summary's people.");
        g.MapExport<ListServedPeople.Query>("/people/export", (db, clock, q) => ExportServedPeople.Handle(db, clock, q with { Page = null, Size = null }))
            .WithName("ExportServedPeople").WithSummary("导出服务对象（去重） · Export people served")
            .WithDescription("The people of ListServedPeople (the same ?area=&kind=&source=&from=&to=&keyword=&sort=, all pages, at most 10,000 rows) as an Excel file: masked name, sex, age, community, services, last served; no ID number or phone; audited.");
        g.MapGet("/summary", async (AppDb db, CurrentUser user, TimeProvider clock, [Microsoft.AspNetCore.Http.AsParameters] ServiceSummary.Query q) =>
                (await ServiceSummary.Handle(db, user, clock, q)).ToOk())
            .WithName("GetServiceSummary").WithSummary("服务统计 · Service summary")
            .WithDescription("For ?area= (default: the user's) and ?year=&fromMonth=&toMonth= (whole months of one year, China time; default this year to this month): services, attendances and unique people served, by kind (all ten) and per child area. 404 outside the scope.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/summary/export", async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>> (
                AppDb db, CurrentUser user, TimeProvider clock, [Microsoft.AspNetCore.Http.AsParameters] ServiceSummary.Query q) =>
                (await ExportServiceSummary.Handle(db, user, clock, q)).ToHttp(f => TypedResults.File(f.Content, Platform.Export.Spreadsheet.XlsxContentType, f.FileName)))
            .WithName("ExportServiceSummary").WithSummary("导出服务统计 · Export the service summary")
            .WithDescription("The summary of GetServiceSummary (same ?area=&year=&fromMonth=&toMonth=) as an Excel file: by kind, the total, per child area; counts only; audited. 404 outside the scope.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesFile([Platform.Export.Spreadsheet.XlsxContentType]);
    }
}
