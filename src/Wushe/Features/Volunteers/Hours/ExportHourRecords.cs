using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;

namespace Wushe.Features.Volunteers.Hours;

/// <summary>导出志愿服务记录: the organizer's list as filtered (<see cref="ListHourRecords"/>, at most 10,000 rows) as an Excel file; audited.</summary>
public static class ExportHourRecords
{
    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, TimeProvider clock, ListHourRecords.Query q, CancellationToken ct = default)
    {
        var rows = await ListExport.AllPagesAsync(async (p, size) => (await ListHourRecords.Handle(db, q with { Page = p, Size = size }, ct)).Records);
        var sheet = rows.Select((r, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("志愿者编号", "Volunteer number")] = r.VolunteerNo,
            [Lang.T("姓名", "Name")] = r.VolunteerName,
            [Lang.T("服务日期", "Date")] = ChinaTime.Format(r.ServiceDate),
            [Lang.T("开始时间", "Started")] = ChinaTime.Format(r.StartedAt),
            [Lang.T("结束时间", "Ended")] = ChinaTime.Format(r.EndedAt),
            [Lang.T("服务时长（小时）", "Hours")] = VolunteerHours.Format(r.Minutes),
            [Lang.T("服务内容", "Service content")] = r.Content,
            [Lang.T("组织单位", "Organizer")] = r.OrganizerName,
            [Lang.T("服务地点所在区划", "Area")] = r.AreaName,
            [Lang.T("记录方式", "Kind")] = HourRecord.KindLabel(r.Kind),
            [Lang.T("状态", "Status")] = HourRecord.StatusLabel(r.Status),
            [Lang.T("公示截止", "Final on")] = ChinaTime.Format(r.FinalOn),
            [Lang.T("记录人", "Recorded by")] = r.RecordedByName,
            [Lang.T("原因", "Reason")] = r.Reason,
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "志愿服务记录", "Volunteer hours", nameof(HourRecord), "list", q, ct);
    }
}
