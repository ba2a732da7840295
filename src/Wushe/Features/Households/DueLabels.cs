using Wushe.Platform.Localization;

namespace Wushe.Features.Households;

/// <summary>How a visit state reads on pages and in exports: 逾期 3 天, 今日应访, 本周应访, 未到期.</summary>
public static class DueLabels
{
    public static string Label(DueState state, int daysOverdue) => state switch
    {
        DueState.Overdue => Overdue(daysOverdue),
        DueState.Today => Lang.T("今日应访", "Due today"),
        DueState.ThisWeek => Lang.T("本周应访", "Due this week"),
        DueState.Later => Lang.T("未到期", "Not yet due"),
        _ => Lang.T("无需探访", "Not visited"),
    };

    /// <summary>逾期 N 天 / "1 day overdue", "3 days overdue": the one wording of days overdue.</summary>
    public static string Overdue(int days) => Lang.T($"逾期 {days} 天", days == 1 ? "1 day overdue" : $"{days} days overdue");

    /// <summary>The Bootstrap badge class of a state: red overdue, orange today, blue this week, grey later.</summary>
    public static string Badge(DueState state) => state switch
    {
        DueState.Overdue => "text-bg-danger",
        DueState.Today => "text-bg-warning",
        DueState.ThisWeek => "text-bg-info",
        _ => "text-bg-light",
    };

    public static string FilterLabel(DueState state) => state switch
    {
        DueState.Overdue => Lang.T("已逾期", "Overdue"),
        DueState.Today => Lang.T("今日应访", "Due today"),
        DueState.ThisWeek => Lang.T("本周应访", "Due this week"),
        DueState.Later => Lang.T("未到期", "Not yet due"),
        _ => Lang.T("全部", "All"),
    };
}
