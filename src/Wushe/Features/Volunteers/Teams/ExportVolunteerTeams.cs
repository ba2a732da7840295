using Wushe.Data;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;

namespace Wushe.Features.Volunteers.Teams;

/// <summary>导出: the team list as it is searched, as an Excel file (headers in Chinese, codes as their labels); audited.</summary>
public static class ExportVolunteerTeams
{
    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, TimeProvider clock, ListTeams.Query q, CancellationToken ct = default)
    {
        var rows = await ListExport.AllPagesAsync((p, size) => ListTeams.Handle(db, q with { Page = p, Size = size }, ct));
        var sheet = rows.Select((r, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("队伍名称", "Name")] = r.Name,
            [Lang.T("品牌名称", "Brand")] = r.Brand,
            [Lang.T("服务类别", "Service category")] = Activity.KindLabel(r.Kind),
            [Lang.T("归属类型", "Owner kind")] = Team.OwnerKindLabel(r.OwnerKind),
            [Lang.T("所属单位", "Owner")] = r.OwnerName,
            [Lang.T("所属区划", "Area")] = r.AreaName,
            [Lang.T("区划代码", "Area code")] = r.AreaCode,
            [Lang.T("成立日期", "Founded on")] = ChinaTime.Format(r.FoundedOn),
            [Lang.T("在队人数", "Members")] = r.Members,
            [Lang.T("待审核申请", "Applications waiting")] = r.Pending,
            [Lang.T("队长", "Leaders")] = string.Join(Lang.T("、", ", "), r.Leaders),
            [Lang.T("状态", "Status")] = Team.StatusLabel(r.Status),
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "志愿服务队", "Volunteer teams", nameof(Team), "list", q, ct);
    }
}
