using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;

namespace Wushe.Features.Charity;

/// <summary>
/// 导出: the funds as <see cref="ListFunds"/> finds and orders them (all pages, at most <see cref="ListExport.MaxRows"/>), as an Excel file:
/// number, name, area code, host, date, status, raised, spent, balance, reserved (yuan, two decimals). Audited as an export.
/// </summary>
public static class ExportFunds
{
    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, TimeProvider clock, ListFunds.Query q, CancellationToken ct = default)
    {
        var rows = await ListExport.AllPagesAsync(async (p, size) => (await ListFunds.Handle(db, q with { Page = p, Size = size }, ct)).Funds);
        var sheet = rows.Select((f, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("基金编号", "Fund number")] = f.FundNo,
            [Lang.T("基金名称", "Name")] = f.Name,
            [Lang.T("区划代码", "Area code")] = f.AreaCode,
            [Lang.T("托管慈善组织", "Host charity")] = f.HostName,
            [Lang.T("设立日期", "Established on")] = ChinaTime.Format(f.EstablishedOn),
            [Lang.T("状态", "Status")] = CommunityFund.StatusLabel(f.Status),
            [Lang.T("累计募集（元）", "Raised (yuan)")] = f.IncomeFen / 100m,
            [Lang.T("累计支出（元）", "Spent (yuan)")] = f.SpentFen / 100m,
            [Lang.T("余额（元）", "Balance (yuan)")] = f.BalanceFen / 100m,
            [Lang.T("已预留（元）", "Reserved (yuan)")] = f.ReservedFen / 100m,
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "社区慈善基金", "Community funds", nameof(CommunityFund), "list", q, ct);
    }
}
