using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Households;

/// <summary>导出: "my visits" as it is filtered, as an Excel file (heads' names masked, 张*丰), audited under the area it covers.</summary>
public static class ExportMyVisits
{
    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, CurrentUser user, TimeProvider clock, MyVisits.Query q, CancellationToken ct = default)
    {
        var rows = await ListExport.AllPagesAsync(async (p, size) => (await MyVisits.Handle(db, user, clock, q with { Page = p, Size = size }, ct)).Page);
        var sheet = rows.Select((r, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("所属社区（村）", "Community")] = r.AreaName,
            [Lang.T("家庭住址", "Address")] = r.Address,
            [Lang.T("户主", "Head")] = Mask.Name(r.HeadName),
            [Lang.T("户卡", "Card")] = r.CardName ?? Lang.T("未评定", "None"),
            [Lang.T("包户社工", "Responsible worker")] = r.WorkerName,
            [Lang.T("最近探访", "Last visited")] = ChinaTime.Format(r.LastVisitedOn),
            [Lang.T("应访日期", "Due")] = ChinaTime.Format(r.NextDueOn),
            [Lang.T("逾期天数", "Days overdue")] = r.DaysOverdue,
            [Lang.T("状态", "Status")] = StateLabel(r.State),
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "探访计划", "Visits due", nameof(Household), "my-visits", q, ct);
    }

    public static string StateLabel(DueState s) => s switch
    {
        DueState.Overdue => Lang.T("已逾期", "Overdue"),
        DueState.Today => Lang.T("今日到期", "Due today"),
        DueState.ThisWeek => Lang.T("本周到期", "Due this week"),
        _ => Lang.T("未到期", "Not yet due"),
    };
}
