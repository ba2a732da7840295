using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>
/// 表决: a serving voting member of the fund's committee — the signed-in account linked to the member — approves
/// or rejects a request in voting, once. Refused: not a serving voting member of this fund (403; a supervisor sees everything but does not
/// vote); the rest as <see cref="CharityRules.VoteRefusal"/> says (回避, a second vote, the committee incomplete: 409). The vote that
/// reaches the decision rule (<see cref="CharityOptions.DecisionRule"/>) approves — reserving the amount under the fund's row lock, refused
/// with nothing saved when the available balance is smaller (two approvals racing for the last of it: one succeeds) — or rejects.
/// </summary>
public static class VoteOnDisbursement
{
    public sealed record Request([property: Label("表决意见", "Vote")] bool? Approve, [property: Label("说明", "Comment")] string? Comment);

    public sealed record Voted(Guid RequestId, DisbursementStatus Status, int Approvals, int Rejections, int Needed);

    public static async Task<Result<Voted>> Handle(AppDb db, CurrentUser user, TimeProvider clock, IOptions<CharityOptions> options, Guid fundId, Guid requestId, Request r,
        CancellationToken ct = default)
    {
        var errors = new Errors().Text("comment", r.Comment, "说明", "The comment", 0, 200, required: false);
        if (r.Approve is null) errors.Add("approve", Lang.T("请选择同意或不同意", "Choose approve or reject"));
        if (errors.Any) return errors.ToFailure();
        var today = ChinaTime.Today(clock);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (await FundLedger.LockAsync(db, fundId, requestId, ct) is not ({ } fund, { } request)) return Failure.NotFound();
        var members = await db.Set<FundCommitteeMember>().Where(m => m.FundId == fundId).ToListAsync(ct);
        var votes = await db.Set<DisbursementVote>().Where(v => v.RequestId == requestId).ToListAsync(ct);
        if (CharityRules.VoteRefusal(members, votes, request, user.Id, today, options.Value, out var me) is { } refusal) return refusal;

        return await CastAsync(db, options.Value, fund, request, members, votes, new DisbursementVote(request, me!, r.Approve!.Value, r.Comment?.Trim() ?? "", clock.GetUtcNow()),
            today, tx, ct);
    }

    /// <summary>
    /// Counts <paramref name="vote"/> (one that may be cast: <see cref="CharityRules.SeatRefusal"/>) under the fund's lock held by the
    /// caller: the vote that reaches the decision rule approves — reserving the amount, refused with nothing saved when the available
    /// balance is smaller — or rejects; saves and commits. Shared by the online vote and the meeting's vote (<see cref="RecordMeetingVote"/>).
    /// </summary>
    internal static async Task<Result<Voted>> CastAsync(AppDb db, CharityOptions options, CommunityFund fund, DisbursementRequest request,
        List<FundCommitteeMember> members, List<DisbursementVote> votes, DisbursementVote vote, DateOnly today,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? tx, CancellationToken ct)
    {
        var now = vote.At;
        db.Add(vote);
        votes.Add(vote);
        var voting = members.Count(m => m.Votes && m.ServesOn(today));
        var needed = options.Needed(voting);
        var (yes, no) = (votes.Count(v => v.Approve), votes.Count(v => !v.Approve));
        if (yes >= needed)
        {
            if (fund.AvailableFen < request.AmountFen)
                return Failure.Conflict(Lang.T($"可用余额 {Money.Yuan(fund.AvailableFen)} 不足 {Money.Yuan(request.AmountFen)}，不能批准；表决未记录",
                    $"The available balance {Money.Yuan(fund.AvailableFen)} is less than {Money.Yuan(request.AmountFen)}: it cannot be approved; the vote is not recorded"));
            request.Decide(true, now);
            FundLedger.Post(db, fund, FundEntryKind.Reservation, 0, request.AmountFen, now, $"批准预留 {request.RequestNo}：{request.Title}", vote.MemberName);
        }
        else if (no > voting - needed) request.Decide(false, now);
        await Wishes.WishFunding.SettleAsync(db, request, ct);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return new Voted(request.Id, request.Status, yes, no, needed);
    }
}
