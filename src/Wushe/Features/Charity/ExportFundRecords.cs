using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>
/// 导出 of one fund's records, each as its list finds and orders them (all pages, at most <see cref="ListExport.MaxRows"/>), as an Excel
/// file, amounts in yuan with two decimals: the ledger (<see cref="ListFundEntries"/>), the donations (<see cref="ListDonations"/>: the
/// donor's name as recorded — staff read it — with the anonymity asked for); its disbursement requests are <see cref="ExportDisbursements"/>.
/// Audited as an export filed under the fund's area. Failures: 404 (the fund out of scope).
/// </summary>
public static class ExportFundRecords
{
    /// <summary>What the export followed, for its audit row: the fund's area (the row is filed there), the fund and the list's search.</summary>
    public sealed record Filed(string? Area, [property: Label("基金", "Fund")] string Fund, [property: Label("关键字", "Keyword")] string? Keyword = null,
        [property: Label("状态", "Status")] string? Status = null) : IAreaFilteredQuery;

    public static async Task<Result<(byte[] Content, string FileName)>> Ledger(AppDb db, TimeProvider clock, Guid fundId, CancellationToken ct = default)
    {
        if (await FundAsync(db, fundId, ct) is not { } fund) return Failure.NotFound();
        var rows = await ListExport.AllPagesAsync((p, size) => ListFundEntries.Handle(db, fundId, new(p, size), ct));
        var sheet = rows.Value!.Select(e => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("笔号", "No.")] = e.Sequence,
            [Lang.T("时间", "At")] = ChinaTime.Format(e.At),
            [Lang.T("类型", "Kind")] = FundEntry.KindLabel(e.Kind),
            [Lang.T("摘要", "Note")] = e.Note,
            [Lang.T("金额（元）", "Amount (yuan)")] = e.AmountFen / 100m,
            [Lang.T("预留变动（元）", "Reserved change (yuan)")] = e.ReservedFen / 100m,
            [Lang.T("余额（元）", "Balance (yuan)")] = e.BalanceAfterFen / 100m,
            [Lang.T("经办人", "By")] = e.RecordedByName,
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, $"{fund.FundNo} 基金台账", $"{fund.FundNo} ledger", nameof(FundEntry), "list", new Filed(fund.AreaCode, fund.FundNo), ct);
    }

    public static async Task<Result<(byte[] Content, string FileName)>> Donations(AppDb db, TimeProvider clock, Guid fundId, ListDonations.Query q, CancellationToken ct = default)
    {
        if (await FundAsync(db, fundId, ct) is not { } fund) return Failure.NotFound();
        var rows = await ListExport.AllPagesAsync(async (p, size) => (await ListDonations.Handle(db, fundId, q with { Page = p, Size = size }, ct)).Value!.Donations);
        var sheet = rows.Select(d => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("票据编号", "Receipt")] = d.ReceiptNo,
            [Lang.T("捐赠日期", "Date")] = ChinaTime.Format(d.DonatedOn),
            [Lang.T("捐赠人类型", "Donor kind")] = Donation.DonorKindLabel(d.DonorKind),
            [Lang.T("捐赠人", "Donor")] = d.DonorName,
            [Lang.T("公示匿名", "Anonymous in public")] = d.Anonymous ? Lang.T("是", "Yes") : Lang.T("否", "No"),
            [Lang.T("捐赠方式", "Channel")] = Donation.ChannelLabel(d.Channel),
            [Lang.T("金额（元）", "Amount (yuan)")] = d.AmountFen / 100m,
            [Lang.T("物资清单", "Items")] = d.Items,
            [Lang.T("经办人", "By")] = d.RecordedByName,
            [Lang.T("冲正", "Reversed")] = d.ReversedAt is { } at ? ChinaTime.Format(at) : "",
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, $"{fund.FundNo} 捐赠记录", $"{fund.FundNo} donations", nameof(Donation), "list",
            new Filed(fund.AreaCode, fund.FundNo, q.Keyword), ct);
    }

    static Task<CommunityFund?> FundAsync(AppDb db, Guid fundId, CancellationToken ct) =>
        db.Set<CommunityFund>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fundId, ct);
}
