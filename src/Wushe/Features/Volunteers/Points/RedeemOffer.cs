using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Points;

/// <summary>
/// 积分兑换: the signed-in volunteer redeems an offer of their county. One transaction: the account's row, then the offer's, are taken
/// (<see cref="PointsLedger"/>), then balance ≥ price, stock &gt; 0, the stars (the region's <see cref="VolunteerSettings.RedeemMinStars"/>
/// and the offer's) and the valid dates are checked; a Spend entry, the stock −1 and a <see cref="Redemption"/> with a fresh 8-character
/// code, to be confirmed by the merchant within <see cref="PointsOptions.RedemptionDays"/> days. Refused with nothing saved: 409 for the
/// balance, the stock, the stars, the dates, an offer taken off or a merchant suspended, a volunteer not active; 404 for an offer not
/// in the volunteer's county; 403 for an account without a registration.
/// </summary>
public static class RedeemOffer
{
    public sealed record Answer(Guid Id, string Code, string OfferTitle, int Points, int Balance, DateTimeOffset ExpiresAt);

    public static async Task<Result<Answer>> Handle(AppDb db, CurrentUser user, TimeProvider clock, PointsOptions options, Guid offerId, CancellationToken ct = default)
    {
        if (await SignUpForShift.MineAsync(db, user, ct) is not { } volunteer)
            return Failure.Forbidden(Lang.T("您的账号还没有志愿者实名登记，不能兑换", "Your account has no volunteer registration: you cannot redeem"));
        if (volunteer.Status != VolunteerStatus.Active)
            return Failure.Conflict(Lang.T($"您的志愿者身份为“{Volunteer.StatusLabel(volunteer.Status)}”，暂不能兑换", $"Your registration is {Volunteer.StatusLabel(volunteer.Status)}: you cannot redeem"));
        var county = volunteer.Reach();
        var found = await db.Set<Offer>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId && o.AreaCode.StartsWith(county), ct);
        if (found is null) return Failure.NotFound();
        var rules = await VolunteerRules.ForAreaAsync(db, volunteer.AreaCode, ct);
        var stars = VolunteerStars.Of(volunteer.FinalMinutes, rules);
        var needed = Math.Max(rules.RedeemMinStars, found.MinStars);
        if (stars < needed)
            return Failure.Conflict(Lang.T($"兑换该商品需达到{needed}星志愿者，您目前为{stars}星", $"This offer needs a ★{needed} volunteer; you are ★{stars}"));
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var account = await PointsLedger.LockAsync(db, await PointsLedger.AccountIdAsync(db, volunteer, now, ct), ct);
        var offer = await PointsLedger.LockOfferAsync(db, offerId, ct);
        if (offer is null) return Failure.NotFound();
        var merchant = await db.Set<Merchant>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().SingleAsync(m => m.Id == offer.MerchantId, ct);
        if (!offer.IsOn || merchant.Status != MerchantStatus.Active)
            return Failure.Conflict(Lang.T("该商品已下架", "This offer has been taken off"));
        if (!offer.ValidOn(today))
            return Failure.Conflict(Lang.T($"该商品的兑换期为 {ChinaTime.Format(offer.ValidFrom)} 至 {ChinaTime.Format(offer.ValidTo)}", $"This offer may be redeemed from {ChinaTime.Format(offer.ValidFrom)} to {ChinaTime.Format(offer.ValidTo)}"));
        if (offer.Stock <= 0) return Failure.Conflict(Lang.T("该商品已兑完", "This offer is sold out"));
        if (account.Balance < offer.PointsPrice)
            return Failure.Conflict(Lang.T($"积分不足：需要 {offer.PointsPrice} 积分，您的余额为 {account.Balance}", $"Not enough points: {offer.PointsPrice} needed, your balance is {account.Balance}"));

        offer.Take();
        var redemption = new Redemption(PointsLedger.NewCode(), offer, volunteer, account.Id, now, now.AddDays(options.RedemptionDays));
        db.Add(redemption);
        PointsLedger.Post(db, account, PointsEntryKind.Spend, -offer.PointsPrice, now, $"兑换“{offer.Title}”（{merchant.Name}）", redemptionId: redemption.Id);
        // The volunteer's scope holds no records: this write touches their account and the merchant's offer, so it acts where both lie.
        db.ActingAs(user.ActingOn(PointsLedger.CommonArea(volunteer.AreaCode, offer.AreaCode)));
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return new Answer(redemption.Id, redemption.Code, redemption.OfferTitle, redemption.Points, account.Balance, redemption.ExpiresAt);
    }
}

/// <summary>Settings of points (<c>Wushe:Points</c>).</summary>
public sealed class PointsOptions
{
    /// <summary>Days a redemption code waits for the merchant before it expires and refunds (default 7).</summary>
    public int RedemptionDays { get; set; } = 7;
}
