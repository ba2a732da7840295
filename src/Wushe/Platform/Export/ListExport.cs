using System.Globalization;
using System.Reflection;
using Wushe.Data;
using Wushe.Platform.Areas;
using Wushe.Platform.Audit;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Platform.Export;

/// <summary>
/// What every list's 导出 shares. Its rows are the list's own: <see cref="AllPagesAsync{T}(Func{int, int, Task{PageOf{T}}})"/>
/// walks the list use case's pages, so the file holds what the search finds, in the list's order, with the list's masks.
/// Its tail is <see cref="FileAsync(AppDb, TimeProvider, IReadOnlyList{IReadOnlyDictionary{string, object}}, string, string, string, string, IAreaFilteredQuery, CancellationToken)"/>:
/// the sheet written through <see cref="Spreadsheet"/> (no cell read as a formula), the export audited, the file named.
/// </summary>
public static class ListExport
{
    /// <summary>Rows read per page of the list: the largest page size a list serves.</summary>
    public const int PageSize = 100;

    /// <summary>At most this many rows go into one file (a longer list is cut there; the audit row counts the rows written).</summary>
    public const int MaxRows = 10_000;

    /// <summary>
    /// The list's rows from page 1 on, <see cref="PageSize"/> a page, in the list's order: at most <see cref="MaxRows"/>.
    /// <paramref name="page"/> reads one page (number from 1, size) with the list's own query. The walk stops at a short
    /// page or once the page's total is reached (so rows deleted meanwhile never make it loop). Failures: none of its own.
    /// </summary>
    public static async Task<List<T>> AllPagesAsync<T>(Func<int, int, Task<PageOf<T>>> page) =>
        (await AllPagesAsync<T>(async (p, size) => (Result<PageOf<T>>)await page(p, size))).Value!;

    /// <summary>
    /// <see cref="AllPagesAsync{T}(Func{int, int, Task{PageOf{T}}})"/> for a list that can refuse its query (a malformed
    /// period or keyword): the first page's failure is returned as it is, and nothing is read further.
    /// </summary>
    public static async Task<Result<List<T>>> AllPagesAsync<T>(Func<int, int, Task<Result<PageOf<T>>>> page)
    {
        var rows = new List<T>();
        for (var p = 1; rows.Count < MaxRows; p++)
        {
            var read = await page(p, PageSize);
            if (!read.IsOk) return read.Failure!;
            rows.AddRange(read.Value!.Items);
            if (read.Value.Items.Count < PageSize || rows.Count >= read.Value.Total) break;
        }
        return rows.Count > MaxRows ? rows[..MaxRows] : rows;
    }

    /// <summary>
    /// The tail of a list's export. <paramref name="sheet"/> (rows of column → value, headers as shown) becomes an .xlsx of
    /// one sheet titled <paramref name="titleZh"/> or <paramref name="titleEn"/> by the UI language; the export is audited
    /// (Export, <paramref name="entity"/>, <paramref name="entityKey"/> such as "list", fields "rows=n" and the search followed,
    /// <see cref="Conditions"/>; filed under the <paramref name="query"/>'s area normalized or else the exporter's own area, so that an auditor of that area finds it;
    /// object "标题（n 条）", always Chinese) and saved. The file is named "标题_yyyyMMdd.xlsx" by China's day; in English
    /// the English title in lower case with hyphens for spaces ("Service records" → "service-records_20260501.xlsx").
    /// Failures: none expected; a database failure saving the audit row is thrown, and then no file is given out.
    /// </summary>
    public static Task<(byte[] Content, string FileName)> FileAsync(AppDb db, TimeProvider clock, IReadOnlyList<IReadOnlyDictionary<string, object?>> sheet,
        string titleZh, string titleEn, string entity, string entityKey, IAreaFilteredQuery query, CancellationToken ct = default) =>
        FileAsync(db, clock, sheet, titleZh, titleEn, entity, entityKey, query, AreaCode.Normalize(query.Area), ct: ct);

    /// <summary>The same for a list without an area tree: the audit row is filed under <paramref name="areaCode"/> (12 digits; the
    /// call's area for a call's list), or the actor's area when null; <paramref name="objectName"/> prefixes the row's object name.</summary>
    public static Task<(byte[] Content, string FileName)> FileAsync(AppDb db, TimeProvider clock, IReadOnlyList<IReadOnlyDictionary<string, object?>> sheet,
        string titleZh, string titleEn, string entity, string entityKey, object query, string? areaCode, string? objectName = null, CancellationToken ct = default) =>
        FileAsync(db, clock, sheet, titleZh, titleEn, new AuditRecord(clock.GetUtcNow(), db.Actor, AuditAction.Export, entity, entityKey,
            Conditions(query) is { Length: > 0 } filter ? $"rows={sheet.Count},filter={filter}" : $"rows={sheet.Count}",
            areaCode: areaCode ?? db.Actor.Active?.AreaCode, objectName: $"{objectName}{titleZh}（{sheet.Count} 条）"), ct);

    /// <summary>
    /// The search an export followed, for its audit row ("服务对象或服务人员：张；开始日期：2026-01-01；排序：oldest"): every condition
    /// given — the query's properties with a value, named by their <see cref="LabelAttribute"/> in Chinese (the property's name
    /// without one; the sort as 排序) — but the area (the row is filed under it) and the paging. Empty when none was given.
    /// Commas and equals signs are written full-width, so the summary's "key=value,…" form stays readable (review7d 8: an
    /// auditor could not tell that a person's name had been searched and exported).
    /// </summary>
    public static string Conditions(object query)
    {
        var type = query.GetType();
        var labels = type.GetConstructors().SelectMany(c => c.GetParameters())
            .Select(p => (p.Name, Label: p.GetCustomAttribute<LabelAttribute>())).Where(p => p.Name is not null && p.Label is not null)
            .GroupBy(p => p.Name!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Label!.Zh, StringComparer.OrdinalIgnoreCase);
        var parts = new List<string>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name is "Page" or "Size" or "Area" || property.GetIndexParameters().Length > 0) continue;
            var text = property.GetValue(query) switch
            {
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                string v => v.Trim(),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => null,
            };
            if (string.IsNullOrEmpty(text)) continue;
            var name = property.Name == "Sort" ? "排序" : labels.GetValueOrDefault(property.Name, property.Name);
            parts.Add($"{name}：{text}");
        }
        return string.Join("；", parts).Replace(',', '，').Replace('=', '＝');
    }

    /// <summary>
    /// <see cref="FileAsync(AppDb, TimeProvider, IReadOnlyList{IReadOnlyDictionary{string, object}}, string, string, string, string, IAreaFilteredQuery, CancellationToken)"/>
    /// with an audit row of the export's own wording (a summary names its area and period): the sheet, the file's name and
    /// the save are the same; <paramref name="audit"/> is added as it is.
    /// </summary>
    public static async Task<(byte[] Content, string FileName)> FileAsync(AppDb db, TimeProvider clock, IReadOnlyList<IReadOnlyDictionary<string, object?>> sheet,
        string titleZh, string titleEn, AuditRecord audit, CancellationToken ct = default)
    {
        var content = await Spreadsheet.XlsxAsync(sheet, Lang.T(titleZh, titleEn), ct);
        db.AuditRecords.Add(audit);
        await db.SaveChangesAsync(ct);
        return (content, $"{Lang.T(titleZh, titleEn.ToLowerInvariant().Replace(' ', '-'))}_{ChinaTime.Today(clock):yyyyMMdd}.xlsx");
    }
}
