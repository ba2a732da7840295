using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Households;

/// <summary>
/// 我参与探访的家庭: for organization staff and volunteers, the households of the visits they took part in
/// (<see cref="VisitParticipant.UserId"/> = the user) and nothing else, with non-sensitive fields only: the community, the
/// address, the head's name masked (张*丰), the card, the last visit, and the visits they were on. No resident's record
/// (so never a child's), no ID number, phone, health or finding.
/// </summary>
public static class LinkedHouseholds
{
    public sealed record Query([Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery;

    public sealed record VisitTaken(DateOnly VisitedOn, VisitMethod Method);

    /// <param name="CardName">The card's name in the page's language (<see cref="CardNames"/>).</param>
    public sealed record Row(Guid Id, string CommunityName, string Address, string HeadName, string? CardName, string? CardColour, DateOnly? LastVisitedOn, List<VisitTaken> MyVisits);


    /// <summary>The households of the visits the user took part in (the rule of this list; the scope filter is off for the whole query).</summary>
    static IQueryable<Household> Mine(AppDb db, Guid me) => db.Set<Household>().IgnoreQueryFilters(AppDb.Unscoped)
        .Where(h => db.Set<VisitParticipant>().IgnoreQueryFilters(AppDb.Unscoped).Any(p => p.HouseholdId == h.Id && p.UserId == me));

    /// <summary>How many households the list holds: the figure on the home page of a volunteer or organization staff member, which opens the list.</summary>
    public static async Task<int> CountAsync(AppDb db, CurrentUser user, CancellationToken ct = default) =>
        user.Id is { } me ? await Mine(db, me).CountAsync(ct) : 0;

    public static async Task<PageOf<Row>> Handle(AppDb db, CurrentUser user, Query q, CancellationToken ct = default)
    {
        if (user.Id is not { } me) return new PageOf<Row>([], 0, 1, 20);
        // A volunteer has no area scope and an organization's scope is not a household's: the scope filter is replaced by
        // the explicit rule of this list, "a visit I took part in" (the filter is off for the whole query, the subquery too).
        var households = Mine(db, me)
            .OrderByDescending(h => h.LastVisitedOn).ThenBy(h => h.Id)
            .Select(h => new { h.Id, h.AreaCode, h.Address, h.HeadName, h.CardSchemeId, h.CardColour, h.CardName, h.LastVisitedOn });
        var page = await households.ToPageAsync(q.Page, q.Size, ct);
        var ids = page.Items.Select(h => h.Id).ToList();
        var visits = await (from p in db.Set<VisitParticipant>().IgnoreQueryFilters(AppDb.Unscoped)
                            join v in db.Set<Visit>().IgnoreQueryFilters(AppDb.Unscoped) on p.VisitId equals v.Id
                            where p.UserId == me && ids.Contains(p.HouseholdId)
                            select new { p.HouseholdId, v.VisitedOn, v.Method }).ToListAsync(ct);
        var names = await AreaNames.LookupAsync(db, page.Items.Select(h => h.AreaCode), ct);
        var cards = await CardNames.LoadAsync(db, page.Items.Select(h => h.CardSchemeId), ct);
        var rows = page.Items.Select(h => new Row(h.Id, names.GetValueOrDefault(h.AreaCode, ""), h.Address, Mask.Name(h.HeadName),
            cards.Name(h.CardSchemeId, h.CardColour, h.CardName), h.CardColour, h.LastVisitedOn,
            visits.Where(v => v.HouseholdId == h.Id).OrderByDescending(v => v.VisitedOn).Select(v => new VisitTaken(v.VisitedOn, v.Method)).ToList())).ToList();
        return new PageOf<Row>(rows, page.Total, page.Page, page.Size);
    }
}
