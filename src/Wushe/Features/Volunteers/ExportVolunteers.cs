using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Volunteers;

/// <summary>
/// 导出: the volunteer register as it is searched (<see cref="ListVolunteers"/>: its rows, order and masks), as an Excel file —
/// phones masked, no ID numbers; the export audited (<see cref="ListExport"/>), no cell read as a formula.
/// </summary>
public static class ExportVolunteers
{
    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, Sealer sealer, TimeProvider clock, ListVolunteers.Query q, CancellationToken ct = default)
    {
        var rows = await ListExport.AllPagesAsync((p, size) => ListVolunteers.Handle(db, sealer, clock, q with { Page = p, Size = size }, ct));
        var sheet = rows.Select((r, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("志愿者编号", "Volunteer number")] = r.VolunteerNo,
            [Lang.T("姓名", "Name")] = r.Name,
            [Lang.T("性别", "Sex")] = Resident.SexLabel(r.Sex),
            [Lang.T("年龄", "Age")] = r.Age,
            [Lang.T("居住社区（村）", "Community of residence")] = r.AreaName,
            [Lang.T("手机号码", "Mobile number")] = r.Phone,
            [Lang.T("技能特长", "Skills")] = string.Join(Lang.T("、", ", "), r.Skills.Select(Volunteer.SkillLabel)),
            [Lang.T("状态", "Status")] = Volunteer.StatusLabel(r.Status),
            [Lang.T("登记方式", "Source")] = Volunteer.SourceLabel(r.Source),
            [Lang.T("平台账号", "Account")] = r.HasAccount ? Lang.T("已开通", "Yes") : Lang.T("未开通", "No"),
            [Lang.T("注册时间", "Registered at")] = ChinaTime.Format(r.RegisteredAt),
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "志愿者名册", "Volunteers", nameof(Volunteer), "list", q, ct);
    }
}
