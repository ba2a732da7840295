using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 公示管理 (the host's): the call, its ranking of applications that passed 初审 (each with its proposal: on the shortlist its amount;
/// before the notice, the top ranked whose requests fit in the pool, capped, are pre-filled), the assignments still unscored, the
/// objections with the objector's phone masked, and what may be done now (post the notice, confirm the awards); the community fund paying the
/// call (Fund: its awards are confirmed with the committee's decision and reserved on the fund, which can pay Fund.AvailableFen now).
/// </summary>
public static class GetNotice
{
    public sealed record Ranked(CallRanking.Row Row, bool Proposed, long ProposedFen);

    public sealed record Objection(Guid Id, string Reference, DateTimeOffset LodgedAt, Guid? ApplicationId, string About, string Content, string ContactName,
        string ContactPhoneMasked, string Answer, bool? Upheld, string AnsweredByName, DateTimeOffset? AnsweredAt);

    public sealed record Response(Guid Id, string CallNo, string Title, CompetitionStatus Status, string Phase, long PoolFen, long CapFen, long AwardedFen,
        DateTimeOffset ClosesAt, DateTimeOffset? NoticeFrom, DateTimeOffset? NoticeUntil, int NoticeDays, int MissingScores, bool MayPost, bool MayConfirm,
        int Unanswered, IReadOnlyList<Ranked> Ranking, IReadOnlyList<Objection> Objections, CallFund.Named? Fund = null, string? ShortOfJudges = null);

    public static async Task<Result<Response>> Handle(AppDb db, TimeProvider clock, Guid callId, CancellationToken ct = default)
    {
        if (await db.Set<Competition>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct) is not { } call) return Failure.NotFound();
        var now = clock.GetUtcNow();
        var read = await CallRanking.ReadWithMarksAsync(db, call, ct);
        var ranking = read.Rows;
        var missing = await CallRanking.MissingAsync(db, callId, ct);
        var under = call.Status == CompetitionStatus.Published ? CallRanking.UnderReviewed(call, read) : [];
        var before = call.Status == CompetitionStatus.Published;
        var left = call.PoolFen;
        var rows = new List<Ranked>();
        foreach (var r in ranking)
        {
            if (before)
            {
                var fen = Math.Min(r.RequestedFen, call.CapFen);
                var take = r.Status == ApplicationStatus.Eligible && r.Final is not null && fen <= left;
                if (take) left -= fen;
                rows.Add(new Ranked(r, take, fen));
            }
            else rows.Add(new Ranked(r, r.AwardFen > 0 && r.Status is ApplicationStatus.Shortlisted or ApplicationStatus.Awarded, r.AwardFen));
        }
        var numbers = ranking.ToDictionary(x => x.Id, x => x.ApplicationNo);
        var objections = (await db.Set<CompetitionObjection>().AsNoTracking().Where(o => o.CompetitionId == callId).OrderBy(o => o.LodgedAt).ToListAsync(ct))
            .Select(o => new Objection(o.Id, LodgeObjection.Reference(o.Id), o.LodgedAt, o.ApplicationId,
                o.ApplicationId is { } a && numbers.TryGetValue(a, out var no) ? no : Platform.Localization.Lang.T("整个入围名单", "The whole list"),
                o.Content, o.ContactName, o.ContactPhone.Masked, o.Answer, o.Upheld, o.AnsweredByName, o.AnsweredAt)).ToList();
        var unanswered = objections.Count(o => o.AnsweredAt is null);
        return new Response(call.Id, call.CallNo, call.Title, call.Status, call.PhaseLabel(now), call.PoolFen, call.CapFen, call.AwardedFen, call.ClosesAt,
            call.NoticeFrom, call.NoticeUntil, call.NoticeDays, missing, before && now >= call.ClosesAt && missing == 0 && under.Count == 0,
            call.Status == CompetitionStatus.Notice && now >= call.NoticeUntil && unanswered == 0, unanswered, rows, objections, await CallFund.NamedAsync(db, call.FundId, ct),
            under.Count > 0 ? PostNotice.ShortOfJudges(call, under) : null);
    }
}
