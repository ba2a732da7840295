using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;

namespace Wushe.Features.Competitions;

/// <summary>导出: the call list as it is searched, as an Excel file (amounts in yuan, times in China time); audited.</summary>
public static class ExportCompetitions
{
    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, CurrentUser user, TimeProvider clock, ListCompetitions.Query q, CancellationToken ct = default)
    {
        var rows = await ListExport.AllPagesAsync((p, size) => ListCompetitions.Handle(db, user, clock, q with { Page = p, Size = size }, ct));
        var sheet = rows.Select((r, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("通知编号", "Call number")] = r.CallNo,
            [Lang.T("名称", "Title")] = r.Title,
            [Lang.T("主办单位", "Host")] = r.HostName,
            [Lang.T("主办地区", "Host area")] = r.AreaName,
            [Lang.T("申报开始", "Opens")] = ChinaTime.Format(r.OpensAt),
            [Lang.T("申报截止", "Closes")] = ChinaTime.Format(r.ClosesAt),
            [Lang.T("资金池（元）", "Pool (yuan)")] = r.PoolFen / 100m,
            [Lang.T("单个项目上限（元）", "Cap (yuan)")] = r.CapFen / 100m,
            [Lang.T("已确定资助（元）", "Awarded (yuan)")] = r.AwardedFen / 100m,
            [Lang.T("状态", "Status")] = r.StatusName,
            [Lang.T("当前阶段", "Phase")] = r.Phase,
            [Lang.T("申报数", "Applications")] = r.Applications,
            [Lang.T("评审专家", "Judges")] = r.Judges,
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "公益创投", "Competitions", nameof(Competition), "list", q, ct);
    }
}
