using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Projects;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 资助项目: the awards of the scope (organization staff: their organization's — the central filter), of one call (?callId=) or all,
/// searched by agreement number, project or organization (?keyword=), by status; sorted newest first (?sort=amount: the largest first);
/// paged.
/// </summary>
public static class ListAwards
{
    public sealed record Query(
        [property: Label("公益创投", "Call")] Guid? CallId = null,
        [property: Label("关键词", "Keyword")] string? Keyword = null,
        [property: Label("状态", "Status")] AwardStatus? Status = null,
        [property: Label("排序", "Sort")] string? Sort = null,
        [property: Label("页码", "Page")] int? Page = null,
        [property: Label("每页条数", "Page size")] int? Size = null) : IPagedQuery;

    public sealed record Row(Guid Id, string AgreementNo, Guid CompetitionId, string CallTitle, string ProjectNo, string ProjectTitle, string OrganizationName,
        long AmountFen, long ReleasedFen, long ClawedBackFen, AwardStatus Status, DateOnly? SignedOn, DateTimeOffset ConfirmedAt);

    /// <summary>
    /// The awards the reader reads of the query's call and status: the scope's (by the project's area), or — for organization staff —
    /// their organization's wherever its projects lie (the organization filter keeps them to their own). The list's rows before the
    /// keyword; the home figures count and sum these.
    /// </summary>
    public static IQueryable<CompetitionAward> Filtered(AppDb db, Query q) => Filtered(db, q, lift: false);

    /// <summary><see cref="Filtered(AppDb, Query)"/>, the area scope lifted when <paramref name="lift"/> (the call was found in the reader's scope: <see cref="Handle"/>).</summary>
    static IQueryable<CompetitionAward> Filtered(AppDb db, Query q, bool lift)
    {
        var awards = ForReader(db, db.Set<CompetitionAward>(), lift).AsNoTracking();
        if (q.CallId is { } call) awards = awards.Where(a => a.CompetitionId == call);
        if (q.Status is { } status) awards = awards.Where(a => a.Status == status);
        return awards;
    }

    /// <summary>Organization staff read outside the area scope (the organization filter stays); anyone else within it.</summary>
    static IQueryable<T> ForReader<T>(AppDb db, IQueryable<T> set, bool lift = false) where T : class =>
        lift || Organizations.OrganizationAccess.Own(db.Actor) is not null ? set.IgnoreQueryFilters([AppDb.ScopeFilter]) : set;

    sealed record Found(Guid Id, string AgreementNo, Guid CompetitionId, string ProjectNo, string ProjectTitle, string OrganizationName, long AmountFen,
        long ReleasedFen, long ClawedBackFen, AwardStatus Status, DateOnly? SignedOn, DateTimeOffset ConfirmedAt);

    public static async Task<PageOf<Row>> Handle(AppDb db, Query q, CancellationToken ct = default)
    {
        // Two steps: ignoring the scope filter for the calls in this query would lift it from the awards too (EF applies it to the
        // whole query), and a township's award may belong to its county's call, outside the township's scope. The project lies where its award does.
        // One call's awards, the call found in the reader's scope: every award of it lies under the call's area (its project's area is
        // the application's, which the call covers), so they are read by the call's id alone. With the scope's range as well, SQLite's
        // planner walked IX_CompetitionAward_AreaCode over the whole area (as GetRanking's scores did; docs/PERFORMANCE.md,
        // "Competitions at city scale"). A call outside the scope (a township's award of its county's call) keeps the scope.
        var lift = q.CallId is { } callId && await db.Set<Competition>().AnyAsync(c => c.Id == callId, ct);
        var joined = from a in Filtered(db, q, lift)
                     join p in ForReader(db, db.Set<Project>(), lift) on a.ProjectId equals p.Id
                     select new { a, p.ProjectNo, ProjectTitle = p.Title, p.OrganizationName };
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            joined = joined.Where(r => r.a.AgreementNo.Contains(k) || r.ProjectTitle.Contains(k) || r.OrganizationName.Contains(k) || r.ProjectNo.Contains(k));
        }
        joined = q.Sort == "amount" ? joined.OrderByDescending(r => r.a.AmountFen).ThenBy(r => r.a.AgreementNo) : joined.OrderByDescending(r => r.a.ConfirmedAt).ThenBy(r => r.a.AgreementNo);
        var page = await joined.Select(r => new Found(r.a.Id, r.a.AgreementNo, r.a.CompetitionId, r.ProjectNo, r.ProjectTitle, r.OrganizationName, r.a.AmountFen,
            r.a.ReleasedFen, r.a.ClawedBackFen, r.a.Status, r.a.SignedOn, r.a.ConfirmedAt)).ToPageAsync(q.Page, q.Size, ct);
        var callIds = page.Items.Select(f => f.CompetitionId).Distinct().ToList();
        var titles = await db.Set<Competition>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(c => callIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        return new PageOf<Row>([.. page.Items.Select(f => new Row(f.Id, f.AgreementNo, f.CompetitionId, titles.GetValueOrDefault(f.CompetitionId, ""), f.ProjectNo, f.ProjectTitle,
            f.OrganizationName, f.AmountFen, f.ReleasedFen, f.ClawedBackFen, f.Status, f.SignedOn, f.ConfirmedAt))], page.Total, page.Page, page.Size);
    }
}
