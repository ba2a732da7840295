using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Features.Areas;
using Wushe.Features.Needs;
using Wushe.Platform;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers;

/// <summary>
/// 志愿者注册: the public mobile page (no sign-in; often opened from a community's QR code, <c>?area=</c> a community code) where a
/// person registers as a volunteer and gets an account (<see cref="JoinAsVolunteer"/>); signed in at once, they land on their own page.
/// </summary>
[AllowAnonymous]
public sealed class JoinModel(AppDb db, UserManager<User> users, SignInManager<User> signIn, Sealer sealer, TimeProvider clock, JoinLimits limits) : PageModel
{
    [BindProperty] public JoinAsVolunteer.Request Input { get; set; } = new();
    public string? CommunityPath { get; private set; }
    public bool Elder { get; private set; }

    public async Task OnGetAsync(string? area, bool? elder)
    {
        Elder = ElderMode.Read(HttpContext, elder);
        Input = new JoinAsVolunteer.Request { AreaCode = area };
        await LoadAsync();
    }

    async Task LoadAsync()
    {
        var code = AreaCode.Normalize(Input.AreaCode);
        if (code is null) return;
        if (!await db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]).AnyAsync(a => a.Code == code && a.ValidTo == null && a.Level == AreaLevel.Village)) return;
        CommunityPath = string.Join(" / ", await db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => AreaNames.SelfAndAncestors(code).Contains(a.Code))
            .OrderBy(a => a.Level).Select(a => a.Name).ToListAsync());
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Elder = ElderMode.Read(HttpContext, null);
        var input = Input;
        var result = await ModelState.IfParsed("Input.", () => JoinAsVolunteer.Validate(input, ChinaTime.Today(clock)),
            () => JoinAsVolunteer.Handle(db, users, sealer, clock, limits, HttpContext.Connection.RemoteIpAddress?.ToString(), input));
        if (result.IsOk)
        {
            var user = await users.FindByIdAsync(result.Value!.UserId.ToString());
            await signIn.SignInAsync(user!, isPersistent: false);
            TempData["Toast"] = result.Value.Linked
                ? Lang.T($"账号已开通，您的志愿者编号 {result.Value.VolunteerNo}（社区此前已为您登记）", $"Account opened; your volunteer number is {result.Value.VolunteerNo} (your community registered you before)")
                : Lang.T($"注册成功，您的志愿者编号 {result.Value.VolunteerNo}", $"Registered: your volunteer number is {result.Value.VolunteerNo}");
            return Redirect("/Volunteers/Me");
        }
        Response.SetRetryAfter(result.Failure!.RetryAfter);
        ModelState.AddFailure(result.Failure, "Input.");
        // A password is never sent back to the page.
        Input = Input with { Password = null };
        await LoadAsync();
        return Page();
    }

    /// <summary>The cascader's levels on this public page: current areas under <paramref name="parent"/> (provinces when none), names only.</summary>
    public async Task<IActionResult> OnGetAreasAsync(string? parent, [FromServices] Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        var code = parent is null ? null : AreaCode.Normalize(parent);
        if (parent is not null && code is null) return BadRequest();
        var areas = db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => a.ValidTo == null);
        areas = code is null ? areas.Where(a => a.Level == AreaLevel.Province) : areas.Where(a => a.ParentCode == code);
        var list = await areas.OrderBy(a => a.Code).Select(a => new { a.Code, a.Name, a.Level }).Take(1000).ToListAsync();
        return new JsonResult(list.Select(a => new { a.Code, a.Name, a.Level, HasChildren = a.Level != AreaLevel.Village }), json.Value.SerializerOptions);
    }
}
