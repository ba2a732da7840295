using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Points;

/// <summary>Points (积分), virtue-credit merchants (美德信用商户), offers and redemption under <c>/api/v1</c>.</summary>
public static class PointsApi
{
    public const string Tag = "Points";

    public static void Map(RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me/volunteer").WithTags(Tag);
        me.MapGet("/points", async (AppDb db, CurrentUser user, TimeProvider clock, int? page, int? size) => (await MyPoints.Handle(db, user, clock, page, size)).ToOk())
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("GetMyPoints").WithSummary("我的积分 · My points")
            .WithDescription("Balance, stars, my region's points rules and the ledger's entries newest first (earn, spend, refund, donations, reversals).");
        me.MapGet("/offers", async (AppDb db, CurrentUser user, TimeProvider clock, string? keyword, int? page, int? size) => (await BrowseOffers.Handle(db, user, clock, keyword, page, size)).ToOk())
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("ListOffersNearMe").WithSummary("积分兑换商品 · Offers near me")
            .WithDescription("Offers of active merchants in my county, valid today, cheapest first, each with canRedeem and why not.");
        me.MapPost("/offers/{id:guid}/redeem", async (AppDb db, CurrentUser user, TimeProvider clock, Microsoft.Extensions.Options.IOptions<PointsOptions> options, Guid id) =>
                (await RedeemOffer.Handle(db, user, clock, options.Value, id)).ToHttp(a => TypedResults.Created($"{Api.Prefix}/me/volunteer/redemptions/{a.Id}", a)))
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("RedeemOffer").WithSummary("兑换商品 · Redeem an offer")
            .WithDescription("Spends the price, takes one from the stock and answers the 8-character code the merchant confirms before it expires. "
                + "409: balance, stock, stars, dates or an offer taken off; 404: not an offer of my county.");
        me.MapGet("/redemptions", async (AppDb db, CurrentUser user, int? page, int? size) => (await MyRedemptions.Handle(db, user, page, size)).ToOk())
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("ListMyRedemptions").WithSummary("我的兑换 · My redemptions")
            .WithDescription("My redemption codes newest first, with their status.");
        me.MapPost("/redemptions/{id:guid}/cancel", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id) => (await CloseRedemption.CancelAsync(db, user, clock, id)).ToOk())
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("CancelRedemption").WithSummary("取消兑换 · Cancel a redemption")
            .WithDescription("An unconfirmed redemption of mine: the points and the stock go back. 409 once confirmed, cancelled or expired.");
        me.MapPost("/points/donate", async (AppDb db, CurrentUser user, TimeProvider clock, DonatePoints.Request r) => (await DonatePoints.Handle(db, user, clock, r)).ToOk())
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("DonatePoints").WithSummary("积分转赠 · Donate points")
            .WithDescription("{volunteerNo, points, note}: where my region allows it (else 409); both entries in one transaction.")
            .ProducesValidationProblem();

        var m = api.MapGroup("/me/merchant").WithTags(Tag);
        m.MapGet("/", async (AppDb db, CurrentUser user, TimeProvider clock) => (await MerchantHome.Handle(db, user, clock)).ToOk())
            .RequirePermission(PointsPermissions.Merchant)
            .WithName("GetMyMerchant").WithSummary("商户首页 · My merchant")
            .WithDescription("The merchant my account keeps, codes to confirm and this quarter's figures. 404 when none is linked.");
        m.MapGet("/redemptions", async (AppDb db, CurrentUser user, RedemptionStatus? status, string? keyword, int? page, int? size) =>
                (await MerchantHome.RedemptionsAsync(db, user, status, keyword, page, size)).ToOk())
            .RequirePermission(PointsPermissions.Merchant)
            .WithName("ListMerchantRedemptions").WithSummary("兑换记录 · My merchant's redemptions")
            .WithDescription("?status=&keyword= (code, offer, volunteer's name)&page=&size=; newest first.");
        m.MapGet("/redemptions/{code}", async (AppDb db, CurrentUser user, string code) => (await MerchantHome.FindAsync(db, user, code)).ToOk())
            .RequirePermission(PointsPermissions.Merchant)
            .WithName("FindRedemptionByCode").WithSummary("查询兑换码 · Look up a code")
            .WithDescription("The offer, points, volunteer's name and status of one of my codes; another merchant's is 404.");
        m.MapPost("/redemptions/{code}/confirm", async (AppDb db, CurrentUser user, TimeProvider clock, string code) => (await CloseRedemption.ConfirmAsync(db, user, clock, code)).ToOk())
            .RequirePermission(PointsPermissions.Merchant)
            .WithName("ConfirmRedemption").WithSummary("核销兑换码 · Confirm a code")
            .WithDescription("Settles one of my codes. Another merchant's is 404 (nothing saved); confirmed, cancelled or expired 409.");
        m.MapGet("/offers", async (AppDb db, CurrentUser user) => (await SaveOffer.ListAsync(db, user)).ToOk())
            .RequirePermission(PointsPermissions.Merchant)
            .WithName("ListMyOffers").WithSummary("我的商品 · My offers")
            .WithDescription("My merchant's offers, newest first.");
        m.MapPost("/offers", async (AppDb db, CurrentUser user, TimeProvider clock, SaveOffer.Request r) =>
                (await SaveOffer.Handle(db, user, clock, null, r)).ToHttp(o => TypedResults.Created($"{Api.Prefix}/me/merchant/offers/{o.Id}", o)))
            .RequirePermission(PointsPermissions.Merchant)
            .WithName("AddOffer").WithSummary("新增商品 · Add an offer")
            .WithDescription("{title, description, pointsPrice, stock, validFrom, validTo (China dates), minStars 0–5, isOn}.")
            .ProducesValidationProblem();
        m.MapPut("/offers/{id:guid}", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id, SaveOffer.Request r) => (await SaveOffer.Handle(db, user, clock, id, r)).ToOk())
            .RequirePermission(PointsPermissions.Merchant)
            .WithName("EditOffer").WithSummary("修改商品 · Edit an offer")
            .WithDescription("As adding, with version; another merchant's offer is 404, a stale version 409.")
            .ProducesValidationProblem();
        m.MapGet("/stats", async (AppDb db, CurrentUser user, TimeProvider clock, int? year) => (await MerchantStats.MineAsync(db, user, clock, year)).ToOk())
            .RequirePermission(PointsPermissions.Merchant)
            .WithName("GetMyMerchantStats").WithSummary("季度统计 · My quarterly figures")
            .WithDescription("?year= (this year by default): per quarter redemptions, points, settled, expired, cancelled, pending.");

        var s = api.MapGroup("/merchants").WithTags(Tag);
        s.MapGet("/", async (AppDb db, [AsParameters] ListMerchants.Query q) => TypedResults.Ok(await ListMerchants.Handle(db, q)))
            .RequirePermission(PointsPermissions.ViewMerchants)
            .WithName("ListMerchants").WithSummary("美德信用商户 · List merchants")
            .WithDescription("Merchants of the scope: ?area=&keyword=&kind=&status=&page=&size=.");
        s.MapGet("/export", async (AppDb db, TimeProvider clock, [AsParameters] ListMerchants.Query q) =>
            {
                var (content, name) = await ExportMerchants.Handle(db, clock, q with { Page = null, Size = null });
                return TypedResults.File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
            })
            .RequirePermission(PointsPermissions.ViewMerchants)
            .ProducesFile([Platform.Export.Spreadsheet.XlsxContentType])
            .WithName("ExportMerchants").WithSummary("导出商户 · Export merchants")
            .WithDescription("The merchants as filtered (the conditions of ListMerchants, at most 10,000 rows) with this year's redemptions, as an Excel file; audited.");
        s.MapGet("/{id:guid}", async (AppDb db, TimeProvider clock, Guid id, int? year) => (await GetMerchant.Handle(db, clock, id, year)).ToOk())
            .RequirePermission(PointsPermissions.ViewMerchants)
            .WithName("GetMerchant").WithSummary("商户详情 · Get a merchant")
            .WithDescription("Details, offers and the quarters of ?year=. Out of scope 404.");
        s.MapPost("/", async (AppDb db, CurrentUser user, TimeProvider clock, SaveMerchant.Request r) =>
                (await SaveMerchant.Handle(db, user, clock, null, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/merchants/{c.Id}", c)))
            .RequirePermission(PointsPermissions.ManageMerchants)
            .WithName("RegisterMerchant").WithSummary("登记商户 · Register a merchant")
            .WithDescription("{areaCode (township or community in scope), name, kind Shop|PublicService, address, contact, accountUserName (a merchant account)}.")
            .ProducesValidationProblem();
        s.MapPut("/{id:guid}", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id, SaveMerchant.Request r) =>
                (await SaveMerchant.Handle(db, user, clock, id, r)).ToOk())
            .RequirePermission(PointsPermissions.ManageMerchants)
            .WithName("EditMerchant").WithSummary("修改商户 · Edit a merchant")
            .WithDescription("As registering, with status and version.")
            .ProducesValidationProblem();
    }
}
