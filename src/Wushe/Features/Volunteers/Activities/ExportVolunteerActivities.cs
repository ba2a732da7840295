using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;

namespace Wushe.Features.Volunteers.Activities;

/// <summary>
/// 导出: the activity list as it is searched (<see cref="ListActivities"/>: its rows and order), as an Excel file with the places
/// offered, confirmed and waitlisted; no volunteer's details in it; the export audited (<see cref="ListExport"/>), no cell read as a formula.
/// </summary>
public static class ExportVolunteerActivities
{
    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, TimeProvider clock, ListActivities.Query q, CancellationToken ct = default)
    {
        var rows = await ListExport.AllPagesAsync((p, size) => ListActivities.Handle(db, clock, q with { Page = p, Size = size }, ct));
        var sheet = rows.Select((r, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("活动名称", "Title")] = r.Title,
            [Lang.T("服务类别", "Category")] = Activity.KindLabel(r.Kind),
            [Lang.T("所属区划", "Area")] = r.AreaName,
            [Lang.T("地点", "Place")] = r.Place,
            [Lang.T("组织方", "Organizer")] = r.OrganizerName,
            [Lang.T("开始时间", "Starts")] = r.FirstStart is { } start ? ChinaTime.Format(start) : "",
            [Lang.T("结束时间", "Ends")] = r.LastEnd is { } end ? ChinaTime.Format(end) : "",
            [Lang.T("班次数", "Shifts")] = r.Shifts,
            [Lang.T("名额", "Places")] = r.Capacity,
            [Lang.T("已确认", "Confirmed")] = r.Confirmed,
            [Lang.T("候补", "Waitlisted")] = r.Waitlisted,
            [Lang.T("状态", "Status")] = Activity.StatusLabel(r.Status),
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "志愿活动列表", "Volunteer activities", nameof(Activity), "list", q, ct);
    }
}
