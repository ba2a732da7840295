using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Hours;

/// <summary>我的服务时长 (phone first): stars and the way to the next, final and posted hours, each record with a dispute while it is posted (<see cref="MyHours"/>).</summary>
[Authorize(VolunteersPermissions.SelfPolicy)]
public sealed class MineModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }
    [BindProperty] public DisputeHourRecord.Request Dispute { get; set; } = new(null);

    public MyHours.Response? Hours { get; private set; }
    /// <summary>The record whose dispute form failed, to open it again with its message.</summary>
    public Guid? Open { get; private set; }

    public async Task OnGetAsync() =>
        Hours = (await MyHours.Handle(db, me, clock, PageNumber is >= 1 ? PageNumber : null, Paging.Sizes.Contains(Size ?? 0) ? Size : 20)).Value;

    public async Task<IActionResult> OnPostDisputeAsync(Guid recordId)
    {
        var r = Dispute;
        var result = await ModelState.IfParsed(() => DisputeHourRecord.Handle(db, me, clock, recordId, r));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("已提出异议，组织方核实后会答复您", "Disputed; the organizer will answer");
            return Redirect("/Volunteers/Hours/Mine");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Dispute.");
        if (result.Failure.Errors is null) ModelState.AddModelError("Dispute.Form", result.Failure.Title);
        Open = recordId;
        await OnGetAsync();
        return Page();
    }

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
}
