using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Charity;

/// <summary>
/// 季度信息公示报告 of a fund (public, no sign-in): the Charity Law asks a charitable project running over six months to disclose at least
/// every three months (《中华人民共和国慈善法》, chapter 信息公开: 实施周期超过六个月的，至少每三个月公开一次; DOMAIN.md "Community charity funds"). Built from the ledger of the quarter in China
/// time: the opening balance, donations received (and reversed), transfers, payments (net of money returned: a claw-back of a competition
/// award is a negative payment, <see cref="FundEntryKind.Refund"/>), the closing balance and what is reserved; the
/// donations as the public may read them (<see cref="Donation.PublicDonor"/>) and what each payment paid for (never the payee). Money in fen.
/// <para>
/// Basis: the booking date (按入账日期统计) — a movement counts in the quarter it was posted to the ledger (<see cref="FundEntry.At"/>, a
/// donation's and a payment's <c>RecordedAt</c>), whatever the date it carries; a gift dated 2026-09-05 but recorded on 2026-12-04 is in Q4,
/// listed with its own date. <see cref="CharityReport"/> counts the same gift by its date (Q3). The ledger is the basis here on purpose: the
/// report's opening and closing balances are the ledger's running balance (<see cref="FundEntry.BalanceAfterFen"/>), so quarter follows quarter
/// (this closing = next opening) and opening + movements = closing; and the report is drawn again on every download, so a basis on the gift's
/// date — which may lie anywhere back to the fund's establishment — would rewrite a quarter already disclosed each time a late gift is recorded.
/// The PDF states the basis and how many gifts dated before the quarter were booked in it (<see cref="DisclosureReportPdf"/>).
/// </para>
/// <see cref="Quarters"/> lists the quarters a fund has run (from its establishment to today). Failures: 404 in the visitor's terms
/// (<see cref="PublicNotFound.Fund"/>: no such fund; <see cref="PublicNotFound.Report"/>: a quarter outside its life or not a quarter).
/// </summary>
public static class QuarterlyDisclosure
{
    /// <summary>A quarter: <paramref name="Number"/> 1–4 of <paramref name="Year"/>, its first and last day (China time).</summary>
    public sealed record Quarter(int Year, int Number)
    {
        public DateOnly First => new(Year, 3 * (Number - 1) + 1, 1);
        public DateOnly Last => First.AddMonths(3).AddDays(-1);
        public string Label => Lang.T($"{Year}年第{Number}季度", $"{Year} Q{Number}");
        public static Quarter Of(DateOnly d) => new(d.Year, (d.Month - 1) / 3 + 1);
    }

    /// <param name="DonatedOn">The gift's own date (the receipt's): it may lie before the quarter it was booked in.</param>
    public sealed record Gift(DateOnly DonatedOn, string Donor, string DonorKind, string Channel, long AmountFen, string Items);

    public sealed record Use(DateOnly PaidOn, string RequestNo, string Purpose, string Title, long AmountFen);

    /// <param name="Through">The last day reported: the quarter's last day, or today for the quarter under way.</param>
    public sealed record Report(Guid FundId, string FundName, string FundNo, string AreaName, string HostName, string Purpose, DateOnly EstablishedOn, Quarter Quarter,
        DateOnly Through, long OpeningFen, long DonationsFen, int DonationCount, long ReversalsFen, long TransfersInFen, long PaymentsFen, int PaymentCount,
        long TransfersOutFen, long ClosingFen, long ReservedFen, IReadOnlyList<Gift> Gifts, IReadOnlyList<Use> Uses, DateOnly IssuedOn)
    {
        /// <summary>Gifts booked in this quarter whose own date lies before it (补录入账).</summary>
        public int LateGifts => Gifts.Count(g => g.DonatedOn < Quarter.First);

        /// <summary>The download's name: CF52050200100101_2026Q3_信息公示报告.pdf.</summary>
        public string FileName => $"{FundNo}_{Quarter.Year}Q{Quarter.Number}_信息公示报告.pdf";
    }

    /// <summary>The quarters fund <paramref name="fundId"/> has run, newest first (the one under way included). Failures: 404 (no such fund).</summary>
    public static async Task<Result<List<Quarter>>> Quarters(AppDb db, TimeProvider clock, Guid fundId, CancellationToken ct = default)
    {
        var established = await db.Set<CommunityFund>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(f => f.Id == fundId).Select(f => (DateOnly?)f.EstablishedOn).FirstOrDefaultAsync(ct);
        if (established is not { } from) return PublicNotFound.Fund();
        var list = new List<Quarter>();
        for (var q = Quarter.Of(ChinaTime.Today(clock)); q.Last >= from && list.Count < 200; q = q.Number == 1 ? new(q.Year - 1, 4) : new(q.Year, q.Number - 1)) list.Add(q);
        return list;
    }

    public static async Task<Result<Report>> Handle(AppDb db, TimeProvider clock, Guid fundId, int year, int quarter, CancellationToken ct = default)
    {
        if (quarter is < 1 or > 4 || year is < 2000 or > 2100) return PublicNotFound.Report();
        var q = new Quarter(year, quarter);
        var today = ChinaTime.Today(clock);
        var f = await db.Set<CommunityFund>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().FirstOrDefaultAsync(x => x.Id == fundId, ct);
        if (f is null) return PublicNotFound.Fund();
        if (q.Last < f.EstablishedOn || q.First > today) return PublicNotFound.Report();
        // The quarter's bounds in China time, as UTC instants (PostgreSQL's timestamptz takes UTC only).
        var start = new DateTimeOffset(q.First.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        var end = new DateTimeOffset(q.Last.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        var entries = db.Set<FundEntry>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(e => e.FundId == fundId);
        var opening = await entries.Where(e => e.At < start).OrderByDescending(e => e.Sequence).Select(e => (long?)e.BalanceAfterFen).FirstOrDefaultAsync(ct) ?? 0;
        var reserved = await entries.Where(e => e.At < end).SumAsync(e => e.ReservedFen, ct);
        var byKind = await entries.Where(e => e.At >= start && e.At < end).GroupBy(e => e.Kind)
            .Select(g => new { Kind = g.Key, Fen = g.Sum(e => e.AmountFen) }).ToListAsync(ct);
        long Sum(FundEntryKind k) => byKind.Where(x => x.Kind == k).Sum(x => x.Fen);
        var gifts = (await db.Set<Donation>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
                .Where(d => d.FundId == fundId && d.RecordedAt >= start && d.RecordedAt < end && d.ReversedAt == null)
                .OrderBy(d => d.DonatedOn).ThenBy(d => d.ReceiptNo).ToListAsync(ct))
            .Select(d => new Gift(d.DonatedOn, Donation.PublicDonor(d.DonorKind, d.DonorName, d.Anonymous), Donation.DonorKindLabel(d.DonorKind), Donation.ChannelLabel(d.Channel),
                d.AmountFen, d.Items)).ToList();
        var uses = (await (from p in db.Set<DisbursementPayment>().IgnoreQueryFilters([AppDb.ScopeFilter])
                           join r in db.Set<DisbursementRequest>().IgnoreQueryFilters([AppDb.ScopeFilter]) on p.RequestId equals r.Id
                           where p.FundId == fundId && p.RecordedAt >= start && p.RecordedAt < end
                           orderby p.PaidOn, p.Id
                           select new { p.PaidOn, r.RequestNo, r.Purpose, r.Title, p.AmountFen }).ToListAsync(ct))
            .Select(p => new Use(p.PaidOn, p.RequestNo, DisbursementRequest.PurposeLabel(p.Purpose), p.Title, p.AmountFen)).ToList();
        var areaName = await db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => a.Code == f.AreaCode).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? f.AreaCode;
        var all = byKind.Sum(x => x.Fen);
        return new Report(f.Id, f.Name, f.FundNo, areaName, f.HostName, f.Purpose, f.EstablishedOn, q, q.Last < today ? q.Last : today, opening,
            Sum(FundEntryKind.Donation), gifts.Count, Sum(FundEntryKind.DonationReversal), Sum(FundEntryKind.TransferIn), -Sum(FundEntryKind.Payment) - Sum(FundEntryKind.Refund), uses.Count,
            -Sum(FundEntryKind.TransferOut), opening + all, reserved, gifts, uses, today);
    }
}
