using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Workforce;

/// <summary>
/// 导出: the register as it is searched (<see cref="ListSocialWorkers"/>: its rows, order and masks), as an Excel file — phones masked,
/// no ID numbers; the export audited (<see cref="ListExport"/>), no cell read as a formula.
/// </summary>
public static class ExportSocialWorkers
{
    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, Sealer sealer, TimeProvider clock, ListSocialWorkers.Query q, CancellationToken ct = default)
    {
        var rows = await ListExport.AllPagesAsync((p, size) => ListSocialWorkers.Handle(db, sealer, clock, q with { Page = p, Size = size }, ct));
        var sheet = rows.Select((r, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("姓名", "Name")] = r.Name,
            [Lang.T("性别", "Sex")] = Resident.SexLabel(r.Sex),
            [Lang.T("年龄", "Age")] = r.Age,
            [Lang.T("所在地区", "Area")] = r.AreaName,
            [Lang.T("单位类型", "Employer kind")] = r.EmployerKind is { } k ? SocialWorker.EmployerKindLabel(k) : "",
            [Lang.T("工作单位", "Employer")] = r.EmployerName,
            [Lang.T("岗位", "Post")] = r.Post,
            [Lang.T("手机号码", "Mobile number")] = r.Phone,
            [Lang.T("职业资格", "Level")] = r.Level is { } l ? Qualification.LevelLabel(l) : Lang.T("无", "None"),
            [Lang.T("登记状态", "Registration")] = WorkforceRules.StateLabel(r.State),
            [Lang.T("登记有效期至", "Registered until")] = r.RegisteredUntil?.ToString("yyyy-MM-dd") ?? "",
            [Lang.T("在岗状态", "Status")] = SocialWorker.StatusLabel(r.Status),
            [Lang.T("平台账号", "Account")] = r.HasAccount ? Lang.T("已关联", "Linked") : Lang.T("未关联", "None"),
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "社工名册", "Social workers", nameof(SocialWorker), "list", q, ct);
    }
}
