using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>导出服务统计: the summary as an Excel sheet: the kinds, the total, then the child areas (counts only, no personal data).</summary>
public static class ExportServiceSummary
{
    public static async Task<Result<(byte[] Content, string FileName)>> Handle(AppDb db, CurrentUser user, TimeProvider clock, ServiceSummary.Query q, CancellationToken ct = default)
    {
        var result = await ServiceSummary.Handle(db, user, clock, q, ct);
        if (!result.IsOk) return result.Failure!;
        var s = result.Value!;
        var period = Wushe.Platform.ReportPeriod.Text(s.Year, s.FromMonth, s.ToMonth);
        IReadOnlyDictionary<string, object?> Line(string group, string name, int services, int attendances, int people) => new Dictionary<string, object?>
        {
            [Lang.T("统计区划", "Area")] = s.AreaName,
            [Lang.T("统计期间", "Period")] = period,
            [Lang.T("分组", "By")] = group,
            [Lang.T("项目", "Item")] = name,
            [Lang.T("服务次数", "Services")] = services,
            [Lang.T("服务人次", "Attendances")] = attendances,
            [Lang.T("服务人数（去重）", "People served (unique)")] = people,
        };
        var byKind = Lang.T("服务类型", "Kind");
        var rows = s.Kinds.Select(k => Line(byKind, k.Label, k.Services, k.Attendances, k.People)).ToList();
        rows.Add(Line(byKind, Lang.T("合计", "Total"), s.Services, s.Attendances, s.People));
        rows.AddRange(s.Children.Select(c => Line(Lang.T("下级区划", "Child area"), c.AreaName, c.Services, c.Attendances, c.People)));
        return await ListExport.FileAsync(db, clock, rows, "服务统计", "Services",
            new AuditRecord(clock.GetUtcNow(), db.Actor, AuditAction.Export, nameof(ServiceRecord), "summary", $"rows={rows.Count},period={new ReportPeriod(s.Year, s.FromMonth, s.ToMonth).Code}",
                areaCode: s.AreaCode, objectName: $"服务统计（{s.AreaName} {period}）"), ct);
    }
}
