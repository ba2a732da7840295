using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using static Wushe.Platform.Money;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>
/// 台账核对 (the invariant check of DESIGN.md "Money and points: ledgers"), over every fund of the scope: the balance equals the sum of
/// its entries' amounts and the reserved amount the sum of their reservations; neither is below zero nor the reserved above the balance;
/// the entries are numbered 1…n without a gap; every donation not reversed has its entry of its amount; the reserved amount is what the
/// approved requests hold unpaid, and the spending what the payments paid (net of money returned); a competition award's request has paid
/// what the award's own ledger released less what it clawed back (ADR 0018). Six grouped reads, whatever the number of funds. Answers the
/// funds checked and each discrepancy found (none when the ledgers hold).
/// </summary>
public static class CheckFundLedgers
{
    public sealed record Query(string? Area = null) : Platform.Outcomes.IAreaFilteredQuery;

    public sealed record Discrepancy(Guid FundId, string FundNo, string FundName, string Problem);

    /// <param name="Entries">Ledger entries read.</param>
    public sealed record Report(int Funds, long Entries, int Donations, IReadOnlyList<Discrepancy> Discrepancies, TimeSpan Took);

    public static async Task<Report> Handle(AppDb db, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var started = clock.GetTimestamp();
        var funds = await db.Set<CommunityFund>().Under(q.Area).AsNoTracking()
            .Select(f => new { f.Id, f.FundNo, f.Name, f.AreaCode, f.BalanceFen, f.ReservedFen, f.IncomeFen, f.SpentFen, f.Entries }).ToListAsync(ct);
        var ids = funds.Select(f => f.Id).ToHashSet();
        var sums = (await db.Set<FundEntry>().Under(q.Area).GroupBy(e => e.FundId)
                .Select(g => new { FundId = g.Key, Amount = g.Sum(e => e.AmountFen), Reserved = g.Sum(e => e.ReservedFen), Count = g.LongCount(),
                    Min = g.Min(e => e.Sequence), Max = g.Max(e => e.Sequence) }).ToListAsync(ct))
            .ToDictionary(s => s.FundId);
        // A donation not reversed and its Donation entry: both amounts per fund, and the donations whose entry is missing or differs.
        var donations = await db.Set<Donation>().Under(q.Area).Where(d => d.ReversedAt == null)
            .Select(d => new { d.FundId, d.ReceiptNo, d.AmountFen,
                Posted = db.Set<FundEntry>().Where(e => e.DonationId == d.Id && e.Kind == FundEntryKind.Donation).Sum(e => (long?)e.AmountFen) })
            .Where(d => d.Posted == null || d.Posted != d.AmountFen)
            .ToListAsync(ct);
        var donationCount = await db.Set<Donation>().Under(q.Area).CountAsync(ct);
        // What the approved requests hold unpaid, and what the payments paid, per fund.
        var unpaid = (await db.Set<DisbursementRequest>().Under(q.Area).Where(r => r.Status == DisbursementStatus.Approved).GroupBy(r => r.FundId)
            .Select(g => new { FundId = g.Key, Fen = g.Sum(r => r.AmountFen - r.PaidFen) }).ToListAsync(ct)).ToDictionary(x => x.FundId, x => x.Fen);
        var paid = (await db.Set<DisbursementPayment>().Under(q.Area).GroupBy(p => p.FundId)
            .Select(g => new { FundId = g.Key, Fen = g.Sum(p => p.AmountFen) }).ToListAsync(ct)).ToDictionary(x => x.FundId, x => x.Fen);

        // Each award's request against the award's ledger: paid (net) = released − clawed back.
        // Two steps: the scope's award requests first, then their awards by id (held by the call's host, perhaps above the scope) —
        // a lifted filter in the same query would lift it on the requests too (FilterLiftGuard).
        var requests = await db.Set<DisbursementRequest>().Under(q.Area).Where(r => r.AwardId != null)
            .Select(r => new { r.FundId, r.RequestNo, AwardId = r.AwardId!.Value, Paid = db.Set<DisbursementPayment>().Where(p => p.RequestId == r.Id).Sum(p => (long?)p.AmountFen) ?? 0 })
            .ToListAsync(ct);
        var awardIds = requests.Select(r => r.AwardId).ToList();
        var moved = await db.Set<Competitions.CompetitionAward>().IgnoreQueryFilters().Where(a => awardIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => new { a.AgreementNo, Moved = a.ReleasedFen - a.ClawedBackFen }, ct);
        var awards = requests.Where(r => moved.ContainsKey(r.AwardId) && moved[r.AwardId].Moved != r.Paid)
            .Select(r => new { r.FundId, r.RequestNo, moved[r.AwardId].AgreementNo, moved[r.AwardId].Moved, r.Paid }).ToList();

        var found = new List<Discrepancy>();
        foreach (var f in funds.OrderBy(f => f.AreaCode).ThenBy(f => f.FundNo))
        {
            var s = sums.GetValueOrDefault(f.Id);
            var (amount, reserved, count) = (s?.Amount ?? 0, s?.Reserved ?? 0, s?.Count ?? 0);
            void Add(string problem) => found.Add(new Discrepancy(f.Id, f.FundNo, f.Name, problem));
            if (amount != f.BalanceFen) Add(Lang.T($"余额 {Yuan(f.BalanceFen)} ≠ 台账合计 {Yuan(amount)}", $"Balance {Yuan(f.BalanceFen)} ≠ the ledger's sum {Yuan(amount)}"));
            if (reserved != f.ReservedFen) Add(Lang.T($"已预留 {Yuan(f.ReservedFen)} ≠ 台账预留合计 {Yuan(reserved)}", $"Reserved {Yuan(f.ReservedFen)} ≠ the ledger's reservations {Yuan(reserved)}"));
            if (f.BalanceFen < 0) Add(Lang.T($"余额为负：{Yuan(f.BalanceFen)}", $"Negative balance: {Yuan(f.BalanceFen)}"));
            if (f.ReservedFen < 0 || f.ReservedFen > f.BalanceFen) Add(Lang.T($"已预留 {Yuan(f.ReservedFen)} 超出 0 至余额的范围", $"Reserved {Yuan(f.ReservedFen)} lies outside 0 to the balance"));
            if (unpaid.GetValueOrDefault(f.Id) != f.ReservedFen)
                Add(Lang.T($"已预留 {Yuan(f.ReservedFen)} ≠ 已批准未支付的申请合计 {Yuan(unpaid.GetValueOrDefault(f.Id))}", $"Reserved {Yuan(f.ReservedFen)} ≠ the approved requests' unpaid {Yuan(unpaid.GetValueOrDefault(f.Id))}"));
            if (paid.GetValueOrDefault(f.Id) != f.SpentFen)
                Add(Lang.T($"累计支出 {Yuan(f.SpentFen)} ≠ 支付记录合计 {Yuan(paid.GetValueOrDefault(f.Id))}", $"Spent {Yuan(f.SpentFen)} ≠ the payments' sum {Yuan(paid.GetValueOrDefault(f.Id))}"));
            if (count != f.Entries || (count > 0 && (s!.Min != 1 || s.Max != count))) Add(Lang.T($"台账编号不连续：{count} 笔，编号 {s?.Min ?? 0}–{s?.Max ?? 0}，基金记 {f.Entries} 笔", $"Numbering broken: {count} entries numbered {s?.Min ?? 0}–{s?.Max ?? 0}, the fund counts {f.Entries}"));
        }
        foreach (var d in donations.Where(d => ids.Contains(d.FundId)))
        {
            var f = funds.First(x => x.Id == d.FundId);
            found.Add(new Discrepancy(f.Id, f.FundNo, f.Name, d.Posted is null ? Lang.T($"捐赠 {d.ReceiptNo} 没有入账", $"Donation {d.ReceiptNo} is not posted")
                : Lang.T($"捐赠 {d.ReceiptNo} 金额 {Yuan(d.AmountFen)} ≠ 入账 {Yuan(d.Posted.Value)}", $"Donation {d.ReceiptNo} of {Yuan(d.AmountFen)} ≠ posted {Yuan(d.Posted.Value)}")));
        }
        foreach (var x in awards.Where(x => ids.Contains(x.FundId)))
        {
            var f = funds.First(y => y.Id == x.FundId);
            found.Add(new Discrepancy(f.Id, f.FundNo, f.Name, Lang.T($"{x.RequestNo} 已支付 {Yuan(x.Paid)} ≠ 资助 {x.AgreementNo} 已拨付减追回 {Yuan(x.Moved)}",
                $"{x.RequestNo} paid {Yuan(x.Paid)} ≠ award {x.AgreementNo} released less clawed back {Yuan(x.Moved)}")));
        }
        return new Report(funds.Count, sums.Values.Sum(s => s.Count), donationCount, found, clock.GetElapsedTime(started));
    }
}
