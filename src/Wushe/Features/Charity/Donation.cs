using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Charity;

public enum DonorKind
{
    /// <summary>企业.</summary>
    Enterprise = 1,
    /// <summary>社会组织 (or another body: a school, a unit).</summary>
    Organization = 2,
    /// <summary>个人.</summary>
    Individual = 3,
}

public enum DonationChannel
{
    /// <summary>银行转账.</summary>
    BankTransfer = 1,
    /// <summary>微信.</summary>
    WeChat = 2,
    /// <summary>支付宝.</summary>
    Alipay = 3,
    /// <summary>现金 (a donation box, a charity sale).</summary>
    Cash = 4,
    /// <summary>物资 (goods handed over).</summary>
    InKind = 5,
    /// <summary>其他.</summary>
    Other = 9,
}

/// <summary>
/// 捐赠: money or goods given to a fund, posted to its ledger as one entry (<see cref="FundLedger"/>) with a numbered receipt
/// (<see cref="ReceiptNo"/>: the fund's number, the year and a running number — CF52050200100101-2026-00001). Goods carry their list
/// and a valued amount. A donor may ask to stay anonymous on public pages (匿名). A donation recorded in error is reversed by an entry,
/// never deleted (<see cref="ReversedAt"/>).
/// </summary>
public sealed class Donation : IAreaScoped
{
    private Donation() { AreaCode = DonorName = Items = Note = ReceiptNo = RecordedByName = ""; }

    public Donation(CommunityFund fund, DonorKind donorKind, string donorName, bool anonymous, Guid? donorUserId, DonationChannel channel, long amountFen,
        string items, DateOnly donatedOn, string note, string receiptNo, Guid? recordedById, string recordedByName, DateTimeOffset at, Guid? campaignId = null)
    {
        CampaignId = campaignId;
        Id = Guid.CreateVersion7();
        FundId = fund.Id;
        AreaCode = fund.AreaCode;
        DonorKind = donorKind;
        DonorName = donorName;
        Anonymous = anonymous;
        DonorUserId = donorUserId;
        Channel = channel;
        AmountFen = amountFen;
        Items = items;
        DonatedOn = donatedOn;
        Note = note;
        ReceiptNo = receiptNo;
        RecordedById = recordedById;
        RecordedByName = recordedByName;
        RecordedAt = at.ToUniversalTime();
    }

    public Guid Id { get; private set; }
    public Guid FundId { get; private set; }
    public string AreaCode { get; private set; }
    public DonorKind DonorKind { get; private set; }
    public string DonorName { get; private set; }
    /// <summary>Shown as 爱心人士 / 爱心企业 on public pages.</summary>
    public bool Anonymous { get; private set; }
    /// <summary>The donor's account (Role.Donor), who then sees the donation and its receipt.</summary>
    public Guid? DonorUserId { get; private set; }
    public DonationChannel Channel { get; private set; }
    /// <summary>The amount, or the goods' valued amount, in fen (above 0).</summary>
    public long AmountFen { get; private set; }
    /// <summary>物资清单 of a donation in kind (empty for money).</summary>
    public string Items { get; private set; }
    public DateOnly DonatedOn { get; private set; }
    public string Note { get; private set; }
    public string ReceiptNo { get; private set; }
    /// <summary>The campaign it answered (中华慈善日…), counted in its progress: <see cref="Campaigns.Campaign"/>.</summary>
    public Guid? CampaignId { get; private set; }
    public Guid? RecordedById { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public DateTimeOffset? ReversedAt { get; private set; }
    public string? ReversalReason { get; private set; }

    public bool InKind => Channel == DonationChannel.InKind;

    internal void Reverse(DateTimeOffset at, string reason)
    {
        ReversedAt = at.ToUniversalTime();
        ReversalReason = reason;
    }

    /// <summary>The donor as public pages show them: the name, or 爱心人士 / 爱心企业 / 爱心单位 when anonymous.</summary>
    public static string PublicDonor(DonorKind kind, string name, bool anonymous) => !anonymous ? name : kind switch
    {
        DonorKind.Enterprise => Lang.T("爱心企业", "A caring enterprise"),
        DonorKind.Organization => Lang.T("爱心单位", "A caring organization"),
        _ => Lang.T("爱心人士", "A caring donor"),
    };

    public static string DonorKindLabel(DonorKind k) => k switch
    {
        DonorKind.Enterprise => Lang.T("企业", "Enterprise"),
        DonorKind.Organization => Lang.T("社会组织或单位", "Organization"),
        _ => Lang.T("个人", "Individual"),
    };

    public static string ChannelLabel(DonationChannel c) => c switch
    {
        DonationChannel.BankTransfer => Lang.T("银行转账", "Bank transfer"),
        DonationChannel.WeChat => Lang.T("微信", "WeChat"),
        DonationChannel.Alipay => Lang.T("支付宝", "Alipay"),
        DonationChannel.Cash => Lang.T("现金", "Cash"),
        DonationChannel.InKind => Lang.T("物资捐赠", "In kind"),
        _ => Lang.T("其他", "Other"),
    };
}
