using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 入围公示 (no sign-in): a call on notice or decided — its title, host, notice period — and the ranked shortlist: rank, application
/// number, organization (its registered name), project title, focus, final score, proposed amount; answered objections with their
/// reference number and answer, a phone, ID number or door address in either masked (<see cref="ContactText"/>). No personal data: no contact, phone, judge or
/// creator names. A call never posted is 404 in the visitor's terms.
/// </summary>
public static class PublicNotice
{
    public sealed record Entry(int Rank, Guid ApplicationId, string ApplicationNo, string OrganizationName, string Title, string Focus, decimal? Final, long AmountFen);

    /// <summary>
    /// An answered objection as the public reads it: its reference number (受理编号, as <see cref="LodgeObjection"/> gave it to the objector:
    /// 8 characters, so each objector finds the answer to theirs), what it was about (an application's number, or the whole list), the
    /// answer, the outcome. Never the objector's name or phone.
    /// </summary>
    public sealed record Answered(string Reference, DateTimeOffset LodgedAt, string About, string Content, string Answer, bool Upheld, DateTimeOffset AnsweredAt);

    public sealed record Response(Guid Id, string CallNo, string Title, string HostName, CompetitionStatus Status, string Phase, DateTimeOffset NoticeFrom,
        DateTimeOffset NoticeUntil, bool Open, long PoolFen, long ProposedFen, IReadOnlyList<Entry> Shortlist, IReadOnlyList<Answered> Objections);

    public static Failure NotFound() => Failure.NotPublic(Lang.T("该公示不存在或尚未发布", "This notice does not exist or is not posted"));

    public static async Task<Result<Response>> Handle(AppDb db, TimeProvider clock, Guid id, CancellationToken ct = default)
    {
        var call = await db.Set<Competition>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null || call.NoticeFrom is null || call.Status is not (CompetitionStatus.Notice or CompetitionStatus.Decided)) return NotFound();
        var now = clock.GetUtcNow();
        var ranking = await CallRanking.ReadAsync(db, call, ct);
        // On the list: those shortlisted, and once decided those awarded (an upheld objection took the others off).
        var list = ranking.Where(x => x.Status is ApplicationStatus.Shortlisted or ApplicationStatus.Awarded && x.AwardFen > 0)
            .Select(x => new Entry(x.Rank, x.Id, x.ApplicationNo, x.OrganizationName, x.Title, x.Focus, x.Final, x.AwardFen)).ToList();
        var numbers = ranking.ToDictionary(x => x.Id, x => x.ApplicationNo);
        var answered = await db.Set<CompetitionObjection>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
            .Where(o => o.CompetitionId == id && o.AnsweredAt != null).OrderBy(o => o.LodgedAt)
            .Select(o => new { o.Id, o.LodgedAt, o.ApplicationId, o.Content, o.Answer, o.Upheld, o.AnsweredAt }).ToListAsync(ct);
        return new Response(call.Id, call.CallNo, call.Title, call.HostName, call.Status, call.PhaseLabel(now), call.NoticeFrom.Value, call.NoticeUntil!.Value,
            call.Status == CompetitionStatus.Notice && now < call.NoticeUntil, call.PoolFen, list.Sum(x => x.AmountFen), list,
            [.. answered.Select(o => new Answered(LodgeObjection.Reference(o.Id), o.LodgedAt, o.ApplicationId is { } a && numbers.TryGetValue(a, out var no) ? no : Lang.T("入围名单", "The whole list"),
                ContactText.Redact(o.Content), ContactText.Redact(o.Answer), o.Upheld == true, o.AnsweredAt!.Value))]);
    }
}
