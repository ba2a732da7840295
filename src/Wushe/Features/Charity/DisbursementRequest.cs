using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Charity;

public enum DisbursementPurpose
{
    /// <summary>项目: a project of the loop (issue 8) the fund pays for.</summary>
    Project = 1,
    /// <summary>需求: a resident's need (急难愁盼).</summary>
    Need = 2,
    /// <summary>微心愿.</summary>
    MicroWish = 3,
    /// <summary>其他 (named in the title).</summary>
    Other = 9,
}

public enum DisbursementStatus
{
    /// <summary>表决中: the committee votes.</summary>
    Voting = 1,
    /// <summary>已批准: the amount is reserved; payments turn it into spending.</summary>
    Approved = 2,
    /// <summary>未通过.</summary>
    Rejected = 3,
    /// <summary>已支付: paid in full (or the rest released after a part).</summary>
    Paid = 4,
    /// <summary>已撤回: withdrawn before payment (a reservation released).</summary>
    Withdrawn = 5,
}

/// <summary>
/// 拨付申请: a social worker or community staff member asks a fund for money for a project, a need or a micro-wish — amount (fen), payee,
/// justification. The committee's serving voting members vote (<see cref="DisbursementVote"/>); the decision rule is configuration
/// (majority of voting members by default). Approval reserves the amount under the fund's row lock, never beyond the available
/// balance; payments (<see cref="DisbursementPayment"/>) spend it. Money moves only through <see cref="FundLedger"/>.
/// </summary>
public sealed class DisbursementRequest : IAreaScoped
{
    private DisbursementRequest() { AreaCode = RequestNo = Title = Payee = Justification = RaisedByName = ClosingNote = ""; }

    public DisbursementRequest(CommunityFund fund, string requestNo, DisbursementPurpose purpose, Guid? projectId, Guid? needId, Guid? wishId, string title, long amountFen,
        string payee, string justification, Guid? raisedById, string raisedByName, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        FundId = fund.Id;
        AreaCode = fund.AreaCode;
        RequestNo = requestNo;
        Purpose = purpose;
        ProjectId = projectId;
        NeedId = needId;
        WishId = wishId;
        Title = title;
        AmountFen = amountFen;
        Payee = payee;
        Justification = justification;
        Status = DisbursementStatus.Voting;
        RaisedById = raisedById;
        RaisedByName = raisedByName;
        RaisedAt = at.ToUniversalTime();
        ClosingNote = "";
    }

    public Guid Id { get; private set; }
    public Guid FundId { get; private set; }
    public string AreaCode { get; private set; }
    public string RequestNo { get; private set; }
    public DisbursementPurpose Purpose { get; private set; }
    public Guid? ProjectId { get; private set; }
    public Guid? NeedId { get; private set; }
    /// <summary>The micro-wish it funds (purpose <see cref="DisbursementPurpose.MicroWish"/>): off the wall while the request stands.</summary>
    public Guid? WishId { get; private set; }
    /// <summary>What it pays for, as the public page shows it: a project's or wish's title, never a child's or vulnerable person's name.</summary>
    public string Title { get; private set; }
    public long AmountFen { get; private set; }
    public string Payee { get; private set; }
    public string Justification { get; private set; }
    public DisbursementStatus Status { get; private set; }
    public Guid? RaisedById { get; private set; }
    public string RaisedByName { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    /// <summary>Paid so far, fen.</summary>
    public long PaidFen { get; private set; }
    /// <summary>Why it was withdrawn or the rest released (empty otherwise).</summary>
    public string ClosingNote { get; private set; }
    /// <summary>
    /// The competition award this request pays (a micro-venture call of this fund, ADR 0018): raised and approved when the award is
    /// confirmed, paid tranche by tranche as the award releases them, its rest released when the award stops — only through
    /// <see cref="AwardFunding"/>, never by hand (<see cref="PayDisbursement"/> and <see cref="ReleaseDisbursement"/> refuse it). Null otherwise.
    /// </summary>
    public Guid? AwardId { get; private set; }
    /// <summary>决议编号 of the committee decision that approved it without an online vote (an award's request); null for a voted one.</summary>
    public string? DecisionNo { get; private set; }
    /// <summary>决议日期 (China date) of that decision; null for a voted one.</summary>
    public DateOnly? DecidedOn { get; private set; }
    public int Version { get; private set; }

    internal void Decide(bool approved, DateTimeOffset at)
    {
        Status = approved ? DisbursementStatus.Approved : DisbursementStatus.Rejected;
        DecidedAt = at.ToUniversalTime();
        Version++;
    }

    /// <summary>
    /// Approved by the committee's recorded decision for competition award <paramref name="awardId"/> (the committee's approval of the
    /// award's list stands for the request: ADR 0018); the caller reserves the amount under the fund's lock.
    /// </summary>
    internal void ApproveForAward(Guid awardId, CommitteeDecision decision, DateTimeOffset at)
    {
        AwardId = awardId;
        DecisionNo = decision.Number;
        DecidedOn = decision.On;
        Decide(true, at);
    }

    internal void Pay(long fen)
    {
        PaidFen += fen;
        if (PaidFen == AmountFen) Status = DisbursementStatus.Paid;
        Version++;
    }

    /// <summary>Reserved and not yet paid, fen (0 unless approved).</summary>
    public long UnpaidFen => Status == DisbursementStatus.Approved ? AmountFen - PaidFen : 0;

    /// <summary>Withdrawn in voting, or the reserved rest given back: Withdrawn when nothing was paid, else Paid (for what was).</summary>
    internal void Close(string note)
    {
        Status = PaidFen == 0 ? DisbursementStatus.Withdrawn : DisbursementStatus.Paid;
        ClosingNote = note;
        Version++;
    }

    public static string StatusLabel(DisbursementStatus s) => s switch
    {
        DisbursementStatus.Voting => Lang.T("表决中", "Voting"),
        DisbursementStatus.Approved => Lang.T("已批准", "Approved"),
        DisbursementStatus.Rejected => Lang.T("未通过", "Rejected"),
        DisbursementStatus.Paid => Lang.T("已支付", "Paid"),
        _ => Lang.T("已撤回", "Withdrawn"),
    };

    public static string PurposeLabel(DisbursementPurpose p) => p switch
    {
        DisbursementPurpose.Project => Lang.T("项目", "Project"),
        DisbursementPurpose.Need => Lang.T("需求", "Need"),
        DisbursementPurpose.MicroWish => Lang.T("微心愿", "Micro-wish"),
        _ => Lang.T("其他", "Other"),
    };
}

/// <summary>
/// 表决: one serving voting member's approve or reject, with a comment; one per member and request. Cast online by the member's own
/// account, or — for a member without one — taken at a committee meeting and recorded by the staff with the meeting's minutes
/// (<see cref="Minutes"/>, <see cref="RecordedByName"/>; empty for an online vote).
/// </summary>
public sealed class DisbursementVote : IAreaScoped
{
    private DisbursementVote() { AreaCode = MemberName = Comment = Minutes = RecordedByName = ""; }

    public DisbursementVote(DisbursementRequest request, FundCommitteeMember member, bool approve, string comment, DateTimeOffset at, string minutes = "", string recordedByName = "")
    {
        Minutes = minutes;
        RecordedByName = recordedByName;
        Id = Guid.CreateVersion7();
        RequestId = request.Id;
        FundId = request.FundId;
        AreaCode = request.AreaCode;
        MemberId = member.Id;
        MemberName = member.Name;
        Approve = approve;
        Comment = comment;
        At = at.ToUniversalTime();
    }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid FundId { get; private set; }
    public string AreaCode { get; private set; }
    public Guid MemberId { get; private set; }
    public string MemberName { get; private set; }
    public bool Approve { get; private set; }
    public string Comment { get; private set; }
    public DateTimeOffset At { get; private set; }
    /// <summary>会议纪要: the meeting the vote was taken at (its minutes' number or date), for a vote recorded by the staff; else empty.</summary>
    public string Minutes { get; private set; }
    /// <summary>Who recorded a meeting's vote; empty for a vote cast online.</summary>
    public string RecordedByName { get; private set; }
}

/// <summary>
/// 支付记录: a payment of an approved request — China date, method, voucher number — posted as a Payment entry. A negative amount is money
/// the payee returned (追回: unspent money clawed back from a competition award, posted as a <see cref="FundEntryKind.Refund"/> entry), so the
/// payments of a request add up to what it cost the fund and those of a fund to its <see cref="CommunityFund.SpentFen"/>.
/// </summary>
public sealed class DisbursementPayment : IAreaScoped
{
    private DisbursementPayment() { AreaCode = Method = VoucherNo = RecordedByName = ""; }

    public DisbursementPayment(DisbursementRequest request, long amountFen, DateOnly paidOn, string method, string voucherNo, string recordedByName, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        RequestId = request.Id;
        FundId = request.FundId;
        AreaCode = request.AreaCode;
        AmountFen = amountFen;
        PaidOn = paidOn;
        Method = method;
        VoucherNo = voucherNo;
        RecordedByName = recordedByName;
        RecordedAt = at.ToUniversalTime();
    }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid FundId { get; private set; }
    public string AreaCode { get; private set; }
    /// <summary>Paid, fen; negative for money returned (追回).</summary>
    public long AmountFen { get; private set; }
    public DateOnly PaidOn { get; private set; }
    public string Method { get; private set; }
    public string VoucherNo { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
