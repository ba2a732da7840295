using Wushe.Features.Areas;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Charity.Wishes;

/// <summary>
/// A wish of the scope (staff): what the wall shows, the person it is for (name and household: staff only), every claim of it and every
/// fund request raised for it (<see cref="WishFunding"/>), oldest first; money in fen. 404 out of scope.
/// </summary>
public static class GetWish
{
    public sealed record Claim(Guid Id, string ClaimerName, ClaimStatus Status, DateTimeOffset ClaimedAt, DateTimeOffset ContactDueAt, DateTimeOffset? ContactedAt,
        DateTimeOffset? DeliveredAt, string Evidence, DateTimeOffset? EndedAt);

    public sealed record Funding(Guid FundId, string FundName, Guid RequestId, string RequestNo, DisbursementStatus Status, long AmountFen, long PaidFen, DateTimeOffset RaisedAt);

    public sealed record Response(Guid Id, string AreaCode, string AreaName, Guid ResidentId, string PersonName, Guid HouseholdId, string Alias, int Age, string Item,
        string Story, long ValueFen, string Contact, WishStatus Status, string StatusNote, int Priority, string CollectedByName, DateTimeOffset CollectedAt,
        DateTimeOffset? PublishedAt, DateTimeOffset? FulfilledAt, string ThankYou, IReadOnlyList<Claim> Claims, IReadOnlyList<Funding> Fundings);

    public static async Task<Result<Response>> Handle(AppDb db, Guid id, CancellationToken ct = default)
    {
        if (await db.Set<Wish>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct) is not { } w) return Failure.NotFound();
        var person = await db.Set<Resident>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(r => r.Id == w.ResidentId).Select(r => new { r.Name, r.HouseholdId }).FirstAsync(ct);
        var areaName = await db.Areas.IgnoreQueryFilters().Where(a => a.Code == w.AreaCode).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? w.AreaCode;
        var claims = await db.Set<WishClaim>().AsNoTracking().Where(c => c.WishId == id).OrderBy(c => c.ClaimedAt).ThenBy(c => c.Id)
            .Select(c => new Claim(c.Id, c.ClaimerName, c.Status, c.ClaimedAt, c.ContactDueAt, c.ContactedAt, c.DeliveredAt, c.Evidence, c.EndedAt)).ToListAsync(ct);
        var fundings = await (from q in db.Set<DisbursementRequest>().AsNoTracking().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(q => q.WishId == id)
                              join f in db.Set<CommunityFund>().IgnoreQueryFilters([AppDb.ScopeFilter]) on q.FundId equals f.Id
                              orderby q.RaisedAt, q.Id
                              select new Funding(f.Id, f.Name, q.Id, q.RequestNo, q.Status, q.AmountFen, q.PaidFen, q.RaisedAt)).ToListAsync(ct);
        return new Response(w.Id, w.AreaCode, areaName, w.ResidentId, person.Name, person.HouseholdId, w.Alias, w.Age, w.Item, w.Story, w.ValueFen, w.Contact, w.Status,
            w.StatusNote, w.Priority, w.CollectedByName, w.CollectedAt, w.PublishedAt, w.FulfilledAt, w.ThankYou, claims, fundings);
    }
}
