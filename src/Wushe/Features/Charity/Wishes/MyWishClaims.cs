using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;

namespace Wushe.Features.Charity.Wishes;

/// <summary>我认领的心愿 (donor, volunteer; on a phone): the signed-in account's claims, newest first, with the wish and — while the claim holds — whom to contact and by when.</summary>
public static class MyWishClaims
{
    public sealed record Row(Guid ClaimId, Guid WishId, string Alias, int Age, string Item, long ValueFen, ClaimStatus Status, DateTimeOffset ClaimedAt,
        DateTimeOffset ContactDueAt, string? Contact, WishStatus WishStatus, string ThankYou);

    public static async Task<IReadOnlyList<Row>> Handle(AppDb db, CurrentUser user, CancellationToken ct = default)
    {
        if (user.Id is not { } me) return [];
        return await (from c in db.Set<WishClaim>().IgnoreQueryFilters([AppDb.ScopeFilter])
                      join w in db.Set<Wish>().IgnoreQueryFilters([AppDb.ScopeFilter]) on c.WishId equals w.Id
                      where c.ClaimerId == me
                      orderby c.ClaimedAt descending, c.Id descending
                      select new Row(c.Id, w.Id, w.Alias, w.Age, w.Item, w.ValueFen, c.Status, c.ClaimedAt, c.ContactDueAt,
                          c.Status == ClaimStatus.Active || c.Status == ClaimStatus.Contacted || c.Status == ClaimStatus.Delivered ? w.Contact : null,
                          w.Status, w.ThankYou))
            .Take(200).ToListAsync(ct);
    }
}
