using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Web;

namespace Wushe.Features.Casework;

/// <summary>开案: find the client by name (residents in scope), then the problem, worker and date.</summary>
[Authorize(CaseworkPermissions.ManagePolicy)]
public sealed class OpenModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public OpenCase.Request Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public sealed record Candidate(Guid Id, string Name, Sex Sex, int Age, string Address);

    public List<Candidate> Residents { get; private set; } = [];
    public List<Workers.Worker> WorkerOptions { get; private set; } = [];

    public async Task OnGetAsync(Guid? residentId)
    {
        Input = new OpenCase.Request { ResidentId = residentId, OpenedOn = ChinaTime.Today(clock), WorkerId = me.Id };
        await Load();
    }

    async Task Load()
    {
        var today = ChinaTime.Today(clock);
        var residents = HouseholdLookups.ActiveResidents(db);
        if (Input.ResidentId is { } id && string.IsNullOrWhiteSpace(Q)) residents = residents.Where(r => r.Id == id);
        else if (!string.IsNullOrWhiteSpace(Q)) residents = residents.Where(r => r.Name.Contains(Q.Trim()) || r.Id == Input.ResidentId);
        else residents = residents.Where(r => false);
        Residents = (await (from r in residents
                            join h in db.Set<Household>() on r.HouseholdId equals h.Id
                            orderby r.Name, r.Id
                            select new { r.Id, r.Name, r.Sex, r.BirthDate, h.Address }).Take(20).ToListAsync())
            .Select(r => new Candidate(r.Id, r.Name, r.Sex, ChinaTime.AgeOn(r.BirthDate, today), r.Address)).ToList();
        var area = Residents.Count == 1 ? await db.Set<Resident>().Where(r => r.Id == Residents[0].Id).Select(r => r.AreaCode).FirstAsync()
            : me.Active?.AreaCode is { Length: 12 } a && a.EndsWith("000", StringComparison.Ordinal) ? a[..9] + "001" : null;
        if (area is not null) WorkerOptions = await Workers.CandidatesAsync(db, area);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await ModelState.IfParsed("Input.", () => OpenCase.Validate(Input, clock), () => OpenCase.Handle(db, me, clock, Input));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T($"开案成功：{result.Value!.CaseNo}", $"Case opened: {result.Value!.CaseNo}");
            return Redirect($"/Casework/Details?id={result.Value.Id}");
        }
        ModelState.AddFailure(result.Failure!, "Input.");
        await Load();
        return Page();
    }
}
