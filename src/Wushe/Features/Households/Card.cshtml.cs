using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Households;

/// <summary>调整户卡 and 指定包户社工 of a household (<c>?household=</c>): two small forms over the same household.</summary>
[Authorize(HouseholdsPermissions.ManagePolicy)]
public sealed class CardModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "household")] public Guid HouseholdId { get; set; }
    [BindProperty] public AssignCard.Request Input { get; set; } = new(null, null, null);
    [BindProperty] public AssignWorker.Request Worker { get; set; } = new(null);

    public VisitContext.Info Household { get; private set; } = null!;
    public GetHouseholdCard.Response Card { get; private set; } = null!;
    public List<Workers.Worker> Candidates { get; private set; } = [];

    async Task<bool> LoadAsync()
    {
        if (await VisitContext.LoadAsync(db, HouseholdId) is not { } info || (await GetHouseholdCard.Handle(db, HouseholdId)).Value is not { } card) return false;
        Household = info;
        Card = card;
        Candidates = await Workers.CandidatesAsync(db, info.AreaCode);
        return true;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Input = new AssignCard.Request(Card.CardColour, null, ChinaTime.Today(clock));
        Worker = new AssignWorker.Request(Card.WorkerId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        // Every bad field in one answer: when a value did not parse, the colour is still checked against the household's scheme.
        var rules = ModelState.IsValid ? null : await AssignCard.ValidateAsync(Input, ChinaTime.Today(clock), db, HouseholdId);
        var result = await ModelState.IfParsed("Input.", () => rules!, () => AssignCard.Handle(db, me, clock, HouseholdId, Input));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("修改成功", "Saved");
            return Redirect($"/Households/Details/{HouseholdId}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Input.");
        return Page();
    }

    public async Task<IActionResult> OnPostWorkerAsync()
    {
        if (!await LoadAsync()) return NotFound();
        var result = await ModelState.IfParsed(() => AssignWorker.Handle(db, HouseholdId, Worker));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("修改成功", "Saved");
            return Redirect($"/Households/Details/{HouseholdId}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Worker.");
        Input = new AssignCard.Request(Card.CardColour, null, ChinaTime.Today(clock));
        return Page();
    }
}
