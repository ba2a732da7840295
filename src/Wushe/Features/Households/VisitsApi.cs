using Microsoft.AspNetCore.Http.HttpResults;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Households;

/// <summary>Routes of tiered visiting: my visits, overdue figures, visits, cards, responsible workers, major changes, linked households.</summary>
public static class VisitsApi
{
    public sealed record Visitors(List<Workers.Worker> SocialWorkers, List<Workers.Worker> Volunteers);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/households").WithTags("Households");

        g.MapGet("/my-visits", async Task<Results<Ok<MyVisits.Response>, ProblemHttpResult>> (AppDb db, CurrentUser me, TimeProvider clock, [AsParameters] MyVisits.Query q) =>
            await MyVisits.ProblemsAsync(db, q) is { Count: > 0 } problems ? Http.Problem(Failure.Invalid(problems)) : TypedResults.Ok(await MyVisits.Handle(db, me, clock, q)))
            .RequirePermission(HouseholdsPermissions.Visit)
            .WithName("ListMyVisits").WithSummary("我的探访 · My visits")
            .WithDescription("Active households due within the week or overdue (China dates): ?due=overdue|today|week&mine=&area=&keyword=&worker= (a responsible worker's user id)&unassigned=true (households with no responsible worker)&sort=due|overdue|area&page=&size=. mine defaults to true for whoever is the responsible worker of an active household, unless worker or unassigned is given. For those who visit (station workers, community staff); bureaus read CountOverdueByTownship.");
        g.MapGet("/my-visits/export", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (AppDb db, CurrentUser me, TimeProvider clock, [AsParameters] MyVisits.Query q) =>
            {
                if (await MyVisits.ProblemsAsync(db, q) is { Count: > 0 } problems) return Http.Problem(Failure.Invalid(problems));
                var (content, name) = await ExportMyVisits.Handle(db, me, clock, q with { Page = null, Size = null });
                return TypedResults.File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
            })
            .RequirePermission(HouseholdsPermissions.Visit)
            .WithName("ExportMyVisits").WithSummary("导出我的探访 · Export my visits")
            .WithDescription("My visits as filtered (the same conditions as ListMyVisits, all pages, at most 10,000 rows), as an Excel file: heads' names masked; audited.")
            .ProducesFile([Platform.Export.Spreadsheet.XlsxContentType]);
        g.MapGet("/my-visits/by-worker", async Task<Results<Ok<List<MyVisits.WorkerRow>>, ProblemHttpResult>> (AppDb db, CurrentUser me, TimeProvider clock, [AsParameters] MyVisits.Query q) =>
            !MyVisits.MaySeeSummary(me) ? Http.Problem(Failure.Forbidden())
            : MyVisits.Problems(q) is { Count: > 0 } problems ? Http.Problem(Failure.Invalid(problems)) : TypedResults.Ok(await MyVisits.ByWorker(db, me, clock, q)))
            .RequirePermission(HouseholdsPermissions.Visit)
            .WithName("SummarizeVisitsByWorker").WithSummary("按社工统计探访 · Visits due per social worker")
            .WithDescription("For station workers (a station head): overdue / due today / due within the week per responsible worker (no workerId: unassigned). ?area=&keyword=. Each count is the total of ListMyVisits with the same area and keyword, mine=false, the row's worker (or unassigned=true) and the count's due.");
        g.MapGet("/overdue-by-township", async (AppDb db, TimeProvider clock, [AsParameters] OverdueByTownship.Query q) => TypedResults.Ok(await OverdueByTownship.Handle(db, clock, q)))
            .RequirePermission(HouseholdsPermissions.View)
            .WithName("CountOverdueByTownship").WithSummary("探访逾期统计（按区县、乡镇） · Overdue visits per county or township")
            .WithDescription("One level below ?area= (else the caller's own area): a city's counties, a county's townships, never below townships; every current area of that level, those without households with zeros (up to 2000): active households, overdue, due within the week. ?sort=overdue|share|active|area&page=&size= (20 by default); the totals are over every row.");
        g.MapExport<OverdueByTownship.Query>("/overdue-by-township/export", (db, clock, q) => ExportOverdue.Handle(db, clock, q with { Page = null, Size = null }))
            .RequirePermission(HouseholdsPermissions.View)
            .WithName("ExportOverdue").WithSummary("导出探访逾期统计 · Export overdue visits")
            .WithDescription("The same rows as CountOverdueByTownship (same area and sort, every page), as an Excel file; audited.");
        g.MapGet("/linked", async (AppDb db, CurrentUser me, [AsParameters] LinkedHouseholds.Query q) => TypedResults.Ok(await LinkedHouseholds.Handle(db, me, q)))
            .RequirePermission(HouseholdsPermissions.Linked)
            .WithName("ListLinkedHouseholds").WithSummary("我参与探访的家庭 · Households I visited")
            .WithDescription("For organization staff and volunteers: the households of visits they took part in, non-sensitive fields only.");

        g.MapGet("/{id:guid}/visits", async (AppDb db, Guid id, [AsParameters] GetHouseholdVisits.Query q) => (await GetHouseholdVisits.Handle(db, id, q)).ToOk())
            .RequirePermission(HouseholdsPermissions.View)
            .WithName("ListHouseholdVisits").WithSummary("家庭户探访记录 · A household's visits")
            .WithDescription("Newest first, 10 a page by default: ?page=&size=");
        g.MapGet("/{id:guid}/visitors", async (AppDb db, Guid id, CancellationToken ct) =>
            {
                var household = await HouseholdLookups.Household(db, id, ct);
                if (household is null) return (Results<Ok<Visitors>, ProblemHttpResult>)Http.Problem(Failure.NotFound());
                return TypedResults.Ok(new Visitors(await Workers.VisitorCandidatesAsync(db, household.AreaCode, ct), await RecordVisit.VolunteersAsync(db, household.AreaCode, null, ct)));
            })
            .RequirePermission(HouseholdsPermissions.Visit)
            .WithName("ListVisitCandidates").WithSummary("可选探访人员 · Who may visit a household")
            .WithDescription("Social workers (station workers of the township, staff of the community, staff of organizations registered at the township, county, city or province of the household) and volunteers living in the township.");
        g.MapPost("/{id:guid}/visits", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, RecordVisit.Request r) =>
                (await RecordVisit.Handle(db, me, clock, id, r)).ToHttp(v => TypedResults.Created($"{Api.Prefix}/households/{id}/visits", v)))
            .RequirePermission(HouseholdsPermissions.Visit)
            .WithName("RecordVisit").WithSummary("记录入户探访 · Record a visit")
            .WithDescription("Moves the household's next-due date; writes the service records; raiseNeed raises a need (source Visit) in the same save. 409 for a closed household.")
            .ProducesValidationProblem();

        g.MapGet("/{id:guid}/card", async (AppDb db, Guid id) => (await GetHouseholdCard.Handle(db, id)).ToOk())
            .RequirePermission(HouseholdsPermissions.View)
            .WithName("GetHouseholdCard").WithSummary("户卡与探访计划 · A household's card and visiting plan");
        g.MapPost("/{id:guid}/card", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, AssignCard.Request r) => (await AssignCard.Handle(db, me, clock, id, r)).ToOk())
            .RequirePermission(HouseholdsPermissions.Manage)
            .WithName("AssignCard").WithSummary("调整户卡 · Assign a colour card")
            .WithDescription("A colour of the scheme that applies to the household (the nearest defined at its area or above), with a reason; moves the next visit.")
            .ProducesValidationProblem();
        g.MapPut("/{id:guid}/worker", async (AppDb db, Guid id, AssignWorker.Request r) => (await AssignWorker.Handle(db, id, r)).ToOk())
            .RequirePermission(HouseholdsPermissions.Manage)
            .WithName("AssignHouseholdWorker").WithSummary("指定包户社工 · Assign the responsible worker")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/major-change", async (AppDb db, TimeProvider clock, Guid id, ReportMajorChange.Request r) => (await ReportMajorChange.Handle(db, clock, id, r)).ToOk())
            .RequirePermission(HouseholdsPermissions.Visit)
            .WithName("ReportMajorChange").WithSummary("报告重大变故 · Report a major change")
            .WithDescription("A visit falls due by the next day.")
            .ProducesValidationProblem();
    }
}
