using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Charity.Wishes;

public enum WishStatus
{
    /// <summary>待核实: collected by a social worker (on a visit, from a notice board), not yet public.</summary>
    Collected = 1,
    /// <summary>待认领: verified as reasonable and on the wall under an alias.</summary>
    Published = 2,
    /// <summary>已认领: a claimer has it; they confirm contact within the period or the claim lapses.</summary>
    Claimed = 3,
    /// <summary>已送达: the claimer says it is delivered, with evidence.</summary>
    Delivered = 4,
    /// <summary>已圆梦: the social worker confirmed receipt on the recipient's behalf.</summary>
    Fulfilled = 5,
    /// <summary>不予发布: found unreasonable at verification, with the reason.</summary>
    Rejected = 6,
    /// <summary>基金资助中: a disbursement request of a community fund pays for it (off the wall); the worker confirms receipt once it is paid.</summary>
    Funded = 7,
}

public enum ClaimStatus
{
    /// <summary>认领中: claimed, contact not yet confirmed.</summary>
    Active = 1,
    /// <summary>已联系: the claimer confirmed contact with the community in time.</summary>
    Contacted = 2,
    /// <summary>已送达.</summary>
    Delivered = 3,
    /// <summary>已失效: no contact within the period; the wish went back to the wall with priority.</summary>
    Lapsed = 4,
    /// <summary>已放弃: the claimer gave it up; the wish went back with priority.</summary>
    Withdrawn = 5,
}

/// <summary>
/// 微心愿 (DOMAIN.md "Micro-wishes"): a child's or person in difficulty's small wish, collected by a social worker and linked to the
/// person in casework (<see cref="ResidentId"/>, never shown in public), verified, then published under an alias with the age and the
/// wish only ("小雨，9岁，想要一套绘本"). One claimer at a time (<see cref="ClaimId"/>, taken by an atomic update: a hundred claims at
/// once give one claimer). A lapsed or given-up claim sends it back to the wall with <see cref="Priority"/> raised.
/// </summary>
public sealed class Wish : IAreaScoped
{
    private Wish() { AreaCode = Alias = Item = Story = Contact = CollectedByName = StatusNote = ThankYou = ""; }

    public Wish(string areaCode, Guid residentId, string alias, int age, string item, string story, long valueFen, string contact, Guid? collectedById, string collectedByName,
        DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        ResidentId = residentId;
        Alias = alias;
        Age = age;
        Item = item;
        Story = story;
        ValueFen = valueFen;
        Contact = contact;
        Status = WishStatus.Collected;
        CollectedById = collectedById;
        CollectedByName = collectedByName;
        CollectedAt = at.ToUniversalTime();
        StatusNote = ThankYou = "";
    }

    public Guid Id { get; private set; }
    /// <summary>The community of the person (12 digits).</summary>
    public string AreaCode { get; private set; }
    /// <summary>The person in casework the wish is for: staff only.</summary>
    public Guid ResidentId { get; private set; }
    /// <summary>化名, as the wall shows it.</summary>
    public string Alias { get; private set; }
    /// <summary>Age in years when collected.</summary>
    public int Age { get; private set; }
    /// <summary>The wish itself: "一套绘本".</summary>
    public string Item { get; private set; }
    /// <summary>A sentence for the wall, with no identifying detail.</summary>
    public string Story { get; private set; }
    /// <summary>Its estimated value, fen.</summary>
    public long ValueFen { get; private set; }
    /// <summary>Whom a claimer contacts to arrange delivery (the worker or station and a phone): shown to the claimer only.</summary>
    public string Contact { get; private set; }
    public WishStatus Status { get; private set; }
    /// <summary>Why it was not published, or other notes of the social worker.</summary>
    public string StatusNote { get; private set; }
    /// <summary>Raised each time a claim lapses or is given up: the wall shows these first (DOMAIN.md: priority in the next round).</summary>
    public int Priority { get; private set; }
    /// <summary>The claim holding it now (Claimed, Delivered, Fulfilled), or null.</summary>
    public Guid? ClaimId { get; private set; }
    /// <summary>The disbursement request funding it (Funded, and Fulfilled after it), or null.</summary>
    public Guid? FundingRequestId { get; private set; }
    public Guid? CollectedById { get; private set; }
    public string CollectedByName { get; private set; }
    public DateTimeOffset CollectedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? FulfilledAt { get; private set; }
    /// <summary>感谢信: published on the wall once fulfilled (no name).</summary>
    public string ThankYou { get; private set; }
    public int Version { get; private set; }

    internal void Publish(string alias, string item, string story, DateTimeOffset at)
    {
        Alias = alias;
        Item = item;
        Story = story;
        Status = WishStatus.Published;
        PublishedAt = at.ToUniversalTime();
        Version++;
    }

    internal void Reject(string note)
    {
        Status = WishStatus.Rejected;
        StatusNote = note;
        Version++;
    }

    internal void Take(Guid claimId)
    {
        Status = WishStatus.Claimed;
        ClaimId = claimId;
        Version++;
    }

    /// <summary>Taken off the wall for a fund's disbursement request.</summary>
    internal void FundBy(Guid requestId)
    {
        Status = WishStatus.Funded;
        FundingRequestId = requestId;
        Version++;
    }

    /// <summary>Back on the wall with priority (a claim lapsed or was given up, a funding request was rejected or withdrawn).</summary>
    internal void Return()
    {
        Status = WishStatus.Published;
        ClaimId = null;
        FundingRequestId = null;
        Priority++;
        Version++;
    }

    internal void Delivered()
    {
        Status = WishStatus.Delivered;
        Version++;
    }

    internal void Fulfil(DateTimeOffset at)
    {
        Status = WishStatus.Fulfilled;
        FulfilledAt = at.ToUniversalTime();
        Version++;
    }

    internal void Thank(string text)
    {
        ThankYou = text;
        Version++;
    }

    public static string StatusLabel(WishStatus s) => s switch
    {
        WishStatus.Collected => Lang.T("待核实", "To verify"),
        WishStatus.Published => Lang.T("待认领", "Open"),
        WishStatus.Claimed => Lang.T("已认领", "Claimed"),
        WishStatus.Delivered => Lang.T("已送达", "Delivered"),
        WishStatus.Fulfilled => Lang.T("已圆梦", "Fulfilled"),
        WishStatus.Funded => Lang.T("基金资助中", "Funded by a fund"),
        _ => Lang.T("不予发布", "Not published"),
    };
}

/// <summary>
/// 认领: a donor's or volunteer's claim of a wish — the day contact with the social worker is due (claimed + the period, 7 days by
/// default; the claimer reads <see cref="Wish.Contact"/>), then contact confirmed, delivery with evidence, or lapse / giving up.
/// </summary>
public sealed class WishClaim : IAreaScoped
{
    private WishClaim() { AreaCode = ClaimerName = Evidence = ""; }

    public WishClaim(Wish wish, Guid claimerId, string claimerName, DateTimeOffset at, TimeSpan contactWithin)
    {
        Id = Guid.CreateVersion7();
        WishId = wish.Id;
        AreaCode = wish.AreaCode;
        ClaimerId = claimerId;
        ClaimerName = claimerName;
        Status = ClaimStatus.Active;
        ClaimedAt = at.ToUniversalTime();
        ContactDueAt = ClaimedAt + contactWithin;
        Evidence = "";
    }

    public Guid Id { get; private set; }
    public Guid WishId { get; private set; }
    public string AreaCode { get; private set; }
    /// <summary>The claimer's account.</summary>
    public Guid ClaimerId { get; private set; }
    public string ClaimerName { get; private set; }
    public ClaimStatus Status { get; private set; }
    public DateTimeOffset ClaimedAt { get; private set; }
    public DateTimeOffset ContactDueAt { get; private set; }
    public DateTimeOffset? ContactedAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    /// <summary>What was delivered, when and how, as the claimer tells it.</summary>
    public string Evidence { get; private set; }
    /// <summary>When it lapsed or was given up.</summary>
    public DateTimeOffset? EndedAt { get; private set; }
    public int Version { get; private set; }

    public bool Holds => Status is ClaimStatus.Active or ClaimStatus.Contacted or ClaimStatus.Delivered;

    internal void Contacted(DateTimeOffset at)
    {
        Status = ClaimStatus.Contacted;
        ContactedAt = at.ToUniversalTime();
        Version++;
    }

    internal void Deliver(string evidence, DateTimeOffset at)
    {
        Status = ClaimStatus.Delivered;
        Evidence = evidence;
        DeliveredAt = at.ToUniversalTime();
        Version++;
    }

    internal void End(ClaimStatus status, DateTimeOffset at)
    {
        Status = status;
        EndedAt = at.ToUniversalTime();
        Version++;
    }

    public static string StatusLabel(ClaimStatus s) => s switch
    {
        ClaimStatus.Active => Lang.T("待联系", "To contact"),
        ClaimStatus.Contacted => Lang.T("已联系", "Contacted"),
        ClaimStatus.Delivered => Lang.T("已送达", "Delivered"),
        ClaimStatus.Lapsed => Lang.T("已失效", "Lapsed"),
        _ => Lang.T("已放弃", "Given up"),
    };
}
