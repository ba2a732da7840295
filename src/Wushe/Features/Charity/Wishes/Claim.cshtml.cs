using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Charity.Wishes;

/// <summary>认领心愿 (donor, volunteer; on a phone): the wish as the wall shows it and the rule of the 7 days; 确认认领 calls <see cref="ClaimWish"/>.</summary>
[Authorize(CharityPermissions.ClaimWishesPolicy)]
public sealed class ClaimModel(AppDb db, CurrentUser me, TimeProvider clock, IOptions<WishOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public WishWall.Card? Wish { get; private set; }
    public int ContactDays => options.Value.ContactDays;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await ClaimWish.Handle(db, me, clock, options, Id);
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T($"认领成功！请在 {ChinaTime.Format(result.Value!.ContactDueAt)} 前联系：{result.Value.Contact}",
                $"Claimed! Contact {result.Value!.Contact} before {ChinaTime.Format(result.Value.ContactDueAt)}");
            return Redirect("/Charity/Wishes/Mine");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddModelError("", result.Failure.Title);
        return await LoadAsync() ? Page() : NotFound();
    }

    async Task<bool> LoadAsync()
    {
        Wish = await db.Set<Wish>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(w => w.Id == Id && w.Status != WishStatus.Collected && w.Status != WishStatus.Rejected)
            .Select(w => new WishWall.Card(w.Id, w.Alias, w.Age, w.Item, w.Story, w.ValueFen, "", w.Priority > 0, w.PublishedAt)).FirstOrDefaultAsync();
        return Wish is not null;
    }
}
