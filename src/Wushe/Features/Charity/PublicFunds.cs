using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>
/// 基金公示 (no sign-in, DOMAIN.md "Disclosure"): the funds of an area with their income, spending and balance (fen) and the area's
/// totals. Funds only — no donor, no beneficiary. Read across scopes: it is public. Failures: 404 for an area that names no place
/// (<see cref="PublicNotFound.AreaAsync"/>).
/// </summary>
public static class PublicFunds
{
    public sealed record Query([Label("区划", "Area")] string? Area = null, [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null)
        : IPagedQuery, IAreaFilteredQuery;

    /// <param name="CommitteeFormed">Whether its committee can decide today (<see cref="CharityRules.CommitteeProblem"/>); an active fund without one is
    /// 筹建中 (<paramref name="StatusLabel"/>, <see cref="CharityRules.StatusLabel"/>): it takes donations and pays nothing yet.</param>
    public sealed record Row(Guid Id, string Name, string AreaName, string HostName, DateOnly EstablishedOn, FundStatus Status, long IncomeFen, long SpentFen, long BalanceFen,
        bool CommitteeFormed, string StatusLabel);

    /// <param name="IncomeFen">Of every fund of the area (not only the page), fen; so the others.</param>
    public sealed record Response(PageOf<Row> Funds, int Count, long IncomeFen, long SpentFen, long BalanceFen);

    public static async Task<Result<Response>> Handle(AppDb db, TimeProvider clock, CharityOptions options, Query q, CancellationToken ct = default)
    {
        if (await PublicNotFound.AreaAsync(db, q.Area, ct) is { } unknown) return unknown;
        var funds = db.Set<CommunityFund>().IgnoreQueryFilters([AppDb.ScopeFilter]).Under(q.Area);
        var totals = await funds.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Income = g.Sum(f => f.IncomeFen), Spent = g.Sum(f => f.SpentFen), Balance = g.Sum(f => f.BalanceFen) })
            .FirstOrDefaultAsync(ct);
        var page = await (from f in funds
                          join a in db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]) on f.AreaCode equals a.Code
                          orderby f.AreaCode, f.Name, f.Id
                          select new Row(f.Id, f.Name, a.Name, f.HostName, f.EstablishedOn, f.Status, f.IncomeFen, f.SpentFen, f.BalanceFen, true, "")).ToPageAsync(q.Page, q.Size, ct);
        var formed = await CharityRules.FormedCommitteesAsync(db, page.Items.Select(r => r.Id).ToList(), ChinaTime.Today(clock), options, ct);
        page = new PageOf<Row>(page.Items.Select(r => r with { CommitteeFormed = formed.Contains(r.Id), StatusLabel = CharityRules.StatusLabel(r.Status, formed.Contains(r.Id)) }).ToList(),
            page.Total, page.Page, page.Size);
        return new Response(page, totals?.Count ?? 0, totals?.Income ?? 0, totals?.Spent ?? 0, totals?.Balance ?? 0);
    }
}

/// <summary>
/// A fund's disclosure (公示, no sign-in): its money (fen) and either its donations (?view= absent: the donor as the public reads it,
/// anonymous ones as 爱心人士/爱心企业) or its spending (?view=spending: each payment with what it paid for — the request's title and
/// purpose, never the payee, who may be a person helped). Both page on a unique order. Failures: 404 in the visitor's terms
/// (<see cref="PublicNotFound.Fund"/>).
/// </summary>
public static class PublicFund
{
    public sealed record Query([Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null, string? View = null) : IPagedQuery;

    public sealed record Gift(DateOnly DonatedOn, string Donor, string DonorKind, string Channel, long AmountFen, string Items);

    /// <summary>
    /// A transfer between funds as the public reads it: the day it was booked (China date), in or out, the amount (fen, positive), and the
    /// committee decision it rests on (null for a transfer booked before decisions were recorded).
    /// </summary>
    public sealed record Transfer(DateOnly On, bool In, long AmountFen, string? DecisionNo, DateOnly? DecidedOn);

    /// <summary>A payment as the public reads it: the day, what it paid for (the request's title) and its kind, the amount.</summary>
    public sealed record Use(DateOnly PaidOn, string RequestNo, string Purpose, string Title, long AmountFen);

    /// <param name="Donations">The page of donations (the default view), else null.</param>
    /// <param name="Spending">The page of payments (?view=spending), else null.</param>
    /// <param name="TransferredInFen">Money moved in from other funds (基金间转入), fen; with <paramref name="TransferredOutFen"/> the balance is
    /// raised − spent + in − out, so the public figures add up.</param>
    /// <param name="Transfers">The latest 20 transfers in and out, newest first, each with its committee decision.</param>
    /// <param name="CommitteeFormed">Whether its committee can decide today; an active fund without one is 筹建中 (<paramref name="StatusLabel"/>,
    /// <see cref="CharityRules.StatusLabel"/>): it takes donations and pays nothing yet.</param>
    public sealed record Response(Guid Id, string Name, string AreaName, string HostName, string Purpose, DateOnly EstablishedOn, FundStatus Status,
        long IncomeFen, long SpentFen, long BalanceFen, int DonationCount, int PaymentCount, PageOf<Gift>? Donations, PageOf<Use>? Spending,
        long TransferredInFen, long TransferredOutFen, bool CommitteeFormed, string StatusLabel, IReadOnlyList<Transfer> Transfers);

    public static async Task<Result<Response>> Handle(AppDb db, TimeProvider clock, CharityOptions options, Guid id, Query q, CancellationToken ct = default)
    {
        var f = await db.Set<CommunityFund>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null) return PublicNotFound.Fund();
        var areaName = await db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => a.Code == f.AreaCode).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "";
        var donations = db.Set<Donation>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(d => d.FundId == id && d.ReversedAt == null);
        var payments = from p in db.Set<DisbursementPayment>().IgnoreQueryFilters([AppDb.ScopeFilter])
                       join r in db.Set<DisbursementRequest>().IgnoreQueryFilters([AppDb.ScopeFilter]) on p.RequestId equals r.Id
                       where p.FundId == id
                       select new { p.Id, p.PaidOn, r.RequestNo, r.Purpose, r.Title, p.AmountFen };
        PageOf<Gift>? gifts = null;
        PageOf<Use>? uses = null;
        int donationCount, paymentCount;
        if (q.View == "spending")
        {
            donationCount = await donations.CountAsync(ct);
            var rows = await payments.OrderByDescending(p => p.PaidOn).ThenByDescending(p => p.Id).ToPageAsync(q.Page, q.Size, ct);
            uses = new PageOf<Use>(rows.Items.Select(p => new Use(p.PaidOn, p.RequestNo, DisbursementRequest.PurposeLabel(p.Purpose), p.Title, p.AmountFen)).ToList(),
                rows.Total, rows.Page, rows.Size);
            paymentCount = rows.Total;
        }
        else
        {
            paymentCount = await payments.CountAsync(ct);
            var rows = await donations.OrderByDescending(d => d.DonatedOn).ThenByDescending(d => d.ReceiptNo)
                .Select(d => new { d.DonatedOn, d.DonorKind, d.DonorName, d.Anonymous, d.Channel, d.AmountFen, d.Items }).ToPageAsync(q.Page, q.Size, ct);
            gifts = new PageOf<Gift>(rows.Items.Select(d => new Gift(d.DonatedOn, Donation.PublicDonor(d.DonorKind, d.DonorName, d.Anonymous), Donation.DonorKindLabel(d.DonorKind),
                Donation.ChannelLabel(d.Channel), d.AmountFen, d.Items)).ToList(), rows.Total, rows.Page, rows.Size);
            donationCount = rows.Total;
        }
        var transfers = await db.Set<FundEntry>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(e => e.FundId == id && (e.Kind == FundEntryKind.TransferIn || e.Kind == FundEntryKind.TransferOut))
            .GroupBy(e => e.Kind).Select(g => new { Kind = g.Key, Fen = g.Sum(e => e.AmountFen) }).ToListAsync(ct);
        var formed = (await CharityRules.FormedCommitteesAsync(db, [id], ChinaTime.Today(clock), options, ct)).Count == 1;
        var moves = (await db.Set<FundEntry>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
                .Where(e => e.FundId == id && (e.Kind == FundEntryKind.TransferIn || e.Kind == FundEntryKind.TransferOut)).OrderByDescending(e => e.Sequence).Take(20)
                .Select(e => new { e.At, e.Kind, e.AmountFen, e.DecisionNo, e.DecidedOn }).ToListAsync(ct))
            .Select(e => new Transfer(DateOnly.FromDateTime(e.At.ToOffset(ChinaTime.Offset).DateTime), e.Kind == FundEntryKind.TransferIn, Math.Abs(e.AmountFen), e.DecisionNo, e.DecidedOn)).ToList();
        return new Response(f.Id, f.Name, areaName, f.HostName, f.Purpose, f.EstablishedOn, f.Status, f.IncomeFen, f.SpentFen, f.BalanceFen, donationCount, paymentCount, gifts, uses,
            transfers.Where(t => t.Kind == FundEntryKind.TransferIn).Sum(t => t.Fen), -transfers.Where(t => t.Kind == FundEntryKind.TransferOut).Sum(t => t.Fen),
            formed, CharityRules.StatusLabel(f.Status, formed), moves);
    }
}
