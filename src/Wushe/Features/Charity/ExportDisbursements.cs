using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Charity;

/// <summary>
/// 导出 of disbursement requests as <see cref="ListDisbursements"/> finds and orders them — of one fund, an area or the whole scope — all
/// pages (at most <see cref="ListExport.MaxRows"/>), as an Excel file: number, raised at (China time), fund, purpose, title, amount and paid
/// (yuan, two decimals), payee, status, votes, raised by. Audited as an export, filed under the fund's area when one fund is exported.
/// Failures: 404 (?fund= out of scope).
/// </summary>
public static class ExportDisbursements
{
    public static async Task<Result<(byte[] Content, string FileName)>> Handle(AppDb db, TimeProvider clock, ListDisbursements.Query q, CancellationToken ct = default)
    {
        q = q with { Page = null, Size = null };
        CommunityFund? fund = null;
        if (q.Fund is { } fundId && (fund = await db.Set<CommunityFund>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fundId, ct)) is null) return Failure.NotFound();
        var rows = await ListExport.AllPagesAsync((p, size) => ListDisbursements.Handle(db, q with { Page = p, Size = size }, ct));
        var sheet = rows.Value!.Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("申请编号", "Number")] = r.RequestNo,
            [Lang.T("申请时间", "Raised at")] = ChinaTime.Format(r.RaisedAt),
            [Lang.T("基金", "Fund")] = r.FundName,
            [Lang.T("用途类别", "Purpose")] = DisbursementRequest.PurposeLabel(r.Purpose),
            [Lang.T("用途", "Title")] = r.Title,
            [Lang.T("申请金额（元）", "Amount (yuan)")] = r.AmountFen / 100m,
            [Lang.T("已支付（元）", "Paid (yuan)")] = r.PaidFen / 100m,
            [Lang.T("收款方", "Payee")] = r.Payee,
            [Lang.T("状态", "Status")] = DisbursementRequest.StatusLabel(r.Status),
            [Lang.T("同意票", "For")] = r.Approvals,
            [Lang.T("不同意票", "Against")] = r.Rejections,
            [Lang.T("申请人", "Raised by")] = r.RaisedByName,
        }).ToList();
        var status = q.Status is { } s ? DisbursementRequest.StatusLabel(s) : null;
        return fund is not null
            ? await ListExport.FileAsync(db, clock, sheet, $"{fund.FundNo} 拨付申请", $"{fund.FundNo} disbursements", nameof(DisbursementRequest), "list",
                new ExportFundRecords.Filed(fund.AreaCode, fund.FundNo, q.Keyword, status), ct)
            : await ListExport.FileAsync(db, clock, sheet, "拨付申请", "Disbursement requests", nameof(DisbursementRequest), "list", q, ct);
    }
}
