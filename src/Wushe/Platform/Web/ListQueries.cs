using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Outcomes;

namespace Wushe.Platform.Web;

/// <summary>
/// Lists check their paging, area filter and sort key by one rule (<see cref="Paging.Problems"/>, <see cref="AreaCode.Check"/>):
/// the API refuses a bad value with a 400 naming it; a page shows it as a search condition not applied. An area filter
/// outside the user's scope is 404 on the API and on the pages alike (<see cref="OutsideScope"/>), as any record out of scope
/// is (DESIGN.md): never an empty list that reads as "nothing there".
/// </summary>
public static class ListQueries
{
    /// <summary>Field → messages for a list query's paging, area filter and sort key; empty when all is well.</summary>
    public static Dictionary<string, string[]> Problems(int? page, int? size, string? area = null, ISortedQuery? sorted = null, object? query = null)
    {
        var problems = Paging.Problems(page, size);
        // A filter of a list of choices takes one of them: a number the choices do not hold (focus=999), or a combination of
        // flags (focus=Other,ElderlyCare), is refused by name, never read as "nothing matches".
        foreach (var property in (query ?? sorted)?.GetType().GetProperties() ?? [])
            if ((Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) is { IsEnum: true } type
                && property.GetValue(query ?? sorted) is { } value && !Enum.IsDefined(type, value))
                problems[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = [Localization.Lang.T($"“{value}”不是可选的值", $"\"{value}\" is not one of the choices")];
        if (!string.IsNullOrWhiteSpace(area) && AreaCode.Check(area) is { } message) problems["area"] = [message];
        if (sorted is { Sort: { Length: > 0 } sort } && !sorted.SortKeys.Contains(sort))
            problems["sort"] = [Localization.Lang.T($"排序方式须为 {string.Join("、", sorted.SortKeys)} 之一", $"The sort is one of {string.Join(", ", sorted.SortKeys)}")];
        return problems;
    }

    /// <summary>
    /// The scope rule of an area filter: a well-formed area code (any of the 2–12-digit forms) that the user's active scope
    /// does not cover. A malformed one is <see cref="Problems"/>' business; none is the user's whole scope.
    /// </summary>
    public static bool OutsideScope(CurrentUser user, string? area) =>
        AreaCode.Normalize(area) is { } code && !user.Scope.Covers(code);

    /// <summary>
    /// API: every <see cref="IPagedQuery"/>, <see cref="IAreaFilteredQuery"/> and <see cref="ISortedQuery"/> argument is
    /// checked before the list runs (400 naming the value). With <paramref name="scoped"/> (the signed-in API), an area
    /// filter outside the caller's scope is 404; the public API's area filters name public places and are not scoped.
    /// </summary>
    public static TBuilder CheckingListQueries<TBuilder>(this TBuilder builder, bool scoped) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            foreach (var argument in context.Arguments)
            {
                if (argument is not (IPagedQuery or IAreaFilteredQuery or ISortedQuery)) continue;
                var paged = argument as IPagedQuery;
                var area = (argument as IAreaFilteredQuery)?.Area;
                var problems = Problems(paged?.Page, paged?.Size, area, argument as ISortedQuery, argument);
                if (problems.Count > 0) return Http.Problem(Failure.Invalid(problems));
                if (scoped && OutsideScope(context.HttpContext.RequestServices.GetRequiredService<CurrentUser>(), area))
                    return Http.Problem(Failure.NotFound());
            }
            return await next(context);
        });

    /// <summary>
    /// A list page's export whose search conditions did not parse exports nothing: back to the list with the same conditions
    /// (so that it names them) and a toast saying nothing was exported.
    /// </summary>
    public static IActionResult ExportRefused(this Microsoft.AspNetCore.Mvc.RazorPages.PageModel page)
    {
        page.TempData["ToastError"] = Localization.Lang.T("查询条件格式不正确，未导出", "The search conditions are not valid; nothing was exported");
        var kept = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(page.Request.QueryString.Value).Where(p => p.Key != "handler");
        return new RedirectResult(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(page.Request.Path.Value ?? "/", kept));
    }

    /// <summary>
    /// Pages: a page model that is an <see cref="IAreaFilteredQuery"/> (its bound <c>Area</c>), and any signed-in page
    /// opened with <c>?area=</c> (a form pre-set to an area: register a household, a group), answers 404 for an area outside
    /// the user's scope, before any handler runs — the same rule as the API's. Anonymous pages (the public ones name
    /// public places) are not scoped.
    /// </summary>
    public sealed class AreaScopeFilter : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            if (context.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any()) return;
            var user = context.HttpContext.RequestServices.GetRequiredService<CurrentUser>();
            if (context.HandlerInstance is IAreaFilteredQuery page && OutsideScope(user, page.Area)
                || context.HttpContext.Request.Query.TryGetValue("area", out var area) && area.Any(a => OutsideScope(user, a)))
                context.Result = new NotFoundResult();
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }
    }

    /// <summary>Pages: the same problems, under the page's own field names, shown as conditions not applied (_Unparsed).</summary>
    public static void AddListProblems(this ModelStateDictionary modelState, int? page, int? size, string? area = null, ISortedQuery? sorted = null, object? query = null)
    {
        foreach (var (field, messages) in Problems(page, size, area, sorted, query))
            foreach (var message in messages) modelState.AddModelError(field, message);
    }
}
