using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Web;

namespace Wushe.Features.Stations.Supervisions;

[Authorize(StationsPermissions.SupervisePolicy)]
public sealed class CreateModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty]
    public RecordSupervision.Request Input { get; set; } = new(null, SupervisionKind.Supervision, null, null, null, null, null, null);

    public List<(Guid Id, string Name)> Stations { get; private set; } = [];

    public async Task OnGetAsync(Guid? stationId)
    {
        Input = Input with { StationId = stationId, VisitedOn = Platform.ChinaTime.Today(clock), SupervisorName = User.FindFirst("wushe:display")?.Value };
        await LoadStations();
    }

    async Task LoadStations() =>
        Stations = (await RecordSupervision.Supervisable(db.Stations, me).Where(s => s.Status == StationStatus.Active).OrderBy(s => s.AreaCode).ThenBy(s => s.Level).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Name }).Take(2000).ToListAsync()).Select(s => (s.Id, s.Name)).ToList();

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await ModelState.IfParsed("Input.", () => RecordSupervision.Validate(Input, clock), () => RecordSupervision.Handle(db, me, clock, Input));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("新增成功", "Added");
            return Redirect($"/Stations/Details?id={Input.StationId}&tab=supervision");
        }
        ModelState.AddFailure(result.Failure!, "Input.");
        await LoadStations();
        return Page();
    }
}
