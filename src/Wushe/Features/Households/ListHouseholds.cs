using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// 家庭户名册: households in the user's scope, searched by a member's name, the head's name or the address
/// (<c>keyword</c>), the last characters of a member's ID number (<c>idTail</c>, 4 characters as shown masked), a member's
/// target-group tag (<c>tag</c>) or any tag at all (<c>tagged=true</c>: households with a member in a key group, the home
/// page's 重点人群 figure), the card colour, the visit state and the responsible worker (<c>worker</c>, or <c>unassigned=true</c>
/// for households with none); sorted; paged.
/// </summary>
public static class ListHouseholds
{
    public sealed record Query(string? Area = null, string? Keyword = null, [Label("身份证号后四位", "ID number's last 4")] string? IdTail = null,
        [Label("重点人群标签", "Target group")] Guid? Tag = null, [Label("户卡颜色", "Card colour")] string? Colour = null,
        [Label("探访状态", "Visit state")] DueState? Due = null, [Label("状态", "Status")] HouseholdStatus? Status = null,
        [Label("包户社工", "Responsible worker")] Guid? Worker = null, string? Sort = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null,
        [Label("重点人群", "In a target group")] bool? Tagged = null,
        [Label("未分配包户社工", "Unassigned")] bool? Unassigned = null) : IPagedQuery, IAreaFilteredQuery, ISortedQuery
    {
        /// <summary>"due" (the default: next visit first), "area", "head", "registered" (newest first).</summary>
        public IReadOnlyList<string> SortKeys => Sorts;
    }

    public static readonly IReadOnlyList<string> Sorts = ["due", "area", "head", "registered"];

    public sealed record Row(Guid Id, string AreaCode, string AreaName, string Address, string HeadName, int MemberCount, Guid? CardSchemeId,
        string? CardColour, string? CardName, string WorkerName, DateOnly? LastVisitedOn, DateOnly? NextDueOn, HouseholdStatus Status)
    {
        /// <summary>The card's colour (#RRGGBB) from its scheme; filled in after the query.</summary>
        public string? CardHex { get; init; }
    }

    /// <summary>The list's own rules beyond paging, area and sort (the API's 400, the page's banner): the ID tail and the worker filter.</summary>
    public static async Task<Dictionary<string, string[]>> ProblemsAsync(AppDb db, Query q, CancellationToken ct = default)
    {
        var problems = await Workers.FilterProblemsAsync(db, q.Worker, q.Unassigned, ct);
        if (CheckIdTail(q.IdTail) is { } message) problems["idTail"] = [message];
        return problems;
    }

    /// <summary>The ID tail as searched: 4 characters, digits and a final X (a lower-case x is the same).</summary>
    public static string? CheckIdTail(string? tail) =>
        string.IsNullOrWhiteSpace(tail) ? null
        : tail.Trim().Length == 4 && tail.Trim().ToUpperInvariant().Select((c, i) => char.IsAsciiDigit(c) || (c == 'X' && i == 3)).All(ok => ok) ? null
        : Lang.T("身份证号后四位应为 4 位数字（最后一位可为 X）", "The ID number's last 4 are four digits (the last may be X)");

    /// <summary>The index the default order walks (next visit, then area): named here because a wide SQLite list names it.</summary>
    public const string DueIndex = "IX_Household_NextDueOn_AreaCode";

    /// <summary>The index a keyword search walks: every column the "contains" test and the due order read (the scope's range first).</summary>
    public const string KeywordIndex = "IX_Household_Keyword";

    /// <summary>From this many households, SQLite walks <see cref="DueIndex"/> in order for the default sort (below).</summary>
    public const int WideList = 20_000;

    /// <summary>Up to this many households match a keyword, the matches are read once and paged in memory (below).</summary>
    public const int KeywordMatchesPagedInMemory = 5_000;

    /// <summary>
    /// A page of the list. The default order is next visit first (closed households, with no due date, last), then id.
    /// Performance at a city's scale (docs/PERFORMANCE.md "Through the use cases"):
    /// - SQLite, a list of <paramref name="wideFrom"/> households or more: the page walks <see cref="DueIndex"/> in order
    ///   and stops after a page (<c>INDEXED BY</c>): its planner otherwise takes the scope's area range — a whole city
    ///   for a city user — and sorts every row of it before the first 20. The scope filter applies as always.
    /// - A keyword (name/address "contains" reads every household of the scope): the matches' ids and due dates are read
    ///   in one pass and paged in memory when there are at most <see cref="KeywordMatchesPagedInMemory"/>, instead of a
    ///   count and a page that would read them twice.
    /// </summary>
    public static Task<PageOf<Row>> Handle(AppDb db, Query q, DateOnly today, CancellationToken ct = default) => Handle(db, q, today, WideList, ct);

    /// <summary><see cref="Handle(AppDb, Query, DateOnly, CancellationToken)"/> with the wide-list threshold given (tests take the wide path with a few rows).</summary>
    public static async Task<PageOf<Row>> Handle(AppDb db, Query q, DateOnly today, int wideFrom, CancellationToken ct = default)
    {
        var households = Filtered(db, db.Set<Household>(), q, today);
        var (pageNumber, size) = Paging.Normalize(q.Page, q.Size);
        var skip = (pageNumber - 1) * size;
        var byDue = q.Sort is not ("area" or "head" or "registered");
        if (byDue && !string.IsNullOrWhiteSpace(q.Keyword))
        {
            var found = await households.Select(h => new { h.Id, h.NextDueOn }).Take(KeywordMatchesPagedInMemory + 1).ToListAsync(ct);
            if (found.Count <= KeywordMatchesPagedInMemory)
            {
                var ids = found.OrderBy(f => f.NextDueOn is null).ThenBy(f => f.NextDueOn).ThenBy(f => f.Id).Skip(skip).Take(size).Select(f => f.Id).ToList();
                var byId = (await Rows(db, db.Set<Household>().Where(h => ids.Contains(h.Id))).ToListAsync(ct)).ToDictionary(r => r.Id);
                return await Paged([.. ids.Where(byId.ContainsKey).Select(id => byId[id])], found.Count, pageNumber, size, ct);
            }
        }
        // The count reads the households alone (the area names' join would be paid for every row of a city).
        var total = await households.CountAsync(ct);
        List<Row> items;
        // Every sort ends with the unique id: rows that tie keep one order between pages.
        if (!byDue)
            items = await Rows(db, q.Sort switch
            {
                "area" => households.OrderBy(h => h.AreaCode).ThenBy(h => h.Address).ThenBy(h => h.Id),
                "head" => households.OrderBy(h => h.HeadName).ThenBy(h => h.Id),
                _ => households.OrderByDescending(h => h.CreatedAt).ThenBy(h => h.Id),
            }).Skip(skip).Take(size).ToListAsync(ct);
        else
        {
            // Next visit first, closed households (no due date) last — in two reads, so that the first one walks the
            // (NextDueOn, AreaCode) index in order and stops after a page, where "NextDueOn IS NULL" first sorted a whole city.
            var source = total >= wideFrom && db.Database.IsSqlite()
                ? db.Set<Household>().FromSqlRaw($"SELECT * FROM \"Household\" INDEXED BY \"{DueIndex}\"")
                : db.Set<Household>();
            var dated = Filtered(db, source, q, today).Where(h => h.NextDueOn != null);
            items = await Rows(db, dated.OrderBy(h => h.NextDueOn).ThenBy(h => h.Id)).Skip(skip).Take(size).ToListAsync(ct);
            if (items.Count < size)
            {
                var datedCount = items.Count > 0 ? skip + items.Count : await dated.CountAsync(ct);
                items.AddRange(await Rows(db, households.Where(h => h.NextDueOn == null).OrderBy(h => h.Id))
                    .Skip(Math.Max(0, skip - datedCount)).Take(size - items.Count).ToListAsync(ct));
            }
        }
        return await Paged(items, total, pageNumber, size, ct);

        async Task<PageOf<Row>> Paged(List<Row> rows, int count, int number, int pageSize, CancellationToken token)
        {
            var page = new PageOf<Row>(rows, count, number, pageSize);
            return page with { Items = await WithCardColours(db, page.Items, token) };
        }
    }

    /// <summary>The query's filters over <paramref name="source"/> (the scope filter applies to any source).</summary>
    static IQueryable<Household> Filtered(AppDb db, IQueryable<Household> source, Query q, DateOnly today)
    {
        var households = source.Under(q.Area);
        var residents = db.Set<Resident>();
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            // A member's name by the (Name, AreaCode) index, as a set of household ids (a correlated EXISTS walks every household).
            var named = residents.Where(r => r.Name == k).Select(r => r.HouseholdId);
            households = households.Where(h => named.Contains(h.Id) || h.HeadName.Contains(k) || h.Address.Contains(k));
        }
        if (!string.IsNullOrWhiteSpace(q.IdTail) && CheckIdTail(q.IdTail) is null)
        {
            var tail = q.IdTail.Trim().ToUpperInvariant();
            // By the (IdTail, AreaCode) index, as a set of household ids.
            var tailed = residents.Where(r => r.IdTail == tail).Select(r => r.HouseholdId);
            households = households.Where(h => tailed.Contains(h.Id));
        }
        if (q.Tag is { } tag)
        {
            var tagged = db.Set<ResidentTag>().Where(t => t.TargetGroupId == tag).Select(t => t.HouseholdId);
            households = households.Where(h => tagged.Contains(h.Id));
        }
        if (q.Tagged is { } anyTag)
        {
            var tagged = db.Set<ResidentTag>().Select(t => t.HouseholdId);
            households = anyTag ? households.Where(h => tagged.Contains(h.Id)) : households.Where(h => !tagged.Contains(h.Id));
        }
        if (!string.IsNullOrWhiteSpace(q.Colour)) households = households.Where(h => h.CardColour == q.Colour.Trim());
        if (q.Status is { } status) households = households.Where(h => h.Status == status);
        if (q.Worker is { } worker) households = households.Where(h => h.WorkerId == worker);
        if (q.Unassigned == true) households = households.Where(h => h.WorkerId == null);
        var week = today.AddDays(6);
        return q.Due switch
        {
            DueState.Overdue => households.Where(h => h.NextDueOn < today),
            DueState.Today => households.Where(h => h.NextDueOn == today),
            DueState.ThisWeek => households.Where(h => h.NextDueOn >= today && h.NextDueOn <= week),
            DueState.Later => households.Where(h => h.NextDueOn > week),
            _ => households,
        };
    }

    /// <summary>The rows of a page, with their area's name.</summary>
    static IQueryable<Row> Rows(AppDb db, IQueryable<Household> households) =>
        from h in households
        join a in db.Areas on h.AreaCode equals a.Code into named
        from a in named.DefaultIfEmpty()
        select new Row(h.Id, h.AreaCode, a == null ? "" : a.Name, h.Address, h.HeadName, h.MemberCount, h.CardSchemeId, h.CardColour, h.CardName,
            h.WorkerName, h.LastVisitedOn, h.NextDueOn, h.Status);

    /// <summary>The cards' colours from their schemes (held at or above the households' areas: read without the scope filter, by id).</summary>
    public static async Task<IReadOnlyList<Row>> WithCardColours(AppDb db, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        var cards = await CardNames.LoadAsync(db, rows.Select(r => r.CardSchemeId), ct);
        return [.. rows.Select(r => r with { CardHex = cards.Hex(r.CardSchemeId, r.CardColour), CardName = cards.Name(r.CardSchemeId, r.CardColour, r.CardName) })];
    }

    /// <summary>Where a row's visit stands today (for the badge), and its days overdue.</summary>
    public static (DueState State, int DaysOverdue) Due(Row r, DateOnly today) =>
        (r.Status == HouseholdStatus.Closed ? DueState.None : VisitPlan.State(r.NextDueOn, today), VisitPlan.DaysOverdue(r.NextDueOn, today));
}
