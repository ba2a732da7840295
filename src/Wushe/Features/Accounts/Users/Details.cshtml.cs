using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Accounts.Users;

/// <summary>用户详情: masked phone and ID; 查看 with a reason shows one in full (and is audited).</summary>
[Authorize(AccountsPermissions.ManageUsersPolicy)]
public sealed class DetailsModel(AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public GetUser.Details Subject { get; private set; } = null!;

    public bool CanReveal => me.Has(AccountsPermissions.RevealSensitive);

    /// <summary>The field whose reveal form is open (after a failed attempt), and the value shown after a successful one.</summary>
    public string? RevealField { get; private set; }

    public RevealUserField.Revealed? Revealed { get; private set; }

    [BindProperty]
    public RevealUserField.Request Reveal { get; set; } = new(null, null);

    public async Task<IActionResult> OnGetAsync() => await Load() ? Page() : NotFound();

    public async Task<IActionResult> OnPostRevealAsync()
    {
        ModelState.Clear();
        var result = await RevealUserField.Handle(db, me, sealer, clock, Id, Reveal);
        if (result.Failure is { Kind: FailureKind.NotFound }) return NotFound();
        if (!await Load()) return NotFound();
        RevealField = Reveal.Field;
        if (result.IsOk)
        {
            Revealed = result.Value;
            Reveal = new(null, null);
        }
        else ModelState.AddFailure(result.Failure!, "Reveal.");
        return Page();
    }

    async Task<bool> Load()
    {
        var found = await GetUser.Handle(db, me, clock, Id);
        if (!found.IsOk) return false;
        Subject = found.Value!;
        return true;
    }

    public string? ErrorOf(string key) => ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0 ? string.Join(" ", e.Errors.Select(x => x.ErrorMessage)) : null;
}
