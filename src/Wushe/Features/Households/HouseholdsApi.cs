using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Export;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Households;

/// <summary>Routes of households and residents (/api/v1/households, /api/v1/residents); each calls the use case its page calls too.</summary>
public static class HouseholdsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/households").WithTags("Households").RequirePermission(HouseholdsPermissions.View);
        g.MapGet("/", async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<PageOf<ListHouseholds.Row>>, Microsoft.AspNetCore.Http.HttpResults.ValidationProblem>> (
                AppDb db, TimeProvider clock, [AsParameters] ListHouseholds.Query q) =>
                await ListHouseholds.ProblemsAsync(db, q) is { Count: > 0 } problems
                    ? TypedResults.ValidationProblem(problems)
                    : TypedResults.Ok(await ListHouseholds.Handle(db, q, ChinaTime.Today(clock))))
            .WithName("ListHouseholds").WithSummary("家庭户列表 · List households")
            .WithDescription("Households in the caller's scope: ?area=&keyword= (a member's name, the head or the address)&idTail= (last 4 of an ID)&tag=&tagged=true|false (households with / without a member in any target group)&colour=&due=Overdue|Today|ThisWeek|Later&status=&worker= (a responsible worker's user id)&unassigned=true (no responsible worker)&sort=due|area|head|registered&page=&size=");
        g.MapExport<ListHouseholds.Query>("/export", (db, clock, q) => ExportHouseholds.Handle(db, clock, q with { Page = null, Size = null }))
            .WithName("ExportHouseholds").WithSummary("导出家庭户 · Export households")
            .WithDescription("The list as searched, as an Excel file (no ID numbers or phones; audited).");
        g.MapGet("/{id:guid}", async (AppDb db, TimeProvider clock, Guid id) => (await GetHousehold.Handle(db, clock, id)).ToOk())
            .WithName("GetHousehold").WithSummary("家庭户详情 · Get a household")
            .WithDescription("The household with its members (ID numbers and phones masked), tags, consents and needs; 404 outside the caller's scope.");
        g.MapPost("/", async (AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock, RegisterHousehold.Request r) =>
                (await RegisterHousehold.Handle(db, me, sealer, clock, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/households/{c.Id}", c)))
            .RequirePermission(HouseholdsPermissions.Manage)
            .WithName("RegisterHousehold").WithSummary("登记家庭户 · Register a household")
            .WithDescription("A household of a community or village with its members (exactly one head). One bad member saves nothing; errors name the member (members[1].idNumber). A duplicate ID number is 409.")
            .ProducesValidationProblem();
        g.MapPut("/{id:guid}", async (AppDb db, Guid id, EditHousehold.Request r) => (await EditHousehold.Handle(db, id, r)).ToHttp(c => TypedResults.Ok(new CreatedId(c))))
            .RequirePermission(HouseholdsPermissions.Manage)
            .WithName("EditHousehold").WithSummary("修改家庭户 · Edit a household")
            .WithDescription("Change the address.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/close", async (AppDb db, TimeProvider clock, Guid id, EditHousehold.CloseRequest r) =>
                (await EditHousehold.Close(db, clock, id, r)).ToHttp(c => TypedResults.Ok(new CreatedId(c))))
            .RequirePermission(HouseholdsPermissions.Manage)
            .WithName("CloseHousehold").WithSummary("注销家庭户 · Close a household")
            .WithDescription("The household leaves the visiting plan (no visits, members or card changes: 409); its history stays. The reason "
                + "(MovedAway, Died, NoLongerEligible, Other with a note) and the day are kept and shown.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/reopen", async (AppDb db, TimeProvider clock, Guid id, EditHousehold.ReopenRequest r) =>
                (await EditHousehold.Reopen(db, clock, id, r)).ToHttp(c => TypedResults.Ok(new CreatedId(c))))
            .RequirePermission(HouseholdsPermissions.Manage)
            .WithName("ReopenHousehold").WithSummary("恢复家庭户 · Reopen a household")
            .WithDescription("{reason (2–200), reopenedOn (China date, not in the future, not before the closing day)}: the household returns to the visiting plan; "
                + "the reason and day are kept and shown, the closing's reason and day are cleared (the audit names them). 409 when not closed, or when a member "
                + "of a household closed as MovedAway has been registered again elsewhere since.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/move", async (AppDb db, TimeProvider clock, Guid id, MoveHousehold.Request r) => (await MoveHousehold.Handle(db, clock, id, r)).ToOk())
            .RequirePermission(HouseholdsPermissions.Manage)
            .WithName("MoveHousehold").WithSummary("迁移家庭户 · Move a household to another community")
            .WithDescription("{areaCode (a community or village in the caller's scope), address, movedOn, note, version}: the household and all its members, tags, "
                + "consents and card history move; visits, services, cases and needs stay where they were done. The responsible worker is kept when still a "
                + "candidate for the new community, cleared otherwise; the card is kept under the same scheme, cleared otherwise. 409 closed or stale version.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/members", async (AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock, Guid id, ResidentFields r) =>
                (await SaveResident.Add(db, me, sealer, clock, id, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/residents/{c}", new CreatedId(c))))
            .RequirePermission(HouseholdsPermissions.Manage)
            .WithName("AddResident").WithSummary("添加家庭成员 · Add a member")
            .WithDescription("A member by the resident rules (ID, guardian for minors, guardian consent for a child under 14's sensitive fields). A duplicate ID number is 409.")
            .ProducesValidationProblem();

        var residents = api.MapGroup("/residents").WithTags("Households").RequirePermission(HouseholdsPermissions.View);
        residents.MapPut("/{id:guid}", async (AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock, Guid id, ResidentFields r) =>
                (await SaveResident.Update(db, me, sealer, clock, id, r)).ToHttp(c => TypedResults.Ok(new CreatedId(c))))
            .RequirePermission(HouseholdsPermissions.Manage)
            .WithName("UpdateResident").WithSummary("修改家庭成员 · Update a member")
            .WithDescription("An empty idNumber keeps the stored one; phone, guardianPhone and healthNote null keep the stored one, \"\" clears it; tags null keeps them, [] removes them; version (members[].version of GetHousehold), when given, refuses a change saved since (409). 409 for a closed household.")
            .ProducesValidationProblem();
        residents.MapPost("/{id:guid}/leave", async (AppDb db, TimeProvider clock, Guid id, RecordMemberLeft.Request r) =>
                (await RecordMemberLeft.Handle(db, clock, id, r)).ToHttp(c => TypedResults.Ok(new CreatedId(c))))
            .RequirePermission(HouseholdsPermissions.Manage)
            .WithName("RecordMemberLeft").WithSummary("登记成员迁出或死亡 · Record a member who moved out or died")
            .WithDescription("{status: MovedOut|Deceased, leftOn (China date, not in the future, not before registration), note}. The member is kept, no longer active: tags removed, member count down. 409 for the head (make another member the head first, or close the household), a member who left already, a closed household.")
            .ProducesValidationProblem();
        residents.MapPost("/{id:guid}/consents", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, RecordConsent.Request r) =>
                (await RecordConsent.Handle(db, me, clock, id, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/residents/{id}", new CreatedId(c))))
            .RequirePermission(HouseholdsPermissions.Manage)
            .WithName("RecordConsent").WithSummary("登记知情同意 · Record consent")
            .WithDescription("Who consented, relation, byGuardian, scope Basic|Sensitive, givenOn. A child under 14's consent is the guardian's, and a guardian's consent is given by the guardian on record (consentedBy = the resident's guardianName).")
            .ProducesValidationProblem();
        residents.MapPost("/consents/{consentId:guid}/withdraw", async (AppDb db, TimeProvider clock, Guid consentId) =>
                (await RecordConsent.Withdraw(db, clock, consentId)).ToOk())
            .RequirePermission(HouseholdsPermissions.Manage)
            .WithName("WithdrawConsent").WithSummary("撤回知情同意 · Withdraw consent")
            .WithDescription("The consent is kept with the withdrawal date. When a child under 14 is left without the guardian's consent, the child's ID number, phone, health note and tags are erased in the same save (erased: true). 409 when already withdrawn.");
        residents.MapPost("/{id:guid}/reveal", async (AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock, Guid id, RevealResidentField.Request r) =>
                (await RevealResidentField.Handle(db, me, sealer, clock, id, r)).ToOk())
            .RequirePermission(HouseholdsPermissions.Reveal)
            .WithName("RevealResidentField").WithSummary("查看居民完整信息 · Reveal a resident's field")
            .WithDescription("{field: idNumber|phone|guardianPhone|healthNote, reason}. Every reveal, and every refused one, is audited.")
            .WithoutIdempotency("the answer is a sensitive value in full, never stored; and every reveal is audited anew")
            .ProducesValidationProblem();
    }
}
