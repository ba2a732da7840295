using Wushe.Data;
using Wushe.Platform.Areas;
using Wushe.Platform;
using Wushe.Platform.Audit;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;

namespace Wushe.Features.Stations;

/// <summary>导出: the station list as it is filtered, as an Excel file with Chinese headers and masked phones.</summary>
public static class ExportStations
{
    public const int MaxRows = 10_000;

    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, TimeProvider clock, ListStations.Query q, CancellationToken ct = default)
    {
        var page = await ListStations.Handle(db, q with { Page = 1, Size = 100 }, ct);
        var rows = new List<ListStations.Row>(page.Items);
        // ListStations pages at most 100; walk the pages up to the export limit.
        for (var p = 2; rows.Count < Math.Min(page.Total, MaxRows); p++)
            rows.AddRange((await ListStations.Handle(db, q with { Page = p, Size = 100 }, ct)).Items);
        var sheet = rows.Take(MaxRows).Select((r, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("站点名称", "Name")] = r.Name,
            [Lang.T("层级", "Level")] = Station.LevelLabel(r.Level),
            [Lang.T("所属区划", "Area")] = r.AreaName,
            [Lang.T("区划代码", "Area code")] = r.AreaCode,
            [Lang.T("联系人", "Contact")] = r.ContactName,
            [Lang.T("联系电话", "Phone")] = r.ContactPhone ?? "",
            [Lang.T("建站日期", "Opened")] = ChinaTime.Format(r.OpenedOn),
            [Lang.T("双站合一", "Dual station")] = r.IsCivilizationPracticeStation ? Lang.T("是", "Yes") : Lang.T("否", "No"),
            [Lang.T("五有五统一达标项", "Standard items met")] = r.StandardChecked == 0 ? Lang.T("未检查", "Not checked") : $"{r.StandardMet}/10",
            [Lang.T("星级", "Stars")] = r.Stars == 0 ? "" : new string('★', r.Stars),
            [Lang.T("状态", "Status")] = Station.StatusLabel(r.Status),
        }).ToList();
        // Through the shared export rule: no typed text is ever read as a formula.
        var content = await Spreadsheet.XlsxAsync(sheet, Lang.T("社工站名册", "Stations"), ct);
        // Filed under the area the list covers (the filter, or the exporter's own area), so that an auditor of that area finds it.
        var area = AreaCode.Normalize(q.Area) ?? db.Actor.Active?.AreaCode;
        db.AuditRecords.Add(new AuditRecord(clock.GetUtcNow(), db.Actor, AuditAction.Export, nameof(Station), "list", $"rows={sheet.Count}", areaCode: area,
            objectName: $"社工站名册（{sheet.Count} 条）"));
        await db.SaveChangesAsync(ct);
        var name = $"{Lang.T("社工站名册", "stations")}_{ChinaTime.Today(clock):yyyyMMdd}.xlsx";
        return (content, name);
    }
}
