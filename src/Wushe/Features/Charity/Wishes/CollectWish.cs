using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity.Wishes;

/// <summary>
/// 征集微心愿: a social worker records a wish of a person in casework of the scope (a child or a person in difficulty) — an alias, the wish,
/// a story for the wall, its value (yuan, above 0, at most <see cref="WishOptions.ValueMaxYuan"/>), and whom a claimer contacts. The age
/// is the person's age today. Nothing public yet: it waits for verification (<see cref="VerifyWish"/>). Failures: 400 naming the field
/// (the public text holding the person's name: <see cref="WishRules.Identifies"/>).
/// </summary>
public static class CollectWish
{
    public sealed record Request(
        [property: Label("心愿人", "Person")] Guid? ResidentId,
        [property: Label("化名", "Alias")] string? Alias,
        [property: Label("心愿", "Wish")] string? Item,
        [property: Label("心愿描述", "Story")] string? Story,
        [property: Label("估值（元）", "Value (yuan)")] decimal? ValueYuan,
        [property: Label("联系方式", "Contact")] string? Contact);

    public sealed record Collected(Guid Id);

    public static async Task<Result<Collected>> Handle(AppDb db, CurrentUser user, TimeProvider clock, IOptions<WishOptions> options, Request r, CancellationToken ct = default)
    {
        var max = options.Value.ValueMaxYuan;
        var errors = new Errors()
            .Text("alias", r.Alias, "化名", "The alias", 1, WishRules.AliasMax)
            .Text("item", r.Item, "心愿", "The wish", 2, WishRules.ItemMax)
            .Text("story", r.Story, "心愿描述", "The story", 0, WishRules.StoryMax, required: false)
            .Text("contact", r.Contact, "联系方式", "The contact", 5, 100);
        if (r.ValueYuan is not { } yuan || !Money.IsYuan(yuan) || yuan > max)
            errors.Add("valueYuan", Lang.T($"估值须大于 0、不超过 {max:0} 元，最多两位小数", $"The value is above 0, at most {max:0} yuan, with two decimals"));
        var person = r.ResidentId is { } rid ? await db.Set<Resident>().AsNoTracking().Where(x => x.Id == rid && x.Status == ResidentStatus.Active)
            .Select(x => new { x.Id, x.Name, x.BirthDate, x.AreaCode }).FirstOrDefaultAsync(ct) : null;
        if (person is null) errors.Add("residentId", Lang.T("请选择辖区内在册的心愿人", "Choose a person on the register of your area"));
        else
        {
            if (WishRules.Identifies(r.Alias, person.Name) is { } a) errors.Add("alias", a);
            if (WishRules.Identifies(r.Item, person.Name) is { } i) errors.Add("item", i);
            if (WishRules.Identifies(r.Story, person.Name) is { } s) errors.Add("story", s);
        }
        if (errors.Any) return errors.ToFailure();
        var wish = new Wish(person!.AreaCode, person.Id, r.Alias!.Trim(), ChinaTime.AgeOn(person.BirthDate, ChinaTime.Today(clock)), r.Item!.Trim(), r.Story?.Trim() ?? "",
            Money.Fen(r.ValueYuan!.Value), r.Contact!.Trim(), user.Id, await Workers.NameAsync(db, user, ct), clock.GetUtcNow());
        db.Add(wish);
        await db.SaveChangesAsync(ct);
        return new Collected(wish.Id);
    }
}
