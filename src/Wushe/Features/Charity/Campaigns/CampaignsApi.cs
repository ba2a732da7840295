using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity.Campaigns;

/// <summary>/api/v1 募捐活动: the staff's list, details and set-up / edit; the public list with progress.</summary>
public static class CampaignsApi
{
    public static void MapPublic(RouteGroupBuilder publicApi)
    {
        publicApi.MapGet("/charity/campaigns", async (AppDb db, TimeProvider clock, [AsParameters] PublicCampaigns.Query q) => TypedResults.Ok(await PublicCampaigns.Handle(db, clock, q)))
            .WithTags("Public")
            .WithName("ListPublicCampaigns").WithSummary("募捐活动公示 · Campaigns in public")
            .WithDescription("The campaigns of ?area= with target, raised (fen, reversed donations left out) and per cent, newest first; no sign-in, no personal data.");
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/charity/campaigns").WithTags("Charity");
        g.MapGet("/", async (AppDb db, TimeProvider clock, [AsParameters] ListCampaigns.Query q) => TypedResults.Ok(await ListCampaigns.Handle(db, clock, q)))
            .RequirePermission(CharityPermissions.ViewFunds)
            .WithName("ListCampaigns").WithSummary("募捐活动 · List campaigns")
            .WithDescription("Of the scope: ?area=&keyword=&phase= (Upcoming, Running, Ended on today's China date)&page=&size=; newest first, with progress (fen).");
        g.MapGet("/{id:guid}", async (AppDb db, TimeProvider clock, Guid id) => (await GetCampaign.Handle(db, clock, id)).ToOk())
            .RequirePermission(CharityPermissions.ViewFunds)
            .WithName("GetCampaign").WithSummary("募捐活动详情 · Get a campaign")
            .WithDescription("Its particulars, phase and progress, and what each linked fund raised (fen).");
        g.MapPost("/", async (AppDb db, CurrentUser user, TimeProvider clock, SaveCampaign.Request r) =>
                (await SaveCampaign.Handle(db, user, clock, null, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/charity/campaigns/{c.Id}", c)))
            .RequirePermission(CharityPermissions.ManageFunds)
            .WithName("SetUpCampaign").WithSummary("发起募捐活动 · Set up a campaign")
            .WithDescription("For an area in scope: name, period (at most a year), target in yuan, and the active funds of the area it raises for (fundIds).")
            .ProducesValidationProblem();
        g.MapPut("/{id:guid}", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id, SaveCampaign.Request r) => (await SaveCampaign.Handle(db, user, clock, id, r)).ToOk())
            .RequirePermission(CharityPermissions.ManageFunds)
            .WithName("EditCampaign").WithSummary("编辑募捐活动 · Edit a campaign")
            .WithDescription("As set up (the area stays); a fund with donations of the campaign stays linked; version from GET guards against a lost update (409).")
            .ProducesValidationProblem();
    }
}
