using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Volunteers.Points;

/// <summary>What moved points on an account (DOMAIN.md "Points and virtue credit": every movement is an entry).</summary>
public enum PointsEntryKind
{
    /// <summary>获得: final hours earned points at the region's rate.</summary>
    Earn = 1,
    /// <summary>兑换: spent on an offer.</summary>
    Spend = 2,
    /// <summary>退回: a redemption cancelled or expired gave its points back.</summary>
    Refund = 3,
    /// <summary>转赠他人: given to another volunteer.</summary>
    DonateOut = 4,
    /// <summary>受赠: received from another volunteer.</summary>
    DonateIn = 5,
    /// <summary>冲正: hours corrected downward took back points earned.</summary>
    Reversal = 6,
    /// <summary>过期: points lapsed (a region's rule; none expire by default).</summary>
    Expiry = 7,
}

/// <summary>
/// 积分账户: one per volunteer. <see cref="Balance"/> is a roll-up of the account's <see cref="PointsEntry"/> rows (a test reconciles
/// them), written only by <see cref="PointsLedger.Post"/> under the account's row lock, so it never goes below zero however many
/// spend at once. Kept in the volunteer's community (whose staff see it).
/// </summary>
public sealed class PointsAccount : IAreaScoped
{
    private PointsAccount() { AreaCode = ""; }

    public PointsAccount(Guid volunteerId, string areaCode, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        VolunteerId = volunteerId;
        AreaCode = areaCode;
        OpenedAt = at.ToUniversalTime();
    }

    public Guid Id { get; private set; }
    public Guid VolunteerId { get; private set; }
    public string AreaCode { get; private set; }
    /// <summary>Whole points held: Σ entries' points.</summary>
    public int Balance { get; private set; }
    /// <summary>Points ever earned (Σ Earn − Σ Reversal), what the cap is read against when a region counts earnings.</summary>
    public int Earned { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public int Version { get; private set; }

    internal void Apply(PointsEntryKind kind, int points)
    {
        if (Balance + points < 0) throw new InvalidOperationException($"A points balance would go below zero ({Balance} + {points}).");
        Balance += points;
        if (kind is PointsEntryKind.Earn or PointsEntryKind.Reversal) Earned += points;
        Version++;
    }
}

/// <summary>
/// 积分流水: one movement of points, never changed afterwards. <see cref="Points"/> is signed (+ in, − out); <see cref="BalanceAfter"/>
/// is the account's balance once it was posted. The source names what caused it: the final hour record, the redemption, or the
/// other volunteer of a donation.
/// </summary>
public sealed class PointsEntry : IAreaScoped
{
    private PointsEntry() { AreaCode = Note = ""; }

    internal PointsEntry(PointsAccount account, PointsEntryKind kind, int points, DateTimeOffset at, string note, Guid? hourRecordId, Guid? redemptionId, Guid? otherVolunteerId)
    {
        Id = UUIDNext.Uuid.NewSequential();
        AccountId = account.Id;
        VolunteerId = account.VolunteerId;
        AreaCode = account.AreaCode;
        Kind = kind;
        Points = points;
        BalanceAfter = account.Balance;
        // Taken under the account's lock: the account's n-th movement. Requests that raced for the lock read their clocks
        // before it, so At may disagree with the posting order; the ledger reads by Sequence, and each line's balance
        // follows from the one below it.
        Sequence = account.Version;
        At = at.ToUniversalTime();
        Note = note;
        HourRecordId = hourRecordId;
        RedemptionId = redemptionId;
        OtherVolunteerId = otherVolunteerId;
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public Guid VolunteerId { get; private set; }
    public string AreaCode { get; private set; }
    public PointsEntryKind Kind { get; private set; }
    public int Points { get; private set; }
    public int BalanceAfter { get; private set; }
    /// <summary>1 for the account's first movement, then 2, 3 …: the posting order (the order the account's lock was held in).</summary>
    public int Sequence { get; private set; }
    public Guid? HourRecordId { get; private set; }
    public Guid? RedemptionId { get; private set; }
    public Guid? OtherVolunteerId { get; private set; }
    public string Note { get; private set; }
    public DateTimeOffset At { get; private set; }

    public static string KindLabel(PointsEntryKind k) => k switch
    {
        PointsEntryKind.Earn => Lang.T("服务获得", "Earned"),
        PointsEntryKind.Spend => Lang.T("兑换", "Redeemed"),
        PointsEntryKind.Refund => Lang.T("兑换退回", "Refunded"),
        PointsEntryKind.DonateOut => Lang.T("转赠他人", "Donated"),
        PointsEntryKind.DonateIn => Lang.T("受赠", "Received"),
        PointsEntryKind.Reversal => Lang.T("时长更正冲减", "Reversed"),
        PointsEntryKind.Expiry => Lang.T("过期", "Expired"),
        _ => k.ToString(),
    };
}
