using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Platform.Access;

namespace Wushe.Features.Admin;

/// <summary>
/// A page that needs a permission of the active role, checked before any handler runs (attributes
/// cannot name a permission object). Without it: the 没有权限 page, as for any forbidden page.
/// </summary>
public abstract class PermissionPageModel(Permission permission) : PageModel
{
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var me = HttpContext.RequestServices.GetRequiredService<CurrentUser>();
        if (!me.Has(permission))
        {
            context.Result = Forbid();
            return;
        }
        await next();
    }
}

/// <summary>What the pager shows: 共 N 条, the page links and the page size.</summary>
public sealed record Pager(int Total, int Page, int Size, int Pages)
{
    public static Pager Of<T>(Platform.Outcomes.PageOf<T> page) => new(page.Total, page.Page, page.Size, page.Pages);
}
