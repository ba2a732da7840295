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
        CommunityPath = string.Join(" / ", await AreaNames.PathAsync(db, code));
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
}
