using Wushe.Platform.Composition;

namespace Wushe.Features.Volunteers.Points;

/// <summary>Points and virtue credit (积分 / 美德信用, issue 9): the ledger, merchants, offers, redemption.</summary>
public sealed class PointsFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.Configure<PointsOptions>(config.GetSection("Wushe:Points"));
        // Unconfirmed redemptions expire and refund in the background (tests turn it off and run ExpireRedemptions with their own clock).
        if (config.GetValue("Wushe:Points:ExpireInBackground", true)) services.AddHostedService<RedemptionExpiryService>();
    }

    public void MapEndpoints(FeatureEndpoints endpoints) => PointsApi.Map(endpoints.Api);

    /// <summary>The merchant's own menu group (a merchant account sees only this).</summary>
    public static readonly NavGroup Group = new("美德信用", "Virtue credit", "bi-shop", 410);

    public IEnumerable<NavEntry> Nav =>
    [
        new(VolunteersFeature.Group, 17, "我的积分", "My points", "/Volunteers/Points", "bi-coin", VolunteersPermissions.Self),
        new(VolunteersFeature.Group, 18, "积分兑换", "Redeem points", "/Volunteers/Points/Offers", "bi-gift", VolunteersPermissions.Self),
        new(VolunteersFeature.Group, 19, "我的兑换", "My redemptions", "/Volunteers/Points/Redemptions", "bi-ticket-perforated", VolunteersPermissions.Self),
        new(VolunteersFeature.Group, 7, "美德信用商户", "Virtue-credit merchants", "/Volunteers/Points/Merchants", "bi-shop", PointsPermissions.ViewMerchants),
        new(Group, 1, "商户首页 · 核销", "My merchant · confirm", "/Volunteers/Points/Shop", "bi-qr-code-scan", PointsPermissions.Merchant),
        new(Group, 2, "我的商品", "My offers", "/Volunteers/Points/Shop/Offers", "bi-box-seam", PointsPermissions.Merchant),
        new(Group, 3, "兑换记录", "Redemptions", "/Volunteers/Points/Shop/Redemptions", "bi-receipt", PointsPermissions.Merchant),
    ];
}
