using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// 我的探访: active households in the user's scope whose next visit falls due within the week (today and the six days after)
/// or is overdue, read from the <see cref="Household.NextDueOn"/> roll-up (indexes on area/worker and the due date), China
/// dates (<see cref="VisitPlan"/>). Filters: <c>due</c> = overdue | today | week (all three when none), <c>mine</c> (the
/// user's own households as responsible worker; on by default for whoever carries households, <see cref="DefaultMineAsync"/>), the area tree,
/// a keyword on the head's name or the address, one responsible worker (<c>worker</c>, a user id) or the households with none
/// (<c>unassigned=true</c>): the lists behind the counts of <see cref="ByWorker"/>, which link here with the same area and keyword. Sorts: due (default: earliest first), overdue (most days overdue first,
/// the most frequent tier first among ties), area.
/// </summary>
public static class MyVisits
{
    public sealed record Query(string? Area = null, string? Keyword = null, string? Due = null, [Label("只看我包户的", "Mine only")] bool? Mine = null,
        string? Sort = null, [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null,
        [Label("包户社工", "Responsible worker")] Guid? Worker = null, [Label("未分配包户社工", "Unassigned")] bool? Unassigned = null)
        : IPagedQuery, IAreaFilteredQuery, ISortedQuery
    {
        public IReadOnlyList<string> SortKeys => Sorts;
    }

    public static readonly IReadOnlyList<string> Sorts = ["due", "overdue", "area"];
    public static readonly IReadOnlyList<string> DueFilters = ["overdue", "today", "week"];

    /// <param name="CardName">The card's name in the page's language (<see cref="CardNames"/>).</param>
    public sealed record Row(Guid Id, string AreaCode, string AreaName, string Address, string HeadName, string? CardName, string? CardColour,
        int VisitEveryDays, Guid? WorkerId, string WorkerName, DateOnly? LastVisitedOn, DateOnly NextDueOn, int DaysOverdue, DueState State, DateOnly? MajorChangeOn);

    /// <summary>How many households are overdue, due today and due within the week (today included) under the same filters but <c>due</c>.</summary>
    public sealed record Counts(int Overdue, int Today, int Week);

    public sealed record Response(PageOf<Row> Page, Counts Counts, bool Mine, DateOnly Today);

    /// <summary>
    /// Mine only by default for whoever carries households (the responsible worker of an active household in scope); a
    /// station head or community staff who carry none open on all the households of their scope, with the per-worker
    /// summary (issue 7: "a station head sees the same per social worker"; review 7b F5).
    /// </summary>
    public static Task<bool> DefaultMineAsync(AppDb db, CurrentUser user, CancellationToken ct = default) =>
        db.Set<Household>().AnyAsync(h => h.WorkerId == user.Id && h.NextDueOn != null, ct);

    /// <summary>The <c>due</c> filter's rule (API 400, page condition not applied): one of overdue, today, week, or none.</summary>
    /// <summary><see cref="Problems"/> and the worker filter's rules (<see cref="Workers.FilterProblemsAsync"/>).</summary>
    public static async Task<Dictionary<string, string[]>> ProblemsAsync(AppDb db, Query q, CancellationToken ct = default)
    {
        var problems = Problems(q);
        foreach (var (field, messages) in await Workers.FilterProblemsAsync(db, q.Worker, q.Unassigned, ct)) problems[field] = messages;
        return problems;
    }

    public static Dictionary<string, string[]> Problems(Query q)
    {
        var problems = Platform.Web.ListQueries.Problems(q.Page, q.Size, q.Area, q);
        if (q.Due is { Length: > 0 } due && !DueFilters.Contains(due))
            problems["due"] = [Lang.T("到期范围须为 overdue、today、week 之一", "The due filter is one of overdue, today, week")];
        return problems;
    }

    /// <summary>The households of the list before the due filter: active, due within the week or overdue, the user's filters.</summary>
    static IQueryable<Household> Filtered(AppDb db, CurrentUser user, Query q, DateOnly today, bool mine)
    {
        var weekEnd = today.AddDays(6);
        // Closed households have no due date: NextDueOn not null is "active", and the index (AreaCode, NextDueOn) holds it.
        var households = db.Set<Household>().Under(q.Area).Where(h => h.NextDueOn != null && h.NextDueOn <= weekEnd);
        if (mine) households = households.Where(h => h.WorkerId == user.Id);
        if (q.Worker is { } worker) households = households.Where(h => h.WorkerId == worker);
        if (q.Unassigned == true) households = households.Where(h => h.WorkerId == null);
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            households = households.Where(h => h.HeadName.Contains(k) || h.Address.Contains(k));
        }
        return households;
    }

    public static async Task<Response> Handle(AppDb db, CurrentUser user, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        // A list asked for by worker (the per-worker counts' links) is of all households, not the user's own only.
        var mine = q.Mine ?? (q.Worker is null && q.Unassigned != true && await DefaultMineAsync(db, user, ct));
        var all = Filtered(db, user, q, today, mine);
        var counts = await all.GroupBy(_ => 1).Select(g => new Counts(
            g.Count(h => h.NextDueOn < today), g.Count(h => h.NextDueOn == today), g.Count(h => h.NextDueOn >= today))).FirstOrDefaultAsync(ct) ?? new Counts(0, 0, 0);

        var households = q.Due switch
        {
            "overdue" => all.Where(h => h.NextDueOn < today),
            "today" => all.Where(h => h.NextDueOn == today),
            "week" => all.Where(h => h.NextDueOn >= today),
            _ => all,
        };
        households = q.Sort switch
        {
            "overdue" => households.OrderBy(h => h.NextDueOn).ThenBy(h => h.VisitEveryDays).ThenBy(h => h.AreaCode).ThenBy(h => h.Id),
            "area" => households.OrderBy(h => h.AreaCode).ThenBy(h => h.NextDueOn).ThenBy(h => h.Id),
            _ => households.OrderBy(h => h.NextDueOn).ThenBy(h => h.AreaCode).ThenBy(h => h.Address).ThenBy(h => h.Id),
        };
        var rows = from h in households
                   join a in db.Areas on h.AreaCode equals a.Code into named
                   from a in named.DefaultIfEmpty()
                   select new { h, AreaName = a == null ? "" : a.Name };
        var page = await rows.Select(x => new { x.h.Id, x.h.AreaCode, x.AreaName, x.h.Address, x.h.HeadName, x.h.CardSchemeId, x.h.CardName, x.h.CardColour, x.h.VisitEveryDays,
            x.h.WorkerId, x.h.WorkerName, x.h.LastVisitedOn, x.h.NextDueOn, x.h.MajorChangeOn }).ToPageAsync(q.Page, q.Size, ct);
        var cards = await CardNames.LoadAsync(db, page.Items.Select(x => x.CardSchemeId), ct);
        var items = page.Items.Select(x => new Row(x.Id, x.AreaCode, x.AreaName, x.Address, x.HeadName, cards.Name(x.CardSchemeId, x.CardColour, x.CardName), x.CardColour, x.VisitEveryDays,
            x.WorkerId, x.WorkerName, x.LastVisitedOn, x.NextDueOn!.Value, VisitPlan.DaysOverdue(x.NextDueOn, today), VisitPlan.State(x.NextDueOn, today), x.MajorChangeOn)).ToList();
        return new Response(new PageOf<Row>(items, page.Total, page.Page, page.Size), counts, mine, today);
    }

    public sealed record WorkerRow(Guid? WorkerId, string WorkerName, int Overdue, int Today, int Week);

    /// <summary>The list behind a count of <paramref name="row"/>: the summary's area and keyword, all households, the row's worker, <paramref name="due"/>.</summary>
    public static Query ListQuery(Query summary, WorkerRow row, string due) =>
        new(summary.Area, summary.Keyword, due, Mine: false, Worker: row.WorkerId, Unassigned: row.WorkerId is null ? true : null);

    /// <summary>Who sees the list per social worker (a station head, and any station worker): the week's list counted per responsible worker (and "unassigned": no id).</summary>
    public static bool MaySeeSummary(CurrentUser user) => user.Active?.Role is Role.StationWorker;

    /// <summary>
    /// 按社工统计: overdue, due today and due within the week per responsible worker, for the households of the list (the area
    /// tree and keyword apply; <c>due</c>, <c>mine</c>, the worker filter and paging do not), most overdue first; "unassigned" is a
    /// row with no id. Each count is the total of the list <see cref="Handle"/> gives for the same area and keyword with
    /// <c>mine=false</c>, the row's <c>worker</c> (or <c>unassigned=true</c>) and the count's <c>due</c> (<see cref="ListQuery"/>).
    /// </summary>
    public static async Task<List<WorkerRow>> ByWorker(AppDb db, CurrentUser user, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var groups = await Filtered(db, user, q with { Worker = null, Unassigned = null }, today, mine: false).GroupBy(h => new { h.WorkerId, h.WorkerName })
            .Select(g => new { g.Key.WorkerId, g.Key.WorkerName, Overdue = g.Count(h => h.NextDueOn < today), Today = g.Count(h => h.NextDueOn == today),
                Week = g.Count(h => h.NextDueOn >= today) })
            .ToListAsync(ct);
        // A worker renamed between assignments may appear under two names: one row per worker.
        return groups.GroupBy(g => g.WorkerId)
            .Select(g => new WorkerRow(g.Key, g.Key is null ? Lang.T("未分配包户社工", "Unassigned") : g.OrderByDescending(x => x.Overdue + x.Week).First().WorkerName,
                g.Sum(x => x.Overdue), g.Sum(x => x.Today), g.Sum(x => x.Week)))
            .OrderBy(r => r.WorkerId is null).ThenByDescending(r => r.Overdue).ThenByDescending(r => r.Week).ThenBy(r => r.WorkerName, StringComparer.Ordinal).ToList();
    }
}
