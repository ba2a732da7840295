using Wushe.Data;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;

namespace Wushe.Features.Households;

/// <summary>导出: 探访逾期统计 as shown (the same area, level and sort; every row, not one page), as an Excel file; audited.</summary>
public static class ExportOverdue
{
    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, TimeProvider clock, OverdueByTownship.Query q, CancellationToken ct = default)
    {
        var (_, level, rows) = await OverdueByTownship.AllAsync(db, clock, q, ct);
        var sheet = rows.Select((r, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [OverdueByTownship.LevelHeading(level)] = r.AreaName,
            [Lang.T("区划代码", "Area code")] = r.AreaCode,
            [Lang.T("在册家庭户", "Active households")] = r.Active,
            [Lang.T("已逾期", "Overdue")] = r.Overdue,
            [Lang.T("逾期率（%）", "Overdue share (%)")] = Math.Round(100 * r.OverdueShare, 1),
            [Lang.T("本周到期", "Due this week")] = r.DueThisWeek,
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "探访逾期统计", "Overdue visits", nameof(Household), "overdue", q, ct);
    }
}
