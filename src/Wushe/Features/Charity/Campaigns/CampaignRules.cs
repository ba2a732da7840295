using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;

namespace Wushe.Features.Charity.Campaigns;

/// <summary>The campaign rules in one place: field limits, the funds a campaign may raise for, the campaigns a donation may answer.</summary>
public static class CampaignRules
{

    public const int NameMax = 50, DescriptionMax = 500, LongestDays = 366;

    /// <summary>The active funds of <paramref name="areaCode"/> and below, in scope: a campaign of that area may raise for these.</summary>
    public static IQueryable<CommunityFund> FundsFor(AppDb db, string areaCode) =>
        db.Set<CommunityFund>().Under(areaCode).Where(f => f.Status == FundStatus.Active);

    /// <summary>The campaigns raising for fund <paramref name="fundId"/> on <paramref name="day"/> (China date): a donation of that day may answer these.</summary>
    public static IQueryable<Campaign> OpenFor(AppDb db, Guid fundId, DateOnly day) =>
        from c in db.Set<Campaign>().IgnoreQueryFilters(AppDb.Unscoped)
        where c.StartsOn <= day && c.EndsOn >= day && db.Set<CampaignFund>().IgnoreQueryFilters(AppDb.Unscoped).Any(l => l.CampaignId == c.Id && l.FundId == fundId)
        select c;

    /// <summary>The campaigns in <paramref name="phase"/> on <paramref name="today"/> (China date), as <see cref="Campaign.PhaseOn"/> tells one campaign's.</summary>
    public static IQueryable<Campaign> InPhase(IQueryable<Campaign> campaigns, CampaignPhase phase, DateOnly today) => phase switch
    {
        CampaignPhase.Upcoming => campaigns.Where(c => c.StartsOn > today),
        CampaignPhase.Running => campaigns.Where(c => c.StartsOn <= today && c.EndsOn >= today),
        _ => campaigns.Where(c => c.EndsOn < today),
    };
}
