using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Validation;

namespace Wushe.Features.Projects;

/// <summary>
/// 项目台账: the projects the user reads (<see cref="ProjectRules.Readable"/>: their scope's, or their organization's) — by area
/// (tree), number or title or organization name (keyword), status, focus, implementing organization and overdue (逾期未结项:
/// <see cref="ProjectRules.OverdueOn"/>, today in China); sorted (newest first, by start, by budget); paged; with the count of
/// delivery records of each (those not voided).
/// </summary>
public static class ListProjects
{
    public sealed record Query(string? Area = null, string? Keyword = null, [Label("状态", "Status")] ProjectStatus? Status = null,
        [Label("服务领域", "Focus")] FocusArea? Focus = null, [Label("实施机构", "Organization")] Guid? OrganizationId = null, string? Sort = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null,
        [Label("逾期", "Overdue")] bool? Overdue = null) : IPagedQuery, IAreaFilteredQuery, ISortedQuery
    {
        /// <summary>"created" (default: newest first), "start" (the earliest start first), "budget" (the largest first).</summary>
        public IReadOnlyList<string> SortKeys => Sorts;
    }

    public static readonly IReadOnlyList<string> Sorts = ["created", "start", "budget"];

    public sealed record Row(Guid Id, string ProjectNo, string Title, FocusArea Focus, string FocusNote, string AreaCode, string AreaName,
        Guid OrganizationId, string OrganizationName, DateOnly StartOn, DateOnly EndOn, long BudgetFen, ProjectStatus Status, int Activities)
    {
        /// <summary>逾期未结项 on the day the list was read (<see cref="ProjectRules.OverdueOn"/>).</summary>
        public bool Overdue { get; init; }
        public string FocusText => Focus == FocusArea.Other && FocusNote.Length > 0 ? FocusNote : Organization.FocusLabel(Focus);
    }

    /// <summary>The projects of the query but its status, overdue, paging and sort: what the status counts read too.</summary>
    public static IQueryable<Project> Filtered(AppDb db, CurrentUser user, Query q)
    {
        var projects = ProjectRules.Readable(db, user).Under(q.Area);
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            var upper = k.ToUpperInvariant();
            projects = projects.Where(p => p.ProjectNo.Contains(upper) || p.Title.Contains(k) || p.OrganizationName.Contains(k));
        }
        if (q.Focus is { } focus) projects = projects.Where(p => p.Focus == focus);
        if (q.OrganizationId is { } org) projects = projects.Where(p => p.OrganizationId == org);
        return projects;
    }

    public static async Task<PageOf<Row>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var today = Platform.ChinaTime.Today(clock);
        var projects = Filtered(db, user, q);
        if (q.Status is { } status) projects = projects.Where(p => p.Status == status);
        if (q.Overdue is { } overdue) projects = overdue ? projects.Where(ProjectRules.OverdueOn(today)) : projects.Where(Not(ProjectRules.OverdueOn(today)));
        projects = q.Sort switch
        {
            "start" => projects.OrderBy(p => p.StartOn).ThenBy(p => p.Id),
            "budget" => projects.OrderByDescending(p => p.BudgetFen).ThenBy(p => p.Id),
            _ => projects.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id),
        };
        var page = await projects.Select(p => new Row(p.Id, p.ProjectNo, p.Title, p.Focus, p.FocusNote, p.AreaCode, "", p.OrganizationId, p.OrganizationName,
                p.StartOn, p.EndOn, p.BudgetFen, p.Status, 0))
            .ToPageAsync(q.Page, q.Size, ct);
        // The records per project of the page, by the page's ids (a query-level IgnoreQueryFilters must not reach the list's own scope).
        var ids = page.Items.Select(r => r.Id).ToList();
        var counts = await db.Set<ProjectActivity>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => ids.Contains(a.ProjectId)).Counted()
            .GroupBy(a => a.ProjectId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var names = await AreaNames.LookupAsync(db, page.Items.Select(r => r.AreaCode).Distinct(), ct);
        return page with { Items = [.. page.Items.Select(r => r with { AreaName = names.GetValueOrDefault(r.AreaCode, ""), Activities = counts.GetValueOrDefault(r.Id),
            Overdue = ProjectRules.IsOverdue(r.Status, r.EndOn, today) })] };
    }

    /// <summary>How many projects of the query (its status and overdue aside) are in each status, and overdue now: the list's tabs.</summary>
    public static async Task<Counts> CountAsync(AppDb db, CurrentUser user, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var filtered = Filtered(db, user, q);
        var byStatus = await filtered.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var overdue = await filtered.CountAsync(ProjectRules.OverdueOn(Platform.ChinaTime.Today(clock)), ct);
        return new Counts(byStatus, byStatus.Values.Sum()) { Overdue = overdue };
    }

    static System.Linq.Expressions.Expression<Func<Project, bool>> Not(System.Linq.Expressions.Expression<Func<Project, bool>> e) =>
        System.Linq.Expressions.Expression.Lambda<Func<Project, bool>>(System.Linq.Expressions.Expression.Not(e.Body), e.Parameters);

    public sealed record Counts(IReadOnlyDictionary<ProjectStatus, int> ByStatus, int All)
    {
        /// <summary>逾期未结项 now (<see cref="ProjectRules.OverdueOn"/>).</summary>
        public int Overdue { get; init; }
        public int Of(ProjectStatus s) => ByStatus.GetValueOrDefault(s);
    }
}
