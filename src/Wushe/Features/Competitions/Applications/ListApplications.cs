using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 申报列表: a call's applications as its host reads them (drafts aside: a draft is the organization's until submitted) — by number,
/// title or organization (keyword), status, focus; sorted (by number — the order of submission —, the newest submission first, the
/// largest request first, title); paged; with counts by status for the tabs. A call out of scope is 404.
/// </summary>
public static class ListApplications
{
    public sealed record Query(string? Keyword = null, [Label("状态", "Status")] ApplicationStatus? Status = null, [Label("服务领域", "Focus")] FocusArea? Focus = null,
        string? Sort = null, [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery, ISortedQuery
    {
        /// <summary>"number" (default: the order of submission), "submitted" (newest first), "requested" (largest first), "title".</summary>
        public IReadOnlyList<string> SortKeys => Sorts;
    }

    public static readonly IReadOnlyList<string> Sorts = ["number", "submitted", "requested", "title"];

    public sealed record Row(Guid Id, string ApplicationNo, string Title, Guid OrganizationId, string OrganizationName, OrganizationKind OrganizationKind, string OrganizationKindName,
        FocusArea Focus, string FocusText, string AreaCode, string AreaName, long BudgetFen, long RequestedFen, long CoFundingFen, ApplicationStatus Status, string StatusName,
        DateTimeOffset? SubmittedAt, bool WasReturned, int Documents);

    /// <param name="Closed">The call was withdrawn: why, in words (<see cref="ApplicationRules.ClosedRefusal"/>) — nothing more is done on its applications; null otherwise.</param>
    public sealed record Listed(Guid CallId, string CallNo, string CallTitle, string AreaCode, DateTimeOffset ClosesAt, PageOf<Row> Applications, IReadOnlyDictionary<ApplicationStatus, int> Counts, int All,
        string? Closed = null);

    sealed record Found(Guid Id, string ApplicationNo, string Title, Guid? OrganizationId, string OrganizationName, OrganizationKind OrganizationKind, FocusArea Focus,
        string FocusNote, string AreaCode, long BudgetFen, long RequestedFen, long CoFundingFen, ApplicationStatus Status, DateTimeOffset? SubmittedAt, bool WasReturned);

    /// <summary>The call's applications of the query but its status, paging and sort. Only for a call found in the reader's scope:
    /// read by the call's id alone, as <see cref="GetRanking"/> does (every application lies under its call's area; with the scope's
    /// range as well SQLite took the AreaCode index and read the whole area's applications).</summary>
    static IQueryable<CompetitionApplication> Filtered(AppDb db, Guid callId, Query q)
    {
        var applications = db.Set<CompetitionApplication>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(a => a.CompetitionId == callId && a.Status != ApplicationStatus.Draft);
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            var upper = k.ToUpperInvariant();
            applications = applications.Where(a => a.ApplicationNo.Contains(upper) || a.Title.Contains(k) || a.OrganizationName.Contains(k));
        }
        if (q.Focus is { } focus) applications = applications.Where(a => a.Focus == focus);
        return applications;
    }

    public static async Task<Result<Listed>> Handle(AppDb db, CurrentUser user, Guid callId, Query q, CancellationToken ct = default)
    {
        if (OrganizationAccess.Own(user) is not null || await db.Set<Competition>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct) is not { } call)
            return Failure.NotFound();
        var filtered = Filtered(db, callId, q);
        var counts = await filtered.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var applications = q.Status is { } status ? filtered.Where(a => a.Status == status) : filtered;
        applications = q.Sort switch
        {
            "submitted" => applications.OrderByDescending(a => a.SubmittedAt).ThenBy(a => a.Id),
            "requested" => applications.OrderByDescending(a => a.RequestedFen).ThenBy(a => a.ApplicationNo),
            "title" => applications.OrderBy(a => a.Title).ThenBy(a => a.Id),
            _ => applications.OrderBy(a => a.ApplicationNo).ThenBy(a => a.Id),
        };
        var page = await applications.Select(a => new Found(a.Id, a.ApplicationNo, a.Title, a.OrganizationId, a.OrganizationName, a.OrganizationKind, a.Focus, a.FocusNote,
            a.AreaCode, a.BudgetFen, a.RequestedFen, a.CoFundingFen, a.Status, a.SubmittedAt, a.WasReturned)).ToPageAsync(q.Page, q.Size, ct);
        var ids = page.Items.Select(r => r.Id).ToList();
        var documents = await db.Set<ApplicationDocument>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(d => ids.Contains(d.ApplicationId))
            .GroupBy(d => d.ApplicationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var names = await AreaNames.LookupAsync(db, page.Items.Select(r => r.AreaCode).Distinct(), ct);
        var rows = page.Items.Select(f => new Row(f.Id, f.ApplicationNo, f.Title, f.OrganizationId!.Value, f.OrganizationName, f.OrganizationKind, Organization.KindLabel(f.OrganizationKind),
            f.Focus, f.Focus == FocusArea.Other && f.FocusNote.Length > 0 ? f.FocusNote : Organization.FocusLabel(f.Focus), f.AreaCode, names.GetValueOrDefault(f.AreaCode, f.AreaCode),
            f.BudgetFen, f.RequestedFen, f.CoFundingFen, f.Status, CompetitionApplication.StatusLabel(f.Status), f.SubmittedAt, f.WasReturned, documents.GetValueOrDefault(f.Id))).ToList();
        return new Listed(call.Id, call.CallNo, call.Title, call.AreaCode, call.ClosesAt, new PageOf<Row>(rows, page.Total, page.Page, page.Size), counts, counts.Values.Sum(),
            ApplicationRules.ClosedRefusal(call));
    }
}
