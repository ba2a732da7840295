using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Points;

/// <summary>我的积分: balance, stars, the region's rules, what lapses within <see cref="LapseNoticeDays"/> days where points expire
/// (<see cref="ExpirePoints"/>), and the entries newest first. 404 for an account without a registration.</summary>
public static class MyPoints
{
    public sealed record Row(Guid Id, PointsEntryKind Kind, string KindLabel, int Points, int BalanceAfter, string Note, DateTimeOffset At);

    public sealed record Response(string VolunteerNo, string Name, int Balance, int Stars, int RedeemMinStars, int PointsPerHour, int? PointsCap,
        bool DonationAllowed, PageOf<Row> Entries, int? PointsValidYears = null, int LapsingSoon = 0);

    /// <summary>How far ahead the volunteer is told of points about to lapse, in days.</summary>
    public const int LapseNoticeDays = 90;

    public static async Task<Result<Response>> Handle(AppDb db, CurrentUser user, TimeProvider clock, int? page, int? size, CancellationToken ct = default)
    {
        if (await SignUpForShift.MineAsync(db, user, ct) is not { } me) return Failure.NotFound();
        var rules = await VolunteerRules.ForAreaAsync(db, me.AreaCode, ct);
        var account = await db.Set<PointsAccount>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => a.VolunteerId == me.Id)
            .Select(a => new { a.Id, a.Balance }).FirstOrDefaultAsync(ct);
        var balance = account?.Balance ?? 0;
        var lapsing = account is not null && rules.PointsValidYears is { } years
            ? Math.Min(balance, await ExpirePoints.LapsingAsync(db, account.Id, clock.GetUtcNow().AddDays(LapseNoticeDays).AddYears(-years), ct)) : 0;
        var found = await db.Set<PointsEntry>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(e => e.VolunteerId == me.Id)
            .OrderByDescending(e => e.Sequence).ToPageAsync(page, size, ct);
        var rows = found.Items.Select(e => new Row(e.Id, e.Kind, PointsEntry.KindLabel(e.Kind), e.Points, e.BalanceAfter, e.Note, e.At)).ToList();
        return new Response(me.VolunteerNo, me.Name, balance, VolunteerStars.Of(me.FinalMinutes, rules), rules.RedeemMinStars, rules.PointsPerHour, rules.PointsCap,
            rules.PointsDonationAllowed, new PageOf<Row>(rows, found.Total, found.Page, found.Size), rules.PointsValidYears, lapsing);
    }
}

/// <summary>积分兑换 (browse): offers on of active merchants in the volunteer's county, valid today, cheapest first, with whether the volunteer may redeem each.</summary>
public static class BrowseOffers
{
    public sealed record Row(Guid Id, string Title, string Description, string MerchantName, string MerchantAddress, MerchantKind MerchantKind, int PointsPrice,
        int Stock, DateOnly ValidTo, int MinStars, bool CanRedeem, string? Why);

    public sealed record Response(int Balance, int Stars, PageOf<Row> Offers);

    public static async Task<Result<Response>> Handle(AppDb db, CurrentUser user, TimeProvider clock, string? keyword, int? page, int? size, CancellationToken ct = default)
    {
        if (await SignUpForShift.MineAsync(db, user, ct) is not { } me) return Failure.NotFound();
        var rules = await VolunteerRules.ForAreaAsync(db, me.AreaCode, ct);
        var stars = VolunteerStars.Of(me.FinalMinutes, rules);
        var balance = await db.Set<PointsAccount>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => a.VolunteerId == me.Id).Select(a => a.Balance).FirstOrDefaultAsync(ct);
        var county = me.Reach();
        var today = ChinaTime.Today(clock);
        var q = db.Set<Offer>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(o => o.AreaCode.StartsWith(county) && o.IsOn && o.ValidFrom <= today && o.ValidTo >= today)
            .Join(db.Set<Merchant>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(m => m.Status == MerchantStatus.Active), o => o.MerchantId, m => m.Id, (o, m) => new { o, m });
        if (!string.IsNullOrWhiteSpace(keyword)) q = q.Where(x => x.o.Title.Contains(keyword.Trim()) || x.m.Name.Contains(keyword.Trim()));
        var found = await q.OrderBy(x => x.o.PointsPrice).ThenBy(x => x.o.Id).ToPageAsync(page, size, ct);
        var rows = found.Items.Select(x =>
        {
            var needed = Math.Max(rules.RedeemMinStars, x.o.MinStars);
            var why = x.o.Stock <= 0 ? Lang.T("已兑完", "Sold out")
                : stars < needed ? Lang.T($"需{needed}星", $"Needs ★{needed}")
                : balance < x.o.PointsPrice ? Lang.T("积分不足", "Not enough points") : null;
            return new Row(x.o.Id, x.o.Title, x.o.Description, x.m.Name, x.m.Address, x.m.Kind, x.o.PointsPrice, x.o.Stock, x.o.ValidTo, x.o.MinStars, why is null, why);
        }).ToList();
        return new Response(balance, stars, new PageOf<Row>(rows, found.Total, found.Page, found.Size));
    }
}

/// <summary>我的兑换: the volunteer's redemptions and their codes, newest first.</summary>
public static class MyRedemptions
{
    public sealed record Row(Guid Id, string Code, string OfferTitle, string MerchantName, int Points, RedemptionStatus Status, string StatusLabel,
        DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? ClosedAt);

    public static async Task<Result<PageOf<Row>>> Handle(AppDb db, CurrentUser user, int? page, int? size, CancellationToken ct = default)
    {
        if (await SignUpForShift.MineAsync(db, user, ct) is not { } me) return Failure.NotFound();
        var found = await db.Set<Redemption>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(r => r.VolunteerId == me.Id)
            .Join(db.Set<Merchant>().IgnoreQueryFilters([AppDb.ScopeFilter]), r => r.MerchantId, m => m.Id, (r, m) => new { r, m.Name })
            .OrderByDescending(x => x.r.CreatedAt).ThenBy(x => x.r.Id).ToPageAsync(page, size, ct);
        return new PageOf<Row>(found.Items.Select(x => new Row(x.r.Id, x.r.Code, x.r.OfferTitle, x.Name, x.r.Points, x.r.Status, Redemption.StatusLabel(x.r.Status),
            x.r.CreatedAt, x.r.ExpiresAt, x.r.ClosedAt)).ToList(), found.Total, found.Page, found.Size);
    }
}
