namespace Wushe.Platform.Outcomes;

/// <summary>One page of a list: the items, the total count, and where we are. Sizes 10 / 20 / 50 / 100.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total, int Page, int Size)
{
    public int Pages => Math.Max(1, (Total + Size - 1) / Size);

    /// <summary>Row number that continues across pages (序号).</summary>
    public int RowNumber(int index) => (Page - 1) * Size + index + 1;
}

public static class Paging
{
    public static readonly int[] Sizes = [10, 20, 50, 100];

    public static (int Page, int Size) Normalize(int? page, int? size) =>
        (Math.Max(1, page ?? 1), Sizes.Contains(size ?? 0) ? size!.Value : 20);

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
