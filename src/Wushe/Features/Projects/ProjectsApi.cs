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
        g.MapGet("/", async (AppDb db, CurrentUser me, TimeProvider clock, [AsParameters] ListProjects.Query q) => TypedResults.Ok(await ListProjects.Handle(db, me, clock, q)))
            .WithName("ListProjects").WithSummary("项目台账 · List projects")
            .WithDescription("Projects in the user's scope (organization staff: their organization's): ?area=&keyword=(number, title, organization)&status=&focus=&organizationId=&sort=created|start|budget&page=&size=; each with its count of delivery records.");
        g.MapGet("/counts", async (AppDb db, CurrentUser me, TimeProvider clock, [AsParameters] ListProjects.Query q) => TypedResults.Ok(await ListProjects.CountAsync(db, me, clock, q)))
            .WithName("CountProjects").WithSummary("项目状态统计 · Count projects by status")
            .WithDescription("For the conditions of ListProjects but status and overdue: how many projects are in each status, in all, and overdue now (approved or in progress past their end date).");
        g.MapGet("/export", async (AppDb db, CurrentUser me, TimeProvider clock, [AsParameters] ListProjects.Query q) =>
            {
                var (content, name) = await ExportProjects.Handle(db, me, clock, q with { Page = null, Size = null });
                return TypedResults.File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
            })
            .ProducesFile([Platform.Export.Spreadsheet.XlsxContentType])
            .WithName("ExportProjects").WithSummary("导出项目台账 · Export projects")
            .WithDescription("The project list as filtered (the conditions of ListProjects, at most 10,000 rows), as an Excel file; amounts in yuan; audited.");
        g.MapGet("/outcomes", async (AppDb db, CurrentUser me, TimeProvider clock, [AsParameters] DescribeOutcomes.Query q) => (await DescribeOutcomes.Handle(db, me, clock, q)).ToOk())
            .RequirePermission(ProjectsPermissions.Report)
            .WithName("DescribeProjectOutcomes").WithSummary("项目成效综述 · Outcomes of an area's projects")
            .WithDescription("?area=&from=&to=&focus=: over the period (China dates, at most 3 years; this year to today by default) the projects that served, records per service kind, unique registered residents, open-event head counts, 党工+社工+志工, each project's share, and the Chinese paragraph of the reports.");
        g.MapGet("/{id:guid}", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, int? page, int? size, Guid? indicator) => (await GetProject.Handle(db, me, clock, id, page, size, indicator)).ToOk())
            .WithName("GetProject").WithSummary("项目详情 · Get a project")
            .WithDescription("A project with its funding lines (fen), indicators with computed actuals (never typed), the narrative sentence, the needs it answers, its timeline, its delivery records (?page=&size=, newest first; ?indicator= only the records behind that indicator's figure) and the steps the user may take next.");
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
        g.MapPost("/{id:guid}/activities/{activityId:guid}/void", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, Guid activityId, VoidProjectActivity.Request r) =>
                (await VoidProjectActivity.Handle(db, me, clock, id, activityId, r)).ToOk())
            .RequirePermission(ProjectsPermissions.Deliver)
            .WithName("VoidProjectActivity").WithSummary("作废服务记录 · Void a delivery record")
            .WithDescription("reason (2 to 200 characters): a record entered wrongly is voided, by who records delivery (the implementing organization's staff, a station worker) while the project is in progress, and the right one recorded anew. It stays in the project's records, marked, and counts nowhere (indicator actuals, outcomes, statistics). 409 in words when already voided or the project or the user's part does not allow it.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/photos/{fileId:guid}/remove", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, Guid fileId, RemoveProjectActivityPhoto.Request r) =>
                (await RemoveProjectActivityPhoto.Handle(db, me, clock, id, fileId, r)).ToOk())
            .RequirePermission(ProjectsPermissions.Deliver)
            .WithName("RemoveProjectActivityPhoto").WithSummary("删除服务记录照片 · Remove a delivery record's photo")
            .WithDescription("reason (2 to 200 characters): a photo added by mistake (the wrong picture, an ID card, a child's face) is deleted with its file, by the implementing organization's staff or a station worker, whatever the project's status; the reason is audited. 409 in words when the user has no part in delivery.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/activities/{activityId:guid}/photos", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, Guid activityId, IFormFile? photo, HttpRequest http) =>
                (Platform.Files.Photos.Misnamed(http, "photo", 1) is { } misnamed ? misnamed : await AddProjectActivityPhoto.Handle(db, me, clock, id, activityId, photo))
                .ToHttp(x => TypedResults.Created($"{Api.Prefix}/files/{x.Id}", x)))
            .RequirePermission(ProjectsPermissions.Deliver)
            .DisableAntiforgery()
            .WithName("AddProjectActivityPhoto").WithSummary("上传服务记录照片 · Add a photo to a delivery record")
            .WithDescription($"Multipart form: photo (jpg/png ≤ 5 MB, checked by content); at most {ProjectActivityPhoto.MaxPerRecord} per record; by who records delivery (the implementing organization's staff, a station worker), while the project is in progress (409 in words otherwise). Answers the file's id (/api/v1/files/{{id}}).")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/evaluations", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, OpenProjectEvaluation.Request r) =>
                (await OpenProjectEvaluation.Handle(db, me, clock, id, r)).ToHttp(x => TypedResults.Created($"{Api.Prefix}/projects/{id}", x)))
            .RequirePermission(ProjectsPermissions.Act)
            .WithName("OpenProjectEvaluation").WithSummary("发起项目评估 · Open a project's evaluation")
            .WithDescription("By the township station's head or the bureau: stage MidTerm (while in progress) | Final (in progress or completed), one each; criteria[] (name 2–30 characters, maxScore 1–100; 1 to 10 of them; the default five out of 100 when omitted), passScore (1 to the total; 60% of it by default).")
            .ProducesValidationProblem();
        g.MapPut("/{id:guid}/evaluations/{evaluationId:guid}/self", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, Guid evaluationId, ScoreProjectEvaluation.Request r) =>
                (await SelfAssessProject.Handle(db, me, clock, id, evaluationId, r)).ToOk())
            .RequirePermission(ProjectsPermissions.Act)
            .WithName("SelfAssessProject").WithSummary("机构自评 · Submit a project's self-assessment")
            .WithDescription("By the implementing organization's staff (or a station worker on its behalf), until reviewed: scores[] (one whole score per criterion, in order, 0 to its points), comment (the self-assessment, 2–2000 characters), version optional.")
            .ProducesValidationProblem();
        g.MapPut("/{id:guid}/evaluations/{evaluationId:guid}/review", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, Guid evaluationId, ScoreProjectEvaluation.Request r) =>
                (await ReviewProjectEvaluation.Handle(db, me, clock, id, evaluationId, r)).ToOk())
            .RequirePermission(ProjectsPermissions.Act)
            .WithName("ReviewProjectEvaluation").WithSummary("项目评估评审 · Review a project's evaluation")
            .WithDescription("By the township station's head or the bureau, after the self-assessment, once: scores[] and comment as for the self-assessment; answers the total and passed (total ≥ passScore).")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/surveys", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, RecordSatisfactionSurvey.Request r) =>
                (await RecordSatisfactionSurvey.Handle(db, me, clock, id, r)).ToHttp(x => TypedResults.Created($"{Api.Prefix}/projects/{id}", x)))
            .RequirePermission(ProjectsPermissions.Act)
            .WithName("RecordSatisfactionSurvey").WithSummary("登记满意度调查 · Record a satisfaction survey")
            .WithDescription("While in progress or once completed, by the implementing organization, a station worker or the bureau: activityId (optional: one delivery record), surveyedOn (from the start, not after today), method Paper|Phone|HomeVisit|Online, verySatisfied, satisfied, neutral, dissatisfied, veryDissatisfied (answers, 0–10,000 each, at least one; for a record no more than its participants), note. Answers the project's rate: satisfied (very + satisfied) ÷ answered.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/surveys/{surveyId:guid}/void", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, Guid surveyId, VoidSatisfactionSurvey.Request r) =>
                (await VoidSatisfactionSurvey.Handle(db, me, clock, id, surveyId, r)).ToOk())
            .RequirePermission(ProjectsPermissions.Act)
            .WithName("VoidSatisfactionSurvey").WithSummary("作废满意度调查 · Void a satisfaction survey")
            .WithDescription("reason (2 to 200 characters): a survey entered wrongly (answers mistyped, the wrong record) is voided by who records surveys (the implementing organization, a station worker, the bureau) while the project is in progress or once completed, and the right one recorded anew. It stays in the project's surveys, marked, and counts in no rate; answers the project's rate without it. 409 in words when already voided or the project or the user's part does not allow it.")
            .ProducesValidationProblem();
        g.MapGet("/{id:guid}/participants", async (AppDb db, CurrentUser me, Guid id, string? find) => (await GetProject.ParticipantsFor(db, me, id, find)).ToOk())
            .WithName("ListProjectParticipants").WithSummary("项目服务对象候选 · Residents a project's record may register")
            .WithDescription("Residents of the project's area a record may register: members of the households of the needs it answers and those its records served before (at most 200), plus ?find= (a name, the start of one, or an ID number's last 4) matches in the area (at most 50); names masked, with the ID number's last 4.");
    }
}
