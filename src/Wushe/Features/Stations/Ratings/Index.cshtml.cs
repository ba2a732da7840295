using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;

namespace Wushe.Features.Stations.Ratings;

[Authorize(StationsPermissions.ViewPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me) : PageModel
{
    public List<RatingRounds.RoundRow> Rounds { get; private set; } = [];
    public bool CanManage => me.Has(StationsPermissions.ManageRatings);

    public async Task OnGetAsync() => Rounds = await RatingRounds.List(db, me);
}
