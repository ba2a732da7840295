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
/// 录入会议表决: a committee member without an account votes at a committee meeting, and the staff record it — the member, approve or
/// reject, a comment, and the meeting's minutes (会议纪要 number or date, required). The vote counts as the member's own would
/// (<see cref="VoteOnDisbursement.CastAsync"/>: it may decide and reserve), under the same refusals (<see cref="CharityRules.SeatRefusal"/>:
/// the committee incomplete, not in voting, 回避, voted already — 409, naming the member). A member with an account votes online
/// themselves (409). Failures: 400 naming memberId / approve / minutes / comment; 404 (fund or request out of scope).
/// </summary>
public static class RecordMeetingVote
{
    public sealed record Request(
        [property: Label("管委会成员", "Member")] Guid? MemberId,
        [property: Label("表决意见", "Vote")] bool? Approve,
        [property: Label("会议纪要", "Minutes")] string? Minutes,
        [property: Label("说明", "Comment")] string? Comment = null);

    public static async Task<Result<VoteOnDisbursement.Voted>> Handle(AppDb db, CurrentUser user, TimeProvider clock, IOptions<CharityOptions> options, Guid fundId,
        Guid requestId, Request r, CancellationToken ct = default)
    {
        var errors = new Errors()
            .Text("minutes", r.Minutes, "会议纪要（编号或日期）", "The minutes (number or date)", 2, CharityRules.MinutesMax)
            .Text("comment", r.Comment, "说明", "The comment", 0, 200, required: false);
        if (r.Approve is null) errors.Add("approve", Lang.T("请选择同意或不同意", "Choose approve or reject"));
        if (r.MemberId is null) errors.Add("memberId", Lang.T("请选择表决的管委会成员", "Choose the member who voted"));
        if (errors.Any) return errors.ToFailure();
        var today = ChinaTime.Today(clock);
        var recorder = await Households.Workers.NameAsync(db, user, ct);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (await FundLedger.LockAsync(db, fundId, requestId, ct) is not ({ } fund, { } request)) return Failure.NotFound();
        var members = await db.Set<FundCommitteeMember>().Where(m => m.FundId == fundId).ToListAsync(ct);
        var votes = await db.Set<DisbursementVote>().Where(v => v.RequestId == requestId).ToListAsync(ct);
        if (members.FirstOrDefault(m => m.Id == r.MemberId && m.Votes && m.ServesOn(today)) is not { } seat)
            return Failure.Invalid("memberId", Lang.T("请选择本基金在任的表决委员（监督员不参与表决）", "Choose a serving voting member of this fund (a supervisor does not vote)"));
        if (seat.UserId is not null)
            return Failure.Conflict(Lang.T($"{seat.Name}已关联平台账号，请本人在线表决", $"{seat.Name} has an account: they vote online themselves"));
        if (CharityRules.SeatRefusal(members, votes, request, seat, today, options.Value, own: false) is { } refusal) return refusal;
        var vote = new DisbursementVote(request, seat, r.Approve!.Value, r.Comment?.Trim() ?? "", clock.GetUtcNow(), r.Minutes!.Trim(), recorder);
        return await VoteOnDisbursement.CastAsync(db, options.Value, fund, request, members, votes, vote, today, tx, ct);
    }
}
