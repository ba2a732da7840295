namespace Wushe.Platform.Outcomes;

/// <summary>One page of a list: the items, the total count, and where we are. Sizes 10 / 20 / 50 / 100.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total, int Page, int Size)
{
    public int Pages => Math.Max(1, (Total + Size - 1) / Size);

    /// <summary>Row number that continues across pages (序号).</summary>
    public int RowNumber(int index) => (Page - 1) * Size + index + 1;
}

/// <summary>
/// A list's query (API: <c>[AsParameters]</c>): its page and size are checked by <see cref="Paging.Problems"/> before the
/// list runs, so that a value out of range is a 400 naming it, never silently replaced.
/// </summary>
public interface IPagedQuery
{
    int? Page { get; }
    int? Size { get; }
}

/// <summary>A list's query with an area filter: a filter that is not an area code is refused, never dropped (which would widen the list).</summary>
public interface IAreaFilteredQuery
{
    string? Area { get; }
}

/// <summary>
/// A list's query with a choice of order: a sort key the list does not know is refused by name, never replaced by the
/// default order. The keys are the list's own (lower-case words, e.g. "name"); none means the list's default.
/// </summary>
public interface ISortedQuery
{
    string? Sort { get; }

    /// <summary>The sort keys the list knows (a get-only property: <c>[AsParameters]</c> binds nothing to it).</summary>
    IReadOnlyList<string> SortKeys { get; }
}

public static class Paging
{
    public static readonly int[] Sizes = [10, 20, 50, 100];

    /// <summary>Page from 1 (default 1), size one of <see cref="Sizes"/> (default 20), once they passed <see cref="Problems"/>.</summary>
    public static (int Page, int Size) Normalize(int? page, int? size) =>
        (Math.Max(1, page ?? 1), Sizes.Contains(size ?? 0) ? size!.Value : 20);

    /// <summary>
    /// The one rule for paging values, for the API (a 400 naming the field) and the pages (a search condition named as
    /// not applied): the page is a whole number from 1, the size one of 10, 20, 50, 100. Field → message; empty when fine.
    /// </summary>
    public static Dictionary<string, string[]> Problems(int? page, int? size)
    {
        var problems = new Dictionary<string, string[]>();
        if (page is < 1) problems["page"] = [Localization.Lang.T("页码须为从 1 开始的整数", "The page is a whole number from 1")];
        if (size is { } s && !Sizes.Contains(s))
            problems["size"] = [Localization.Lang.T("每页条数须为 10、20、50 或 100", "The page size is 10, 20, 50 or 100")];
        return problems;
    }

    public static async Task<PageOf<T>> ToPageAsync<T>(this IQueryable<T> query, int? page, int? size, CancellationToken ct = default)
    {
        var (p, s) = Normalize(page, size);
        var total = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(query, ct);
        var items = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(query.Skip((p - 1) * s).Take(s), ct);
        return new PageOf<T>(items, total, p, s);
    }
}

/// <summary>What the shared pager partial needs of a page of any list.</summary>
public sealed record Pager(int Total, int Page, int Size, int Pages)
{
    public static Pager Of<T>(PageOf<T> page) => new(page.Total, page.Page, page.Size, page.Pages);
}
