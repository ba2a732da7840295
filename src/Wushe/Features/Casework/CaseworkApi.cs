using Microsoft.AspNetCore.Mvc;
using Wushe.Data;
using Wushe.Features.Casework.Guardianship;
using Wushe.Platform.Access;
using Wushe.Platform.Web;

namespace Wushe.Features.Casework;

/// <summary>Routes of case files and guardianship assessments (/api/v1/cases …, /api/v1/guardianship …); each calls the use case its page calls too.</summary>
public static class CaseworkApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/cases").WithTags("Casework").RequirePermission(CaseworkPermissions.View);
        g.MapGet("/", async (AppDb db, TimeProvider clock, [AsParameters] ListCases.Query q) => TypedResults.Ok(await ListCases.Handle(db, clock, q)))
            .WithName("ListCases").WithSummary("个案列表 · List cases")
            .WithDescription("Cases in the user's scope, clients' names masked: ?area=&keyword=(case number or client name)&status=&workerId=&pending=&sort=opened|no|days|stage&page=&size=");
        g.MapExport<ListCases.Query>("/export", (db, clock, q) => ExportCases.Handle(db, clock, q with { Page = null, Size = null }))
            .WithName("ExportCases").WithSummary("导出个案列表 · Export cases")
            .WithDescription("The case list as filtered (the conditions of ListCases, at most 10,000 rows), as an Excel file: clients' names masked, no case content; audited.");
        g.MapGet("/{id:guid}", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id) => (await GetCase.Handle(db, me, clock, id)).ToOk())
            .WithName("GetCase").WithSummary("个案详情 · Get a case")
            .WithDescription("A case with its timeline: steps and decisions, notes, services, referrals; and what the user may do next.");
        g.MapPost("/", async (AppDb db, CurrentUser me, TimeProvider clock, OpenCase.Request r) =>
                (await OpenCase.Handle(db, me, clock, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/cases/{c.Id}", c)))
            .RequirePermission(CaseworkPermissions.Manage)
            .WithName("OpenCase").WithSummary("开案 · Open a case")
            .WithDescription("A case for a resident in scope; the number is GA + township (9 digits) + year + 4-digit sequence.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/steps", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, SubmitCaseStep.Request r) =>
                (await SubmitCaseStep.Handle(db, me, clock, id, r)).ToHttp(s => TypedResults.Created($"{Api.Prefix}/cases/{id}", s)))
            .RequirePermission(CaseworkPermissions.Manage)
            .WithName("SubmitCaseStep").WithSummary("提交个案环节审批 · Submit a case step for approval")
            .WithDescription("Assessment at intake, plan (goals with target dates) once assessed, review in service, closure (content = reason) at any open stage. 409 when the stage does not allow it or a step already waits.");
        g.MapPost("/steps/{stepId:guid}/decision", async (AppDb db, CurrentUser me, TimeProvider clock, Guid stepId, DecideCaseStep.Request r) =>
                (await DecideCaseStep.Handle(db, me, clock, stepId, r)).ToOk())
            .Produces<DecideCaseStep.Decided>()
            .RequirePermission(CaseworkPermissions.Manage)
            .WithName("DecideCaseStep").WithSummary("审批个案环节 · Approve or return a case step")
            .WithDescription("By the head (站长) of the case's station, never the submitter (403). Approval moves the stage; a return needs a comment. Answers {caseId, status (the case's stage), caseVersion}.");
        g.MapPost("/{id:guid}/notes", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, [FromForm] AddCaseNote.Request r, IFormFile? attachment) =>
                (await AddCaseNote.Handle(db, me, clock, id, r, attachment)).ToHttp(n => TypedResults.Created($"{Api.Prefix}/cases/{id}", n)))
            .RequirePermission(CaseworkPermissions.Manage)
            .DisableAntiforgery()
            .WithName("AddCaseNote").WithSummary("添加个案记录 · Add a case note")
            .WithDescription("Multipart form: text, attachment (optional, ≤ 5 MB jpg/png/pdf).");
        g.MapPost("/{id:guid}/services", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, RecordCaseService.Request r) =>
                (await RecordCaseService.Handle(db, me, clock, id, r)).ToHttp(s => TypedResults.Created($"{Api.Prefix}/cases/{id}", s)))
            .RequirePermission(CaseworkPermissions.Manage)
            .WithName("RecordCaseService").WithSummary("记录个案服务 · Record a service of a case")
            .WithDescription("Once the plan is approved: kind CaseService|Counselling|LifeCare|MedicalCare|LegalAid, servedOn, summary; the client is the beneficiary.");
        g.MapPost("/{id:guid}/referrals", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, ReferCase.Request r) =>
                (await ReferCase.Handle(db, me, clock, id, r)).ToHttp(x => TypedResults.Created($"{Api.Prefix}/cases/{id}", x)))
            .RequirePermission(CaseworkPermissions.Manage)
            .WithName("ReferCase").WithSummary("转介个案 · Refer a case")
            .WithDescription("To an active township station of another township of the city (toStationId), or to a social organization serving the case's area (toOrganizationId; the case stays with the station), with the day the person (or, for a child, the guardian) consented; with it the client's core record (name, sex, age, address, masked phones, guardian) follows the case. 409 while a step awaits this station head's decision.");
        g.MapPost("/{id:guid}/client/reveal", async (AppDb db, CurrentUser me, Platform.Sensitive.Sealer sealer, TimeProvider clock, Guid id, Households.RevealResidentField.Request r) =>
                (await RevealCaseClient.Handle(db, me, sealer, clock, id, r)).ToOk())
            .RequirePermission(Households.HouseholdsPermissions.Reveal)
            .WithName("RevealCaseClient").WithSummary("查看个案服务对象联系电话 · Reveal a case client's phone")
            .WithDescription("field phone|guardianPhone, reason (2–200 characters): the client's phone in full through the case, also for a case referred in from another township; audited.")
            .ProducesValidationProblem();
        g.MapGet("/referrals/waiting", async (AppDb db, CurrentUser me, TimeProvider clock) => TypedResults.Ok(await DecideReferral.WaitingFor(db, me, clock)))
            .WithName("ListWaitingReferrals").WithSummary("待接收的转介 · Referrals waiting for my station")
            .WithDescription("Referrals to a station in the user's scope (station workers), waiting for acceptance, each with a summary to decide on: the client's masked name, age, sex, the case's problem and stage, the referring station (no ID number, phone or address until accepted).");
        g.MapPost("/referrals/{referralId:guid}/decision", async (AppDb db, CurrentUser me, TimeProvider clock, Guid referralId, DecideReferral.Request r) =>
                (await DecideReferral.Handle(db, me, clock, referralId, r)).ToOk())
            .RequirePermission(CaseworkPermissions.Manage)
            .WithName("DecideReferral").WithSummary("接收或拒收转介 · Accept or decline a referral")
            .WithDescription("By a station worker of the receiving township. Accepting moves the case (its steps and notes) to the receiving station, into communityCode (a community of the receiving township) when given; declining needs a reason. 409 while a step awaits the referring head.");

        // 转介给本机构的个案: organization staff, for the cases referred to their organization (ReferredCases: others are 404).
        var o = api.MapGroup("/referred-cases").WithTags("Casework").RequirePermission(CaseworkPermissions.Referred);
        o.MapGet("/", async (AppDb db, CurrentUser me, TimeProvider clock, [AsParameters] ReferredCases.Query q) => TypedResults.Ok(await ReferredCases.Handle(db, me, clock, q)))
            .WithName("ListReferredCases").WithSummary("转介给本机构的个案 · Cases referred to my organization")
            .WithDescription("For organization staff: the referrals of cases to their organization, waiting ones first, then the newest, a page at a time (page, size 10|20|50|100): case number, the client's masked name, age and sex, the problem and stage, community, referring station, reason, consent day, status and decision. No ID number, phone or address.");
        o.MapPost("/referrals/{referralId:guid}/decision", async (AppDb db, CurrentUser me, TimeProvider clock, Guid referralId, DecideOrganizationReferral.Request r) =>
                (await DecideOrganizationReferral.Handle(db, me, clock, referralId, r)).ToOk())
            .WithName("DecideOrganizationReferral").WithSummary("接收或拒收转介给本机构的个案 · Accept or decline a case referred to my organization")
            .WithDescription("By the staff of the receiving organization (another referral is 404). Accepting keeps the case with its station; the organization then reads it (client masked) and adds notes and services. Declining needs a reason (note). 409 once decided. Answers {id: the case's id}.");
        o.MapGet("/{id:guid}", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id) => (await GetCase.Handle(db, me, clock, id)).ToOk())
            .WithName("GetReferredCase").WithSummary("转介给本机构的个案详情 · Get a case referred to my organization")
            .WithDescription("A case the organization accepted a referral of, with its timeline; the client's name masked, no address or phones. Any other case is 404.");
        o.MapPost("/{id:guid}/notes", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, [FromForm] AddCaseNote.Request r, IFormFile? attachment) =>
                (await AddCaseNote.Handle(db, me, clock, id, r, attachment)).ToHttp(n => TypedResults.Created($"{Api.Prefix}/referred-cases/{id}", n)))
            .DisableAntiforgery()
            .WithName("AddReferredCaseNote").WithSummary("为转介个案添加记录 · Add a note to a case referred to my organization")
            .WithDescription("Multipart form: text, attachment (optional, ≤ 5 MB jpg/png/pdf). The note shows on the station's case page with the writer's name.");
        o.MapPost("/{id:guid}/services", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, RecordCaseService.Request r) =>
                (await RecordCaseService.Handle(db, me, clock, id, r)).ToHttp(s => TypedResults.Created($"{Api.Prefix}/referred-cases/{id}", s)))
            .WithName("RecordReferredCaseService").WithSummary("记录转介个案的服务 · Record a service of a case referred to my organization")
            .WithDescription("Once the case's plan is approved: kind CaseService|Counselling|LifeCare|MedicalCare|LegalAid, servedOn, summary; the client is the beneficiary.");

        var a = api.MapGroup("/guardianship").WithTags("Casework").RequirePermission(CaseworkPermissions.View);
        a.MapGet("/", async (AppDb db, TimeProvider clock, [AsParameters] ListGuardianship.Query q) => TypedResults.Ok(await ListGuardianship.Handle(db, clock, q)))
            .WithName("ListGuardianship").WithSummary("监护评估台账 · Minors and their guardianship assessments")
            .WithDescription("Minors in scope (names masked) with the last assessment and the next due day: ?area=&keyword=&level=&due=Never|Overdue|Soon&sort=due|name|assessed&page=&size=");
        a.MapExport<ListGuardianship.Query>("/export", (db, clock, q) => ExportGuardianship.Handle(db, clock, q with { Page = null, Size = null }))
            .WithName("ExportGuardianship").WithSummary("导出监护评估台账 · Export the guardianship list")
            .WithDescription("The list as filtered (the conditions of ListGuardianship), as an Excel file: names masked; audited.");
        a.MapPost("/", async (AppDb db, CurrentUser me, TimeProvider clock, RecordGuardianshipAssessment.Request r) =>
                (await RecordGuardianshipAssessment.Handle(db, me, clock, r)).ToHttp(x => TypedResults.Created($"{Api.Prefix}/guardianship", x)))
            .RequirePermission(CaseworkPermissions.Assess)
            .WithName("RecordGuardianshipAssessment").WithSummary("记录监护评估 · Record a guardianship assessment")
            .WithDescription("For a child under 18 in scope; scores 1–5; next due after the area's scheme months (6 when none).")
            .ProducesValidationProblem();
        g.MapGet("/households/{householdId:guid}", async (AppDb db, CurrentUser me, TimeProvider clock, Guid householdId) =>
                (await ResidentCases.Handle(db, me, clock, householdId)).ToOk())
            .WithName("ListHouseholdCases").WithSummary("家庭成员的个案与监护评估 · Cases and assessments of a household's members");
    }
}
