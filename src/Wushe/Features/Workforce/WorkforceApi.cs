using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Workforce;

/// <summary>Routes of the social-work workforce register; each calls the use case the pages call too.</summary>
public static class WorkforceApi
{
    /// <summary>The id of what a POST created (a social worker, a qualification, a continuing-education record).</summary>
    public sealed record Created(Guid Id);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/workforce/social-workers").WithTags("Workforce");
        g.MapGet("/", async (AppDb db, Sealer sealer, TimeProvider clock, [AsParameters] ListSocialWorkers.Query q) => TypedResults.Ok(await ListSocialWorkers.Handle(db, sealer, clock, q)))
            .RequirePermission(WorkforcePermissions.View)
            .WithName("ListSocialWorkers").WithSummary("社工名册 · List social workers")
            .WithDescription("Social workers in the caller's scope (organization staff: their organization's): ?area=&keyword= (name or employer; a full ID or mobile number finds its holder)"
                + "&level=Assistant|Intermediate|Senior&state=Unqualified|Due|Overdue|Valid|Expiring|Lapsed (registration, on today's China date)&employer=Station|Organization|Community|Other"
                + "&status=Active|Left|Candidate (none: Active and Left; Candidate, known from an exam only, when asked or found by a full ID)&station=&sort=entered|name|level&page=&size=. Phones masked; no ID numbers.");
        g.MapExport<ListSocialWorkers.Query>("/export", (db, sealer, clock, q) => ExportSocialWorkers.Handle(db, sealer, clock, q with { Page = null, Size = null }))
            .RequirePermission(WorkforcePermissions.View)
            .WithName("ExportSocialWorkers").WithSummary("导出社工名册 · Export social workers")
            .WithDescription("The register as searched (the conditions of ListSocialWorkers), as an Excel file: phones masked, no ID numbers; audited.");
        g.MapGet("/{id:guid}", async (AppDb db, TimeProvider clock, Guid id) => (await GetSocialWorker.Handle(db, clock, id)).ToOk())
            .RequirePermission(WorkforcePermissions.View)
            .WithName("GetSocialWorker").WithSummary("社会工作者详情 · Get a social worker")
            .WithDescription("In the caller's scope (any other is 404): the person (ID and phone masked), employer, qualifications, registrations, continuing-education records and the current period's hours against what renewal needs.");
        g.MapPost("/", async (AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, SocialWorkerForm.Request r) =>
                (await SaveSocialWorker.Add(db, user, sealer, clock, r)).ToHttp(id => TypedResults.Created($"{Api.Prefix}/workforce/social-workers/{id}", new Created(id))))
            .RequirePermission(WorkforcePermissions.Manage)
            .WithName("AddSocialWorker").WithSummary("登记社会工作者 · Add a social worker")
            .WithDescription("name, idNumber (gives birth date and sex), phone (optional, mobile or landline), education, employerKind Station (stationId) | Organization (organizationId) | Community (areaCode of a community) | Other (areaCode, employerName), "
                + "post, startedOn. The employer must lie in the caller's scope; organization staff add their own organization's people only. An ID already on the register is 409 naming idNumber.")
            .ProducesValidationProblem();
        g.MapPut("/{id:guid}", async (AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, Guid id, SaveSocialWorker.Request r) =>
                (await SaveSocialWorker.Edit(db, user, sealer, clock, id, r)).ToOk())
            .RequirePermission(WorkforcePermissions.Manage)
            .WithName("EditSocialWorker").WithSummary("修改社会工作者信息 · Edit a social worker")
            .WithDescription("The fields of AddSocialWorker but idNumber (it cannot change; empty or the stored one), an empty phone keeps the stored one; version. A stale version is 409; answers the new version.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/status", async (AppDb db, Guid id, ChangeSocialWorkerStatus.Request r) => (await ChangeSocialWorkerStatus.Handle(db, id, r)).ToOk())
            .RequirePermission(WorkforcePermissions.Manage)
            .WithName("ChangeSocialWorkerStatus").WithSummary("离岗或返岗 · A social worker leaves or returns")
            .WithDescription("{status: Active|Left, reason, version}: the status held already is 409; answers the new version.")
            .ProducesValidationProblem();
        g.MapGet("/{id:guid}/account-candidates", async (AppDb db, Guid id) => (await LinkSocialWorkerAccount.Candidates(db, id)).ToOk())
            .RequirePermission(WorkforcePermissions.Manage)
            .WithName("ListSocialWorkerAccountCandidates").WithSummary("可关联的平台账号 · Accounts a social worker may be linked to")
            .WithDescription("The staff accounts of the person's station (社工站人员) or social organization that are not linked to another person. Another area's person is 404.");
        g.MapPost("/{id:guid}/account", async (AppDb db, Guid id, LinkSocialWorkerAccount.Request r) => (await LinkSocialWorkerAccount.Handle(db, id, r)).ToOk())
            .RequirePermission(WorkforcePermissions.Manage)
            .WithName("LinkSocialWorkerAccount").WithSummary("关联平台账号 · Link a social worker's account")
            .WithDescription("{userId (null: unlink), version}: the account the person signs in with, one of ListSocialWorkerAccountCandidates; an account is one person's. Answers the new version. 400 naming userId; 404 another area's person; 409 stale version.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/reveal", async (AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock, Guid id, RevealSocialWorkerField.Request r) =>
                (await RevealSocialWorkerField.Handle(db, me, sealer, clock, id, r)).ToOk())
            .RequirePermission(WorkforcePermissions.View)
            .WithName("RevealSocialWorkerField").WithSummary("查看社会工作者完整信息 · Reveal a social worker's field")
            .WithDescription("{field: idNumber|phone, reason}: the value in full; needs the reveal permission; audited, refusals too.")
            .WithoutIdempotency("the answer is a sensitive value in full, never stored; and every reveal is audited anew")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/qualifications", async (AppDb db, TimeProvider clock, Guid id, AddQualification.Request r) =>
                (await AddQualification.Handle(db, clock, id, r)).ToHttp(q => TypedResults.Created($"{Api.Prefix}/workforce/social-workers/{id}", new Created(q))))
            .RequirePermission(WorkforcePermissions.Manage)
            .WithName("AddQualification").WithSummary("录入职业资格 · Add a qualification")
            .WithDescription("{level: Assistant|Intermediate|Senior, route: Exam|Review (senior only), obtainedOn, certificateNo (6–30 letters and digits, unique)}; a level once per person (409).")
            .ProducesValidationProblem();
        g.MapDelete("/{id:guid}/qualifications/{qualificationId:guid}", async (AppDb db, Guid id, Guid qualificationId) => (await RemoveQualification.Handle(db, id, qualificationId)).ToOk())
            .RequirePermission(WorkforcePermissions.Manage)
            .WithName("RemoveQualification").WithSummary("删除职业资格 · Remove a qualification entered by mistake")
            .WithDescription("Audited; one already registered is 409.");
        g.MapPost("/{id:guid}/registrations", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id, RegisterQualification.Request r) =>
                (await RegisterQualification.Handle(db, user, clock, id, r)).ToHttp(x => TypedResults.Created($"{Api.Prefix}/workforce/social-workers/{id}", x)))
            .RequirePermission(WorkforcePermissions.Manage)
            .WithName("RegisterQualification").WithSummary("办理登记 · Register a qualification")
            .WithDescription("{qualificationId, registeredOn, registrationNo}: three years; a first registration later than a year after qualifying, and every renewal, needs the continuing-education hours "
                + "(72 assistant, 90 intermediate and senior) of the period — refused naming the hours counted. A renewal from 90 days before the end runs from the day after it.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/education", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id, AddEducationRecord.Request r) =>
                (await AddEducationRecord.Handle(db, user, clock, id, r)).ToHttp(x => TypedResults.Created($"{Api.Prefix}/workforce/social-workers/{id}", new Created(x))))
            .RequirePermission(WorkforcePermissions.Manage)
            .WithName("AddEducationRecord").WithSummary("录入继续教育学时 · Add continuing-education hours")
            .WithDescription("{on, hours (0.5–200 in halves), content}: learning outside the platform's trainings.")
            .ProducesValidationProblem();
        g.MapDelete("/{id:guid}/education/{recordId:guid}", async (AppDb db, Guid id, Guid recordId) => (await RemoveEducationRecord.Handle(db, id, recordId)).ToOk())
            .RequirePermission(WorkforcePermissions.Manage)
            .WithName("RemoveEducationRecord").WithSummary("删除继续教育记录 · Remove a continuing-education record")
            .WithDescription("Audited; a training's credit (correct the attendance) or hours counted by a renewal granted are 409.");

        api.MapGet("/workforce/staffing", async (AppDb db, [AsParameters] StationStaffing.Query q) => TypedResults.Ok(await StationStaffing.Handle(db, q)))
            .WithTags("Workforce").RequirePermission(WorkforcePermissions.Figures)
            .WithName("StationStaffing").WithSummary("社工站人员配备 · Station staffing")
            .WithDescription("Per open station of the scope: social workers in post by level and the share qualified; ?area=&unqualified=true (only stations without a qualified worker)&page=&size=.");
    }
}
