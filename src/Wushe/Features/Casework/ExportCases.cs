using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;

namespace Wushe.Features.Casework;

/// <summary>导出: the case list as it is filtered (masked client names, no case content), audited as an export.</summary>
public static class ExportCases
{
    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, TimeProvider clock, ListCases.Query q, CancellationToken ct = default)
    {
        var rows = await ListExport.AllPagesAsync((p, size) => ListCases.Handle(db, clock, q with { Page = p, Size = size }, ct));
        var names = await Areas.AreaNames.LookupAsync(db, rows.Select(r => r.AreaCode).Distinct(), ct);
        var sheet = rows.Select((r, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("个案编号", "Case number")] = r.CaseNo,
            [Lang.T("服务对象", "Client")] = r.ClientName,
            [Lang.T("所属区划", "Area")] = names.GetValueOrDefault(r.AreaCode, r.AreaCode),
            [Lang.T("区划代码", "Area code")] = r.AreaCode,
            [Lang.T("负责社工", "Worker")] = r.WorkerName,
            [Lang.T("阶段", "Stage")] = Case.StatusLabel(r.Status),
            [Lang.T("开案日期", "Opened on")] = ChinaTime.Format(r.OpenedOn),
            [Lang.T("开案天数", "Days open")] = r.DaysOpen,
            [Lang.T("下一步工作", "Next action")] = r.NextAction,
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "个案台账", "Cases", nameof(Case), "list", q, ct);
    }
}
