using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Charity.Wishes;

/// <summary>
/// 认领: a donor or volunteer takes an open wish from the wall (any place: the wall is public). One claimer per wish: the wish's version
/// guards it, so of a hundred claims at once one is saved and the rest are told it is taken (409). Refused too: the account holds
/// <see cref="WishOptions.HoldAtOnce"/> wishes already (409); its own claim of this wish lapsed or was given up within
/// <see cref="WishOptions.CoolDownDays"/> (409). The claimer then has <see cref="WishOptions.ContactDays"/> to confirm contact with
/// <see cref="Wish.Contact"/>, shown in the answer. Failures: 404 (no open wish of that id).
/// </summary>
public static class ClaimWish
{
    public sealed record Claimed(Guid ClaimId, Guid WishId, DateTimeOffset ContactDueAt, string Contact);

    public static async Task<Result<Claimed>> Handle(AppDb db, CurrentUser user, TimeProvider clock, IOptions<WishOptions> options, Guid wishId, CancellationToken ct = default)
    {
        if (user.Id is not { } me) return Failure.Forbidden();
        var o = options.Value;
        var now = clock.GetUtcNow();
        var wishes = db.Set<Wish>().IgnoreQueryFilters([AppDb.ScopeFilter]);
        var claims = db.Set<WishClaim>().IgnoreQueryFilters([AppDb.ScopeFilter]);
        if (await wishes.FirstOrDefaultAsync(w => w.Id == wishId && w.Status != WishStatus.Collected && w.Status != WishStatus.Rejected, ct) is not { } wish)
            return Failure.NotFound();
        if (wish.Status != WishStatus.Published)
        {
            if (wish.Status == WishStatus.Funded)
                return Failure.Conflict(Lang.T("该心愿正在申请社区慈善基金资助，请选择其他心愿", "This wish is being funded from a community fund: choose another"));
            if (wish.ClaimId is { } held && await claims.AnyAsync(c => c.Id == held && c.ClaimerId == me, ct))
                return Failure.Conflict(Lang.T("您已认领该心愿，请在“我认领的心愿”中查看", "You have claimed this wish already: see My wish claims"));
            return Taken();
        }
        var since = now.AddDays(-o.CoolDownDays);
        if (await claims.AnyAsync(c => c.WishId == wishId && c.ClaimerId == me && (c.Status == ClaimStatus.Lapsed || c.Status == ClaimStatus.Withdrawn) && c.EndedAt > since, ct))
            return Failure.Conflict(Lang.T($"您对该心愿的认领已失效或放弃，{o.CoolDownDays} 天内不能再次认领，请把机会留给其他爱心人士",
                $"Your claim of this wish lapsed or was given up: you may claim it again after {o.CoolDownDays} days"));
        if (await claims.CountAsync(c => c.ClaimerId == me && (c.Status == ClaimStatus.Active || c.Status == ClaimStatus.Contacted), ct) >= o.HoldAtOnce)
            return Failure.Conflict(Lang.T($"您已认领 {o.HoldAtOnce} 个尚未送达的心愿，请先完成后再认领", $"You hold {o.HoldAtOnce} wishes not yet delivered: fulfil them first"));
        var name = await Households.Workers.NameAsync(db, user, ct);
        // A claimer's own scope holds no records: this write alone acts on the wish's place (CurrentUser.ActingOn).
        db.ActingAs(user.ActingOn(wish.AreaCode));
        var claim = new WishClaim(wish, me, name.Length > 0 ? name : user.UserName ?? "", now, TimeSpan.FromDays(o.ContactDays));
        db.Add(claim);
        wish.Take(claim.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another claim was saved first: nothing of this one is.
            db.ChangeTracker.Clear();
            return Taken();
        }
        return new Claimed(claim.Id, wish.Id, claim.ContactDueAt, wish.Contact);
    }

    static Failure Taken() => Failure.Conflict(Lang.T("该心愿已被其他爱心人士认领，请选择其他心愿", "Someone else has claimed this wish: choose another"));
}
