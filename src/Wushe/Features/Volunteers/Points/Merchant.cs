using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Volunteers.Points;

public enum MerchantKind
{
    /// <summary>商户: a shop or business offering goods or discounts.</summary>
    Shop = 1,
    /// <summary>公共服务: a public service (a library, a clinic, a bath house of the street office…).</summary>
    PublicService = 2,
}

public enum MerchantStatus
{
    Active = 1,
    /// <summary>停用: its offers are hidden; its pending codes may still be confirmed.</summary>
    Suspended = 2,
}

/// <summary>
/// 美德信用商户: a merchant or public service that takes volunteers' points, registered by the station or community of its township
/// or community, linked to one merchant account (<see cref="UserId"/>, Role.Merchant) who keeps its offers and confirms codes.
/// </summary>
public sealed class Merchant : IAreaScoped
{
    private Merchant() { AreaCode = Name = Address = Contact = RegisteredByName = ""; }

    public Merchant(string areaCode, string name, MerchantKind kind, string address, string contact, Guid? userId, string registeredByName, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        Name = name;
        Kind = kind;
        Address = address;
        Contact = contact;
        UserId = userId;
        Status = MerchantStatus.Active;
        RegisteredByName = registeredByName;
        RegisteredAt = at.ToUniversalTime();
    }

    public Guid Id { get; private set; }
    public string AreaCode { get; private set; }
    public string Name { get; private set; }
    public MerchantKind Kind { get; private set; }
    public string Address { get; private set; }
    /// <summary>联系人及电话 as the business publishes it (a shop's counter phone, not a person's record).</summary>
    public string Contact { get; private set; }
    /// <summary>The merchant account (Role.Merchant) that keeps the offers and confirms codes.</summary>
    public Guid? UserId { get; private set; }
    public MerchantStatus Status { get; private set; }
    public string RegisteredByName { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public int Version { get; private set; }

    public void Edit(string areaCode, string name, MerchantKind kind, string address, string contact, Guid? userId, MerchantStatus status)
    {
        AreaCode = areaCode;
        Name = name;
        Kind = kind;
        Address = address;
        Contact = contact;
        UserId = userId;
        Status = status;
        Version++;
    }

    public static string KindLabel(MerchantKind k) => k == MerchantKind.PublicService ? Lang.T("公共服务", "Public service") : Lang.T("商户", "Shop");

    public static string StatusLabel(MerchantStatus s) => s == MerchantStatus.Suspended ? Lang.T("停用", "Suspended") : Lang.T("正常", "Active");
}

/// <summary>
/// 兑换商品: goods or a preferential service for a price in points, with a stock that never goes below zero (taken under the offer's
/// row lock), valid between two China dates, for volunteers of at least <see cref="MinStars"/>. In the merchant's area.
/// </summary>
public sealed class Offer : IAreaScoped
{
    private Offer() { AreaCode = Title = Description = ""; }

    public Offer(Merchant merchant, string title, string description, int pointsPrice, int stock, DateOnly validFrom, DateOnly validTo, int minStars, bool isOn, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        MerchantId = merchant.Id;
        AreaCode = merchant.AreaCode;
        CreatedAt = at.ToUniversalTime();
        Title = Description = "";
        Edit(title, description, pointsPrice, stock, validFrom, validTo, minStars, isOn);
    }

    public Guid Id { get; private set; }
    public Guid MerchantId { get; private set; }
    public string AreaCode { get; private set; }
    public string Title { get; private set; }
    public string Description { get; private set; }
    public int PointsPrice { get; private set; }
    /// <summary>Left to redeem; a redemption takes one, a cancelled or expired one gives it back.</summary>
    public int Stock { get; private set; }
    public DateOnly ValidFrom { get; private set; }
    public DateOnly ValidTo { get; private set; }
    public int MinStars { get; private set; }
    public bool IsOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    public void Edit(string title, string description, int pointsPrice, int stock, DateOnly validFrom, DateOnly validTo, int minStars, bool isOn)
    {
        Title = title;
        Description = description;
        PointsPrice = pointsPrice;
        Stock = stock;
        ValidFrom = validFrom;
        ValidTo = validTo;
        MinStars = minStars;
        IsOn = isOn;
        Version++;
    }

    internal void Take()
    {
        if (Stock <= 0) throw new InvalidOperationException("An offer's stock would go below zero.");
        Stock--;
        Version++;
    }

    internal void GiveBack()
    {
        Stock++;
        Version++;
    }

    public bool ValidOn(DateOnly day) => ValidFrom <= day && day <= ValidTo;
}

public enum RedemptionStatus
{
    /// <summary>待核销: the code waits for the merchant.</summary>
    Pending = 1,
    /// <summary>已核销: the merchant confirmed it.</summary>
    Settled = 2,
    /// <summary>已取消: the volunteer cancelled it; points and stock returned.</summary>
    Cancelled = 3,
    /// <summary>已过期: not confirmed in time; points and stock returned.</summary>
    Expired = 4,
}

/// <summary>
/// 兑换记录: a volunteer's redemption of an offer, with its unguessable 8-character code the merchant confirms. Kept in the merchant's
/// area; the merchant reads and settles only their own.
/// </summary>
public sealed class Redemption : IAreaScoped
{
    private Redemption() { AreaCode = Code = OfferTitle = VolunteerName = VolunteerAreaCode = ""; }

    internal Redemption(string code, Offer offer, Volunteer volunteer, Guid accountId, DateTimeOffset at, DateTimeOffset expiresAt)
    {
        Id = Guid.CreateVersion7();
        Code = code;
        OfferId = offer.Id;
        MerchantId = offer.MerchantId;
        AreaCode = offer.AreaCode;
        OfferTitle = offer.Title;
        Points = offer.PointsPrice;
        VolunteerId = volunteer.Id;
        VolunteerName = volunteer.Name;
        VolunteerAreaCode = volunteer.AreaCode;
        AccountId = accountId;
        Status = RedemptionStatus.Pending;
        CreatedAt = at.ToUniversalTime();
        ExpiresAt = expiresAt.ToUniversalTime();
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; }
    public Guid OfferId { get; private set; }
    public Guid MerchantId { get; private set; }
    public string AreaCode { get; private set; }
    public string OfferTitle { get; private set; }
    public int Points { get; private set; }
    public Guid VolunteerId { get; private set; }
    public string VolunteerName { get; private set; }
    public string VolunteerAreaCode { get; private set; }
    public Guid AccountId { get; private set; }
    public RedemptionStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    /// <summary>When it was settled, cancelled or expired.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }
    public int Version { get; private set; }

    internal void Close(RedemptionStatus status, DateTimeOffset at)
    {
        if (Status != RedemptionStatus.Pending) throw new InvalidOperationException("Only a pending redemption closes.");
        Status = status;
        ClosedAt = at.ToUniversalTime();
        Version++;
    }

    public static string StatusLabel(RedemptionStatus s) => s switch
    {
        RedemptionStatus.Pending => Lang.T("待核销", "To confirm"),
        RedemptionStatus.Settled => Lang.T("已核销", "Confirmed"),
        RedemptionStatus.Cancelled => Lang.T("已取消", "Cancelled"),
        RedemptionStatus.Expired => Lang.T("已过期", "Expired"),
        _ => s.ToString(),
    };
}
