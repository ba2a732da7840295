using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>A host's working view of its calls (the list's ?phase=, the home figures): 申报中, or holding applications awaiting 初审.</summary>
public enum CompetitionPhase
{
    /// <summary>申报中: published and taking applications now (<see cref="Competition.Accepting"/>).</summary>
    Open = 1,
    /// <summary>待初审: at least one submitted application (of the reader's scope) awaits 初审.</summary>
    Screening = 2,
}

/// <summary>
/// 公益创投 (staff): the calls of the user's scope — by host area (tree), a part of the title or number (keyword), status, phase (申报中,
/// 待初审: <see cref="CompetitionPhase"/>); sorted (newest first, by deadline, by pool); paged; each with its phase now, its applications
/// (submitted ones: drafts are the organizations') and those awaiting 初审. Organization staff read calls only as
/// <see cref="MyCompetitions"/> and the public pages: their list here is empty. The home page counts with <see cref="Filtered"/> and
/// <see cref="AwaitingScreening"/>, so its figures are this list's totals.
/// </summary>
public static class ListCompetitions
{
    public sealed record Query(string? Area = null, string? Keyword = null, [Label("状态", "Status")] CompetitionStatus? Status = null, string? Sort = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null,
        [Label("阶段", "Phase")] CompetitionPhase? Phase = null) : IPagedQuery, IAreaFilteredQuery, ISortedQuery
    {
        /// <summary>"created" (default: newest first), "closes" (the latest deadline first), "pool" (the largest first).</summary>
        public IReadOnlyList<string> SortKeys => Sorts;
    }

    public static readonly IReadOnlyList<string> Sorts = ["created", "closes", "pool"];

    public static string PhaseLabel(CompetitionPhase p) => p switch
    {
        CompetitionPhase.Open => Lang.T("申报中", "Open for applications"),
        CompetitionPhase.Screening => Lang.T("有待初审的申报", "Applications awaiting screening"),
        _ => p.ToString(),
    };

    /// <param name="Applications">Submitted applications (drafts not counted).</param>
    /// <param name="AwaitingScreening">Applications of the reader's scope awaiting 初审 (<see cref="AwaitingScreening"/>).</param>
    public sealed record Row(Guid Id, string CallNo, string Title, string HostName, string AreaCode, string AreaName, CompetitionStatus Status, string StatusName,
        string Phase, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, long PoolFen, long CapFen, long AwardedFen, int Applications, int Judges, DateTimeOffset CreatedAt,
        int AwaitingScreening = 0);

    /// <summary>The applications awaiting 初审 (submitted, not yet screened) that the reader's scope holds — as the call's applications list
    /// reads them; none of a withdrawn call (its applications are closed: <see cref="ApplicationRules.ClosedRefusal"/>).</summary>
    public static IQueryable<CompetitionApplication> AwaitingScreening(AppDb db) =>
        db.Set<CompetitionApplication>().AsNoTracking().Where(a => a.Status == ApplicationStatus.Submitted
            && db.Set<Competition>().Any(c => c.Id == a.CompetitionId && c.Status != CompetitionStatus.Withdrawn));

    /// <summary>The calls of the query but its sort and paging, at <paramref name="now"/> (the phase 申报中 is a matter of time).</summary>
    public static IQueryable<Competition> Filtered(AppDb db, CurrentUser user, Query q, DateTimeOffset now)
    {
        var calls = db.Set<Competition>().AsNoTracking().Under(q.Area);
        if (user.ActingOrganization is not null) calls = calls.Where(c => false);
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            var upper = k.ToUpperInvariant();
            calls = calls.Where(c => c.CallNo.Contains(upper) || c.Title.Contains(k) || c.HostName.Contains(k));
        }
        if (q.Status is { } status) calls = calls.Where(c => c.Status == status);
        if (q.Phase == CompetitionPhase.Open) calls = calls.Where(CompetitionRules.AcceptingAt(now));
        else if (q.Phase == CompetitionPhase.Screening)
        {
            var awaiting = AwaitingScreening(db);
            calls = calls.Where(c => awaiting.Any(a => a.CompetitionId == c.Id));
        }
        return calls;
    }

    public static async Task<PageOf<Row>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var calls = Filtered(db, user, q, now);
        calls = q.Sort switch
        {
            "closes" => calls.OrderByDescending(c => c.ClosesAt).ThenBy(c => c.Id),
            "pool" => calls.OrderByDescending(c => c.PoolFen).ThenBy(c => c.Id),
            _ => calls.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id),
        };
        var page = await calls.ToPageAsync(q.Page, q.Size, ct);
        var ids = page.Items.Select(c => c.Id).ToList();
        // Counts of the page's calls by their ids (all of a call's applications, wherever their projects lie).
        var applications = await db.Set<CompetitionApplication>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(a => ids.Contains(a.CompetitionId) && a.Status != ApplicationStatus.Draft)
            .GroupBy(a => a.CompetitionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var judges = await db.Set<CompetitionJudge>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(j => ids.Contains(j.CompetitionId))
            .GroupBy(j => j.CompetitionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var awaiting = await AwaitingScreening(db).Where(a => ids.Contains(a.CompetitionId))
            .GroupBy(a => a.CompetitionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var names = await AreaNames.LookupAsync(db, page.Items.Select(c => c.AreaCode).Distinct(), ct);
        return new PageOf<Row>([.. page.Items.Select(c => new Row(c.Id, c.CallNo, c.Title, c.HostName, c.AreaCode, names.GetValueOrDefault(c.AreaCode, c.AreaCode), c.Status,
            Competition.StatusLabel(c.Status), c.PhaseLabel(now), c.OpensAt, c.ClosesAt, c.PoolFen, c.CapFen, c.AwardedFen, applications.GetValueOrDefault(c.Id),
            judges.GetValueOrDefault(c.Id), c.CreatedAt, awaiting.GetValueOrDefault(c.Id)))], page.Total, page.Page, page.Size);
    }
}
