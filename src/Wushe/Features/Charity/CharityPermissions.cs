using Wushe.Platform.Access;

namespace Wushe.Features.Charity;

public static class CharityPermissions
{
    public const string DonorPolicy = "charity.donor";
    public const string ViewFundsPolicy = "charity.funds.view", ManageFundsPolicy = "charity.funds.manage", RecordDonationsPolicy = "charity.donations.record",
        CheckLedgersPolicy = "charity.ledgers.check", DisburseFundsPolicy = "charity.disbursements.keep", VoteOnDisbursementsPolicy = "charity.disbursements.vote",
        KeepWishesPolicy = "charity.wishes.keep", ViewWishesPolicy = "charity.wishes.view", ClaimWishesPolicy = "charity.wishes.claim";

    /// <summary>The funds of the scope, their ledgers, donations and committees: bureaus, stations, communities and committee members (their area).</summary>
    public static readonly Permission ViewFunds = new(ViewFundsPolicy, Role.BureauStaff, Role.StationWorker, Role.CommunityStaff, Role.FundCommitteeMember);

    /// <summary>Set up a fund, edit it, change its status, keep its committee: the bureau and the township station (DOMAIN.md: a host charity's fund of a community).</summary>
    public static readonly Permission ManageFunds = new(ManageFundsPolicy, Role.BureauStaff, Role.StationWorker);

    /// <summary>Record donations to a fund and reverse one recorded in error: the station's full-time social worker and the community (基金专职社工).</summary>
    public static readonly Permission RecordDonations = new(RecordDonationsPolicy, Role.StationWorker, Role.CommunityStaff);

    /// <summary>Raise a disbursement request, record its payments, withdraw it or release its rest: the station's social worker and the community (申请拨付).</summary>
    public static readonly Permission DisburseFunds = new(DisburseFundsPolicy, Role.StationWorker, Role.CommunityStaff);

    /// <summary>Vote on a fund's requests (表决): committee members — the vote itself checks that the account serves on this fund's committee.</summary>
    public static readonly Permission VoteOnDisbursements = new(VoteOnDisbursementsPolicy, Role.FundCommitteeMember);

    /// <summary>Collect, verify and publish micro-wishes, confirm receipt and publish thanks: the station's social worker and the community.</summary>
    public static readonly Permission KeepWishes = new(KeepWishesPolicy, Role.StationWorker, Role.CommunityStaff);

    /// <summary>Read the micro-wishes of the scope (the person's name shown only to those who keep them): bureaus too.</summary>
    public static readonly Permission ViewWishes = new(ViewWishesPolicy, Role.BureauStaff, Role.StationWorker, Role.CommunityStaff);

    /// <summary>Claim a wish from the wall and fulfil it: donors and volunteers (认领).</summary>
    public static readonly Permission ClaimWishes = new(ClaimWishesPolicy, Role.Donor, Role.Volunteer);

    /// <summary>A donor's own donations and receipts (我的捐赠).</summary>
    public static readonly Permission Donor = new(DonorPolicy, Role.Donor);

    /// <summary>Run the ledger check over every fund of the scope (台账核对).</summary>
    public static readonly Permission CheckLedgers = new(CheckLedgersPolicy, Role.BureauStaff, Role.StationWorker);
}
