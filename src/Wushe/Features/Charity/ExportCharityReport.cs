using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Charity;

/// <summary>
/// 导出慈善资金统计: <see cref="CharityReport"/> as an Excel sheet — the totals, by donor type, by campaign, by purpose, by child area and
/// (a township or community) by fund, one row each, money in yuan with two decimals; the report's sentence first. Figures and the
/// names of donor types, campaigns, areas and funds only: no donor is named. Audited as an export of the area and period.
/// Failures: as <see cref="CharityReport"/>.
/// </summary>
public static class ExportCharityReport
{
    public static async Task<Result<(byte[] Content, string FileName)>> Handle(AppDb db, CurrentUser user, TimeProvider clock, CharityReport.Query q, CancellationToken ct = default)
    {
        var result = await CharityReport.Handle(db, user, clock, q, ct);
        if (!result.IsOk) return result.Failure!;
        var r = result.Value!;
        IReadOnlyDictionary<string, object?> Line(string group, string item, int? donations, long? raisedFen, int? payments, long? spentFen, long? balanceFen = null) =>
            new Dictionary<string, object?>
            {
                [Lang.T("统计区划", "Area")] = r.AreaName,
                [Lang.T("统计期间", "Period")] = r.Period.Label,
                [Lang.T("分组", "By")] = group,
                [Lang.T("项目", "Item")] = item,
                [Lang.T("捐赠笔数", "Donations")] = donations,
                [Lang.T("捐赠金额（元）", "Raised (yuan)")] = raisedFen / 100m,
                [Lang.T("支出笔数", "Payments")] = payments,
                [Lang.T("支出金额（元）", "Spent (yuan)")] = spentFen / 100m,
                [Lang.T("当前余额（元）", "Balance now (yuan)")] = balanceFen / 100m,
            };
        var total = Lang.T("合计", "Total");
        var rows = new List<IReadOnlyDictionary<string, object?>>
        {
            Line(Lang.T("统计口径", "Summary"), r.Sentence, null, null, null, null),
            Line(total, total, r.Donations, r.RaisedFen, r.Payments, r.SpentFen, r.BalanceFen),
            Line(total, Lang.T("其中物资折价", "Of which goods"), null, r.InKindFen, null, null),
        };
        var byKind = Lang.T("捐赠方类型", "Donor type");
        rows.AddRange(r.DonorKinds.Select(k => Line(byKind, k.Label, k.Donations, k.AmountFen, null, null)));
        var byCampaign = Lang.T("募捐活动", "Campaign");
        rows.AddRange(r.Campaigns.Select(c => Line(byCampaign, c.Name, c.Donations, c.AmountFen, null, null)));
        var byPurpose = Lang.T("支出用途", "Paid for");
        rows.AddRange(r.Purposes.Select(p => Line(byPurpose, p.Label, null, null, p.Payments, p.AmountFen)));
        var byArea = Lang.T("下级区划", "Child area");
        rows.AddRange(r.Children.Select(c => Line(byArea, c.AreaName, c.Donations, c.RaisedFen, c.Payments, c.SpentFen, c.BalanceFen)));
        var byFund = Lang.T("基金", "Fund");
        if (r.Funds is { } funds) rows.AddRange(funds.Select(f => Line(byFund, $"{f.Name}（{f.FundNo}）", f.Donations, f.RaisedFen, f.Payments, f.SpentFen, f.BalanceFen)));
        return await ListExport.FileAsync(db, clock, rows, "慈善资金统计", "Charity report",
            new AuditRecord(clock.GetUtcNow(), db.Actor, AuditAction.Export, nameof(Donation), "report", $"rows={rows.Count},period={r.Period.Code}",
                areaCode: r.AreaCode, objectName: $"慈善资金统计（{r.AreaName} {ReportPeriod.Text(r.Period.Year, r.Period.FromMonth, r.Period.ToMonth)}）"), ct);
    }
}
