using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;

namespace Wushe.Features.Charity.Wishes;

/// <summary>
/// A claimer reaches their own claims whatever place the wish is in (the wall is public): the claim of the signed-in account, tracked,
/// with its wish — or null, which the steps answer as 404. Shared by <see cref="ConfirmContact"/>, <see cref="GiveUpClaim"/> and
/// <see cref="DeliverWish"/>.
/// </summary>
static class MyClaim
{
    public static async Task<(WishClaim Claim, Wish Wish)?> FindAsync(AppDb db, CurrentUser user, Guid claimId, CancellationToken ct)
    {
        if (user.Id is not { } me) return null;
        var claim = await db.Set<WishClaim>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(c => c.Id == claimId && c.ClaimerId == me, ct);
        if (claim is null) return null;
        var wish = await db.Set<Wish>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstAsync(w => w.Id == claim.WishId, ct);
        // The claimer's own scope holds no records: their steps write on the wish's place (CurrentUser.ActingOn).
        db.ActingAs(user.ActingOn(wish.AreaCode));
        return (claim, wish);
    }
}
