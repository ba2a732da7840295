using Microsoft.AspNetCore.Mvc.ModelBinding;
using Wushe.Platform.Areas;
using Wushe.Platform.Outcomes;

namespace Wushe.Platform.Web;

/// <summary>
/// Lists check their paging, area filter and sort key by one rule (<see cref="Paging.Problems"/>, <see cref="AreaCode.Check"/>):
/// the API refuses a bad value with a 400 naming it; a page shows it as a search condition not applied.
/// </summary>
public static class ListQueries
{
    /// <summary>Field → messages for a list query's paging, area filter and sort key; empty when all is well.</summary>
    public static Dictionary<string, string[]> Problems(int? page, int? size, string? area = null, ISortedQuery? sorted = null)
    {
        var problems = Paging.Problems(page, size);
        if (!string.IsNullOrWhiteSpace(area) && AreaCode.Check(area) is { } message) problems["area"] = [message];
        if (sorted is { Sort: { Length: > 0 } sort } && !sorted.SortKeys.Contains(sort))
            problems["sort"] = [Localization.Lang.T($"排序方式须为 {string.Join("、", sorted.SortKeys)} 之一", $"The sort is one of {string.Join(", ", sorted.SortKeys)}")];
        return problems;
    }

    /// <summary>API: every <see cref="IPagedQuery"/> and <see cref="IAreaFilteredQuery"/> argument is checked before the list runs.</summary>
    public static TBuilder CheckingListQueries<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            foreach (var argument in context.Arguments)
            {
                if (argument is not (IPagedQuery or IAreaFilteredQuery or ISortedQuery)) continue;
                var paged = argument as IPagedQuery;
                var problems = Problems(paged?.Page, paged?.Size, (argument as IAreaFilteredQuery)?.Area, argument as ISortedQuery);
                if (problems.Count > 0) return Http.Problem(Failure.Invalid(problems));
            }
            return await next(context);
        });

    /// <summary>Pages: the same problems, under the page's own field names, shown as conditions not applied (_Unparsed).</summary>
    public static void AddListProblems(this ModelStateDictionary modelState, int? page, int? size, string? area = null, ISortedQuery? sorted = null)
    {
        foreach (var (field, messages) in Problems(page, size, area, sorted))
            foreach (var message in messages) modelState.AddModelError(field, message);
    }
}
