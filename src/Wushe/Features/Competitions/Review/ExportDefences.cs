using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 导出答辩安排 (the host, from the Defence page): the defence schedule as <see cref="ListDefences"/> searches it — scheduled ones by
/// time, then the rest by number; each application's number, title, organization, status, time (China time; "未安排" when none) and
/// place — as an Excel file; audited under the call's area with the search. A call out of scope is 404.
/// </summary>
public static class ExportDefences
{
    public static async Task<Result<(byte[] Content, string FileName)>> Handle(AppDb db, TimeProvider clock, Guid callId, ListDefences.Query q, CancellationToken ct = default)
    {
        var first = await ListDefences.Handle(db, callId, q with { Page = 1, Size = 1 }, ct);
        if (!first.IsOk) return first.Failure!;
        var rows = await ListExport.AllPagesAsync(async (p, size) => (await ListDefences.Handle(db, callId, q with { Page = p, Size = size }, ct)).Value!.Rows);
        var sheet = rows.Select((r, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("申报编号", "Application number")] = r.ApplicationNo,
            [Lang.T("项目名称", "Title")] = r.Title,
            [Lang.T("申报单位", "Organization")] = r.OrganizationName,
            [Lang.T("状态", "Status")] = r.StatusName,
            [Lang.T("答辩时间", "Time")] = r.At is { } at ? ChinaTime.Format(at) : Lang.T("未安排", "Not scheduled"),
            [Lang.T("答辩地点", "Place")] = r.Place,
        }).ToList();
        var area = await db.Set<Competition>().Where(c => c.Id == callId).Select(c => c.AreaCode).FirstAsync(ct);
        return await ListExport.FileAsync(db, clock, sheet, "答辩安排", "Defence schedule", nameof(CompetitionApplication), callId.ToString(), q, area,
            $"{first.Value!.CallNo} ", ct);
    }
}
