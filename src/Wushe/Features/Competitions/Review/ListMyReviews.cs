using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>评审状态 of a judge's own assignment.</summary>
public enum ReviewState
{
    Pending = 1,
    Scored = 2,
    Recused = 3,
}

/// <summary>
/// 我的评审任务: the judge's own assignments (found by their account, outside the area scope) — by a part of the call's or the
/// application's title or number, and by state (待评分, 已评分, 已回避); the calls under review first, then by number; paged. Each with
/// the judge's own total once scored (never another judge's, never the ranking) and the application's defence session once scheduled (not when
/// recused).
/// </summary>
public static class ListMyReviews
{
    public sealed record Query(string? Keyword = null, [Label("评审状态", "State")] ReviewState? State = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery;

    public sealed record Row(Guid Id, Guid CallId, string CallNo, string CallTitle, string HostName, DateTimeOffset ClosesAt, bool UnderReview,
        string ApplicationNo, string Title, string OrganizationName, string Focus, ReviewState State, string StateName, DateTimeOffset? ScoredAt, decimal? Total)
    {
        /// <summary>The call was withdrawn: the assignment is closed (nothing to score).</summary>
        public bool CallWithdrawn { get; init; }
        /// <summary>答辩安排 of the application (time and place) once scheduled; never for a recused assignment.</summary>
        public DefenceSlot? Defence { get; init; }
    }

    public static string StateLabel(ReviewState s) => s switch
    {
        ReviewState.Pending => Lang.T("待评分", "To score"),
        ReviewState.Scored => Lang.T("已评分", "Scored"),
        ReviewState.Recused => Lang.T("已回避", "Recused"),
        _ => s.ToString(),
    };

    sealed record Found(Guid Id, Guid CallId, string CallNo, string CallTitle, string HostName, DateTimeOffset ClosesAt, CompetitionStatus CallStatus,
        List<RubricCriterion> Rubric, string ApplicationNo, string Title, string OrganizationName, Organizations.FocusArea Focus, string FocusNote,
        bool Recused, List<int> Scores, DateTimeOffset? ScoredAt, DateTimeOffset? DefenceAt, string DefencePlace);

    /// <summary>The judge's own assignments in <paramref name="state"/> (all when null): the list's rows before the keyword; the home figure counts these.</summary>
    public static IQueryable<CompetitionScore> Filtered(AppDb db, CurrentUser user, ReviewState? state)
    {
        var mine = ReviewRules.Mine(db, user).AsNoTracking();
        return state switch
        {
            ReviewState.Pending => mine.Where(s => !s.Recused && s.ScoredAt == null),
            ReviewState.Scored => mine.Where(s => !s.Recused && s.ScoredAt != null),
            ReviewState.Recused => mine.Where(s => s.Recused),
            _ => mine,
        };
    }

    public static async Task<PageOf<Row>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var calls = db.Set<Competition>().IgnoreQueryFilters([AppDb.ScopeFilter]);
        var applications = db.Set<CompetitionApplication>().IgnoreQueryFilters([AppDb.ScopeFilter]);
        var mine = from s in Filtered(db, user, q.State)
                   join c in calls on s.CompetitionId equals c.Id
                   join a in applications on s.ApplicationId equals a.Id
                   select new { s, c, a };
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            mine = mine.Where(x => x.c.Title.Contains(k) || x.c.CallNo.Contains(k) || x.a.Title.Contains(k) || x.a.ApplicationNo.Contains(k));
        }
        var found = await mine
            .OrderBy(x => x.c.Status == CompetitionStatus.Published ? 0 : 1).ThenByDescending(x => x.c.ClosesAt).ThenBy(x => x.c.Id).ThenBy(x => x.a.ApplicationNo)
            .Select(x => new Found(x.s.Id, x.c.Id, x.c.CallNo, x.c.Title, x.c.HostName, x.c.ClosesAt, x.c.Status, x.c.Rubric, x.a.ApplicationNo, x.a.Title,
                x.a.OrganizationName, x.a.Focus, x.a.FocusNote, x.s.Recused, x.s.Scores, x.s.ScoredAt,
                // A recused judge reads nothing more of the application than the row: no defence slot.
                x.s.Recused ? null : x.a.DefenceAt, x.s.Recused ? "" : x.a.DefencePlace))
            .ToPageAsync(q.Page, q.Size, ct);
        return new PageOf<Row>([.. found.Items.Select(f =>
        {
            var state = f.Recused ? ReviewState.Recused : f.ScoredAt is null ? ReviewState.Pending : ReviewState.Scored;
            var focus = f.Focus == Organizations.FocusArea.Other && f.FocusNote.Length > 0 ? f.FocusNote : Organizations.Organization.FocusLabel(f.Focus);
            var total = state == ReviewState.Scored && f.Scores.Count == f.Rubric.Count ? CompetitionRanking.Total(f.Rubric, f.Scores) : (decimal?)null;
            return new Row(f.Id, f.CallId, f.CallNo, f.CallTitle, f.HostName, f.ClosesAt, f.CallStatus == CompetitionStatus.Published && now >= f.ClosesAt,
                f.ApplicationNo, f.Title, f.OrganizationName, focus, state, StateLabel(state), f.ScoredAt, total) { CallWithdrawn = f.CallStatus == CompetitionStatus.Withdrawn, Defence = DefenceSlot.Of(f.DefenceAt, f.DefencePlace) };
        })], found.Total, found.Page, found.Size);
    }
}
