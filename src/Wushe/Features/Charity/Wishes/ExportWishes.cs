using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;

namespace Wushe.Features.Charity.Wishes;

/// <summary>
/// 导出 of the micro-wishes as <see cref="ListWishes"/> finds and orders them (all pages, at most <see cref="ListExport.MaxRows"/>), as an
/// Excel file: alias, age, wish, value (yuan, two decimals), status, priority, area code, claimer, collected by, collected and published
/// at (China time). The wish's alias only — the child's name and register link stay on the wish's page. Audited as an export.
/// </summary>
public static class ExportWishes
{
    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, TimeProvider clock, ListWishes.Query q, CancellationToken ct = default)
    {
        q = q with { Page = null, Size = null };
        var rows = await ListExport.AllPagesAsync((p, size) => ListWishes.Handle(db, q with { Page = p, Size = size }, ct));
        var sheet = rows.Select((w, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("化名", "Alias")] = w.Alias,
            [Lang.T("年龄", "Age")] = w.Age,
            [Lang.T("心愿", "Wish")] = w.Item,
            [Lang.T("估值（元）", "Value (yuan)")] = w.ValueFen / 100m,
            [Lang.T("状态", "Status")] = Wish.StatusLabel(w.Status),
            [Lang.T("优先", "Priority")] = w.Priority > 0 ? Lang.T("是", "Yes") : "",
            [Lang.T("区划代码", "Area code")] = w.AreaCode,
            [Lang.T("认领人", "Claimer")] = w.ClaimerName ?? "",
            [Lang.T("征集人", "Collected by")] = w.CollectedByName,
            [Lang.T("征集时间", "Collected at")] = ChinaTime.Format(w.CollectedAt),
            [Lang.T("发布时间", "Published at")] = w.PublishedAt is { } at ? ChinaTime.Format(at) : "",
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "微心愿", "Micro-wishes", nameof(Wish), "list", q, ct);
    }
}
