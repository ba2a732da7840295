using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Charity;

/// <summary>
/// A disbursement request of a fund in scope: what it asks (fen), its votes and payments, how many approvals the decision rule needs,
/// who has yet to vote (and whether those with an account can still carry it), and — for the signed-in account — why it may not vote now (<see cref="CharityRules.VoteRefusal"/>), or null.
/// Failures: 404 (fund or request out of scope).
/// </summary>
public static class GetDisbursement
{
    /// <param name="Minutes">The meeting's minutes when the staff recorded the vote (<see cref="RecordMeetingVote"/>), else empty.</param>
    public sealed record Vote(string MemberName, bool Approve, string Comment, DateTimeOffset At, string Minutes = "", string RecordedByName = "");

    /// <summary>A serving voting member without an account who has not voted and need not stand aside: the staff may record their meeting vote.</summary>
    public sealed record OfflineMember(Guid Id, string Name);

    public sealed record Payment(Guid Id, long AmountFen, DateOnly PaidOn, string Method, string VoucherNo, string RecordedByName);

    /// <param name="LinkedTitle">The linked project's or need's title, or the wish as the wall shows it, when any.</param>
    /// <param name="Needed">Approvals that decide, of <paramref name="Voting"/> serving voting members.</param>
    /// <param name="NotYetVoted">Serving voting members who have not voted (those standing aside left out).</param>
    /// <param name="MyVoteRefusal">Why the signed-in account may not vote now; null when it may.</param>
    /// <param name="OfflineMembers">Whose meeting vote the staff may record now (<see cref="RecordMeetingVote"/>).</param>
    /// <param name="AwardId">The competition award it pays (ADR 0018): approved by the committee's decision (<paramref name="DecisionNo"/>,
    /// <paramref name="DecidedOn"/>) when the award was confirmed, paid with the award's tranches; null for a request voted here.</param>
    /// <param name="Stalled">In voting, when the members who can still vote online (those with an account) are too few to reach
    /// <paramref name="Needed"/>: who has no account yet (the staff link one on the committee tab); null otherwise.</param>
    public sealed record Response(Guid Id, Guid FundId, string FundNo, string FundName, long FundAvailableFen, string RequestNo, DisbursementPurpose Purpose,
        Guid? ProjectId, Guid? NeedId, Guid? WishId, string? LinkedTitle, string Title, long AmountFen, long PaidFen, long UnpaidFen, string Payee, string Justification,
        DisbursementStatus Status, string RaisedByName, DateTimeOffset RaisedAt, DateTimeOffset? DecidedAt, string ClosingNote,
        int Voting, int Needed, int Approvals, int Rejections, IReadOnlyList<string> NotYetVoted, IReadOnlyList<Vote> Votes, IReadOnlyList<Payment> Payments,
        string? MyVoteRefusal, string? Stalled = null, IReadOnlyList<OfflineMember>? OfflineMembers = null, Guid? AwardId = null, string? DecisionNo = null, DateOnly? DecidedOn = null);

    public static async Task<Result<Response>> Handle(AppDb db, CurrentUser user, TimeProvider clock, IOptions<CharityOptions> options, Guid fundId, Guid requestId,
        CancellationToken ct = default)
    {
        if (await db.Set<CommunityFund>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fundId, ct) is not { } fund) return Failure.NotFound();
        if (await db.Set<DisbursementRequest>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == requestId && x.FundId == fundId, ct) is not { } r) return Failure.NotFound();
        var today = ChinaTime.Today(clock);
        var members = await db.Set<FundCommitteeMember>().AsNoTracking().Where(m => m.FundId == fundId).ToListAsync(ct);
        var votes = await db.Set<DisbursementVote>().AsNoTracking().Where(v => v.RequestId == requestId).OrderBy(v => v.At).ThenBy(v => v.Id).ToListAsync(ct);
        var payments = await db.Set<DisbursementPayment>().AsNoTracking().Where(p => p.RequestId == requestId).OrderBy(p => p.PaidOn).ThenBy(p => p.Id)
            .Select(p => new Payment(p.Id, p.AmountFen, p.PaidOn, p.Method, p.VoucherNo, p.RecordedByName)).ToListAsync(ct);
        var linked = r.ProjectId is { } pid ? await db.Set<Projects.Project>().Where(p => p.Id == pid).Select(p => p.Title).FirstOrDefaultAsync(ct)
            : r.NeedId is { } nid ? await db.Set<Needs.Need>().Where(n => n.Id == nid).Select(n => n.Title).FirstOrDefaultAsync(ct)
            : r.WishId is { } wid && await db.Set<Wishes.Wish>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().FirstOrDefaultAsync(w => w.Id == wid, ct) is { } wish
                ? Wishes.WishFunding.Title(wish) : null;
        var voting = members.Where(m => m.Votes && m.ServesOn(today)).ToList();
        var voted = votes.Select(v => v.MemberId).ToHashSet();
        var notYet = r.Status == DisbursementStatus.Voting
            ? voting.Where(m => !voted.Contains(m.Id) && !CharityRules.StandsAside(m.UserId, m.Name, r.RaisedById, r.Payee)).Select(m => m.Name).ToList() : [];
        var refusal = CharityRules.VoteRefusal(members, votes, r, user.Id, today, options.Value, out _);
        var needed = options.Value.Needed(voting.Count);
        var waiting = voting.Where(m => notYet.Contains(m.Name)).ToList();
        var withoutAccount = waiting.Where(m => m.UserId is null).Select(m => m.Name).ToList();
        var stalled = r.Status == DisbursementStatus.Voting && withoutAccount.Count > 0 && votes.Count(v => v.Approve) + waiting.Count(m => m.UserId is not null) < needed
            ? Platform.Localization.Lang.T($"在线表决达不到通过所需的 {needed} 票：委员{string.Join("、", withoutAccount)}尚未关联平台账号，请在“管委会”中为其关联账号，或召开管委会会议后录入会议表决",
                $"Online votes cannot reach the {needed} approvals needed: {string.Join(", ", withoutAccount)} have no account yet; link one on the committee tab, or record the meeting's votes")
            : null;
        return new Response(r.Id, fund.Id, fund.FundNo, fund.Name, fund.AvailableFen, r.RequestNo, r.Purpose, r.ProjectId, r.NeedId, r.WishId, linked, r.Title, r.AmountFen, r.PaidFen,
            r.UnpaidFen, r.Payee, r.Justification, r.Status, r.RaisedByName, r.RaisedAt, r.DecidedAt, r.ClosingNote,
            voting.Count, options.Value.Needed(voting.Count), votes.Count(v => v.Approve), votes.Count(v => !v.Approve), notYet,
            votes.Select(v => new Vote(v.MemberName, v.Approve, v.Comment, v.At, v.Minutes, v.RecordedByName)).ToList(), payments, refusal?.Title, stalled,
            r.Status == DisbursementStatus.Voting ? waiting.Where(m => m.UserId is null).Select(m => new OfflineMember(m.Id, m.Name)).ToList() : [], r.AwardId, r.DecisionNo, r.DecidedOn);
    }
}
