using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// 导出: the people served as <see cref="ListServedPeople"/> finds and orders them (the same area, kind, period, name and order; all pages, at
/// most <see cref="ListExport.MaxRows"/> rows), as an Excel file: name masked (张*丰; a person whose record lies outside the
/// reader's scope: "（不在管辖范围）"), sex, age today, community, how many services, the last day — no ID number or phone.
/// Audited as an export of service records ("people"). Failures: the list's own (400 on a malformed period or area);
/// then nothing is exported or audited.
/// </summary>
public static class ExportServedPeople
{
    public static async Task<Result<(byte[] Content, string FileName)>> Handle(AppDb db, TimeProvider clock, ListServedPeople.Query q, CancellationToken ct = default)
    {
        var rows = await ListExport.AllPagesAsync((p, size) => ListServedPeople.Handle(db, clock, q with { Page = p, Size = size }, ct));
        if (!rows.IsOk) return rows.Failure!;
        var sheet = rows.Value!.Select((r, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("姓名", "Name")] = r.Name.Length > 0 ? r.Name : Lang.T("（不在管辖范围）", "(outside your area)"),
            [Lang.T("性别", "Sex")] = r.Sex is { } sex ? Resident.SexLabel(sex) : "",
            [Lang.T("年龄", "Age")] = r.Age,
            [Lang.T("所属社区（村）", "Community")] = r.AreaName,
            [Lang.T("服务次数", "Services")] = r.Services,
            [Lang.T("最近服务", "Last served")] = ChinaTime.Format(r.LastServedOn),
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "服务对象（去重）", "People served", nameof(ServiceRecord), "people", q, ct);
    }
}
