using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 本机构的申报: an organization's staff read their organization's applications across calls (drafts included) — by number, title or
/// call (keyword) and status; newest first; paged; each with its call's deadline, whether it may still change, and whether it is closed
/// because its call was withdrawn (<see cref="Row.Closed"/>).
/// </summary>
public static class MyApplications
{
    public sealed record Query(string? Keyword = null, [Label("状态", "Status")] ApplicationStatus? Status = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery;

    public sealed record Row(Guid Id, Guid CallId, string CallNo, string CallTitle, DateTimeOffset ClosesAt, string ApplicationNo, string Title, long RequestedFen,
        ApplicationStatus Status, string StatusName, DateTimeOffset? SubmittedAt, DateTimeOffset? CorrectBy, bool MayChange, DateTimeOffset CreatedAt)
    {
        /// <summary>已关闭: the call was withdrawn (its reason and date) — nothing more is done on the application; null otherwise.</summary>
        public ApplicationRules.Closure? Closed { get; init; }
    }

    /// <summary>The organization's applications in <paramref name="status"/> (all when null): the list's rows before the keyword; the home figures count these by status. None for anyone but organization staff.</summary>
    public static IQueryable<CompetitionApplication> Filtered(AppDb db, CurrentUser user, ApplicationStatus? status)
    {
        if (OrganizationAccess.Own(user) is null) return db.Set<CompetitionApplication>().Where(a => false);
        var applications = ApplicationRules.Readable(db, user).AsNoTracking();
        return status is { } s ? applications.Where(a => a.Status == s) : applications;
    }

    public static async Task<PageOf<Row>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        if (OrganizationAccess.Own(user) is null) return new PageOf<Row>([], 0, 1, Paging.Normalize(q.Page, q.Size).Size);
        var calls = db.Set<Competition>().IgnoreQueryFilters([AppDb.ScopeFilter]);
        var applications = Filtered(db, user, q.Status);
        var rows = from a in applications
                   join c in calls on a.CompetitionId equals c.Id
                   select new { a, c };
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            var upper = k.ToUpperInvariant();
            rows = rows.Where(x => x.a.ApplicationNo.Contains(upper) || x.a.Title.Contains(k) || x.c.Title.Contains(k));
        }
        var page = await rows.OrderByDescending(x => x.a.CreatedAt).ThenBy(x => x.a.Id)
            .Select(x => new { x.a.Id, CallId = x.c.Id, x.c.CallNo, CallTitle = x.c.Title, x.c.ClosesAt, x.a.ApplicationNo, x.a.Title, x.a.RequestedFen, x.a.Status, x.a.SubmittedAt, x.a.CorrectBy, x.a.CreatedAt })
            .ToPageAsync(q.Page, q.Size, ct);
        var now = clock.GetUtcNow();
        var callIds = page.Items.Select(x => x.CallId).Distinct().ToList();
        var byId = await calls.AsNoTracking().Where(c => callIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var closures = await ApplicationRules.ClosuresAsync(db, byId.Values, ct);
        return new PageOf<Row>([.. page.Items.Select(x => new Row(x.Id, x.CallId, x.CallNo, x.CallTitle, x.ClosesAt, x.ApplicationNo, x.Title, x.RequestedFen, x.Status,
            CompetitionApplication.StatusLabel(x.Status), x.SubmittedAt, x.CorrectBy,
            MayChange(byId[x.CallId], x.Status, x.CorrectBy, now), x.CreatedAt) { Closed = closures.GetValueOrDefault(x.CallId) })],
            page.Total, page.Page, page.Size);
    }

    /// <summary>Whether the organization may still change it (<see cref="ApplicationRules.ChangeRefusal"/>): a draft while the call accepts, a returned one until its 补正期限.</summary>
    public static bool MayChange(Competition call, ApplicationStatus status, DateTimeOffset? correctBy, DateTimeOffset now) => ApplicationRules.ClosedRefusal(call) is null && status switch
    {
        ApplicationStatus.Draft => call.Accepting(now),
        ApplicationStatus.Returned => correctBy is { } by && now < by,
        _ => false,
    };
}
