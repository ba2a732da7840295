using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Points;

/// <summary>
/// 商户首页: the signed-in merchant account's merchant (found by the account: its scope holds no records), codes waiting to be confirmed,
/// this quarter's figures. Also the merchant's own lists: a code typed or scanned (<see cref="FindAsync"/>), its redemptions.
/// </summary>
public static class MerchantHome
{
    public sealed record Response(Guid Id, string Name, MerchantKind Kind, string Address, string AreaCode, MerchantStatus Status, int ToConfirm, MerchantStats.Quarter ThisQuarter);

    public sealed record Found(Guid Id, string Code, string OfferTitle, int Points, string VolunteerName, RedemptionStatus Status, string StatusLabel,
        DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? ClosedAt);

    /// <summary>The merchant the signed-in account keeps (whatever the scope), or null.</summary>
    public static Task<Merchant?> MineAsync(AppDb db, CurrentUser user, CancellationToken ct) =>
        user.Id is { } me ? db.Set<Merchant>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(m => m.UserId == me, ct) : Task.FromResult<Merchant?>(null);

    public static async Task<Result<Response>> Handle(AppDb db, CurrentUser user, TimeProvider clock, CancellationToken ct = default)
    {
        if (await MineAsync(db, user, ct) is not { } m) return Failure.NotFound();
        var toConfirm = await db.Set<Redemption>().IgnoreQueryFilters([AppDb.ScopeFilter]).CountAsync(r => r.MerchantId == m.Id && r.Status == RedemptionStatus.Pending, ct);
        var today = ChinaTime.Today(clock);
        var quarters = await MerchantStats.ForAsync(db, m.Id, today.Year, ct);
        return new Response(m.Id, m.Name, m.Kind, m.Address, m.AreaCode, m.Status, toConfirm, quarters[(today.Month - 1) / 3]);
    }

    /// <summary>A code of the signed-in merchant: what it is for and whose. Another merchant's code, or none, is 404.</summary>
    public static async Task<Result<Found>> FindAsync(AppDb db, CurrentUser user, string code, CancellationToken ct = default)
    {
        if (await MineAsync(db, user, ct) is not { } m) return Failure.NotFound();
        var typed = PointsLedger.NormalizeCode(code);
        var r = await db.Set<Redemption>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().FirstOrDefaultAsync(x => x.Code == typed && x.MerchantId == m.Id, ct);
        return r is null ? Failure.NotFound() : Of(r);
    }

    static Found Of(Redemption r) => new(r.Id, r.Code, r.OfferTitle, r.Points, r.VolunteerName, r.Status, Redemption.StatusLabel(r.Status), r.CreatedAt, r.ExpiresAt, r.ClosedAt);

    /// <summary>兑换记录: the merchant's redemptions, newest first, by status and keyword (code, offer, volunteer's name).</summary>
    public static async Task<Result<PageOf<Found>>> RedemptionsAsync(AppDb db, CurrentUser user, RedemptionStatus? status, string? keyword, int? page, int? size, CancellationToken ct = default)
    {
        if (await MineAsync(db, user, ct) is not { } m) return Failure.NotFound();
        var q = db.Set<Redemption>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(r => r.MerchantId == m.Id);
        if (status is { } s) q = q.Where(r => r.Status == s);
        if (!string.IsNullOrWhiteSpace(keyword))
        {
            var k = keyword.Trim();
            var asCode = PointsLedger.NormalizeCode(k);
            q = q.Where(r => r.Code == asCode || r.OfferTitle.Contains(k) || r.VolunteerName.Contains(k));
        }
        var found = await q.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).ToPageAsync(page, size, ct);
        return new PageOf<Found>(found.Items.Select(Of).ToList(), found.Total, found.Page, found.Size);
    }
}

/// <summary>季度统计: per quarter of a year (China dates of redeeming), a merchant's redemptions, points, settled, expired and cancelled.</summary>
public static class MerchantStats
{
    public sealed record Quarter(int Year, int Number, int Redemptions, int Points, int Settled, int SettledPoints, int Expired, int Cancelled, int Pending);

    public static async Task<List<Quarter>> ForAsync(AppDb db, Guid merchantId, int year, CancellationToken ct)
    {
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, ChinaTime.Offset).ToUniversalTime();
        var to = from.AddYears(1);
        var rows = await db.Set<Redemption>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(r => r.MerchantId == merchantId && r.CreatedAt >= from && r.CreatedAt < to)
            .Select(r => new { r.CreatedAt, r.Points, r.Status }).ToListAsync(ct);
        return Enumerable.Range(1, 4).Select(q =>
        {
            var inQ = rows.Where(r => (r.CreatedAt.ToOffset(ChinaTime.Offset).Month - 1) / 3 + 1 == q).ToList();
            return new Quarter(year, q, inQ.Count, inQ.Sum(r => r.Points), inQ.Count(r => r.Status == RedemptionStatus.Settled),
                inQ.Where(r => r.Status == RedemptionStatus.Settled).Sum(r => r.Points), inQ.Count(r => r.Status == RedemptionStatus.Expired),
                inQ.Count(r => r.Status == RedemptionStatus.Cancelled), inQ.Count(r => r.Status == RedemptionStatus.Pending));
        }).ToList();
    }

    /// <summary>The signed-in merchant's quarters of <paramref name="year"/> (this year when none).</summary>
    public static async Task<Result<List<Quarter>>> MineAsync(AppDb db, CurrentUser user, TimeProvider clock, int? year, CancellationToken ct = default)
    {
        if (await MerchantHome.MineAsync(db, user, ct) is not { } m) return Failure.NotFound();
        return await ForAsync(db, m.Id, year ?? ChinaTime.Today(clock).Year, ct);
    }
}
