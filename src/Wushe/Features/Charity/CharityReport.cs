using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Charity.Campaigns;
using Wushe.Features.Charity.Wishes;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Charity;

/// <summary>
/// 慈善资金统计: for an area (default: the user's own) and a period of whole months (<see cref="ReportPeriod"/>, China dates), the money
/// raised and spent — donations by donor type (企业、社会组织或单位、个人, with the donors counted once by name) and by campaign, payments
/// by what they paid for (projects and micro-wishes counted once), the wishes fulfilled — per child area (and the area's own funds, a
/// township's, as a row "itself") and, for a township or community, per fund; with the funds running now and their balance. Ends in the
/// sentence the reports write ("2026年1月–11月，市西街道链接慈善资金捐赠共计1.6万元…"). Money in fen. A reversed donation counts nowhere;
/// transfers between funds are neither raised nor spent; money returned (a claw-back of a competition award: a negative payment) lessens the spending and is no payment in the counts. Basis: the gift's and the payment's own date (DonatedOn, PaidOn), which the page states;
/// the quarterly disclosure (<see cref="QuarterlyDisclosure"/>) follows the ledger's booking date instead, and says so. Grouped reads only (a city's half-million donations stay on the database).
/// Failures: 400 naming the field on a malformed area, year or month, or months out of order; 404 for an area outside the scope.
/// </summary>
public static class CharityReport
{

    /// <param name="Year">A calendar year from 2000 to this year; default this year.</param>
    /// <param name="FromMonth">1–12; default January.</param>
    /// <param name="ToMonth">1–12, not before <paramref name="FromMonth"/>; default this month in this year, December in a past one.</param>
    public sealed record Query(string? Area = null, [Label("统计年度", "Year")] int? Year = null, [Label("开始月份", "From month")] int? FromMonth = null,
        [Label("结束月份", "To month")] int? ToMonth = null) : IAreaFilteredQuery;

    /// <param name="Donors">Donors counted once by their name within the type.</param>
    public sealed record DonorRow(DonorKind Kind, string Label, int Donations, int Donors, long AmountFen);

    /// <param name="CampaignId">Null for the donations that answered no campaign.</param>
    public sealed record CampaignRow(Guid? CampaignId, string Name, int Donations, long AmountFen);

    /// <param name="Requests">The requests the payments paid (a request paid in two parts counts once).</param>
    public sealed record PurposeRow(DisbursementPurpose Purpose, string Label, int Payments, int Requests, long AmountFen);

    /// <param name="Own">The area's own records (a township's own fund), shown as the area "itself".</param>
    /// <param name="ActiveFunds">Funds running now; <paramref name="BalanceFen"/> is the balance of all its funds now, not at the period's end.</param>
    public sealed record ChildRow(string AreaCode, string AreaName, bool Own, bool HasChildren, int ActiveFunds, int Donations, long RaisedFen, int Payments,
        long SpentFen, long BalanceFen);

    public sealed record FundRow(Guid Id, string FundNo, string Name, string AreaCode, FundStatus Status, int Donations, long RaisedFen, int Payments, long SpentFen,
        long BalanceFen);

    /// <param name="Donors">Donors counted once (by type and name).</param>
    /// <param name="InKindFen">Of <paramref name="RaisedFen"/>, the valued amount of goods (物资折价).</param>
    /// <param name="Projects">Projects paid for in the period (each once).</param>
    /// <param name="FundedWishes">Micro-wishes paid for from a fund in the period.</param>
    /// <param name="WishesFulfilled">Micro-wishes fulfilled in the period, by a claimer or a fund.</param>
    /// <param name="ActiveFunds">Funds running now, and their balance now (<paramref name="BalanceFen"/>).</param>
    /// <param name="Funds">Per fund, for a township or a community (null above: the child areas tell it).</param>
    public sealed record Report(string AreaCode, string AreaName, ReportPeriod Period, int Donations, int Donors, long RaisedFen, long InKindFen, int Payments,
        long SpentFen, int Projects, int FundedWishes, int WishesFulfilled, int ActiveFunds, long BalanceFen, List<DonorRow> DonorKinds,
        List<CampaignRow> Campaigns, List<PurposeRow> Purposes, List<ChildRow> Children, List<FundRow>? Funds, string Sentence);

    public static async Task<Result<Report>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var resolved = await ReportArea.ResolveAsync(db, user, clock, q.Area, q.Year, q.FromMonth, q.ToMonth, ct);
        if (resolved.Value is not { } place) return resolved.Failure!;
        var (code, areaName, childCodes, names, period) = (place.Code, place.Name, place.Children, place.Names, place.Period);
        var level = place.Country ? (AreaLevel?)null : AreaCode.LevelOf(code);

        // How many leading digits name a child area: a record's code cut to that length and padded is its child's code (or the
        // area's own code, for records kept at the area itself). A community has no children: everything is its own.
        var cut = childCodes.Count > 0 ? AreaCode.PrefixLength(AreaCode.LevelOf(childCodes[0])) : 12;
        string Child(string key) => key.PadRight(12, '0');

        // The area is in scope (ReportArea checked it), so its range alone narrows the reads: the scope filter's wider range on the same
        // column would make SQLite choose it and read the city (docs/PERFORMANCE.md, "Charity resources at city scale").
        var (first, last) = (period.From, period.To);
        var donations = db.Set<Donation>().IgnoreQueryFilters(AppDb.Unscoped).AsNoTracking().Under(code).Where(d => d.ReversedAt == null && d.DonatedOn >= first && d.DonatedOn <= last);
        var given = await donations
            .GroupBy(d => new { Key = d.AreaCode.Substring(0, cut), d.DonorKind, InKind = d.Channel == DonationChannel.InKind })
            .Select(g => new { g.Key.Key, g.Key.DonorKind, g.Key.InKind, Count = g.Count(), Fen = g.Sum(d => d.AmountFen) })
            .ToListAsync(ct);
        var donors = await donations.GroupBy(d => d.DonorKind)
            .Select(g => new { Kind = g.Key, Donors = g.Select(d => d.DonorName).Distinct().Count() }).ToListAsync(ct);
        var byCampaign = await donations.GroupBy(d => d.CampaignId)
            .Select(g => new { CampaignId = g.Key, Count = g.Count(), Fen = g.Sum(d => d.AmountFen) }).ToListAsync(ct);

        var payments = from p in db.Set<DisbursementPayment>().IgnoreQueryFilters(AppDb.Unscoped).AsNoTracking().Under(code)
                       join r in db.Set<DisbursementRequest>().IgnoreQueryFilters(AppDb.Unscoped).AsNoTracking() on p.RequestId equals r.Id
                       where p.PaidOn >= first && p.PaidOn <= last
                       select new { p.AreaCode, p.FundId, p.AmountFen, p.RequestId, r.Purpose, r.ProjectId, r.WishId };
        var paid = await payments.GroupBy(p => new { Key = p.AreaCode.Substring(0, cut), p.Purpose })
            .Select(g => new { g.Key.Key, g.Key.Purpose, Count = g.Count(p => p.AmountFen > 0), Requests = g.Select(p => p.RequestId).Distinct().Count(), Fen = g.Sum(p => p.AmountFen) })
            .ToListAsync(ct);
        var projects = await payments.Where(p => p.ProjectId != null).Select(p => p.ProjectId).Distinct().CountAsync(ct);
        var fundedWishes = await payments.Where(p => p.WishId != null).Select(p => p.WishId).Distinct().CountAsync(ct);

        var funds = await db.Set<CommunityFund>().IgnoreQueryFilters(AppDb.Unscoped).AsNoTracking().Under(code)
            .GroupBy(f => f.AreaCode.Substring(0, cut))
            .Select(g => new { Key = g.Key, Active = g.Count(f => f.Status == FundStatus.Active), Balance = g.Sum(f => f.BalanceFen) })
            .ToListAsync(ct);
        var (start, end) = (period.Start, period.End);
        var fulfilled = await db.Set<Wish>().IgnoreQueryFilters(AppDb.Unscoped).AsNoTracking().Under(code).CountAsync(w => w.FulfilledAt >= start && (w.FulfilledAt < end), ct);

        var kinds = Enum.GetValues<DonorKind>().Select(k => new DonorRow(k, Donation.DonorKindLabel(k),
            given.Where(g => g.DonorKind == k).Sum(g => g.Count), donors.Where(d => d.Kind == k).Sum(d => d.Donors),
            given.Where(g => g.DonorKind == k).Sum(g => g.Fen))).ToList();
        var purposes = Enum.GetValues<DisbursementPurpose>().Select(p => new PurposeRow(p, DisbursementRequest.PurposeLabel(p),
            paid.Where(x => x.Purpose == p).Sum(x => x.Count), paid.Where(x => x.Purpose == p).Sum(x => x.Requests), paid.Where(x => x.Purpose == p).Sum(x => x.Fen))).ToList();

        var campaignIds = byCampaign.Where(c => c.CampaignId != null).Select(c => c.CampaignId!.Value).ToList();
        // The campaign's name as its own area keeps it: a county campaign may raise for a township's fund, so names are read past the scope.
        var campaignNames = await db.Set<Campaign>().IgnoreQueryFilters().AsNoTracking().Where(c => campaignIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var campaigns = byCampaign.Where(c => c.CampaignId != null)
            .Select(c => new CampaignRow(c.CampaignId, campaignNames.GetValueOrDefault(c.CampaignId!.Value, ""), c.Count, c.Fen))
            .OrderByDescending(c => c.AmountFen).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        if (byCampaign.FirstOrDefault(c => c.CampaignId == null) is { } none)
            campaigns.Add(new CampaignRow(null, Lang.T("未参加募捐活动", "No campaign"), none.Count, none.Fen));

        var givenOf = given.GroupBy(g => Child(g.Key)).ToDictionary(g => g.Key, g => (Count: g.Sum(x => x.Count), Fen: g.Sum(x => x.Fen)));
        var paidOf = paid.GroupBy(p => Child(p.Key)).ToDictionary(g => g.Key, g => (Count: g.Sum(x => x.Count), Fen: g.Sum(x => x.Fen)));
        var fundsOf = funds.GroupBy(f => Child(f.Key)).ToDictionary(g => g.Key, g => (Active: g.Sum(x => x.Active), Balance: g.Sum(x => x.Balance)));
        ChildRow Row(string child, string name, bool own, bool hasChildren)
        {
            var (g, p, f) = (givenOf.GetValueOrDefault(child), paidOf.GetValueOrDefault(child), fundsOf.GetValueOrDefault(child));
            return new ChildRow(child, name, own, hasChildren, f.Active, g.Count, g.Fen, p.Count, p.Fen, f.Balance);
        }
        var children = childCodes
            .Select(c => Row(c, names.GetValueOrDefault(c, c), false, AreaCode.LevelOf(c) != AreaLevel.Village)).ToList();
        if (childCodes.Count > 0 && (givenOf.ContainsKey(code) || paidOf.ContainsKey(code) || fundsOf.ContainsKey(code)))
            children.Insert(0, Row(code, Lang.T($"{areaName}（本级）", $"{areaName} (itself)"), true, false));

        // Per fund where a fund list is short: a township's or a community's funds.
        List<FundRow>? fundRows = null;
        if (level is AreaLevel.Township or AreaLevel.Village)
        {
            var fundGiven = await donations.GroupBy(d => d.FundId).Select(g => new { FundId = g.Key, Count = g.Count(), Fen = g.Sum(d => d.AmountFen) })
                .ToDictionaryAsync(g => g.FundId, ct);
            var fundPaid = await payments.GroupBy(p => p.FundId).Select(g => new { FundId = g.Key, Count = g.Count(p => p.AmountFen > 0), Fen = g.Sum(p => p.AmountFen) })
                .ToDictionaryAsync(g => g.FundId, ct);
            fundRows = (await db.Set<CommunityFund>().IgnoreQueryFilters(AppDb.Unscoped).AsNoTracking().Under(code).OrderBy(f => f.FundNo)
                    .Select(f => new { f.Id, f.FundNo, f.Name, f.AreaCode, f.Status, f.BalanceFen }).ToListAsync(ct))
                .Select(f =>
                {
                    var g = fundGiven.GetValueOrDefault(f.Id);
                    var p = fundPaid.GetValueOrDefault(f.Id);
                    return new FundRow(f.Id, f.FundNo, f.Name, f.AreaCode, f.Status, g?.Count ?? 0, g?.Fen ?? 0, p?.Count ?? 0, p?.Fen ?? 0, f.BalanceFen);
                }).ToList();
        }

        var report = new Report(code, areaName, period, given.Sum(g => g.Count), kinds.Sum(k => k.Donors), given.Sum(g => g.Fen),
            given.Where(g => g.InKind).Sum(g => g.Fen), paid.Sum(p => p.Count), paid.Sum(p => p.Fen), projects, fundedWishes, fulfilled,
            funds.Sum(f => f.Active), funds.Sum(f => f.Balance), kinds, campaigns, purposes, children, fundRows, "");
        return report with { Sentence = Sentence(report) };
    }

    /// <summary>
    /// The figures as a work report writes them: 2026年1月–11月，市西街道链接慈善资金捐赠共计1.6万元（12笔，其中企业捐赠1万元、个人捐赠6,000元；
    /// 物资折价2,000元），支出8,000元，支持项目2个、微心愿3个；微心愿圆梦5个。截至目前，社区慈善基金余额共计3.2万元（运行中的基金4支）。
    /// </summary>
    public static string Sentence(Report r)
    {
        if (Lang.IsEnglish)
            return $"{r.Period.Label}: {r.AreaName} raised {Money.Yuan(r.RaisedFen)} in {r.Donations} donations and spent {Money.Yuan(r.SpentFen)} " +
                   $"({r.Projects} projects, {r.FundedWishes} micro-wishes paid for); {r.WishesFulfilled} micro-wishes fulfilled. " +
                   $"Now the funds hold {Money.Yuan(r.BalanceFen)} ({r.ActiveFunds} running).";
        var text = new System.Text.StringBuilder($"{r.Period.Label}，{r.AreaName}");
        if (r.Donations == 0) text.Append("未接收慈善捐赠");
        else
        {
            text.Append($"链接慈善资金捐赠共计{Money.Wan(r.RaisedFen)}（{r.Donations}笔");
            var parts = r.DonorKinds.Where(k => k.AmountFen > 0).Select(k => $"{k.Label}捐赠{Money.Wan(k.AmountFen)}").ToList();
            if (parts.Count > 1) text.Append("，其中").AppendJoin("、", parts);
            if (r.InKindFen > 0) text.Append($"；物资折价{Money.Wan(r.InKindFen)}");
            text.Append('）');
            var raisedInCampaigns = r.Campaigns.Where(c => c.CampaignId != null).Sum(c => c.AmountFen);
            if (raisedInCampaigns > 0) text.Append($"，募捐活动募集{Money.Wan(raisedInCampaigns)}");
        }
        if (r.Payments == 0) text.Append("，未发生支出");
        else
        {
            text.Append($"，支出{Money.Wan(r.SpentFen)}");
            var supported = new List<string>();
            if (r.Projects > 0) supported.Add($"项目{r.Projects}个");
            if (r.FundedWishes > 0) supported.Add($"微心愿{r.FundedWishes}个");
            if (supported.Count > 0) text.Append("，支持").AppendJoin("、", supported);
        }
        if (r.WishesFulfilled > 0) text.Append($"；微心愿圆梦{r.WishesFulfilled}个");
        text.Append($"。截至目前，社区慈善基金余额共计{Money.Wan(r.BalanceFen)}（运行中的基金{r.ActiveFunds}支）。");
        return text.ToString();
    }
}
