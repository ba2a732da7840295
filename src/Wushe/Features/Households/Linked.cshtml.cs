using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Households;

/// <summary>我参与探访的家庭 (organization staff, volunteers): the households of the visits one took part in, non-sensitive fields.</summary>
[Authorize(HouseholdsPermissions.LinkedPolicy)]
public sealed class LinkedModel(AppDb db, CurrentUser me) : PageModel
{
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public PageOf<LinkedHouseholds.Row> Households { get; private set; } = new([], 0, 1, 20);

    public async Task OnGetAsync()
    {
        ModelState.AddListProblems(PageNumber, Size);
        Households = await LinkedHouseholds.Handle(db, me, new LinkedHouseholds.Query(PageNumber, Size));
    }
}
