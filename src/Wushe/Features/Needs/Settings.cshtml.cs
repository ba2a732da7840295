using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Needs;

/// <summary>办理时限设置: the limits that apply in the user's area (its own, an area's above, or the platform's), and the form to set the area's own.</summary>
[Authorize(NeedsPermissions.ConfigurePolicy)]
public sealed class SettingsModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public SaveNeedTimeLimits.Request Input { get; set; } = new();

    /// <summary>The area whose limits are shown (the user's own when empty): a bureau picks one of its townships here.</summary>
    [BindProperty(SupportsGet = true, Name = "area")] public string? Area { get; set; }

    public GetNeedTimeLimits.Limits Limits { get; private set; } = null!;
    public string AreaCode { get; private set; } = "";
    public string AreaName { get; private set; } = "";
    public string OwnerName { get; private set; } = "";
    /// <summary>The user's area may hold its own limits (a city, county or township; not a community, not the whole country).</summary>
    public bool MaySet { get; private set; }

    /// <summary>A station worker who is not the station's head: the limits are read-only to them, and the page says who sets them.</summary>
    public bool StationWorkerNotHead { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await Load()) return NotFound();
        var l = Limits;
        Input = new SaveNeedTimeLimits.Request
        {
            AreaCode = AreaCode, NormalAcceptHours = l.NormalAcceptHours, NormalResolveDays = l.NormalResolveDays, UrgentAcceptHours = l.UrgentAcceptHours,
            UrgentResolveDays = l.UrgentResolveDays, CriticalAcceptHours = l.CriticalAcceptHours, CriticalResolveDays = l.CriticalResolveDays,
            Version = l.OwnerAreaCode == AreaCode ? l.Version : null,
        };
        return Page();
    }

    async Task<bool> Load()
    {
        var code = Platform.Areas.AreaCode.Normalize(Area) ?? me.Active?.AreaCode;
        if (code is null) return false;
        // An area outside the scope does not exist for the user (404), as a record out of scope.
        if (Area is not null && !await db.Areas.AnyAsync(a => a.Code == code)) return false;
        AreaCode = code;
        var result = await GetNeedTimeLimits.Handle(db, code);
        if (!result.IsOk)
        {
            // The whole country (a platform admin): the platform's defaults, not settable here.
            Limits = GetNeedTimeLimits.Limits.Of(NeedTimeLimits.Defaults);
            AreaName = Lang.T("全国", "The whole country");
        }
        else
        {
            Limits = result.Value!;
            AreaName = (await AreaNames.LookupAsync(db, [code])).GetValueOrDefault(code, code);
        }
        OwnerName = Limits.OwnerAreaCode == Scope.Country ? Lang.T("平台默认", "The platform's defaults")
            : (await AreaNames.LookupAsync(db, [Limits.OwnerAreaCode])).GetValueOrDefault(Limits.OwnerAreaCode, Limits.OwnerAreaCode);
        MaySet = result.IsOk && Platform.Areas.AreaCode.LevelOf(code) is AreaLevel.City or AreaLevel.County or AreaLevel.Township
            && await Households.CardSchemes.MaySetAsync(db, me, code);
        StationWorkerNotHead = result.IsOk && !MaySet && me.Active?.Role == Role.StationWorker;
        return true;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await Load()) return NotFound();
        if (!MaySet) return Forbid();
        var input = Input with { AreaCode = AreaCode };
        var result = await ModelState.IfParsed("Input.", () => SaveNeedTimeLimits.Validate(input), () => SaveNeedTimeLimits.Handle(db, clock, input));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("办理时限已保存，对此后登记和受理的需求生效", "Saved: the limits apply to needs raised and accepted from now on");
            return Redirect("/Needs/Settings" + (Area is null ? "" : "?area=" + AreaCode));
        }
        ModelState.AddFailure(result.Failure!, "Input.");
        return Page();
    }

    public string Invalid(string field) => ViewData.ModelState["Input." + field]?.Errors.Count > 0 ? "is-invalid" : "";
}
