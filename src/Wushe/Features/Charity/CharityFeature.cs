using Wushe.Platform.Composition;

namespace Wushe.Features.Charity;

/// <summary>Charity resources (慈善资源, issue 10): community charity funds with their ledgers, committees and donations.</summary>
public sealed class CharityFeature : IFeature
{
    public static readonly NavGroup Group = new("慈善资源", "Charity", "bi-heart", 450);

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.Configure<CharityOptions>(config.GetSection("Wushe:Charity"));
        services.Configure<Wishes.WishOptions>(config.GetSection("Wushe:Charity:Wishes"));
        if (config.GetValue("Wushe:Charity:Wishes:LapseInBackground", true)) services.AddHostedService<Wishes.WishLapseService>();
    }

    public void MapEndpoints(FeatureEndpoints endpoints)
    {
        CharityApi.Map(endpoints.Api);
        CharityApi.MapPublic(endpoints.PublicApi);
        Wishes.WishesApi.Map(endpoints.Api);
        Wishes.WishesApi.MapPublic(endpoints.PublicApi);
        Campaigns.CampaignsApi.Map(endpoints.Api);
        Campaigns.CampaignsApi.MapPublic(endpoints.PublicApi);
    }

    public IEnumerable<NavEntry> Nav =>
    [
        new(Group, 10, "社区慈善基金", "Community funds", "/Charity/Funds", "bi-piggy-bank", CharityPermissions.ViewFunds),
        new(Group, 11, "募捐活动", "Campaigns", "/Charity/Campaigns", "bi-megaphone", CharityPermissions.ViewFunds),
        new(Group, 12, "拨付申请", "Disbursements", "/Charity/Disbursements", "bi-cash-stack", CharityPermissions.ViewFunds),
        new(Group, 13, "慈善资金统计", "Charity report", "/Charity/Report", "bi-bar-chart", CharityPermissions.ViewFunds),
        new(Group, 15, "待我表决", "Awaiting my vote", "/Charity/Votes", "bi-hand-thumbs-up", CharityPermissions.VoteOnDisbursements),
        new(Group, 25, "微心愿", "Micro-wishes", "/Charity/Wishes", "bi-stars", CharityPermissions.ViewWishes),
        new(Group, 26, "我认领的心愿", "My wish claims", "/Charity/Wishes/Mine", "bi-gift", CharityPermissions.ClaimWishes),
        new(Group, 30, "我的捐赠", "My donations", "/Charity/Mine", "bi-receipt", CharityPermissions.Donor),
        new(Group, 20, "台账核对", "Ledger check", "/Charity/Funds/Check", "bi-clipboard-check", CharityPermissions.CheckLedgers),
    ];
}
