using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;

namespace Wushe.Features.Casework;

/// <summary>导出: the group list as it is filtered, as an Excel file with Chinese headers (no personal data: titles and counts).</summary>
public static class ExportGroups
{
    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, TimeProvider clock, ListGroups.Query q, CancellationToken ct = default)
    {
        var rows = await ListExport.AllPagesAsync((p, size) => ListGroups.Handle(db, q with { Page = p, Size = size }, ct));
        var sheet = rows.Select((r, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("名称", "Title")] = r.Title,
            [Lang.T("类型", "Kind")] = Group.KindLabel(r.Kind),
            [Lang.T("主题", "Topic")] = r.Topic,
            [Lang.T("服务对象", "Target group")] = r.TargetGroup,
            [Lang.T("所属区划", "Area")] = r.AreaName,
            [Lang.T("区划代码", "Area code")] = r.AreaCode,
            [Lang.T("开始日期", "Start date")] = ChinaTime.Format(r.StartsOn),
            [Lang.T("计划节数", "Planned sessions")] = r.PlannedSessions,
            [Lang.T("已开展节数", "Sessions held")] = r.SessionsHeld,
            [Lang.T("成员人数", "Members")] = r.Members,
            [Lang.T("带领社工", "Leading worker")] = r.WorkerName,
            [Lang.T("状态", "Status")] = Group.StatusLabel(r.Status),
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "小组与社区活动", "Groups", nameof(Group), "list", q, ct);
    }
}
