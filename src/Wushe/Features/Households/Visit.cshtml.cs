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

/// <summary>记录入户探访: the visit form of a household (<c>?household=</c>), a need raised from a finding in the same step.</summary>
[Authorize(HouseholdsPermissions.VisitPolicy)]
public sealed class VisitModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "household")] public Guid HouseholdId { get; set; }
    [BindProperty] public RecordVisit.Request Input { get; set; } = new(null, VisitMethod.InPerson);
    [BindProperty, Label("提交需求", "Raise a need")] public bool RaiseNeedOn { get; set; }
    [BindProperty, Label("仍然记录", "Record it anyway")] public bool ConfirmSameDay { get; set; }

    /// <summary>Visits of this household already recorded on the form's day (today when the form opens): the page warns, and a save asks for <see cref="ConfirmSameDay"/>.</summary>
    public int SameDay { get; private set; }

    public VisitContext.Info Household { get; private set; } = null!;
    public List<Workers.Worker> SocialWorkers { get; private set; } = [];
    public List<Workers.Worker> Volunteers { get; private set; } = [];

    async Task<bool> LoadAsync()
    {
        if (await VisitContext.LoadAsync(db, HouseholdId) is not { } info) return false;
        Household = info;
        SocialWorkers = await Workers.VisitorCandidatesAsync(db, info.AreaCode);
        Volunteers = await RecordVisit.VolunteersAsync(db, info.AreaCode, null);
        return true;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Input = Input with
        {
            VisitedOn = ChinaTime.Today(clock),
            SocialWorkers = SocialWorkers.Any(w => w.Id == me.Id) ? [me.Id!.Value] : [],
            ResidentsSeen = [.. Household.Members.Select(m => m.Id)],
        };
        SameDay = await RecordVisit.SameDayVisitsAsync(db, HouseholdId, Input.VisitedOn!.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        // The need's fields count only with "raise a need" ticked: otherwise whatever they hold (hidden, perhaps unreadable) is
        // ignored, parse errors included.
        if (!RaiseNeedOn)
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.RaiseNeed", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        // Boxes left unticked post nothing: on this form that means none (the API's "none given" defaults do not apply).
        var input = Input with
        {
            SocialWorkers = Input.SocialWorkers ?? [],
            ResidentsSeen = Input.ResidentsSeen ?? [],
            RaiseNeed = RaiseNeedOn ? Input.RaiseNeed ?? new RecordVisit.NeedRequest(null, null, null) : null,
        };
        // A second visit of the household on the same day is recorded only once the user confirms it (a replay or a slip would count twice).
        if (ModelState.IsValid && input.VisitedOn is { } on && !ConfirmSameDay
            && RecordVisit.Validate(input, ChinaTime.Today(clock)) is { Any: false }
            && (SameDay = await RecordVisit.SameDayVisitsAsync(db, HouseholdId, on)) > 0)
        {
            ModelState.AddModelError(nameof(ConfirmSameDay), Lang.T($"该户今日已有探访记录（{on:yyyy-MM-dd} 已记录 {SameDay} 次）；确认不是重复记录后，勾选“仍然记录”再提交",
                $"This household already has a visit on {on:yyyy-MM-dd} ({SameDay} recorded); if this is not a repeat, tick \"Record it anyway\" and submit again"));
            return Page();
        }
        var result = await ModelState.IfParsed("Input.", () => RecordVisit.Validate(input, ChinaTime.Today(clock)), () => RecordVisit.Handle(db, me, clock, HouseholdId, input));
        if (result.IsOk)
        {
            TempData["Toast"] = result.Value!.NeedId is null ? Lang.T("探访已记录", "Visit recorded") : Lang.T("探访已记录，需求已提交", "Visit recorded; the need was raised");
            return Redirect("/Households/MyVisits");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Input.");
        return Page();
    }

    public bool Has(List<Guid>? list, Guid id) => list?.Contains(id) == true;
}
