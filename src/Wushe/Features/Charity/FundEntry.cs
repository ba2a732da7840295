using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Charity;

public enum FundEntryKind
{
    /// <summary>捐赠入账: money in (or the valued amount of goods).</summary>
    Donation = 1,
    /// <summary>捐赠冲正: reverses a donation recorded in error (a negative amount); the donation is marked reversed.</summary>
    DonationReversal = 2,
    /// <summary>预留: an approved request reserves its amount (reserved up, balance unchanged).</summary>
    Reservation = 3,
    /// <summary>释放: a reservation given back (reserved down).</summary>
    Release = 4,
    /// <summary>支付: a payment of an approved request (balance and reserved down).</summary>
    Payment = 5,
    /// <summary>转入 / 转出: between two funds (one entry each).</summary>
    TransferIn = 6,
    TransferOut = 7,
    /// <summary>
    /// 追回退回: money paid out and returned by the payee — unspent money clawed back from a competition award the fund paid
    /// (<see cref="AwardFunding.RefundAsync"/>): the balance up, the spending down (net spending, 冲减支出), recorded as a negative payment.
    /// </summary>
    Refund = 8,
}

/// <summary>
/// 基金台账: one movement of a fund, append-only (DESIGN.md "Money and points: ledgers"): the change of the balance (<see cref="AmountFen"/>)
/// and of the reserved amount (<see cref="ReservedFen"/>), in fen, numbered 1, 2, 3… within the fund (<see cref="Sequence"/>, unique).
/// The fund's <see cref="CommunityFund.BalanceFen"/> is the sum of the amounts, its <see cref="CommunityFund.ReservedFen"/> the sum of the
/// reservations: <see cref="CheckFundLedgers"/> verifies both. Corrections are new entries that reverse, never edits.
/// </summary>
public sealed class FundEntry : IAreaScoped
{
    private FundEntry() { AreaCode = Note = RecordedByName = ""; }

    internal FundEntry(CommunityFund fund, long sequence, FundEntryKind kind, long amountFen, long reservedFen, DateTimeOffset at, string note, string recordedByName, Guid? donationId,
        CommitteeDecision? decision = null)
    {
        DecisionNo = decision?.Number;
        DecidedOn = decision?.On;
        Id = Guid.CreateVersion7();
        FundId = fund.Id;
        AreaCode = fund.AreaCode;
        Sequence = sequence;
        Kind = kind;
        AmountFen = amountFen;
        ReservedFen = reservedFen;
        BalanceAfterFen = fund.BalanceFen;
        At = at.ToUniversalTime();
        Note = note;
        RecordedByName = recordedByName;
        DonationId = donationId;
    }

    public Guid Id { get; private set; }
    public Guid FundId { get; private set; }
    public string AreaCode { get; private set; }
    public long Sequence { get; private set; }
    public FundEntryKind Kind { get; private set; }
    /// <summary>The change of the balance, fen (negative for money out).</summary>
    public long AmountFen { get; private set; }
    /// <summary>The change of the reserved amount, fen.</summary>
    public long ReservedFen { get; private set; }
    /// <summary>The balance after this entry, fen.</summary>
    public long BalanceAfterFen { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Note { get; private set; }
    public string RecordedByName { get; private set; }
    public Guid? DonationId { get; private set; }
    /// <summary>决议编号 of the committee decision behind a transfer (1–<see cref="CommitteeDecision.NumberMax"/> characters); null for other movements.</summary>
    public string? DecisionNo { get; private set; }
    /// <summary>决议日期 (China date) of that decision; null for other movements.</summary>
    public DateOnly? DecidedOn { get; private set; }

    public static string KindLabel(FundEntryKind k) => k switch
    {
        FundEntryKind.Donation => Lang.T("捐赠入账", "Donation"),
        FundEntryKind.DonationReversal => Lang.T("捐赠冲正", "Donation reversed"),
        FundEntryKind.Reservation => Lang.T("预留", "Reserved"),
        FundEntryKind.Release => Lang.T("释放预留", "Released"),
        FundEntryKind.Payment => Lang.T("支付", "Payment"),
        FundEntryKind.TransferIn => Lang.T("转入", "Transfer in"),
        FundEntryKind.Refund => Lang.T("追回退回", "Refund"),
        _ => Lang.T("转出", "Transfer out"),
    };
}

/// <summary>
/// A committee decision a movement rests on (管委会决议): its number as the minutes write it (1–<see cref="NumberMax"/> characters) and its
/// China date. A transfer between funds carries one (<see cref="TransferBetweenFunds"/>).
/// </summary>
public sealed record CommitteeDecision(string Number, DateOnly On)
{
    public const int NumberMax = 50;
}
