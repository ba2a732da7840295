using Microsoft.Extensions.Options;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity.Wishes;

/// <summary>Routes of the micro-wishes (issue 10); each calls the use case the pages call too. Values are whole fen.</summary>
public static class WishesApi
{
    public static void MapPublic(RouteGroupBuilder publicApi) =>
        publicApi.MapGet("/charity/wishes", async (AppDb db, [AsParameters] WishWall.Query q) => (await WishWall.Handle(db, q)).ToOk()).WithTags("Public")
            .WithName("WishWall").WithSummary("心愿墙 · The wish wall")
            .WithDescription("Open wishes of ?area= (priority first, then the longest waiting): alias, age, wish, story, value (fen), community; the latest fulfilled with thanks. No sign-in, no personal data. An area that names no place is 404.");

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/me/wish-claims", async (AppDb db, CurrentUser user) => TypedResults.Ok(await MyWishClaims.Handle(db, user)))
            .RequirePermission(CharityPermissions.ClaimWishes).WithTags("Charity")
            .WithName("ListMyWishClaims").WithSummary("我认领的心愿 · My wish claims")
            .WithDescription("The signed-in account's claims, newest first; whom to contact and by when while a claim holds.");
        api.MapPost("/me/wish-claims/{claimId:guid}/contacted", async (AppDb db, CurrentUser user, TimeProvider clock, Guid claimId) =>
                (await ConfirmContact.Handle(db, user, clock, claimId)).ToOk())
            .RequirePermission(CharityPermissions.ClaimWishes).WithTags("Charity")
            .WithName("ConfirmWishContact").WithSummary("确认已联系 · Confirm contact")
            .WithDescription("Within the contact period (7 days by default) — after it the claim has lapsed (409).");
        api.MapPost("/me/wish-claims/{claimId:guid}/give-up", async (AppDb db, CurrentUser user, TimeProvider clock, Guid claimId) =>
                (await GiveUpClaim.Handle(db, user, clock, claimId)).ToOk())
            .RequirePermission(CharityPermissions.ClaimWishes).WithTags("Charity")
            .WithName("GiveUpWishClaim").WithSummary("放弃认领 · Give a claim up")
            .WithDescription("Before delivery; the wish goes back to the wall with priority.");
        api.MapPost("/me/wish-claims/{claimId:guid}/delivered", async (AppDb db, CurrentUser user, TimeProvider clock, Guid claimId, DeliverWish.Request r) =>
                (await DeliverWish.Handle(db, user, clock, claimId, r)).ToOk())
            .RequirePermission(CharityPermissions.ClaimWishes).WithTags("Charity")
            .WithName("DeliverWish").WithSummary("标记送达 · Mark delivered")
            .WithDescription("After contact was confirmed, with what was delivered, when and how (evidence).")
            .ProducesValidationProblem();

        var g = api.MapGroup("/charity/wishes").WithTags("Charity");
        g.MapGet("/", async (AppDb db, [AsParameters] ListWishes.Query q) => TypedResults.Ok(await ListWishes.Handle(db, q)))
            .RequirePermission(CharityPermissions.ViewWishes)
            .WithName("ListWishes").WithSummary("微心愿列表 · List micro-wishes")
            .WithDescription("Of the scope: ?area=&status=&keyword= (alias or wish)&page=&size=; newest first, with the claimer holding each.");
        g.MapExport<ListWishes.Query>("/export", (db, clock, q) => ExportWishes.Handle(db, clock, q))
            .RequirePermission(CharityPermissions.ViewWishes)
            .WithName("ExportWishes").WithSummary("导出微心愿 · Export micro-wishes")
            .WithDescription("The list's search (?area=&status=&keyword=) as an Excel file (aliases only), values in yuan; audited as an export.");
        g.MapGet("/figures", async (AppDb db, [AsParameters] WishFigures.Query q) => TypedResults.Ok(await WishFigures.Handle(db, q.Area)))
            .RequirePermission(CharityPermissions.ViewWishes)
            .WithName("WishFigures").WithSummary("微心愿统计 · Micro-wish figures")
            .WithDescription("Of the scope or ?area=: collected, open, in progress, fulfilled, and the average days from publication to fulfilment.");
        g.MapGet("/{id:guid}", async (AppDb db, Guid id) => (await GetWish.Handle(db, id)).ToOk())
            .RequirePermission(CharityPermissions.KeepWishes)
            .WithName("GetWish").WithSummary("微心愿详情 · Get a micro-wish")
            .WithDescription("The wish, the person it is for (name and household, for those who keep wishes) and its claims.");
        g.MapPost("/", async (AppDb db, CurrentUser user, TimeProvider clock, IOptions<WishOptions> options, CollectWish.Request r) =>
                (await CollectWish.Handle(db, user, clock, options, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/charity/wishes/{c.Id}", c)))
            .RequirePermission(CharityPermissions.KeepWishes)
            .WithName("CollectWish").WithSummary("征集微心愿 · Collect a wish")
            .WithDescription("For a person of the scope (residentId): alias, wish, story (none of them the person's name), valueYuan, contact for claimers.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/verify", async (AppDb db, TimeProvider clock, Guid id, VerifyWish.Request r) => (await VerifyWish.Handle(db, clock, id, r)).ToOk())
            .RequirePermission(CharityPermissions.KeepWishes)
            .WithName("VerifyWish").WithSummary("核实发布 · Verify a wish")
            .WithDescription("publish true with the alias, wish and story as published, or false with a reason. Verified already is 409.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/claims", async (AppDb db, CurrentUser user, TimeProvider clock, IOptions<WishOptions> options, Guid id) =>
                (await ClaimWish.Handle(db, user, clock, options, id)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/me/wish-claims", c)))
            .RequirePermission(CharityPermissions.ClaimWishes)
            .WithName("ClaimWish").WithSummary("认领心愿 · Claim a wish")
            .WithDescription("An open wish of any place; one claimer per wish (taken: 409); at most 3 held at once; not one's own lapsed claim within 30 days. Answers whom to contact by when.");
        g.MapPost("/{id:guid}/received", async (AppDb db, TimeProvider clock, Guid id, ConfirmReceipt.Request r) => (await ConfirmReceipt.Handle(db, clock, id, r)).ToOk())
            .RequirePermission(CharityPermissions.KeepWishes)
            .WithName("ConfirmWishReceipt").WithSummary("确认收到 · Confirm receipt")
            .WithDescription("A delivered wish is fulfilled; thankYou (optional, no name) goes on the wall, or is added later to a fulfilled one.")
            .ProducesValidationProblem();
    }
}
