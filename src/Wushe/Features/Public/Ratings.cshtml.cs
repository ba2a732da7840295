using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Stations;

namespace Wushe.Features.Public;

/// <summary>The public list of rated stations (no sign-in; no personal data).</summary>
public sealed class RatingsModel(AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }

    public List<PublicRatings.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = await PublicRatings.Handle(db, Area);
}
