using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Organizations;

/// <summary>Routes of the organization register; each calls the use case the pages call too.</summary>
public static class OrganizationsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        // Organization staff read and keep their own organization (ViewOne, EditOwn); the register itself is View's.
        var g = api.MapGroup("/organizations").WithTags("Organizations");
        g.MapGet("/", async (AppDb db, [AsParameters] ListOrganizations.Query q) => TypedResults.Ok(await ListOrganizations.Handle(db, q)))
            .RequirePermission(OrganizationsPermissions.View)
            .WithName("ListOrganizations").WithSummary("社会组织列表 · List social organizations")
            .WithDescription("Organizations in the user's scope: ?area=&keyword= (name or credit code)&kind=&status=&focus=&incubation=InProgress|Graduated|Withdrawn (with an incubation programme of that status)&sort=name|registered|status&page=&size=");
        g.MapExport<ListOrganizations.Query>("/export", (db, clock, q) => ExportOrganizations.Handle(db, clock, q with { Page = null, Size = null }))
            .RequirePermission(OrganizationsPermissions.View)
            .WithName("ExportOrganizations").WithSummary("导出社会组织 · Export social organizations")
            .WithDescription("The organization list as filtered (the conditions of ListOrganizations), as an Excel file (contact phones masked); audited.");
        g.MapGet("/{id:guid}", async (AppDb db, CurrentUser user, Guid id) => (await GetOrganization.Handle(db, user, id)).ToOk())
            .RequirePermission(OrganizationsPermissions.ViewOne)
            .WithName("GetOrganization").WithSummary("社会组织详情 · Get a social organization")
            .WithDescription("In the caller's scope; organization staff read their own organization only (any other is 404).");
        g.MapPut("/{id:guid}/contact", async (AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, Guid id, EditOwnOrganization.Request r) =>
            (await EditOwnOrganization.Handle(db, user, sealer, clock, id, r)).ToOk())
            .RequirePermission(OrganizationsPermissions.EditOwn)
            .WithName("EditOwnOrganization").WithSummary("修改本机构联系信息 · Edit my organization's contact details")
            .WithDescription("Organization staff: the contact, phone (empty keeps it; clearContactPhone removes it), address, focus and service areas of "
                + "their own organization; what civil affairs registered (name, code, kind, status) is the bureau's. Another organization is 404; a stale version 409.")
            .ProducesValidationProblem();

        g.MapPost("/", async (AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, OrganizationForm.Request r) =>
            (await RegisterOrganization.Handle(db, user, sealer, clock, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/organizations/{c.Id}", c)))
            .RequirePermission(OrganizationsPermissions.View).RequirePermission(OrganizationsPermissions.Manage)
            .WithName("RegisterOrganization").WithSummary("新增社会组织 · Register a social organization")
            .WithDescription("The kind follows from the credit code (51 社会团体, 52 民办非企业单位, 53 基金会, 59 其他); without a code, choose it "
                + "(a volunteer team, or an organization in incubation). A credit code already registered is 409 naming creditCode.");
        g.MapPut("/{id:guid}", async (AppDb db, Sealer sealer, TimeProvider clock, Guid id, OrganizationForm.Request r) =>
            (await EditOrganization.Handle(db, sealer, clock, id, r)).ToOk())
            .RequirePermission(OrganizationsPermissions.View).RequirePermission(OrganizationsPermissions.Manage)
            .WithName("EditOrganization").WithSummary("修改社会组织 · Edit a social organization")
            .WithDescription("An empty contactPhone keeps the stored number (clearContactPhone removes it); a stale version is 409; the status changes only through /status.");
        g.MapPost("/{id:guid}/status", async (AppDb db, Guid id, ChangeOrganizationStatus.Request r) =>
            (await ChangeOrganizationStatus.Handle(db, id, r)).ToOk())
            .RequirePermission(OrganizationsPermissions.View).RequirePermission(OrganizationsPermissions.Manage)
            .WithName("ChangeOrganizationStatus").WithSummary("变更社会组织状态 · Change an organization's status")
            .WithDescription("Incubating → Registered (needs a credit code) → Suspended ⇄ Registered; any → Deregistered (final). An illegal move is 409.");

        // 孵化 (incubation): read by whoever reads the organization; kept by the register's keepers in scope.
        var inc = g.MapGroup("/{id:guid}/incubation");
        inc.MapGet("/", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id) => (await GetIncubation.Handle(db, user, clock, id)).ToOk())
            .RequirePermission(OrganizationsPermissions.ViewOne)
            .WithName("GetIncubation").WithSummary("孵化记录 · Get an organization's incubation")
            .WithDescription("Its incubation programmes, newest first, each with its milestones and the support given (amounts in fen, with the total).");
        inc.MapPost("/", async (AppDb db, TimeProvider clock, Guid id, StartIncubation.Request r) =>
            (await StartIncubation.Handle(db, clock, id, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/organizations/{id}/incubation", c)))
            .RequirePermission(OrganizationsPermissions.View).RequirePermission(OrganizationsPermissions.Manage)
            .WithName("StartIncubation").WithSummary("入孵 · Start an incubation")
            .WithDescription("At a host station in scope (hostStationId) or a host named (hostName), from startOn to plannedEndOn. One in progress at a time (409).")
            .ProducesValidationProblem();
        inc.MapPut("/{programmeId:guid}", async (AppDb db, TimeProvider clock, Guid id, Guid programmeId, StartIncubation.Request r) =>
            (await StartIncubation.Edit(db, clock, id, programmeId, r)).ToOk())
            .RequirePermission(OrganizationsPermissions.View).RequirePermission(OrganizationsPermissions.Manage)
            .WithName("EditIncubation").WithSummary("修改孵化 · Edit an incubation")
            .WithDescription("The host and dates of an incubation in progress; an ended one or a stale version is 409.")
            .ProducesValidationProblem();
        inc.MapPost("/{programmeId:guid}/end", async (AppDb db, TimeProvider clock, Guid id, Guid programmeId, EndIncubation.Request r) =>
            (await EndIncubation.Handle(db, clock, id, programmeId, r)).ToOk())
            .RequirePermission(OrganizationsPermissions.View).RequirePermission(OrganizationsPermissions.Manage)
            .WithName("EndIncubation").WithSummary("出壳或退出孵化 · End an incubation")
            .WithDescription("to=Graduated (出壳) or Withdrawn (退出), on endedOn, with a reason; final (a second end is 409).")
            .ProducesValidationProblem();
        inc.MapPost("/{programmeId:guid}/milestones", async (AppDb db, TimeProvider clock, Guid id, Guid programmeId, SaveIncubationMilestone.Request r) =>
            (await SaveIncubationMilestone.Handle(db, clock, id, programmeId, null, r)).ToHttp(m => TypedResults.Created($"{Api.Prefix}/organizations/{id}/incubation", new CreatedId(m))))
            .RequirePermission(OrganizationsPermissions.View).RequirePermission(OrganizationsPermissions.Manage)
            .WithName("AddIncubationMilestone").WithSummary("添加孵化里程碑 · Add an incubation milestone")
            .ProducesValidationProblem();
        inc.MapPut("/{programmeId:guid}/milestones/{milestoneId:guid}", async (AppDb db, TimeProvider clock, Guid id, Guid programmeId, Guid milestoneId, SaveIncubationMilestone.Request r) =>
            (await SaveIncubationMilestone.Handle(db, clock, id, programmeId, milestoneId, r)).ToHttp(m => TypedResults.Ok(new CreatedId(m))))
            .RequirePermission(OrganizationsPermissions.View).RequirePermission(OrganizationsPermissions.Manage)
            .WithName("EditIncubationMilestone").WithSummary("修改孵化里程碑 · Edit an incubation milestone")
            .WithDescription("Title, due date, the day it was done (doneOn) and a note; an ended incubation's milestones are 409.")
            .ProducesValidationProblem();
        inc.MapPost("/{programmeId:guid}/support", async (AppDb db, TimeProvider clock, Guid id, Guid programmeId, RecordIncubationSupport.Request r) =>
            (await RecordIncubationSupport.Handle(db, clock, id, programmeId, r)).ToHttp(s => TypedResults.Created($"{Api.Prefix}/organizations/{id}/incubation", new CreatedId(s))))
            .RequirePermission(OrganizationsPermissions.View).RequirePermission(OrganizationsPermissions.Manage)
            .WithName("RecordIncubationSupport").WithSummary("登记孵化支持 · Record incubation support")
            .WithDescription("givenOn within the incubation, kind Venue|Funding|Training|Supervision|Other, amountYuan (optional; required for Funding), note.")
            .ProducesValidationProblem();
    }
}
