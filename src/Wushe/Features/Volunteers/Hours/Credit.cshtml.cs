using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;

namespace Wushe.Features.Volunteers.Hours;

/// <summary>我的信用记录 (phone first): hours, stars, points and milestones over the years (<see cref="CreditRecord.Mine"/>).</summary>
[Authorize(VolunteersPermissions.SelfPolicy)]
public sealed class CreditModel(AppDb db, CurrentUser me) : PageModel
{
    public CreditRecord.Response? Record { get; private set; }

    public async Task OnGetAsync() => Record = (await CreditRecord.Mine(db, me)).Value;
}
