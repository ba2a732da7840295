using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity.Wishes;

/// <summary>
/// 核实发布: a collected wish found reasonable goes on the wall — its alias, wish and story as corrected here, never the person's name
/// (<see cref="WishRules.Identifies"/>) — or is not published, with the reason. Failures: 400 naming the field; 404; 409 (verified already).
/// </summary>
public static class VerifyWish
{
    public sealed record Request(
        [property: Label("核实结果", "Decision")] bool? Publish,
        [property: Label("化名", "Alias")] string? Alias,
        [property: Label("心愿", "Wish")] string? Item,
        [property: Label("心愿描述", "Story")] string? Story,
        [property: Label("不予发布的原因", "Reason")] string? Reason);

    public sealed record Verified(Guid Id, WishStatus Status);

    public static async Task<Result<Verified>> Handle(AppDb db, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        if (await db.Set<Wish>().FirstOrDefaultAsync(w => w.Id == id, ct) is not { } wish) return Failure.NotFound();
        var errors = new Errors();
        if (r.Publish is null) errors.Add("publish", Lang.T("请选择发布或不予发布", "Choose to publish or not"));
        else if (r.Publish == true)
        {
            errors.Text("alias", r.Alias, "化名", "The alias", 1, WishRules.AliasMax)
                .Text("item", r.Item, "心愿", "The wish", 2, WishRules.ItemMax)
                .Text("story", r.Story, "心愿描述", "The story", 0, WishRules.StoryMax, required: false);
            var name = await db.Set<Resident>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(x => x.Id == wish.ResidentId).Select(x => x.Name).FirstAsync(ct);
            if (WishRules.Identifies(r.Alias, name) is { } a) errors.Add("alias", a);
            if (WishRules.Identifies(r.Item, name) is { } i) errors.Add("item", i);
            if (WishRules.Identifies(r.Story, name) is { } s) errors.Add("story", s);
        }
        else errors.Text("reason", r.Reason, "不予发布的原因", "The reason", 2, 200);
        if (errors.Any) return errors.ToFailure();
        if (wish.Status != WishStatus.Collected)
            return Failure.Conflict(Lang.T($"该心愿{Wish.StatusLabel(wish.Status)}，已核实过", $"This wish is {Wish.StatusLabel(wish.Status)}: verified already"));
        if (r.Publish == true) wish.Publish(r.Alias!.Trim(), r.Item!.Trim(), r.Story?.Trim() ?? "", clock.GetUtcNow());
        else wish.Reject(r.Reason!.Trim());
        await db.SaveChangesAsync(ct);
        return new Verified(wish.Id, wish.Status);
    }
}
