using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Features.Stations;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity.Wishes;

/// <summary>
/// 征集微心愿 (<see cref="CollectWish"/>): the person is chosen among the scope's children (under 18) on the register — or given by
/// ?residentId= from their household — and the contact starts as the station and its contact person (the worker adds a phone).
/// </summary>
[Authorize(CharityPermissions.KeepWishesPolicy)]
public sealed class CollectModel(AppDb db, CurrentUser me, TimeProvider clock, IOptions<WishOptions> options) : PageModel
{
    public sealed record Person(Guid Id, string Label);

    [BindProperty(SupportsGet = true)] public Guid? ResidentId { get; set; }
    [BindProperty] public CollectWish.Request Input { get; set; } = new(null, null, null, null, null, null);
    public List<Person> People { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var station = await db.Stations.OrderByDescending(s => s.Level).Select(s => s.Name + " " + s.ContactName).FirstOrDefaultAsync();
        Input = Input with { ResidentId = ResidentId, Contact = station };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Input;
        var result = await ModelState.IfParsed(() => CollectWish.Handle(db, me, clock, options, input));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("已登记，核实后即可发布到心愿墙", "Collected: verify it to publish it");
            return Redirect($"/Charity/Wishes/Details/{result.Value!.Id}");
        }
        ModelState.AddFailure(result.Failure!, "Input.");
        await LoadAsync();
        return Page();
    }

    async Task LoadAsync()
    {
        var born = ChinaTime.Today(clock).AddYears(-18);
        var chosen = Input.ResidentId;
        var rows = await db.Set<Resident>().Where(r => r.Status == ResidentStatus.Active && (r.BirthDate > born || r.Id == chosen))
            .OrderBy(r => r.AreaCode).ThenBy(r => r.Name).Take(500).Select(r => new { r.Id, r.Name, r.BirthDate }).ToListAsync();
        var today = ChinaTime.Today(clock);
        People = rows.Select(r => new Person(r.Id, Lang.T($"{r.Name}（{ChinaTime.AgeOn(r.BirthDate, today)}岁）", $"{r.Name} ({ChinaTime.AgeOn(r.BirthDate, today)})"))).ToList();
    }
}
