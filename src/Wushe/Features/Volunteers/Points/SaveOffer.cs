using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Points;

/// <summary>
/// 我的商品: the signed-in merchant lists, adds and edits its own offers (title, description, points price, stock, valid dates in China
/// time, minimum star 0–5, on/off). Another merchant's offer is 404; a stale <c>version</c> is 409.
/// </summary>
public static class SaveOffer
{
    public sealed record Request(
        [property: Label("名称", "Title")] string? Title,
        [property: Label("说明", "Description")] string? Description,
        [property: Label("所需积分", "Points price")] int? PointsPrice,
        [property: Label("库存", "Stock")] int? Stock,
        [property: Label("有效期起", "Valid from")] DateOnly? ValidFrom,
        [property: Label("有效期止", "Valid to")] DateOnly? ValidTo,
        [property: Label("最低星级", "Minimum star")] int? MinStars,
        [property: Label("上架", "On offer")] bool? IsOn,
        int? Version = null);

    public sealed record Row(Guid Id, string Title, string Description, int PointsPrice, int Stock, DateOnly ValidFrom, DateOnly ValidTo, int MinStars, bool IsOn, int Version);

    public static Row Of(Offer o) => new(o.Id, o.Title, o.Description, o.PointsPrice, o.Stock, o.ValidFrom, o.ValidTo, o.MinStars, o.IsOn, o.Version);

    public static async Task<Result<List<Row>>> ListAsync(AppDb db, CurrentUser user, CancellationToken ct = default)
    {
        if (await MerchantHome.MineAsync(db, user, ct) is not { } m) return Failure.NotFound();
        var offers = await db.Set<Offer>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(o => o.MerchantId == m.Id).OrderByDescending(o => o.CreatedAt).ThenBy(o => o.Id).ToListAsync(ct);
        return offers.Select(Of).ToList();
    }

    public static async Task<Result<Row>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid? id, Request r, CancellationToken ct = default)
    {
        if (await MerchantHome.MineAsync(db, user, ct) is not { } m) return Failure.NotFound();
        Offer? offer = null;
        if (id is { } offerId && (offer = await db.Set<Offer>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(o => o.Id == offerId && o.MerchantId == m.Id, ct)) is null)
            return Failure.NotFound();
        var errors = new Errors()
            .Text("title", r.Title, "名称", "Title", 2, 60)
            .Text("description", r.Description, "说明", "Description", 0, 500, required: false);
        if (r.PointsPrice is not { } price || price < 1 || price > 100_000) errors.Add("pointsPrice", Lang.T("所需积分须为 1 至 100000 的整数", "The points price must be a whole number from 1 to 100,000"));
        if (r.Stock is not { } stock || stock < 0 || stock > 100_000) errors.Add("stock", Lang.T("库存须为 0 至 100000 的整数", "The stock must be a whole number from 0 to 100,000"));
        if (r.ValidFrom is null) errors.Add("validFrom", Lang.T("有效期起不能为空", "Valid from is required"));
        if (r.ValidTo is null) errors.Add("validTo", Lang.T("有效期止不能为空", "Valid to is required"));
        else if (r.ValidFrom is { } f && r.ValidTo < f) errors.Add("validTo", Lang.T("有效期止不能早于有效期起", "Valid to cannot be before valid from"));
        if (r.MinStars is { } stars && stars is < 0 or > VolunteerSettings.Stars) errors.Add("minStars", Lang.T("最低星级须为 0 至 5", "The minimum star must be 0 to 5"));
        if (errors.Any) return errors.ToFailure();
        if (offer is not null && r.Version is { } version && version != offer.Version)
            return Failure.Conflict(Lang.T("该商品已被修改，请刷新后重试", "This offer was changed meanwhile; reload and try again"));
        var now = clock.GetUtcNow();
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (offer is null)
        {
            offer = new Offer(m, r.Title!.Trim(), r.Description?.Trim() ?? "", r.PointsPrice!.Value, r.Stock!.Value, r.ValidFrom!.Value, r.ValidTo!.Value, r.MinStars ?? 0, r.IsOn ?? true, now);
            db.Add(offer);
        }
        else
        {
            // The stock is set under the offer's lock: a redemption at the same moment is counted, never overwritten.
            offer = (await PointsLedger.LockOfferAsync(db, offer.Id, ct))!;
            offer.Edit(r.Title!.Trim(), r.Description?.Trim() ?? "", r.PointsPrice!.Value, r.Stock!.Value, r.ValidFrom!.Value, r.ValidTo!.Value, r.MinStars ?? 0, r.IsOn ?? true);
        }
        db.ActingAs(user.ActingOn(m.AreaCode));
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return Of(offer);
    }
}
