using Microsoft.EntityFrameworkCore;
using Wushe.Data;

namespace Wushe.Features.Households;

/// <summary>What the household forms (visit, card, major change) show above their fields: the household in the user's scope, its members.</summary>
public static class VisitContext
{
    public sealed record Member(Guid Id, string Name, Relation Relation, DateOnly BirthDate);

    /// <param name="CardName">The card's name in the page's language (<see cref="CardNames"/>).</param>
    public sealed record Info(Guid Id, string AreaCode, string AreaName, string Address, string HeadName, string? CardName, string? CardColour,
        string WorkerName, DateOnly? LastVisitedOn, DateOnly? NextDueOn, bool Closed, List<Member> Members);

    /// <summary>The household and its active members; null when it does not exist or lies outside the scope (404).</summary>
    public static async Task<Info?> LoadAsync(AppDb db, Guid householdId, CancellationToken ct = default)
    {
        var h = await db.Set<Household>().AsNoTracking().Where(x => x.Id == householdId)
            .Select(x => new { x.Id, x.AreaCode, x.Address, x.HeadName, x.CardSchemeId, x.CardName, x.CardColour, x.WorkerName, x.LastVisitedOn, x.NextDueOn, x.Status })
            .FirstOrDefaultAsync(ct);
        if (h is null) return null;
        var members = await db.Set<Resident>().Where(r => r.HouseholdId == householdId && r.Status == ResidentStatus.Active)
            .OrderBy(r => r.Relation).ThenBy(r => r.BirthDate).ThenBy(r => r.Id)
            .Select(r => new Member(r.Id, r.Name, r.Relation, r.BirthDate)).ToListAsync(ct);
        var area = (await Areas.AreaNames.LookupAsync(db, [h.AreaCode], ct)).GetValueOrDefault(h.AreaCode, "");
        var cards = await CardNames.LoadAsync(db, [h.CardSchemeId], ct);
        return new Info(h.Id, h.AreaCode, area, h.Address, h.HeadName, cards.Name(h.CardSchemeId, h.CardColour, h.CardName), h.CardColour, h.WorkerName, h.LastVisitedOn, h.NextDueOn,
            h.Status == HouseholdStatus.Closed, members);
    }
}
