using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;

namespace Wushe.Features.Charity.Wishes;

/// <summary>
/// A micro-wish funded from a community fund instead of claimed (DOMAIN.md "Micro-wishes"; issue 10): the wish's side of a disbursement
/// request with purpose <see cref="DisbursementPurpose.MicroWish"/>, in one place. Raising the request takes an open wish off the wall
/// (<see cref="WishStatus.Funded"/>); a rejected or withdrawn request sends it back with priority; once paid, the social worker
/// confirms receipt as for a claimed wish.
/// </summary>
public static class WishFunding
{
    /// <summary>Why the request's public title may not name the wish's person, for a wish (<see cref="WishRules.Identifies"/>), or null.</summary>
    public static async Task<string?> TitleProblemAsync(AppDb db, Wish wish, string? title, CancellationToken ct = default)
    {
        var name = await db.Set<Households.Resident>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(x => x.Id == wish.ResidentId).Select(x => x.Name).FirstAsync(ct);
        return WishRules.Identifies(title, name);
    }

    /// <summary>The title a funding request starts with: the wish as the wall shows it ("微心愿：小雨，9岁，一套绘本").</summary>
    public static string Title(Wish wish) => Lang.T($"微心愿：{wish.Alias}，{wish.Age}岁，{wish.Item}", $"Micro-wish: {wish.Alias}, {wish.Age}, {wish.Item}");

    /// <summary>
    /// After <paramref name="request"/> was decided or closed (tracked, saved by the caller): rejected or withdrawn, its wish goes back to
    /// the wall with priority. Nothing for another purpose, or a wish already elsewhere.
    /// </summary>
    public static async Task SettleAsync(AppDb db, DisbursementRequest request, CancellationToken ct = default)
    {
        if (request.WishId is not { } id || request.Status is not (DisbursementStatus.Rejected or DisbursementStatus.Withdrawn)) return;
        var wish = await db.Set<Wish>().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (wish is { Status: WishStatus.Funded } && wish.FundingRequestId == request.Id) wish.Return();
    }
}
