using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Stations;
using Wushe.Platform.Web;

namespace Wushe.Features.Public;

/// <summary>The public list of rated stations (no sign-in; no personal data).</summary>
public sealed class RatingsModel(AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }

    public List<PublicRatings.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        // A value that is no area code is named as a condition not applied (ListQueries), and the list shows every place.
        ModelState.AddListProblems(null, null, Area);
        Rows = await PublicRatings.Handle(db, new PublicRatings.Query(ModelState.IsValid ? Area : null));
    }
}
