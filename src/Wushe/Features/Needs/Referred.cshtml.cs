using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;

namespace Wushe.Features.Needs;

/// <summary>转介给本机构的需求: organization staff read the needs referred to their organization (<see cref="ReferredNeeds"/>), one card each.</summary>
[Authorize(NeedsPermissions.ReferredPolicy)]
public sealed class ReferredModel(AppDb db, CurrentUser me) : PageModel
{
    public List<ReferredNeeds.Row> Needs { get; private set; } = [];

    public async Task OnGetAsync() => Needs = await ReferredNeeds.Handle(db, me);
}
