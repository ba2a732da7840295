using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Web;

namespace Wushe.Features.Projects;

/// <summary>Routes of projects (/api/v1/projects …); each calls the use case its page calls too.</summary>
public static class ProjectsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/projects").WithTags("Projects").RequirePermission(ProjectsPermissions.View);
        g.MapGet("/", async (AppDb db, CurrentUser me, [AsParameters] ListProjects.Query q) => TypedResults.Ok(await ListProjects.Handle(db, me, q)))
            .WithName("ListProjects").WithSummary("项目台账 · List projects")
            .WithDescription("Projects in the user's scope (organization staff: their organization's): ?area=&keyword=(number, title, organization)&status=&focus=&organizationId=&sort=created|start|budget&page=&size=; each with its count of delivery records.");
        g.MapGet("/counts", async (AppDb db, CurrentUser me, [AsParameters] ListProjects.Query q) => TypedResults.Ok(await ListProjects.CountAsync(db, me, q)))
            .WithName("CountProjects").WithSummary("项目状态统计 · Count projects by status")
            .WithDescription("For the conditions of ListProjects but status: how many projects are in each status, and in all.");
        g.MapGet("/export", async (AppDb db, CurrentUser me, TimeProvider clock, [AsParameters] ListProjects.Query q) =>
            {
                var (content, name) = await ExportProjects.Handle(db, me, clock, q with { Page = null, Size = null });
                return TypedResults.File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
            })
            .ProducesFile([Platform.Export.Spreadsheet.XlsxContentType])
            .WithName("ExportProjects").WithSummary("导出项目台账 · Export projects")
            .WithDescription("The project list as filtered (the conditions of ListProjects, at most 10,000 rows), as an Excel file; amounts in yuan; audited.");
        g.MapGet("/outcomes", async (AppDb db, TimeProvider clock, [AsParameters] DescribeOutcomes.Query q) => (await DescribeOutcomes.Handle(db, clock, q)).ToOk())
            .RequirePermission(ProjectsPermissions.Report)
            .WithName("DescribeProjectOutcomes").WithSummary("项目成效综述 · Outcomes of an area's projects")
            .WithDescription("?area=&from=&to=&focus=: over the period (China dates, at most 3 years; this year to today by default) the projects that served, records per service kind, unique registered residents, open-event head counts, 党工+社工+志工, each project's share, and the Chinese paragraph of the reports.");
        g.MapGet("/{id:guid}", async (AppDb db, CurrentUser me, Guid id, int? page, int? size) => (await GetProject.Handle(db, me, id, page, size)).ToOk())
            .WithName("GetProject").WithSummary("项目详情 · Get a project")
            .WithDescription("A project with its funding lines (fen), indicators with computed actuals (never typed), the narrative sentence, the needs it answers, its timeline, its delivery records (?page=&size=, newest first) and the steps the user may take next.");
        g.MapPost("/", async (AppDb db, CurrentUser me, TimeProvider clock, SaveProject.Request r) =>
                (await SaveProject.Handle(db, me, clock, null, r)).ToHttp(x => TypedResults.Created($"{Api.Prefix}/projects/{x.Id}", x)))
            .RequirePermission(ProjectsPermissions.Design)
            .WithName("DesignProject").WithSummary("设计项目 · Design a project")
            .WithDescription("A draft: areaCode (county, township or community of the scope), title, focus, focusNote (when Other), targetGroups, summary, plannedActivities, organizationId (serving the area), startOn, endOn, budgetYuan = Σ funding[].amountYuan (source, amountYuan, note), indicators[] (name, measure Times|People|Beneficiaries, kinds[] of service kinds, target > 0, unit), needIds[] (open needs under the area: each gets a match of kind Project). Answers its number.")
            .ProducesValidationProblem();
        g.MapPut("/{id:guid}", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, SaveProject.Request r) =>
                (await SaveProject.Handle(db, me, clock, id, r)).ToOk())
            .RequirePermission(ProjectsPermissions.Design)
            .WithName("EditProject").WithSummary("修改项目设计 · Edit a project's draft")
            .WithDescription("The fields of DesignProject (the area unchanged), version optional: the funding lines and indicators replaced, needs added. 409 once approved.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/status", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, ChangeProjectStatus.Request r) =>
                (await ChangeProjectStatus.Handle(db, me, clock, id, r)).ToOk())
            .RequirePermission(ProjectsPermissions.Act)
            .WithName("ChangeProjectStatus").WithSummary("项目审核与实施 · Take a project's next step")
            .WithDescription("to: Approved (the township station's head or the bureau) | InProgress (a station worker or the implementing organization) | Completed (a station worker; needs a delivery record) | Terminated (note = reason); version optional. 409 in words when the life cycle or the user's part does not allow it.");
        g.MapPost("/{id:guid}/activities", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, RecordProjectActivity.Request r) =>
                (await RecordProjectActivity.Handle(db, me, clock, id, r)).ToHttp(x => TypedResults.Created($"{Api.Prefix}/projects/{id}", x)))
            .RequirePermission(ProjectsPermissions.Deliver)
            .WithName("RecordProjectActivity").WithSummary("记录项目服务 · Record a project's delivery")
            .WithDescription("While in progress, by the implementing organization's staff or a station worker: kind (service kind), heldOn (within the period, not after today), title, place, partyWorkers, socialWorkers, volunteers (at least one), staffNames, residentIds[] (residents of the project's area), headCount (open event), notes.")
            .ProducesValidationProblem();
        g.MapGet("/{id:guid}/participants", async (AppDb db, CurrentUser me, Guid id) => (await GetProject.ParticipantsFor(db, me, id)).ToOk())
            .WithName("ListProjectParticipants").WithSummary("项目服务对象候选 · Residents a project's record may register")
            .WithDescription("The members of the households of the needs the project answers, names masked, at most 200.");
    }
}
