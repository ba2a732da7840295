using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Platform.Access;

namespace Wushe.Platform.Web;

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

