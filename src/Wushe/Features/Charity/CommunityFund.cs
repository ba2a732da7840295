using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Charity;

public enum FundStatus
{
    /// <summary>运行中: takes donations and pays.</summary>
    Active = 1,
    /// <summary>暂停: takes nothing in, pays nothing out; its ledger stays readable and public.</summary>
    Suspended = 2,
    /// <summary>已终止: final; the ledger stays readable and public.</summary>
    Closed = 3,
}

/// <summary>
/// 社区慈善基金: a named fund of a community or township whose money sits in a host charity's account (a registered foundation,
/// DOMAIN.md "Community charity funds"), named host + place + 社区慈善基金 (<see cref="NameFor"/>). Its balance and reservations are
/// roll-ups of its ledger (<see cref="FundEntry"/>), changed only by <see cref="FundLedger"/> under the fund's row lock, in fen.
/// </summary>
public sealed class CommunityFund : IAreaScoped
{
    private CommunityFund() { AreaCode = FundNo = Name = HostName = Purpose = StatusReason = CreatedByName = ""; }

    public CommunityFund(string areaCode, string fundNo, string name, Guid hostOrganizationId, string hostName, string purpose, DateOnly establishedOn,
        string createdByName, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        FundNo = fundNo;
        Name = name;
        HostOrganizationId = hostOrganizationId;
        HostName = hostName;
        Purpose = purpose;
        EstablishedOn = establishedOn;
        Status = FundStatus.Active;
        StatusReason = "";
        CreatedByName = createdByName;
        CreatedAt = at.ToUniversalTime();
    }

    public Guid Id { get; private set; }
    /// <summary>The community (12-digit, village level) or township the fund serves.</summary>
    public string AreaCode { get; private set; }
    /// <summary>基金编号: CF + the area's 12 digits + a two-digit number within the area (CF52050200100101); receipts carry it.</summary>
    public string FundNo { get; private set; }
    public string Name { get; private set; }
    /// <summary>The host charity (托管慈善组织): a foundation on the organization register.</summary>
    public Guid HostOrganizationId { get; private set; }
    public string HostName { get; private set; }
    public string Purpose { get; private set; }
    public DateOnly EstablishedOn { get; private set; }
    public FundStatus Status { get; private set; }
    public string StatusReason { get; private set; }
    /// <summary>Money held: the sum of the ledger's amounts, in fen; never below zero.</summary>
    public long BalanceFen { get; private set; }
    /// <summary>Money promised to approved requests not yet paid: the sum of the ledger's reservations, in fen; never above the balance.</summary>
    public long ReservedFen { get; private set; }
    /// <summary>Donations received, in fen (corrections included).</summary>
    public long IncomeFen { get; private set; }
    /// <summary>Payments made less money returned (<see cref="FundEntryKind.Refund"/>), in fen.</summary>
    public long SpentFen { get; private set; }
    /// <summary>Entries posted; the next entry's <see cref="FundEntry.Sequence"/> is this plus one.</summary>
    public long Entries { get; private set; }
    /// <summary>Receipts numbered so far (the receipt number's running part).</summary>
    public int Receipts { get; private set; }
    /// <summary>Disbursement requests numbered so far.</summary>
    public int Requests { get; private set; }
    public string CreatedByName { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>What may be promised now: the balance less what is reserved, in fen.</summary>
    public long AvailableFen => BalanceFen - ReservedFen;

    public void Edit(string name, Guid hostOrganizationId, string hostName, string purpose, DateOnly establishedOn)
    {
        Name = name;
        HostOrganizationId = hostOrganizationId;
        HostName = hostName;
        Purpose = purpose;
        EstablishedOn = establishedOn;
        Version++;
    }

    public void ChangeStatus(FundStatus status, string reason)
    {
        Status = status;
        StatusReason = reason;
        Version++;
    }

    internal FundEntry Post(FundEntryKind kind, long amountFen, long reservedFen, DateTimeOffset at, string note, string recordedByName, Guid? donationId,
        CommitteeDecision? decision = null)
    {
        BalanceFen += amountFen;
        ReservedFen += reservedFen;
        if (kind == FundEntryKind.Donation || kind == FundEntryKind.DonationReversal) IncomeFen += amountFen;
        if (kind is FundEntryKind.Payment or FundEntryKind.Refund) SpentFen -= amountFen;
        Entries++;
        Version++;
        return new FundEntry(this, Entries, kind, amountFen, reservedFen, at, note, recordedByName, donationId, decision);
    }

    internal string NextRequestNo()
    {
        Requests++;
        Version++;
        return $"{FundNo}-Z-{Requests:D5}";
    }

    internal string NextReceiptNo(int year)
    {
        Receipts++;
        return $"{FundNo}-{year}-{Receipts:D5}";
    }

    /// <summary>
    /// The name by the rule (DOMAIN.md): host charity + place + 社区慈善基金 — 七星关区慈善会 + 碧阳社区 → 七星关区慈善会碧阳社区慈善基金
    /// (a place already called …社区 is not doubled).
    /// </summary>
    public static string NameFor(string hostName, string placeName) =>
        placeName.EndsWith("社区", StringComparison.Ordinal) ? $"{hostName}{placeName}慈善基金" : $"{hostName}{placeName}社区慈善基金";

    public static string StatusLabel(FundStatus s) => s switch
    {
        FundStatus.Active => Lang.T("运行中", "Active"),
        FundStatus.Suspended => Lang.T("暂停", "Suspended"),
        _ => Lang.T("已终止", "Closed"),
    };
}

public enum CommitteeRole
{
    /// <summary>主任: chairs the committee; votes.</summary>
    Chair = 1,
    /// <summary>委员: votes.</summary>
    Member = 2,
    /// <summary>监督员: attends and sees everything; does not vote.</summary>
    Supervisor = 3,
}

/// <summary>
/// 管委会成员: a member of a fund's management committee, for a term; a voting member (chair or member) or a supervisor. An account
/// (Role.FundCommitteeMember) lets the member vote on the platform. Ending a term keeps the record (<see cref="EndedOn"/>).
/// </summary>
public sealed class FundCommitteeMember : IAreaScoped
{
    private FundCommitteeMember() { AreaCode = Name = Affiliation = ""; }

    public FundCommitteeMember(CommunityFund fund, string name, string affiliation, CommitteeRole role, Guid? userId, DateOnly termFrom, DateOnly termTo)
    {
        Id = Guid.CreateVersion7();
        FundId = fund.Id;
        AreaCode = fund.AreaCode;
        Name = name;
        Affiliation = affiliation;
        Role = role;
        UserId = userId;
        TermFrom = termFrom;
        TermTo = termTo;
    }

    public Guid Id { get; private set; }
    public Guid FundId { get; private set; }
    public string AreaCode { get; private set; }
    public string Name { get; private set; }
    /// <summary>身份或单位: 社区党委书记, 爱心企业代表, 居民代表….</summary>
    public string Affiliation { get; private set; }
    public CommitteeRole Role { get; private set; }
    /// <summary>The member's account (Role.FundCommitteeMember), when they vote on the platform.</summary>
    public Guid? UserId { get; private set; }
    public DateOnly TermFrom { get; private set; }
    public DateOnly TermTo { get; private set; }
    /// <summary>The China date the member left before the term's end; null while serving.</summary>
    public DateOnly? EndedOn { get; private set; }
    public int Version { get; private set; }

    public bool Votes => Role != CommitteeRole.Supervisor;

    /// <summary>Serving on <paramref name="day"/>: within the term and not ended.</summary>
    public bool ServesOn(DateOnly day) => TermFrom <= day && day <= TermTo && (EndedOn is null || day < EndedOn);

    public void End(DateOnly on)
    {
        EndedOn = on;
        Version++;
    }

    public static string RoleLabel(CommitteeRole r) => r switch
    {
        CommitteeRole.Chair => Lang.T("主任", "Chair"),
        CommitteeRole.Member => Lang.T("委员", "Member"),
        _ => Lang.T("监督员", "Supervisor"),
    };
}
