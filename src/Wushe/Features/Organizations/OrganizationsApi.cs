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
            .WithDescription("Organizations in the user's scope: ?area=&keyword= (name or credit code)&kind=&status=&focus=&sort=name|registered|status&page=&size=");
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
    }
}
