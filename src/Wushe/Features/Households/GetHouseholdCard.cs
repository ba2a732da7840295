using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// 户卡与探访计划: a household's current card (its colour from the scheme that applies), visiting frequency, responsible
/// worker, last and next visit, the last major change, the history of its cards (newest first), and the scheme's colours
/// to choose from (null when no area above defines one). 404 out of scope.
/// </summary>
public static class GetHouseholdCard
{
    /// <summary>One line of the card history; the names in the page's language (<see cref="CardNames"/>).</summary>
    public sealed record Change(DateOnly AssignedOn, string ColourName, string? PreviousName, string Reason, string AssignedByName, DateTimeOffset RecordedAt);

    /// <param name="Name">The scheme's name in the page's language.</param>

    public sealed record SchemeView(Guid Id, string Name, string AreaCode, string AreaName, List<CardColour> Colours);

    public sealed record Response(Guid HouseholdId, string AreaCode, string Address, bool Closed, string? CardColour, string? CardName, string? CardHex,
        int VisitEveryDays, Guid? WorkerId, string WorkerName, DateOnly? LastVisitedOn, DateOnly? NextDueOn, DateOnly? MajorChangeOn, string MajorChangeNote,
        SchemeView? Scheme, List<Change> History);

    public static async Task<Result<Response>> Handle(AppDb db, Guid householdId, CancellationToken ct = default)
    {
        var h = await db.Set<Household>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == householdId, ct);
        if (h is null) return Failure.NotFound();
        var lines = await db.Set<CardAssignment>().Where(c => c.HouseholdId == householdId).OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id)
            .Take(50).Select(c => new { c.SchemeId, c.Colour, c.AssignedOn, c.ColourName, c.PreviousName, c.Reason, c.AssignedByName, c.RecordedAt }).ToListAsync(ct);
        var cards = await CardNames.LoadAsync(db, lines.Select(c => (Guid?)c.SchemeId).Append(h.CardSchemeId), ct);
        // The previous card was of the same scheme, or of the one before it (its name kept): found by its name.
        var history = lines.Select(c => new Change(c.AssignedOn, cards.Name(c.SchemeId, c.Colour, c.ColourName)!,
            c.PreviousName is null ? null : cards.Name(c.SchemeId, null, c.PreviousName), c.Reason, c.AssignedByName, c.RecordedAt)).ToList();
        var scheme = await CardSchemes.For(db, h.AreaCode, ct);
        SchemeView? view = null;
        if (scheme is not null)
        {
            var name = (await AreaNames.LookupAsync(db, [scheme.AreaCode], ct)).GetValueOrDefault(scheme.AreaCode, "");
            view = new SchemeView(scheme.Id, CardNames.SchemeName(scheme), scheme.AreaCode, name, scheme.Colours);
        }
        // The colour shown is the assigned scheme's when it still applies; otherwise no colour swatch (the name stays).
        var colour = scheme is not null && scheme.Id == h.CardSchemeId ? scheme.Colour(h.CardColour) : null;
        var hex = colour?.Hex;
        // The card's name in the page's language (the scheme's English name on English pages, when it has one).
        return new Response(h.Id, h.AreaCode, h.Address, h.Status == HouseholdStatus.Closed, h.CardColour, cards.Name(h.CardSchemeId, h.CardColour, h.CardName), hex, h.VisitEveryDays, h.WorkerId, h.WorkerName,
            h.LastVisitedOn, h.NextDueOn, h.MajorChangeOn, h.MajorChangeNote, view, history);
    }
}
