using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// 导出: the service records as <see cref="ListServiceRecords"/> finds and orders them (the same conditions, all pages, at
/// most <see cref="ListExport.MaxRows"/> rows), as an Excel file: day, kind, summary, area name, workers, people served, source — no
/// resident's name, ID or phone. Audited as an export. Failures: the list's own (400 on a malformed period or keyword).
/// </summary>
public static class ExportServiceRecords
{
    public static async Task<Result<(byte[] Content, string FileName)>> Handle(AppDb db, TimeProvider clock, ListServiceRecords.Query q, CancellationToken ct = default)
    {
        var rows = await ListExport.AllPagesAsync((p, size) => ListServiceRecords.Handle(db, clock, q with { Page = p, Size = size }, ct));
        if (!rows.IsOk) return rows.Failure!;
        var sheet = rows.Value!.Select((r, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("服务日期", "Date")] = ChinaTime.Format(r.ServedOn),
            [Lang.T("服务类型", "Kind")] = ServiceRecord.KindLabel(r.Kind),
            [Lang.T("服务内容", "Summary")] = r.Summary,
            [Lang.T("所属区划", "Area")] = r.AreaName,
            [Lang.T("服务人员", "Workers")] = r.Workers,
            [Lang.T("服务人次", "People")] = r.People,
            [Lang.T("来源", "Source")] = ServiceRecord.SourceLabel(r.Source),
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "服务记录", "Service records", nameof(ServiceRecord), "list", q, ct);
    }
}
