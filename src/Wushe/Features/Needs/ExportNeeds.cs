using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;

namespace Wushe.Features.Needs;

/// <summary>导出: the need list as it is filtered, as an Excel file — requesters' names masked, no description; audited.</summary>
public static class ExportNeeds
{
    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, Platform.Sensitive.Sealer sealer, TimeProvider clock, ListNeeds.Query q, CancellationToken ct = default)
    {
        var rows = await ListExport.AllPagesAsync((p, size) => ListNeeds.Handle(db, sealer, clock, q with { Page = p, Size = size }, ct));
        var sheet = rows.Select((r, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("需求编号", "Need number")] = r.NeedNo,
            [Lang.T("需求标题", "Title")] = r.Title,
            [Lang.T("需求类别", "Category")] = Need.CategoryLabel(r.Category),
            [Lang.T("紧急程度", "Urgency")] = Need.UrgencyLabel(r.Urgency),
            [Lang.T("来源", "Source")] = Need.SourceLabel(r.Source),
            [Lang.T("所属区划", "Area")] = r.AreaName,
            [Lang.T("区划代码", "Area code")] = r.AreaCode,
            [Lang.T("求助人", "Requester")] = r.RequesterName,
            [Lang.T("提出时间", "Raised at")] = ChinaTime.Format(r.RaisedAt),
            [Lang.T("状态", "Status")] = Need.StatusLabel(r.Status),
            [Lang.T("承办人", "Handler")] = r.HandlerName,
            [Lang.T("办理时限", "Due")] = r.DueAt is { } due ? ChinaTime.Format(due) : "",
            [Lang.T("是否超时", "Overdue")] = r.Overdue ? Lang.T("超时", "Overdue") : "",
            [Lang.T("满意度", "Satisfaction")] = r.Satisfaction?.ToString() ?? "",
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "需求台账", "Needs", nameof(Need), "list", q, ct);
    }
}
