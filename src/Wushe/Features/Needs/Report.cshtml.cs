using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;
using Wushe.Platform.Web;

namespace Wushe.Features.Needs;

/// <summary>
/// 居民诉求（我要反映）: the residents' mobile page, no sign-in — usually opened from the community's QR code (?area= a community
/// code) — to tell the community of a need (<see cref="ReportNeed"/>); the answer is the need's number, to follow it on
/// <c>/Needs/Track</c>. Without a community in the address, the resident picks it level by level (public division names).
/// Elder mode (长辈版): larger text and buttons, kept in a cookie.
/// </summary>
[AllowAnonymous]
public sealed class ReportModel(AppDb db, Sealer sealer, TimeProvider clock, ResidentLimits limits) : PageModel
{
    [BindProperty] public ReportNeed.Request Input { get; set; } = new();
    /// <summary>Up to <see cref="ReportNeed.MaxPhotos"/> photos sent with the report.</summary>
    [BindProperty, Label("照片", "Photos")] public List<IFormFile>? Photos { get; set; }

    /// <summary>The community named by the address, as "省 / 市 / 县 / 乡镇 / 社区".</summary>
    public string? CommunityPath { get; private set; }
    public RaiseNeed.Raised? Reported { get; private set; }
    public bool Elder { get; private set; }

    public async Task OnGetAsync(string? area, bool? elder)
    {
        Elder = ElderMode.Read(HttpContext, elder);
        Input = new ReportNeed.Request { AreaCode = area, Urgency = NeedUrgency.Normal };
        await LoadAsync();
    }

    async Task LoadAsync()
    {
        var code = AreaCode.Normalize(Input.AreaCode);
        if (code is null) return;
        if (!await db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]).AnyAsync(a => a.Code == code && a.ValidTo == null && a.Level == AreaLevel.Village)) return;
        var names = await db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => AreaNames.SelfAndAncestors(code).Contains(a.Code))
            .OrderBy(a => a.Level).Select(a => a.Name).ToListAsync();
        CommunityPath = string.Join(" / ", names);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Elder = ElderMode.Read(HttpContext, null);
        var input = Input;
        var photos = Photos;
        var result = await ModelState.IfParsed("Input.", () => ReportNeed.Validate(input),
            () => ReportNeed.Handle(db, sealer, clock, limits, HttpContext.Connection.RemoteIpAddress?.ToString(), input, photos));
        if (result.IsOk)
        {
            Reported = result.Value;
            return Page();
        }
        ModelState.AddFailure(result.Failure!, "Input.");
        await LoadAsync();
        return Page();
    }

    /// <summary>The cascader's levels on this public page: the current areas under <paramref name="parent"/> (provinces when none), names only (public data).</summary>
    public async Task<IActionResult> OnGetAreasAsync(string? parent, [FromServices] Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        var code = parent is null ? null : AreaCode.Normalize(parent);
        if (parent is not null && code is null) return BadRequest();
        var areas = db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => a.ValidTo == null);
        areas = code is null ? areas.Where(a => a.Level == AreaLevel.Province) : areas.Where(a => a.ParentCode == code);
        var list = await areas.OrderBy(a => a.Code).Select(a => new { a.Code, a.Name, a.Level }).Take(1000).ToListAsync();
        return new JsonResult(list.Select(a => new { a.Code, a.Name, a.Level, HasChildren = a.Level != AreaLevel.Village }), json.Value.SerializerOptions);
    }

    public string Invalid(string field) => ViewData.ModelState["Input." + field]?.Errors.Count > 0 ? "is-invalid" : "";
}

/// <summary>长辈版 (UI.md): larger text, buttons and spacing on residents' pages; chosen by ?elder=true|false, kept in a cookie for a year.</summary>
public static class ElderMode
{
    public const string Cookie = "wushe.elder";

    public static bool Read(HttpContext http, bool? chosen)
    {
        if (chosen is { } c)
        {
            http.Response.Cookies.Append(Cookie, c ? "1" : "0", new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return c;
        }
        return http.Request.Cookies[Cookie] == "1";
    }
}
