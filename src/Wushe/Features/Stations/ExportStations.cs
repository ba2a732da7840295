using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;

namespace Wushe.Features.Stations;

/// <summary>导出: the station list as it is filtered, as an Excel file with Chinese headers and masked phones.</summary>
public static class ExportStations
{
    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, TimeProvider clock, ListStations.Query q, CancellationToken ct = default)
    {
        var rows = await ListExport.AllPagesAsync((p, size) => ListStations.Handle(db, q with { Page = p, Size = size }, ct));
        var sheet = rows.Select((r, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
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
        return await ListExport.FileAsync(db, clock, sheet, "社工站名册", "Stations", nameof(Station), "list", q, ct);
    }
}
