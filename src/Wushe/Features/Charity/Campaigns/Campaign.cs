using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Charity.Campaigns;

public enum CampaignPhase
{
    /// <summary>未开始.</summary>
    Upcoming = 1,
    /// <summary>进行中.</summary>
    Running = 2,
    /// <summary>已结束.</summary>
    Ended = 3,
}

/// <summary>
/// 募捐活动: a fundraising campaign of an area — 中华慈善日 (5 September) and the like — with a target (fen), a period (China dates) and the
/// funds it raises for (<see cref="CampaignFund"/>, active funds of its area). A donation names it (<see cref="Donation.CampaignId"/>) when
/// given to a linked fund within the period; its progress is the sum of those donations, reversed ones left out.
/// </summary>
public sealed class Campaign : IAreaScoped
{
    private Campaign() { AreaCode = Name = Description = CreatedByName = ""; }

    public Campaign(string areaCode, string name, string description, DateOnly startsOn, DateOnly endsOn, long targetFen, Guid? createdById, string createdByName, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        CreatedById = createdById;
        CreatedByName = createdByName;
        CreatedAt = at.ToUniversalTime();
        Name = Description = "";
        Change(name, description, startsOn, endsOn, targetFen);
    }

    public Guid Id { get; private set; }
    /// <summary>The area it is run in (12 digits): its funds are of this area or below.</summary>
    public string AreaCode { get; private set; }
    public string Name { get; private set; }
    public string Description { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    /// <summary>募捐目标, fen.</summary>
    public long TargetFen { get; private set; }
    public Guid? CreatedById { get; private set; }
    public string CreatedByName { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    internal void Change(string name, string description, DateOnly startsOn, DateOnly endsOn, long targetFen)
    {
        Name = name;
        Description = description;
        StartsOn = startsOn;
        EndsOn = endsOn;
        TargetFen = targetFen;
        Version++;
    }

    public static CampaignPhase PhaseOn(DateOnly startsOn, DateOnly endsOn, DateOnly day) =>
        day < startsOn ? CampaignPhase.Upcoming : day > endsOn ? CampaignPhase.Ended : CampaignPhase.Running;

    public static string PhaseLabel(CampaignPhase p) => p switch
    {
        CampaignPhase.Upcoming => Lang.T("未开始", "Upcoming"),
        CampaignPhase.Running => Lang.T("进行中", "Running"),
        _ => Lang.T("已结束", "Ended"),
    };
}

/// <summary>A fund a campaign raises for.</summary>
public sealed class CampaignFund : IAreaScoped
{
    private CampaignFund() { AreaCode = ""; }

    public CampaignFund(Campaign campaign, CommunityFund fund)
    {
        CampaignId = campaign.Id;
        FundId = fund.Id;
        AreaCode = campaign.AreaCode;
    }

    public Guid CampaignId { get; private set; }
    public Guid FundId { get; private set; }
    /// <summary>The campaign's area.</summary>
    public string AreaCode { get; private set; }
}
